/*
 * x86_codegen: compiles the optimized IR of one TB into host code.
 *
 * Layout of a TB: the exit_request check, the body (op by op; value ops in
 * codegen_alu.c, memory ops in codegen_mem.c, control flow, helper calls
 * and exits here), then an out-of-line tail returning IR_EXIT_REQUESTED.
 * Labels are resolved at the end from a list of rel32 fixups.  Register
 * allocation is local (regalloc.c): state is reset at every label.
 */
#include "translator/x86_64/codegen.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* Bytes any single op (with its write-backs and spills) fits in. */
#define X86_OP_MARGIN 1024

static const int8_t x86_arg_regs[IR_CALL_MAX_ARGS] = {X86_RSI, X86_RDX, X86_RCX, X86_R8, X86_R9};

static uint32_t gen_off(const X86Gen *g)
{
    return (uint32_t)(g->cb->ptr - g->code);
}

void *x86_gen_push(X86Gen *g, void *arr, uint32_t *n, uint32_t *cap, size_t elem)
{
    char *a;
    memcpy(&a, arr, sizeof(a)); /* arr points to a T *, read as bytes: no aliasing issue */
    if (*n == *cap) {
        uint32_t ncap = *cap ? *cap * 2 : 16;
        a = realloc(a, ncap * elem);
        if (!a) {
            g->err = -ENOMEM;
            return NULL;
        }
        memcpy(arr, &a, sizeof(a));
        *cap = ncap;
    }
    return a + (size_t)(*n)++ * elem;
}

static void gen_fixup(X86Gen *g, uint32_t label, uint8_t *rel)
{
    if (g->label_off[label] != UINT32_MAX) {
        x86_patch32(rel, g->code + g->label_off[label]);
        return;
    }
    X86Fixup *f = x86_gen_push(g, &g->fixups, &g->nfixups, &g->fixups_cap, sizeof(*f));
    if (f)
        *f = (X86Fixup){label, (uint32_t)(rel - g->code)};
}

/*
 * Helper call fn(cpu, inputs...) for op (IR_OP_call, or an op implemented
 * out of line): globals written back unless the flags say the helper
 * neither reads nor writes them; caller-saved registers emptied.
 */
void x86_gen_call_fn(X86Gen *g, const IrOp *op, const void *fn, unsigned flags)
{
    bool rd = !(flags & IR_CALL_NO_READ_GLOBALS), wr = !(flags & IR_CALL_NO_WRITE_GLOBALS);
    CodeBuf *cb = g->cb;
    x86_vc_call(g); /* helpers may use the vector registers; xmm are caller-saved */
    if (rd || wr)
        x86_ra_sync(g, false);
    for (int r = 0; r < 16; r++)
        if ((X86_CALLER_SAVED >> r) & 1)
            x86_ra_evict(g, r, X86_ALLOCATABLE & ~X86_CALLER_SAVED);
    for (int i = 0; i < op->nin; i++)
        x86_ra_copy_to(g, ir_in(op, i), x86_arg_regs[i]);
    x86_mov_rr(cb, true, X86_RDI, X86_REG_CPU);
    x86_call_abs(cb, fn, X86_RAX);
    if (wr)
        x86_ra_drop(g, X86_RA_GLOBAL);
    if (op->nout) {
        if (op->type == IR_I32)
            x86_mov_rr(cb, false, X86_RAX, X86_RAX);
        x86_ra_bind(g, ir_out(op, 0), X86_RAX);
    }
}

static void gen_exit(X86Gen *g, uint32_t code)
{
    x86_movi_keepflags(g->cb, true, X86_RAX, (uint64_t)(uintptr_t)g->tb);
    x86_movi(g->cb, false, X86_RDX, code);
    x86_jmp_to(g->cb, x86_epilogue);
}

/* True when op i sets the pc to the TB's own start and a goto_tb follows (a self loop). */
static bool gen_is_loop_pc(const X86Gen *g, uint32_t i)
{
    if (i + 1 >= g->ctx->nops || g->ctx->ops[i + 1].opc != IR_OP_goto_tb || !g->feat->avx)
        return false;
    const IrOp *op = &g->ctx->ops[i];
    if (op->opc != IR_OP_mov || op->type != IR_I64)
        return false;
    const IrTempInfo *d = &g->ctx->temps[ir_out(op, 0)], *a = &g->ctx->temps[ir_in(op, 0)];
    return d->kind == IR_TEMP_GLOBAL && d->env_offset == (int32_t)offsetof(CPUCommon, pc) &&
           a->kind == IR_TEMP_CONST && a->val == g->tb->pc;
}

/*
 * The back edge of a self loop (second pass): while exit_request is clear, jumps to the loop
 * head with the vector cache and the general-register globals brought to the head's state;
 * otherwise sets the pc (the op before, not generated in its place: gen_op) and falls through
 * to the chained exit (which writes them back), whose TB entry check then leaves generated
 * code.  The TB flags cannot change inside a TB, so the TB looked up for its own pc would be
 * this one.  XXX: the TB being invalidated by another thread's write to its code is seen at
 * its next exit only (a write fault in this thread sets exit_request).
 */
static void gen_loop_back(X86Gen *g)
{
    CodeBuf *cb = g->cb;
    X86VcState saved;
    x86_vc_save(g, &saved);
    x86_alu_mi(cb, X86_CMP, false, X86_REG_CPU, (int32_t)offsetof(CPUCommon, exit_request), 0);
    uint8_t *leave = x86_jcc32(cb, X86_CC_NE);
    x86_ra_gpr_loop_arrange(g, &g->loop.gpr);
    x86_vc_loop_arrange(g, &g->loop.vc);
    x86_patch32(x86_jmp32(cb), g->code + g->loop_head);
    x86_patch32(leave, cb->ptr);
    x86_vc_restore(g, &saved);
    x86_gen_alu(g, &g->ctx->ops[g->op_index - 1]); /* the pc, set on the way out only */
}

static void gen_goto_tb(X86Gen *g, int slot)
{
    CodeBuf *cb = g->cb;
    if (g->op_index > 0 && gen_is_loop_pc(g, g->op_index - 1)) {
        if (g->loop_pass) {
            gen_loop_back(g);
        } else {
            g->loop_seen = true;
            x86_vc_save(g, &g->loop.vc);
            x86_ra_gpr_save(g, &g->loop.gpr);
        }
    }
    x86_ra_sync(g, false);
    while (((uintptr_t)cb->ptr + 1) & 3)
        x86_nop(cb);
    uint8_t *rel = x86_jmp32(cb);
    x86_patch32(rel, cb->ptr);
    g->tb->jmp_patch_offset[slot & 1] = (uint32_t)(rel - g->code);
}

/*
 * Inline probe of cpu->jmp_cache (the fast path of tb_lookup_for_jump):
 * jumps to the cached TB's code when its pc and flags match; falls through
 * otherwise.  Clobbers rax, rcx, rdx (nothing is cached at this point).
 */
static void gen_jmp_cache_probe(CodeBuf *cb, int pc_reg)
{
    if (pc_reg >= 0)
        x86_mov_rr(cb, true, X86_RAX, pc_reg);
    else
        x86_load(cb, true, X86_RAX, X86_REG_CPU, (int32_t)offsetof(CPUCommon, pc));
    x86_mov_rr(cb, true, X86_RCX, X86_RAX);
    x86_shift_ri(cb, X86_SHR, true, X86_RCX, 2);
    x86_mov_rr(cb, true, X86_RDX, X86_RAX);
    x86_shift_ri(cb, X86_SHR, true, X86_RDX, 2 + CPU_JMP_CACHE_BITS);
    x86_alu_rr(cb, X86_XOR, false, X86_RCX, X86_RDX);
    x86_alu_ri(cb, X86_AND, false, X86_RCX, CPU_JMP_CACHE_SIZE - 1);
    x86_load(cb, true, X86_RDX, X86_REG_CPU, (int32_t)offsetof(CPUCommon, jmp_cache));
    x86_op_mem(cb, X86_OPC_MOV_LOAD | X86_P_W, X86_RDX, X86_RDX, X86_RCX, 3, 0);
    x86_test_rr(cb, true, X86_RDX, X86_RDX);
    uint8_t *miss1 = x86_jcc8(cb, X86_CC_E);
    x86_op_md(cb, 0x3bu | X86_P_W, X86_RAX, X86_RDX, (int32_t)offsetof(TB, pc)); /* cmp */
    uint8_t *miss2 = x86_jcc8(cb, X86_CC_NE);
    x86_load(cb, false, X86_RCX, X86_REG_CPU, (int32_t)offsetof(CPUCommon, tb_flags));
    x86_op_md(cb, 0x3bu, X86_RCX, X86_RDX, (int32_t)offsetof(TB, flags));
    uint8_t *miss3 = x86_jcc8(cb, X86_CC_NE);
    x86_op_md(cb, X86_OPC_GRP5, 4, X86_RDX, (int32_t)offsetof(TB, code)); /* jmp *code */
    x86_patch8(miss1, cb->ptr);
    x86_patch8(miss2, cb->ptr);
    x86_patch8(miss3, cb->ptr);
}

/* The register caching the global backed by CPUCommon.pc, or -1. */
static int gen_pc_reg(const X86Gen *g)
{
    for (int r = 0; r < 16; r++) {
        IrTemp t = g->reg_temp[r];
        if (t == IR_TEMP_NONE)
            continue;
        const IrTempInfo *ti = &g->ctx->temps[t];
        if (ti->kind == IR_TEMP_GLOBAL && ti->type == IR_I64 &&
            ti->env_offset == (int32_t)offsetof(CPUCommon, pc))
            return r;
    }
    return -1;
}

static void gen_lookup_and_goto(X86Gen *g)
{
    x86_ra_sync(g, false);
    gen_jmp_cache_probe(g->cb, gen_pc_reg(g));
    x86_mov_rr(g->cb, true, X86_RDI, X86_REG_CPU);
    x86_call_abs(g->cb, (const void *)tb_lookup_for_jump, X86_RAX);
    x86_jmp_r(g->cb, X86_RAX);
}

static void gen_brcond(X86Gen *g, const IrOp *op)
{
    IrCond c = (IrCond)ir_cst(op, 0);
    uint32_t label = (uint32_t)ir_cst(op, 1);
    bool carry = label < g->ctx->nlabels && g->label_carry[label];
    if (carry)
        x86_ra_sync_gprs(g, X86_RA_LOCAL);
    else
        x86_ra_sync(g, true);
    if (c == IR_COND_ALWAYS) {
        gen_fixup(g, label, x86_jmp32(g->cb));
    } else if (c != IR_COND_NEVER) {
        X86Cond cc = x86_gen_compare(g, (IrType)op->type, c, ir_in(op, 0), ir_in(op, 1));
        gen_fixup(g, label, x86_jcc32(g->cb, cc));
    }
    if (!carry) {
        x86_ra_end_bb(g);
        return;
    }
    x86_vc_save(g, &g->label_vc[label]);
    x86_ra_gpr_save(g, &g->label_gpr[label]);
    x86_ra_end_bb(g);
    x86_vc_restore(g, &g->label_vc[label]); /* the fallthrough keeps it too */
}

static void gen_set_label(X86Gen *g, uint32_t label)
{
    bool carry = label < g->ctx->nlabels && g->label_carry[label];
    x86_ra_sync(g, true); /* with carry, nothing is cached: the previous op left the TB */
    x86_ra_drop(g, X86_RA_ALL);
    x86_ra_end_bb(g);
    if (carry) {
        x86_vc_restore(g, &g->label_vc[label]);
        x86_ra_gpr_restore(g, &g->label_gpr[label]);
    }
    if (label < g->ctx->nlabels)
        g->label_off[label] = gen_off(g);
}

/* Fills g->label_carry: labels reached only from one earlier brcond and not by falling
 * through (the op before them leaves the TB or jumps). */
static void gen_find_carry_labels(X86Gen *g)
{
    enum { DEFINED = 1, COND_BEFORE = 2, NO_FALLTHROUGH = 4 };
    IrContext *ctx = g->ctx;
    uint32_t *refs = ir_scratch_zero(ctx, (ctx->nlabels + 1) * sizeof(*refs));
    uint8_t *bits = ir_scratch_zero(ctx, ctx->nlabels + 1);
    for (uint32_t i = 0; i < ctx->nops; i++) {
        const IrOp *op = &ctx->ops[i];
        uint32_t l = op->opc == IR_OP_br       ? (uint32_t)ir_cst(op, 0)
                     : op->opc == IR_OP_brcond ? (uint32_t)ir_cst(op, 1)
                                               : UINT32_MAX;
        if (l < ctx->nlabels) {
            refs[l]++;
            if (op->opc == IR_OP_brcond && !(bits[l] & DEFINED))
                bits[l] |= COND_BEFORE;
        }
        if (op->opc != IR_OP_set_label || (l = (uint32_t)ir_cst(op, 0)) >= ctx->nlabels)
            continue;
        int prev = i ? ctx->ops[i - 1].opc : IR_OP_nop;
        bits[l] |= DEFINED;
        if (prev == IR_OP_exit_tb || prev == IR_OP_br || prev == IR_OP_lookup_and_goto)
            bits[l] |= NO_FALLTHROUGH;
    }
    for (uint32_t l = 0; l < ctx->nlabels; l++)
        g->label_carry[l] = refs[l] == 1 && (bits[l] & COND_BEFORE) && (bits[l] & NO_FALLTHROUGH);
}

static void gen_insn_start(X86Gen *g, uint64_t pc)
{
    g->tb->insn_host_off[g->ninsn] = gen_off(g);
    g->tb->insn_guest_pc[g->ninsn] = pc;
    g->ninsn++;
}

/* Ops that leave the block for good: nothing is cached after them. */
static void gen_leave(X86Gen *g)
{
    x86_ra_drop(g, X86_RA_ALL);
    x86_ra_end_bb(g);
}

static void gen_op(X86Gen *g, const IrOp *op)
{
    if (!x86_vc_op_aware(op->opc)) /* an op the vector-register cache does not know */
        x86_vc_call(g);
    if (g->loop_pass && gen_is_loop_pc(g, g->op_index))
        return; /* a self loop's back edge sets the pc when it leaves (gen_loop_back) */
    switch (op->opc) {
    case IR_OP_nop:
    case IR_OP_discard: /* liveness only: dirty values are still written back at block ends */
        break;
    case IR_OP_insn_start:
        gen_insn_start(g, ir_cst(op, 0));
        break;
    case IR_OP_set_label:
        gen_set_label(g, (uint32_t)ir_cst(op, 0));
        break;
    case IR_OP_br:
        x86_ra_sync(g, true);
        gen_fixup(g, (uint32_t)ir_cst(op, 0), x86_jmp32(g->cb));
        gen_leave(g);
        break;
    case IR_OP_brcond:
        gen_brcond(g, op);
        break;
    case IR_OP_goto_tb:
        gen_goto_tb(g, (int)ir_cst(op, 0));
        break;
    case IR_OP_exit_tb:
        x86_ra_sync(g, false);
        gen_exit(g, (uint32_t)ir_cst(op, 0));
        gen_leave(g);
        break;
    case IR_OP_lookup_and_goto:
        gen_lookup_and_goto(g);
        gen_leave(g);
        break;
    case IR_OP_call:
        x86_gen_call_fn(g, op, (const void *)(uintptr_t)ir_cst(op, 0), (unsigned)ir_cst(op, 1));
        break;
    case IR_OP_mb:
        if (ir_cst(op, 0) & IR_MB_ST_LD)
            x86_mfence(g->cb);
        break;
    case IR_OP_ld:
    case IR_OP_st:
        x86_fault_begin(g);
        x86_gen_ld_st(g, op);
        x86_fault_end(g);
        break;
    case IR_OP_ld_env:
    case IR_OP_st_env:
    case IR_OP_mov_env128:
        x86_gen_env(g, op);
        break;
    case IR_OP_ld_v128:
    case IR_OP_st_v128:
        x86_fault_begin(g);
        x86_gen_v128(g, op);
        x86_fault_end(g);
        break;
    case IR_OP_vec:
        x86_gen_vec(g, op);
        break;
    case IR_OP_cmpxchg:
        x86_fault_begin(g);
        x86_gen_cmpxchg(g, op);
        x86_fault_end(g);
        break;
    case IR_OP_atomic_rmw:
        x86_fault_begin(g);
        x86_gen_atomic_rmw(g, op);
        x86_fault_end(g);
        break;
    case IR_OP_fp_env:
    case IR_OP_fp_int:
    case IR_OP_fp_from_int:
        x86_gen_fp(g, op);
        break;
    default:
        x86_gen_alu(g, op);
        break;
    }
    x86_mem_track(g, op);
    x86_ra_end_op(g, op);
}

static void gen_free(X86Gen *g)
{
    free(g->fixups);
    free(g->fp_stubs);
    free(g->wild_stubs);
    free(g->live);
    free(g->live_regs);
}

/* Allocates the per-TB tables (the per-pass ones in ctx's scratch memory); false on out of
 * memory. */
static bool gen_setup(X86Gen *g)
{
    IrContext *ctx = g->ctx;
    uint32_t n = 0;
    for (uint32_t i = 0; i < ctx->nops; i++)
        n += ctx->ops[i].opc == IR_OP_insn_start;
    g->ts = ir_scratch(ctx, sizeof(*g->ts) * (ctx->ntemps + 1));
    g->dead = ir_scratch(ctx, sizeof(*g->dead) * (ctx->nops + 1));
    g->label_off = ir_scratch(ctx, sizeof(*g->label_off) * (ctx->nlabels + 1));
    g->label_carry = ir_scratch_zero(ctx, ctx->nlabels + 1);
    g->label_vc = ir_scratch_zero(ctx, (ctx->nlabels + 1) * sizeof(*g->label_vc));
    g->label_gpr = ir_scratch_zero(ctx, (ctx->nlabels + 1) * sizeof(*g->label_gpr));
    g->slot_owner = ir_scratch(ctx, sizeof(*g->slot_owner) * X86_FRAME_SLOTS);
    TB *tb = g->tb;
    free(tb->insn_host_off);
    free(tb->insn_guest_pc);
    tb->insn_host_off = malloc(sizeof(uint32_t) * (n + 1));
    tb->insn_guest_pc = malloc(sizeof(uint64_t) * (n + 1));
    tb->ninsn_starts = 0;
    free(tb->live);
    tb->live = NULL;
    tb->live_regs = NULL;
    tb->nlive = 0;
    if (!tb->insn_host_off || !tb->insn_guest_pc)
        return false;
    gen_find_carry_labels(g);
    for (uint32_t i = 0; i < ctx->nlabels; i++)
        g->label_off[i] = UINT32_MAX;
    x86_ra_init(g);
    x86_ra_liveness(g);
    return g->err == 0;
}

/* Emits the body; false when out of room (-ENOSPC) or on failure. */
static int gen_body(X86Gen *g)
{
    CodeBuf *cb = g->cb;
    x86_alu_mi(cb, X86_CMP, false, X86_REG_CPU, (int32_t)offsetof(CPUCommon, exit_request), 0);
    g->exit_req_jcc = x86_jcc32(cb, X86_CC_NE);
    if (g->loop_pass) {
        x86_vc_loop_enter(g, &g->loop.vc);
        x86_ra_gpr_loop_enter(g, &g->loop.gpr);
        x86_fp_loop_enter(g);
        g->loop_head = gen_off(g);
    }
    for (uint32_t i = 0; i < g->ctx->nops; i++) {
        if (codebuf_room(cb) < X86_OP_MARGIN)
            return -ENOSPC;
        g->op_index = i;
        gen_op(g, &g->ctx->ops[i]);
        if (g->err)
            return g->err;
    }
    if (codebuf_room(cb) < X86_OP_MARGIN)
        return -ENOSPC;
    /* Falling off the end (no exit op) leaves with IR_EXIT_NEXT; cpu->pc is the frontend's. */
    x86_ra_sync(g, false);
    gen_exit(g, IR_EXIT_NEXT);
    x86_patch32(g->exit_req_jcc, cb->ptr);
    gen_exit(g, IR_EXIT_REQUESTED);
    int rc = x86_fp_emit_stubs(g);
    if (!rc)
        rc = x86_mem_emit_stubs(g);
    if (rc)
        return rc;
    for (uint32_t i = 0; i < g->nfixups; i++) {
        uint32_t l = g->fixups[i].label;
        if (l >= g->ctx->nlabels || g->label_off[l] == UINT32_MAX)
            return -EINVAL;
        x86_patch32(g->code + g->fixups[i].off, g->code + g->label_off[l]);
    }
    return 0;
}

/* One code generation of ctx; with loop non-NULL, the second pass of a self loop. */
static int gen_pass(IrContext *ctx, TB *tb, CodeBuf *cb, const X86LoopState *loop, bool *loop_seen,
                    X86LoopState *loop_out)
{
    uint8_t *start = cb->ptr;
    X86Gen *g = ir_scratch_zero(ctx, sizeof(*g));
    g->ctx = ctx;
    g->tb = tb;
    g->cb = cb;
    g->feat = x86_features();
    if (loop) {
        g->loop_pass = true;
        g->loop = *loop;
    }
    int rc = -ENOMEM;
    if (codebuf_room(cb) < 2 * X86_OP_MARGIN) {
        rc = -ENOSPC;
        goto out;
    }
    if (!gen_setup(g)) {
        rc = g->err ? g->err : -ENOMEM;
        goto out;
    }
    while ((uintptr_t)cb->ptr & 15)
        x86_u8(cb, 0xcc);
    g->code = cb->ptr;
    rc = gen_body(g);
    if (rc == 0 && !x86_fault_publish(g, tb))
        rc = -ENOMEM;
    if (rc == 0) {
        tb->code = g->code;
        tb->code_size = gen_off(g);
        tb->ninsn_starts = g->ninsn;
        *loop_seen = g->loop_seen;
        *loop_out = g->loop;
        for (int r = 0; r < 16 && g->spilled; r++) /* registers are short: preloaded */
            loop_out->gpr.temp[r] = IR_TEMP_NONE;  /* globals would only be spilled */
        /* the jmp_patch_offsets were set by goto_tb */
    }
out:
    if (rc != 0) {
        cb->ptr = start;
        tb->jmp_patch_offset[0] = tb->jmp_patch_offset[1] = ~0u;
        free(tb->insn_host_off);
        free(tb->insn_guest_pc);
        tb->insn_host_off = NULL;
        tb->insn_guest_pc = NULL;
        tb->ninsn_starts = 0;
    }
    gen_free(g);
    return rc;
}

/* A TB that jumps back to its own start is compiled twice: the first pass finds which vector
 * registers and globals are in host registers at the back edge, the second keeps them there
 * around the loop. */
int x86_codegen(IrContext *ctx, TB *tb, CodeBuf *cb)
{
    uint8_t *start = cb->ptr;
    bool loop_seen = false;
    X86LoopState loop;
    int rc = gen_pass(ctx, tb, cb, NULL, &loop_seen, &loop);
    if (rc != 0 || !loop_seen)
        return rc;
    cb->ptr = start;
    return gen_pass(ctx, tb, cb, &loop, &loop_seen, &loop);
}
