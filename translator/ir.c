/*
 * IR construction: the op table, temps, builders and the text dump.
 *
 * Frontends call the ir_gen_* builders; every op is appended to the
 * context's op list with its outputs, inputs and constants in args[].  The
 * dump format (used by `-d op,op_opt` and the unit tests) prints one op per
 * line: `name_i64 out, in, in, $const`.
 */
#include "translator/ir.h"

#include <assert.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "translator/ir_vec.h"

const IrOpDef ir_op_defs[IR_OP_COUNT] = {
#define DEF(name, oargs, iargs, cargs, flags) {#name, oargs, iargs, cargs, flags},
#include "translator/ir_ops.def"
#undef DEF
};

IrCond ir_cond_invert(IrCond c)
{
    static const IrCond inv[] = {
        [IR_COND_NEVER] = IR_COND_ALWAYS, [IR_COND_ALWAYS] = IR_COND_NEVER,
        [IR_COND_EQ] = IR_COND_NE,        [IR_COND_NE] = IR_COND_EQ,
        [IR_COND_LT] = IR_COND_GE,        [IR_COND_GE] = IR_COND_LT,
        [IR_COND_LE] = IR_COND_GT,        [IR_COND_GT] = IR_COND_LE,
        [IR_COND_LTU] = IR_COND_GEU,      [IR_COND_GEU] = IR_COND_LTU,
        [IR_COND_LEU] = IR_COND_GTU,      [IR_COND_GTU] = IR_COND_LEU,
        [IR_COND_TSTEQ] = IR_COND_TSTNE,  [IR_COND_TSTNE] = IR_COND_TSTEQ,
    };
    return inv[c];
}

IrCond ir_cond_swap(IrCond c)
{
    switch (c) {
    case IR_COND_LT:
        return IR_COND_GT;
    case IR_COND_GT:
        return IR_COND_LT;
    case IR_COND_LE:
        return IR_COND_GE;
    case IR_COND_GE:
        return IR_COND_LE;
    case IR_COND_LTU:
        return IR_COND_GTU;
    case IR_COND_GTU:
        return IR_COND_LTU;
    case IR_COND_LEU:
        return IR_COND_GEU;
    case IR_COND_GEU:
        return IR_COND_LEU;
    default:
        return c;
    }
}

bool ir_cond_eval(IrCond c, IrType t, uint64_t a, uint64_t b)
{
    int64_t sa, sb;
    if (t == IR_I32) {
        a = (uint32_t)a;
        b = (uint32_t)b;
        sa = (int32_t)a;
        sb = (int32_t)b;
    } else {
        sa = (int64_t)a;
        sb = (int64_t)b;
    }
    switch (c) {
    case IR_COND_NEVER:
        return false;
    case IR_COND_ALWAYS:
        return true;
    case IR_COND_EQ:
        return a == b;
    case IR_COND_NE:
        return a != b;
    case IR_COND_LT:
        return sa < sb;
    case IR_COND_GE:
        return sa >= sb;
    case IR_COND_LE:
        return sa <= sb;
    case IR_COND_GT:
        return sa > sb;
    case IR_COND_LTU:
        return a < b;
    case IR_COND_GEU:
        return a >= b;
    case IR_COND_LEU:
        return a <= b;
    case IR_COND_GTU:
        return a > b;
    case IR_COND_TSTEQ:
        return (a & b) == 0;
    case IR_COND_TSTNE:
        return (a & b) != 0;
    }
    return false;
}

IrTemp ir_globals_add(IrGlobals *g, IrType type, int32_t env_offset, const char *name)
{
    assert(g->count < IR_MAX_GLOBALS && "too many IR globals");
    IrTempInfo *ti = &g->info[g->count];
    memset(ti, 0, sizeof(*ti));
    ti->type = type;
    ti->kind = IR_TEMP_GLOBAL;
    ti->global_index = (uint16_t)g->count;
    ti->env_offset = env_offset;
    ti->name = name;
    return (IrTemp)g->count++;
}

IrContext *ir_context_new(const IrGlobals *globals)
{
    IrContext *ctx = calloc(1, sizeof(*ctx));
    if (!ctx)
        return NULL;
    ctx->globals = globals;
    ctx->temps_cap = 1024;
    ctx->ops_cap = 4096;
    ctx->temps = malloc(sizeof(IrTempInfo) * ctx->temps_cap);
    ctx->ops = malloc(sizeof(IrOp) * ctx->ops_cap);
    if (!ctx->temps || !ctx->ops) {
        ir_context_free(ctx);
        return NULL;
    }
    ir_reset(ctx, 0);
    return ctx;
}

void ir_context_free(IrContext *ctx)
{
    if (!ctx)
        return;
    ir_scratch_free(ctx);
    free(ctx->fold_info);
    free(ctx->temps);
    free(ctx->ops);
    free(ctx);
}

void ir_reset(IrContext *ctx, uint64_t pc)
{
    uint32_t n = ctx->globals ? (uint32_t)ctx->globals->count : 0;
    /* Nothing writes the globals' entries (they come first and stay put), so they are copied
     * only when the set changed, not per translation. */
    if (n != ctx->nglobals_copied) {
        memcpy(ctx->temps, ctx->globals->info, sizeof(IrTempInfo) * n);
        ctx->nglobals_copied = n;
    }
    ctx->ntemps = n;
    ctx->nops = 0;
    ctx->nlabels = 0;
    ir_scratch_reset(ctx);
    ctx->guest_pc = pc;
    ctx->guest_size = 0;
    ctx->ninsns = 0;
}

static void *grow(void *p, uint32_t *cap, size_t elem)
{
    uint32_t ncap = *cap * 2;
    void *n = realloc(p, elem * ncap);
    if (!n) {
        fprintf(stderr, "ferry: out of memory in the translator\n");
        exit(1);
    }
    *cap = ncap;
    return n;
}

static IrTemp new_temp(IrContext *ctx, IrType type, IrTempKind kind)
{
    if (ctx->ntemps == ctx->temps_cap)
        ctx->temps = grow(ctx->temps, &ctx->temps_cap, sizeof(IrTempInfo));
    IrTempInfo *ti = &ctx->temps[ctx->ntemps];
    memset(ti, 0, sizeof(*ti));
    ti->type = type;
    ti->kind = kind;
    return ctx->ntemps++;
}

IrTemp ir_new_temp(IrContext *ctx, IrType type)
{
    return new_temp(ctx, type, IR_TEMP_EBB);
}

IrTemp ir_new_local(IrContext *ctx, IrType type)
{
    return new_temp(ctx, type, IR_TEMP_LOCAL);
}

IrTemp ir_const(IrContext *ctx, IrType type, uint64_t val)
{
    IrTemp t = new_temp(ctx, type, IR_TEMP_CONST);
    ctx->temps[t].val = type == IR_I32 ? (uint32_t)val : val;
    return t;
}

uint32_t ir_new_label(IrContext *ctx)
{
    return ctx->nlabels++;
}

static IrOp *emit_n(IrContext *ctx, int opc, IrType type, int nout, int nin, int nconst,
                    const uint64_t *args)
{
    if (ctx->nops == ctx->ops_cap)
        ctx->ops = grow(ctx->ops, &ctx->ops_cap, sizeof(IrOp));
    IrOp *op = &ctx->ops[ctx->nops++];
    /* A fixed-size clear and a short copy loop (most ops have 1 to 4 arguments) cost less than
     * the library calls a variable-size memcpy and memset become. */
    memset(op->args, 0, sizeof(op->args));
    op->opc = (uint16_t)opc;
    op->type = type;
    op->nout = (uint8_t)nout;
    op->nin = (uint8_t)nin;
    op->nconst = (uint8_t)nconst;
    for (int i = 0, n = nout + nin + nconst; i < n; i++)
        op->args[i] = args[i];
    return op;
}

IrOp *ir_emit(IrContext *ctx, int opc, IrType type, const uint64_t *args)
{
    const IrOpDef *d = &ir_op_defs[opc];
    return emit_n(ctx, opc, type, d->nout, d->nin, d->nconst, args);
}

void ir_gen_mov(IrContext *ctx, IrType t, IrTemp d, IrTemp a)
{
    if (d == a)
        return;
    ir_emit(ctx, IR_OP_mov, t, (uint64_t[]){d, a});
}

void ir_gen_movi(IrContext *ctx, IrType t, IrTemp d, uint64_t v)
{
    ir_emit(ctx, IR_OP_mov, t, (uint64_t[]){d, ir_const(ctx, t, v)});
}

void ir_gen_binop(IrContext *ctx, int opc, IrType t, IrTemp d, IrTemp a, IrTemp b)
{
    ir_emit(ctx, opc, t, (uint64_t[]){d, a, b});
}

void ir_gen_unop(IrContext *ctx, int opc, IrType t, IrTemp d, IrTemp a)
{
    ir_emit(ctx, opc, t, (uint64_t[]){d, a});
}

void ir_gen_binopi(IrContext *ctx, int opc, IrType t, IrTemp d, IrTemp a, uint64_t b)
{
    ir_emit(ctx, opc, t, (uint64_t[]){d, a, ir_const(ctx, t, b)});
}

void ir_gen_extract(IrContext *ctx, IrType t, IrTemp d, IrTemp a, unsigned pos, unsigned len)
{
    ir_emit(ctx, IR_OP_extract, t, (uint64_t[]){d, a, pos, len});
}

void ir_gen_sextract(IrContext *ctx, IrType t, IrTemp d, IrTemp a, unsigned pos, unsigned len)
{
    ir_emit(ctx, IR_OP_sextract, t, (uint64_t[]){d, a, pos, len});
}

void ir_gen_deposit(IrContext *ctx, IrType t, IrTemp d, IrTemp a, IrTemp b, unsigned pos,
                    unsigned len)
{
    ir_emit(ctx, IR_OP_deposit, t, (uint64_t[]){d, a, b, pos, len});
}

void ir_gen_setcond(IrContext *ctx, IrType t, IrCond c, IrTemp d, IrTemp a, IrTemp b)
{
    ir_emit(ctx, IR_OP_setcond, t, (uint64_t[]){d, a, b, c});
}

void ir_gen_movcond(IrContext *ctx, IrType t, IrCond c, IrTemp d, IrTemp a, IrTemp b, IrTemp v1,
                    IrTemp v2)
{
    ir_emit(ctx, IR_OP_movcond, t, (uint64_t[]){d, a, b, v1, v2, c});
}

void ir_gen_set_label(IrContext *ctx, uint32_t label)
{
    ir_emit(ctx, IR_OP_set_label, IR_I64, (uint64_t[]){label});
}

void ir_gen_br(IrContext *ctx, uint32_t label)
{
    ir_emit(ctx, IR_OP_br, IR_I64, (uint64_t[]){label});
}

void ir_gen_brcond(IrContext *ctx, IrType t, IrCond c, IrTemp a, IrTemp b, uint32_t label)
{
    ir_emit(ctx, IR_OP_brcond, t, (uint64_t[]){a, b, c, label});
}

void ir_gen_ld_env(IrContext *ctx, IrType t, IrTemp d, int32_t offset)
{
    ir_emit(ctx, IR_OP_ld_env, t, (uint64_t[]){d, (uint64_t)(int64_t)offset});
}

void ir_gen_st_env(IrContext *ctx, IrType t, IrTemp v, int32_t offset)
{
    ir_emit(ctx, IR_OP_st_env, t, (uint64_t[]){v, (uint64_t)(int64_t)offset});
}

void ir_gen_mov_env128(IrContext *ctx, int32_t dst_offset, int32_t src_offset)
{
    ir_emit(ctx, IR_OP_mov_env128, IR_I64,
            (uint64_t[]){(uint64_t)(int64_t)dst_offset, (uint64_t)(int64_t)src_offset});
}

void ir_gen_ld(IrContext *ctx, IrType t, IrTemp d, IrTemp addr, unsigned memop)
{
    ir_emit(ctx, IR_OP_ld, t, (uint64_t[]){d, addr, memop});
}

void ir_gen_st(IrContext *ctx, IrType t, IrTemp v, IrTemp addr, unsigned memop)
{
    ir_emit(ctx, IR_OP_st, t, (uint64_t[]){v, addr, memop});
}

void ir_gen_ld_v128(IrContext *ctx, IrTemp addr, unsigned memop, int32_t env_offset)
{
    ir_emit(ctx, IR_OP_ld_v128, IR_I64, (uint64_t[]){addr, memop, (uint64_t)(int64_t)env_offset});
}

void ir_gen_st_v128(IrContext *ctx, IrTemp addr, unsigned memop, int32_t env_offset)
{
    ir_emit(ctx, IR_OP_st_v128, IR_I64, (uint64_t[]){addr, memop, (uint64_t)(int64_t)env_offset});
}

void ir_gen_cmpxchg(IrContext *ctx, IrType t, IrTemp old, IrTemp addr, IrTemp cmp, IrTemp nv,
                    unsigned memop)
{
    ir_emit(ctx, IR_OP_cmpxchg, t, (uint64_t[]){old, addr, cmp, nv, memop});
}

void ir_gen_atomic_rmw(IrContext *ctx, IrType t, IrAtomicOp aop, IrTemp old, IrTemp addr, IrTemp v,
                       unsigned memop)
{
    ir_emit(ctx, IR_OP_atomic_rmw, t, (uint64_t[]){old, addr, v, memop, aop});
}

void ir_gen_mb(IrContext *ctx, unsigned kind)
{
    ir_emit(ctx, IR_OP_mb, IR_I64, (uint64_t[]){kind});
}

void ir_gen_call(IrContext *ctx, IrType t, IrTemp ret, void *fn, unsigned flags, int nargs,
                 const IrTemp *args)
{
    assert(nargs >= 0 && nargs <= IR_CALL_MAX_ARGS);
    uint64_t a[IR_MAX_ARGS];
    int n = 0;
    if (ret != IR_TEMP_NONE)
        a[n++] = ret;
    for (int i = 0; i < nargs; i++)
        a[n++] = args[i];
    a[n++] = (uint64_t)(uintptr_t)fn;
    a[n++] = flags;
    emit_n(ctx, IR_OP_call, t, ret != IR_TEMP_NONE, nargs, 2, a);
}

void ir_gen_insn_start(IrContext *ctx, uint64_t pc)
{
    ir_emit(ctx, IR_OP_insn_start, IR_I64, (uint64_t[]){pc});
}

void ir_gen_discard(IrContext *ctx, IrTemp g)
{
    ir_emit(ctx, IR_OP_discard, IR_I64, (uint64_t[]){g});
}

void ir_gen_goto_tb(IrContext *ctx, int slot)
{
    ir_emit(ctx, IR_OP_goto_tb, IR_I64, (uint64_t[]){(uint64_t)slot});
    ir_gen_exit_tb(ctx, IR_EXIT_CHAIN0 + slot);
}

void ir_gen_exit_tb(IrContext *ctx, uint32_t code)
{
    ir_emit(ctx, IR_OP_exit_tb, IR_I64, (uint64_t[]){code});
}

void ir_gen_lookup_and_goto(IrContext *ctx)
{
    ir_emit(ctx, IR_OP_lookup_and_goto, IR_I64, (uint64_t[]){0});
}

void ir_compact(IrContext *ctx)
{
    uint32_t j = 0;
    while (j < ctx->nops && ctx->ops[j].opc != IR_OP_nop)
        j++;
    for (uint32_t i = j; i < ctx->nops; i++)
        if (ctx->ops[i].opc != IR_OP_nop)
            ctx->ops[j++] = ctx->ops[i];
    ctx->nops = j;
}

/* ---- dump ---- */

static const char *const cond_names[] = {
    "never", "always", "eq",  "ne",  "lt",  "ge",    "le",
    "gt",    "ltu",    "geu", "leu", "gtu", "tsteq", "tstne",
};

static void dump_temp(const IrContext *ctx, IrTemp t, FILE *out)
{
    if (t >= ctx->ntemps) {
        fprintf(out, "?%u", t);
        return;
    }
    const IrTempInfo *ti = &ctx->temps[t];
    switch (ti->kind) {
    case IR_TEMP_GLOBAL:
        fputs(ti->name ? ti->name : "g?", out);
        break;
    case IR_TEMP_CONST:
        fprintf(out, "$0x%" PRIx64, ti->val);
        break;
    case IR_TEMP_LOCAL:
        fprintf(out, "loc%u", t);
        break;
    default:
        fprintf(out, "tmp%u", t);
        break;
    }
}

static void dump_memop(uint64_t mo, FILE *out)
{
    static const char *const sz[] = {"8", "16", "32", "64", "128", "?", "?", "?"};
    fprintf(out, "%s%s%s", mo & IR_MO_SIGN ? "s" : "u", sz[mo & IR_MO_SIZE],
            mo & IR_MO_BE ? "be" : "");
}

static void dump_consts(const IrContext *ctx, const IrOp *op, FILE *out, bool first)
{
    const uint64_t *c = op->args + op->nout + op->nin;
    if (op->opc == IR_OP_vec) {
        ir_vec_dump(c, out);
        return;
    }
    for (int i = 0; i < op->nconst; i++) {
        fputs(first ? " " : ", ", out);
        first = false;
        switch (op->opc) {
        case IR_OP_setcond:
        case IR_OP_movcond:
        case IR_OP_brcond:
            if (i == 0 && c[0] < sizeof(cond_names) / sizeof(cond_names[0])) {
                fputs(cond_names[c[0]], out);
                continue;
            }
            if (op->opc == IR_OP_brcond && i == 1) {
                fprintf(out, "L%" PRIu64, c[1]);
                continue;
            }
            break;
        case IR_OP_set_label:
        case IR_OP_br:
            fprintf(out, "L%" PRIu64, c[0]);
            continue;
        case IR_OP_ld:
        case IR_OP_st:
        case IR_OP_ld_v128:
        case IR_OP_st_v128:
        case IR_OP_cmpxchg:
        case IR_OP_atomic_rmw:
            if (i == 0) {
                dump_memop(c[0], out);
                continue;
            }
            break;
        case IR_OP_discard:
            dump_temp(ctx, (IrTemp)c[0], out);
            continue;
        case IR_OP_insn_start:
        case IR_OP_call:
            if (i == 0) {
                fprintf(out, "0x%" PRIx64, c[0]);
                continue;
            }
            break;
        default:
            break;
        }
        fprintf(out, "$%" PRId64, (int64_t)c[i]);
    }
}

void ir_dump(const IrContext *ctx, FILE *out)
{
    for (uint32_t i = 0; i < ctx->nops; i++) {
        const IrOp *op = &ctx->ops[i];
        const IrOpDef *d = &ir_op_defs[op->opc];
        if (op->opc == IR_OP_nop)
            continue;
        if (op->opc == IR_OP_insn_start) {
            fprintf(out, " ---- 0x%" PRIx64 "\n", op->args[0]);
            continue;
        }
        bool typed = op->nout + op->nin > 0 && op->opc != IR_OP_call;
        fprintf(out, " %s%s", d->name, typed ? (op->type == IR_I32 ? "_i32" : "_i64") : "");
        bool first = true;
        for (int k = 0; k < op->nout + op->nin; k++) {
            fputs(first ? " " : ", ", out);
            first = false;
            dump_temp(ctx, (IrTemp)op->args[k], out);
        }
        dump_consts(ctx, op, out, first);
        fputc('\n', out);
    }
}

void ir_gen_fp_env(IrContext *ctx, uint64_t desc, uint64_t offs, void *fn, uint64_t arg,
                   uint64_t guard)
{
    ir_emit(ctx, IR_OP_fp_env, IR_I64,
            (uint64_t[]){desc, offs, (uint64_t)(uintptr_t)fn, arg, guard});
}

void ir_gen_fp_int(IrContext *ctx, IrTemp nzcv, uint64_t desc, uint64_t offs, void *fn,
                   uint64_t arg, uint64_t guard)
{
    ir_emit(ctx, IR_OP_fp_int, IR_I64,
            (uint64_t[]){nzcv, desc, offs, (uint64_t)(uintptr_t)fn, arg, guard});
}

void ir_gen_fp_from_int(IrContext *ctx, IrTemp value, uint64_t desc, uint64_t offs, void *fn,
                        uint64_t arg, uint64_t guard)
{
    ir_emit(ctx, IR_OP_fp_from_int, IR_I64,
            (uint64_t[]){value, desc, offs, (uint64_t)(uintptr_t)fn, arg, guard});
}
