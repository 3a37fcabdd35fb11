/*
 * AArch64 AdvSIMD structure loads and stores: LD1..LD4/ST1..ST4 (multiple
 * structures), the single-lane forms and LD1R..LD4R, with post-index
 * writeback.  Whole registers move with 128-bit (or 64-bit) accesses; LD2..LD4
 * and ST2..ST4 (multiple) go through A64CPU.vscratch, the bytes in memory
 * order, and are (de)interleaved with byte permutations (vec PERM); the
 * single-lane forms work on the lanes of simd_ir.c.  The decoding and the
 * trans_* entry points are in trans_simd.c.
 */
#include "frontends/aarch64/simd_ldst_gen.h"

#include <stddef.h>

#include "frontends/aarch64/simd_ir.h"
#include "frontends/aarch64/simd_vec.h"

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

static int32_t scratch_off(int j)
{
    return (int32_t)(offsetof(A64CPU, vscratch) + 16 * j);
}

/*
 * Builds 16 bytes at `dst` from up to four 16-byte sources src[0..n-1]: byte i is byte
 * pick[i] % 16 of src[pick[i] / 16] (pick[i] = 0xff: zero).  One PERM for the first two
 * sources, then one per further source, keeping the bytes already placed.
 */
static void gather(DisasContext *s, int32_t dst, const int32_t *src, int n, const uint8_t *pick)
{
    uint8_t tbl[16];
    for (int i = 0; i < 16; i++)
        tbl[i] = pick[i] < 32 ? pick[i] : 0xff;
    a64_vec_perm(s, dst, src[0], n > 1 ? src[1] : src[0], tbl);
    for (int k = 2; k < n; k++) {
        for (int i = 0; i < 16; i++)
            tbl[i] = pick[i] / 16 == k ? (uint8_t)(16 + pick[i] % 16) : (uint8_t)i;
        a64_vec_perm(s, dst, dst, src[k], tbl);
    }
}

/* Memory offset (within the transfer) of byte b of element e of the k-th register. */
static int struct_byte(int selem, int esz, int k, int e, int b)
{
    return ((e * selem + k) << esz) + b;
}

/* LD2..LD4: the transfer into vscratch, then each register picks its elements. */
static void gen_ld_struct(DisasContext *s, const A64StructLdst *a, IrTemp base, int selem)
{
    int esz = a->size, bytes = 8 << a->q, e = 1 << esz;
    int32_t src[4];
    for (int j = 0; j < selem; j++) {
        src[j] = scratch_off(j);
        if (a->q) {
            ir_gen_ld_v128(s->ir, addr_plus(s, base, 16 * j), IR_MO_128, src[j]);
        } else { /* 8 bytes per register: no access beyond the structure */
            IrTemp v = ir_new_temp(s->ir, IR_I64);
            ir_gen_ld(s->ir, IR_I64, v, addr_plus(s, base, 8 * j), IR_MO_64);
            ir_gen_st_env(s->ir, IR_I64, v, scratch_off(0) + 8 * j);
        }
    }
    for (int k = 0; k < selem; k++) {
        uint8_t pick[16];
        for (int i = 0; i < 16; i++)
            pick[i] = i < bytes ? (uint8_t)struct_byte(selem, esz, k, i / e, i % e) : 0xff;
        gather(s, a64_vreg_offset((a->rt + k) & 31), src, a->q ? selem : (selem + 1) / 2, pick);
    }
}

/* ST2..ST4: vscratch gathers the memory order from the registers, then the transfer. */
static void gen_st_struct(DisasContext *s, const A64StructLdst *a, IrTemp base, int selem)
{
    int esz = a->size, e = 1 << esz, total = selem * (8 << a->q);
    int32_t src[4];
    for (int k = 0; k < selem; k++)
        src[k] = a64_vreg_offset((a->rt + k) & 31);
    for (int j = 0; j * 16 < total; j++) {
        uint8_t pick[16];
        for (int i = 0; i < 16; i++) {
            int m = 16 * j + i, k = (m >> esz) % selem, el = (m >> esz) / selem;
            pick[i] = m < total ? (uint8_t)(16 * k + (el << esz) + m % e) : 0xff;
        }
        gather(s, scratch_off(j), src, selem, pick);
    }
    for (int j = 0; j < (a->q ? selem : 0); j++)
        ir_gen_st_v128(s->ir, addr_plus(s, base, 16 * j), IR_MO_128, scratch_off(j));
    for (int w = 0; w < (a->q ? 0 : selem); w++) {
        IrTemp v = ir_new_temp(s->ir, IR_I64);
        ir_gen_ld_env(s->ir, IR_I64, v, scratch_off(0) + 8 * w);
        ir_gen_st(s->ir, IR_I64, v, addr_plus(s, base, 8 * w), IR_MO_64);
    }
}

bool a64_gen_ldst_mult(DisasContext *s, const A64StructLdst *a)
{
    static const signed char rpt_of[16] = {1, 0, 4, 0, 1, 0, 3, 1, 1, 0, 2, 0, 0, 0, 0, 0};
    static const signed char selem_of[16] = {4, 0, 1, 0, 3, 0, 1, 1, 2, 0, 1, 0, 0, 0, 0, 0};
    int rpt = rpt_of[a->opc], selem = selem_of[a->opc], esz = a->size;
    if (rpt == 0 || (esz == 3 && !a->q && selem > 1))
        return false;
    int bytes = rpt * selem * (8 << a->q);
    IrTemp base = ir_new_temp(s->ir, IR_I64);
    ir_gen_mov(s->ir, IR_I64, base, a64_reg_sp(s, a->rn));
    if (selem == 1)
        gen_ld1_whole(s, a, base, rpt);
    else if (a->l)
        gen_ld_struct(s, a, base, selem);
    else
        gen_st_struct(s, a, base, selem);
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
