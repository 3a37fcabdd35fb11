/*
 * The vector-register cache: 16-byte CPU-state fields (guest vector registers)
 * kept in xmm8..xmm15 within a basic block, so that a chain of guest FP/vector
 * ops does not go through memory between instructions.
 *
 * An entry is clean (memory holds its value too) or dirty.  Dirty entries are
 * written back wherever the CPU state must be current: x86_ra_sync (block
 * ends, exits, calls that see globals), any other access to the
 * bytes (x86_vc_env_access, from x86_ra_env_access), and before helper calls,
 * which also clobber every xmm register (x86_vc_call).  Entries die at block
 * ends.  Only used on hosts with AVX (VEX moves); the cache stays empty
 * otherwise.
 */
#include "translator/x86_64/codegen.h"

#include <assert.h>
#include <errno.h>
#include <stdlib.h>

#define VC_BASE 8 /* xmm8 */

static int vc_reg(int i)
{
    return VC_BASE + i;
}

static void vc_store(X86Gen *g, int i)
{
    x86_vex_md(g->cb, X86_V_MOVUPS_STORE, vc_reg(i), 0, X86_REG_CPU, g->vc_off[i]);
}

static uint64_t vc_partial_bit(int32_t off)
{
    return 1ull << ((off >> 4) & 63);
}

/* A field written in pieces in this TB (scalar guest loads, lane inserts) is loaded as two
 * 8-byte halves, which forward from those stores where one 16-byte load would stall;
 * others (written back whole by this cache) with one load. */
static void vc_load(X86Gen *g, int i)
{
    if (!(g->vc_partial & vc_partial_bit(g->vc_off[i]))) {
        x86_vex_md(g->cb, X86_V_MOVUPS_LOAD, vc_reg(i), 0, X86_REG_CPU, g->vc_off[i]);
        return;
    }
    x86_vex_md(g->cb, X86_V_MOVQ_LOAD, vc_reg(i), 0, X86_REG_CPU, g->vc_off[i]);
    x86_vex_md(g->cb, X86_V_PINSR | 1u << 12, vc_reg(i), vc_reg(i), X86_REG_CPU, g->vc_off[i] + 8);
    x86_u8(g->cb, 1);
}

void x86_vc_flush(X86Gen *g)
{
    for (int i = 0; i < X86_VC_SIZE; i++)
        if ((g->vc_dirty >> i) & 1)
            vc_store(g, i);
    g->vc_dirty = 0;
}

void x86_vc_drop(X86Gen *g)
{
    g->vc_valid = g->vc_dirty = 0;
}

void x86_vc_call(X86Gen *g)
{
    x86_vc_flush(g);
    x86_vc_drop(g);
}

void x86_vc_reload(X86Gen *g)
{
    for (int i = 0; i < X86_VC_SIZE; i++)
        if ((g->vc_valid >> i) & 1)
            vc_load(g, i);
}

void x86_vc_env_access(X86Gen *g, int32_t off, int32_t size, bool write)
{
    if (write && size < 16)
        g->vc_partial |= vc_partial_bit(off) | vc_partial_bit(off + size - 1);
    for (int i = 0; i < X86_VC_SIZE; i++) {
        if (!((g->vc_valid >> i) & 1) || g->vc_off[i] + 16 <= off || off + size <= g->vc_off[i])
            continue;
        if ((g->vc_dirty >> i) & 1)
            vc_store(g, i);
        g->vc_dirty &= (uint8_t) ~(1u << i);
        if (write)
            g->vc_valid &= (uint8_t) ~(1u << i);
    }
}

static int vc_find(const X86Gen *g, int32_t off)
{
    for (int i = 0; i < X86_VC_SIZE; i++)
        if (((g->vc_valid >> i) & 1) && g->vc_off[i] == off)
            return i;
    return -1;
}

/* A free entry, else the least recently used one not locked by the current op. */
static int vc_alloc(X86Gen *g, int32_t off)
{
    int best = -1;
    for (int i = 0; i < X86_VC_SIZE; i++) {
        if (!((g->vc_valid >> i) & 1)) {
            best = i;
            break;
        }
        if (!((g->vc_locked >> i) & 1) && (best < 0 || g->vc_use[i] < g->vc_use[best]))
            best = i;
    }
    assert(best >= 0 && "vector cache: every entry locked");
    g->fault.vmask &= (uint8_t) ~(1u << best); /* its register gets another field (stored first) */
    if (((g->vc_valid & g->vc_dirty) >> best) & 1)
        vc_store(g, best);
    g->vc_dirty &= (uint8_t) ~(1u << best);
    g->vc_valid |= (uint8_t)(1u << best);
    g->vc_off[best] = off;
    return best;
}

static int vc_use(X86Gen *g, int i)
{
    g->vc_use[i] = ++g->clock;
    g->vc_locked |= (uint8_t)(1u << i);
    return vc_reg(i);
}

int x86_vc_get(X86Gen *g, int32_t off)
{
    int i = vc_find(g, off);
    if (i < 0) {
        i = vc_alloc(g, off);
        vc_load(g, i);
    }
    return vc_use(g, i);
}

int x86_vc_peek(X86Gen *g, int32_t off)
{
    int i = vc_find(g, off);
    return i < 0 ? -1 : vc_use(g, i);
}

int x86_vc_def(X86Gen *g, int32_t off, bool load)
{
    int i = vc_find(g, off);
    if (i < 0) {
        i = vc_alloc(g, off);
        if (load)
            vc_load(g, i);
    }
    g->vc_dirty |= (uint8_t)(1u << i);
    return vc_use(g, i);
}

/* The entry holding [off, off + size) whole, or -1. */
static int vc_covering(const X86Gen *g, int32_t off, int size)
{
    for (int i = 0; i < X86_VC_SIZE; i++)
        if (((g->vc_valid >> i) & 1) && g->vc_off[i] <= off && off + size <= g->vc_off[i] + 16 &&
            (off - g->vc_off[i]) % size == 0)
            return i;
    return -1;
}

bool x86_vc_covers(const X86Gen *g, int32_t off, int size)
{
    return vc_covering(g, off, size) >= 0;
}

bool x86_vc_ld_env(X86Gen *g, int32_t off, bool is64, int r)
{
    int size = is64 ? 8 : 4, i = vc_covering(g, off, size);
    if (i < 0)
        return false;
    x86_vex_rr3(g->cb, X86_V_PEXTR | (unsigned)is64 << 12, vc_reg(i), 0, r);
    x86_u8(g->cb, (uint8_t)((off - g->vc_off[i]) / size));
    return true;
}

bool x86_vc_st_env(X86Gen *g, int32_t off, bool is64, int r)
{
    int size = is64 ? 8 : 4, i = vc_covering(g, off, size);
    if (i < 0)
        return false;
    x86_vex_rr3(g->cb, X86_V_PINSR | (unsigned)is64 << 12, vc_reg(i), vc_reg(i), r);
    x86_u8(g->cb, (uint8_t)((off - g->vc_off[i]) / size));
    g->vc_dirty |= (uint8_t)(1u << i);
    return true;
}

bool x86_vc_mov128(X86Gen *g, int32_t dst, int32_t src)
{
    int i = vc_find(g, src);
    if (i < 0)
        return false;
    int xs = vc_use(g, i);
    x86_vc_env_access(g, dst, 16, true);
    int xd = x86_vc_def(g, dst, false);
    x86_vex_rr3(g->cb, X86_V_MOVAPS, xd, 0, xs);
    return true;
}

bool x86_vc_op_aware(int opc)
{
    /* The ops whose code generation keeps the cache coherent (CPU-state accesses through
     * x86_ra_env_access, calls through x86_gen_call_fn).  An op added later is not in the
     * table, so the cache is written back and emptied before it until it is reviewed. */
    static const bool aware[IR_OP_COUNT] = {
        [IR_OP_nop] = true,
        [IR_OP_mov] = true,
        [IR_OP_add] = true,
        [IR_OP_sub] = true,
        [IR_OP_mul] = true,
        [IR_OP_mulsh] = true,
        [IR_OP_muluh] = true,
        [IR_OP_div] = true,
        [IR_OP_divu] = true,
        [IR_OP_rem] = true,
        [IR_OP_remu] = true,
        [IR_OP_and] = true,
        [IR_OP_or] = true,
        [IR_OP_xor] = true,
        [IR_OP_andc] = true,
        [IR_OP_orc] = true,
        [IR_OP_eqv] = true,
        [IR_OP_neg] = true,
        [IR_OP_not] = true,
        [IR_OP_shl] = true,
        [IR_OP_shr] = true,
        [IR_OP_sar] = true,
        [IR_OP_rotl] = true,
        [IR_OP_rotr] = true,
        [IR_OP_extract] = true,
        [IR_OP_sextract] = true,
        [IR_OP_deposit] = true,
        [IR_OP_ext8s] = true,
        [IR_OP_ext8u] = true,
        [IR_OP_ext16s] = true,
        [IR_OP_ext16u] = true,
        [IR_OP_ext32s] = true,
        [IR_OP_ext32u] = true,
        [IR_OP_extu_i32] = true,
        [IR_OP_exts_i32] = true,
        [IR_OP_trunc_i64] = true,
        [IR_OP_bswap16] = true,
        [IR_OP_bswap32] = true,
        [IR_OP_bswap64] = true,
        [IR_OP_clz] = true,
        [IR_OP_ctz] = true,
        [IR_OP_ctpop] = true,
        [IR_OP_setcond] = true,
        [IR_OP_movcond] = true,
        [IR_OP_set_label] = true,
        [IR_OP_br] = true,
        [IR_OP_brcond] = true,
        [IR_OP_ld_env] = true,
        [IR_OP_st_env] = true,
        [IR_OP_mov_env128] = true,
        [IR_OP_ld] = true,
        [IR_OP_st] = true,
        [IR_OP_ld_v128] = true,
        [IR_OP_st_v128] = true,
        [IR_OP_cmpxchg] = true,
        [IR_OP_atomic_rmw] = true,
        [IR_OP_mb] = true,
        [IR_OP_call] = true,
        [IR_OP_fp_env] = true,
        [IR_OP_fp_int] = true,
        [IR_OP_fp_from_int] = true,
        [IR_OP_discard] = true,
        [IR_OP_vec] = true,
        [IR_OP_insn_start] = true,
        [IR_OP_goto_tb] = true,
        [IR_OP_exit_tb] = true,
        [IR_OP_lookup_and_goto] = true,
    };
    return opc < IR_OP_COUNT && aware[opc];
}

void x86_vc_save(const X86Gen *g, X86VcState *s)
{
    for (int i = 0; i < X86_VC_SIZE; i++)
        s->off[i] = g->vc_off[i];
    s->valid = g->vc_valid;
    s->dirty = g->vc_dirty;
}

void x86_vc_restore(X86Gen *g, const X86VcState *s)
{
    for (int i = 0; i < X86_VC_SIZE; i++)
        g->vc_off[i] = s->off[i];
    g->vc_valid = s->valid;
    g->vc_dirty = s->dirty;
}

void x86_vc_loop_enter(X86Gen *g, const X86VcState *s)
{
    g->vc_valid = g->vc_dirty = 0;
    for (int i = 0; i < X86_VC_SIZE; i++) {
        if (!((s->valid >> i) & 1))
            continue;
        g->vc_off[i] = s->off[i];
        vc_load(g, i);
    }
    g->vc_valid = g->vc_dirty = s->valid;
}

void x86_vc_loop_arrange(X86Gen *g, const X86VcState *s)
{
    uint8_t keep = 0;
    for (int i = 0; i < X86_VC_SIZE; i++)
        if (((g->vc_valid & s->valid) >> i) & 1 && g->vc_off[i] == s->off[i])
            keep |= (uint8_t)(1u << i);
    for (int i = 0; i < X86_VC_SIZE; i++) /* memory becomes current for every other field */
        if (((g->vc_valid & g->vc_dirty & ~keep) >> i) & 1)
            vc_store(g, i);
    for (int i = 0; i < X86_VC_SIZE; i++) {
        if (!(((s->valid & ~keep) >> i) & 1))
            continue;
        g->vc_off[i] = s->off[i];
        vc_load(g, i);
    }
    g->vc_valid = g->vc_dirty = s->valid;
}

void x86_vc_evict(X86Gen *g, int i)
{
    if (((g->vc_valid & g->vc_dirty) >> i) & 1)
        vc_store(g, i);
    g->vc_valid &= (uint8_t) ~(1u << i);
    g->vc_dirty &= (uint8_t) ~(1u << i);
}

void x86_vc_forget(X86Gen *g, int32_t off)
{
    int i = vc_find(g, off);
    if (i >= 0) {
        g->vc_valid &= (uint8_t) ~(1u << i);
        g->vc_dirty &= (uint8_t) ~(1u << i);
    }
}
