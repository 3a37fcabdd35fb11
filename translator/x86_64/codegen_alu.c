/*
 * Instruction selection for the value ops: moves, arithmetic, logic,
 * shifts, bit fields, extensions, byte/bit counting, comparisons
 * (setcond/movcond and the compare half of brcond).
 *
 * Constants become imm8/imm32 operands when they fit; add with a constant
 * or a register into a different register becomes lea; undefined cases of
 * the IR (division by zero, INT_MIN / -1) give 0 as ir_eval_pure does and
 * never raise #DE.
 */
#include "translator/x86_64/codegen.h"

#include <errno.h>

#define ALLOC X86_ALLOCATABLE

static bool is64_op(const IrOp *op)
{
    return op->type == IR_I64;
}
static unsigned width_op(const IrOp *op)
{
    return op->type == IR_I64 ? 64 : 32;
}

/* True when constant temp t can be an imm32 operand of an op of type t. */
static bool fits_imm(X86Gen *g, IrType type, IrTemp t)
{
    if (!x86_ra_is_const(g, t))
        return false;
    return type == IR_I32 || x86_fits_i32((int64_t)x86_ra_const_val(g, t));
}

static X86Cond x86_cc(IrCond c)
{
    switch (c) {
    case IR_COND_EQ:
        return X86_CC_E;
    case IR_COND_NE:
        return X86_CC_NE;
    case IR_COND_LT:
        return X86_CC_L;
    case IR_COND_GE:
        return X86_CC_GE;
    case IR_COND_LE:
        return X86_CC_LE;
    case IR_COND_GT:
        return X86_CC_G;
    case IR_COND_LTU:
        return X86_CC_B;
    case IR_COND_GEU:
        return X86_CC_AE;
    case IR_COND_LEU:
        return X86_CC_BE;
    case IR_COND_GTU:
        return X86_CC_A;
    case IR_COND_TSTEQ:
        return X86_CC_E;
    default:
        return X86_CC_NE; /* TSTNE */
    }
}

X86Cond x86_gen_compare(X86Gen *g, IrType t, IrCond c, IrTemp a, IrTemp b)
{
    bool is64 = t == IR_I64;
    bool tst = c == IR_COND_TSTEQ || c == IR_COND_TSTNE;
    if (x86_ra_is_const(g, a) && !x86_ra_is_const(g, b)) {
        IrTemp x = a;
        a = b;
        b = x;
        c = ir_cond_swap(c);
    }
    int ra = x86_ra_in(g, a, ALLOC);
    if (fits_imm(g, t, b)) {
        int32_t imm = (int32_t)x86_ra_const_val(g, b);
        if (imm == 0 && !tst)
            x86_test_rr(g->cb, is64, ra, ra);
        else if (tst && imm == -1)
            x86_test_rr(g->cb, is64, ra, ra);
        else if (tst)
            x86_test_ri(g->cb, is64, ra, imm);
        else
            x86_alu_ri(g->cb, X86_CMP, is64, ra, imm);
    } else if (tst && is64 && x86_ra_is_const(g, b) && x86_ra_const_val(g, b) == 0xffffffffu) {
        x86_test_rr(g->cb, false, ra, ra);
    } else {
        int rb = x86_ra_in(g, b, ALLOC);
        if (tst)
            x86_test_rr(g->cb, is64, ra, rb);
        else
            x86_alu_rr(g->cb, X86_CMP, is64, ra, rb);
    }
    return x86_cc(c);
}

static void gen_setcond(X86Gen *g, const IrOp *op)
{
    IrTemp d = ir_out(op, 0);
    IrCond c = (IrCond)ir_cst(op, 0);
    int r = x86_ra_out_fresh(g, op, d, ALLOC);
    if (c == IR_COND_NEVER || c == IR_COND_ALWAYS) {
        x86_movi(g->cb, false, r, c == IR_COND_ALWAYS);
    } else {
        x86_movi(g->cb, false, r, 0);
        X86Cond cc = x86_gen_compare(g, (IrType)op->type, c, ir_in(op, 0), ir_in(op, 1));
        x86_setcc(g->cb, cc, r);
    }
    x86_ra_bind(g, d, r);
}

static void gen_movcond(X86Gen *g, const IrOp *op)
{
    IrTemp d = ir_out(op, 0);
    IrCond c = (IrCond)ir_cst(op, 0);
    if (c == IR_COND_NEVER || c == IR_COND_ALWAYS) {
        int r = x86_ra_out_from(g, op, d, c == IR_COND_ALWAYS ? 2 : 3);
        x86_ra_bind(g, d, r);
        return;
    }
    int r1 = x86_ra_in(g, ir_in(op, 2), ALLOC);
    int r = x86_ra_out_from(g, op, d, 3);
    X86Cond cc = x86_gen_compare(g, (IrType)op->type, c, ir_in(op, 0), ir_in(op, 1));
    x86_cmov(g->cb, cc, is64_op(op), r, r1);
    x86_ra_bind(g, d, r);
}

static void gen_mov(X86Gen *g, const IrOp *op)
{
    IrTemp d = ir_out(op, 0);
    IrTemp a = ir_in(op, 0);
    if (d == a)
        return;
    /* A constant into a global right before the block ends (pc before goto_tb): store it. */
    const IrContext *ctx = g->ctx;
    if (x86_ra_is_const(g, a) && g->op_index + 1 < ctx->nops &&
        (ir_def(&ctx->ops[g->op_index + 1])->flags & IR_OPF_BB_END) &&
        x86_ra_store_const_global(g, d, x86_ra_const_val(g, a)))
        return;
    x86_ra_bind(g, d, x86_ra_out_from(g, op, d, 0));
}

/* add/sub: lea when the result goes to another register than the first input. */
static void gen_add(X86Gen *g, const IrOp *op, bool sub)
{
    IrTemp d = ir_out(op, 0), a = ir_in(op, 0), b = ir_in(op, 1);
    bool is64 = is64_op(op);
    if (!sub && x86_ra_is_const(g, a) && !x86_ra_is_const(g, b)) {
        int r = x86_ra_out_from(g, op, d, 1);
        uint64_t v = x86_ra_const_val(g, a);
        if (fits_imm(g, (IrType)op->type, a))
            x86_alu_ri(g->cb, X86_ADD, is64, r, (int32_t)v);
        else
            x86_alu_rr(g->cb, X86_ADD, is64, r, x86_ra_in(g, a, ALLOC));
        x86_ra_bind(g, d, r);
        return;
    }
    if (x86_ra_is_const(g, b)) {
        uint64_t v = x86_ra_const_val(g, b);
        if (sub)
            v = -v;
        if (!is64)
            v = (uint32_t)v;
        if (is64 ? x86_fits_i32((int64_t)v) : true) {
            int32_t imm = (int32_t)v;
            if (!x86_ra_is_const(g, a) && imm != 0) {
                int ra = x86_ra_in(g, a, ALLOC);
                int r = x86_ra_out_any(g, op, d, 0, ra);
                if (r != ra)
                    x86_lea(g->cb, is64, r, ra, X86_NO_REG, 0, imm);
                else
                    x86_alu_ri(g->cb, X86_ADD, is64, r, imm);
                x86_ra_bind(g, d, r);
                return;
            }
            int r = x86_ra_out_from(g, op, d, 0);
            if (imm != 0)
                x86_alu_ri(g->cb, X86_ADD, is64, r, imm);
            x86_ra_bind(g, d, r);
            return;
        }
    }
    int rb = x86_ra_in(g, b, ALLOC);
    if (!sub && !x86_ra_is_const(g, a)) {
        int ra = x86_ra_in(g, a, ALLOC);
        int r = x86_ra_out_any(g, op, d, 0, ra);
        if (r != ra)
            x86_lea(g->cb, is64, r, ra, rb, 0, 0);
        else
            x86_alu_rr(g->cb, X86_ADD, is64, r, rb);
        x86_ra_bind(g, d, r);
        return;
    }
    int r = x86_ra_out_from(g, op, d, 0);
    x86_alu_rr(g->cb, sub ? X86_SUB : X86_ADD, is64, r, rb);
    x86_ra_bind(g, d, r);
}

/* and/or/xor (and mul): two-address with an imm32 or register second operand. */
static void gen_logic(X86Gen *g, const IrOp *op, X86Alu alu)
{
    IrTemp d = ir_out(op, 0);
    bool is64 = is64_op(op);
    int ai = 0, bi = 1;
    if (x86_ra_is_const(g, ir_in(op, 0)) && !x86_ra_is_const(g, ir_in(op, 1))) {
        ai = 1;
        bi = 0;
    }
    IrTemp b = ir_in(op, bi);
    if (fits_imm(g, (IrType)op->type, b)) {
        int32_t imm = (int32_t)x86_ra_const_val(g, b);
        int r = x86_ra_out_from(g, op, d, ai);
        x86_alu_ri(g->cb, alu, is64, r, imm);
        x86_ra_bind(g, d, r);
        return;
    }
    if (is64 && alu == X86_AND && x86_ra_is_const(g, b) && x86_ra_const_val(g, b) == 0xffffffffu) {
        int r = x86_ra_out_from(g, op, d, ai);
        x86_mov_rr(g->cb, false, r, r);
        x86_ra_bind(g, d, r);
        return;
    }
    int rb = x86_ra_in(g, b, ALLOC);
    int r = x86_ra_out_from(g, op, d, ai);
    x86_alu_rr(g->cb, alu, is64, r, rb);
    x86_ra_bind(g, d, r);
}

static void gen_mul(X86Gen *g, const IrOp *op)
{
    IrTemp d = ir_out(op, 0);
    bool is64 = is64_op(op);
    int ai = 0, bi = 1;
    if (x86_ra_is_const(g, ir_in(op, 0)) && !x86_ra_is_const(g, ir_in(op, 1))) {
        ai = 1;
        bi = 0;
    }
    IrTemp b = ir_in(op, bi);
    if (fits_imm(g, (IrType)op->type, b)) {
        int ra = x86_ra_in(g, ir_in(op, ai), ALLOC);
        int r = x86_ra_out_any(g, op, d, ai, ra);
        x86_imul_rri(g->cb, is64, r, ra, (int32_t)x86_ra_const_val(g, b));
        x86_ra_bind(g, d, r);
        return;
    }
    int rb = x86_ra_in(g, b, ALLOC);
    int r = x86_ra_out_from(g, op, d, ai);
    x86_imul_rr(g->cb, is64, r, rb);
    x86_ra_bind(g, d, r);
}

/* andc/orc/eqv. */
static void gen_logic_not(X86Gen *g, const IrOp *op)
{
    IrTemp d = ir_out(op, 0), b = ir_in(op, 1);
    bool is64 = is64_op(op);
    CodeBuf *cb = g->cb;
    if (op->opc == IR_OP_eqv) {
        int rb = x86_ra_in(g, b, ALLOC);
        int r = x86_ra_out_from(g, op, d, 0);
        x86_alu_rr(cb, X86_XOR, is64, r, rb);
        x86_grp3(cb, 2, is64, r);
        x86_ra_bind(g, d, r);
        return;
    }
    X86Alu alu = op->opc == IR_OP_andc ? X86_AND : X86_OR;
    if (x86_ra_is_const(g, b)) {
        uint64_t nv = ~x86_ra_const_val(g, b);
        if (!is64 || x86_fits_i32((int64_t)nv)) {
            int r = x86_ra_out_from(g, op, d, 0);
            x86_alu_ri(cb, alu, is64, r, (int32_t)nv);
            x86_ra_bind(g, d, r);
            return;
        }
    }
    int rb = x86_ra_in(g, b, ALLOC);
    if (alu == X86_AND && g->feat->bmi1) {
        int ra = x86_ra_in(g, ir_in(op, 0), ALLOC);
        int r = x86_ra_out_any(g, op, d, 0, ra);
        x86_andn(cb, is64, r, rb, ra);
        x86_ra_bind(g, d, r);
        return;
    }
    int tmp = x86_ra_alloc(g, ALLOC);
    x86_mov_rr(cb, is64, tmp, rb);
    x86_grp3(cb, 2, is64, tmp);
    int r = x86_ra_out_from(g, op, d, 0);
    x86_alu_rr(cb, alu, is64, r, tmp);
    x86_ra_bind(g, d, r);
}

static X86Shift shift_kind(int opc)
{
    switch (opc) {
    case IR_OP_shl:
        return X86_SHL;
    case IR_OP_shr:
        return X86_SHR;
    case IR_OP_sar:
        return X86_SAR;
    case IR_OP_rotl:
        return X86_ROL;
    default:
        return X86_ROR;
    }
}

static void gen_shift(X86Gen *g, const IrOp *op)
{
    IrTemp d = ir_out(op, 0), b = ir_in(op, 1);
    bool is64 = is64_op(op);
    X86Shift k = shift_kind(op->opc);
    if (x86_ra_is_const(g, b)) {
        unsigned n = (unsigned)x86_ra_const_val(g, b) & (width_op(op) - 1);
        int r = x86_ra_out_from(g, op, d, 0);
        if (n)
            x86_shift_ri(g->cb, k, is64, r, (uint8_t)n);
        x86_ra_bind(g, d, r);
        return;
    }
    if (g->feat->bmi2 && k != X86_ROL && k != X86_ROR) {
        int rb = x86_ra_in(g, b, ALLOC);
        int ra = x86_ra_in(g, ir_in(op, 0), ALLOC);
        int r = x86_ra_out_any(g, op, d, 0, ra);
        x86_shiftx(g->cb, k, is64, r, ra, rb);
        x86_ra_bind(g, d, r);
        return;
    }
    if (g->reg_temp[X86_RCX] == b) {
        g->locked |= X86_REGMASK(X86_RCX);
    } else {
        x86_ra_evict(g, X86_RCX, ALLOC);
        x86_ra_copy_to(g, b, X86_RCX);
    }
    int r = x86_ra_out_from(g, op, d, 0);
    x86_shift_cl(g->cb, k, is64, r);
    x86_ra_bind(g, d, r);
}

static void gen_unary_grp3(X86Gen *g, const IrOp *op, int digit)
{
    IrTemp d = ir_out(op, 0);
    int r = x86_ra_out_from(g, op, d, 0);
    x86_grp3(g->cb, digit, is64_op(op), r);
    x86_ra_bind(g, d, r);
}

/* mulsh/muluh: one-operand mul/imul, high half in rdx. */
static void gen_mulh(X86Gen *g, const IrOp *op)
{
    x86_ra_evict(g, X86_RAX, ALLOC);
    x86_ra_evict(g, X86_RDX, ALLOC);
    int rb = x86_ra_in(g, ir_in(op, 1), ALLOC);
    x86_ra_copy_to(g, ir_in(op, 0), X86_RAX);
    x86_grp3(g->cb, op->opc == IR_OP_mulsh ? 5 : 4, is64_op(op), rb);
    x86_ra_bind(g, ir_out(op, 0), X86_RDX);
}

/* Emits the guarded division of rax by rb; quotient in rax, remainder in rdx. */
static void emit_div_guarded(X86Gen *g, bool is64, bool sign, int rb, bool guard)
{
    CodeBuf *cb = g->cb;
    if (!guard) {
        if (sign)
            x86_cqo(cb, is64);
        else
            x86_movi(cb, false, X86_RDX, 0);
        x86_grp3(cb, sign ? 7 : 6, is64, rb);
        return;
    }
    x86_test_rr(cb, is64, rb, rb);
    uint8_t *jz = x86_jcc8(cb, X86_CC_E);
    uint8_t *jm1 = NULL;
    if (sign) {
        x86_alu_ri(cb, X86_CMP, is64, rb, -1);
        jm1 = x86_jcc8(cb, X86_CC_E);
        x86_cqo(cb, is64);
    } else {
        x86_movi(cb, false, X86_RDX, 0);
    }
    x86_grp3(cb, sign ? 7 : 6, is64, rb);
    uint8_t *jdone = x86_jmp8(cb);
    uint8_t *jdone2 = NULL;
    if (sign) {
        x86_patch8(jm1, cb->ptr);
        x86_movi(cb, false, X86_RDX, 0);
        x86_grp3(cb, 3, is64, X86_RAX);
        jdone2 = x86_jcc8(cb, X86_CC_NO);
    }
    x86_patch8(jz, cb->ptr);
    x86_movi(cb, false, X86_RAX, 0);
    x86_movi(cb, false, X86_RDX, 0);
    x86_patch8(jdone, cb->ptr);
    if (jdone2)
        x86_patch8(jdone2, cb->ptr);
}

static void gen_div(X86Gen *g, const IrOp *op)
{
    bool sign = op->opc == IR_OP_div || op->opc == IR_OP_rem;
    bool rem = op->opc == IR_OP_rem || op->opc == IR_OP_remu;
    bool is64 = is64_op(op);
    IrTemp b = ir_in(op, 1);
    bool guard = true;
    if (x86_ra_is_const(g, b)) {
        uint64_t v = x86_ra_const_val(g, b);
        uint64_t m1 = is64 ? ~0ull : 0xffffffffull;
        guard = v == 0 || (sign && v == m1);
    }
    x86_ra_evict(g, X86_RAX, ALLOC);
    x86_ra_evict(g, X86_RDX, ALLOC);
    int rb = x86_ra_in(g, b, ALLOC);
    x86_ra_copy_to(g, ir_in(op, 0), X86_RAX);
    emit_div_guarded(g, is64, sign, rb, guard);
    x86_ra_bind(g, ir_out(op, 0), rem ? X86_RDX : X86_RAX);
}

static void gen_extract(X86Gen *g, const IrOp *op, bool sign)
{
    IrTemp d = ir_out(op, 0);
    bool is64 = is64_op(op);
    unsigned w = width_op(op), pos = (unsigned)ir_cst(op, 0), len = (unsigned)ir_cst(op, 1);
    CodeBuf *cb = g->cb;
    if (pos == 0 && (len == 8 || len == 16 || (len == 32 && is64))) {
        int ra = x86_ra_in(g, ir_in(op, 0), ALLOC);
        int r = x86_ra_out_any(g, op, d, 0, ra);
        if (len == 8)
            x86_op_rr(cb, (sign ? X86_OPC_MOVSBL : X86_OPC_MOVZBL) | x86_w(is64 && sign), r, ra);
        else if (len == 16)
            x86_op_rr(cb, (sign ? X86_OPC_MOVSWL : X86_OPC_MOVZWL) | x86_w(is64 && sign), r, ra);
        else if (sign)
            x86_op_rr(cb, X86_OPC_MOVSLQ, r, ra);
        else
            x86_mov_rr(cb, false, r, ra);
        x86_ra_bind(g, d, r);
        return;
    }
    int r = x86_ra_out_from(g, op, d, 0);
    if (sign) {
        if (w - pos - len)
            x86_shift_ri(cb, X86_SHL, is64, r, (uint8_t)(w - pos - len));
        if (w - len)
            x86_shift_ri(cb, X86_SAR, is64, r, (uint8_t)(w - len));
    } else if (pos + len == w) {
        if (pos)
            x86_shift_ri(cb, X86_SHR, is64, r, (uint8_t)pos);
    } else if (len < 32 || (len == 32 && is64)) {
        if (pos)
            x86_shift_ri(cb, X86_SHR, is64, r, (uint8_t)pos);
        if (len < 32)
            x86_alu_ri(cb, X86_AND, is64, r, (int32_t)((1u << len) - 1));
        else
            x86_mov_rr(cb, false, r, r);
    } else {
        x86_shift_ri(cb, X86_SHL, is64, r, (uint8_t)(w - pos - len));
        x86_shift_ri(cb, X86_SHR, is64, r, (uint8_t)(w - len));
    }
    x86_ra_bind(g, d, r);
}

/* deposit: rotate the field to bit 0, shift it out, shld the new bits in, rotate back. */
static void gen_deposit(X86Gen *g, const IrOp *op)
{
    IrTemp d = ir_out(op, 0);
    bool is64 = is64_op(op);
    unsigned w = width_op(op), pos = (unsigned)ir_cst(op, 0), len = (unsigned)ir_cst(op, 1);
    CodeBuf *cb = g->cb;
    if (len >= w) {
        x86_ra_bind(g, d, x86_ra_out_from(g, op, d, 1));
        return;
    }
    int rb = x86_ra_in(g, ir_in(op, 1), ALLOC);
    int tmp = x86_ra_alloc(g, ALLOC);
    x86_mov_rr(cb, is64, tmp, rb);
    int r = x86_ra_out_from(g, op, d, 0);
    if (pos)
        x86_shift_ri(cb, X86_ROR, is64, r, (uint8_t)pos);
    x86_shift_ri(cb, X86_SHR, is64, r, (uint8_t)len);
    x86_shift_ri(cb, X86_SHL, is64, tmp, (uint8_t)(w - len));
    x86_shld_ri(cb, is64, r, tmp, (uint8_t)len);
    if (pos)
        x86_shift_ri(cb, X86_ROL, is64, r, (uint8_t)pos);
    x86_ra_bind(g, d, r);
}

/* ext*, width changes: one instruction from the input register to any register. */
static void gen_ext(X86Gen *g, const IrOp *op)
{
    IrTemp d = ir_out(op, 0);
    bool is64 = is64_op(op);
    int ra = x86_ra_in(g, ir_in(op, 0), ALLOC);
    int r = x86_ra_out_any(g, op, d, 0, ra);
    CodeBuf *cb = g->cb;
    switch (op->opc) {
    case IR_OP_ext8s:
        x86_op_rr(cb, X86_OPC_MOVSBL | x86_w(is64), r, ra);
        break;
    case IR_OP_ext8u:
        x86_op_rr(cb, X86_OPC_MOVZBL, r, ra);
        break;
    case IR_OP_ext16s:
        x86_op_rr(cb, X86_OPC_MOVSWL | x86_w(is64), r, ra);
        break;
    case IR_OP_ext16u:
        x86_op_rr(cb, X86_OPC_MOVZWL, r, ra);
        break;
    case IR_OP_ext32s:
    case IR_OP_exts_i32:
        x86_op_rr(cb, X86_OPC_MOVSLQ, r, ra);
        break;
    case IR_OP_ext32u:
    case IR_OP_extu_i32:
    case IR_OP_trunc_i64:
        x86_mov_rr(cb, false, r, ra);
        break;
    default: /* an op this backend does not know */
        g->err = -ENOSYS;
        return;
    }
    x86_ra_bind(g, d, r);
}

static void gen_bswap(X86Gen *g, const IrOp *op)
{
    IrTemp d = ir_out(op, 0);
    int r = x86_ra_out_from(g, op, d, 0);
    x86_bswap(g->cb, op->opc == IR_OP_bswap64, r);
    if (op->opc == IR_OP_bswap16)
        x86_shift_ri(g->cb, X86_SHR, false, r, 16);
    x86_ra_bind(g, d, r);
}

/* clz/ctz/ctpop; bsr/bsf with a cmov for zero when lzcnt/tzcnt are missing. */
static void gen_count(X86Gen *g, const IrOp *op)
{
    IrTemp d = ir_out(op, 0);
    bool is64 = is64_op(op);
    unsigned w = width_op(op);
    const X86Features *f = g->feat;
    if (op->opc == IR_OP_ctpop && !f->popcnt) {
        x86_gen_call_fn(g, op, (const void *)x86_helper_ctpop,
                        IR_CALL_NO_READ_GLOBALS | IR_CALL_NO_WRITE_GLOBALS);
        return;
    }
    int ra = x86_ra_in(g, ir_in(op, 0), ALLOC);
    bool native = op->opc == IR_OP_ctpop || (op->opc == IR_OP_clz ? f->lzcnt : f->bmi1);
    int tmp = native ? -1 : x86_ra_alloc(g, ALLOC);
    int r = x86_ra_out_any(g, op, d, 0, ra);
    unsigned opc;
    if (op->opc == IR_OP_ctpop)
        opc = X86_OPC_POPCNT;
    else if (op->opc == IR_OP_clz)
        opc = native ? X86_OPC_LZCNT : X86_OPC_BSR;
    else
        opc = native ? X86_OPC_TZCNT : X86_OPC_BSF;
    if (!native)
        x86_movi_keepflags(g->cb, false, tmp, op->opc == IR_OP_clz ? 2 * w - 1 : w);
    x86_op_rr(g->cb, opc | x86_w(is64), r, ra);
    if (!native) {
        x86_cmov(g->cb, X86_CC_E, false, r, tmp);
        if (op->opc == IR_OP_clz)
            x86_alu_ri(g->cb, X86_XOR, false, r, (int32_t)(w - 1));
    }
    x86_ra_bind(g, d, r);
}

void x86_gen_alu(X86Gen *g, const IrOp *op)
{
    switch (op->opc) {
    case IR_OP_mov:
        gen_mov(g, op);
        break;
    case IR_OP_add:
        gen_add(g, op, false);
        break;
    case IR_OP_sub:
        gen_add(g, op, true);
        break;
    case IR_OP_mul:
        gen_mul(g, op);
        break;
    case IR_OP_mulsh:
    case IR_OP_muluh:
        gen_mulh(g, op);
        break;
    case IR_OP_div:
    case IR_OP_divu:
    case IR_OP_rem:
    case IR_OP_remu:
        gen_div(g, op);
        break;
    case IR_OP_and:
        gen_logic(g, op, X86_AND);
        break;
    case IR_OP_or:
        gen_logic(g, op, X86_OR);
        break;
    case IR_OP_xor:
        gen_logic(g, op, X86_XOR);
        break;
    case IR_OP_andc:
    case IR_OP_orc:
    case IR_OP_eqv:
        gen_logic_not(g, op);
        break;
    case IR_OP_neg:
        gen_unary_grp3(g, op, 3);
        break;
    case IR_OP_not:
        gen_unary_grp3(g, op, 2);
        break;
    case IR_OP_shl:
    case IR_OP_shr:
    case IR_OP_sar:
    case IR_OP_rotl:
    case IR_OP_rotr:
        gen_shift(g, op);
        break;
    case IR_OP_extract:
        gen_extract(g, op, false);
        break;
    case IR_OP_sextract:
        gen_extract(g, op, true);
        break;
    case IR_OP_deposit:
        gen_deposit(g, op);
        break;
    case IR_OP_bswap16:
    case IR_OP_bswap32:
    case IR_OP_bswap64:
        gen_bswap(g, op);
        break;
    case IR_OP_clz:
    case IR_OP_ctz:
    case IR_OP_ctpop:
        gen_count(g, op);
        break;
    case IR_OP_setcond:
        gen_setcond(g, op);
        break;
    case IR_OP_movcond:
        gen_movcond(g, op);
        break;
    default:
        gen_ext(g, op);
        break;
    }
}
