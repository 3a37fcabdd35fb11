/*
 * Integer vector operations that move data between lanes, on SSE (see
 * codegen_vec.h): byte permutations (pshufb with constant tables), pairwise
 * ops, widening and narrowing (unpack, pack, saturating packs with the QC
 * check), across-lane reductions and table lookups.
 */
#include "translator/x86_64/codegen_vec.h"

/* Widens the low (or high) half of x in place from esz to esz + 1; clobbers X6. */
void x86_vg_extend(VecGen *v, int x, int esz, bool upper, bool is_signed)
{
    x86_vop(v->cb, X86_OPC_PXOR, X6, X6);
    if (is_signed)
        x86_vop(v->cb, x86_vec_pcmpgt[esz], X6, x);
    x86_vop(v->cb, upper ? x86_vec_punpckh[esz] : x86_vec_punpckl[esz], x, X6);
}

/* ra = bytes of ra (index < 16) and rb (16..31) chosen by tbl; clobbers rb.  `same`: both
 * sources hold the same value, so one shuffle serves. */
static void vperm(VecGen *v, int ra, int rb, const uint8_t *tbl, bool same)
{
    uint64_t ma[2] = {0, 0}, mb[2] = {0, 0};
    bool need_a = false, need_b = false;
    for (int i = 0; i < 16; i++) {
        unsigned x = tbl[i];
        if (same && x >= 16 && x < 32)
            x -= 16;
        unsigned sa = x < 16 ? x : 0x80, sb = x >= 16 && x < 32 ? x - 16 : 0x80;
        need_a |= x < 16;
        need_b |= sb != 0x80;
        ma[i / 8] |= (uint64_t)sa << (8 * (i % 8));
        mb[i / 8] |= (uint64_t)sb << (8 * (i % 8));
    }
    if (need_a)
        x86_vg_opc(v, X86_OPC_PSHUFB, ra, ma[0], ma[1]);
    else
        x86_vop(v->cb, X86_OPC_PXOR, ra, ra);
    if (need_b) {
        x86_vg_opc(v, X86_OPC_PSHUFB, rb, mb[0], mb[1]);
        x86_vop(v->cb, X86_OPC_POR, ra, rb);
    }
}

static void pair_table(int esz, int q, bool odd, uint8_t *tbl)
{
    int e = 1 << esz, n = (8 << q) / e; /* elements per source */
    memset(tbl, 0xff, 16);
    for (int i = 0; i < n; i++) {
        int c = 2 * i + odd; /* element of the concatenation */
        int src = q ? (c < n ? c * e : 16 + (c - n) * e) : c * e;
        for (int k = 0; k < e; k++)
            tbl[i * e + k] = (uint8_t)(src + k);
    }
}

int x86_vg_pairwise(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    if (esz == 3) {
        x86_vg_mov(v, X3, XA);
        x86_vop(cb, X86_OPC_PUNPCKLQDQ, X3, XB);
        x86_vop(cb, X86_OPC_PUNPCKHQDQ, XA, XB);
        x86_vop(cb, x86_vec_padd[3], XA, X3);
        return XA;
    }
    uint8_t even[16], odd[16];
    if (!v->q) /* the used halves side by side in one register */
        x86_vop(cb, X86_OPC_PUNPCKLQDQ, XA, XB);
    pair_table(esz, v->q, false, even);
    pair_table(esz, v->q, true, odd);
    bool same = !v->q || x86_vg_same_sources(v);
    x86_vg_mov(v, X5, XA);
    x86_vg_mov(v, X6, XB);
    vperm(v, XA, XB, even, same);
    vperm(v, X5, X6, odd, same);
    x86_vop(cb, v->op == IR_VEC_ADDP ? x86_vec_padd[esz] : x86_vg_minmax_opc(v->op, esz), XA, X5);
    return XA;
}

int x86_vg_widening(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz, w = esz + 1;
    bool sg = v->c[3] & IR_VEC_SIGNED, up = v->q;
    switch (v->op) {
    case IR_VEC_XTL:
        x86_vg_extend(v, XA, esz, up, sg);
        if (v->imm)
            x86_vshift(cb, x86_vec_shgrp[w], X86_VSH_SLL, XA, (uint8_t)v->imm);
        return XA;
    case IR_VEC_ADDL:
    case IR_VEC_SUBL:
        x86_vg_extend(v, XA, esz, up, sg);
        /* fall through */
    case IR_VEC_ADDW:
    case IR_VEC_SUBW:
        x86_vg_extend(v, XB, esz, up, sg);
        x86_vop(cb, (v->op == IR_VEC_ADDL || v->op == IR_VEC_ADDW ? x86_vec_padd : x86_vec_psub)[w],
                XA, XB);
        return XA;
    case IR_VEC_ABDL:
    case IR_VEC_ABAL:
        x86_vg_abd(v, esz, sg);
        x86_vg_extend(v, XA, esz, up, false);
        if (v->op == IR_VEC_ABDL)
            return XA;
        x86_vop(cb, x86_vec_padd[w], XD, XA);
        return XD;
    default:
        break;
    }
    int r = XA;
    if (esz == 1) { /* low and high halves of the 32-bit products, interleaved */
        x86_vg_mov(v, X3, XA);
        x86_vop(cb, X86_OPC_PMULLW, X3, XB);
        x86_vop(cb, sg ? X86_OPC_PMULHW : X86_OPC_PMULHUW, XA, XB);
        x86_vop(cb, up ? x86_vec_punpckh[1] : x86_vec_punpckl[1], X3, XA);
        r = X3;
    } else {
        /* bytes: exact 16-bit products; dwords: pmul(u)dq reads the low dword of each lane */
        x86_vg_extend(v, XA, esz, up, sg && esz == 0);
        x86_vg_extend(v, XB, esz, up, sg && esz == 0);
        x86_vop(cb, esz == 0 ? X86_OPC_PMULLW : sg ? X86_OPC_PMULDQ : X86_OPC_PMULUDQ, XA, XB);
    }
    if (v->op == IR_VEC_MULL)
        return r;
    x86_vop(cb, (v->op == IR_VEC_MLAL ? x86_vec_padd : x86_vec_psub)[w], XD, r);
    return XD;
}

int x86_vg_across(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz, bytes = 8 << v->q;
    unsigned opc;
    if (v->op == IR_VEC_ADDLV) {
        if (!v->q)
            x86_vop(cb, X86_OPC_MOVQ_XX, XA, XA);
        x86_vg_mov(v, X4, XA);
        x86_vg_extend(v, X4, esz, false, v->c[3] & IR_VEC_SIGNED);
        x86_vg_extend(v, XA, esz, true, v->c[3] & IR_VEC_SIGNED);
        esz++;
        bytes = 16;
        opc = x86_vec_padd[esz];
        x86_vop(cb, opc, XA, X4);
    } else {
        opc = v->op == IR_VEC_ADDV ? x86_vec_padd[esz] : x86_vg_minmax_opc(v->op, esz);
    }
    for (int w = bytes / 2; w >= 1 << esz; w /= 2) {
        x86_vg_mov(v, X3, XA);
        x86_vsrldq(cb, X3, (uint8_t)w);
        x86_vop(cb, opc, XA, X3);
    }
    x86_vg_opc(v, X86_OPC_PAND, XA, esz == 3 ? ~0ull : (1ull << (8 << esz)) - 1, 0);
    return XA;
}

int x86_vg_tbl(VecGen *v)
{
    CodeBuf *cb = v->cb;
    unsigned len = v->imm;
    x86_vop(cb, X86_OPC_PXOR, X5, X5);
    for (unsigned k = 0; k < len; k++) {
        x86_vg_mov(v, X3, XB);
        if (k)
            x86_vg_opc_splat(v, x86_vec_psub[0], X3, 16 * k, 0);
        /* indices outside this register (wrapped below zero, or >= 16) get bit 7 */
        x86_vg_opc_splat(v, X86_OPC_PADDUSB, X3, 0x70, 0);
        x86_vload(cb, X6, X86_REG_CPU, (int32_t)((v->c[4] >> (16 * k)) & 0xffff));
        x86_vop(cb, X86_OPC_PSHUFB, X6, X3);
        x86_vop(cb, X86_OPC_POR, X5, X6);
    }
    if (v->op == IR_VEC_TBX) { /* keep d where index >= 16 * len */
        x86_vg_const(v, X3, x86_vg_rep64(16 * len, 0), x86_vg_rep64(16 * len, 0));
        x86_vop(cb, X86_OPC_PMAXUB, X3, XB);
        x86_vop(cb, X86_OPC_PCMPEQB, X3, XB);
        x86_vop(cb, X86_OPC_PAND, X3, XD);
        x86_vop(cb, X86_OPC_POR, X5, X3);
    }
    return X5;
}

int x86_vg_permute(VecGen *v)
{
    uint8_t tbl[16];
    for (int i = 0; i < 16; i++)
        tbl[i] = (uint8_t)(v->c[4 + i / 8] >> (8 * (i % 8)));
    vperm(v, XA, XB, tbl, x86_vg_same_sources(v));
    return XA;
}

int x86_vg_place_narrow(VecGen *v)
{
    if (v->q) {
        x86_vop(v->cb, X86_OPC_PUNPCKLQDQ, XD, XA);
        return XD;
    }
    x86_vop(v->cb, X86_OPC_MOVQ_XX, XA, XA);
    return XA;
}

/* Saturating packs; QC when extending the result back changes a lane.  Clobbers X3 .. X6. */
int x86_vg_pack_sat(VecGen *v, bool is_signed, bool s_to_s)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    x86_vg_mov(v, X5, XA);
    if (s_to_s) {
        x86_vop(cb, esz ? X86_OPC_PACKSSDW : X86_OPC_PACKSSWB, XA, XA);
    } else if (is_signed) {
        x86_vop(cb, esz ? X86_OPC_PACKUSDW : X86_OPC_PACKUSWB, XA, XA);
    } else { /* unsigned: min with the narrow maximum, then an exact pack */
        if (esz) {
            x86_vg_opc_splat(v, x86_vec_pminu[2], XA, 0xffff, 2);
            x86_vop(cb, X86_OPC_PACKUSDW, XA, XA);
        } else {
            x86_vg_mov(v, X3, XA);
            x86_vg_opc_splat(v, x86_vec_psubus[1], X3, 0xff, 1);
            x86_vop(cb, x86_vec_psub[1], XA, X3);
            x86_vop(cb, X86_OPC_PACKUSWB, XA, XA);
        }
    }
    x86_vg_mov(v, X4, XA);
    x86_vg_extend(v, X4, esz, false, s_to_s);
    x86_vop(cb, x86_vec_pcmpeq[esz + 1], X4, X5);
    x86_vg_set_qc(v, X4, true);
    return XA;
}

/* SQXTN, UQXTN, SQXTUN. */
int x86_vg_qxtn(VecGen *v)
{
    if (v->esz == 2)
        x86_vg_pack_sat64(v, v->op != IR_VEC_UQXTN, v->op == IR_VEC_SQXTN);
    else
        x86_vg_pack_sat(v, v->op != IR_VEC_UQXTN, v->op == IR_VEC_SQXTN);
    return x86_vg_place_narrow(v);
}

/* SADDLP, UADDLP, SADALP, UADALP: even and odd elements extended in the wide lanes. */
int x86_vg_addlp(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz, w = esz + 1, bits = 8 << esz;
    bool sg = v->c[3] & IR_VEC_SIGNED;
    unsigned grp = x86_vec_shgrp[w];
    x86_vg_mov(v, X3, XA);
    if (!sg) {
        x86_vg_opc_splat(v, X86_OPC_PAND, X3, (1ull << bits) - 1, w);
        x86_vshift(cb, grp, X86_VSH_SRL, XA, (uint8_t)bits);
    } else if (w < 3) {
        x86_vshift(cb, grp, X86_VSH_SLL, X3, (uint8_t)bits);
        x86_vshift(cb, grp, X86_VSH_SRA, X3, (uint8_t)bits);
        x86_vshift(cb, grp, X86_VSH_SRA, XA, (uint8_t)bits);
    } else { /* 32-bit halves of quadwords: logical shifts, then (x ^ m) - m */
        x86_vshift(cb, grp, X86_VSH_SLL, X3, 32);
        x86_vshift(cb, grp, X86_VSH_SRL, X3, 32);
        x86_vshift(cb, grp, X86_VSH_SRL, XA, 32);
        x86_vg_opc_splat(v, X86_OPC_PXOR, X3, 1ull << 31, 3);
        x86_vg_opc_splat(v, x86_vec_psub[3], X3, 1ull << 31, 3);
        x86_vg_opc_splat(v, X86_OPC_PXOR, XA, 1ull << 31, 3);
        x86_vg_opc_splat(v, x86_vec_psub[3], XA, 1ull << 31, 3);
    }
    x86_vop(cb, x86_vec_padd[w], XA, X3);
    if (v->op == IR_VEC_ADALP) {
        x86_vop(cb, x86_vec_padd[w], XD, XA);
        return XD;
    }
    return XA;
}

/* SHRN: shift the wide lanes, pick their low halves into the low (or high) 8 bytes. */
int x86_vg_shrn(VecGen *v)
{
    x86_vshift(v->cb, x86_vec_shgrp[v->esz + 1], X86_VSH_SRL, XA, (uint8_t)v->imm);
    return x86_vg_narrow_pick(v);
}

int x86_vg_narrow_pick(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz, e = 1 << esz;
    uint64_t t[2] = {~0ull, ~0ull}; /* 0xff: pshufb gives zero */
    for (int j = 0; j < 8; j++) {
        uint64_t src = (uint64_t)((j / e) * 2 * e + j % e);
        int at = v->q ? 8 + j : j;
        t[at / 8] &= ~(0xffull << (8 * (at % 8)));
        t[at / 8] |= src << (8 * (at % 8));
    }
    x86_vg_opc(v, X86_OPC_PSHUFB, XA, t[0], t[1]);
    if (v->q) {
        x86_vop(cb, X86_OPC_MOVQ_XX, XD, XD);
        x86_vop(cb, X86_OPC_POR, XA, XD);
    }
    return XA;
}
