/*
 * AdvSIMD run-time helpers for the two-source arithmetic classes: three same,
 * three different and vector/scalar x indexed element (which reuse the
 * three-same and three-different element operations).  Each helper reads its
 * operands into local copies first, so Vd may alias a source; a 64-bit (Q = 0)
 * or scalar result zeroes the upper bits of Vd.  Saturation sets FPSR.QC; FP
 * elements go through the a64_fp_* functions of helper_fp.c.  The one-source
 * classes are in helper_simd_misc.c, permutes and TBL/TBX in helper_simd_perm.c.
 */
#include "frontends/aarch64/helper_simd_internal.h"

static uint64_t pmul8(uint64_t a, uint64_t b)
{
    uint64_t r = 0;
    for (int i = 0; i < 8; i++)
        if (b & (1u << i))
            r ^= a << i;
    return r;
}

/* One element of an integer three-same operation (pairwise ones take the pair). */
static uint64_t int_3same(A64CPU *cpu, int u, int opc, int esz, uint64_t a, uint64_t b,
                          uint64_t acc)
{
    i128 x = elem_val(a, esz, u), y = elem_val(b, esz, u);
    uint64_t ones = emask(esz);
    int bits = 8 << esz;
    switch (opc) {
    case 0x00:
        return (uint64_t)((x + y) >> 1);
    case 0x01:
        return sat(cpu, x + y, esz, u);
    case 0x02:
        return (uint64_t)((x + y + 1) >> 1);
    case 0x04:
        return (uint64_t)((x - y) >> 1);
    case 0x05:
        return sat(cpu, x - y, esz, u);
    case 0x06:
        return x > y ? ones : 0;
    case 0x07:
        return x >= y ? ones : 0;
    case 0x08:
    case 0x09:
    case 0x0a:
    case 0x0b:
        return shift_reg(cpu, x, (int8_t)b, esz, u, opc & 2, opc & 1);
    case 0x0c:
    case 0x14:
        return (uint64_t)(x > y ? x : y);
    case 0x0d:
    case 0x15:
        return (uint64_t)(x < y ? x : y);
    case 0x0e:
        return (uint64_t)(x > y ? x - y : y - x);
    case 0x0f:
        return acc + (uint64_t)(x > y ? x - y : y - x);
    case 0x10:
        return u ? a - b : a + b;
    case 0x11:
        return (u ? (a & ones) == (b & ones) : (a & b & ones) != 0) ? ones : 0;
    case 0x12:
        return u ? acc - a * b : acc + a * b;
    case 0x13:
        return u ? pmul8(a & 0xff, b & 0xff) : a * b;
    case 0x16: { /* SQDMULH / SQRDMULH */
        x = elem_val(a, esz, false);
        y = elem_val(b, esz, false);
        i128 p = 2 * x * y + (u ? (i128)1 << (bits - 1) : 0);
        return sat(cpu, p >> bits, esz, false);
    }
    case 0x17:
        return a + b;
    }
    return 0;
}

uint64_t a64_simd_fp_3same(A64CPU *cpu, int key, int fsz, uint64_t a, uint64_t b, uint64_t acc)
{
    uint64_t ones = emask(fsz), sign = 1ull << ((8 << fsz) - 1);
    switch (key) {
    case 0x00:
    case 0x10:
        return a64_fp_binop(cpu, A64_FP_MAXNM, fsz, a, b);
    case 0x08:
    case 0x18:
        return a64_fp_binop(cpu, A64_FP_MINNM, fsz, a, b);
    case 0x01:
        return a64_fp_muladd(cpu, fsz, acc, a, b);
    case 0x09:
        return a64_fp_muladd(cpu, fsz, acc, a ^ sign, b);
    case 0x02:
    case 0x12:
        return a64_fp_binop(cpu, A64_FP_ADD, fsz, a, b);
    case 0x0a:
        return a64_fp_binop(cpu, A64_FP_SUB, fsz, a, b);
    case 0x03:
        return a64_fp_binop(cpu, A64_FP_MULX, fsz, a, b);
    case 0x13:
        return a64_fp_binop(cpu, A64_FP_MUL, fsz, a, b);
    case 0x04:
        return a64_fp_compare_cond(cpu, fsz, a, b, 0, false) ? ones : 0;
    case 0x14:
        return a64_fp_compare_cond(cpu, fsz, a, b, 1, false) ? ones : 0;
    case 0x15:
        return a64_fp_compare_cond(cpu, fsz, a, b, 1, true) ? ones : 0;
    case 0x1c:
        return a64_fp_compare_cond(cpu, fsz, a, b, 2, false) ? ones : 0;
    case 0x1d:
        return a64_fp_compare_cond(cpu, fsz, a, b, 2, true) ? ones : 0;
    case 0x06:
    case 0x16:
        return a64_fp_binop(cpu, A64_FP_MAX, fsz, a, b);
    case 0x0e:
    case 0x1e:
        return a64_fp_binop(cpu, A64_FP_MIN, fsz, a, b);
    case 0x07:
        return a64_fp_binop(cpu, A64_FP_RECPS, fsz, a, b);
    case 0x0f:
        return a64_fp_binop(cpu, A64_FP_RSQRTS, fsz, a, b);
    case 0x17:
        return a64_fp_binop(cpu, A64_FP_DIV, fsz, a, b);
    case 0x1a:
        return a64_fp_binop(cpu, A64_FP_ABD, fsz, a, b);
    }
    return 0;
}

static bool is_pairwise_3same(int u, int opc, int size)
{
    if (opc == 0x14 || opc == 0x15 || opc == 0x17)
        return true;
    if (!u || opc < 0x18)
        return false;
    int k = opc & 7;
    return k == 0 || k == 6 || (k == 2 && !(size & 2));
}

uint64_t helper_simd_3same(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t n[4], m[2], acc[2], r[2] = {0, 0};
    bool fp = d.opc >= 0x18;
    int esz = fp ? 2 + (d.size & 1) : d.size;
    int ne = nelem(&d, esz);
    bool pair = is_pairwise_3same(d.u, d.opc, d.size);
    vload(cpu, d.rn, n);
    vload(cpu, d.rm, m);
    vload(cpu, d.rd, acc);
    if (pair)
        concat_pair(cpu, &d, n);
    if (fp)
        a64_fp_begin(cpu);
    for (int i = 0; i < ne; i++) {
        uint64_t a = pair ? vget(n, esz, 2 * i) : vget(n, esz, i);
        uint64_t b = pair ? vget(n, esz, 2 * i + 1) : vget(m, esz, i);
        uint64_t x = vget(acc, esz, i);
        if (fp)
            x = a64_simd_fp_3same(cpu, d.u << 4 | (d.size >> 1) << 3 | (d.opc & 7), esz, a, b, x);
        else
            x = int_3same(cpu, d.u, d.opc, esz, a, b, x);
        vset(r, esz, i, x);
    }
    if (fp)
        a64_fp_end(cpu);
    vstore(cpu, d.rd, r, d.q && !d.scalar);
    return 0;
}

/* Three different: long (wide result), wide (wide first operand), narrow (HN). */
static uint64_t int_3diff(A64CPU *cpu, int u, int opc, int esz, uint64_t a, uint64_t b,
                          uint64_t acc)
{
    i128 x = elem_val(a, esz, u), y = elem_val(b, esz, u);
    int wsz = esz + 1;
    i128 p;
    switch (opc) {
    case 0:
        return (uint64_t)(x + y);
    case 2:
        return (uint64_t)(x - y);
    case 5:
        return acc + (uint64_t)(x > y ? x - y : y - x);
    case 7:
        return (uint64_t)(x > y ? x - y : y - x);
    case 8:
        return acc + (uint64_t)(x * y);
    case 10:
        return acc - (uint64_t)(x * y);
    case 12:
        return (uint64_t)(x * y);
    case 9:
    case 11:
    case 13:
        p = sat(cpu, 2 * x * y, wsz, false);
        p = elem_val((uint64_t)p, wsz, false);
        if (opc == 13)
            return (uint64_t)p;
        return sat(cpu, elem_val(acc, wsz, false) + (opc == 9 ? p : -p), wsz, false);
    case 14: { /* PMULL (8-bit) */
        uint64_t r = 0;
        for (int i = 0; i < 8; i++)
            if (b & (1u << i))
                r ^= (a & 0xff) << i;
        return r;
    }
    }
    return 0;
}

uint64_t helper_simd_3diff(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t n[2], m[2], acc[2], r[2] = {0, 0};
    int esz = d.size, ne = d.scalar ? 1 : 8 >> esz, part = d.q ? ne : 0;
    vload(cpu, d.rn, n);
    vload(cpu, d.rm, m);
    vload(cpu, d.rd, acc);
    if (d.opc == 4 || d.opc == 6) { /* ADDHN, SUBHN (R: rounding) */
        int wbits = 16 << esz;
        r[0] = acc[0];
        for (int i = 0; i < ne; i++) {
            uint64_t a = vget(n, esz + 1, i), b = vget(m, esz + 1, i);
            i128 s = d.opc == 4 ? (i128)a + b : (i128)a - b;
            if (d.u)
                s += (i128)1 << (wbits / 2 - 1);
            vset(r, esz, part + i, (uint64_t)(s >> (wbits / 2)));
        }
        vstore(cpu, d.rd, r, d.q);
        return 0;
    }
    for (int i = 0; i < ne; i++) {
        uint64_t b = vget(m, esz, part + i), x;
        if (d.opc == 1 || d.opc == 3) { /* ADDW, SUBW */
            i128 w = elem_val(vget(n, esz + 1, i), esz + 1, d.u);
            i128 y = elem_val(b, esz, d.u);
            x = (uint64_t)(d.opc == 1 ? w + y : w - y);
        } else {
            x = int_3diff(cpu, d.u, d.opc, esz, vget(n, esz, part + i), b, vget(acc, esz + 1, i));
        }
        vset(r, esz + 1, i, x);
    }
    vstore(cpu, d.rd, r, true);
    return 0;
}

/* Long forms of the indexed class: [SU]MLAL, SQDMLAL, [SU]MLSL, SQDMLSL, [SU]MULL, SQDMULL
 * map onto the three-different opcodes. */
static int indexed_long_opc(int opc)
{
    switch (opc) {
    case 2:
        return 8;
    case 3:
        return 9;
    case 6:
        return 10;
    case 7:
        return 11;
    case 10:
        return 12;
    case 11:
        return 13;
    }
    return -1;
}

static uint64_t indexed_elem(A64CPU *cpu, const A64SimdDesc *d, int esz, uint64_t a, uint64_t b,
                             uint64_t acc)
{
    int key = d->u << 4 | d->opc;
    switch (key) {
    case 0x01:
        return a64_simd_fp_3same(cpu, 0x01, esz, a, b, acc); /* FMLA */
    case 0x05:
        return a64_simd_fp_3same(cpu, 0x09, esz, a, b, acc); /* FMLS */
    case 0x09:
        return a64_simd_fp_3same(cpu, 0x13, esz, a, b, acc); /* FMUL */
    case 0x19:
        return a64_simd_fp_3same(cpu, 0x03, esz, a, b, acc); /* FMULX */
    case 0x08:
        return int_3same(cpu, 0, 0x13, esz, a, b, acc); /* MUL */
    case 0x10:
        return int_3same(cpu, 0, 0x12, esz, a, b, acc); /* MLA */
    case 0x14:
        return int_3same(cpu, 1, 0x12, esz, a, b, acc); /* MLS */
    case 0x0c:
        return int_3same(cpu, 0, 0x16, esz, a, b, acc); /* SQDMULH */
    case 0x0d:
        return int_3same(cpu, 1, 0x16, esz, a, b, acc); /* SQRDMULH */
    }
    return 0;
}

uint64_t helper_simd_indexed(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t n[2], m[2], acc[2], r[2] = {0, 0};
    bool fp = !d.u ? (d.opc == 1 || d.opc == 5 || d.opc == 9) : d.opc == 9;
    int esz = fp ? 2 + (d.size & 1) : d.size, lop = indexed_long_opc(d.opc);
    vload(cpu, d.rn, n);
    vload(cpu, d.rm, m);
    vload(cpu, d.rd, acc);
    uint64_t b = vget(m, esz, d.imm);
    if (!fp && lop >= 0) {
        int ne = d.scalar ? 1 : 8 >> esz, part = d.q ? ne : 0;
        for (int i = 0; i < ne; i++)
            vset(r, esz + 1, i,
                 int_3diff(cpu, d.u, lop, esz, vget(n, esz, part + i), b, vget(acc, esz + 1, i)));
        vstore(cpu, d.rd, r, !d.scalar);
        return 0;
    }
    if (fp)
        a64_fp_begin(cpu);
    for (int i = 0; i < nelem(&d, esz); i++)
        vset(r, esz, i, indexed_elem(cpu, &d, esz, vget(n, esz, i), b, vget(acc, esz, i)));
    if (fp)
        a64_fp_end(cpu);
    vstore(cpu, d.rd, r, d.q && !d.scalar);
    return 0;
}
