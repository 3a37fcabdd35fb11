/*
 * The out-of-line slow paths of the backend's FP ops (codegen_fp.h): the exact C helper
 * called with the vector cache written back and reloaded, and the stubs that fast paths
 * jump to when the host would not compute a result like the guest.
 */
#include "translator/x86_64/codegen_fp.h"

#include <assert.h>
#include <errno.h>
#include <string.h>

/* The caller-saved registers holding values, but for out and tmp. */
static uint16_t fp_saved_regs(const X86Gen *g, int out, int tmp)
{
    uint16_t saved = 0;
    for (int r = 0; r < 16; r++)
        if (((X86_CALLER_SAVED >> r) & 1) && r != out && r != tmp && g->reg_temp[r] != IR_TEMP_NONE)
            saved |= (uint16_t)(1u << r);
    return saved;
}

/* The call of op's helper fn(cpu, arg[, value]): the cache entries `dirty` (at CPU-state
 * offsets off) written back first, the registers `saved` preserved, the result in out (or
 * -1).  The caller reloads the cache. */
static void fp_emit_call(CodeBuf *cb, const IrOp *op, uint16_t saved, int out, int value,
                         uint8_t dirty, const int32_t *off)
{
    int regs[16], n = 0;
    for (int i = 0; i < X86_VC_SIZE; i++)
        if ((dirty >> i) & 1)
            x86_vex_md(cb, X86_V_MOVUPS_STORE, 8 + i, 0, X86_REG_CPU, off[i]);
    for (int r = 0; r < 16; r++)
        if ((saved >> r) & 1)
            regs[n++] = r;
    for (int i = 0; i < n; i++)
        x86_push(cb, regs[i]);
    if (n & 1)
        x86_alu_ri(cb, X86_SUB, true, X86_RSP, 8);
    if (value >= 0 && value != X86_RDX) /* fn(cpu, arg, value) */
        x86_mov_rr(cb, true, X86_RDX, value);
    x86_mov_rr(cb, true, X86_RDI, X86_REG_CPU);
    x86_movi_keepflags(cb, true, X86_RSI, ir_cst(op, 3));
    x86_call_abs(cb, (const void *)(uintptr_t)ir_cst(op, 2), X86_RAX);
    if (n & 1)
        x86_alu_ri(cb, X86_ADD, true, X86_RSP, 8);
    if (out >= 0 && out != X86_RAX)
        x86_mov_rr(cb, true, out, X86_RAX);
    for (int i = n - 1; i >= 0; i--)
        x86_pop(cb, regs[i]);
}

/*
 * The exact helper fn(cpu, arg), out of line: cached vector registers are written back
 * first and reloaded after (the cache state is the fast path's), the caller-saved
 * registers that hold values are preserved (except `out`, which receives the result,
 * and the scratch register).
 */
void x86_fp_call_slow(X86Gen *g, const IrOp *op, int out, int tmp, int value)
{
    fp_emit_call(g->cb, op, fp_saved_regs(g, out, tmp), out, value, g->vc_dirty, g->vc_off);
    x86_vc_reload(g);
    g->fpk_esz = 0;
}

/* A stub for op with the current register and cache state; NULL on out of memory. */
X86FpStub *x86_fp_stub(X86Gen *g, const IrOp *op, int out, int tmp, int value)
{
    X86FpStub *st = x86_gen_push(g, &g->fp_stubs, &g->nfp_stubs, &g->fp_stubs_cap, sizeof(*st));
    if (!st)
        return NULL;
    memset(st, 0, sizeof(*st));
    st->op = op;
    st->out = out, st->tmp = tmp, st->value = value;
    st->res = 0, st->restore = -1;
    st->saved = fp_saved_regs(g, out, tmp);
    st->vc_valid = g->vc_valid, st->vc_dirty = g->vc_dirty;
    memcpy(st->vc_off, g->vc_off, sizeof(st->vc_off));
    return st;
}

/* The op's code ends here: the stub returns here. */
void x86_fp_stub_end(X86Gen *g, X86FpStub *st)
{
    st->done = g->cb->ptr;
    st->fpk_esz = g->fpk_esz;
    if (!st->nsites && !st->rare)
        g->nfp_stubs--; /* nothing jumps to it */
}

void x86_fp_stub_site(X86FpStub *st, uint8_t *rel)
{
    if (st && rel) {
        assert(st->nsites < (int)(sizeof(st->sites) / sizeof(st->sites[0])));
        st->sites[st->nsites++] = rel;
    }
}

static void fp_emit_stub(X86Gen *g, const X86FpStub *st)
{
    CodeBuf *cb = g->cb;
    if (st->rare) {
        /* Lanes below twice the smallest normal (FPCR.FZ clear: the guard) are the guest's
         * result, flags included, unless a NaN or exactly the smallest normal: a subnormal
         * or zero result is tiny before and after rounding alike, and so is a result in
         * between the smallest normal and twice it on neither side.  xmm0 is kept. */
        unsigned movmsk = X86_V_MOVMSKPS | (unsigned)st->pp << 10;
        x86_patch32(st->rare, cb->ptr);
        bool dbl = st->pp == 1;
        /* |x| == min normal as integers (no host flags): 2 * bits(|x|) == bits(2 * min) */
        x86_vex_rr3(cb, X86_V_ANDPS, 4, st->res, FP_XABS);
        x86_vex_rr3(cb, X86_VEX(1, 1, 0, dbl ? 0xd4 : 0xfe), 4, 4, 4); /* vpaddq / vpaddd */
        x86_vex_rr3(cb, dbl ? X86_VEX(2, 1, 0, 0x29) : X86_VEX(1, 1, 0, 0x76), 4, 4, FP_XMIN2);
        x86_vex_rr3(cb, X86_VEX(1, st->pp, 0, X86_V_CMP), 3, st->res, st->res); /* quiet */
        x86_u8(cb, X86_VCMP_UNORD_Q);
        x86_vex_rr3(cb, X86_V_ORPS, 3, 3, 4);
        x86_vex_rr3(cb, movmsk, st->tmp, 0, 3);
        x86_test_ri(cb, false, st->tmp, st->lanes);
        x86_patch32(x86_jcc32(cb, X86_CC_E), st->ok);
    }
    for (int i = 0; i < st->nsites; i++)
        x86_patch32(st->sites[i], cb->ptr);
    if (st->restore >= 0) /* an in-place op: its destination's old value, kept in xmm0 */
        x86_vex_rr3(cb, X86_V_MOVAPS, st->restore, 0, 0);
    fp_emit_call(cb, st->op, st->saved, st->out, st->value, st->vc_dirty, st->vc_off);
    for (int i = 0; i < X86_VC_SIZE; i++)
        if ((st->vc_valid >> i) & 1)
            x86_vex_md(cb, X86_V_MOVUPS_LOAD, 8 + i, 0, X86_REG_CPU, st->vc_off[i]);
    if (st->fpk_esz)
        x86_fp_consts_load(cb, st->fpk_esz, st->tmp);
    x86_jmp_to(cb, st->done);
}

int x86_fp_emit_stubs(X86Gen *g)
{
    for (uint32_t i = 0; i < g->nfp_stubs; i++) {
        if (codebuf_room(g->cb) < 1024)
            return -ENOSPC;
        fp_emit_stub(g, &g->fp_stubs[i]);
    }
    return 0;
}
