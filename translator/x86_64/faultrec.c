/*
 * Fault records of the x86-64 backend: which host registers hold guest state at each guest
 * memory access that may fault, and the fault hook that copies them into the CPU state.
 *
 * Generated code does not write dirty guest globals (general registers) or dirty
 * vector-cache entries (xmm8..xmm15) back before a guest load or store.  Each such op
 * instead leaves a TBLive record in its TB: for its host code range, the registers whose
 * values the CPU state lacks.  The host SIGSEGV/SIGBUS handler (signals/signals.c) calls
 * x86_fault_restore, which copies those registers from the signal's ucontext into the CPU
 * state, so the guest sees exact registers at the faulting instruction.  Faults that retry
 * the access (a write to a page holding translated code) change no state and need no
 * record.  TBLiveReg.reg numbering here: 0..15 the general registers (x86 encoding order),
 * X86_LIVE_XMM + n register xmm n.
 */
#include "translator/x86_64/codegen.h"

#include <stdlib.h>
#include <string.h>
#include <ucontext.h>

#define X86_LIVE_XMM 16
#define VC_BASE 8 /* the vector cache's first register, xmm8 (vcache.c) */

void x86_fault_begin(X86Gen *g)
{
    X86FaultRec *f = &g->fault;
    f->start = (uint32_t)(g->cb->ptr - g->code);
    f->vmask = g->vc_valid & g->vc_dirty;
    f->gmask = 0;
    f->trap_reg = -1;
    for (int i = 0; i < X86_VC_SIZE; i++) {
        f->voff[i] = g->vc_off[i];
        if (((f->vmask >> i) & 1) && (uint32_t)g->vc_off[i] > UINT16_MAX - 16) {
            x86_vc_flush(g); /* XXX: a CPU state too large for a record's offset */
            f->vmask = 0;
        }
    }
}

/* The registers holding dirty globals now; a global whose offset does not fit a record is
 * written back instead. */
void x86_fault_access(X86Gen *g, int index)
{
    X86FaultRec *f = &g->fault;
    f->gmask = 0;
    f->trap_reg = (int8_t)index;
    for (int r = 0; r < 16; r++) {
        IrTemp t = g->reg_temp[r];
        if (t == IR_TEMP_NONE || g->ctx->temps[t].kind != IR_TEMP_GLOBAL || g->ts[t].mem_ok)
            continue;
        const IrTempInfo *ti = &g->ctx->temps[t];
        if ((uint32_t)ti->env_offset > UINT16_MAX - 8) {
            x86_ra_writeback(g, t);
            continue;
        }
        f->greg[r] = (TBLiveReg){(uint16_t)ti->env_offset, (uint8_t)r,
                                 (uint8_t)(ti->type == IR_I64 ? 8 : 4)};
        f->gmask |= (uint16_t)(1u << r);
    }
}

/* Appends one entry to the records' entry list. */
static void fault_push_reg(X86Gen *g, TBLiveReg e)
{
    TBLiveReg *n = x86_gen_push(g, &g->live_regs, &g->nlive_regs, &g->live_regs_cap, sizeof(*n));
    if (n)
        *n = e;
}

void x86_fault_end(X86Gen *g)
{
    X86FaultRec *f = &g->fault;
    if (!f->vmask && !f->gmask)
        return;
    TBLive rec = {f->start, (uint32_t)(g->cb->ptr - g->code), g->nlive_regs, 0, f->trap_reg};
    for (int r = 0; r < 16; r++)
        if ((f->gmask >> r) & 1)
            fault_push_reg(g, f->greg[r]);
    for (int i = 0; i < X86_VC_SIZE; i++)
        if ((f->vmask >> i) & 1)
            fault_push_reg(
                g, (TBLiveReg){(uint16_t)f->voff[i], (uint8_t)(X86_LIVE_XMM + VC_BASE + i), 16});
    rec.n = (uint16_t)(g->nlive_regs - rec.first);
    TBLive *n = x86_gen_push(g, &g->live, &g->nlive, &g->live_cap, sizeof(*n));
    if (n)
        *n = rec;
}

bool x86_fault_publish(X86Gen *g, TB *tb)
{
    free(tb->live);
    tb->live = NULL;
    tb->live_regs = NULL;
    tb->nlive = 0;
    if (!g->nlive)
        return true;
    size_t recs = g->nlive * sizeof(TBLive), regs = g->nlive_regs * sizeof(TBLiveReg);
    char *p = malloc(recs + regs);
    if (!p)
        return false;
    memcpy(p, g->live, recs);
    memcpy(p + recs, g->live_regs, regs);
    tb->live = (TBLive *)p;
    tb->live_regs = (TBLiveReg *)(p + recs);
    tb->nlive = g->nlive;
    return true;
}

/* ucontext general-register index of each x86 register number. */
static const int8_t fault_greg[16] = {
    REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
    REG_R8,  REG_R9,  REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15,
};

void x86_fault_restore(CPUCommon *cpu, const TB *tb, uintptr_t host_pc, const void *host_uc,
                       bool wild_trap)
{
    const TBLive *l = tb_live_at(tb, host_pc);
    const ucontext_t *uc = host_uc;
    if (!l)
        return;
    for (uint32_t i = 0; i < l->n; i++) {
        const TBLiveReg *e = &tb->live_regs[l->first + i];
        const void *src;
        if (e->reg >= X86_LIVE_XMM) {
            if (!uc->uc_mcontext.fpregs)
                continue;
            src = &uc->uc_mcontext.fpregs->_xmm[e->reg - X86_LIVE_XMM];
        } else if (wild_trap && e->reg == l->trap_reg) {
            src = &cpu->wild_addr;
        } else {
            src = &uc->uc_mcontext.gregs[fault_greg[e->reg & 15]];
        }
        memcpy((char *)cpu + e->off, src, e->size);
    }
}
