/*
 * Dead-code and dead-global-store elimination.
 *
 * A backward liveness pass over the TB.  Globals are live at every
 * basic-block end (the backend writes them back there), before every op
 * that may fault (a guest fault must find guest registers in the CPU
 * state) and before helper calls that read globals; locals are live at
 * every basic-block end.  A pure op (or a call flagged IR_CALL_PURE) whose
 * outputs are all dead is removed, which is what deletes flag computations
 * that the next instruction overwrites.
 */
#include "translator/ir.h"

#include <stdlib.h>
#include <string.h>

typedef struct Dce {
    IrContext *ctx;
    uint8_t *live;
    uint32_t nglobals;
    IrTemp *locals;
    uint32_t nlocals;
} Dce;

static void globals_live(Dce *d) { memset(d->live, 1, d->nglobals); }

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

static void visit(Dce *d, IrOp *op)
{
    const IrOpDef *def = &ir_op_defs[op->opc];
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
        block_end(d);
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
    d.live = calloc(ctx->ntemps + 1, 1);
    d.locals = malloc(sizeof(IrTemp) * (ctx->ntemps + 1));
    if (!d.live || !d.locals)
        goto out;
    for (uint32_t t = 0; t < ctx->ntemps; t++)
        if (ctx->temps[t].kind == IR_TEMP_LOCAL)
            d.locals[d.nlocals++] = t;
    /* After the last op (always an exit) nothing but globals matters. */
    block_end(&d);
    for (uint32_t n = ctx->nops; n-- > 0;)
        visit(&d, &ctx->ops[n]);
out:
    free(d.live);
    free(d.locals);
}

void ir_optimize(IrContext *ctx)
{
    opt_fold(ctx);
    opt_dce(ctx);
    ir_compact(ctx);
}
