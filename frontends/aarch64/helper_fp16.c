/*
 * AdvSIMD half-precision arithmetic (contracts in helper_fp16.h): the
 * element operations of three same and two-register misc are those of the
 * single and double forms (a64_simd_fp_3same / a64_simd_fp_2misc with
 * fsz 1); here are the half-precision layouts, reductions, by-element and
 * fixed-point forms.
 * FPCR.FZ16 is applied by the scalar operations of helper_fp.c (FPCR.AHP
 * concerns conversions only: a64_fp_convert).
 */
#include "frontends/aarch64/helper_fp16.h"

#include "frontends/aarch64/cpu.h"
#include "frontends/aarch64/helper_simd_internal.h"

#define H 1 /* fsz of half precision */

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
        vset(r, H, i, a64_simd_fp_3same(cpu, key, H, a, b, vget(acc, H, i)));
    }
    a64_fp_end(cpu);
    vstore(cpu, d.rd, r, d.q && !d.scalar);
    return 0;
}

/* ---- two-register misc; conversions (also of the fixed-point forms) ---- */

static uint64_t h_to_int(A64CPU *cpu, uint64_t a, A64FpRound rm, bool is_unsigned, int fbits)
{
    return a64_fp_to_int(cpu, H, a, rm, is_unsigned, fbits, H);
}

static uint64_t h_from_int(A64CPU *cpu, uint64_t v, bool is_unsigned, int fbits)
{
    uint64_t x = is_unsigned ? (v & 0xffff) : (uint64_t)(int64_t)(int16_t)v;
    return a64_fp_from_int(cpu, H, x, is_unsigned, fbits);
}

uint64_t helper_fp16_2misc(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int key = d.size << 6 | d.u << 5 | d.opc, ne = nelem(&d, H);
    uint64_t n[2], r[2] = {0, 0};
    vload(cpu, d.rn, n);
    a64_fp_begin(cpu);
    for (int i = 0; i < ne; i++)
        vset(r, H, i, a64_simd_fp_2misc(cpu, key, H, vget(n, H, i)));
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
        vset(r, H, i, a64_simd_fp_3same(cpu, key, H, vget(n, H, i), b, vget(acc, H, i)));
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
