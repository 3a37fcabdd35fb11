/*
 * The optional AArch64 extensions as C helpers (contracts in helper_ext.h).
 * Semantics follow the Arm ARM pseudocode of each instruction: the integer
 * dot products and matrix multiplies wrap modulo 2^32; FCMLA/FCADD are
 * sequences of FPMulAdd/FPAdd with operand negations (FPNeg also flips the
 * sign of a NaN); FRINT32/64 is FPRoundIntN; FJCVTZS is FPToFixedJS.
 */
#include "frontends/aarch64/helper_ext.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "frontends/aarch64/cpu.h"
#include "frontends/aarch64/helper_simd_internal.h"

/* ---- SQRDMLAH / SQRDMLSH ---- */

uint64_t helper_ext_rdm(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int esz = d.size, bits = 8 << esz, ne = nelem(&d, esz);
    uint64_t n[2], m[2], acc[2], r[2] = {0, 0};
    vload(cpu, d.rn, n);
    vload(cpu, d.rm, m);
    vload(cpu, d.rd, acc);
    for (int i = 0; i < ne; i++) {
        i128 prod =
            2 * (i128)sext(vget(n, esz, i), esz) * sext(vget(m, esz, (d.opc & 2) ? d.imm : i), esz);
        i128 x = ((i128)sext(vget(acc, esz, i), esz) << bits) + ((d.opc & 1) ? -prod : prod);
        vset(r, esz, i, sat(cpu, (x + ((i128)1 << (bits - 1))) >> bits, esz, false));
    }
    vstore(cpu, d.rd, r, d.q && !d.scalar);
    return 0;
}

/* ---- FMLAL / FMLSL ---- */

/* A half-precision pattern as the single of the same value; NaNs keep their payload and
 * signalling bit, so the single-precision FPMulAdd processes them as FPMulAddH does.  With
 * fz16 (FPCR.FZ16) a denormal becomes a signed zero, without IDC (Arm FPUnpack). */
static uint64_t half_to_single_bits(uint64_t h, bool fz16)
{
    uint32_t sign = (uint32_t)(h & 0x8000) << 16, e = (h >> 10) & 31, f = h & 0x3ff;
    if (e == 31)
        return sign | 0x7f800000u | f << 13;
    if (e == 0) {
        if (!f || fz16)
            return sign;
        int sh = __builtin_clz(f) - 21; /* normalise the subnormal: f << sh has bit 10 set */
        return sign | (uint32_t)(113 - sh) << 23 | ((f << sh) & 0x3ff) << 13;
    }
    return sign | (e + 112) << 23 | f << 13;
}

uint64_t helper_ext_fmlal(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int ne = 2 << d.q, base = d.u ? ne : 0;
    uint64_t n[2], m[2], r[2];
    vload(cpu, d.rn, n);
    vload(cpu, d.rm, m);
    vload(cpu, d.rd, r);
    bool fz16 = cpu->fpcr & A64_FPCR_FZ16;
    a64_fp_begin(cpu);
    for (int i = 0; i < ne; i++) {
        uint64_t a = vget(n, 1, base + i), b = vget(m, 1, d.scalar ? d.imm : base + i);
        if (d.opc)
            a ^= 0x8000; /* FPNeg */
        vset(r, 2, i,
             a64_fp_muladd(cpu, 2, vget(r, 2, i), half_to_single_bits(a, fz16),
                           half_to_single_bits(b, fz16)));
    }
    a64_fp_end(cpu);
    vstore(cpu, d.rd, r, d.q);
    return 0;
}

/* ---- dot products and matrix multiplies ---- */

/* Sum over k < 4 of n.b[4 * i + k] * m.b[4 * j + k], bytes signed or unsigned per kind. */
static uint32_t dot4(const uint64_t *n, int i, const uint64_t *m, int j, int kind)
{
    const uint8_t *x = (const uint8_t *)n + 4 * i, *y = (const uint8_t *)m + 4 * j;
    int32_t sum = 0;
    switch (kind) {
    case A64_DOT_SS:
        for (int k = 0; k < 4; k++)
            sum += (int8_t)x[k] * (int8_t)y[k];
        break;
    case A64_DOT_UU:
        for (int k = 0; k < 4; k++)
            sum += (int32_t)((uint32_t)x[k] * y[k]);
        break;
    case A64_DOT_US:
        for (int k = 0; k < 4; k++)
            sum += x[k] * (int8_t)y[k];
        break;
    default:
        for (int k = 0; k < 4; k++)
            sum += (int8_t)x[k] * y[k];
        break;
    }
    return (uint32_t)sum;
}

uint64_t helper_ext_dot(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t n[2], m[2];
    uint32_t r[4];
    vload(cpu, d.rn, n);
    vload(cpu, d.rm, m);
    memcpy(r, cpu->v[d.rd], 16);
    for (int i = 0; i < 2 << d.q; i++)
        r[i] += dot4(n, i, m, d.scalar ? d.imm : i, d.opc);
    if (!d.q)
        r[2] = r[3] = 0;
    memcpy(cpu->v[d.rd], r, 16);
    return 0;
}

uint64_t helper_ext_mmla(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t n[2], m[2], r[2];
    vload(cpu, d.rn, n);
    vload(cpu, d.rm, m);
    vload(cpu, d.rd, r);
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            uint32_t acc = (uint32_t)vget(r, 2, 2 * i + j);
            vset(r, 2, 2 * i + j,
                 acc + dot4(n, 2 * i, m, 2 * j, d.opc) + dot4(n, 2 * i + 1, m, 2 * j + 1, d.opc));
        }
    vstore(cpu, d.rd, r, true);
    return 0;
}

/* ---- complex arithmetic ---- */

static uint64_t fneg(int fsz, uint64_t x)
{
    return x ^ 1ull << ((8 << fsz) - 1);
}

uint64_t helper_ext_fcmla(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int fsz = d.size, pairs = (8 << d.q) >> (fsz + 1);
    uint64_t n[2], m[2], a[2], r[2] = {0, 0};
    vload(cpu, d.rn, n);
    vload(cpu, d.rm, m);
    vload(cpu, d.rd, a);
    a64_fp_begin(cpu);
    for (int e = 0; e < pairs; e++) {
        int p = d.scalar ? d.imm : e; /* the pair of Vm */
        uint64_t m_re = vget(m, fsz, 2 * p), m_im = vget(m, fsz, 2 * p + 1);
        uint64_t n_re = vget(n, fsz, 2 * e), n_im = vget(n, fsz, 2 * e + 1);
        uint64_t e1, e2, e3;
        switch (d.opc) {
        case 0: /* d.re += n.re * m.re; d.im += n.re * m.im */
            e1 = m_re, e2 = n_re, e3 = m_im;
            break;
        case 1: /* 90: d.re -= n.im * m.im; d.im += n.im * m.re */
            e1 = fneg(fsz, m_im), e2 = n_im, e3 = m_re;
            break;
        case 2: /* 180 */
            e1 = fneg(fsz, m_re), e2 = n_re, e3 = fneg(fsz, m_im);
            break;
        default: /* 270 */
            e1 = m_im, e2 = n_im, e3 = fneg(fsz, m_re);
            break;
        }
        vset(r, fsz, 2 * e, a64_fp_muladd(cpu, fsz, vget(a, fsz, 2 * e), e2, e1));
        vset(r, fsz, 2 * e + 1, a64_fp_muladd(cpu, fsz, vget(a, fsz, 2 * e + 1), e2, e3));
    }
    a64_fp_end(cpu);
    vstore(cpu, d.rd, r, d.q);
    return 0;
}

uint64_t helper_ext_fcadd(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int fsz = d.size, pairs = (8 << d.q) >> (fsz + 1);
    uint64_t n[2], m[2], r[2] = {0, 0};
    vload(cpu, d.rn, n);
    vload(cpu, d.rm, m);
    a64_fp_begin(cpu);
    for (int e = 0; e < pairs; e++) {
        uint64_t m_re = vget(m, fsz, 2 * e), m_im = vget(m, fsz, 2 * e + 1);
        uint64_t e1 = d.opc ? m_im : fneg(fsz, m_im), e3 = d.opc ? fneg(fsz, m_re) : m_re;
        vset(r, fsz, 2 * e, a64_fp_binop(cpu, A64_FP_ADD, fsz, vget(n, fsz, 2 * e), e1));
        vset(r, fsz, 2 * e + 1, a64_fp_binop(cpu, A64_FP_ADD, fsz, vget(n, fsz, 2 * e + 1), e3));
    }
    a64_fp_end(cpu);
    vstore(cpu, d.rd, r, d.q);
    return 0;
}

/* ---- FRINT32/64 ---- */

/* FPRoundIntN for single (fsz 2) or double (3): an integral value in the range of an
 * `bits`-bit integer, else -2^(bits-1) with Invalid Operation; Inexact when rounded. */
static uint64_t round_int_n(A64CPU *cpu, int fsz, uint64_t a, bool exact_mode, int bits)
{
    static const uint64_t most_neg[2][2] = {{0xcf000000, 0xdf000000},
                                            {0xc1e0000000000000ull, 0xc3e0000000000000ull}};
    uint64_t exp_mask = fsz == 3 ? 0x7ff0000000000000ull : 0x7f800000;
    uint64_t r_bits = most_neg[fsz == 3][bits == 64];
    if ((a & exp_mask) == exp_mask) { /* NaN or infinity */
        cpu->fpsr |= A64_FPSR_IOC;
        return r_bits;
    }
    bool denormal_flushed = (cpu->fpcr & A64_FPCR_FZ) && !(a & exp_mask);
    uint64_t r = a64_fp_round_int(cpu, fsz, a, exact_mode ? A64_RND_CUR : A64_RND_Z, false);
    double v;
    if (fsz == 3) {
        memcpy(&v, &r, 8);
    } else {
        float f;
        uint32_t w = (uint32_t)r;
        memcpy(&f, &w, 4);
        v = f;
    }
    double lim = bits == 64 ? 9223372036854775808.0 : 2147483648.0;
    if (v >= lim || v < -lim) {
        cpu->fpsr |= A64_FPSR_IOC;
        return r_bits;
    }
    if (r != a && !denormal_flushed)
        cpu->fpsr |= A64_FPSR_IXC;
    return r;
}

uint64_t helper_ext_frintts(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int fsz = d.size, bits = (d.opc & 1) ? 64 : 32;
    int n = d.scalar ? 1 : (8 << d.q) >> fsz;
    uint64_t v[2], r[2] = {0, 0};
    vload(cpu, d.rn, v);
    a64_fp_begin(cpu);
    for (int i = 0; i < n; i++)
        vset(r, fsz, i, round_int_n(cpu, fsz, vget(v, fsz, i), d.u, bits));
    a64_fp_end(cpu);
    vstore(cpu, d.rd, r, d.q && !d.scalar);
    return 0;
}

/* ---- FJCVTZS ---- */

uint64_t helper_ext_fjcvtzs(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t x = cpu->v[d.rn][0];
    bool sign = x >> 63;
    int exp = (int)(x >> 52) & 0x7ff;
    uint64_t frac = x & ((1ull << 52) - 1);
    if (exp == 0x7ff) { /* NaN or infinity */
        cpu->fpsr |= A64_FPSR_IOC;
        return 0;
    }
    if (exp == 0) {
        if (frac && (cpu->fpcr & A64_FPCR_FZ)) {
            cpu->fpsr |= A64_FPSR_IDC;
            frac = 0;
        }
        if (frac) {
            cpu->fpsr |= A64_FPSR_IXC;
            return 0;
        }
        return (uint64_t)!sign << 32; /* +0 is exact, -0 is not */
    }
    uint64_t mant = frac | 1ull << 52, mag;
    int e = exp - 1075; /* value = mant * 2^e */
    bool inexact;
    if (e >= 0) {
        mag = e < 64 ? mant << e : 0;
        inexact = false;
    } else {
        mag = -e < 64 ? mant >> -e : 0;
        inexact = -e < 64 ? (mant & ((1ull << -e) - 1)) != 0 : true;
    }
    bool overflow = exp - 1023 > 31 || mag > (sign ? 0x80000000ull : 0x7fffffffull);
    uint32_t res = (uint32_t)(sign ? -mag : mag);
    if (overflow)
        cpu->fpsr |= A64_FPSR_IOC;
    else if (inexact)
        cpu->fpsr |= A64_FPSR_IXC;
    return res | (uint64_t)(!overflow && !inexact) << 32;
}

/* ---- random numbers ---- */

uint64_t helper_ext_rndr(CPUCommon *cpu)
{
    for (int tries = 0; tries < 16; tries++) {
        uint64_t v;
        ssize_t n = getrandom(&v, sizeof(v), 0);
        if (n == (ssize_t)sizeof(v) && v != 0)
            return v;
        if (n < 0 && errno != EINTR && errno != EAGAIN)
            break;
    }
    return 0; /* failure: the caller reports NZCV = 0100 */
}
