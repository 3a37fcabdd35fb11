/*
 * Dead-code and dead-global-store elimination.
 *
 * A backward liveness pass over the TB.  Globals are live at every TB exit
 * (unless an IR_OP_discard before the exit says no successor reads them),
 * before every op that may fault (a guest fault must find guest registers
 * in the CPU state) and before helper calls that read globals.  Branches
 * join the liveness of their target label when the label comes later in
 * the TB (it was visited first); backward branches make everything live.
 * A pure op (or a call flagged IR_CALL_PURE) whose outputs are all dead is
 * removed, which is what deletes flag computations that the next
 * instruction, or every successor TB, overwrites.
 */
#include "translator/ir.h"

#include <string.h>

typedef struct Dce {
    IrContext *ctx;
    uint8_t *live;
    uint32_t nglobals;
    IrTemp *locals;
    uint32_t nlocals;
    uint8_t **label_live; /* liveness at each label already visited, else NULL */
} Dce;

static void globals_live(Dce *d)
{
    memset(d->live, 1, d->nglobals);
}

static void block_end(Dce *d)
{
    globals_live(d);
    for (uint32_t i = 0; i < d->nlocals; i++)
        d->live[d->locals[i]] = 1;
}

static bool removable(const IrOp *op)
{
    const IrOpDef *def = &ir_op_defs[op->opc];
    if (op->opc == IR_OP_call)
        return op->nout == 1 && (ir_cst(op, 1) & IR_CALL_PURE);
    return !(def->flags & IR_OPF_SIDE) && op->nout > 0;
}

/* Liveness of globals and locals at a label visited earlier (a forward branch), or NULL. */
static const uint8_t *label_state(Dce *d, uint64_t label)
{
    return label < d->ctx->nlabels ? d->label_live[label] : NULL;
}

static void save_label(Dce *d, uint64_t label)
{
    if (label >= d->ctx->nlabels || d->label_live[label])
        return;
    uint8_t *copy = ir_scratch(d->ctx, d->ctx->ntemps + 1);
    memcpy(copy, d->live, d->ctx->ntemps);
    d->label_live[label] = copy;
}

/* Joins the liveness at `label` into the current state; all live when unknown. */
static void join_label(Dce *d, uint64_t label, bool replace)
{
    const uint8_t *l = label_state(d, label);
    if (!l) {
        block_end(d);
        return;
    }
    if (replace) {
        for (uint32_t t = 0; t < d->nglobals; t++)
            d->live[t] = l[t];
        for (uint32_t i = 0; i < d->nlocals; i++)
            d->live[d->locals[i]] = l[d->locals[i]];
        return;
    }
    for (uint32_t t = 0; t < d->nglobals; t++)
        d->live[t] |= l[t];
    for (uint32_t i = 0; i < d->nlocals; i++)
        d->live[d->locals[i]] |= l[d->locals[i]];
}

/* Liveness effect of a block-ending op (walking backward). */
static void visit_bb_end(Dce *d, const IrOp *op)
{
    switch (op->opc) {
    case IR_OP_set_label:
        save_label(d, ir_cst(op, 0));
        break;
    case IR_OP_br:
        join_label(d, ir_cst(op, 0), true);
        break;
    case IR_OP_brcond:
        join_label(d, ir_cst(op, 1), false);
        break;
    default: /* TB exits */
        block_end(d);
        break;
    }
}

static void visit(Dce *d, IrOp *op)
{
    const IrOpDef *def = &ir_op_defs[op->opc];
    if (op->opc == IR_OP_discard) {
        d->live[ir_cst(op, 0)] = 0;
        return;
    }
    if (removable(op)) {
        bool used = false;
        for (int k = 0; k < op->nout; k++)
            used |= d->live[ir_out(op, k)];
        if (!used) {
            op->opc = IR_OP_nop;
            op->nout = op->nin = op->nconst = 0;
            return;
        }
    }
    for (int k = 0; k < op->nout; k++)
        d->live[ir_out(op, k)] = 0;
    if (def->flags & IR_OPF_BB_END)
        visit_bb_end(d, op);
    if (def->flags & IR_OPF_FAULT)
        globals_live(d);
    if (op->opc == IR_OP_call && !(ir_cst(op, 1) & IR_CALL_NO_READ_GLOBALS))
        globals_live(d);
    for (int k = 0; k < op->nin; k++) {
        IrTemp t = ir_in(op, k);
        if (d->ctx->temps[t].kind != IR_TEMP_CONST)
            d->live[t] = 1;
    }
}

void opt_dce(IrContext *ctx)
{
    Dce d = {.ctx = ctx};
    d.nglobals = ctx->globals ? (uint32_t)ctx->globals->count : 0;
    d.live = ir_scratch_zero(ctx, ctx->ntemps + 1);
    d.locals = ir_scratch(ctx, sizeof(IrTemp) * (ctx->ntemps + 1));
    d.label_live = ir_scratch_zero(ctx, sizeof(uint8_t *) * (ctx->nlabels + 1));
    for (uint32_t t = d.nglobals; t < ctx->ntemps; t++) /* globals come first */
        if (ctx->temps[t].kind == IR_TEMP_LOCAL)
            d.locals[d.nlocals++] = t;
    /* After the last op (always an exit) nothing but globals matters. */
    block_end(&d);
    for (uint32_t n = ctx->nops; n-- > 0;)
        visit(&d, &ctx->ops[n]);
}

void ir_optimize(IrContext *ctx)
{
    opt_fold(ctx);
    opt_dce(ctx);
    ir_compact(ctx);
}
