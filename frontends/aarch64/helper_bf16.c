/*
 * BFloat16 arithmetic (contracts in helper_bf16.h).  The dot products are
 * computed in integers: a product of two BFloat16 values is exact in 16
 * bits, and a sum keeps 32 guard bits plus a sticky bit, so BFRound's
 * round-to-odd is applied once to the exact value.
 */
#include "frontends/aarch64/helper_bf16.h"

#include "frontends/aarch64/cpu.h"
#include "frontends/aarch64/helper_simd_internal.h"

#define BF_DEFAULT_NAN 0x7fc00000u

/* BFUnpack of a single-precision pattern. */
typedef enum BfType { BF_ZERO, BF_INF, BF_NAN, BF_NORMAL } BfType;

static BfType bf_unpack(uint32_t x, int *exp, uint64_t *mant)
{
    int e = (x >> 23) & 0xff;
    uint32_t f = x & 0x7fffff;
    if (e == 0)
        return BF_ZERO; /* denormals flushed */
    if (e == 0xff)
        return f ? BF_NAN : BF_INF;
    *exp = e - 150; /* value = mant * 2^exp */
    *mant = f | 1u << 23;
    return BF_NORMAL;
}

/* BFRound: the single nearest to mant * 2^exp (+ a sticky fraction) with round-to-odd,
 * flushing results below 2^-126 to zero and overflowing to infinity.  mant != 0. */
static uint32_t bf_round(uint32_t sign, int exp, uint64_t mant, bool sticky)
{
    int p = 63 - __builtin_clzll(mant), e = exp + p; /* value in [2^e, 2^(e+1)) */
    if (e < -126)
        return sign << 31;
    if (e > 127)
        return sign << 31 | 0x7f800000u;
    uint64_t m;
    if (p >= 23) {
        sticky |= (mant & ((1ull << (p - 23)) - 1)) != 0;
        m = mant >> (p - 23);
    } else {
        m = mant << (23 - p);
    }
    if (sticky)
        m |= 1;
    return sign << 31 | (uint32_t)(e + 127) << 23 | ((uint32_t)m & 0x7fffff);
}

/* BFMulH: the product of two BFloat16 values as a single. */
static uint32_t bf_mul(uint16_t a, uint16_t b)
{
    int ea = 0, eb = 0;
    uint64_t ma = 0, mb = 0;
    BfType ta = bf_unpack((uint32_t)a << 16, &ea, &ma), tb = bf_unpack((uint32_t)b << 16, &eb, &mb);
    uint32_t sign = ((a ^ b) >> 15) & 1;
    if (ta == BF_NAN || tb == BF_NAN || (ta == BF_INF && tb == BF_ZERO) ||
        (ta == BF_ZERO && tb == BF_INF))
        return BF_DEFAULT_NAN;
    if (ta == BF_INF || tb == BF_INF)
        return sign << 31 | 0x7f800000u;
    if (ta == BF_ZERO || tb == BF_ZERO)
        return sign << 31;
    return bf_round(sign, ea + eb, ma * mb, false);
}

/* BFAdd of two singles. */
static uint32_t bf_add(uint32_t a, uint32_t b)
{
    int ea = 0, eb = 0;
    uint64_t ma = 0, mb = 0;
    BfType ta = bf_unpack(a, &ea, &ma), tb = bf_unpack(b, &eb, &mb);
    uint32_t sa = a >> 31, sb = b >> 31;
    if (ta == BF_NAN || tb == BF_NAN || (ta == BF_INF && tb == BF_INF && sa != sb))
        return BF_DEFAULT_NAN;
    if (ta == BF_INF || tb == BF_INF)
        return (ta == BF_INF ? sa : sb) << 31 | 0x7f800000u;
    if (ta == BF_ZERO && tb == BF_ZERO)
        return sa == sb ? sa << 31 : 0;
    if (ta == BF_ZERO)
        return bf_round(sb, eb, mb, false);
    if (tb == BF_ZERO)
        return bf_round(sa, ea, ma, false);
    /* |a| >= |b| after a swap; 32 guard bits, the rest of b in a sticky bit */
    if (ea < eb || (ea == eb && ma < mb)) {
        int te = ea;
        uint64_t tm = ma;
        uint32_t ts = sa;
        ea = eb, ma = mb, sa = sb;
        eb = te, mb = tm, sb = ts;
    }
    int d = ea - eb;
    ma <<= 32;
    mb <<= 32;
    bool sticky = d >= 64 ? mb != 0 : d > 0 && (mb & ((1ull << d) - 1)) != 0;
    mb = d >= 64 ? 0 : mb >> d;
    uint64_t m = sa == sb ? ma + mb : ma - mb - (sticky ? 1 : 0);
    if (m == 0)
        return sticky ? sa << 31 : 0; /* exact zero: positive under round-to-odd */
    return bf_round(sa, ea - 32, m, sticky);
}

uint32_t a64_bfdotadd(uint32_t addend, uint16_t a1, uint16_t a2, uint16_t b1, uint16_t b2)
{
    return bf_add(addend, bf_add(bf_mul(a1, b1), bf_mul(a2, b2)));
}

/* ---- vector helpers ---- */

static uint16_t h16(const uint64_t *v, int i)
{
    return (uint16_t)vget(v, 1, i);
}

uint64_t helper_bf16_dot(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t n[2], m[2], r[2];
    vload(cpu, d.rn, n);
    vload(cpu, d.rm, m);
    vload(cpu, d.rd, r);
    for (int i = 0; i < 2 << d.q; i++) {
        int j = d.scalar ? d.imm : i;
        uint32_t acc = (uint32_t)vget(r, 2, i);
        vset(r, 2, i,
             a64_bfdotadd(acc, h16(n, 2 * i), h16(n, 2 * i + 1), h16(m, 2 * j), h16(m, 2 * j + 1)));
    }
    vstore(cpu, d.rd, r, d.q);
    return 0;
}

uint64_t helper_bf16_mmla(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t n[2], m[2], r[2];
    vload(cpu, d.rn, n);
    vload(cpu, d.rm, m);
    vload(cpu, d.rd, r);
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            uint32_t sum = (uint32_t)vget(r, 2, 2 * i + j);
            for (int k = 0; k < 2; k++)
                sum = a64_bfdotadd(sum, h16(n, 4 * i + 2 * k), h16(n, 4 * i + 2 * k + 1),
                                   h16(m, 4 * j + 2 * k), h16(m, 4 * j + 2 * k + 1));
            vset(r, 2, 2 * i + j, sum);
        }
    vstore(cpu, d.rd, r, true);
    return 0;
}

uint64_t helper_bf16_mlal(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t n[2], m[2], r[2];
    vload(cpu, d.rn, n);
    vload(cpu, d.rm, m);
    vload(cpu, d.rd, r);
    a64_fp_begin(cpu);
    for (int i = 0; i < 4; i++) {
        uint64_t a = (uint64_t)h16(n, 2 * i + d.u) << 16;
        uint64_t b = (uint64_t)h16(m, d.scalar ? d.imm : 2 * i + d.u) << 16;
        vset(r, 2, i, a64_fp_muladd(cpu, 2, vget(r, 2, i), a, b));
    }
    a64_fp_end(cpu);
    vstore(cpu, d.rd, r, true);
    return 0;
}

/* FPConvertBF: a single to BFloat16 under FPCR (rounding mode, DN, FZ), with IEEE flags. */
static uint16_t bf_from_single(A64CPU *cpu, uint32_t x)
{
    uint32_t sign = x >> 31, e = (x >> 23) & 0xff, f = x & 0x7fffff;
    if (e == 0xff && f) { /* NaN */
        if (!(f & 0x400000))
            cpu->fpsr |= A64_FPSR_IOC;
        return (cpu->fpcr & A64_FPCR_DN) ? 0x7fc0 : (uint16_t)((x | 0x400000) >> 16);
    }
    if (e == 0 && f && (cpu->fpcr & A64_FPCR_FZ)) {
        cpu->fpsr |= A64_FPSR_IDC;
        return (uint16_t)(sign << 15);
    }
    uint32_t hi = x >> 16, lo = x & 0xffff;
    if (e == 0xff || lo == 0)
        return (uint16_t)hi;
    bool up;
    switch ((cpu->fpcr >> A64_FPCR_RMODE_SHIFT) & 3) {
    case 0: /* nearest, ties to even */
        up = lo > 0x8000 || (lo == 0x8000 && (hi & 1));
        break;
    case 1: /* towards +inf */
        up = !sign;
        break;
    case 2: /* towards -inf */
        up = sign;
        break;
    default:
        up = false;
        break;
    }
    hi += up;
    cpu->fpsr |= A64_FPSR_IXC;
    if (e == 0) /* tiny before rounding and inexact */
        cpu->fpsr |= A64_FPSR_UFC;
    if ((hi & 0x7f80) == 0x7f80)
        cpu->fpsr |= A64_FPSR_OFC;
    return (uint16_t)hi;
}

uint64_t helper_bf16_cvt(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t n[2], r[2] = {0, 0};
    vload(cpu, d.rn, n);
    if (d.scalar) {
        r[0] = bf_from_single(cpu, (uint32_t)n[0]);
        vstore(cpu, d.rd, r, false);
        return 0;
    }
    vload(cpu, d.rd, r);
    uint64_t h = 0;
    for (int i = 0; i < 4; i++)
        h |= (uint64_t)bf_from_single(cpu, (uint32_t)vget(n, 2, i)) << (16 * i);
    r[d.q] = h;
    vstore(cpu, d.rd, r, d.q);
    return 0;
}
