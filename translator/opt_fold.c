/*
 * Constant folding, constant propagation and copy propagation.
 *
 * One forward pass per TB.  Within a basic block every temp may be known to
 * hold a constant, or to be a copy of another temp (valid while that source
 * is not written again, tracked with per-temp write generations).  Inputs
 * are rewritten to the constant or the copy source, ops with all-constant
 * inputs become `mov d, $const` (evaluated by ir_eval_pure, the same code
 * the interpreter runs), and simple identities (x + 0, x & -1, x ^ x ...)
 * become moves.  Knowledge is dropped at every basic-block end and, for
 * globals, at helper calls that may write them.
 */
#include "translator/ir.h"

#include <stdlib.h>
#include <string.h>

struct FoldInfo {
    uint32_t epoch; /* info valid only when equal to the pass epoch */
    bool is_const;
    bool z32; /* an I64 value whose upper 32 bits are known to be zero */
    uint64_t val;
    IrTemp copy_src;    /* IR_TEMP_NONE if not a copy */
    uint32_t copy_gen;  /* write generation of copy_src when copied */
    uint32_t write_gen; /* bumped on every write */
    IrTemp const_temp;  /* cached const temp for val, or IR_TEMP_NONE */
};
typedef struct FoldInfo FoldInfo;

typedef struct Fold {
    IrContext *ctx;
    FoldInfo *fi;
    uint32_t nfi;
    uint32_t epoch;
    uint32_t nglobals;
} Fold;

/*
 * The table lives in the IrContext across translations (ctx->fold_info): an entry is valid
 * only when its epoch equals the pass's current one, and epochs keep increasing from one TB
 * to the next, so a TB touches only the entries of the temps it uses.  write_gen needs no
 * reset: a copy records its source's generation in the same pass that compares it.
 */
#define FOLD_EPOCH_LIMIT (UINT32_MAX - (1u << 24))

static void fold_info_init(FoldInfo *fi, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        fi[i].epoch = 0;
        fi[i].write_gen = 0;
    }
}

/* Makes the table hold at least n entries (new ones invalid). */
static void fold_reserve(Fold *f, uint32_t n)
{
    IrContext *ctx = f->ctx;
    if (n <= ctx->fold_cap)
        return;
    uint32_t cap = ctx->fold_cap ? ctx->fold_cap : 256;
    while (cap < n)
        cap *= 2;
    FoldInfo *nf = realloc(ctx->fold_info, cap * sizeof(*nf));
    if (!nf) {
        fprintf(stderr, "ferry: out of memory in the translator\n");
        exit(1);
    }
    fold_info_init(nf + ctx->fold_cap, cap - ctx->fold_cap);
    ctx->fold_info = nf;
    ctx->fold_cap = cap;
    f->fi = nf;
    f->nfi = cap;
}

static FoldInfo *info(Fold *f, IrTemp t)
{
    if (t >= f->nfi)
        fold_reserve(f, t + 1);
    FoldInfo *i = &f->fi[t];
    if (i->epoch != f->epoch) {
        i->epoch = f->epoch;
        i->is_const = false;
        i->z32 = false;
        i->copy_src = IR_TEMP_NONE;
        i->const_temp = IR_TEMP_NONE;
    }
    return i;
}

static bool known_const(Fold *f, IrTemp t, uint64_t *v)
{
    const IrTempInfo *ti = &f->ctx->temps[t];
    if (ti->kind == IR_TEMP_CONST) {
        *v = ti->val;
        return true;
    }
    FoldInfo *i = info(f, t);
    if (i->is_const)
        *v = i->val;
    return i->is_const;
}

/* The temp to read instead of t: a constant or the source of a copy. */
static IrTemp canonical(Fold *f, IrTemp t)
{
    if (f->ctx->temps[t].kind == IR_TEMP_CONST)
        return t;
    FoldInfo *i = info(f, t);
    if (i->is_const) {
        if (i->const_temp == IR_TEMP_NONE) {
            i->const_temp = ir_const(f->ctx, (IrType)f->ctx->temps[t].type, i->val);
        }
        return i->const_temp;
    }
    if (i->copy_src != IR_TEMP_NONE && info(f, i->copy_src)->write_gen == i->copy_gen)
        return i->copy_src;
    return t;
}

static void note_write(Fold *f, IrTemp t)
{
    FoldInfo *i = info(f, t);
    i->write_gen++;
    i->is_const = false;
    i->z32 = false;
    i->copy_src = IR_TEMP_NONE;
    i->const_temp = IR_TEMP_NONE;
}

static void set_const(Fold *f, IrOp *op, uint64_t v)
{
    IrTemp d = ir_out(op, 0);
    IrType t = (IrType)f->ctx->temps[d].type;
    v = t == IR_I32 ? (uint32_t)v : v;
    op->opc = IR_OP_mov;
    op->type = t;
    op->nout = 1;
    op->nin = 1;
    op->nconst = 0;
    op->args[1] = ir_const(f->ctx, t, v);
    FoldInfo *i = info(f, d);
    i->is_const = true;
    i->val = v;
    i->const_temp = (IrTemp)op->args[1];
}

static void set_copy(Fold *f, IrOp *op, IrTemp src)
{
    IrTemp d = ir_out(op, 0);
    op->opc = IR_OP_mov;
    op->nin = 1;
    op->nconst = 0;
    op->args[1] = src;
    if (src == d) {
        op->opc = IR_OP_nop;
        return;
    }
    uint64_t v;
    if (known_const(f, src, &v)) {
        set_const(f, op, v);
        return;
    }
    uint32_t gen = info(f, src)->write_gen;
    FoldInfo *i = info(f, d);
    i->copy_src = src;
    i->copy_gen = gen;
}

static bool commutative(int opc)
{
    switch (opc) {
    case IR_OP_add:
    case IR_OP_mul:
    case IR_OP_and:
    case IR_OP_or:
    case IR_OP_xor:
    case IR_OP_eqv:
    case IR_OP_mulsh:
    case IR_OP_muluh:
        return true;
    default:
        return false;
    }
}

/* Identities with a constant second operand; returns true when op was rewritten. */
static bool simplify(Fold *f, IrOp *op)
{
    IrTemp a = ir_in(op, 0), b = ir_in(op, 1);
    uint64_t cb;
    uint64_t ones = op->type == IR_I32 ? 0xffffffffull : ~0ull;
    if (a == b) {
        switch (op->opc) {
        case IR_OP_sub:
        case IR_OP_xor:
            set_const(f, op, 0);
            return true;
        case IR_OP_and:
        case IR_OP_or:
            set_copy(f, op, a);
            return true;
        default:
            break;
        }
    }
    if (!known_const(f, b, &cb))
        return false;
    /* x op identity == x; x op absorbing == absorbing. */
    uint64_t identity = 0, absorbing = 0;
    bool absorbs = false;
    switch (op->opc) {
    case IR_OP_add:
    case IR_OP_sub:
    case IR_OP_xor:
    case IR_OP_shl:
    case IR_OP_shr:
    case IR_OP_sar:
    case IR_OP_rotl:
    case IR_OP_rotr:
    case IR_OP_andc:
        break;
    case IR_OP_or:
        absorbs = true;
        absorbing = ones;
        break;
    case IR_OP_mul:
        identity = 1;
        absorbs = true;
        break;
    case IR_OP_and:
        identity = ones;
        absorbs = true;
        break;
    default:
        return false;
    }
    if (cb == identity) {
        set_copy(f, op, a);
        return true;
    }
    if (absorbs && cb == absorbing) {
        set_const(f, op, absorbing);
        return true;
    }
    return false;
}

static void fold_brcond(Fold *f, IrOp *op)
{
    uint64_t a, b;
    if (!known_const(f, ir_in(op, 0), &a) || !known_const(f, ir_in(op, 1), &b))
        return;
    uint64_t label = ir_cst(op, 1);
    if (ir_cond_eval((IrCond)ir_cst(op, 0), (IrType)op->type, a, b)) {
        op->opc = IR_OP_br;
        op->nin = 0;
        op->nconst = 1;
        op->args[0] = label;
    } else {
        op->opc = IR_OP_nop;
    }
}

static void fold_value(Fold *f, IrOp *op);

/* True when t is an I64 value with its upper 32 bits known to be zero. */
static bool upper_zero(Fold *f, IrTemp t)
{
    uint64_t v;
    if (known_const(f, t, &v))
        return v >> 32 == 0;
    return info(f, t)->z32;
}

/* Whether the I64 result of op has zero upper bits, given what is known of its inputs. */
static bool result_upper_zero(Fold *f, const IrOp *op)
{
    switch (op->opc) {
    case IR_OP_ext32u:
    case IR_OP_extu_i32:
    case IR_OP_ext8u:
    case IR_OP_ext16u:
    case IR_OP_setcond:
    case IR_OP_clz:
    case IR_OP_ctz:
    case IR_OP_ctpop:
        return true;
    case IR_OP_extract:
        return ir_cst(op, 0) + ir_cst(op, 1) <= 32;
    case IR_OP_and:
        return upper_zero(f, ir_in(op, 0)) || upper_zero(f, ir_in(op, 1));
    case IR_OP_or:
    case IR_OP_xor:
    case IR_OP_shr:
    case IR_OP_divu:
    case IR_OP_remu:
        return upper_zero(f, ir_in(op, 0)) &&
               (op->opc == IR_OP_shr || op->opc == IR_OP_divu || upper_zero(f, ir_in(op, 1)));
    case IR_OP_mov:
        return upper_zero(f, ir_in(op, 0));
    case IR_OP_movcond:
        return upper_zero(f, ir_in(op, 2)) && upper_zero(f, ir_in(op, 3));
    default:
        return false;
    }
}

static void fold_pure(Fold *f, IrOp *op)
{
    if (op->type == IR_I64 || op->opc == IR_OP_extu_i32) {
        bool z = result_upper_zero(f, op);
        if (op->opc == IR_OP_ext32u && upper_zero(f, ir_in(op, 0))) {
            op->opc = IR_OP_mov; /* zero-extending a zero-extended value */
            z = true;
        }
        fold_value(f, op);
        if (op->opc != IR_OP_nop)
            info(f, ir_out(op, 0))->z32 |= z;
        return;
    }
    fold_value(f, op);
}

static void fold_value(Fold *f, IrOp *op)
{
    uint64_t in[4];
    bool all_const = true;
    for (int k = 0; k < op->nin; k++)
        all_const &= known_const(f, ir_in(op, k), &in[k]);
    IrTemp d = ir_out(op, 0);
    note_write(f, d);
    if (op->opc == IR_OP_mov) {
        set_copy(f, op, ir_in(op, 0));
        return;
    }
    uint64_t r;
    if (all_const && ir_eval_pure(op, in, &r)) {
        set_const(f, op, r);
        return;
    }
    if (op->nin == 2 && op->nconst == 0) {
        if (commutative(op->opc) && ir_temp_is_const(f->ctx, ir_in(op, 0)) &&
            !ir_temp_is_const(f->ctx, ir_in(op, 1))) {
            uint64_t t = op->args[1];
            op->args[1] = op->args[2];
            op->args[2] = t;
        }
        simplify(f, op);
    } else if (op->opc == IR_OP_movcond) {
        uint64_t a, b;
        if (known_const(f, ir_in(op, 0), &a) && known_const(f, ir_in(op, 1), &b)) {
            bool c = ir_cond_eval((IrCond)ir_cst(op, 0), (IrType)op->type, a, b);
            set_copy(f, op, ir_in(op, c ? 2 : 3));
        }
    }
}

static void invalidate_globals(Fold *f)
{
    for (uint32_t g = 0; g < f->nglobals; g++)
        note_write(f, g);
}

void opt_fold(IrContext *ctx)
{
    Fold f = {.ctx = ctx, .fi = ctx->fold_info, .nfi = ctx->fold_cap};
    f.nglobals = ctx->globals ? (uint32_t)ctx->globals->count : 0;
    fold_reserve(&f, ctx->ntemps + 64); /* room for the constants folding creates */
    if (ctx->fold_epoch >= FOLD_EPOCH_LIMIT - ctx->nops) {
        fold_info_init(f.fi, f.nfi);
        ctx->fold_epoch = 0;
    }
    f.epoch = ctx->fold_epoch + 1;
    for (uint32_t n = 0; n < ctx->nops; n++) {
        IrOp *op = &ctx->ops[n];
        const IrOpDef *d = &ir_op_defs[op->opc];
        for (int k = 0; k < op->nin; k++)
            op->args[op->nout + k] = canonical(&f, ir_in(op, k));
        if (op->opc == IR_OP_brcond)
            fold_brcond(&f, op);
        if (!(d->flags & (IR_OPF_SIDE | IR_OPF_CALL)) && op->nout == 1) {
            fold_pure(&f, op);
            continue;
        }
        for (int k = 0; k < op->nout; k++)
            note_write(&f, ir_out(op, k));
        if (op->opc == IR_OP_ld && op->type == IR_I64 &&
            (ir_cst(op, 0) & (IR_MO_SIGN | IR_MO_SIZE)) <= IR_MO_32)
            info(&f, ir_out(op, 0))->z32 = true;
        if (op->opc == IR_OP_call && !(ir_cst(op, 1) & IR_CALL_NO_WRITE_GLOBALS))
            invalidate_globals(&f);
        if (d->flags & IR_OPF_BB_END)
            f.epoch++;
    }
    ctx->fold_epoch = f.epoch;
}
