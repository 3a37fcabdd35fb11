/*
 * Guest FP ops (fp_env, fp_cmp; translator/ir_fp.h) on the host's AVX and FMA3 units.
 *
 * Fast path: the op is computed in xmm0..xmm4 straight from the CPU-state fields and
 * its result is stored only when the host's answer is certainly the guest's: the op's
 * guard word is clear (AArch64: FPCR.FZ), no lane is a NaN (NaN propagation and the
 * default NaN differ between Arm and x86) and no lane is a nonzero value below twice
 * the smallest normal (Arm detects tininess before rounding, x86 after).  The host
 * exception flags of a stored result are then exactly the guest's; they accumulate in
 * MXCSR and the frontend folds them into its status register lazily.  Otherwise the
 * exact helper runs on the unchanged operands: the flags the abandoned attempt raised
 * are a subset of those the helper raises (invalid only for signalling NaNs or invalid
 * operations, underflow only for results tiny after rounding).  vmin/vmax raise invalid
 * for quiet NaNs too, so min/max check their inputs for NaNs first; their results are
 * exact.  Without AVX (or FMA3, for the fused ops) the helper always runs.
 */
#include "translator/x86_64/codegen.h"

#include "translator/ir_fp.h"

/* Lane constants: |x| masks and twice the smallest normal, single then double. */
enum { FP_K_ABS_S, FP_K_ABS_D, FP_K_MIN2_S, FP_K_MIN2_D };
static const uint32_t fp_k[4][4] __attribute__((aligned(16))) = {
    {0x7fffffff, 0x7fffffff, 0x7fffffff, 0x7fffffff},
    {0xffffffff, 0x7fffffff, 0xffffffff, 0x7fffffff},
    {0x01000000, 0x01000000, 0x01000000, 0x01000000},
    {0, 0x00200000, 0, 0x00200000},
};

/* One fp op being compiled. */
typedef struct FpGen {
    X86Gen *g;
    const IrOp *op;
    uint64_t desc;
    int esz, shape;
    int tmp;  /* scratch general register */
    int kreg; /* register holding fp_k when it is out of rip-relative reach, else -1 */
} FpGen;

static int32_t fp_off(const FpGen *f, int i)
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

/* Loads the operand at CPU-state offset `off` into xmm `x`; upper lanes zero when partial. */
static void fp_load(FpGen *f, int x, int32_t off)
{
    unsigned vop = f->shape == IR_FP_VEC128  ? X86_V_MOVUPS_LOAD
                   : f->shape == IR_FP_VEC64 ? X86_V_MOVQ_LOAD
                   : f->esz == 3             ? X86_V_MOVSD_LOAD
                                             : X86_V_MOVSS_LOAD;
    x86_vex_md(f->g->cb, vop, x, 0, X86_REG_CPU, off);
}

/* m: the register, or its element idx in every lane used. */
static void fp_load_m(FpGen *f, int x)
{
    CodeBuf *cb = f->g->cb;
    int32_t off = fp_off(f, 2);
    if (!ir_fp_by_elem(f->desc)) {
        fp_load(f, x, off);
        return;
    }
    off += ir_fp_idx(f->desc) << f->esz;
    if (f->shape == IR_FP_SCALAR) {
        x86_vex_md(cb, f->esz == 3 ? X86_V_MOVSD_LOAD : X86_V_MOVSS_LOAD, x, 0, X86_REG_CPU, off);
        return;
    }
    x86_vex_md(cb, f->esz == 3 ? X86_V_MOVDDUP : X86_V_BROADCASTSS, x, 0, X86_REG_CPU, off);
    if (f->shape == IR_FP_VEC64) /* keep the unused lanes zero: no flags from them */
        x86_vex_rr3(cb, X86_V_MOVQ_LOAD, x, 0, x);
}

/*
 * Calls the exact helper fn(cpu, arg), preserving the caller-saved registers that hold
 * values (except `out`, which receives the result, and the scratch register).
 */
static void fp_call_slow(X86Gen *g, const IrOp *op, int out, int tmp)
{
    CodeBuf *cb = g->cb;
    int saved[16], n = 0;
    for (int r = 0; r < 16; r++)
        if (((X86_CALLER_SAVED >> r) & 1) && r != out && r != tmp && g->reg_temp[r] != IR_TEMP_NONE)
            saved[n++] = r;
    for (int i = 0; i < n; i++)
        x86_push(cb, saved[i]);
    if (n & 1)
        x86_alu_ri(cb, X86_SUB, true, X86_RSP, 8);
    x86_mov_rr(cb, true, X86_RDI, X86_REG_CPU);
    x86_movi_keepflags(cb, true, X86_RSI, ir_cst(op, 3));
    x86_call_abs(cb, (const void *)(uintptr_t)ir_cst(op, 2), X86_RAX);
    if (n & 1)
        x86_alu_ri(cb, X86_ADD, true, X86_RSP, 8);
    if (out >= 0 && out != X86_RAX)
        x86_mov_rr(cb, true, out, X86_RAX);
    for (int i = n - 1; i >= 0; i--)
        x86_pop(cb, saved[i]);
}

/* jnz to the slow path when the guard word has a masked bit set; returns the rel32. */
static uint8_t *fp_guard(X86Gen *g, const IrOp *op)
{
    uint64_t guard = ir_cst(op, 4);
    x86_op_md(g->cb, X86_OPC_GRP3, 0, X86_REG_CPU, (int32_t)(uint32_t)guard);
    x86_u32(g->cb, (uint32_t)(guard >> 32));
    return x86_jcc32(g->cb, X86_CC_NE);
}

/* xmm0 = the op on xmm1 (n), xmm2 (m) and, for fused ops, the addend. */
static void fp_compute(FpGen *f, int kind)
{
    static const uint8_t arith[] = {
        [IR_FP_ADD] = X86_V_ADD, [IR_FP_SUB] = X86_V_SUB, [IR_FP_MUL] = X86_V_MUL,
        [IR_FP_DIV] = X86_V_DIV, [IR_FP_MIN] = X86_V_MIN, [IR_FP_MAX] = X86_V_MAX};
    static const uint8_t fused[] = {[IR_FP_MADD] = X86_V_FMADD231,
                                    [IR_FP_MSUB] = X86_V_FNMADD231,
                                    [IR_FP_NMADD] = X86_V_FNMSUB231,
                                    [IR_FP_NMSUB] = X86_V_FMSUB231};
    CodeBuf *cb = f->g->cb;
    bool scalar = f->shape == IR_FP_SCALAR;
    if (kind == IR_FP_SQRT) {
        x86_vex_rr3(cb, X86_VEX(1, fp_pp_arith(f), 0, X86_V_SQRT), 0, scalar ? 1 : 0, 1);
    } else if (kind >= IR_FP_MADD) {
        fp_load(f, 0, fp_off(f, 3));
        x86_vex_rr3(cb, X86_VEX(2, 1, f->esz == 3, fused[kind] + scalar), 0, 1, 2);
    } else {
        x86_vex_rr3(cb, X86_VEX(1, fp_pp_arith(f), 0, arith[kind]), 0, 1, 2);
    }
}

/* Min/max: NaN operands go to the slow path (rel32 returned); equal operands (+0, -0)
 * give the Arm answer: max = a & b, min = a | b. */
static uint8_t *fp_minmax(FpGen *f, int kind)
{
    CodeBuf *cb = f->g->cb;
    int pp = fp_pp_packed(f);
    x86_vex_rr3(cb, X86_VEX(1, pp, 0, X86_V_CMP), 3, 1, 2);
    x86_u8(cb, X86_VCMP_UNORD_Q);
    x86_vex_rr3(cb, X86_V_MOVMSKPS | (unsigned)pp << 10, f->tmp, 0, 3);
    x86_test_ri(cb, false, f->tmp, fp_lanes(f));
    uint8_t *nan = x86_jcc32(cb, X86_CC_NE);
    fp_compute(f, kind);
    x86_vex_rr3(cb, X86_VEX(1, pp, 0, X86_V_CMP), 3, 1, 2);
    x86_u8(cb, X86_VCMP_EQ_OQ);
    x86_vex_rr3(cb, kind == IR_FP_MAX ? X86_V_ANDPS : X86_V_ORPS, 4, 1, 2);
    x86_vex_rr3(cb, X86_V_BLENDVPS + (unsigned)pp, 0, 0, 4);
    x86_u8(cb, 3 << 4);
    return nan;
}

/* Branches to the returned rel32 (the slow path) unless every lane of xmm0 is a zero or
 * a value the host computes like the guest. */
static uint8_t *fp_check(FpGen *f, uint8_t **ok)
{
    CodeBuf *cb = f->g->cb;
    int pp = fp_pp_packed(f);
    unsigned movmsk = X86_V_MOVMSKPS | (unsigned)pp << 10;
    fp_vk(f, X86_V_ANDPS, 3, 0, f->esz == 3 ? FP_K_ABS_D : FP_K_ABS_S, -1);
    fp_vk(f, X86_VEX(1, pp, 0, X86_V_CMP), 3, 3, f->esz == 3 ? FP_K_MIN2_D : FP_K_MIN2_S,
          X86_VCMP_NGE_UQ);
    x86_vex_rr3(cb, movmsk, f->tmp, 0, 3);
    x86_test_ri(cb, false, f->tmp, fp_lanes(f));
    *ok = x86_jcc32(cb, X86_CC_E);
    /* rare: lanes below 2 * min normal that are zeros are fine */
    x86_vex_rr3(cb, X86_V_XORPS, 4, 4, 4);
    x86_vex_rr3(cb, X86_VEX(1, pp, 0, X86_V_CMP), 4, 0, 4);
    x86_u8(cb, X86_VCMP_NEQ_UQ);
    x86_vex_rr3(cb, X86_V_ANDPS, 3, 3, 4);
    x86_vex_rr3(cb, movmsk, f->tmp, 0, 3);
    x86_test_ri(cb, false, f->tmp, fp_lanes(f));
    return x86_jcc32(cb, X86_CC_NE);
}

static void fp_store(FpGen *f)
{
    CodeBuf *cb = f->g->cb;
    int32_t d = fp_off(f, 0);
    if (f->shape == IR_FP_VEC128) {
        x86_vex_md(cb, X86_V_MOVUPS_STORE, 0, 0, X86_REG_CPU, d);
        return;
    }
    x86_vex_md(cb, X86_V_MOVQ_STORE, 0, 0, X86_REG_CPU, d);
    x86_store_imm(cb, true, X86_REG_CPU, d + 8, 0);
}

static bool fp_fast_ok(const X86Gen *g, int kind, int shape)
{
    if (!g->feat->avx || (kind >= IR_FP_MADD && !g->feat->fma))
        return false;
    return !(kind == IR_FP_DIV && shape == IR_FP_VEC64); /* 0 / 0 in the unused lanes */
}

static void fp_gen_env(FpGen *f)
{
    X86Gen *g = f->g;
    CodeBuf *cb = g->cb;
    int kind = ir_fp_kind(f->desc);
    if (!fp_fast_ok(g, kind, f->shape)) {
        fp_call_slow(g, f->op, -1, f->tmp);
        return;
    }
    uint8_t *slow[3], *ok[2];
    int nslow = 0, nok = 0;
    slow[nslow++] = fp_guard(g, f->op);
    if (!x86_reach32(cb->ptr, fp_k) || !x86_reach32(cb->ptr + 512, fp_k)) {
        f->kreg = f->tmp;
        x86_movi_keepflags(cb, true, f->kreg, (uint64_t)(uintptr_t)fp_k);
    }
    fp_load(f, 1, fp_off(f, 1));
    if (kind != IR_FP_SQRT)
        fp_load_m(f, 2);
    if (kind == IR_FP_MIN || kind == IR_FP_MAX) {
        slow[nslow++] = fp_minmax(f, kind);
        ok[nok++] = x86_jmp32(cb);
    } else {
        fp_compute(f, kind);
        slow[nslow++] = fp_check(f, &ok[nok++]);
        ok[nok++] = x86_jmp32(cb);
    }
    for (int i = 0; i < nslow; i++)
        x86_patch32(slow[i], cb->ptr);
    fp_call_slow(g, f->op, -1, f->tmp);
    uint8_t *done = x86_jmp32(cb);
    for (int i = 0; i < nok; i++)
        x86_patch32(ok[i], cb->ptr);
    fp_store(f);
    x86_patch32(done, cb->ptr);
}

/* NZCV from the flags of (v)ucomis: unordered ZF=PF=CF=1, less CF=1, equal ZF=1. */
static void fp_gen_cmp(FpGen *f, int out)
{
    X86Gen *g = f->g;
    CodeBuf *cb = g->cb;
    if (!g->feat->avx) {
        fp_call_slow(g, f->op, out, f->tmp);
        return;
    }
    uint8_t *slow = fp_guard(g, f->op);
    fp_load(f, 1, fp_off(f, 1));
    if (ir_fp_by_elem(f->desc))
        x86_vex_rr3(cb, X86_V_XORPS, 2, 2, 2);
    else
        fp_load(f, 2, fp_off(f, 2));
    unsigned vop = ir_fp_kind(f->desc) == IR_FPC_SIGNAL ? X86_V_COMISS : X86_V_UCOMISS;
    x86_vex_rr3(cb, vop | (unsigned)(f->esz == 3) << 10, 1, 0, 2);
    x86_movi_keepflags(cb, false, out, 0x2);
    x86_movi_keepflags(cb, false, f->tmp, 0x8);
    x86_cmov(cb, X86_CC_B, false, out, f->tmp);
    x86_movi_keepflags(cb, false, f->tmp, 0x6);
    x86_cmov(cb, X86_CC_E, false, out, f->tmp);
    x86_movi_keepflags(cb, false, f->tmp, 0x3);
    x86_cmov(cb, X86_CC_P, false, out, f->tmp);
    uint8_t *done = x86_jmp32(cb);
    x86_patch32(slow, cb->ptr);
    fp_call_slow(g, f->op, out, f->tmp);
    x86_patch32(done, cb->ptr);
}

void x86_gen_fp(X86Gen *g, const IrOp *op)
{
    uint64_t offs = ir_cst(op, 1);
    FpGen f = {.g = g, .op = op, .desc = ir_cst(op, 0), .kreg = -1};
    f.esz = ir_fp_esz(f.desc);
    f.shape = ir_fp_shape(f.desc);
    for (int i = 1; i < 4; i++)
        x86_ra_env_access(g, ir_fp_off(offs, i), 16, false);
    if (op->opc == IR_OP_fp_env) {
        x86_ra_env_access(g, ir_fp_off(offs, 0), 16, true);
        f.tmp = x86_ra_alloc(g, X86_ALLOCATABLE);
        fp_gen_env(&f);
        return;
    }
    IrTemp d = ir_out(op, 0);
    int out = x86_ra_out_fresh(g, op, d, X86_ALLOCATABLE);
    f.tmp = x86_ra_alloc(g, X86_ALLOCATABLE & ~X86_REGMASK(out));
    fp_gen_cmp(&f, out);
    x86_ra_bind(g, d, out);
}
