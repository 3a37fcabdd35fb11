/*
 * Scalar floating point with Arm semantics, for the AArch64 FP helpers.
 *
 * Values travel as raw bit patterns of half (fsz 1), single (2) or double (3)
 * precision.  Arithmetic is done by the host in double (exact for the inputs;
 * a second rounding to single or half is innocuous for + - * / sqrt), and
 * NaNs are handled here the Arm way before the host sees them: the first
 * signalling NaN operand, else the first quiet NaN, quietened; a NaN the
 * operation itself produces is the Arm default NaN.  FPCR.RMode drives the
 * host rounding mode and host exception flags accumulate into FPSR
 * (a64_fp_begin / a64_fp_end).
 */
#pragma GCC optimize("rounding-math")
#include "frontends/aarch64/helper_simd.h"
#include "frontends/aarch64/fp_host.h"
#include "frontends/aarch64/fp_internal.h"

#include <math.h>
#include <string.h>

static bool fp_is_nan(int fsz, uint64_t x)
{
    return (x & fp_exp_mask[fsz]) == fp_exp_mask[fsz] && (x & fp_mant_mask(fsz)) != 0;
}

static bool fp_is_snan(int fsz, uint64_t x)
{
    return fp_is_nan(fsz, x) && !(x & fp_quiet_bit[fsz]);
}

static bool fp_is_inf(int fsz, uint64_t x)
{
    return (x & ~fp_sign_bit[fsz]) == fp_exp_mask[fsz];
}

static bool fp_is_zero(int fsz, uint64_t x)
{
    return (x & ~fp_sign_bit[fsz]) == 0;
}

static uint64_t fp_default_nan(int fsz)
{
    return fp_exp_mask[fsz] | fp_quiet_bit[fsz];
}

/* 2^e as a double, for -1022 <= e <= 1023. */
static double fp_pow2(int e)
{
    uint64_t x = (uint64_t)(e + 1023) << 52;
    double d;
    memcpy(&d, &x, 8);
    return d;
}

/* The result for a NaN operand `x`: quietened, or the default NaN under FPCR.DN. */
static uint64_t fp_nan_result(A64CPU *cpu, int fsz, uint64_t x)
{
    if (fp_is_snan(fsz, x))
        cpu->fpsr |= A64_FPSR_IOC;
    if (cpu->fpcr & A64_FPCR_DN)
        return fp_default_nan(fsz);
    return x | fp_quiet_bit[fsz];
}

/* Arm FPProcessNaNs over n operands; true with *res set when one is a NaN. */
static bool fp_process_nans(A64CPU *cpu, int fsz, const uint64_t *ops, int n, uint64_t *res)
{
    for (int i = 0; i < n; i++) {
        if (fp_is_snan(fsz, ops[i])) {
            *res = fp_nan_result(cpu, fsz, ops[i]);
            return true;
        }
    }
    for (int i = 0; i < n; i++) {
        if (fp_is_nan(fsz, ops[i])) {
            *res = fp_nan_result(cpu, fsz, ops[i]);
            return true;
        }
    }
    return false;
}

static bool fp_is_denormal(int fsz, uint64_t x)
{
    return (x & fp_exp_mask[fsz]) == 0 && (x & fp_mant_mask(fsz)) != 0;
}

/* Flush-to-zero mode for the format: FPCR.FZ16 for half precision, FPCR.FZ otherwise. */
static bool fp_fz(const A64CPU *cpu, int fsz)
{
    return cpu->fpcr & (fsz == 1 ? A64_FPCR_FZ16 : A64_FPCR_FZ);
}

/* FPCR.FZ / FZ16: denormal inputs become signed zeros; only FZ raises IDC (Arm FPUnpack). */
static uint64_t fp_flush_in(A64CPU *cpu, int fsz, uint64_t x)
{
    if (!fp_fz(cpu, fsz) || !fp_is_denormal(fsz, x))
        return x;
    if (fsz != 1)
        cpu->fpsr |= A64_FPSR_IDC;
    return x & fp_sign_bit[fsz];
}

/* Moves the host exception flags raised so far into FPSR. */
static void fp_collect_flags(A64CPU *cpu)
{
    unsigned e = host_flags();
    if (!e)
        return;
    cpu->fpsr |= a64_fp_host_fpsr_flags(e); /* XXX: MXCSR bits: x86-64 hosts only */
    host_clear_flags(HOST_ALL);
}

/* With flush-to-zero, collects earlier flags so that a flushed result can drop its own. */
static void fp_fz_prepare(A64CPU *cpu, int fsz)
{
    if (fp_fz(cpu, fsz))
        fp_collect_flags(cpu);
}

/*
 * FPCR.FZ / FZ16: a result tiny before rounding (denormal, or zero or the smallest normal
 * with Underflow raised) becomes a signed zero and raises only UFC.  Half-precision
 * rounding (fp_double_to_half) raises the host underflow flag for every inexact tiny
 * result, including one rounded up to the smallest normal.
 */
static uint64_t fp_flush_out(A64CPU *cpu, int fsz, uint64_t x)
{
    if (!fp_fz(cpu, fsz))
        return x;
    uint64_t mag = x & ~fp_sign_bit[fsz];
    bool edge = fsz == 1 || mag == 0 || mag == 1ull << fp_mant_bits[fsz];
    if (!fp_is_denormal(fsz, x) && !(edge && (host_flags() & HOST_UNDERFLOW)))
        return x;
    host_clear_flags(HOST_INEXACT | HOST_UNDERFLOW);
    cpu->fpsr |= A64_FPSR_UFC;
    return x & fp_sign_bit[fsz];
}

static double fp_to_double(int fsz, uint64_t x)
{
    if (fsz == 3) {
        double d;
        memcpy(&d, &x, 8);
        return d;
    }
    if (fsz == 2) {
        uint32_t w = (uint32_t)x;
        float f;
        memcpy(&f, &w, 4);
        return f;
    }
    uint16_t h16 = (uint16_t)x;
    _Float16 h;
    memcpy(&h, &h16, 2);
    return h;
}

/* Rounds a finite or infinite double to half precision in the current rounding mode,
 * raising the host flags an SSE conversion would (libgcc's conversion reports overflow
 * and underflow in the x87 status word only).  `ahp`: the alternative format (FPCR.AHP),
 * where exponent 31 is normal and overflow gives the largest magnitude and Invalid only. */
static uint16_t fp_double_to_half(double d, bool ahp)
{
    uint16_t sign = signbit(d) ? 0x8000 : 0;
    double a = fabs(d);
    if (isinf(a))
        return sign | 0x7c00;
    if (a == 0)
        return sign;
    int e;
    frexp(a, &e); /* a = m * 2^e, 0.5 <= m < 1 */
    bool tiny = e - 1 < -14;
    int quantum = tiny ? -24 : e - 1 - 10;
    double scaled = a * fp_pow2(-quantum); /* exact */
    unsigned saved = host_flags();
    double n = floor(scaled), frac = scaled - n;
    host_restore_flags(saved); /* the library's floor may raise Inexact: the flags come below */
    int rm = host_round();
    bool up = rm == 0   ? (frac > 0.5 || (frac == 0.5 && ((uint32_t)n & 1)))
              : rm == 1 ? (frac > 0 && !sign)
              : rm == 2 ? (frac > 0 && sign)
                        : false;
    n += up;
    unsigned raise = frac != 0 ? HOST_INEXACT : 0;
    if (tiny && raise)
        raise |= HOST_UNDERFLOW;
    uint32_t bits =
        quantum == -24 ? (uint32_t)n : (uint32_t)((quantum + 25) << 10) + (uint32_t)n - 1024;
    if (ahp && bits >= 0x8000) {
        raise = HOST_INVALID;
        bits = 0x7fff;
    } else if (!ahp && bits >= 0x7c00) { /* overflow */
        raise |= HOST_OVERFLOW | HOST_INEXACT;
        bool to_inf = rm == 0 || (rm == 1 && !sign) || (rm == 2 && sign);
        bits = to_inf ? 0x7c00 : 0x7bff;
    }
    if (raise)
        host_raise(raise);
    return sign | (uint16_t)bits;
}

/* Rounds `d` to the format in the current host rounding mode. */
static uint64_t fp_from_double(int fsz, double d)
{
    if (fsz == 3) {
        uint64_t x;
        memcpy(&x, &d, 8);
        return x;
    }
    if (fsz == 2) {
        volatile float f = (float)d;
        float g = f;
        uint32_t w;
        memcpy(&w, &g, 4);
        return w;
    }
    return fp_double_to_half(d, false);
}

/* A computed result: a NaN made by the operation becomes the default NaN. */
static uint64_t fp_result(A64CPU *cpu, int fsz, double d)
{
    if (isnan(d))
        return fp_default_nan(fsz);
    return fp_flush_out(cpu, fsz, fp_from_double(fsz, d));
}

/* The host already rounds as FPCR says while guest code runs (helper_fp_env.c); flags
 * raised before the bracket (by generated code) are folded first, so that the bracket's
 * own can be told apart. */
/* Operations whose results can round up to the smallest normal from below; FP_TINY_EXACT:
 * the exact result is x itself (a narrowing conversion). */
typedef enum FpTinyOp { FP_TINY_EXACT, FP_TINY_MUL, FP_TINY_DIV, FP_TINY_FMA } FpTinyOp;

/* True when the exact |x|, |x * y|, |x / y| or |a + x * y| is below the smallest normal of
 * fsz: recomputed scaled by 2^64 and rounded toward zero, so the comparison is exact. */
static bool fp_exact_below_normal(int fsz, FpTinyOp op, double x, double y, double a)
{
    int rm = host_round();
    unsigned flags = host_flags();
    host_set_round(3);
    volatile double s = 0x1p64, r;
    if (op == FP_TINY_EXACT)
        r = x * s;
    else if (op == FP_TINY_MUL)
        r = (x * s) * y;
    else if (op == FP_TINY_DIV)
        r = (x * s) / y;
    else
        r = fma(x * s, y, a * s);
    host_set_round(rm);
    host_restore_flags(flags);
    return fabs(r) < (fsz == 3 ? 0x1p-958 : 0x1p-62);
}

/*
 * fp_result for ops whose result may be tiny before rounding (Arm) but round to the
 * smallest normal (not tiny for x86, which detects tininess after rounding): such a result
 * raises UFC, and FPCR.FZ flushes it to zero.
 */
static uint64_t fp_result_op(A64CPU *cpu, int fsz, double d, FpTinyOp op, double x, double y,
                             double a)
{
    if (isnan(d) || fsz == 1)
        return fp_result(cpu, fsz, d);
    uint64_t r = fp_from_double(fsz, d);
    if ((r & ~fp_sign_bit[fsz]) != 1ull << fp_mant_bits[fsz] ||
        !fp_exact_below_normal(fsz, op, x, y, a))
        return fp_flush_out(cpu, fsz, r);
    cpu->fpsr |= A64_FPSR_UFC;
    if (!fp_fz(cpu, fsz))
        return r;
    host_clear_flags(HOST_INEXACT | HOST_UNDERFLOW);
    return r & fp_sign_bit[fsz];
}

void a64_fp_begin(A64CPU *cpu)
{
    int rmode = (cpu->fpcr >> A64_FPCR_RMODE_SHIFT) & 3;
    fp_collect_flags(cpu);
    if (host_round() != rmode)
        host_set_round(rmode);
}

void a64_fp_end(A64CPU *cpu)
{
    fp_collect_flags(cpu);
}

/* FMAX/FMIN of two non-NaN values; +0 > -0. */
static uint64_t fp_minmax(int fsz, uint64_t a, uint64_t b, bool is_max)
{
    if (fp_is_zero(fsz, a) && fp_is_zero(fsz, b))
        return is_max ? (a & b) : (a | b);
    double x = fp_to_double(fsz, a), y = fp_to_double(fsz, b);
    return (x > y) == is_max ? a : b;
}

/* Arm FPMulAdd core (a + n * m), operands already NaN-free and flushed. */
static uint64_t fp_fma_raw(A64CPU *cpu, int fsz, uint64_t a, uint64_t n, uint64_t m)
{
    if (fsz == 2) {
        float fa = (float)fp_to_double(2, a), fn = (float)fp_to_double(2, n);
        float fm = (float)fp_to_double(2, m);
        return fp_result_op(cpu, 2, fmaf(fn, fm, fa), FP_TINY_FMA, fn, fm, fa);
    }
    double x = fp_to_double(fsz, n), y = fp_to_double(fsz, m), z = fp_to_double(fsz, a);
    return fp_result_op(cpu, fsz, fma(x, y, z), FP_TINY_FMA, x, y, z);
}

/* FRSQRTS core: (3 + n * m) / 2 with a single rounding; halving an operand first keeps
 * the intermediate from overflowing (exact unless that operand is tiny). */
static uint64_t fp_rsqrt_step(A64CPU *cpu, int fsz, uint64_t n, uint64_t m)
{
    double x = fp_to_double(fsz, n), y = fp_to_double(fsz, m);
    if (fsz == 2) {
        float fx = (float)x, fy = (float)y;
        if (fabsf(fx) >= 0x1p-120f)
            return fp_result(cpu, 2, fmaf(fx * 0.5f, fy, 1.5f));
        if (fabsf(fy) >= 0x1p-120f)
            return fp_result(cpu, 2, fmaf(fx, fy * 0.5f, 1.5f));
        return fp_result(cpu, 2, fmaf(fx, fy, 3.0f) * 0.5f);
    }
    if (fabs(x) >= 0x1p-1000 && fsz == 3)
        return fp_result(cpu, fsz, fma(x * 0.5, y, 1.5));
    if (fabs(y) >= 0x1p-1000 && fsz == 3)
        return fp_result(cpu, fsz, fma(x, y * 0.5, 1.5));
    return fp_result(cpu, fsz, fma(x, y, 3.0) * 0.5);
}

/* FRECPS / FRSQRTS: 2 + n * m or (3 + n * m) / 2, fused (n already negated); inf * 0
 * gives the constant. */
static uint64_t fp_recip_step(A64CPU *cpu, int fsz, uint64_t n, uint64_t m, bool rsqrt)
{
    if ((fp_is_inf(fsz, n) && fp_is_zero(fsz, m)) || (fp_is_zero(fsz, n) && fp_is_inf(fsz, m)))
        return fp_from_double(fsz, rsqrt ? 1.5 : 2.0);
    if (rsqrt)
        return fp_rsqrt_step(cpu, fsz, n, m);
    return fp_fma_raw(cpu, fsz, fp_from_double(fsz, 2.0), n, m);
}

static uint64_t fp_arith(A64CPU *cpu, A64FpOp op, int fsz, uint64_t a, uint64_t b)
{
    double x = fp_to_double(fsz, a), y = fp_to_double(fsz, b);
    switch (op) {
    case A64_FP_ADD:
        return fp_result(cpu, fsz, x + y);
    case A64_FP_SUB:
        return fp_result(cpu, fsz, x - y);
    case A64_FP_MUL:
        return fp_result_op(cpu, fsz, x * y, FP_TINY_MUL, x, y, 0);
    case A64_FP_NMUL:
        return fp_result_op(cpu, fsz, x * y, FP_TINY_MUL, x, y, 0) ^ fp_sign_bit[fsz];
    case A64_FP_MULX:
        if ((isinf(x) && y == 0) || (x == 0 && isinf(y)))
            return fp_from_double(fsz, signbit(x) != signbit(y) ? -2.0 : 2.0);
        return fp_result_op(cpu, fsz, x * y, FP_TINY_MUL, x, y, 0);
    case A64_FP_DIV:
        return fp_result_op(cpu, fsz, x / y, FP_TINY_DIV, x, y, 0);
    case A64_FP_ABD:
        return fp_result(cpu, fsz, x - y) & ~fp_sign_bit[fsz];
    case A64_FP_MAX:
    case A64_FP_MAXNM:
        return fp_minmax(fsz, a, b, true);
    case A64_FP_MIN:
    case A64_FP_MINNM:
        return fp_minmax(fsz, a, b, false);
    case A64_FP_RECPS:
        return fp_recip_step(cpu, fsz, a, b, false);
    case A64_FP_RSQRTS:
        return fp_recip_step(cpu, fsz, a, b, true);
    }
    return 0;
}

uint64_t a64_fp_binop(A64CPU *cpu, A64FpOp op, int fsz, uint64_t a, uint64_t b)
{
    uint64_t ops[2] = {fp_flush_in(cpu, fsz, a), fp_flush_in(cpu, fsz, b)};
    uint64_t r;
    fp_fz_prepare(cpu, fsz);
    if (op == A64_FP_RECPS || op == A64_FP_RSQRTS)
        ops[0] ^= fp_sign_bit[fsz];
    if (op == A64_FP_MAXNM || op == A64_FP_MINNM) {
        bool qa = fp_is_nan(fsz, ops[0]) && !fp_is_snan(fsz, ops[0]);
        bool qb = fp_is_nan(fsz, ops[1]) && !fp_is_snan(fsz, ops[1]);
        if (qa && !fp_is_nan(fsz, ops[1]))
            ops[0] = ops[1];
        else if (qb && !fp_is_nan(fsz, ops[0]))
            ops[1] = ops[0];
    }
    if (fp_process_nans(cpu, fsz, ops, 2, &r)) {
        if (op == A64_FP_NMUL)
            r ^= fp_sign_bit[fsz];
        if (op == A64_FP_ABD)
            r &= ~fp_sign_bit[fsz];
        return r;
    }
    return fp_arith(cpu, op, fsz, ops[0], ops[1]);
}

uint64_t a64_fp_muladd(A64CPU *cpu, int fsz, uint64_t a, uint64_t n, uint64_t m)
{
    uint64_t ops[3] = {fp_flush_in(cpu, fsz, a), fp_flush_in(cpu, fsz, n),
                       fp_flush_in(cpu, fsz, m)};
    uint64_t r;
    fp_fz_prepare(cpu, fsz);
    bool inf_zero = (fp_is_inf(fsz, ops[1]) && fp_is_zero(fsz, ops[2])) ||
                    (fp_is_zero(fsz, ops[1]) && fp_is_inf(fsz, ops[2]));
    if (inf_zero && fp_is_nan(fsz, ops[0]) && !fp_is_snan(fsz, ops[0])) {
        cpu->fpsr |= A64_FPSR_IOC;
        return fp_default_nan(fsz);
    }
    if (fp_process_nans(cpu, fsz, ops, 3, &r))
        return r;
    return fp_fma_raw(cpu, fsz, ops[0], ops[1], ops[2]);
}

uint64_t a64_fp_sqrt(A64CPU *cpu, int fsz, uint64_t a)
{
    a = fp_flush_in(cpu, fsz, a);
    if (fp_is_nan(fsz, a))
        return fp_nan_result(cpu, fsz, a);
    fp_fz_prepare(cpu, fsz);
    return fp_result(cpu, fsz, sqrt(fp_to_double(fsz, a)));
}

int a64_fp_compare(A64CPU *cpu, int fsz, uint64_t a, uint64_t b, bool signal)
{
    a = fp_flush_in(cpu, fsz, a);
    b = fp_flush_in(cpu, fsz, b);
    if (fp_is_nan(fsz, a) || fp_is_nan(fsz, b)) {
        if (signal || fp_is_snan(fsz, a) || fp_is_snan(fsz, b))
            cpu->fpsr |= A64_FPSR_IOC;
        return 0x3;
    }
    double x = fp_to_double(fsz, a), y = fp_to_double(fsz, b);
    if (x == y)
        return 0x6;
    return x < y ? 0x8 : 0x2;
}

bool a64_fp_compare_cond(A64CPU *cpu, int fsz, uint64_t a, uint64_t b, int cond, bool abs)
{
    if (abs) {
        a &= ~fp_sign_bit[fsz];
        b &= ~fp_sign_bit[fsz];
    }
    int nzcv = a64_fp_compare(cpu, fsz, a, b, cond != 0);
    switch (cond) {
    case 0:
        return nzcv == 0x6;
    case 1:
        return nzcv == 0x6 || nzcv == 0x2;
    default:
        return nzcv == 0x2;
    }
}

static double fp_round_double(double x, A64FpRound rm)
{
    switch (rm) {
    case A64_RND_N:
        return roundeven(x);
    case A64_RND_P:
        return ceil(x);
    case A64_RND_M:
        return floor(x);
    case A64_RND_Z:
        return trunc(x);
    case A64_RND_A:
        return round(x);
    default:
        return nearbyint(x);
    }
}

static uint64_t fp_round_int(A64CPU *cpu, int fsz, uint64_t a, A64FpRound rm, bool exact)
{
    a = fp_flush_in(cpu, fsz, a);
    if (fp_is_nan(fsz, a))
        return fp_nan_result(cpu, fsz, a);
    if (rm == A64_RND_CUR)
        rm = (A64FpRound)((cpu->fpcr >> A64_FPCR_RMODE_SHIFT) & 3);
    double x = fp_to_double(fsz, a);
    double r = fp_round_double(x, rm);
    if (exact && r != x)
        cpu->fpsr |= A64_FPSR_IXC;
    return fp_from_double(fsz, r) | (a & fp_sign_bit[fsz]);
}

static uint64_t fp_to_int(A64CPU *cpu, int fsz, uint64_t a, A64FpRound rm, bool is_unsigned,
                          int fbits, int isz)
{
    a = fp_flush_in(cpu, fsz, a);
    if (fp_is_nan(fsz, a)) {
        cpu->fpsr |= A64_FPSR_IOC;
        return 0;
    }
    if (rm == A64_RND_CUR)
        rm = (A64FpRound)((cpu->fpcr >> A64_FPCR_RMODE_SHIFT) & 3);
    double x = fp_to_double(fsz, a) * fp_pow2(fbits);
    double r = fp_round_double(x, rm);
    int bits = 8 << isz;
    double hi = is_unsigned ? fp_pow2(bits) : fp_pow2(bits - 1);
    double lo = is_unsigned ? 0.0 : -fp_pow2(bits - 1);
    if (r >= hi) {
        cpu->fpsr |= A64_FPSR_IOC;
        return is_unsigned ? fp_width_mask(isz) : (fp_width_mask(isz) >> 1);
    }
    if (r < lo) {
        cpu->fpsr |= A64_FPSR_IOC;
        return is_unsigned ? 0 : (fp_width_mask(isz) >> 1) + 1;
    }
    if (r != x)
        cpu->fpsr |= A64_FPSR_IXC;
    uint64_t v = is_unsigned ? (uint64_t)r : (uint64_t)(int64_t)r;
    return v & fp_width_mask(isz);
}

/* The host library's rounding functions may raise flags of their own: FPSR gets
 * exactly the Arm flags computed here. */
uint64_t a64_fp_round_int(A64CPU *cpu, int fsz, uint64_t a, A64FpRound rm, bool exact)
{
    unsigned saved = host_flags();
    uint64_t r = fp_round_int(cpu, fsz, a, rm, exact);
    host_restore_flags(saved);
    return r;
}

uint64_t a64_fp_to_int(A64CPU *cpu, int fsz, uint64_t a, A64FpRound rm, bool is_unsigned, int fbits,
                       int isz)
{
    unsigned saved = host_flags();
    uint64_t r = fp_to_int(cpu, fsz, a, rm, is_unsigned, fbits, isz);
    host_restore_flags(saved);
    return r;
}

uint64_t a64_fp_from_int(A64CPU *cpu, int fsz, uint64_t v, bool is_unsigned, int fbits)
{
    bool neg = !is_unsigned && (int64_t)v < 0;
    uint64_t mag = neg ? -v : v;
    fp_fz_prepare(cpu, fsz);
    if (fsz == 3) { /* one rounding, then an exact scaling (the result is >= 2^-64) */
        volatile double d = is_unsigned ? (double)v : (double)(int64_t)v;
        return fp_from_double(3, d * fp_pow2(-fbits));
    }
    if (fsz == 2) {
        volatile float f = is_unsigned ? (float)v : (float)(int64_t)v;
        float g = f * (float)fp_pow2(-fbits);
        uint32_t w;
        memcpy(&w, &g, 4);
        return w;
    }
    /* half: narrow to 53 bits keeping a sticky bit, scale exactly, round once */
    int k = 0;
    for (; mag >> 53; k++)
        mag = (mag >> 1) | (mag & 1);
    double d = (double)mag * fp_pow2(k - fbits);
    return fp_flush_out(cpu, 1, fp_from_double(1, neg ? -d : d));
}

/* A NaN converted between formats keeps its sign and top payload bits. */
static uint64_t fp_convert_nan(A64CPU *cpu, int from, int to, uint64_t a)
{
    bool snan = fp_is_snan(from, a);
    if (snan)
        cpu->fpsr |= A64_FPSR_IOC;
    if (cpu->fpcr & A64_FPCR_DN)
        return fp_default_nan(to);
    uint64_t mant = a & fp_mant_mask(from);
    int shift = fp_mant_bits[to] - fp_mant_bits[from];
    mant = shift >= 0 ? mant << shift : mant >> -shift;
    uint64_t sign = (a & fp_sign_bit[from]) ? fp_sign_bit[to] : 0;
    return sign | fp_exp_mask[to] | fp_quiet_bit[to] | (mant & fp_mant_mask(to));
}

/* Conversions to and from the alternative half-precision format (FPCR.AHP): no infinities
 * or NaNs; a NaN becomes a signed zero and an infinity the largest magnitude, with Invalid
 * (Arm FPConvert, FPUnpackCV, FPRoundBase). */
static uint64_t fp_convert_ahp(A64CPU *cpu, int from, int to, uint64_t a)
{
    if (from == 1) {
        int exp = (a >> 10) & 31;
        double d = exp ? ldexp(1024 + (a & 0x3ff), exp - 25) : ldexp(a & 0x3ff, -24);
        return fp_from_double(to, (a & 0x8000) ? -d : d); /* exact */
    }
    a = fp_flush_in(cpu, from, a);
    uint64_t sign = (a & fp_sign_bit[from]) ? 0x8000 : 0;
    if (fp_is_nan(from, a) || fp_is_inf(from, a)) {
        cpu->fpsr |= A64_FPSR_IOC;
        return fp_is_nan(from, a) ? sign : sign | 0x7fff;
    }
    return fp_double_to_half(fp_to_double(from, a), true);
}

/* Conversions ignore FPCR.FZ16: a half-precision input or result is never flushed (Arm
 * FPUnpackCV / FPRoundCV); FPCR.FZ applies to the single or double side. */
uint64_t a64_fp_convert(A64CPU *cpu, int from, int to, uint64_t a)
{
    if ((cpu->fpcr & A64_FPCR_AHP) && (from == 1 || to == 1))
        return fp_convert_ahp(cpu, from, to, a);
    if (from != 1)
        a = fp_flush_in(cpu, from, a);
    if (fp_is_nan(from, a))
        return fp_convert_nan(cpu, from, to, a);
    if (to == 1)
        return fp_from_double(to, fp_to_double(from, a));
    fp_fz_prepare(cpu, to);
    double d = fp_to_double(from, a);
    return fp_result_op(cpu, to, d, FP_TINY_EXACT, d, 0, 0);
}

/* Double to single with rounding to odd (FCVTXN): truncate, then set the low bit if inexact. */
uint64_t a64_fp_convert_odd(A64CPU *cpu, uint64_t a)
{
    a = fp_flush_in(cpu, 3, a);
    if (fp_is_nan(3, a))
        return fp_convert_nan(cpu, 3, 2, a);
    fp_fz_prepare(cpu, 2);
    int rm = host_round();
    host_set_round(3);
    double d = fp_to_double(3, a);
    uint64_t w = fp_from_double(2, d);
    w |= fp_to_double(2, w) != d && !isinf(d); /* inexact: odd */
    host_set_round(rm);
    return fp_flush_out(cpu, 2, w);
}

/* ---- FP reciprocal estimates (the 8-bit estimates are in helper_simd_misc.c) ---- */

/* Fraction of a as 52 bits and its biased exponent. */
static uint64_t fp_frac52(int fsz, uint64_t a, int *exp)
{
    *exp = (int)((a & fp_exp_mask[fsz]) >> fp_mant_bits[fsz]);
    return (a & fp_mant_mask(fsz)) << (52 - fp_mant_bits[fsz]);
}

static uint64_t fp_pack52(int fsz, uint64_t sign, int64_t exp, uint64_t frac52)
{
    return (sign ? fp_sign_bit[fsz] : 0) | (uint64_t)exp << fp_mant_bits[fsz] |
           frac52 >> (52 - fp_mant_bits[fsz]);
}

/* FRECPE of a value too small for a finite estimate: infinity or max normal. */
static uint64_t fp_recpe_overflow(A64CPU *cpu, int fsz, bool sign)
{
    int rm = (cpu->fpcr >> A64_FPCR_RMODE_SHIFT) & 3;
    bool to_inf = rm == 0 || (rm == 1 && !sign) || (rm == 2 && sign);
    uint64_t mag = to_inf ? fp_exp_mask[fsz] : fp_exp_mask[fsz] - 1;
    cpu->fpsr |= A64_FPSR_OFC | A64_FPSR_IXC;
    return (sign ? fp_sign_bit[fsz] : 0) | mag;
}

uint64_t a64_fp_recip_estimate(A64CPU *cpu, int fsz, uint64_t a)
{
    static const int tiny_exp[4] = {0, -16, -128, -1024}, big_exp[4] = {0, 14, 126, 1022};
    static const int bias2[4] = {0, 29, 253, 2045};
    a = fp_flush_in(cpu, fsz, a);
    bool sign = a & fp_sign_bit[fsz];
    if (fp_is_nan(fsz, a))
        return fp_nan_result(cpu, fsz, a);
    if (fp_is_inf(fsz, a))
        return a & fp_sign_bit[fsz];
    if (fp_is_zero(fsz, a)) {
        cpu->fpsr |= A64_FPSR_DZC;
        return (a & fp_sign_bit[fsz]) | fp_exp_mask[fsz];
    }
    double v = fabs(fp_to_double(fsz, a));
    if (v < ldexp(1.0, tiny_exp[fsz]))
        return fp_recpe_overflow(cpu, fsz, sign);
    if (fp_fz(cpu, fsz) && v >= fp_pow2(big_exp[fsz])) {
        cpu->fpsr |= A64_FPSR_UFC;
        return a & fp_sign_bit[fsz];
    }
    int exp;
    uint64_t frac = fp_frac52(fsz, a, &exp);
    if (exp == 0) {
        if (!(frac >> 51 & 1)) {
            exp = -1;
            frac = (frac << 2) & ((1ull << 52) - 1);
        } else {
            frac = (frac << 1) & ((1ull << 52) - 1);
        }
    }
    int64_t rexp = bias2[fsz] - exp;
    int est = a64_recip_estimate((int)(256 | frac >> 44));
    frac = (uint64_t)(est & 0xff) << 44;
    if (rexp == 0) {
        frac = 1ull << 51 | frac >> 1;
    } else if (rexp == -1) {
        frac = 1ull << 50 | frac >> 2;
        rexp = 0;
    }
    return fp_pack52(fsz, sign, rexp, frac);
}

uint64_t a64_fp_rsqrt_estimate(A64CPU *cpu, int fsz, uint64_t a)
{
    static const int bias3[4] = {0, 44, 380, 3068};
    a = fp_flush_in(cpu, fsz, a);
    if (fp_is_nan(fsz, a))
        return fp_nan_result(cpu, fsz, a);
    if (fp_is_zero(fsz, a)) {
        cpu->fpsr |= A64_FPSR_DZC;
        return (a & fp_sign_bit[fsz]) | fp_exp_mask[fsz];
    }
    if (a & fp_sign_bit[fsz]) {
        cpu->fpsr |= A64_FPSR_IOC;
        return fp_default_nan(fsz);
    }
    if (fp_is_inf(fsz, a))
        return 0;
    int exp;
    uint64_t frac = fp_frac52(fsz, a, &exp);
    if (exp == 0) {
        while (!(frac >> 51 & 1)) {
            frac <<= 1;
            exp--;
        }
        frac = (frac << 1) & ((1ull << 52) - 1);
    }
    int scaled = (exp & 1) ? (int)(128 | frac >> 45) : (int)(256 | frac >> 44);
    int64_t rexp = (bias3[fsz] - exp) / 2;
    int est = a64_rsqrt_estimate(scaled);
    return fp_pack52(fsz, 0, rexp, (uint64_t)(est & 0xff) << 44);
}

uint64_t a64_fp_recpx(A64CPU *cpu, int fsz, uint64_t a)
{
    a = fp_flush_in(cpu, fsz, a);
    if (fp_is_nan(fsz, a))
        return fp_nan_result(cpu, fsz, a);
    uint64_t exp = a & fp_exp_mask[fsz];
    uint64_t e = exp ? ~exp & fp_exp_mask[fsz] : fp_exp_mask[fsz] - (1ull << fp_mant_bits[fsz]);
    return (a & fp_sign_bit[fsz]) | e;
}
