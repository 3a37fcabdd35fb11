/*
 * AArch64 AdvSIMD structure loads and stores: LD1..LD4/ST1..ST4 (multiple
 * structures), the single-lane forms and LD1R..LD4R, with post-index
 * writeback.  Expanded inline on the V register halves and lanes of
 * simd_ir.c; the decoding and the trans_* entry points are in trans_simd.c.
 */
#include "frontends/aarch64/simd_ldst_gen.h"

#include "frontends/aarch64/simd_ir.h"

static IrTemp addr_plus(DisasContext *s, IrTemp base, int64_t off)
{
    IrTemp t = ir_new_temp(s->ir, IR_I64);
    ir_gen_binopi(s->ir, IR_OP_add, IR_I64, t, base, (uint64_t)off);
    return t;
}

/* Post-index writeback: Rm = 31 adds the transfer size. */
static void gen_post_index(DisasContext *s, int post, int rn, int rm, IrTemp base, int bytes)
{
    if (!post)
        return;
    IrTemp nb = ir_new_temp(s->ir, IR_I64);
    if (rm == 31)
        ir_gen_binopi(s->ir, IR_OP_add, IR_I64, nb, base, bytes);
    else
        ir_gen_binop(s->ir, IR_OP_add, IR_I64, nb, base, a64_reg(s, rm));
    a64_set_reg_sp(s, rn, nb, true);
}

static void gen_elem_ldst(DisasContext *s, bool load, int r, int esz, int idx, IrTemp addr)
{
    IrTemp v;
    if (load) {
        v = ir_new_temp(s->ir, IR_I64);
        ir_gen_ld(s->ir, IR_I64, v, addr, esz);
        a64_vlane_st(s, r, esz, idx, v);
    } else {
        ir_gen_st(s->ir, IR_I64, a64_vlane_ld(s, r, esz, idx, false), addr, esz);
    }
}

/* Whole registers of LD1/ST1 (multiple): 64-bit or 128-bit transfers. */
static void gen_ld1_whole(DisasContext *s, const A64StructLdst *a, IrTemp base, int rpt)
{
    for (int i = 0; i < rpt; i++) {
        int r = (a->rt + i) & 31;
        IrTemp addr = addr_plus(s, base, (int64_t)i << (3 + a->q));
        if (a->q) {
            if (a->l)
                ir_gen_ld_v128(s->ir, addr, IR_MO_128, a64_vreg_offset(r));
            else
                ir_gen_st_v128(s->ir, addr, IR_MO_128, a64_vreg_offset(r));
        } else if (a->l) {
            IrTemp v = ir_new_temp(s->ir, IR_I64);
            ir_gen_ld(s->ir, IR_I64, v, addr, IR_MO_64);
            a64_vst_dup(s, r, v, false);
        } else {
            ir_gen_st(s->ir, IR_I64, a64_vld64(s, r, 0), addr, IR_MO_64);
        }
    }
}

bool a64_gen_ldst_mult(DisasContext *s, const A64StructLdst *a)
{
    static const signed char rpt_of[16] = {1, 0, 4, 0, 1, 0, 3, 1, 1, 0, 2, 0, 0, 0, 0, 0};
    static const signed char selem_of[16] = {4, 0, 1, 0, 3, 0, 1, 1, 2, 0, 1, 0, 0, 0, 0, 0};
    int rpt = rpt_of[a->opc], selem = selem_of[a->opc], esz = a->size;
    if (rpt == 0 || (esz == 3 && !a->q && selem > 1))
        return false;
    int ne = (8 << a->q) >> esz, bytes = rpt * selem * (8 << a->q);
    IrTemp base = ir_new_temp(s->ir, IR_I64);
    ir_gen_mov(s->ir, IR_I64, base, a64_reg_sp(s, a->rn));
    if (selem == 1) {
        gen_ld1_whole(s, a, base, rpt);
    } else {
        int off = 0;
        for (int e = 0; e < ne; e++) {
            for (int k = 0; k < selem; k++, off += 1 << esz)
                gen_elem_ldst(s, a->l, (a->rt + k) & 31, esz, e, addr_plus(s, base, off));
        }
        if (a->l && !a->q)
            for (int k = 0; k < selem; k++)
                a64_vclear_high(s, (a->rt + k) & 31);
    }
    gen_post_index(s, a->post, a->rn, a->rm, base, bytes);
    return true;
}

/* LD1R..LD4R: one element per register, replicated. */
static void gen_ld_replicate(DisasContext *s, const A64StructLdst *a, IrTemp base, int selem)
{
    for (int k = 0; k < selem; k++) {
        IrTemp v = ir_new_temp(s->ir, IR_I64);
        ir_gen_ld(s->ir, IR_I64, v, addr_plus(s, base, k << a->size), a->size);
        a64_vst_dup(s, (a->rt + k) & 31, a64_dup64(s, v, a->size), a->q);
    }
}

bool a64_gen_ldst_single(DisasContext *s, const A64StructLdst *a)
{
    int scale = a->opc >> 1, selem = ((a->opc & 1) << 1 | a->r) + 1, idx;
    switch (scale) {
    case 0:
        idx = a->q << 3 | a->s << 2 | a->size;
        break;
    case 1:
        if (a->size & 1)
            return false;
        idx = a->q << 2 | a->s << 1 | a->size >> 1;
        break;
    case 2:
        if (a->size & 2 || (a->size & 1 && a->s))
            return false;
        if (a->size & 1)
            scale = 3, idx = a->q;
        else
            idx = a->q << 1 | a->s;
        break;
    default:
        if (!a->l || a->s)
            return false;
        scale = a->size;
        idx = -1;
        break;
    }
    IrTemp base = ir_new_temp(s->ir, IR_I64);
    ir_gen_mov(s->ir, IR_I64, base, a64_reg_sp(s, a->rn));
    if (idx < 0)
        gen_ld_replicate(s, a, base, selem);
    else
        for (int k = 0; k < selem; k++)
            gen_elem_ldst(s, a->l, (a->rt + k) & 31, scale, idx, addr_plus(s, base, k << scale));
    gen_post_index(s, a->post, a->rn, a->rm, base, selem << scale);
    return true;
}
