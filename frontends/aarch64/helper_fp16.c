/*
 * AdvSIMD half-precision arithmetic (contracts in helper_fp16.h).  The
 * operation tables follow the Arm ARM encodings: three same keyed by
 * U:a:opcode, two-register misc by U:a:opcode; conversions to integers go
 * through 32-bit conversions and saturate to 16 bits (half values never
 * exceed the 32-bit range, so only that last step can overflow).
 * FPCR.FZ16 is applied by the scalar operations of helper_fp.c.
 * XXX: FPCR.AHP is not modelled (as in helper_fp.c).
 */
#include "frontends/aarch64/helper_fp16.h"

#include "frontends/aarch64/cpu.h"
#include "frontends/aarch64/helper_simd_internal.h"

#define H 1 /* fsz of half precision */
#define HSIGN 0x8000u

/* Three-same element; key = U:a:opcode<2:0>. */
static uint64_t h_3same(A64CPU *cpu, int key, uint64_t a, uint64_t b, uint64_t acc)
{
    static const signed char binop[32] = {
        [0x00] = A64_FP_MAXNM + 1, [0x02] = A64_FP_ADD + 1,   [0x03] = A64_FP_MULX + 1,
        [0x06] = A64_FP_MAX + 1,   [0x07] = A64_FP_RECPS + 1, [0x08] = A64_FP_MINNM + 1,
        [0x0a] = A64_FP_SUB + 1,   [0x0e] = A64_FP_MIN + 1,   [0x0f] = A64_FP_RSQRTS + 1,
        [0x10] = A64_FP_MAXNM + 1, [0x12] = A64_FP_ADD + 1,   [0x13] = A64_FP_MUL + 1,
        [0x16] = A64_FP_MAX + 1,   [0x17] = A64_FP_DIV + 1,   [0x18] = A64_FP_MINNM + 1,
        [0x1a] = A64_FP_ABD + 1,   [0x1e] = A64_FP_MIN + 1,
    };
    switch (key) {
    case 0x01: /* FMLA */
        return a64_fp_muladd(cpu, H, acc, a, b);
    case 0x09: /* FMLS */
        return a64_fp_muladd(cpu, H, acc, a ^ HSIGN, b);
    case 0x04: /* FCMEQ */
        return a64_fp_compare_cond(cpu, H, a, b, 0, false) ? 0xffff : 0;
    case 0x14: /* FCMGE */
    case 0x15: /* FACGE */
    case 0x1c: /* FCMGT */
    case 0x1d: /* FACGT */
        return a64_fp_compare_cond(cpu, H, a, b, key < 0x1c ? 1 : 2, key & 1) ? 0xffff : 0;
    }
    return a64_fp_binop(cpu, (A64FpOp)(binop[key] - 1), H, a, b);
}

/* Valid three-same keys: vector, and (scalar) the scalar subset. */
static bool h_3same_pairwise(int key)
{
    return key == 0x10 || key == 0x12 || key == 0x16 || key == 0x18 || key == 0x1e;
}

uint64_t helper_fp16_3same(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int key = d.u << 4 | d.size << 3 | d.opc, ne = nelem(&d, H);
    bool pair = !d.scalar && h_3same_pairwise(key);
    uint64_t n[4], m[2], acc[2], r[2] = {0, 0};
    vload(cpu, d.rn, n);
    vload(cpu, d.rm, m);
    vload(cpu, d.rd, acc);
    if (pair)
        concat_pair(cpu, &d, n);
    a64_fp_begin(cpu);
    for (int i = 0; i < ne; i++) {
        uint64_t a = vget(n, H, pair ? 2 * i : i), b = pair ? vget(n, H, 2 * i + 1) : vget(m, H, i);
        vset(r, H, i, h_3same(cpu, key, a, b, vget(acc, H, i)));
    }
    a64_fp_end(cpu);
    vstore(cpu, d.rd, r, d.q && !d.scalar);
    return 0;
}

/* ---- two-register misc ---- */

/* Saturates a 32-bit conversion result to 16 bits (Invalid Operation on overflow). */
static uint64_t h_sat16(A64CPU *cpu, uint64_t v, bool is_unsigned)
{
    int64_t x = is_unsigned ? (int64_t)(uint32_t)v : (int64_t)(int32_t)v;
    int64_t lo = is_unsigned ? 0 : -32768, hi = is_unsigned ? 65535 : 32767;
    if (x < lo || x > hi) {
        cpu->fpsr |= A64_FPSR_IOC;
        x = x < lo ? lo : hi;
    }
    return (uint64_t)x & 0xffff;
}

static uint64_t h_to_int(A64CPU *cpu, uint64_t a, A64FpRound rm, bool is_unsigned, int fbits)
{
    return h_sat16(cpu, a64_fp_to_int(cpu, H, a, rm, is_unsigned, fbits, 2), is_unsigned);
}

static uint64_t h_from_int(A64CPU *cpu, uint64_t v, bool is_unsigned, int fbits)
{
    uint64_t x = is_unsigned ? (v & 0xffff) : (uint64_t)(int64_t)(int16_t)v;
    return a64_fp_from_int(cpu, H, x, is_unsigned, fbits);
}

/* key = U:a:opcode (7 bits). */
static uint64_t h_2misc(A64CPU *cpu, int key, uint64_t a)
{
    static const A64FpRound frint[8] = {A64_RND_N, A64_RND_M,   A64_RND_P, A64_RND_Z,
                                        A64_RND_A, A64_RND_CUR, 0,         A64_RND_CUR};
    static const A64FpRound cvt[8] = {A64_RND_N, A64_RND_M, A64_RND_A, 0,
                                      A64_RND_P, A64_RND_Z, 0,         0};
    bool u = key >> 6;
    int a_bit = key >> 5 & 1, op = key & 31;
    switch (op) {
    case 0x18: /* FRINTN FRINTM FRINTP FRINTZ FRINTA FRINTX FRINTI */
    case 0x19:
        return a64_fp_round_int(cpu, H, a, frint[u << 2 | a_bit << 1 | (op & 1)],
                                u && !a_bit && op == 0x19);
    case 0x1a: /* FCVTNS FCVTMS FCVTAS FCVTPS FCVTZS (and U forms) */
    case 0x1b:
    case 0x1c:
        return h_to_int(cpu, a, cvt[a_bit << 2 | (op - 0x1a)], u, 0);
    case 0x1d:
        if (!a_bit) /* SCVTF UCVTF */
            return h_from_int(cpu, a, u, 0);
        return u ? a64_fp_rsqrt_estimate(cpu, H, a) : a64_fp_recip_estimate(cpu, H, a);
    case 0x0c: /* FCMGT FCMGE #0 */
        return a64_fp_compare_cond(cpu, H, a, 0, u ? 1 : 2, false) ? 0xffff : 0;
    case 0x0d: /* FCMEQ FCMLE #0 */
        return a64_fp_compare_cond(cpu, H, u ? 0 : a, u ? a : 0, u ? 1 : 0, false) ? 0xffff : 0;
    case 0x0e: /* FCMLT #0 */
        return a64_fp_compare_cond(cpu, H, 0, a, 2, false) ? 0xffff : 0;
    case 0x0f: /* FABS FNEG */
        return u ? a ^ HSIGN : a & ~HSIGN;
    default: /* 0x1f: FRECPX, FSQRT */
        return u ? a64_fp_sqrt(cpu, H, a) : a64_fp_recpx(cpu, H, a);
    }
}

uint64_t helper_fp16_2misc(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int key = d.u << 6 | d.size << 5 | d.opc, ne = nelem(&d, H);
    uint64_t n[2], r[2] = {0, 0};
    vload(cpu, d.rn, n);
    a64_fp_begin(cpu);
    for (int i = 0; i < ne; i++)
        vset(r, H, i, h_2misc(cpu, key, vget(n, H, i)));
    a64_fp_end(cpu);
    vstore(cpu, d.rd, r, d.q && !d.scalar);
    return 0;
}

/* ---- reductions, by element, fixed point ---- */

static A64FpOp h_reduce_op(int a_bit, int opc)
{
    if (opc == 0x0c)
        return a_bit ? A64_FP_MINNM : A64_FP_MAXNM;
    if (opc == 0x0d)
        return A64_FP_ADD;
    return a_bit ? A64_FP_MIN : A64_FP_MAX;
}

/* Arm Reduce(): the two halves reduced recursively, then combined. */
static uint64_t h_reduce(A64CPU *cpu, A64FpOp op, const uint64_t *n, int lo, int cnt)
{
    if (cnt == 1)
        return vget(n, H, lo);
    uint64_t x = h_reduce(cpu, op, n, lo, cnt / 2), y = h_reduce(cpu, op, n, lo + cnt / 2, cnt / 2);
    return a64_fp_binop(cpu, op, H, x, y);
}

uint64_t helper_fp16_reduce(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t n[2], r[2] = {0, 0};
    vload(cpu, d.rn, n);
    a64_fp_begin(cpu);
    vset(r, H, 0, h_reduce(cpu, h_reduce_op(d.size, d.opc), n, 0, d.scalar ? 2 : 4 << d.q));
    a64_fp_end(cpu);
    vstore(cpu, d.rd, r, false);
    return 0;
}

uint64_t helper_fp16_indexed(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    /* opc: 1 FMLA, 5 FMLS, 9 FMUL (U = 0) / FMULX (U = 1) -> three-same keys */
    int key = d.opc == 1 ? 0x01 : d.opc == 5 ? 0x09 : d.u ? 0x03 : 0x13, ne = nelem(&d, H);
    uint64_t n[2], m[2], acc[2], r[2] = {0, 0};
    vload(cpu, d.rn, n);
    vload(cpu, d.rm, m);
    vload(cpu, d.rd, acc);
    uint64_t b = vget(m, H, d.imm);
    a64_fp_begin(cpu);
    for (int i = 0; i < ne; i++)
        vset(r, H, i, h_3same(cpu, key, vget(n, H, i), b, vget(acc, H, i)));
    a64_fp_end(cpu);
    vstore(cpu, d.rd, r, d.q && !d.scalar);
    return 0;
}

uint64_t helper_fp16_shift(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int fbits = 32 - (16 | d.imm), ne = nelem(&d, H);
    uint64_t n[2], r[2] = {0, 0};
    vload(cpu, d.rn, n);
    a64_fp_begin(cpu);
    for (int i = 0; i < ne; i++) {
        uint64_t a = vget(n, H, i);
        vset(r, H, i,
             d.opc == 0x1c ? h_from_int(cpu, a, d.u, fbits)
                           : h_to_int(cpu, a, A64_RND_Z, d.u, fbits));
    }
    a64_fp_end(cpu);
    vstore(cpu, d.rd, r, d.q && !d.scalar);
    return 0;
}
