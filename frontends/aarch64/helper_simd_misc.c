/*
 * AdvSIMD run-time helpers for the one-source classes: two-register misc,
 * across lanes, scalar pairwise and shifts by immediate.  Conventions as in
 * helper_simd.c (operands copied first, Q = 0 or scalar results zero the upper
 * bits, saturation sets FPSR.QC, FP elements via the a64_fp_* functions).
 */
#include "frontends/aarch64/helper_simd_internal.h"

static uint64_t count_leading(uint64_t x, int esz, bool sign_bits)
{
    int bits = 8 << esz;
    x &= emask(esz);
    if (sign_bits) /* CLS: leading bits equal to the sign, not counting it */
        x = (x ^ (x >> 1)) & (emask(esz) >> 1);
    int n = x ? __builtin_clzll(x) - (64 - bits) : bits;
    return sign_bits ? n - 1 : n;
}

static uint64_t rbit_elem(uint64_t x, int esz)
{
    uint64_t r = 0;
    int bits = 8 << esz;
    for (int i = 0; i < bits; i++)
        if (x & (1ull << i))
            r |= 1ull << (bits - 1 - i);
    return r;
}

/* ---- Arm RecipEstimate / RecipSqrtEstimate (8-bit), also for FRECPE / FRSQRTE ---- */

/* a in 256..511 represents [0.5, 1.0); returns 256..511. */
int a64_recip_estimate(int a)
{
    a = a * 2 + 1;
    int b = (1 << 19) / a;
    return (b + 1) / 2;
}

/* a in 128..511 represents [0.25, 1.0); returns 256..511 representing [1.0, 2.0). */
int a64_rsqrt_estimate(int a)
{
    if (a < 256)
        a = a * 2 + 1;
    else
        a = ((a >> 1) << 1) * 2 + 2;
    int b = 512;
    while ((int64_t)a * (b + 1) * (b + 1) < (1 << 28))
        b++;
    return (b + 1) / 2;
}

/* Integer two-register misc element; key = u:opc. */
static uint64_t int_2misc(A64CPU *cpu, int key, int esz, uint64_t a, int size)
{
    i128 x = sext(a, esz);
    uint64_t ones = emask(esz);
    switch (key) {
    case 0x04:
        return count_leading(a, esz, true);
    case 0x24:
        return count_leading(a, esz, false);
    case 0x05:
        return __builtin_popcountll(a & ones);
    case 0x25:
        return size ? rbit_elem(a, 0) : ~a;
    case 0x07:
        return sat(cpu, x < 0 ? -x : x, esz, false);
    case 0x27:
        return sat(cpu, -x, esz, false);
    case 0x08:
        return x > 0 ? ones : 0;
    case 0x28:
        return x >= 0 ? ones : 0;
    case 0x09:
        return x == 0 ? ones : 0;
    case 0x29:
        return x <= 0 ? ones : 0;
    case 0x0a:
        return x < 0 ? ones : 0;
    case 0x0b:
        return (uint64_t)(x < 0 ? -x : x);
    case 0x2b:
        return (uint64_t)-x;
    }
    return 0;
}

static A64FpRound rnd_of(int key)
{
    /* opc<0>, a select N/P (0x18, 0x1a) or M/Z (0x19, 0x1b) */
    int a = (key >> 6) & 1, low = key & 1;
    return (A64FpRound)(low ? (a ? A64_RND_Z : A64_RND_M) : (a ? A64_RND_P : A64_RND_N));
}

uint64_t a64_simd_fp_2misc(A64CPU *cpu, int key, int fsz, uint64_t a)
{
    uint64_t ones = emask(fsz), sign = 1ull << ((8 << fsz) - 1);
    int opc = key & 31, u = (key >> 5) & 1;
    switch (key) {
    case 0x4c:
        return a64_fp_compare_cond(cpu, fsz, a, 0, 2, false) ? ones : 0;
    case 0x6c:
        return a64_fp_compare_cond(cpu, fsz, a, 0, 1, false) ? ones : 0;
    case 0x4d:
        return a64_fp_compare_cond(cpu, fsz, a, 0, 0, false) ? ones : 0;
    case 0x6d:
        return a64_fp_compare_cond(cpu, fsz, 0, a, 1, false) ? ones : 0;
    case 0x4e:
        return a64_fp_compare_cond(cpu, fsz, 0, a, 2, false) ? ones : 0;
    case 0x4f:
        return a & ~sign;
    case 0x6f:
        return a ^ sign;
    case 0x7f:
        return a64_fp_sqrt(cpu, fsz, a);
    case 0x38:
        return a64_fp_round_int(cpu, fsz, a, A64_RND_A, false);
    case 0x39:
        return a64_fp_round_int(cpu, fsz, a, A64_RND_CUR, true);
    case 0x79:
        return a64_fp_round_int(cpu, fsz, a, A64_RND_CUR, false);
    case 0x5d:
        return a64_fp_recip_estimate(cpu, fsz, a);
    case 0x7d:
        return a64_fp_rsqrt_estimate(cpu, fsz, a);
    case 0x5f:
        return a64_fp_recpx(cpu, fsz, a);
    case 0x5c: /* URECPE */
        return a >> 31 ? (uint64_t)a64_recip_estimate((int)(a >> 23) & 511) << 23 : 0xffffffffu;
    case 0x7c: /* URSQRTE */
        return a >> 30 ? (uint64_t)a64_rsqrt_estimate((int)(a >> 23) & 511) << 23 : 0xffffffffu;
    }
    if (opc == 0x18 || opc == 0x19)
        return a64_fp_round_int(cpu, fsz, a, rnd_of(key), false);
    if (opc == 0x1a || opc == 0x1b)
        return a64_fp_to_int(cpu, fsz, a, rnd_of(key), u, 0, fsz);
    if (opc == 0x1c)
        return a64_fp_to_int(cpu, fsz, a, A64_RND_A, u, 0, fsz);
    if (opc == 0x1d) {
        uint64_t v = u ? a : (uint64_t)sext(a, fsz);
        return a64_fp_from_int(cpu, fsz, v, u, 0);
    }
    return 0;
}

static bool is_fp_2misc(int u, int opc, int size)
{
    if (opc >= 0x0c && opc <= 0x0f)
        return size & 2;
    return opc >= 0x16 && opc != 0x1e;
}

/* REV16/32/64: reverses element order within 2/4/8-byte containers. */
static void rev_elems(const uint64_t *n, uint64_t *r, int esz, int cbytes, int bytes)
{
    int per = cbytes >> esz;
    for (int i = 0; i < (bytes >> esz); i++) {
        int base = i - i % per;
        vset(r, esz, i, vget(n, esz, base + per - 1 - i % per));
    }
}

/* Narrowing (XTN, SQXTN, UQXTN, SQXTUN), widening (SHLL, FCVTL) and FCVTN. */
static void misc_resize(A64CPU *cpu, const A64SimdDesc *d, const uint64_t *n, uint64_t *r)
{
    int key = d->u << 5 | d->opc, esz = d->size;
    if (key == 0x17 || key == 0x33) { /* FCVTL, SHLL: from part q */
        int fsz = 1 + (d->size & 1);
        int dsz = key == 0x17 ? fsz + 1 : esz + 1, ne = key == 0x17 ? 8 >> fsz : 8 >> esz;
        for (int i = 0; i < ne; i++) {
            uint64_t a = vget(n, dsz - 1, (d->q ? ne : 0) + i);
            vset(r, dsz, i, key == 0x17 ? a64_fp_convert(cpu, fsz, dsz, a) : a << (8 << esz));
        }
        return;
    }
    int nsz = key == 0x16 || key == 0x36 ? 1 + (d->size & 1) : esz; /* narrow element size */
    int ne = d->scalar ? 1 : 8 >> nsz, part = d->q ? 8 >> nsz : 0;
    for (int i = 0; i < ne; i++) {
        uint64_t a = vget(n, nsz + 1, i), x;
        i128 w = elem_val(a, nsz + 1, key == 0x34);
        if (key == 0x12)
            x = a;
        else if (key == 0x16)
            x = a64_fp_convert(cpu, nsz + 1, nsz, a);
        else if (key == 0x36) /* FCVTXN */
            x = a64_fp_convert_odd(cpu, a);
        else
            x = sat(cpu, w, nsz, key != 0x14);
        vset(r, nsz, part + i, x);
    }
}

uint64_t helper_simd_2misc(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t n[2], acc[2], r[2] = {0, 0};
    int key = d.u << 5 | d.opc, bytes = d.scalar ? 8 : 8 << d.q;
    bool fp = key == 0x16 || key == 0x17 || is_fp_2misc(d.u, d.opc, d.size);
    vload(cpu, d.rn, n);
    vload(cpu, d.rd, acc);
    if (fp)
        a64_fp_begin(cpu);
    if (key == 0x00 || key == 0x20 || key == 0x01) {
        rev_elems(n, r, d.size, key == 0x00 ? 8 : key == 0x20 ? 4 : 2, bytes);
    } else if ((d.opc & 0x1b) == 0x02) { /* [SU]ADDLP, [SU]ADALP */
        int ne = bytes >> (d.size + 1);
        for (int i = 0; i < ne; i++) {
            i128 s = elem_val(vget(n, d.size, 2 * i), d.size, d.u) +
                     elem_val(vget(n, d.size, 2 * i + 1), d.size, d.u);
            vset(r, d.size + 1, i, (uint64_t)s + (d.opc == 6 ? vget(acc, d.size + 1, i) : 0));
        }
    } else if (key == 0x12 || key == 0x32 || key == 0x14 || key == 0x34 || key == 0x16 ||
               key == 0x17 || key == 0x33 || key == 0x36) {
        if ((key == 0x33 || key == 0x17) || !d.q)
            r[0] = 0;
        else
            r[0] = acc[0];
        misc_resize(cpu, &d, n, r);
        if (fp)
            a64_fp_end(cpu);
        vstore(cpu, d.rd, r, d.q || key == 0x33 || key == 0x17);
        return 0;
    } else if (is_fp_2misc(d.u, d.opc, d.size)) {
        int fsz = 2 + (d.size & 1);
        for (int i = 0; i < (d.scalar ? 1 : bytes >> fsz); i++)
            vset(r, fsz, i, a64_simd_fp_2misc(cpu, (d.size >> 1) << 6 | key, fsz, vget(n, fsz, i)));
    } else if (key == 0x03 || key == 0x23) { /* SUQADD, USQADD: accumulate into Vd */
        for (int i = 0; i < (d.scalar ? 1 : bytes >> d.size); i++) {
            i128 s = elem_val(vget(acc, d.size, i), d.size, d.u) +
                     elem_val(vget(n, d.size, i), d.size, !d.u);
            vset(r, d.size, i, sat(cpu, s, d.size, d.u));
        }
    } else {
        int esz = d.opc == 0x05 ? 0 : d.size;
        for (int i = 0; i < (d.scalar ? 1 : bytes >> esz); i++)
            vset(r, esz, i, int_2misc(cpu, key, esz, vget(n, esz, i), d.size));
    }
    if (fp)
        a64_fp_end(cpu);
    vstore(cpu, d.rd, r, d.q && !d.scalar);
    return 0;
}

/* Pairwise tree reduction of FP elements [lo, lo + cnt) (FMAXV ...). */
static uint64_t fp_reduce(A64CPU *cpu, A64FpOp op, int fsz, const uint64_t *n, int lo, int cnt)
{
    if (cnt == 1)
        return vget(n, fsz, lo);
    uint64_t a = fp_reduce(cpu, op, fsz, n, lo, cnt / 2);
    uint64_t b = fp_reduce(cpu, op, fsz, n, lo + cnt / 2, cnt / 2);
    return a64_fp_binop(cpu, op, fsz, a, b);
}

uint64_t helper_simd_across(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t n[2], r[2] = {0, 0};
    int esz = d.size, ne = (8 << d.q) >> esz;
    vload(cpu, d.rn, n);
    if (d.opc == 0x0c || d.opc == 0x0f) { /* FMAXNMV FMINNMV FMAXV FMINV (4S) */
        static const A64FpOp ops[4] = {A64_FP_MAXNM, A64_FP_MINNM, A64_FP_MAX, A64_FP_MIN};
        A64FpOp op = ops[(d.opc == 0x0f) * 2 + (d.size >> 1)];
        a64_fp_begin(cpu);
        r[0] = fp_reduce(cpu, op, 2, n, 0, 4);
        a64_fp_end(cpu);
        vstore(cpu, d.rd, r, false);
        return 0;
    }
    i128 acc = elem_val(vget(n, esz, 0), esz, d.u);
    for (int i = 1; i < ne; i++) {
        i128 x = elem_val(vget(n, esz, i), esz, d.u);
        if (d.opc == 0x03 || d.opc == 0x1b)
            acc += x;
        else if (d.opc == 0x0a)
            acc = x > acc ? x : acc;
        else
            acc = x < acc ? x : acc;
    }
    r[0] = (uint64_t)acc & emask(d.opc == 0x03 ? esz + 1 : esz);
    vstore(cpu, d.rd, r, false);
    return 0;
}

/* Scalar pairwise: ADDP (D) and the FP pairwise ops on two elements of Vn. */
uint64_t helper_simd_pair_scalar(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t n[2], r[2] = {0, 0};
    vload(cpu, d.rn, n);
    if (!d.u) {
        r[0] = n[0] + n[1];
    } else {
        int fsz = 2 + (d.size & 1), a = d.size >> 1;
        A64FpOp op = d.opc == 0x0d   ? A64_FP_ADD
                     : d.opc == 0x0c ? (a ? A64_FP_MINNM : A64_FP_MAXNM)
                                     : (a ? A64_FP_MIN : A64_FP_MAX);
        a64_fp_begin(cpu);
        r[0] = a64_fp_binop(cpu, op, fsz, vget(n, fsz, 0), vget(n, fsz, 1));
        a64_fp_end(cpu);
    }
    vstore(cpu, d.rd, r, false);
    return 0;
}

/* Right shifts by immediate, opc 0x00-0x06 and the narrowing 0x10-0x13. */
static uint64_t shr_imm(A64CPU *cpu, int opc, int u, int esz, uint64_t a, uint64_t acc, int sh)
{
    i128 x = elem_val(a, esz, u);
    bool round = opc & 4;
    i128 r = round ? (x + ((i128)1 << (sh - 1))) >> sh : x >> sh;
    if (opc == 0x02 || opc == 0x06)
        r += (i128)acc;
    return (uint64_t)r;
}

static void shift_narrow(A64CPU *cpu, const A64SimdDesc *d, int esz, int sh, const uint64_t *n,
                         uint64_t *r)
{
    int ne = d->scalar ? 1 : 8 >> esz, part = d->q ? 8 >> esz : 0;
    bool src_unsigned = d->u && d->opc >= 0x12; /* UQSHRN; SQSHRUN reads signed */
    for (int i = 0; i < ne; i++) {
        uint64_t a = vget(n, esz + 1, i);
        i128 x = elem_val(a, esz + 1, src_unsigned);
        bool round = d->opc & 1;
        i128 v = round ? (x + ((i128)1 << (sh - 1))) >> sh : x >> sh;
        uint64_t res;
        if (d->opc == 0x10 && !d->u)
            res = (uint64_t)v; /* SHRN */
        else if (d->opc == 0x11 && !d->u)
            res = (uint64_t)v; /* RSHRN */
        else
            res = sat(cpu, v, esz, d->u);
        vset(r, esz, part + i, res);
    }
}

uint64_t helper_simd_shift_imm(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t n[2], acc[2], r[2] = {0, 0};
    int esz = 31 - __builtin_clz(d.imm >> 3), bits = 8 << esz;
    int rsh = 2 * bits - d.imm, lsh = d.imm - bits;
    int ne = nelem(&d, esz);
    vload(cpu, d.rn, n);
    vload(cpu, d.rd, acc);
    if (d.opc >= 0x10 && d.opc <= 0x13) {
        int nsz = esz; /* immh gives the narrow size */
        r[0] = d.q ? acc[0] : 0;
        shift_narrow(cpu, &d, nsz, rsh, n, r);
        vstore(cpu, d.rd, r, d.q && !d.scalar);
        return 0;
    }
    if (d.opc == 0x14) { /* SSHLL, USHLL */
        int half = 8 >> esz;
        for (int i = 0; i < half; i++) {
            uint64_t a = vget(n, esz, (d.q ? half : 0) + i);
            vset(r, esz + 1, i, (uint64_t)(elem_val(a, esz, d.u) * ((i128)1 << lsh)));
        }
        vstore(cpu, d.rd, r, true);
        return 0;
    }
    a64_fp_begin(cpu);
    for (int i = 0; i < ne; i++) {
        uint64_t a = vget(n, esz, i), x = vget(acc, esz, i), m;
        switch (d.opc) {
        case 0x08: /* SRI */
            m = rsh == bits ? 0 : emask(esz) >> rsh;
            x = (x & ~m) | ((a >> (rsh & 63)) & m);
            break;
        case 0x0a: /* SHL, SLI */
            m = (emask(esz) << lsh) & emask(esz);
            x = d.u ? (x & ~m) | ((a << lsh) & m) : a << lsh;
            break;
        case 0x0c: /* SQSHLU */
            x = shift_reg(cpu, elem_val(a, esz, false), lsh, esz, true, false, true);
            break;
        case 0x0e: /* SQSHL, UQSHL */
            x = shift_reg(cpu, elem_val(a, esz, d.u), lsh, esz, d.u, false, true);
            break;
        case 0x1c: /* SCVTF, UCVTF (fixed point) */
            x = a64_fp_from_int(cpu, esz, d.u ? a : (uint64_t)sext(a, esz), d.u, rsh);
            break;
        case 0x1f: /* FCVTZS, FCVTZU (fixed point) */
            x = a64_fp_to_int(cpu, esz, a, A64_RND_Z, d.u, rsh, esz);
            break;
        default:
            x = shr_imm(cpu, d.opc, d.u, esz, a, x, rsh);
            break;
        }
        vset(r, esz, i, x);
    }
    a64_fp_end(cpu);
    vstore(cpu, d.rd, r, d.q && !d.scalar);
    return 0;
}
