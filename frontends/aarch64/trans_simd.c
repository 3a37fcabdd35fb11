/*
 * AArch64 FP and AdvSIMD translation (decoder: a64_simd.decode).
 *
 * Moves, immediates (expanded by simd_imm.c), lane inserts/extracts and
 * FCSEL are expanded inline on 64-bit halves of the V registers (simd_ir.c);
 * the common integer vector ops, EXT, DUP (element) and the structure
 * loads/stores (simd_ldst_gen.c) become IR `vec` ops (simd_vec.c), which the
 * backend compiles to SSE.  Other arithmetic goes to the C helpers of helper_simd.c /
 * helper_fp.c, which get the operand fields as a constant descriptor and
 * touch neither guest GPRs nor flags; FP compares return NZCV, which is
 * unpacked here into the flag globals.
 */
#include "frontends/aarch64/translate.h"

#include "frontends/aarch64/fp_gen.h"
#include "frontends/aarch64/helper_simd.h"
#include "frontends/aarch64/simd_imm.h"
#include "frontends/aarch64/simd_ir.h"
#include "frontends/aarch64/simd_ldst_gen.h"
#include "frontends/aarch64/simd_vec.h"

#include "aarch64/decode_simd.c.inc"

#define HELPER_FLAGS (IR_CALL_NO_READ_GLOBALS | IR_CALL_NO_WRITE_GLOBALS)

/* ---- helper calls ---- */

static void gen_helper_desc(DisasContext *s, void *fn, const A64SimdDesc *d)
{
    IrTemp args[1] = {ir_const_i64(s->ir, a64_simd_desc(d))};
    ir_gen_call(s->ir, IR_I64, IR_TEMP_NONE, fn, HELPER_FLAGS, 1, args);
}

static IrTemp gen_helper_ret(DisasContext *s, void *fn, const A64SimdDesc *d, IrTemp arg)
{
    IrTemp ret = ir_new_temp(s->ir, IR_I64);
    IrTemp args[2] = {ir_const_i64(s->ir, a64_simd_desc(d)), arg};
    ir_gen_call(s->ir, IR_I64, ret, fn, HELPER_FLAGS, arg == IR_TEMP_NONE ? 1 : 2, args);
    return ret;
}

/* NZCV in bits 3..0 -> flag globals. */
static void gen_set_nzcv(DisasContext *s, IrTemp nzcv)
{
    IrContext *ir = s->ir;
    IrTemp z = ir_new_temp(ir, IR_I64);
    ir_gen_binopi(ir, IR_OP_shl, IR_I64, a64_g.nf, nzcv, 60);
    ir_gen_extract(ir, IR_I64, z, nzcv, 2, 1);
    ir_gen_binopi(ir, IR_OP_xor, IR_I64, a64_g.zf, z, 1);
    ir_gen_extract(ir, IR_I64, a64_g.cf, nzcv, 1, 1);
    ir_gen_binopi(ir, IR_OP_shl, IR_I64, a64_g.vf, nzcv, 63);
}

/* ---- AdvSIMD three same / three different ---- */

/* Three-register ops: the helper gets all of the decoded fields. */
static A64SimdDesc v3_desc(const arg_v3 *a)
{
    A64SimdDesc d = {.rd = a->rd,
                     .rn = a->rn,
                     .rm = a->rm,
                     .size = a->size,
                     .q = a->q,
                     .u = a->u,
                     .scalar = a->scalar,
                     .opc = a->opc};
    return d;
}

static void gen_helper_v3(DisasContext *s, void *fn, arg_v3 *a)
{
    A64SimdDesc d = v3_desc(a);
    gen_helper_desc(s, fn, &d);
}

static bool fp_3same_ok(int key)
{
    static const uint32_t valid = 1u << 0x00 | 1u << 0x01 | 1u << 0x02 | 1u << 0x03 | 1u << 0x04 |
                                  1u << 0x06 | 1u << 0x07 | 1u << 0x08 | 1u << 0x09 | 1u << 0x0a |
                                  1u << 0x0e | 1u << 0x0f | 1u << 0x10 | 1u << 0x12 | 1u << 0x13 |
                                  1u << 0x14 | 1u << 0x15 | 1u << 0x16 | 1u << 0x17 | 1u << 0x18 |
                                  1u << 0x1a | 1u << 0x1c | 1u << 0x1d | 1u << 0x1e;
    return valid >> key & 1;
}

static bool scalar_3same_ok(arg_v3 *a, int key)
{
    if (a->opc >= 0x18) /* FMULX FCMEQ FRECPS FRSQRTS FCMGE FACGE FABD FCMGT FACGT */
        return key == 0x03 || key == 0x04 || key == 0x07 || key == 0x0f || key == 0x14 ||
               key == 0x15 || key == 0x1a || key == 0x1c || key == 0x1d;
    switch (a->opc) {
    case 0x01:
    case 0x05:
    case 0x09:
    case 0x0b:
        return true;
    case 0x06:
    case 0x07:
    case 0x08:
    case 0x0a:
    case 0x10:
    case 0x11:
        return a->size == 3;
    case 0x16:
        return a->size == 1 || a->size == 2;
    }
    return false;
}

static bool trans_SIMD_3SAME(DisasContext *s, arg_v3 *a)
{
    bool fp = a->opc >= 0x18;
    int key = a->u << 4 | (a->size >> 1) << 3 | (a->opc & 7);
    if (a->opc == 0x03) {
        if (a->scalar)
            return false;
        return a64_vec_3same(s, a->u, a->size, a->opc, a->q, a->rd, a->rn, a->rm, false);
    }
    if (a->scalar && !scalar_3same_ok(a, key))
        return false;
    if (a->scalar && a->size == 3 &&
        (a->opc == 0x06 || a->opc == 0x07 || a->opc == 0x08 || a->opc == 0x10 || a->opc == 0x11))
        return a64_vec_3same(s, a->u, 3, a->opc, 0, a->rd, a->rn, a->rm, false); /* one lane */
    if (a->scalar && !fp && a64_vec_3same(s, a->u, a->size, a->opc, 0, a->rd, a->rn, a->rm, true))
        return true;
    if (fp && (!fp_3same_ok(key) || ((a->size & 1) && !a->q && !a->scalar)))
        return false;
    if (!fp && !a->scalar) {
        if (a->size == 3 && !a->q)
            return false;
        /* no 64-bit lanes: [SU]H*, [SU]MAX/MIN(P), [SU]AB[AD], MLA/MLS/MUL, SQDMULH */
        static const uint32_t no_d = 1u << 0x00 | 1u << 0x02 | 1u << 0x04 | 1u << 0x0c |
                                     1u << 0x0d | 1u << 0x0e | 1u << 0x0f | 1u << 0x12 |
                                     1u << 0x13 | 1u << 0x14 | 1u << 0x15 | 1u << 0x16;
        if ((a->u && a->opc == 0x17) || (a->size == 3 && (no_d >> a->opc & 1)))
            return false;
        if ((a->opc == 0x16 && (a->size == 0 || a->size == 3)) ||
            (a->u && a->opc == 0x13 && a->size != 0))
            return false;
        if (a64_vec_3same(s, a->u, a->size, a->opc, a->q, a->rd, a->rn, a->rm, false))
            return true;
    }
    A64SimdDesc d = v3_desc(a);
    if (!fp || !a64_gen_fp_3same(s, (void *)helper_simd_3same, &d))
        gen_helper_desc(s, (void *)helper_simd_3same, &d);
    return true;
}

static bool trans_SIMD_3DIFF(DisasContext *s, arg_v3 *a)
{
    bool sqd = a->opc == 9 || a->opc == 11 || a->opc == 13; /* SQDMLAL SQDMLSL SQDMULL */
    if (a->size == 3 || a->opc == 15 || (a->opc == 14 && (a->size != 0 || a->u)))
        return false;
    if (sqd && (a->u || a->size == 0))
        return false;
    if (a->scalar && !sqd)
        return false;
    if (a64_vec_3diff(s, a->u, a->size, a->opc, a->q, a->rd, a->rn, a->rm, a->scalar))
        return true;
    gen_helper_v3(s, (void *)helper_simd_3diff, a);
    return true;
}

/* ---- two-register misc, across lanes, scalar pairwise ---- */

static bool fp_2misc_ok(arg_v2 *a, int key)
{
    int sz = a->size & 1;
    if (key == 0x16 || key == 0x17) /* FCVTN FCVTL (a = 0) */
        return !a->scalar;
    if (key == 0x36) /* FCVTXN */
        return a->size == 1;
    if (key == 0x56 || key == 0x57)
        return false;
    if (!a->scalar && sz && !a->q)
        return false;
    switch (key) {
    case 0x4c:
    case 0x6c:
    case 0x4d:
    case 0x6d:
    case 0x4e:
    case 0x1a:
    case 0x1b:
    case 0x5a:
    case 0x5b:
    case 0x1c:
    case 0x1d:
    case 0x3a:
    case 0x3b:
    case 0x7a:
    case 0x7b:
    case 0x3c:
    case 0x3d:
    case 0x5d: /* FRECPE */
    case 0x7d: /* FRSQRTE */
        return true;
    case 0x5f: /* FRECPX */
        return a->scalar;
    case 0x5c: /* URECPE, URSQRTE (32-bit lanes) */
    case 0x7c:
        return !a->scalar && !sz;
    case 0x4f:
    case 0x6f:
    case 0x7f:
    case 0x18:
    case 0x19:
    case 0x58:
    case 0x59:
    case 0x38:
    case 0x39:
    case 0x79:
        return !a->scalar;
    }
    return false;
}

static bool int_2misc_ok(arg_v2 *a, int key)
{
    if (a->scalar) {
        switch (key) {
        case 0x03:
        case 0x23:
        case 0x07:
        case 0x27:
            return true;
        case 0x08:
        case 0x28:
        case 0x09:
        case 0x29:
        case 0x0a:
        case 0x0b:
        case 0x2b:
            return a->size == 3;
        case 0x14:
        case 0x34:
        case 0x32:
            return a->size != 3;
        }
        return false;
    }
    switch (key) {
    case 0x00:
    case 0x02:
    case 0x22:
    case 0x06:
    case 0x26:
    case 0x04:
    case 0x24:
    case 0x12:
    case 0x32:
    case 0x14:
    case 0x34:
    case 0x33:
        return a->size != 3;
    case 0x20:
    case 0x25:
        return a->size < 2;
    case 0x01:
    case 0x05:
        return a->size == 0;
    case 0x03:
    case 0x23:
    case 0x07:
    case 0x27:
    case 0x08:
    case 0x28:
    case 0x09:
    case 0x29:
    case 0x0a:
    case 0x0b:
    case 0x2b:
        return a->size != 3 || a->q;
    }
    return false;
}

static bool trans_SIMD_2MISC(DisasContext *s, arg_v2 *a)
{
    int key = a->u << 5 | a->opc;
    bool fp = (a->opc >= 0x0c && a->opc <= 0x0f) ? (a->size & 2) : a->opc >= 0x16;
    if (fp && !fp_2misc_ok(a, (a->size >> 1) << 6 | key))
        return false;
    if (!fp && !int_2misc_ok(a, key))
        return false;
    if (!fp && a64_vec_2misc(s, a->u, a->size, a->opc, a->q, a->rd, a->rn, a->scalar))
        return true;
    if (!fp && a->scalar && a->size == 3 && ((a->opc >= 0x08 && a->opc <= 0x0b) || key == 0x2b) &&
        a64_vec_2misc(s, a->u, 3, a->opc, 0, a->rd, a->rn, false)) /* compares, ABS, NEG */
        return true;
    A64SimdDesc d = {.rd = a->rd,
                     .rn = a->rn,
                     .size = a->size,
                     .q = a->q,
                     .u = a->u,
                     .scalar = a->scalar,
                     .opc = a->opc};
    if (fp && a64_gen_fp_2misc(s, (void *)helper_simd_2misc, &d))
        return true;
    gen_helper_desc(s, (void *)helper_simd_2misc, &d);
    return true;
}

static bool trans_SIMD_ACROSS(DisasContext *s, arg_v2 *a)
{
    bool ok;
    if (a->opc == 0x0c || a->opc == 0x0f)
        ok = a->u && a->q && !(a->size & 1);
    else if (a->opc == 0x03 || a->opc == 0x0a || a->opc == 0x1a || (a->opc == 0x1b && !a->u))
        ok = a->size < 2 || (a->size == 2 && a->q);
    else
        ok = false;
    if (!ok)
        return false;
    if (a64_vec_across(s, a->u, a->size, a->opc, a->q, a->rd, a->rn))
        return true;
    A64SimdDesc d = {
        .rd = a->rd, .rn = a->rn, .size = a->size, .q = a->q, .u = a->u, .opc = a->opc};
    if (!a64_gen_fp_across(s, (void *)helper_simd_across, &d))
        gen_helper_desc(s, (void *)helper_simd_across, &d);
    return true;
}

static bool trans_SIMD_PAIR(DisasContext *s, arg_v2 *a)
{
    bool ok = a->u ? (a->opc == 0x0c || a->opc == 0x0f || (a->opc == 0x0d && a->size < 2))
                   : (a->opc == 0x1b && a->size == 3);
    if (!ok)
        return false;
    if (!a->u) /* ADDP (scalar): the two 64-bit lanes added */
        return a64_vec_across(s, 0, 3, 0x1b, 1, a->rd, a->rn);
    A64SimdDesc d = {.rd = a->rd, .rn = a->rn, .size = a->size, .u = a->u, .opc = a->opc};
    if (!a64_gen_fp_pair(s, (void *)helper_simd_pair_scalar, &d))
        gen_helper_desc(s, (void *)helper_simd_pair_scalar, &d);
    return true;
}

/* ---- immediates and shifts ---- */

static bool trans_SIMD_MODIMM(DisasContext *s, arg_SIMD_MODIMM *a)
{
    bool ok;
    uint64_t imm = a64_simd_expand_imm(a->op, a->cmode, a->o2, a->imm, &ok);
    bool orr_bic = (a->cmode < 12) && (a->cmode & 1);
    if (!ok || (a->op && a->cmode == 15 && !a->q))
        return false;
    if (a->op && !orr_bic && a->cmode < 14)
        imm = ~imm; /* MVNI */
    for (int h = 0; h <= a->q; h++) {
        IrTemp v = ir_const_i64(s->ir, orr_bic && a->op ? ~imm : imm);
        if (orr_bic) {
            IrTemp t = ir_new_temp(s->ir, IR_I64);
            ir_gen_binop(s->ir, a->op ? IR_OP_and : IR_OP_or, IR_I64, t, a64_vld64(s, a->rd, h), v);
            v = t;
        }
        a64_vst64(s, a->rd, h, v);
    }
    if (!a->q)
        a64_vclear_high(s, a->rd);
    return true;
}

static bool shift_imm_ok(arg_vsh *a, int esz)
{
    bool narrow = a->opc >= 0x10 && a->opc <= 0x13;
    if (a->scalar) {
        if (narrow)
            return esz < 3 && (a->u || a->opc >= 0x12);
        switch (a->opc) {
        case 0x00:
        case 0x02:
        case 0x04:
        case 0x06:
        case 0x0a:
            return esz == 3;
        case 0x08:
            return esz == 3 && a->u;
        case 0x0c:
            return a->u;
        case 0x0e:
            return true;
        case 0x1c:
        case 0x1f:
            return esz >= 2;
        }
        return false;
    }
    if (narrow || a->opc == 0x14)
        return esz < 3;
    if (esz == 3 && !a->q)
        return false;
    switch (a->opc) {
    case 0x00:
    case 0x02:
    case 0x04:
    case 0x06:
    case 0x0a:
    case 0x0e:
        return true;
    case 0x08:
    case 0x0c:
        return a->u;
    case 0x1c:
    case 0x1f:
        return esz >= 2;
    }
    return false;
}

static bool trans_SIMD_SHIFT_IMM(DisasContext *s, arg_vsh *a)
{
    if ((a->imm >> 3) == 0)
        return false;
    int esz = 31 - __builtin_clz(a->imm >> 3);
    if (!shift_imm_ok(a, esz))
        return false;
    if ((!a->scalar || (esz == 3 && a->opc <= 0x0a)) &&
        a64_vec_shift_imm(s, a->u, a->opc, a->q, a->imm, a->rd, a->rn, false))
        return true;
    if (a->scalar && a64_vec_shift_imm(s, a->u, a->opc, 0, a->imm, a->rd, a->rn, true))
        return true;
    A64SimdDesc d = {.rd = a->rd,
                     .rn = a->rn,
                     .q = a->q,
                     .u = a->u,
                     .scalar = a->scalar,
                     .opc = a->opc,
                     .imm = a->imm};
    gen_helper_desc(s, (void *)helper_simd_shift_imm, &d);
    return true;
}

/* ---- vector / scalar x indexed element ---- */

static bool indexed_ok(arg_vidx *a, bool fp)
{
    int key = a->u << 4 | a->opc;
    if (fp)
        return (a->size == 2 || (a->size == 3 && !a->l && (a->q || a->scalar)));
    if (a->size == 0 || a->size == 3)
        return false;
    switch (key) {
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x03:
    case 0x07:
        return true; /* SQDMULL SQDMULH SQRDMULH SQDMLAL SQDMLSL */
    case 0x08:
    case 0x10:
    case 0x14:
    case 0x02:
    case 0x06:
    case 0x0a:
    case 0x12:
    case 0x16:
    case 0x1a:
        return !a->scalar;
    }
    return false;
}

static bool trans_SIMD_INDEXED(DisasContext *s, arg_vidx *a)
{
    bool fp = !a->u ? (a->opc == 1 || a->opc == 5 || a->opc == 9) : a->opc == 9;
    if (!indexed_ok(a, fp))
        return false;
    int rm = a->rm, idx;
    if (a->size == 1) {
        idx = a->h << 2 | a->l << 1 | a->m;
    } else {
        rm |= a->m << 4;
        idx = a->size == 2 ? (a->h << 1 | a->l) : a->h;
    }
    if (!fp && a64_vec_indexed(s, a->u, a->size, a->opc, a->q, a->rd, a->rn, rm, idx, a->scalar))
        return true;
    A64SimdDesc d = {.rd = a->rd,
                     .rn = a->rn,
                     .rm = rm,
                     .size = a->size,
                     .q = a->q,
                     .u = a->u,
                     .scalar = a->scalar,
                     .opc = a->opc,
                     .imm = idx};
    if (fp && a64_gen_fp_indexed(s, (void *)helper_simd_indexed, &d))
        return true;
    gen_helper_desc(s, (void *)helper_simd_indexed, &d);
    return true;
}

/* ---- permutes, EXT, TBL ---- */

static bool trans_SIMD_PERMUTE(DisasContext *s, arg_SIMD_PERMUTE *a)
{
    if ((a->opc & 3) == 0 || (a->size == 3 && !a->q))
        return false;
    return a64_vec_permute(s, a->opc, a->size, a->q, a->rd, a->rn, a->rm);
}

static bool trans_SIMD_EXT(DisasContext *s, arg_SIMD_EXT *a)
{
    if (!a->q && a->imm >= 8)
        return false;
    a64_vec_ext(s, a->rd, a->rn, a->rm, a->imm, a->q);
    return true;
}

static bool trans_SIMD_TBL(DisasContext *s, arg_SIMD_TBL *a)
{
    return a64_vec_tbl(s, a->len, a->op, a->q, a->rd, a->rn, a->rm);
}

/* ---- copies between lanes and GPRs ---- */

/* Element size from imm5 (lowest set bit); -1 if reserved. */
static int imm5_esz(int imm5)
{
    return (imm5 & 15) ? __builtin_ctz(imm5) : -1;
}

static bool trans_DUP_ELEM(DisasContext *s, arg_DUP_ELEM *a)
{
    int esz = imm5_esz(a->imm5);
    if (esz < 0 || (esz == 3 && !a->q))
        return false;
    a64_vec_dup_elem(s, a->rd, a->rn, esz, a->imm5 >> (esz + 1), a->q);
    return true;
}

static bool trans_DUP_GEN(DisasContext *s, arg_DUP_GEN *a)
{
    int esz = imm5_esz(a->imm5);
    if (esz < 0 || (esz == 3 && !a->q))
        return false;
    IrTemp v = a64_mask_value(s, a64_reg(s, a->rn), esz);
    a64_vst_dup(s, a->rd, a64_dup64(s, v, esz), a->q);
    return true;
}

static bool trans_INS_GEN(DisasContext *s, arg_INS_GEN *a)
{
    int esz = imm5_esz(a->imm5);
    if (esz < 0)
        return false;
    a64_vlane_st(s, a->rd, esz, a->imm5 >> (esz + 1), a64_reg(s, a->rn));
    return true;
}

static bool trans_SMOV(DisasContext *s, arg_SMOV *a)
{
    int esz = imm5_esz(a->imm5);
    if (esz < 0 || esz > 2 || (esz == 2 && !a->q))
        return false;
    a64_set_reg(s, a->rd, a64_vlane_ld(s, a->rn, esz, a->imm5 >> (esz + 1), true), a->q);
    return true;
}

static bool trans_UMOV(DisasContext *s, arg_UMOV *a)
{
    int esz = imm5_esz(a->imm5);
    if (esz < 0 || (esz == 3) != a->q)
        return false;
    a64_set_reg(s, a->rd, a64_vlane_ld(s, a->rn, esz, a->imm5 >> (esz + 1), false), a->q);
    return true;
}

static bool trans_INS_ELEM(DisasContext *s, arg_INS_ELEM *a)
{
    int esz = imm5_esz(a->imm5);
    if (esz < 0)
        return false;
    IrTemp v = a64_vlane_ld(s, a->rn, esz, a->imm4 >> esz, false);
    a64_vlane_st(s, a->rd, esz, a->imm5 >> (esz + 1), v);
    return true;
}

static bool trans_DUP_SCALAR(DisasContext *s, arg_DUP_SCALAR *a)
{
    int esz = imm5_esz(a->imm5);
    if (esz < 0)
        return false;
    a64_vst_dup(s, a->rd, a64_vlane_ld(s, a->rn, esz, a->imm5 >> (esz + 1), false), false);
    return true;
}

/* ---- scalar floating point ---- */

/* FP type field -> log2 byte size; -1 for the reserved type 2. */
static int fp_type_esz(int type)
{
    return type == 0 ? 2 : type == 1 ? 3 : type == 3 ? 1 : -1;
}

/* Vd = the low `esz` bits of v, rest of the register zero. */
static void fp_st(DisasContext *s, int rd, IrTemp v, int esz)
{
    a64_vst64(s, rd, 0, a64_mask_value(s, v, esz));
    a64_vclear_high(s, rd);
}

static bool trans_FP_1SRC(DisasContext *s, arg_FP_1SRC *a)
{
    int esz = fp_type_esz(a->type);
    if (esz < 0)
        return false;
    if (a->opc <= 2) { /* FMOV FABS FNEG */
        IrTemp v = a64_vld64(s, a->rn, 0);
        uint64_t sign = 1ull << ((8 << esz) - 1);
        if (a->opc) {
            IrTemp t = ir_new_temp(s->ir, IR_I64);
            ir_gen_binopi(s->ir, a->opc == 1 ? IR_OP_and : IR_OP_xor, IR_I64, t, v,
                          a->opc == 1 ? ~sign : sign);
            v = t;
        }
        fp_st(s, a->rd, v, esz);
        return true;
    }
    bool ok = a->opc == 3 || (a->opc >= 8 && a->opc <= 15 && a->opc != 13);
    if (a->opc == 4 || a->opc == 5 || a->opc == 7)
        ok = (a->opc & 3) != a->type;
    if (!ok)
        return false;
    A64SimdDesc d = {.rd = a->rd, .rn = a->rn, .size = a->type, .opc = a->opc};
    if (!a64_gen_fp_1src(s, a->type, a->opc, (void *)helper_fp_1src, &d))
        gen_helper_desc(s, (void *)helper_fp_1src, &d);
    return true;
}

static bool trans_FP_2SRC(DisasContext *s, arg_FP_2SRC *a)
{
    if (fp_type_esz(a->type) < 0 || a->opc > 8)
        return false;
    A64SimdDesc d = {.rd = a->rd, .rn = a->rn, .rm = a->rm, .size = a->type, .opc = a->opc};
    if (!a64_gen_fp_2src(s, a->type, a->opc, (void *)helper_fp_2src, &d))
        gen_helper_desc(s, (void *)helper_fp_2src, &d);
    return true;
}

static bool trans_FP_3SRC(DisasContext *s, arg_FP_3SRC *a)
{
    if (fp_type_esz(a->type) < 0)
        return false;
    A64SimdDesc d = {.rd = a->rd,
                     .rn = a->rn,
                     .rm = a->rm,
                     .ra = a->ra,
                     .size = a->type,
                     .opc = a->o1 << 1 | a->o0};
    if (!a64_gen_fp_3src(s, a->type, (void *)helper_fp_3src, &d))
        gen_helper_desc(s, (void *)helper_fp_3src, &d);
    return true;
}

static bool trans_FP_CMP(DisasContext *s, arg_FP_CMP *a)
{
    if (fp_type_esz(a->type) < 0 || (a->opc & 7))
        return false;
    A64SimdDesc d = {.rn = a->rn, .rm = a->rm, .size = a->type, .opc = a->opc};
    IrTemp nzcv = a64_gen_fp_cmp(s, a->type, (void *)helper_fp_cmp, &d);
    if (nzcv == IR_TEMP_NONE)
        nzcv = gen_helper_ret(s, (void *)helper_fp_cmp, &d, IR_TEMP_NONE);
    gen_set_nzcv(s, nzcv);
    return true;
}

static bool trans_FP_CCMP(DisasContext *s, arg_FP_CCMP *a)
{
    if (fp_type_esz(a->type) < 0)
        return false;
    A64SimdDesc d = {.rn = a->rn, .rm = a->rm, .size = a->type, .opc = a->op, .imm = a->nzcv};
    A64SimdDesc cmp = {
        .rn = a->rn, .rm = a->rm, .size = a->type, .opc = a->op << 4, .imm = a->nzcv};
    IrTemp nzcv = a64_gen_fp_ccmp(s, a->type, a->cond, (void *)helper_fp_cmp, &cmp);
    if (nzcv == IR_TEMP_NONE)
        nzcv = gen_helper_ret(s, (void *)helper_fp_ccmp, &d, a64_gen_cond_value(s, a->cond));
    gen_set_nzcv(s, nzcv);
    return true;
}

static bool trans_FP_CSEL(DisasContext *s, arg_FP_CSEL *a)
{
    int esz = fp_type_esz(a->type);
    if (esz < 0)
        return false;
    IrTemp c = a64_gen_cond_value(s, a->cond);
    IrTemp n = a64_vld64(s, a->rn, 0), m = a64_vld64(s, a->rm, 0);
    IrTemp r = ir_new_temp(s->ir, IR_I64);
    ir_gen_movcond(s->ir, IR_I64, IR_COND_NE, r, c, ir_const_i64(s->ir, 0), n, m);
    fp_st(s, a->rd, r, esz);
    return true;
}

static bool trans_FP_IMM(DisasContext *s, arg_FP_IMM *a)
{
    int esz = fp_type_esz(a->type);
    if (esz < 0)
        return false;
    fp_st(s, a->rd, ir_const_i64(s->ir, a64_vfp_expand_imm(a->imm, esz)), esz);
    return true;
}

/* FMOV between a GPR and an FP register (opc 6: to GPR, 7: from GPR). */
static bool gen_fmov_gpr(DisasContext *s, arg_FP_CVT_INT *a)
{
    bool top = a->rmode == 1;
    int esz = fp_type_esz(a->type);
    if (top ? !(a->sf && a->type == 2)
            : (a->rmode != 0 || esz < 0 || (esz != 1 && (esz == 3) != a->sf)))
        return false;
    if (top)
        esz = 3;
    if (a->opc == 6) {
        a64_set_reg(s, a->rd, a64_mask_value(s, a64_vld64(s, a->rn, top), esz), a->sf);
    } else if (top) {
        a64_vst64(s, a->rd, 1, a64_reg(s, a->rn));
    } else {
        fp_st(s, a->rd, a64_reg(s, a->rn), esz);
    }
    return true;
}

static bool gen_fp_int_conv(DisasContext *s, int sf, int type, int rmode, int opc, int rn, int rd,
                            int fbits)
{
    A64SimdDesc d = {.rd = rd,
                     .rn = rn,
                     .size = type,
                     .q = sf,
                     .u = opc & 1,
                     .opc = rmode << 3 | opc,
                     .imm = fbits};
    if (opc == 2 || opc == 3) {
        IrTemp v = a64_reg(s, rn);
        if (fbits || !a64_gen_fp_from_int(s, type, sf, opc & 1, v, (void *)helper_fp_from_int, &d))
            gen_helper_ret(s, (void *)helper_fp_from_int, &d, v);
        return true;
    }
    IrTemp r = IR_TEMP_NONE;
    if ((opc <= 1 || opc == 4 || opc == 5) && !fbits) /* FCVT[NPMZA][SU] */
        r = a64_gen_fp_to_int(s, type, sf, (void *)helper_fp_to_int, &d);
    if (r == IR_TEMP_NONE)
        r = gen_helper_ret(s, (void *)helper_fp_to_int, &d, IR_TEMP_NONE);
    a64_set_reg(s, rd, r, sf);
    return true;
}

static bool trans_FP_CVT_INT(DisasContext *s, arg_FP_CVT_INT *a)
{
    if (a->opc >= 6)
        return gen_fmov_gpr(s, a);
    if (fp_type_esz(a->type) < 0 || (a->opc >= 2 && a->rmode != 0))
        return false;
    return gen_fp_int_conv(s, a->sf, a->type, a->rmode, a->opc, a->rn, a->rd, 0);
}

static bool trans_FP_CVT_FIXED(DisasContext *s, arg_FP_CVT_FIXED *a)
{
    bool to_int = a->rmode == 3 && a->opc < 2;
    bool from_int = a->rmode == 0 && (a->opc == 2 || a->opc == 3);
    if (fp_type_esz(a->type) < 0 || !(to_int || from_int) || (!a->sf && a->scale < 32))
        return false;
    return gen_fp_int_conv(s, a->sf, a->type, a->rmode, a->opc, a->rn, a->rd, 64 - a->scale);
}

/* ---- structure loads and stores (simd_ldst_gen.c) ---- */

static bool trans_LDST_MULT(DisasContext *s, arg_ldmult *a)
{
    A64StructLdst p = {.q = a->q,
                       .l = a->l,
                       .rm = a->rm,
                       .opc = a->opc,
                       .size = a->size,
                       .rn = a->rn,
                       .rt = a->rt,
                       .post = a->post};
    return a64_gen_ldst_mult(s, &p);
}

static bool trans_LDST_SINGLE(DisasContext *s, arg_ldsing *a)
{
    A64StructLdst p = {.q = a->q,
                       .l = a->l,
                       .r = a->r,
                       .rm = a->rm,
                       .opc = a->opc,
                       .s = a->s,
                       .size = a->size,
                       .rn = a->rn,
                       .rt = a->rt,
                       .post = a->post};
    return a64_gen_ldst_single(s, &p);
}

bool a64_decode_simd(DisasContext *s, uint32_t insn)
{
    return decode_simd(s, insn);
}
