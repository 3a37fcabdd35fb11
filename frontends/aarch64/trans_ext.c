/*
 * Translation of the optional AArch64 extensions other than cryptography
 * and half precision (decoder: a64_ext.decode): SQRDMLAH/SQRDMLSH, dot
 * products, int8 and BFloat16 matrix multiplies, BFloat16 conversions,
 * complex FP, FRINT32/64, FJCVTZS, the flag manipulation instructions and
 * RNDR/RNDRRS.  Flag instructions are expanded inline on the flag globals
 * (representation in cpu.h); the rest call helper_ext.c / helper_bf16.c.
 * Every handler first checks that the CPU model has the feature, else the
 * encoding stays unallocated (SIGILL).
 */
#include "frontends/aarch64/translate.h"

#include "frontends/aarch64/cpu_model.h"
#include "frontends/aarch64/dp_gen.h"
#include "frontends/aarch64/helper_bf16.h"
#include "frontends/aarch64/helper_ext.h"
#include "frontends/aarch64/helper_simd.h"
#include "frontends/aarch64/simd_vec.h"

#include "aarch64/decode_ext.c.inc"

#define HELPER_FLAGS (IR_CALL_NO_READ_GLOBALS | IR_CALL_NO_WRITE_GLOBALS)

static bool have(DisasContext *s, A64Feature f)
{
    return a64_cpu_has(s->cpu, f);
}

static IrTemp gen_desc_call(DisasContext *s, void *fn, const A64SimdDesc *d)
{
    IrTemp ret = ir_new_temp(s->ir, IR_I64);
    IrTemp args[1] = {ir_const_i64(s->ir, a64_simd_desc(d))};
    ir_gen_call(s->ir, IR_I64, ret, fn, HELPER_FLAGS, 1, args);
    return ret;
}

/* ---- AdvSIMD three same (extra) ---- */

static bool gen_dot(DisasContext *s, arg_v3 *a, int kind)
{
    if (a->size != 2)
        return false;
    if (kind == A64_DOT_SS || kind == A64_DOT_UU) {
        a64_vec_dot(s, kind == A64_DOT_UU, a->q, a->rd, a->rn, a->rm, -1);
        return true;
    }
    A64SimdDesc d = {.rd = a->rd, .rn = a->rn, .rm = a->rm, .q = a->q, .opc = kind};
    gen_desc_call(s, (void *)helper_ext_dot, &d);
    return true;
}

static bool gen_mmla(DisasContext *s, arg_v3 *a, int kind)
{
    if (a->size != 2 || !a->q || !have(s, A64_FEAT_I8MM))
        return false;
    A64SimdDesc d = {.rd = a->rd, .rn = a->rn, .rm = a->rm, .q = 1, .opc = kind};
    gen_desc_call(s, (void *)helper_ext_mmla, &d);
    return true;
}

/* FCMLA / FCADD element sizes: H needs FP16, D only in 128-bit vectors. */
static bool fcma_size_ok(DisasContext *s, int size, int q)
{
    if (!have(s, A64_FEAT_FCMA) || size == 0 || (size == 3 && !q))
        return false;
    return size != 1 || have(s, A64_FEAT_FP16);
}

/* SQRDMLAH / SQRDMLSH, vector or scalar, by element when idx >= 0. */
static bool gen_rdm(DisasContext *s, int size, int q, int scalar, int rd, int rn, int rm, bool sub,
                    int idx)
{
    if ((size != 1 && size != 2) || !have(s, A64_FEAT_RDM))
        return false;
    A64SimdDesc d = {.rd = rd,
                     .rn = rn,
                     .rm = rm,
                     .q = q,
                     .size = size,
                     .scalar = scalar,
                     .opc = sub | (idx >= 0) << 1,
                     .imm = idx < 0 ? 0 : idx};
    gen_desc_call(s, (void *)helper_ext_rdm, &d);
    return true;
}

/* BFloat16 vector ops; sel: BFMLALT (else B); idx >= 0: by element. */
static bool gen_bf16(DisasContext *s, uint64_t (*fn)(CPUCommon *, uint64_t), const arg_v3 *a,
                     int sel, int idx)
{
    if (!have(s, A64_FEAT_BF16))
        return false;
    bool mlal = fn == helper_bf16_mlal;
    A64SimdDesc d = {.rd = a->rd,
                     .rn = a->rn,
                     .rm = a->rm,
                     .q = mlal ? 1 : a->q,
                     .u = sel,
                     .scalar = idx >= 0,
                     .imm = idx < 0 ? 0 : idx};
    gen_desc_call(s, (void *)fn, &d);
    return true;
}

static bool trans_SIMD_3SAME_EXTRA(DisasContext *s, arg_v3 *a)
{
    if (a->opc <= 1) /* SQRDMLAH, SQRDMLSH */
        return a->u && gen_rdm(s, a->size, a->q, a->scalar, a->rd, a->rn, a->rm, a->opc, -1);
    if (a->scalar)
        return false;
    switch (a->opc) {
    case 2: /* SDOT, UDOT */
        return have(s, A64_FEAT_DOTPROD) && gen_dot(s, a, a->u ? A64_DOT_UU : A64_DOT_SS);
    case 3: /* USDOT */
        return !a->u && have(s, A64_FEAT_I8MM) && gen_dot(s, a, A64_DOT_US);
    case 4: /* SMMLA, UMMLA */
        return gen_mmla(s, a, a->u ? A64_DOT_UU : A64_DOT_SS);
    case 5: /* USMMLA */
        return !a->u && gen_mmla(s, a, A64_DOT_US);
    case 8 ... 11: /* FCMLA */
    case 12:       /* FCADD #90 */
    case 14: {     /* FCADD #270 */
        if (!a->u || !fcma_size_ok(s, a->size, a->q))
            return false;
        bool add = a->opc >= 12;
        A64SimdDesc d = {.rd = a->rd,
                         .rn = a->rn,
                         .rm = a->rm,
                         .q = a->q,
                         .size = a->size,
                         .opc = add ? (a->opc >> 1) & 1 : a->opc & 3};
        gen_desc_call(s, add ? (void *)helper_ext_fcadd : (void *)helper_ext_fcmla, &d);
        return true;
    }
    case 13: /* BFMMLA */
        return a->u && a->size == 1 && a->q && gen_bf16(s, helper_bf16_mmla, a, 0, -1);
    case 15: /* BFDOT, BFMLALB/T */
        if (!a->u || (a->size != 1 && a->size != 3))
            return false;
        return a->size == 1 ? gen_bf16(s, helper_bf16_dot, a, 0, -1)
                            : gen_bf16(s, helper_bf16_mlal, a, a->q, -1);
    default:
        return false;
    }
}

/* FMLAL, FMLSL, FMLAL2, FMLSL2; idx >= 0: by element. */
static bool gen_fmlal(DisasContext *s, int q, int upper, int sub, int rd, int rn, int rm, int idx)
{
    if (!have(s, A64_FEAT_FHM))
        return false;
    A64SimdDesc d = {.rd = rd,
                     .rn = rn,
                     .rm = rm,
                     .q = q,
                     .u = upper,
                     .opc = sub,
                     .scalar = idx >= 0,
                     .imm = idx < 0 ? 0 : idx};
    gen_desc_call(s, (void *)helper_ext_fmlal, &d);
    return true;
}

static bool trans_FHM_V(DisasContext *s, arg_FHM_V *a)
{
    return a->b13 != a->u && gen_fmlal(s, a->q, a->u, a->sub, a->rd, a->rn, a->rm, -1);
}

/* ---- vector x indexed element ---- */

static bool trans_SIMD_INDEXED_EXT(DisasContext *s, arg_vidx *a)
{
    int rm = a->m << 4 | a->rm;
    if (a->u && (a->opc == 13 || a->opc == 15)) { /* SQRDMLAH, SQRDMLSH (by element) */
        int idx = a->size == 1 ? (a->h << 2 | a->l << 1 | a->m) : (a->h << 1 | a->l);
        return gen_rdm(s, a->size, a->q, a->scalar, a->rd, a->rn, a->size == 1 ? a->rm : rm,
                       a->opc == 15, idx);
    }
    if (a->scalar)
        return false;
    if (a->size == 2 && (a->opc & 3) == 0 && (a->opc >> 3) == a->u) /* FMLAL FMLSL (2) */
        return gen_fmlal(s, a->q, a->u, a->opc >> 2 & 1, a->rd, a->rn, a->rm,
                         a->h << 2 | a->l << 1 | a->m);
    if (a->opc == 15 && !a->u && (a->size & 1)) { /* BFDOT, BFMLALB/T (by element) */
        arg_v3 v = {.rd = a->rd, .rn = a->rn, .rm = a->size == 1 ? rm : a->rm, .q = a->q};
        if (a->size == 1)
            return gen_bf16(s, helper_bf16_dot, &v, 0, a->h << 1 | a->l);
        return gen_bf16(s, helper_bf16_mlal, &v, a->q, a->h << 2 | a->l << 1 | a->m);
    }
    if (a->opc == 14 || (a->opc == 15 && !a->u)) { /* SDOT UDOT, USDOT SUDOT */
        int kind = a->opc == 14 ? (a->u ? A64_DOT_UU : A64_DOT_SS)
                                : (a->size == 2 ? A64_DOT_US : A64_DOT_SU);
        bool ok = a->opc == 14 ? a->size == 2 && have(s, A64_FEAT_DOTPROD)
                               : (a->size == 2 || a->size == 0) && have(s, A64_FEAT_I8MM);
        if (!ok)
            return false;
        if (kind == A64_DOT_SS || kind == A64_DOT_UU) {
            a64_vec_dot(s, kind == A64_DOT_UU, a->q, a->rd, a->rn, rm, a->h << 1 | a->l);
            return true;
        }
        A64SimdDesc d = {.rd = a->rd,
                         .rn = a->rn,
                         .rm = rm,
                         .q = a->q,
                         .opc = kind,
                         .scalar = 1,
                         .imm = a->h << 1 | a->l};
        gen_desc_call(s, (void *)helper_ext_dot, &d);
        return true;
    }
    if (a->u && (a->opc & 9) == 1) { /* FCMLA (by element): opc = 0:rot:1 */
        if ((a->size != 1 && a->size != 2) || !fcma_size_ok(s, a->size, a->q))
            return false;
        if (a->size == 2 ? a->l || !a->q : a->h && !a->q) /* the pair must be in Vm<8 << q> */
            return false;
        A64SimdDesc d = {.rd = a->rd,
                         .rn = a->rn,
                         .rm = rm,
                         .q = a->q,
                         .size = a->size,
                         .opc = (a->opc >> 1) & 3,
                         .scalar = 1,
                         .imm = a->size == 1 ? (a->h << 1 | a->l) : a->h};
        gen_desc_call(s, (void *)helper_ext_fcmla, &d);
        return true;
    }
    return false;
}

/* ---- FRINT32/64, FJCVTZS ---- */

static bool trans_FRINTTS_V(DisasContext *s, arg_FRINTTS_V *a)
{
    if (!have(s, A64_FEAT_FRINTTS) || (a->size && !a->q))
        return false;
    A64SimdDesc d = {
        .rd = a->rd, .rn = a->rn, .q = a->q, .u = a->u, .size = 2 + a->size, .opc = a->n64};
    gen_desc_call(s, (void *)helper_ext_frintts, &d);
    return true;
}

static bool trans_FRINTTS_S(DisasContext *s, arg_FRINTTS_S *a)
{
    if (!have(s, A64_FEAT_FRINTTS))
        return false;
    A64SimdDesc d = {
        .rd = a->rd, .rn = a->rn, .u = a->x, .size = 2 + a->type, .opc = a->n64, .scalar = 1};
    gen_desc_call(s, (void *)helper_ext_frintts, &d);
    return true;
}

static bool trans_FJCVTZS(DisasContext *s, arg_FJCVTZS *a)
{
    if (!have(s, A64_FEAT_JSCVT))
        return false;
    IrContext *ir = s->ir;
    A64SimdDesc d = {.rn = a->rn};
    IrTemp r = gen_desc_call(s, (void *)helper_ext_fjcvtzs, &d);
    IrTemp z = ir_new_temp(ir, IR_I64);
    /* NZCV = 0Z00 */
    ir_gen_extract(ir, IR_I64, z, r, 32, 1);
    ir_gen_binopi(ir, IR_OP_xor, IR_I64, a64_g.zf, z, 1);
    ir_gen_movi(ir, IR_I64, a64_g.nf, 0);
    ir_gen_movi(ir, IR_I64, a64_g.cf, 0);
    ir_gen_movi(ir, IR_I64, a64_g.vf, 0);
    a64_set_reg(s, a->rd, r, false);
    return true;
}

/* BFCVT Hd, Sn */
static bool trans_BFCVT(DisasContext *s, arg_BFCVT *a)
{
    if (!have(s, A64_FEAT_BF16))
        return false;
    A64SimdDesc d = {.rd = a->rd, .rn = a->rn, .scalar = 1};
    gen_desc_call(s, (void *)helper_bf16_cvt, &d);
    return true;
}

/* BFCVTN, BFCVTN2 */
static bool trans_BFCVTN(DisasContext *s, arg_BFCVTN *a)
{
    if (!have(s, A64_FEAT_BF16))
        return false;
    A64SimdDesc d = {.rd = a->rd, .rn = a->rn, .q = a->q};
    gen_desc_call(s, (void *)helper_bf16_cvt, &d);
    return true;
}

/* ---- flag manipulation (N = nf bit 63, Z = zf == 0, C = cf, V = vf bit 63) ---- */

/* 1 when Z is set, else 0. */
static IrTemp z_bit(DisasContext *s)
{
    IrTemp d = ir_new_temp(s->ir, IR_I64);
    ir_gen_setcond(s->ir, IR_I64, IR_COND_EQ, d, a64_g.zf, ir_const_i64(s->ir, 0));
    return d;
}

/* 1 when V is set, else 0. */
static IrTemp v_bit(DisasContext *s)
{
    return op2i(s, IR_OP_shr, a64_g.vf, 63);
}

static bool trans_CFINV(DisasContext *s, arg_CFINV *a)
{
    if (!have(s, A64_FEAT_FLAGM))
        return false;
    ir_gen_binopi(s->ir, IR_OP_xor, IR_I64, a64_g.cf, a64_g.cf, 1);
    return true;
}

/* AXFLAG: Z = Z | V, C = C & !V, N = V = 0. */
static bool trans_AXFLAG(DisasContext *s, arg_AXFLAG *a)
{
    if (!have(s, A64_FEAT_FLAGM2))
        return false;
    IrTemp v = v_bit(s);
    IrTemp z = op2(s, IR_OP_or, z_bit(s), v);
    ir_gen_binop(s->ir, IR_OP_andc, IR_I64, a64_g.cf, a64_g.cf, v);
    ir_gen_binopi(s->ir, IR_OP_xor, IR_I64, a64_g.zf, z, 1);
    ir_gen_movi(s->ir, IR_I64, a64_g.nf, 0);
    ir_gen_movi(s->ir, IR_I64, a64_g.vf, 0);
    return true;
}

/* XAFLAG: N = !C & !Z, Z = Z & C, C = C | Z, V = !C & Z. */
static bool trans_XAFLAG(DisasContext *s, arg_XAFLAG *a)
{
    if (!have(s, A64_FEAT_FLAGM2))
        return false;
    IrTemp z = z_bit(s), c = op2i(s, IR_OP_and, a64_g.cf, 1);
    IrTemp n = op2i(s, IR_OP_xor, op2(s, IR_OP_or, c, z), 1);
    IrTemp v = op2(s, IR_OP_andc, z, c);
    IrTemp nz = op2i(s, IR_OP_xor, op2(s, IR_OP_and, z, c), 1);
    ir_gen_binop(s->ir, IR_OP_or, IR_I64, a64_g.cf, c, z);
    ir_gen_mov(s->ir, IR_I64, a64_g.zf, nz);
    ir_gen_binopi(s->ir, IR_OP_shl, IR_I64, a64_g.nf, n, 63);
    ir_gen_binopi(s->ir, IR_OP_shl, IR_I64, a64_g.vf, v, 63);
    return true;
}

/* Sets the flags selected by mask (8 N, 4 Z, 2 C, 1 V) from bits 3..0 of x. */
static void gen_flags_from_bits(DisasContext *s, IrTemp x, int mask)
{
    IrContext *ir = s->ir;
    if (mask & 8)
        ir_gen_binopi(ir, IR_OP_shl, IR_I64, a64_g.nf, x, 60);
    if (mask & 4) {
        IrTemp z = ir_new_temp(ir, IR_I64);
        ir_gen_extract(ir, IR_I64, z, x, 2, 1);
        ir_gen_binopi(ir, IR_OP_xor, IR_I64, a64_g.zf, z, 1);
    }
    if (mask & 2)
        ir_gen_extract(ir, IR_I64, a64_g.cf, x, 1, 1);
    if (mask & 1)
        ir_gen_binopi(ir, IR_OP_shl, IR_I64, a64_g.vf, x, 63);
}

static bool trans_RMIF(DisasContext *s, arg_RMIF *a)
{
    if (!have(s, A64_FEAT_FLAGM))
        return false;
    IrTemp x = a64_reg(s, a->rn);
    if (a->imm)
        x = op2i(s, IR_OP_rotr, x, a->imm);
    gen_flags_from_bits(s, x, a->mask);
    return true;
}

/* SETF8/SETF16: N = bit 7 (15), Z = low 8 (16) bits zero, V = bit 8 (16) ^ bit 7 (15). */
static bool trans_SETF(DisasContext *s, arg_SETF *a)
{
    if (!have(s, A64_FEAT_FLAGM))
        return false;
    IrContext *ir = s->ir;
    int top = a->sz ? 15 : 7;
    IrTemp x = a64_reg(s, a->rn);
    ir_gen_binopi(ir, IR_OP_shl, IR_I64, a64_g.nf, x, 63 - top);
    IrTemp low = ir_new_temp(ir, IR_I64);
    ir_gen_extract(ir, IR_I64, low, x, 0, top + 1);
    ir_gen_mov(ir, IR_I64, a64_g.zf, low);
    IrTemp v = op2(s, IR_OP_xor, x, op2i(s, IR_OP_shl, x, 1));
    ir_gen_binopi(ir, IR_OP_shl, IR_I64, a64_g.vf, v, 63 - top - 1);
    return true;
}

/* ---- PSTATE.SSBS and PSTATE.DIT: no effect on execution, state kept for MRS ---- */

/* The PSTATE bit of SSBS (op2 = 1 in MSR immediate, 6 in MRS/MSR) or DIT (2, 5); 0 if none. */
static uint64_t pstate_bit(DisasContext *s, int op2, bool reg)
{
    if (op2 == (reg ? 6 : 1) && have(s, A64_FEAT_SSBS))
        return 1u << 12;
    if (op2 == (reg ? 5 : 2) && have(s, A64_FEAT_DIT))
        return 1u << 24;
    return 0;
}

static IrTemp gen_ld_pstate(DisasContext *s)
{
    IrTemp t = ir_new_temp(s->ir, IR_I64);
    ir_gen_ld_env(s->ir, IR_I64, t, (int32_t)offsetof(A64CPU, pstate_ext));
    return t;
}

/* pstate_ext = (pstate_ext & ~bit) | (v & bit) */
static void gen_set_pstate(DisasContext *s, uint64_t bit, IrTemp v)
{
    IrTemp old = op2i(s, IR_OP_and, gen_ld_pstate(s), ~bit);
    ir_gen_st_env(s->ir, IR_I64, op2(s, IR_OP_or, old, op2i(s, IR_OP_and, v, bit)),
                  (int32_t)offsetof(A64CPU, pstate_ext));
}

static bool trans_MSR_PSTATE_I(DisasContext *s, arg_MSR_PSTATE_I *a)
{
    uint64_t bit = pstate_bit(s, a->op2, false);
    if (!bit)
        return false;
    gen_set_pstate(s, bit, ir_const_i64(s->ir, a->imm ? bit : 0));
    return true;
}

static bool trans_PSTATE_REG(DisasContext *s, arg_PSTATE_REG *a)
{
    uint64_t bit = pstate_bit(s, a->op2, true);
    if (!bit)
        return false;
    if (a->l)
        a64_set_reg(s, a->rt, op2i(s, IR_OP_and, gen_ld_pstate(s), bit), true);
    else
        gen_set_pstate(s, bit, a64_reg(s, a->rt));
    return true;
}

/* ---- RNDR / RNDRRS: NZCV = 0000, or 0100 with Xt = 0 on failure ---- */

static bool trans_RNDR(DisasContext *s, arg_RNDR *a)
{
    if (!have(s, A64_FEAT_RNG))
        return false;
    IrContext *ir = s->ir;
    IrTemp r = ir_new_temp(ir, IR_I64);
    ir_gen_call(ir, IR_I64, r, (void *)helper_ext_rndr, HELPER_FLAGS, 0, NULL);
    ir_gen_mov(ir, IR_I64, a64_g.zf, r);
    ir_gen_movi(ir, IR_I64, a64_g.nf, 0);
    ir_gen_movi(ir, IR_I64, a64_g.cf, 0);
    ir_gen_movi(ir, IR_I64, a64_g.vf, 0);
    a64_set_reg(s, a->rt, r, true);
    return true;
}

bool a64_decode_ext(DisasContext *s, uint32_t insn)
{
    return decode_ext(s, insn);
}
