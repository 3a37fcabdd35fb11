/*
 * Guest FP ops (fp_env, fp_int; translator/ir_fp.h) on the host's AVX and FMA3 units.
 *
 * Fast path: the op is computed in xmm0..xmm4 straight from the CPU-state fields and
 * its result is stored only when the host's answer is certainly the guest's: the op's
 * guard word is clear (AArch64: FPCR.FZ), no lane is a NaN (NaN propagation and the
 * default NaN differ between Arm and x86) and no lane is exactly the smallest normal (Arm
 * detects tininess before rounding, x86 after: the one result whose UFC can differ with FZ
 * clear); a first compare sends lanes below twice the smallest normal to an out-of-line
 * second look (codegen_fp_stub.c), which lets zeros and subnormals back.  The host
 * exception flags of a stored result are then exactly the guest's; they accumulate in
 * MXCSR and the frontend folds them into its status register lazily.  Otherwise the
 * exact helper runs on the unchanged operands: the flags the abandoned attempt raised
 * are a subset of those the helper raises (invalid only for signalling NaNs or invalid
 * operations, underflow only for results tiny after rounding).  vmin/vmax raise invalid
 * for quiet NaNs too, so min/max check their inputs for NaNs first; their results are
 * exact.  Without AVX (or FMA3, for the fused ops) the helper always runs.  This file
 * has the guard, the slow paths and fp_env; fp_int and fp_from_int are in
 * codegen_fp_int.c (codegen_fp.h).
 */
#include "translator/x86_64/codegen_fp.h"

#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Lane constants: |x| masks and twice the smallest normal, single then double; sign bits;
 * -1.0f and 2^31 (single) for unsigned conversions. */
enum {
    FP_K_ABS_S,
    FP_K_ABS_D,
    FP_K_MIN2_S,
    FP_K_MIN2_D,
    FP_K_SIGN_S,
    FP_K_SIGN_D,
    FP_K_M1_S,
    FP_K_2P31_S,
    FP_K_BIG_S, /* 2^23, 2^52: no fraction from there on */
    FP_K_BIG_D,
    FP_K_HALF_S,
    FP_K_HALF_D,
    FP_K_ONE_S,
    FP_K_ONE_D,
};
/* FP_K_SIGN_S is also the host's "integer indefinite" of 32-bit conversions */
static const uint32_t fp_k[14][4] __attribute__((aligned(16))) = {
    {0x7fffffff, 0x7fffffff, 0x7fffffff, 0x7fffffff},
    {0xffffffff, 0x7fffffff, 0xffffffff, 0x7fffffff},
    {0x01000000, 0x01000000, 0x01000000, 0x01000000},
    {0, 0x00200000, 0, 0x00200000},
    {0x80000000, 0x80000000, 0x80000000, 0x80000000},
    {0, 0x80000000, 0, 0x80000000},
    {0xbf800000, 0xbf800000, 0xbf800000, 0xbf800000},
    {0x4f000000, 0x4f000000, 0x4f000000, 0x4f000000},
    {0x4b000000, 0x4b000000, 0x4b000000, 0x4b000000},
    {0, 0x43300000, 0, 0x43300000},
    {0x3f000000, 0x3f000000, 0x3f000000, 0x3f000000},
    {0, 0x3fe00000, 0, 0x3fe00000},
    {0x3f800000, 0x3f800000, 0x3f800000, 0x3f800000},
    {0, 0x3ff00000, 0, 0x3ff00000},
};

/*
 * The guard constants (|x| mask and twice the smallest normal of one element size) are
 * loaded into FP_XABS and FP_XMIN2 by the first guarded op that needs them and reused by
 * the next ones while only ops that leave those registers alone come between (no calls,
 * no labels, no other xmm users: fp_keeps_consts); the slow paths reload them after
 * their helper call.
 */

static bool fp_keeps_consts(int opc)
{
    switch (opc) {
    case IR_OP_nop:
    case IR_OP_discard:
    case IR_OP_insn_start:
    case IR_OP_mov:
    case IR_OP_add:
    case IR_OP_sub:
    case IR_OP_mul:
    case IR_OP_and:
    case IR_OP_or:
    case IR_OP_xor:
    case IR_OP_andc:
    case IR_OP_shl:
    case IR_OP_shr:
    case IR_OP_sar:
    case IR_OP_extract:
    case IR_OP_sextract:
    case IR_OP_deposit:
    case IR_OP_ext32s:
    case IR_OP_ext32u:
    case IR_OP_extu_i32:
    case IR_OP_exts_i32:
    case IR_OP_trunc_i64:
    case IR_OP_setcond:
    case IR_OP_movcond:
    case IR_OP_ld_env:
    case IR_OP_st_env:
    case IR_OP_mov_env128:
    case IR_OP_ld:
    case IR_OP_st:
    case IR_OP_ld_v128:
    case IR_OP_st_v128:
    case IR_OP_fp_env: /* these keep g->fpk_esz current themselves */
    case IR_OP_fp_int:
    case IR_OP_fp_from_int:
        return true;
    }
    return false;
}

/* Forgets the constants unless every op since the last fp op keeps them. */
static void fp_consts_check(X86Gen *g)
{
    if (g->fpk_pinned)
        return;
    for (uint32_t i = g->fpk_op; i < g->op_index && g->fpk_esz; i++)
        if (!fp_keeps_consts(g->ctx->ops[i].opc))
            g->fpk_esz = 0;
}

/* Loads the constants of element size esz (through general register tmp when fp_k is out
 * of rip-relative reach). */
void x86_fp_consts_load(CodeBuf *cb, int esz, int tmp)
{
    int k[2] = {esz == 3 ? FP_K_ABS_D : FP_K_ABS_S, esz == 3 ? FP_K_MIN2_D : FP_K_MIN2_S};
    bool far = !x86_reach32(cb->ptr, fp_k) || !x86_reach32(cb->ptr + 32, fp_k);
    if (far)
        x86_movi_keepflags(cb, true, tmp, (uint64_t)(uintptr_t)fp_k);
    for (int i = 0; i < 2; i++) {
        if (far)
            x86_vex_md(cb, X86_V_MOVAPS, FP_XABS + i, 0, tmp, k[i] * 16);
        else
            x86_vex_rip(cb, X86_V_MOVAPS, FP_XABS + i, 0, fp_k[k[i]], 0);
    }
}

/* The guard constants of the op's element size, in FP_XABS and FP_XMIN2. */
static void fp_consts_need(FpGen *f)
{
    if (f->g->fpk_esz != f->esz) {
        x86_fp_consts_load(f->g->cb, f->esz, f->tmp);
        f->g->fpk_esz = (int8_t)f->esz;
    }
}

int32_t x86_fp_off(const FpGen *f, int i)
{
    return ir_fp_off(ir_cst(f->op, 1), i);
}

/* pp of the packed form for the element size (ps / pd); + 2 gives ss / sd. */
static int fp_pp_packed(const FpGen *f)
{
    return f->esz == 3;
}

static int fp_pp_arith(const FpGen *f)
{
    return fp_pp_packed(f) + (f->shape == IR_FP_SCALAR ? 2 : 0);
}

/* Lanes of the movmsk result that hold elements of the operation. */
static int fp_lanes(const FpGen *f)
{
    if (f->shape == IR_FP_SCALAR)
        return 1;
    if (f->shape == IR_FP_VEC64 || f->esz == 3)
        return 3;
    return 15;
}

/* vop r, v, <constant k> (+ imm8 predicate when `imm` >= 0). */
static void fp_vk(FpGen *f, unsigned vop, int r, int v, int k, int imm)
{
    CodeBuf *cb = f->g->cb;
    if (f->kreg >= 0)
        x86_vex_md(cb, vop, r, v, f->kreg, k * 16);
    else
        x86_vex_rip(cb, vop, r, v, fp_k[k], imm >= 0);
    if (imm >= 0)
        x86_u8(cb, (uint8_t)imm);
}

/* xmm dst = the element(s) of xmm src the op uses, other lanes zero (no flags from them). */
void x86_fp_zext(FpGen *f, int dst, int src)
{
    CodeBuf *cb = f->g->cb;
    if (f->shape == IR_FP_VEC128) {
        if (dst != src)
            x86_vex_rr3(cb, X86_V_MOVAPS, dst, 0, src);
    } else if (f->shape == IR_FP_VEC64 || f->src_esz == 3) {
        x86_vex_rr3(cb, X86_V_MOVQ_LOAD, dst, 0, src);
    } else {
        x86_vex_rr3(cb, X86_V_XORPS, 4, 4, 4);
        x86_vex_rr3(cb, X86_V_BLENDPS, dst, 4, src);
        x86_u8(cb, 1);
    }
}

/* xmm dst = operand i (1 n, 2 m, 3 a) as x86_fp_zext makes it, from the cache or memory (an
 * 8- or 4-byte load: it forwards from the 8-byte stores of scalar guest loads). */
void x86_fp_fetch(FpGen *f, int dst, int i)
{
    if (f->x[i] >= 0) {
        x86_fp_zext(f, dst, f->x[i]);
        return;
    }
    unsigned vop = f->shape == IR_FP_VEC64 || f->src_esz == 3 ? X86_V_MOVQ_LOAD : X86_V_MOVSS_LOAD;
    x86_vex_md(f->g->cb, vop, dst, 0, X86_REG_CPU, x86_fp_off(f, i));
}

/* xmm2 = element idx of m in every lane the op uses. */
static void fp_elem(FpGen *f)
{
    CodeBuf *cb = f->g->cb;
    int idx = ir_fp_idx(f->desc);
    if (f->esz == 2) {
        x86_vex_rr3(cb, X86_V_SHUFPS, 2, f->x[2], f->x[2]);
        x86_u8(cb, (uint8_t)(idx * 0x55));
    } else {
        x86_vex_rr3(cb, idx ? X86_V_UNPCKHPD : X86_V_MOVDDUP, 2, idx ? f->x[2] : 0, f->x[2]);
    }
    x86_fp_zext(f, 2, 2);
}

/* jnz to the slow path when the guard word has a masked bit set; returns the rel32, or
 * NULL without a guard (mask 0). */
uint8_t *x86_fp_guard(X86Gen *g, const IrOp *op)
{
    uint64_t guard = ir_cst(op, 4);
    if (!(guard >> 32))
        return NULL;
    x86_op_md(g->cb, X86_OPC_GRP3, 0, X86_REG_CPU, (int32_t)(uint32_t)guard);
    x86_u32(g->cb, (uint32_t)(guard >> 32));
    return x86_jcc32(g->cb, X86_CC_NE);
}

/* Ops with a second source m. */
static bool fp_has_m(int kind)
{
    return kind < IR_FP_SQRT || (kind >= IR_FP_MADD && kind <= IR_FP_NMSUB) || kind == IR_FP_CMP ||
           kind == IR_FP_ADDP || kind == IR_FP_NMUL || kind == IR_FP_ABD || kind == IR_FP_MAXP ||
           kind == IR_FP_MINP;
}

/* Ops that read all 16 bytes of n whatever their shape (scalar pairwise ops: two lanes). */
static bool fp_n_whole(const FpGen *f, int kind)
{
    bool pairwise = kind == IR_FP_ADDP || kind == IR_FP_MAXP || kind == IR_FP_MINP;
    return kind == IR_FP_CVTL || kind == IR_FP_CVTN || kind == IR_FP_MAXV || kind == IR_FP_MINV ||
           (pairwise && f->shape == IR_FP_SCALAR);
}

/* Registers of the sources: the cached registers themselves for 16-byte vectors, else
 * zero-extended copies in xmm1 (n) and xmm2 (m). */
static void fp_sources(FpGen *f, int kind, int *n, int *m)
{
    bool full = f->shape == IR_FP_VEC128;
    *n = full || fp_n_whole(f, kind) ? f->x[1] : 1;
    *m = full && !ir_fp_by_elem(f->desc) ? f->x[2] : 2;
    if (!full && !fp_n_whole(f, kind))
        x86_fp_fetch(f, 1, 1);
    if (!fp_has_m(kind))
        return;
    if (ir_fp_by_elem(f->desc))
        fp_elem(f);
    else if (!full)
        x86_fp_fetch(f, 2, 2);
}

/* The VEX opcode (0f38 map, packed form; + 1 for scalar) of a fused op: a + n * m and its
 * negations, as the 231 forms (destination = addend). */
static uint8_t fp_fused_op(int kind)
{
    static const uint8_t fused[] = {[IR_FP_MADD] = X86_V_FMADD231,
                                    [IR_FP_MSUB] = X86_V_FNMADD231,
                                    [IR_FP_NMADD] = X86_V_FNMSUB231,
                                    [IR_FP_NMSUB] = X86_V_FMSUB231};
    return fused[kind];
}

static const uint8_t fp_arith[] = {
    [IR_FP_ADD] = X86_V_ADD, [IR_FP_SUB] = X86_V_SUB, [IR_FP_MUL] = X86_V_MUL,
    [IR_FP_DIV] = X86_V_DIV, [IR_FP_MIN] = X86_V_MIN, [IR_FP_MAX] = X86_V_MAX};

/* True for an op on 16 bytes computed in its destination's cache register: add, sub, mul,
 * div, and fused ops whose addend is the destination. */
static bool fp_in_place(const FpGen *f, int kind)
{
    if (f->shape != IR_FP_VEC128 || f->x[0] < 0)
        return false;
    if (kind >= IR_FP_MADD && kind <= IR_FP_NMSUB)
        return f->x[3] == f->x[0];
    return kind == IR_FP_ADD || kind == IR_FP_SUB || kind == IR_FP_MUL || kind == IR_FP_DIV;
}

/* The in-place form of fp_in_place's ops into register d (16-byte sources n, m): xmm0 keeps
 * d's old value where the slow path needs it (d is a source register, also one that n or m
 * was copied from, e.g. the element of a by-element op); returns that register or -1. */
static int fp_compute_in_place(FpGen *f, int kind, int d, int n, int m)
{
    CodeBuf *cb = f->g->cb;
    bool fused = kind >= IR_FP_MADD && kind <= IR_FP_NMSUB;
    bool keep = fused || d == n || d == m || d == f->x[1] || d == f->x[2];
    if (keep)
        x86_vex_rr3(cb, X86_V_MOVAPS, 0, 0, d);
    if (fused)
        x86_vex_rr3(cb, X86_VEX(2, 1, f->esz == 3, fp_fused_op(kind)), d, n, m);
    else
        x86_vex_rr3(cb, X86_VEX(1, fp_pp_arith(f), 0, fp_arith[kind]), d, n, m);
    return keep ? d : -1;
}

/* xmm0 = the op on sources n, m and, for fused ops, the addend. */
static void fp_compute(FpGen *f, int kind, int n, int m)
{
    CodeBuf *cb = f->g->cb;
    bool scalar = f->shape == IR_FP_SCALAR;
    if (kind == IR_FP_CVT) { /* vcvtss2sd / vcvtsd2ss; the other lanes from a zero */
        x86_vex_rr3(cb, X86_V_XORPS, 4, 4, 4);
        x86_vex_rr3(cb, X86_VEX(1, f->esz == 3 ? 2 : 3, 0, 0x5a), 0, 4, n);
    } else if (kind == IR_FP_RINT) { /* vround: imm bit 3 suppresses inexact */
        int mode = ir_fp_idx(f->desc);
        x86_vex_rr3(cb, X86_VEX(3, 1, 0, (scalar ? 0x0a : 0x08) + (f->esz == 3)), 0, scalar ? n : 0,
                    n);
        x86_u8(cb, (uint8_t)((mode & 7) | ((mode & IR_FP_RND_EXACT) ? 0 : 8)));
    } else if ((kind == IR_FP_SCVTF || kind == IR_FP_UCVTF) && f->esz == 2) {
        x86_vex_rr3(cb, X86_VEX(1, 0, 0, 0x5b), 0, 0, n);    /* vcvtdq2ps */
    } else if (kind == IR_FP_SCVTF || kind == IR_FP_UCVTF) { /* two lanes through vcvtsi2sd */
        x86_vex_rr3(cb, X86_V_XORPS, 4, 4, 4);
        for (int i = 0; i < 2; i++) {
            x86_vex_rr3(cb, X86_V_PEXTR | 1u << 12, n, 0, f->tmp);
            x86_u8(cb, (uint8_t)i);
            x86_vex_rr3(cb, X86_VEX(1, 3, 1, 0x2a), 3 * i, 4, f->tmp);
        }
        x86_vex_rr3(cb, X86_VEX(1, 1, 0, 0x14), 0, 0, 3); /* vunpcklpd */
    } else if (kind == IR_FP_FCVTZS || kind == IR_FP_FCVTU) {
        if (ir_fp_idx(f->desc) != IR_FP_RND_Z) { /* vroundps: inexact raised when inexact */
            x86_vex_rr3(cb, X86_VEX(3, 1, 0, 0x08), 1, 0, n);
            x86_u8(cb, (uint8_t)ir_fp_idx(f->desc));
            n = 1;
        }
        x86_vex_rr3(cb, X86_VEX(1, 2, 0, 0x5b), 0, 0, n); /* vcvttps2dq */
    } else if (kind == IR_FP_CMP || kind == IR_FP_CMPZ) {
        static const uint8_t pred[] = {[IR_FP_CMP_EQ] = 0x00,
                                       [IR_FP_CMP_GE] = 0x0d,
                                       [IR_FP_CMP_GT] = 0x0e,
                                       [IR_FP_CMP_LE] = 0x02,
                                       [IR_FP_CMP_LT] = 0x01}; /* EQ_OQ GE_OS GT_OS LE_OS LT_OS */
        int cond = ir_fp_idx(f->desc), pp = fp_pp_packed(f);
        if (kind == IR_FP_CMPZ) {
            m = 2;
            x86_vex_rr3(cb, X86_V_XORPS, 2, 2, 2);
        }
        if (cond & IR_FP_CMP_ABS) {
            fp_vk(f, X86_V_ANDPS, 1, n, FP_K_ABS_S + (f->esz == 3), -1);
            fp_vk(f, X86_V_ANDPS, 2, m, FP_K_ABS_S + (f->esz == 3), -1);
            n = 1, m = 2;
        }
        x86_vex_rr3(cb, X86_VEX(1, pp, 0, X86_V_CMP), 0, n, m);
        x86_u8(cb, pred[cond & 7]);
    } else if (kind == IR_FP_ADDP) { /* vhaddps / vhaddpd */
        if (scalar && f->esz == 2) { /* n's two lanes only: no flags from the others */
            x86_vex_rr3(cb, X86_V_MOVQ_LOAD, 1, 0, n);
            n = 1;
        }
        if (scalar)
            m = n;
        x86_vex_rr3(cb, X86_VEX(1, f->esz == 3 ? 1 : 3, 0, 0x7c), 0, n, m);
        if (scalar)
            x86_fp_zext(f, 0, 0);
        if (f->shape == IR_FP_VEC64) { /* n0+n1, 0, m0+m1, 0 -> lanes 0, 1 */
            x86_vex_rr3(cb, X86_V_SHUFPS, 0, 0, 0);
            x86_u8(cb, 0x08);
        }
    } else if (kind == IR_FP_ABS || kind == IR_FP_NEG) {
        bool abs = kind == IR_FP_ABS;
        fp_vk(f, abs ? X86_V_ANDPS : X86_V_XORPS, 0, n,
              (abs ? FP_K_ABS_S : FP_K_SIGN_S) + (f->esz == 3), -1);
    } else if (kind == IR_FP_CVTL) { /* vcvtps2pd of the low half, or of the high one */
        if (ir_fp_idx(f->desc)) {
            x86_vex_rr3(cb, X86_VEX(1, 0, 0, 0x12), 1, n, n); /* vmovhlps */
            n = 1;
        }
        x86_vex_rr3(cb, X86_VEX(1, 0, 0, 0x5a), 0, 0, n);
    } else if (kind == IR_FP_CVTN) { /* vcvtpd2ps: the high half zero */
        x86_vex_rr3(cb, X86_VEX(1, 1, 0, 0x5a), 0, 0, n);
    } else if (kind == IR_FP_NMUL) { /* negating a scalar also flips the zero lanes: re-zeroed */
        x86_vex_rr3(cb, X86_VEX(1, fp_pp_arith(f), 0, X86_V_MUL), 0, n, m);
        fp_vk(f, X86_V_XORPS, 0, 0, FP_K_SIGN_S + (f->esz == 3), -1);
        if (scalar)
            x86_fp_zext(f, 0, 0);
    } else if (kind == IR_FP_ABD) {
        x86_vex_rr3(cb, X86_VEX(1, fp_pp_arith(f), 0, X86_V_SUB), 0, n, m);
        fp_consts_need(f);
        x86_vex_rr3(cb, X86_V_ANDPS, 0, 0, FP_XABS);
    } else if (kind == IR_FP_SQRT) {
        x86_vex_rr3(cb, X86_VEX(1, fp_pp_arith(f), 0, X86_V_SQRT), 0, scalar ? n : 0, n);
    } else if (kind >= IR_FP_MADD && kind <= IR_FP_NMSUB) {
        x86_fp_fetch(f, 0, 3);
        x86_vex_rr3(cb, X86_VEX(2, 1, f->esz == 3, fp_fused_op(kind) + scalar), 0, n, m);
    } else {
        x86_vex_rr3(cb, X86_VEX(1, fp_pp_arith(f), 0, fp_arith[kind]), 0, n, m);
    }
    if (f->shape == IR_FP_VEC64) /* the unused lanes of the result are zero */
        x86_vex_rr3(cb, X86_V_MOVQ_LOAD, 0, 0, 0);
}

/* Min/max: NaN operands go to the slow path (rel32 returned); equal operands (+0, -0)
 * give the Arm answer: max = a & b, min = a | b. */
static uint8_t *fp_minmax(FpGen *f, int kind, int n, int m)
{
    CodeBuf *cb = f->g->cb;
    int pp = fp_pp_packed(f);
    x86_vex_rr3(cb, X86_VEX(1, pp, 0, X86_V_CMP), 3, n, m);
    x86_u8(cb, X86_VCMP_UNORD_Q);
    x86_vex_rr3(cb, X86_V_MOVMSKPS | (unsigned)pp << 10, f->tmp, 0, 3);
    x86_test_ri(cb, false, f->tmp, fp_lanes(f));
    uint8_t *nan = x86_jcc32(cb, X86_CC_NE);
    fp_compute(f, kind, n, m);
    x86_vex_rr3(cb, X86_VEX(1, pp, 0, X86_V_CMP), 3, n, m);
    x86_u8(cb, X86_VCMP_EQ_OQ);
    x86_vex_rr3(cb, kind == IR_FP_MAX ? X86_V_ANDPS : X86_V_ORPS, 4, n, m);
    x86_vex_rr3(cb, X86_V_BLENDVPS + (unsigned)pp, 0, 0, 4);
    x86_u8(cb, 3 << 4);
    return nan;
}

/* xmm1 = the first, xmm2 = the second elements of the pairs of adjacent lanes of n then m
 * (scalar shape: of n's two lanes); the lanes beyond the op's are zero. */
static void fp_pairs(FpGen *f, int n, int m)
{
    CodeBuf *cb = f->g->cb;
    bool d = f->esz == 3;
    if (f->shape == IR_FP_SCALAR) {
        if (d)
            x86_vex_rr3(cb, X86_V_UNPCKHPD, 2, n, n);
        else
            x86_vex_rr3(cb, X86_VEX(1, 2, 0, 0x16), 2, 0, n); /* vmovshdup */
        x86_fp_zext(f, 2, 2);
        x86_fp_zext(f, 1, n);
    } else if (f->shape == IR_FP_VEC128 && d) {
        x86_vex_rr3(cb, X86_VEX(1, 1, 0, 0x14), 1, n, m); /* vunpcklpd */
        x86_vex_rr3(cb, X86_V_UNPCKHPD, 2, n, m);
    } else if (f->shape == IR_FP_VEC128) {
        x86_vex_rr3(cb, X86_V_SHUFPS, 1, n, m);
        x86_u8(cb, 0x88);
        x86_vex_rr3(cb, X86_V_SHUFPS, 2, n, m);
        x86_u8(cb, 0xdd);
    } else { /* 2S: n and m zero-extended in xmm1 and xmm2 */
        x86_vex_rr3(cb, X86_VEX(1, 0, 0, 0x14), 3, n, m); /* vunpcklps: n0 m0 n1 m1 */
        x86_vex_rr3(cb, X86_V_MOVQ_LOAD, 1, 0, 3);
        x86_vex_rr3(cb, X86_V_XORPS, 4, 4, 4);
        x86_vex_rr3(cb, X86_VEX(1, 0, 0, 0x12), 2, 4, 3); /* vmovhlps */
    }
}

uint8_t *x86_fp_rint_away(FpGen *f, int n, bool inexact)
{
    CodeBuf *cb = f->g->cb;
    int pp = fp_pp_packed(f), d = f->esz == 3;
    if (f->kreg < 0 && (!x86_reach32(cb->ptr, fp_k) || !x86_reach32(cb->ptr + 256, fp_k))) {
        f->kreg = f->tmp;
        x86_movi_keepflags(cb, true, f->kreg, (uint64_t)(uintptr_t)fp_k);
    }
    fp_consts_need(f);
    x86_vex_rr3(cb, X86_V_ANDPS, 3, n, FP_XABS);
    fp_vk(f, X86_VEX(1, pp, 0, X86_V_CMP), 4, 3, FP_K_BIG_S + d, 0x15); /* NLT_UQ */
    x86_vex_rr3(cb, X86_V_MOVMSKPS | (unsigned)pp << 10, f->tmp, 0, 4);
    x86_test_ri(cb, false, f->tmp, fp_lanes(f));
    uint8_t *slow = x86_jcc32(cb, X86_CC_NE);
    x86_vex_rr3(cb, X86_VEX(3, 1, 0, 0x08 + d), 0, 0, n); /* vroundp toward zero */
    x86_u8(cb, IR_FP_RND_Z | (inexact ? 0 : 8));
    x86_vex_rr3(cb, X86_VEX(1, pp, 0, X86_V_SUB), 2, n, 0);
    x86_vex_rr3(cb, X86_V_ANDPS, 2, 2, FP_XABS);
    fp_vk(f, X86_VEX(1, pp, 0, X86_V_CMP), 2, 2, FP_K_HALF_S + d, 0x1d); /* GE_OQ */
    fp_vk(f, X86_V_ANDPS, 3, n, FP_K_SIGN_S + d, -1);
    fp_vk(f, X86_V_ORPS, 3, 3, FP_K_ONE_S + d, -1);
    x86_vex_rr3(cb, X86_VEX(1, pp, 0, X86_V_ADD), 3, 0, 3);
    x86_vex_rr3(cb, X86_V_BLENDVPS + (unsigned)pp, 0, 0, 3);
    x86_u8(cb, 2 << 4);
    return slow;
}

/* xmm dst = the lanewise max (min) of xmm a and b, equal lanes (+0, -0) as on Arm. */
static void fp_pair(CodeBuf *cb, bool max, int dst, int a, int b)
{
    x86_vex_rr3(cb, X86_VEX(1, 0, 0, max ? X86_V_MAX : X86_V_MIN), dst, a, b);
    x86_vex_rr3(cb, X86_VEX(1, 0, 0, X86_V_CMP), 3, a, b);
    x86_u8(cb, X86_VCMP_EQ_OQ);
    x86_vex_rr3(cb, max ? X86_V_ANDPS : X86_V_ORPS, 4, a, b);
    x86_vex_rr3(cb, X86_V_BLENDVPS, dst, dst, 4);
    x86_u8(cb, 3 << 4);
}

/* FMAXV / FMINV (FMAXNMV / FMINNMV: the same without NaNs) of the four lanes of n into
 * lane 0 of xmm0 (other lanes zero); any NaN lane: the slow path (rel32 returned).  The
 * result is one of the lanes whatever the order: no flags, nothing to check after. */
static uint8_t *fp_across(FpGen *f, int kind, int n)
{
    CodeBuf *cb = f->g->cb;
    bool max = kind == IR_FP_MAXV;
    x86_vex_rr3(cb, X86_VEX(1, 0, 0, X86_V_CMP), 3, n, n);
    x86_u8(cb, X86_VCMP_UNORD_Q);
    x86_vex_rr3(cb, X86_VEX(2, 1, 0, 0x0e), 3, 0, 3); /* vtestps */
    uint8_t *nan = x86_jcc32(cb, X86_CC_NE);
    x86_vex_rr3(cb, X86_VEX(1, 0, 0, 0x12), 1, n, n); /* vmovhlps: lanes 2, 3 at 0, 1 */
    fp_pair(cb, max, 2, n, 1);
    x86_vex_rr3(cb, X86_VEX(1, 2, 0, 0x16), 1, 0, 2); /* vmovshdup: lane 1 at 0 */
    fp_pair(cb, max, 0, 2, 1);
    x86_fp_zext(f, 0, 0);
    return nan;
}

/* Jumps (the returned rel32) to the stub's recheck unless every lane of xmm res is a value
 * the host computes like the guest; the stub lets zeros through (xmm3 = the suspect lanes). */
static uint8_t *fp_check(FpGen *f, int res)
{
    CodeBuf *cb = f->g->cb;
    int pp = fp_pp_packed(f);
    fp_consts_need(f);
    x86_vex_rr3(cb, X86_V_ANDPS, 3, res, FP_XABS);
    x86_vex_rr3(cb, X86_VEX(1, pp, 0, X86_V_CMP), 3, 3, FP_XMIN2);
    x86_u8(cb, X86_VCMP_NGE_UQ);
    x86_vex_rr3(cb, X86_V_MOVMSKPS | (unsigned)pp << 10, f->tmp, 0, 3);
    x86_test_ri(cb, false, f->tmp, fp_lanes(f));
    return x86_jcc32(cb, X86_CC_NE);
}

static bool fp_fast_ok(const X86Gen *g, int kind, int shape)
{
    if (!g->feat->avx || (kind >= IR_FP_MADD && kind <= IR_FP_NMSUB && !g->feat->fma))
        return false;
    return !(kind == IR_FP_DIV && shape == IR_FP_VEC64); /* 0 / 0 in the unused lanes */
}

/* Vector-cache registers of the operands; all taken before the code splits into fast
 * and slow paths, so that both leave the same cache state. */
void x86_fp_operands(FpGen *f, int kind, bool cmp)
{
    X86Gen *g = f->g;
    bool full = f->shape == IR_FP_VEC128;
    bool has_m = fp_has_m(kind);
    bool has_a = !cmp && kind >= IR_FP_MADD && kind <= IR_FP_NMSUB;
    for (int i = 1; i < 4; i++) {
        f->x[i] = -1;
        if ((i == 2 && (!has_m || (cmp && ir_fp_by_elem(f->desc)))) || (i == 3 && !has_a))
            continue;
        bool whole = full || (i == 2 && ir_fp_by_elem(f->desc)) || (i == 1 && fp_n_whole(f, kind));
        f->x[i] = whole ? x86_vc_get(g, x86_fp_off(f, i)) : x86_vc_peek(g, x86_fp_off(f, i));
    }
    /* the old value of d matters to 16-byte ops and when d is a source (the slow path
     * writes dirty entries back before the helper); helpers rewrite all of a partial d */
    bool d_read = full;
    for (int i = 1; i < 4; i++)
        d_read |= (i != 2 || has_m) && (i != 3 || has_a) && x86_fp_off(f, i) == x86_fp_off(f, 0);
    if (!cmp)
        f->x[0] = x86_vc_def(g, x86_fp_off(f, 0), d_read);
}

static void fp_gen_env(FpGen *f)
{
    X86Gen *g = f->g;
    CodeBuf *cb = g->cb;
    int kind = ir_fp_kind(f->desc), n, m;
    if (!fp_fast_ok(g, kind, f->shape)) {
        x86_vc_call(g);
        x86_fp_call_slow(g, f->op, -1, f->tmp, -1);
        return;
    }
    x86_fp_operands(f, kind, false);
    X86FpStub *st = x86_fp_stub(g, f->op, -1, f->tmp, -1);
    if (!st)
        return;
    x86_fp_stub_site(st, x86_fp_guard(g, f->op));
    if (!x86_reach32(cb->ptr, fp_k) || !x86_reach32(cb->ptr + 512, fp_k)) {
        f->kreg = f->tmp;
        x86_movi_keepflags(cb, true, f->kreg, (uint64_t)(uintptr_t)fp_k);
    }
    fp_sources(f, kind, &n, &m);
    if (kind == IR_FP_MIN || kind == IR_FP_MAX) {
        x86_fp_stub_site(st, fp_minmax(f, kind, n, m));
    } else if (kind == IR_FP_RINT && ir_fp_idx(f->desc) == IR_FP_RND_A) {
        x86_fp_stub_site(st, x86_fp_rint_away(f, n, false));
    } else if (kind == IR_FP_MAXP || kind == IR_FP_MINP) {
        fp_pairs(f, n, m);
        x86_fp_stub_site(st, fp_minmax(f, kind == IR_FP_MAXP ? IR_FP_MAX : IR_FP_MIN, 1, 2));
    } else if (kind == IR_FP_MAXV || kind == IR_FP_MINV) {
        x86_fp_stub_site(st, fp_across(f, kind, n));
    } else if (kind == IR_FP_UCVTF) { /* lanes with the top bit set: the helper */
        x86_vex_rr3(cb, X86_V_MOVMSKPS | (unsigned)fp_pp_packed(f) << 10, f->tmp, 0, n);
        x86_test_ri(cb, false, f->tmp, fp_lanes(f));
        x86_fp_stub_site(st, x86_jcc32(cb, X86_CC_NE));
        fp_compute(f, kind, n, m);
    } else if (kind == IR_FP_FCVTU) { /* lanes not certainly in [0, 2^31) once rounded */
        bool low_ok = ir_fp_idx(f->desc) == IR_FP_RND_Z || ir_fp_idx(f->desc) == IR_FP_RND_P;
        if (low_ok) { /* not > -1 */
            fp_vk(f, X86_VEX(1, 0, 0, X86_V_CMP), 3, n, FP_K_M1_S, 0x1a);
        } else { /* not >= 0 */
            x86_vex_rr3(cb, X86_V_XORPS, 4, 4, 4);
            x86_vex_rr3(cb, X86_VEX(1, 0, 0, X86_V_CMP), 3, n, 4);
            x86_u8(cb, X86_VCMP_NGE_UQ);
        }
        fp_vk(f, X86_VEX(1, 0, 0, X86_V_CMP), 4, n, FP_K_2P31_S, 0x15); /* not < 2^31 */
        x86_vex_rr3(cb, X86_V_ORPS, 3, 3, 4);
        x86_vex_rr3(cb, X86_VEX(2, 1, 0, 0x0e), 3, 0, 3); /* vtestps: zero lanes pass */
        x86_fp_stub_site(st, x86_jcc32(cb, X86_CC_NE));
        fp_compute(f, kind, n, m);
    } else if (kind == IR_FP_FCVTZS) { /* indefinite lanes: NaN, out of range or the minimum */
        fp_compute(f, kind, n, m);
        fp_vk(f, X86_VEX(1, 1, 0, 0x76), 3, 0, FP_K_SIGN_S, -1); /* vpcmpeqd */
        x86_vex_rr3(cb, X86_V_MOVMSKPS, f->tmp, 0, 3);
        x86_test_ri(cb, false, f->tmp, fp_lanes(f));
        x86_fp_stub_site(st, x86_jcc32(cb, X86_CC_NE));
    } else if (fp_in_place(f, kind)) {
        st->restore = fp_compute_in_place(f, kind, f->x[0], n, m);
        st->res = f->x[0];
        st->rare = fp_check(f, f->x[0]);
        st->pp = fp_pp_packed(f), st->lanes = fp_lanes(f);
        st->ok = cb->ptr;
        x86_fp_stub_end(g, st);
        return;
    } else {
        fp_compute(f, kind, n, m);
        bool exact = kind == IR_FP_ABS || kind == IR_FP_NEG || kind == IR_FP_SCVTF ||
                     kind == IR_FP_CMP || kind == IR_FP_CMPZ; /* results and flags as on Arm */
        if (!exact) {
            int shape = f->shape;
            if (kind == IR_FP_CVTN) /* only the two new lanes */
                f->shape = IR_FP_VEC64;
            st->rare = fp_check(f, 0);
            st->pp = fp_pp_packed(f), st->lanes = fp_lanes(f);
            f->shape = shape;
        }
    }
    st->ok = cb->ptr;
    if (kind == IR_FP_CVTN && ir_fp_idx(f->desc)) /* FCVTN2: above d's low half (vmovlhps) */
        x86_vex_rr3(cb, X86_VEX(1, 0, 0, 0x16), 0, f->x[0], 0);
    x86_vex_rr3(cb, X86_V_MOVAPS, f->x[0], 0, 0);
    x86_fp_stub_end(g, st);
}

/*
 * A self loop whose ops all keep the constants (branches and exits too: they leave the
 * TB or go back to the head) and whose fp_env ops all have one element size and a fast
 * path gets them loaded before its head, once: they then hold in the whole TB (the slow
 * paths reload them).  Otherwise they are loaded lazily as in any TB.
 */
void x86_fp_loop_enter(X86Gen *g)
{
    int esz = 0;
    for (uint32_t i = 0; i < g->ctx->nops; i++) {
        const IrOp *op = &g->ctx->ops[i];
        uint64_t desc = ir_cst(op, 0);
        switch (op->opc) {
        case IR_OP_set_label:
        case IR_OP_br:
        case IR_OP_brcond:
        case IR_OP_goto_tb:
        case IR_OP_exit_tb:
        case IR_OP_lookup_and_goto:
            continue;
        case IR_OP_fp_env:
            if ((esz && ir_fp_esz(desc) != esz) ||
                !fp_fast_ok(g, ir_fp_kind(desc), ir_fp_shape(desc)))
                return;
            esz = ir_fp_esz(desc);
            continue;
        }
        if (!fp_keeps_consts(op->opc) || !g->feat->avx)
            return;
    }
    CodeBuf *cb = g->cb;
    if (!esz || !x86_reach32(cb->ptr, fp_k) || !x86_reach32(cb->ptr + 32, fp_k))
        return;
    x86_fp_consts_load(cb, esz, -1);
    g->fpk_esz = (int8_t)esz;
    g->fpk_pinned = true;
}

void x86_gen_fp(X86Gen *g, const IrOp *op)
{
    FpGen f = {.g = g, .op = op, .desc = ir_cst(op, 0), .kreg = -1};
    fp_consts_check(g);
    g->fpk_op = g->op_index + 1;
    f.esz = f.src_esz = ir_fp_esz(f.desc);
    f.shape = ir_fp_shape(f.desc);
    if (op->opc == IR_OP_fp_env) {
        if (ir_fp_kind(f.desc) == IR_FP_CVT)
            f.src_esz = 5 - f.esz;
        f.tmp = x86_ra_alloc(g, X86_ALLOCATABLE);
        fp_gen_env(&f);
        return;
    }
    if (op->opc == IR_OP_fp_from_int) {
        int in = x86_ra_in(g, ir_in(op, 0), X86_ALLOCATABLE);
        f.tmp = x86_ra_alloc(g, X86_ALLOCATABLE);
        x86_fp_gen_from_int(&f, in);
        return;
    }
    IrTemp d = ir_out(op, 0);
    int out = x86_ra_out_fresh(g, op, d, X86_ALLOCATABLE);
    f.tmp = x86_ra_alloc(g, X86_ALLOCATABLE & ~X86_REGMASK(out));
    x86_fp_gen_int(&f, out);
    x86_ra_bind(g, d, out);
}
