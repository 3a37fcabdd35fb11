/*
 * The backend's local register allocator.
 *
 * Works op by op over one TB, forward, with liveness from a backward scan
 * (x86_ra_liveness): every temp is either in a host register, in its memory
 * home (the CPU-state field of a global, a frame slot otherwise), or both.
 * Registers are taken from the free set, else the least recently used
 * unlocked one is spilled.  Globals stay in registers across the block and
 * are written back at block ends and helper calls (the callers decide when:
 * x86_ra_sync); faulting ops record where they are instead (faultrec.c).
 * They also cross a branch to a label only that branch reaches, and a self
 * loop's back edge (x86_ra_gpr_*).  EBB temps die at block ends; LOCAL temps
 * are written to their frame slot at block ends and reloaded after labels.
 */
#include "translator/x86_64/codegen.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Allocation order: registers without a fixed role first; rax/rcx/rdx last. */
static const int8_t x86_ra_order[] = {
    X86_RSI, X86_RDI, X86_R8,  X86_R9,  X86_R10, X86_R11, X86_RBX,
    X86_R12, X86_R13, X86_R15, X86_RAX, X86_RCX, X86_RDX,
};

bool x86_ra_is_const(const X86Gen *g, IrTemp t)
{
    return g->ctx->temps[t].kind == IR_TEMP_CONST;
}

uint64_t x86_ra_const_val(const X86Gen *g, IrTemp t)
{
    return g->ctx->temps[t].val;
}

static IrTempKind x86_ra_kind(const X86Gen *g, IrTemp t)
{
    return g->ctx->temps[t].kind;
}

static bool x86_ra_is64(const X86Gen *g, IrTemp t)
{
    return g->ctx->temps[t].type == IR_I64;
}

void x86_ra_init(X86Gen *g)
{
    /* Locals for the table pointers: the stores would otherwise make the compiler reload them
     * on every iteration. */
    X86TempState *ts = g->ts;
    const IrTempInfo *ti = g->ctx->temps;
    for (uint32_t t = 0, n = g->ctx->ntemps; t < n; t++)
        ts[t] = (X86TempState){.reg = -1, .slot = -1, .mem_ok = ti[t].kind == IR_TEMP_GLOBAL};
    x86_vc_drop(g);
    g->vc_partial = 0;
    for (int r = 0; r < 16; r++) {
        g->reg_temp[r] = IR_TEMP_NONE;
        g->reg_use[r] = 0;
    }
    g->slots_used = 0;
    g->slots_hwm = 0;
    g->locked = 0;
    g->clock = 0;
}

/*
 * Backward scan: marks inputs that are not read again (EBB and constant-free
 * temps only; LOCAL temps stay live until the block ends, globals always).
 */
void x86_ra_liveness(X86Gen *g)
{
    IrContext *ctx = g->ctx;
    uint8_t *live = ir_scratch_zero(ctx, ctx->ntemps + 1);
    IrTemp *list = ir_scratch(ctx, sizeof(IrTemp) * (ctx->ntemps + 1));
    uint32_t nlist = 0;
    for (uint32_t i = ctx->nops; i-- > 0;) {
        const IrOp *op = &ctx->ops[i];
        uint16_t dead = 0;
        if (ir_def(op)->flags & IR_OPF_BB_END) {
            while (nlist)
                live[list[--nlist]] = 0;
        }
        for (int o = 0; o < op->nout; o++) {
            IrTemp t = ir_out(op, o);
            if (x86_ra_kind(g, t) != IR_TEMP_EBB)
                continue;
            if (!live[t])
                dead |= X86_DEAD_OUT;
            live[t] = 0;
        }
        for (int k = 0; k < op->nin; k++) {
            IrTemp t = ir_in(op, k);
            if (x86_ra_kind(g, t) != IR_TEMP_EBB || live[t])
                continue;
            dead |= (uint16_t)(1u << k);
            live[t] = 1;
            list[nlist++] = t;
        }
        g->dead[i] = dead;
    }
}

bool x86_ra_is_dead_in(const X86Gen *g, const IrOp *op, int i)
{
    (void)op;
    return (g->dead[g->op_index] >> i) & 1;
}

static void x86_ra_unbind_reg(X86Gen *g, int r)
{
    IrTemp t = g->reg_temp[r];
    if (t == IR_TEMP_NONE)
        return;
    g->ts[t].reg = -1;
    g->reg_temp[r] = IR_TEMP_NONE;
}

static int x86_ra_slot_alloc(X86Gen *g, IrTemp t)
{
    uint32_t s = 0;
    while (s < g->slots_hwm && g->slot_owner[s] != IR_TEMP_NONE)
        s++;
    if (s < X86_FRAME_SLOTS) {
        if (s == g->slots_hwm)
            g->slots_hwm++;
        g->slot_owner[s] = t;
        g->slots_used++;
        return (int)s;
    }
    g->err = -E2BIG; /* XXX: a TB with more live spilled temps than frame slots */
    return 0;
}

static void x86_ra_slot_free(X86Gen *g, IrTemp t)
{
    int s = g->ts[t].slot;
    if (s < 0)
        return;
    g->slot_owner[s] = IR_TEMP_NONE;
    g->slots_used--;
    g->ts[t].slot = -1;
    g->ts[t].mem_ok = false;
}

/* Memory home of t: base register and displacement. */
static void x86_ra_home(X86Gen *g, IrTemp t, int *base, int32_t *disp)
{
    if (x86_ra_kind(g, t) == IR_TEMP_GLOBAL) {
        *base = X86_REG_CPU;
        *disp = g->ctx->temps[t].env_offset;
        return;
    }
    if (g->ts[t].slot < 0)
        g->ts[t].slot = (int16_t)x86_ra_slot_alloc(g, t);
    *base = X86_RSP;
    *disp = g->ts[t].slot * 8;
}

void x86_ra_writeback(X86Gen *g, IrTemp t)
{
    X86TempState *s = &g->ts[t];
    if (s->reg < 0 || s->mem_ok)
        return;
    int base;
    int32_t disp;
    x86_ra_home(g, t, &base, &disp);
    x86_store(g->cb, x86_ra_is64(g, t), s->reg, base, disp);
    s->mem_ok = true;
}

void x86_ra_spill(X86Gen *g, int r)
{
    IrTemp t = g->reg_temp[r];
    if (t == IR_TEMP_NONE)
        return;
    x86_ra_writeback(g, t);
    x86_ra_unbind_reg(g, r);
}

/* Returns a register of `allowed` that is free and unlocked, or -1. */
static int x86_ra_find_free(X86Gen *g, uint16_t allowed)
{
    uint16_t ok = allowed & X86_ALLOCATABLE & ~g->locked;
    for (size_t i = 0; i < sizeof(x86_ra_order); i++) {
        int r = x86_ra_order[i];
        if ((ok >> r) & 1 && g->reg_temp[r] == IR_TEMP_NONE)
            return r;
    }
    return -1;
}

/*
 * The register to empty: the least recently used one whose value is also in
 * memory (dropping it costs nothing now), else the least recently used.
 */
static int x86_ra_victim(X86Gen *g, uint16_t ok)
{
    int clean = -1, any = -1;
    for (int i = 0; i < 16; i++) {
        if (!((ok >> i) & 1))
            continue;
        IrTemp t = g->reg_temp[i];
        if (any < 0 || g->reg_use[i] < g->reg_use[any])
            any = i;
        if (t != IR_TEMP_NONE && g->ts[t].mem_ok &&
            (clean < 0 || g->reg_use[i] < g->reg_use[clean]))
            clean = i;
    }
    return clean >= 0 ? clean : any;
}

int x86_ra_alloc(X86Gen *g, uint16_t allowed)
{
    int r = x86_ra_find_free(g, allowed);
    if (r < 0) {
        r = x86_ra_victim(g, allowed & X86_ALLOCATABLE & ~g->locked);
        assert(r >= 0 && "x86 backend: every register locked");
        g->spilled |= g->reg_temp[r] != IR_TEMP_NONE;
        x86_ra_spill(g, r);
    }
    g->locked |= X86_REGMASK(r);
    g->reg_use[r] = ++g->clock;
    return r;
}

void x86_ra_copy_to(X86Gen *g, IrTemp t, int r)
{
    X86TempState *s = &g->ts[t];
    bool is64 = x86_ra_is64(g, t);
    if (x86_ra_is_const(g, t)) {
        x86_movi(g->cb, is64, r, x86_ra_const_val(g, t)); /* never between a compare and its use */
    } else if (s->reg >= 0) {
        if (s->reg != r)
            x86_mov_rr(g->cb, is64, r, s->reg);
    } else if (s->mem_ok) {
        int base;
        int32_t disp;
        x86_ra_home(g, t, &base, &disp);
        x86_load(g->cb, is64, r, base, disp);
    } else {
        x86_movi(g->cb, is64, r, 0); /* read before any write: undefined */
    }
}

void x86_ra_bind(X86Gen *g, IrTemp t, int r)
{
    if (g->reg_temp[r] != t)
        x86_ra_unbind_reg(g, r);
    if (g->ts[t].reg >= 0 && g->ts[t].reg != r)
        x86_ra_unbind_reg(g, g->ts[t].reg);
    g->ts[t].reg = (int8_t)r;
    g->ts[t].mem_ok = false;
    g->reg_temp[r] = t;
    g->reg_use[r] = ++g->clock;
}

int x86_ra_in(X86Gen *g, IrTemp t, uint16_t allowed)
{
    X86TempState *s = &g->ts[t];
    if (!x86_ra_is_const(g, t) && s->reg >= 0) {
        int r = s->reg;
        g->reg_use[r] = ++g->clock;
        if ((allowed >> r) & 1) {
            g->locked |= X86_REGMASK(r);
            return r;
        }
        g->locked |= X86_REGMASK(r);
        int c = x86_ra_alloc(g, allowed);
        x86_mov_rr(g->cb, x86_ra_is64(g, t), c, r);
        return c;
    }
    int r = x86_ra_alloc(g, allowed);
    x86_ra_copy_to(g, t, r);
    if (!x86_ra_is_const(g, t) && s->mem_ok) {
        s->reg = (int8_t)r;
        g->reg_temp[r] = t;
    }
    return r;
}

static bool x86_ra_is_input(const IrOp *op, IrTemp t)
{
    for (int i = 0; i < op->nin; i++)
        if (ir_in(op, i) == t)
            return true;
    return false;
}

static bool x86_ra_clobberable(X86Gen *g, const IrOp *op, IrTemp d, int idx)
{
    IrTemp a = ir_in(op, idx);
    return !x86_ra_is_const(g, a) && g->ts[a].reg >= 0 && (a == d || x86_ra_is_dead_in(g, op, idx));
}

int x86_ra_out_any(X86Gen *g, const IrOp *op, IrTemp d, int idx, int ra)
{
    if (x86_ra_clobberable(g, op, d, idx) && g->ts[ir_in(op, idx)].reg == ra)
        return ra;
    return x86_ra_out_fresh(g, op, d, X86_ALLOCATABLE);
}

int x86_ra_out_from(X86Gen *g, const IrOp *op, IrTemp d, int idx)
{
    IrTemp a = ir_in(op, idx);
    X86TempState *s = &g->ts[a];
    if (x86_ra_clobberable(g, op, d, idx)) {
        int r = s->reg;
        g->locked |= X86_REGMASK(r);
        return r;
    }
    /* A value read from memory is kept in a register for later uses (globals!). */
    int src =
        x86_ra_is_const(g, a) || s->reg >= 0 || !s->mem_ok ? -1 : x86_ra_in(g, a, X86_ALLOCATABLE);
    if (src >= 0 && x86_ra_clobberable(g, op, d, idx))
        return src;
    int r;
    if (d != a && g->ts[d].reg >= 0 && !x86_ra_is_input(op, d) &&
        !((g->locked >> g->ts[d].reg) & 1)) {
        r = g->ts[d].reg;
        g->locked |= X86_REGMASK(r);
    } else {
        r = x86_ra_alloc(g, X86_ALLOCATABLE);
    }
    if (src >= 0)
        x86_mov_rr(g->cb, x86_ra_is64(g, a), r, src);
    else
        x86_ra_copy_to(g, a, r);
    return r;
}

int x86_ra_out_fresh(X86Gen *g, const IrOp *op, IrTemp d, uint16_t allowed)
{
    int r = g->ts[d].reg;
    if (r >= 0 && !x86_ra_is_input(op, d) && ((allowed & ~g->locked) >> r) & 1) {
        g->locked |= X86_REGMASK(r);
        return r;
    }
    return x86_ra_alloc(g, allowed);
}

void x86_ra_evict(X86Gen *g, int r, uint16_t to)
{
    IrTemp t = g->reg_temp[r];
    g->locked |= X86_REGMASK(r);
    if (t == IR_TEMP_NONE)
        return;
    int n = x86_ra_find_free(g, to);
    if (n < 0) {
        x86_ra_spill(g, r);
        return;
    }
    x86_mov_rr(g->cb, x86_ra_is64(g, t), n, r);
    g->reg_temp[n] = t;
    g->reg_use[n] = g->reg_use[r];
    g->ts[t].reg = (int8_t)n;
    g->reg_temp[r] = IR_TEMP_NONE;
}

void x86_ra_sync(X86Gen *g, bool locals)
{
    x86_vc_flush(g);
    x86_ra_sync_gprs(g, X86_RA_GLOBAL | (locals ? X86_RA_LOCAL : 0));
}

void x86_ra_sync_gprs(X86Gen *g, unsigned kinds)
{
    for (int r = 0; r < 16; r++) {
        IrTemp t = g->reg_temp[r];
        if (t != IR_TEMP_NONE && (kinds >> x86_ra_kind(g, t)) & 1)
            x86_ra_writeback(g, t);
    }
}

void x86_ra_drop(X86Gen *g, unsigned kinds)
{
    for (int r = 0; r < 16; r++) {
        IrTemp t = g->reg_temp[r];
        if (t != IR_TEMP_NONE && (kinds >> x86_ra_kind(g, t)) & 1)
            x86_ra_unbind_reg(g, r);
    }
}

void x86_ra_end_bb(X86Gen *g)
{
    x86_vc_drop(g);
    x86_ra_drop(g, X86_RA_EBB);
    for (uint32_t s = 0; s < g->slots_hwm && g->slots_used; s++) {
        IrTemp t = g->slot_owner[s];
        if (t != IR_TEMP_NONE && x86_ra_kind(g, t) == IR_TEMP_EBB)
            x86_ra_slot_free(g, t);
    }
    g->locked = 0;
}

static void x86_ra_kill(X86Gen *g, IrTemp t)
{
    if (g->ts[t].reg >= 0)
        x86_ra_unbind_reg(g, g->ts[t].reg);
    x86_ra_slot_free(g, t);
}

void x86_ra_end_op(X86Gen *g, const IrOp *op)
{
    uint16_t dead = g->dead[g->op_index];
    for (int i = 0; i < op->nin; i++) {
        IrTemp t = ir_in(op, i);
        if ((dead >> i) & 1 && !(op->nout && ir_out(op, 0) == t))
            x86_ra_kill(g, t);
    }
    if ((dead & X86_DEAD_OUT) && op->nout)
        x86_ra_kill(g, ir_out(op, 0));
    g->locked = 0;
    g->vc_locked = 0;
}

void x86_ra_env_access(X86Gen *g, int32_t off, int32_t size, bool write)
{
    x86_vc_env_access(g, off, size, write);
    x86_ra_env_access_gprs(g, off, size, write);
}

void x86_ra_env_access_gprs(X86Gen *g, int32_t off, int32_t size, bool write)
{
    for (int r = 0; r < 16; r++) {
        IrTemp t = g->reg_temp[r];
        if (t == IR_TEMP_NONE || x86_ra_kind(g, t) != IR_TEMP_GLOBAL)
            continue;
        int32_t go = g->ctx->temps[t].env_offset;
        int32_t gs = x86_ra_is64(g, t) ? 8 : 4;
        if (go + gs <= off || off + size <= go)
            continue;
        x86_ra_writeback(g, t);
        if (write)
            x86_ra_unbind_reg(g, r);
    }
}

bool x86_ra_store_const_global(X86Gen *g, IrTemp t, uint64_t v)
{
    bool is64 = x86_ra_is64(g, t);
    if (x86_ra_kind(g, t) != IR_TEMP_GLOBAL || (is64 && !x86_fits_i32((int64_t)v)))
        return false;
    if (g->ts[t].reg >= 0)
        x86_ra_unbind_reg(g, g->ts[t].reg);
    x86_store_imm(g->cb, is64, X86_REG_CPU, g->ctx->temps[t].env_offset, (int32_t)v);
    g->ts[t].mem_ok = true;
    return true;
}

void x86_ra_gpr_save(const X86Gen *g, X86GprState *s)
{
    s->clean = 0;
    for (int r = 0; r < 16; r++) {
        IrTemp t = g->reg_temp[r];
        bool global = t != IR_TEMP_NONE && x86_ra_kind(g, t) == IR_TEMP_GLOBAL;
        s->temp[r] = global ? t : IR_TEMP_NONE;
        if (global && g->ts[t].mem_ok)
            s->clean |= X86_REGMASK(r);
    }
}

void x86_ra_gpr_restore(X86Gen *g, const X86GprState *s)
{
    for (int r = 0; r < 16; r++) {
        IrTemp t = s->temp[r];
        if (t == IR_TEMP_NONE)
            continue;
        assert(g->reg_temp[r] == IR_TEMP_NONE && g->ts[t].reg < 0 && "x86 backend: bound twice");
        g->reg_temp[r] = t;
        g->reg_use[r] = ++g->clock;
        g->ts[t].reg = (int8_t)r;
        g->ts[t].mem_ok = (s->clean >> r) & 1;
    }
}

void x86_ra_gpr_loop_enter(X86Gen *g, const X86GprState *s)
{
    for (int r = 0; r < 16; r++) {
        IrTemp t = s->temp[r];
        if (t != IR_TEMP_NONE)
            x86_load(g->cb, x86_ra_is64(g, t), r, X86_REG_CPU, g->ctx->temps[t].env_offset);
    }
    x86_ra_gpr_restore(g, s);
}

/* The register of s that holds t, or -1. */
static int x86_ra_gpr_target(const X86GprState *s, IrTemp t)
{
    for (int r = 0; r < 16; r++)
        if (s->temp[r] == t)
            return r;
    return -1;
}

/*
 * Register-to-register part of x86_ra_gpr_loop_arrange: src[r] is the register whose value
 * r must receive (-1: none).  Moves whose destination no other move reads go first; what is
 * left are cycles, each broken by an exchange.
 */
static void x86_ra_parallel_move(X86Gen *g, int8_t src[16])
{
    for (;;) {
        int pending = -1;
        bool moved = false;
        for (int r = 0; r < 16; r++) {
            if (src[r] < 0 || src[r] == r)
                continue;
            bool read = false;
            for (int o = 0; o < 16; o++)
                read |= o != r && src[o] == r;
            if (read) {
                pending = r;
                continue;
            }
            x86_mov_rr(g->cb, true, r, src[r]);
            src[r] = -1;
            moved = true;
        }
        if (pending < 0)
            return;
        if (moved)
            continue;
        int from = src[pending]; /* a cycle: pending gets its value, from gets pending's */
        x86_op_rr(g->cb, X86_OPC_XCHG | X86_P_W, from, pending);
        src[pending] = -1;
        for (int o = 0; o < 16; o++)
            if (src[o] == pending)
                src[o] = (int8_t)from;
    }
}

void x86_ra_gpr_loop_arrange(X86Gen *g, const X86GprState *s)
{
    int8_t src[16];
    for (int r = 0; r < 16; r++) { /* memory made current for what s does not hold dirty */
        IrTemp t = g->reg_temp[r];
        if (t == IR_TEMP_NONE || x86_ra_kind(g, t) != IR_TEMP_GLOBAL || g->ts[t].mem_ok)
            continue;
        int d = x86_ra_gpr_target(s, t);
        if (d < 0 || (s->clean >> d) & 1)
            x86_store(g->cb, x86_ra_is64(g, t), r, X86_REG_CPU, g->ctx->temps[t].env_offset);
    }
    for (int r = 0; r < 16; r++)
        src[r] = (int8_t)(s->temp[r] == IR_TEMP_NONE ? -1 : g->ts[s->temp[r]].reg);
    x86_ra_parallel_move(g, src);
    for (int r = 0; r < 16; r++) {
        IrTemp t = s->temp[r];
        if (t != IR_TEMP_NONE && g->ts[t].reg < 0)
            x86_load(g->cb, x86_ra_is64(g, t), r, X86_REG_CPU, g->ctx->temps[t].env_offset);
    }
}
