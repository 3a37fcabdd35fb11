/*
 * Instruction selection for the integer vector ops after ADALP (see
 * codegen_vec.h): shift-and-insert, leading zero / sign counts and bit
 * reversal (pshufb nibble tables), saturating abs / neg, halving subtracts,
 * rounding shifts by register (with USHL's code), saturating shifts left,
 * polynomial multiply of bytes,
 * the rounding and saturating narrowing shifts and the high-half narrowing
 * add / sub (shift in the wide lanes, then the SHRN pick or a saturating
 * pack), and the saturating doubling long multiplies.  What has no
 * sequence here (x86_vg_ext_supported false) runs the C definition.
 */
#include "translator/x86_64/codegen_vec.h"

bool x86_vg_ext_supported(const VecGen *v)
{
    const X86Features *f = v->f;
    int esz = v->esz;
    switch (v->op) {
    case IR_VEC_SLI:
    case IR_VEC_SRI:
        return true;
    case IR_VEC_CLZ:
    case IR_VEC_CLS:
        return esz < 3 && f->ssse3;
    case IR_VEC_RBIT:
        return f->ssse3;
    case IR_VEC_SQABS:
        return esz < 3 ? f->ssse3 : f->sse41;
    case IR_VEC_SQNEG:
        return esz < 3 || f->sse41;
    case IR_VEC_UHSUB:
    case IR_VEC_SHSUB:
        return esz < 3;
    case IR_VEC_URSHL:
    case IR_VEC_SRSHL:
    case IR_VEC_PMUL:
    case IR_VEC_SQSHLR:
    case IR_VEC_UQSHLR:
    case IR_VEC_SQRSHLR:
    case IR_VEC_UQRSHLR:
        return f->ssse3;
    case IR_VEC_SQSHL:
    case IR_VEC_UQSHL:
    case IR_VEC_SQSHLU:
        return esz < 3 || f->sse42;
    case IR_VEC_RSHRN:
    case IR_VEC_ADDHN:
    case IR_VEC_RADDHN:
    case IR_VEC_SUBHN:
    case IR_VEC_RSUBHN:
        return f->ssse3;
    case IR_VEC_SQSHRN:
    case IR_VEC_SQRSHRN:
        return esz < 2 || f->sse42;
    case IR_VEC_UQSHRN:
    case IR_VEC_UQRSHRN:
    case IR_VEC_SQSHRUN:
    case IR_VEC_SQRSHRUN:
        return esz == 0 || (esz == 1 && f->sse41) || (esz == 2 && f->sse42);
    case IR_VEC_SQDMULL:
    case IR_VEC_SQDMLAL:
    case IR_VEC_SQDMLSL:
        return esz == 1 || (esz == 2 && f->sse41);
    case IR_VEC_PMULL:
        return true;
    case IR_VEC_SDOT:
    case IR_VEC_UDOT:
        return f->sse41;
    default:
        return false;
    }
}

/* ---- building blocks ---- */

static uint64_t lane_mask(int esz)
{
    return esz == 3 ? ~0ull : (1ull << (8 << esz)) - 1;
}

/* x shifted by sh (< lane bits) in lanes of esz: left or logical right; bytes through words. */
static void shift_lanes(VecGen *v, int x, int esz, unsigned sh, bool left)
{
    x86_vshift(v->cb, x86_vec_shgrp[esz ? esz : 1], left ? X86_VSH_SLL : X86_VSH_SRL, x,
               (uint8_t)sh);
    if (esz == 0)
        x86_vg_opc_splat(v, X86_OPC_PAND, x, left ? (0xffu << sh) & 0xff : 0xffu >> sh, 0);
}

/* ---- shift and insert ---- */

static int gen_insert(VecGen *v)
{
    int esz = v->esz, bits = 8 << esz;
    uint64_t m = lane_mask(esz);
    if (v->op == IR_VEC_SLI) {
        shift_lanes(v, XA, esz, v->imm, true);
        x86_vg_opc_splat(v, X86_OPC_PAND, XD, (1ull << v->imm) - 1, esz);
    } else {
        if (v->imm >= (unsigned)bits)
            return XD;
        shift_lanes(v, XA, esz, v->imm, false);
        x86_vg_opc_splat(v, X86_OPC_PAND, XD, ~(m >> v->imm) & m, esz);
    }
    x86_vop(v->cb, X86_OPC_POR, XD, XA);
    return XD;
}

/* ---- nibble tables: CLZ, CLS, RBIT ---- */

/* X4 = the high nibbles of XA's bytes, XA = the low ones. */
static void split_nibbles(VecGen *v)
{
    x86_vg_mov(v, X4, XA);
    x86_vshift(v->cb, x86_vec_shgrp[1], X86_VSH_SRL, X4, 4);
    x86_vg_opc_splat(v, X86_OPC_PAND, X4, 0x0f, 0);
    x86_vg_opc_splat(v, X86_OPC_PAND, XA, 0x0f, 0);
}

/* A pshufb table: byte n = f(n) for n < 16. */
static void nibble_table(VecGen *v, int x, unsigned (*fn)(unsigned))
{
    uint64_t t[2] = {0, 0};
    for (unsigned n = 0; n < 16; n++)
        t[n / 8] |= (uint64_t)(fn(n) & 0xff) << (8 * (n % 8));
    x86_vg_const(v, x, t[0], t[1]);
}

static unsigned clz4(unsigned n)
{
    return n ? (unsigned)__builtin_clz(n) - 28 : 4;
}

static unsigned rev4(unsigned n)
{
    return (n & 1) << 3 | (n & 2) << 1 | (n & 4) >> 1 | (n & 8) >> 3;
}

static unsigned rev4_high(unsigned n)
{
    return rev4(n) << 4;
}

/* X5 = the leading zero count of each lane of XA (esz 0..2): per byte from nibbles, then
 * lanes of twice the size from their halves, hi + (hi == all zero ? lo : 0). */
static int gen_clz(VecGen *v, int esz)
{
    CodeBuf *cb = v->cb;
    split_nibbles(v);
    nibble_table(v, X5, clz4);
    x86_vg_mov(v, X6, X5);
    x86_vop(cb, X86_OPC_PSHUFB, X5, X4); /* clz of the high nibbles */
    x86_vop(cb, X86_OPC_PSHUFB, X6, XA); /* of the low ones */
    x86_vop(cb, X86_OPC_PXOR, X3, X3);
    x86_vop(cb, X86_OPC_PCMPEQB, X3, X4);
    x86_vop(cb, X86_OPC_PAND, X6, X3);
    x86_vop(cb, x86_vec_padd[0], X5, X6);
    for (int k = 0; k < esz; k++) {
        int half = 8 << k;
        x86_vg_mov(v, X3, X5);
        x86_vg_opc_splat(v, x86_vec_pcmpeq[k], X3, (uint64_t)half, k);
        x86_vshift(cb, x86_vec_shgrp[k + 1], X86_VSH_SRA, X3, (uint8_t)half); /* hi empty */
        x86_vg_mov(v, X4, X5);
        x86_vshift(cb, x86_vec_shgrp[k + 1], X86_VSH_SRL, X4, (uint8_t)half);
        x86_vop(cb, X86_OPC_PAND, X5, X3);
        x86_vg_opc_splat(v, X86_OPC_PAND, X5, lane_mask(k), k + 1);
        x86_vop(cb, x86_vec_padd[k + 1], X5, X4);
    }
    return X5;
}

/* CLS(x) = CLZ(x ^ sign(x)) - 1. */
static int gen_cls(VecGen *v)
{
    x86_vg_sign_lanes(v, X3, XA, v->esz);
    x86_vop(v->cb, X86_OPC_PXOR, XA, X3);
    int r = gen_clz(v, v->esz);
    x86_vg_opc_splat(v, x86_vec_psub[v->esz], r, 1, v->esz);
    return r;
}

static int gen_rbit(VecGen *v)
{
    split_nibbles(v);
    nibble_table(v, X5, rev4_high);
    nibble_table(v, X6, rev4);
    x86_vop(v->cb, X86_OPC_PSHUFB, X5, XA);
    x86_vop(v->cb, X86_OPC_PSHUFB, X6, X4);
    x86_vop(v->cb, X86_OPC_POR, X5, X6);
    return X5;
}

/* ---- saturating abs / neg ---- */

/* x = |x| or -x wrapping; then lanes equal to MIN (only from MIN) become MAX, with QC. */
static int gen_sq_unary(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    uint64_t top = 1ull << ((8 << esz) - 1);
    int r = XA;
    if (v->op == IR_VEC_SQABS && esz < 3) {
        x86_vop(cb, x86_vec_pabs[esz], XA, XA);
    } else if (v->op == IR_VEC_SQABS) { /* (x ^ s) - s */
        x86_vg_sign_lanes(v, X3, XA, esz);
        x86_vop(cb, X86_OPC_PXOR, XA, X3);
        x86_vop(cb, x86_vec_psub[3], XA, X3);
    } else {
        x86_vop(cb, X86_OPC_PXOR, X4, X4);
        x86_vop(cb, x86_vec_psub[esz], X4, XA);
        r = X4;
    }
    x86_vg_mov(v, X5, r);
    x86_vg_opc_splat(v, x86_vec_pcmpeq[esz], X5, top, esz);
    x86_vop(cb, X86_OPC_PXOR, r, X5);
    x86_vg_qc_unless_zero(v, X5, X6, v->q);
    return r;
}

/* ---- halving subtract: a - rounding halving add of a and b = floor((a - b) / 2) ---- */

static int gen_hsub(VecGen *v)
{
    IrVecOp op = v->op;
    x86_vg_mov(v, X5, XA);
    v->op = op == IR_VEC_SHSUB ? IR_VEC_SRHADD : IR_VEC_URHADD;
    int r = x86_vg_hadd(v);
    v->op = op;
    x86_vop(v->cb, x86_vec_psub[v->esz], X5, r);
    return X5;
}

/* ---- saturating shifts left by imm n ---- */

/*
 * Lanes above the largest value that survives the shift (MAX >> n, compared signed, or
 * unsigned through a bias) saturate to the maximum, lanes below the smallest (MIN >> n, or
 * 0 for SQSHLU) to the minimum; the others are a << n.  QC when any lane saturated.
 */
static int gen_qshl(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz, bits = 8 << esz;
    unsigned n = v->imm;
    uint64_t m = lane_mask(esz), top = 1ull << (bits - 1);
    bool sg = v->op != IR_VEC_UQSHL;
    /* X3 = too large, X4 = too small */
    uint64_t hi = v->op == IR_VEC_SQSHL ? (top - 1) >> n : m >> n;
    x86_vg_mov(v, X3, XA);
    if (!sg) /* unsigned compare: both sides biased */
        x86_vg_opc_splat(v, X86_OPC_PXOR, X3, top, esz);
    if (v->op == IR_VEC_SQSHLU && n == 0) /* every non-negative lane fits */
        x86_vop(cb, X86_OPC_PXOR, X3, X3);
    else
        x86_vg_opc_splat(v, x86_vec_pcmpgt[esz], X3, sg ? hi : hi ^ top, esz);
    x86_vop(cb, X86_OPC_PXOR, X4, X4);
    if (v->op == IR_VEC_SQSHL) {
        x86_vg_const(v, X4, x86_vg_rep64(~((top - 1) >> n) & m, esz),
                     x86_vg_rep64(~((top - 1) >> n) & m, esz));
        x86_vop(cb, x86_vec_pcmpgt[esz], X4, XA);
    } else if (sg) {
        x86_vop(cb, x86_vec_pcmpgt[esz], X4, XA); /* negative */
    }
    shift_lanes(v, XA, esz, n, true);
    x86_vg_mov(v, X5, X3);
    x86_vop(cb, X86_OPC_POR, X5, X4);
    x86_vop(cb, X86_OPC_PANDN, X5, XA); /* a << n where nothing saturated */
    if (v->op == IR_VEC_SQSHL) {
        x86_vg_opc_splat(v, X86_OPC_PAND, X3, top - 1, esz);
        x86_vg_opc_splat(v, X86_OPC_PAND, X4, top, esz);
        x86_vop(cb, X86_OPC_POR, X5, X4);
    }
    x86_vop(cb, X86_OPC_POR, X5, X3);
    x86_vop(cb, X86_OPC_POR, X4, X3);
    x86_vg_mov(v, XA, X5);
    x86_vg_qc_unless_zero(v, X4, X6, v->q);
    return XA;
}

/* ---- polynomial multiply of bytes: the XOR of a << i over the bits i of b ---- */

static int gen_pmul(VecGen *v)
{
    CodeBuf *cb = v->cb;
    x86_vop(cb, X86_OPC_PXOR, X6, X6);
    for (int i = 0; i < 8; i++) {
        x86_vg_mov(v, X3, XB);
        if (i < 7) /* bit i of each byte to its sign bit */
            x86_vshift(cb, x86_vec_shgrp[1], X86_VSH_SLL, X3, (uint8_t)(7 - i));
        x86_vop(cb, X86_OPC_PXOR, X4, X4);
        x86_vop(cb, x86_vec_pcmpgt[0], X4, X3);
        x86_vop(cb, X86_OPC_PAND, X4, XA);
        x86_vop(cb, X86_OPC_PXOR, X6, X4);
        if (i < 7)
            x86_vop(cb, x86_vec_padd[0], XA, XA); /* a << 1 in each byte */
    }
    return X6;
}

/* PMULL (bytes): the same over the zero-extended bytes in words. */
static int gen_pmull(VecGen *v)
{
    CodeBuf *cb = v->cb;
    x86_vg_extend(v, XA, 0, v->q, false);
    x86_vg_extend(v, XB, 0, v->q, false);
    x86_vop(cb, X86_OPC_PXOR, X5, X5);
    for (int i = 0; i < 8; i++) {
        x86_vg_mov(v, X3, XB); /* bit i of b in every bit of its word */
        x86_vshift(cb, x86_vec_shgrp[1], X86_VSH_SLL, X3, (uint8_t)(15 - i));
        x86_vshift(cb, x86_vec_shgrp[1], X86_VSH_SRA, X3, 15);
        x86_vg_mov(v, X4, XA);
        if (i)
            x86_vshift(cb, x86_vec_shgrp[1], X86_VSH_SLL, X4, (uint8_t)i);
        x86_vop(cb, X86_OPC_PAND, X3, X4);
        x86_vop(cb, X86_OPC_PXOR, X5, X3);
    }
    return X5;
}

/* ---- narrowing ---- */

/* XA = the wide lanes of XA shifted right by imm (arithmetic when is_signed), rounded when
 * `round`: (x >> n) + ((x >> (n - 1)) & 1), which cannot overflow.  Quadwords shift
 * logically, then sign-extend from bit 63 - n: (x ^ m) - m. */
static void wide_shift(VecGen *v, bool is_signed, bool round)
{
    CodeBuf *cb = v->cb;
    int w = v->esz + 1, digit = is_signed && w < 3 ? X86_VSH_SRA : X86_VSH_SRL;
    if (round) { /* bit n - 1 is the same through a logical shift */
        x86_vg_mov(v, X3, XA);
        x86_vshift(cb, x86_vec_shgrp[w], X86_VSH_SRL, X3, (uint8_t)(v->imm - 1));
        x86_vg_opc_splat(v, X86_OPC_PAND, X3, 1, w);
    }
    x86_vshift(cb, x86_vec_shgrp[w], digit, XA, (uint8_t)v->imm);
    if (is_signed && w == 3) {
        x86_vg_opc_splat(v, X86_OPC_PXOR, XA, 1ull << (63 - v->imm), 3);
        x86_vg_opc_splat(v, x86_vec_psub[3], XA, 1ull << (63 - v->imm), 3);
    }
    if (round)
        x86_vop(cb, x86_vec_padd[w], XA, X3);
}

/*
 * Saturating narrowing of the quadwords of XA to dwords (SSE4.2 compares): lanes above the
 * narrow maximum (X3) get it, lanes below the minimum (X4) get that; the low dwords then go
 * to the low half of XA.  QC when any lane saturated.
 */
int x86_vg_pack_sat64(VecGen *v, bool is_signed, bool s_to_s)
{
    CodeBuf *cb = v->cb;
    uint64_t hi = s_to_s ? 0x7fffffffull : 0xffffffffull, top = 1ull << 63;
    x86_vg_mov(v, X3, XA);
    if (!is_signed)
        x86_vg_opc_splat(v, X86_OPC_PXOR, X3, top, 3);
    x86_vg_opc_splat(v, x86_vec_pcmpgt[3], X3, is_signed ? hi : hi ^ top, 3);
    x86_vop(cb, X86_OPC_PXOR, X4, X4);
    if (s_to_s) {
        x86_vg_const(v, X4, 0xffffffff80000000ull, 0xffffffff80000000ull);
        x86_vop(cb, x86_vec_pcmpgt[3], X4, XA);
    } else if (is_signed) {
        x86_vop(cb, x86_vec_pcmpgt[3], X4, XA);
    }
    x86_vg_mov(v, XB, X3); /* b is not a source of these ops */
    x86_vop(cb, X86_OPC_POR, XB, X4);
    x86_vg_mov(v, X5, XB);
    x86_vop(cb, X86_OPC_PANDN, X5, XA);
    x86_vg_opc_splat(v, X86_OPC_PAND, X3, hi, 3);
    x86_vg_opc_splat(v, X86_OPC_PAND, X4, s_to_s ? 0x80000000u : 0, 3);
    x86_vop(cb, X86_OPC_POR, X5, X3);
    x86_vop(cb, X86_OPC_POR, X5, X4);
    x86_vop_i(cb, X86_OPC_PSHUFD, XA, X5, 0x08);
    x86_vg_qc_unless_zero(v, XB, X6, true);
    return XA;
}

static int gen_narrow_shift(VecGen *v)
{
    IrVecOp op = v->op;
    bool sg = op == IR_VEC_SQSHRN || op == IR_VEC_SQRSHRN || op == IR_VEC_SQSHRUN ||
              op == IR_VEC_SQRSHRUN;
    bool round =
        op == IR_VEC_RSHRN || op == IR_VEC_SQRSHRN || op == IR_VEC_UQRSHRN || op == IR_VEC_SQRSHRUN;
    wide_shift(v, sg, round);
    if (op == IR_VEC_RSHRN)
        return x86_vg_narrow_pick(v);
    if (v->esz == 2)
        x86_vg_pack_sat64(v, sg, op == IR_VEC_SQSHRN || op == IR_VEC_SQRSHRN);
    else
        x86_vg_pack_sat(v, sg, op == IR_VEC_SQSHRN || op == IR_VEC_SQRSHRN);
    return x86_vg_place_narrow(v);
}

/* ADDHN, RADDHN, SUBHN, RSUBHN: the high halves of the wide sums / differences. */
static int gen_hn(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int w = v->esz + 1, bits = 8 << v->esz;
    bool add = v->op == IR_VEC_ADDHN || v->op == IR_VEC_RADDHN;
    x86_vop(cb, (add ? x86_vec_padd : x86_vec_psub)[w], XA, XB);
    if (v->op == IR_VEC_RADDHN || v->op == IR_VEC_RSUBHN)
        x86_vg_opc_splat(v, x86_vec_padd[w], XA, 1ull << (bits - 1), w);
    x86_vshift(cb, x86_vec_shgrp[w], X86_VSH_SRL, XA, (uint8_t)bits);
    return x86_vg_narrow_pick(v);
}

/* ---- saturating doubling long multiplies ---- */

/* X3 = the exact wide products of the narrow lanes (the half q selects) of XA and XB. */
static void wide_products(VecGen *v)
{
    CodeBuf *cb = v->cb;
    if (v->esz == 1) { /* low and high halves of the 32-bit products, interleaved */
        x86_vg_mov(v, X3, XA);
        x86_vop(cb, X86_OPC_PMULLW, X3, XB);
        x86_vop(cb, X86_OPC_PMULHW, XA, XB);
        x86_vop(cb, v->q ? x86_vec_punpckh[1] : x86_vec_punpckl[1], X3, XA);
        return;
    }
    uint8_t sel = v->q ? 0xfa : 0x50; /* the two dwords into lanes 0 and 2 */
    x86_vop_i(cb, X86_OPC_PSHUFD, X3, XA, sel);
    x86_vop_i(cb, X86_OPC_PSHUFD, XB, XB, sel);
    x86_vop(cb, X86_OPC_PMULDQ, X3, XB);
}

/*
 * 2 * p overflows only for MIN * MIN, and gives the wide MIN where no other product can:
 * those lanes become MAX with QC.  The accumulating forms then add or subtract with the
 * saturating wide add / sub (a second QC check).
 */
static int gen_sqdmull(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int w = v->esz + 1, esz = v->esz, q = v->q;
    wide_products(v);
    x86_vshift(cb, x86_vec_shgrp[w], X86_VSH_SLL, X3, 1);
    x86_vg_mov(v, X4, X3);
    x86_vg_opc_splat(v, x86_vec_pcmpeq[w], X4, 1ull << ((8 << w) - 1), w);
    x86_vop(cb, X86_OPC_PXOR, X3, X4);
    x86_vg_mov(v, X5, X3);
    x86_vg_qc_unless_zero(v, X4, X6, true);
    if (v->op == IR_VEC_SQDMULL)
        return X5;
    x86_vg_mov(v, XB, X5);
    x86_vg_mov(v, XA, XD);
    v->esz = w;
    v->q = 1;
    int r = x86_vg_saturating_wide(v, v->op == IR_VEC_SQDMLAL, true);
    v->esz = esz;
    v->q = q;
    return r;
}

/* ---- dot products ---- */

/* Bytes widened to words (pmovsxbw / pmovzxbw) and multiplied in pairs (pmaddwd): each
 * dword is the sum of two products; phaddd sums the pairs of those into the four lanes. */
static int gen_dot(VecGen *v)
{
    CodeBuf *cb = v->cb;
    unsigned ext = v->op == IR_VEC_SDOT ? X86_OPC_PMOVSXBW : X86_OPC_PMOVZXBW;
    x86_vop(cb, ext, X3, XA);
    x86_vop(cb, ext, X4, XB);
    x86_vop(cb, X86_OPC_PMADDWD, X3, X4);
    x86_vop_i(cb, X86_OPC_PSHUFD, XA, XA, 0x0e); /* the high halves */
    x86_vop_i(cb, X86_OPC_PSHUFD, XB, XB, 0x0e);
    x86_vop(cb, ext, X4, XA);
    x86_vop(cb, ext, X5, XB);
    x86_vop(cb, X86_OPC_PMADDWD, X4, X5);
    x86_vop(cb, X86_OPC_PHADDD, X3, X4);
    x86_vop(cb, x86_vec_padd[2], XD, X3);
    return XD;
}

int x86_vg_ext(VecGen *v)
{
    switch (v->op) {
    case IR_VEC_SLI:
    case IR_VEC_SRI:
        return gen_insert(v);
    case IR_VEC_CLZ:
        return gen_clz(v, v->esz);
    case IR_VEC_CLS:
        return gen_cls(v);
    case IR_VEC_RBIT:
        return gen_rbit(v);
    case IR_VEC_SQABS:
    case IR_VEC_SQNEG:
        return gen_sq_unary(v);
    case IR_VEC_UHSUB:
    case IR_VEC_SHSUB:
        return gen_hsub(v);
    case IR_VEC_URSHL:
    case IR_VEC_SRSHL:
    case IR_VEC_SQSHLR:
    case IR_VEC_UQSHLR:
    case IR_VEC_SQRSHLR:
    case IR_VEC_UQRSHLR:
        return x86_vg_shl_reg(v);
    case IR_VEC_PMUL:
        return gen_pmul(v);
    case IR_VEC_PMULL:
        return gen_pmull(v);
    case IR_VEC_SDOT:
    case IR_VEC_UDOT:
        return gen_dot(v);
    case IR_VEC_SQSHL:
    case IR_VEC_UQSHL:
    case IR_VEC_SQSHLU:
        return gen_qshl(v);
    case IR_VEC_ADDHN:
    case IR_VEC_RADDHN:
    case IR_VEC_SUBHN:
    case IR_VEC_RSUBHN:
        return gen_hn(v);
    case IR_VEC_SQDMULL:
    case IR_VEC_SQDMLAL:
    case IR_VEC_SQDMLSL:
        return gen_sqdmull(v);
    default:
        return gen_narrow_shift(v);
    }
}
