/*
 * The TB cache: lookup by (guest pc, flags), translation of misses, the
 * per-thread indirect-branch jump cache, host-pc -> TB mapping for precise
 * faults, chaining, invalidation of TBs whose guest code changed (smc.c
 * finds them), and flushing when the code buffer is full.
 *
 * Lookups never take the lock: a TB is fully built before it is published
 * at the head of its hash chain with a release store.  Translation,
 * chaining and invalidation hold tr->lock.  An invalidated TB gets
 * TB_FLAGS_INVALID (so jump-cache entries stop matching), leaves its hash
 * chain, and the jumps chained to it are reset; its memory stays until the
 * next flush, as another thread may still be running it.
 *
 * The hash table starts small (a short-lived process translates a few hundred
 * blocks and should not fault in a large zeroed table) and doubles when it
 * holds more TBs than chains.  Growing relinks the TBs into a new table, then
 * publishes it; a lookup racing with it may miss a TB (tb_find looks again
 * under the lock) but never loops, as every relinked TB points to one relinked
 * before it.  Replaced tables are freed by the next flush.
 */
#include "translator/tb.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "loader/process.h"
#include "translator/exec.h"
#include "translator/interp.h"
#include "translator/smc.h"
#include "translator/translator.h"

typedef struct TbHash {
    struct TbHash *retired; /* tables this one replaced, freed by the next flush */
    uint32_t bits;
    TB *chain[];
} TbHash;

static uint32_t tb_hash(const TbHash *t, uint64_t pc, uint32_t flags)
{
    uint64_t h = (pc >> 2) ^ ((uint64_t)flags << 7);
    h *= 0x9e3779b97f4a7c15ull;
    return (uint32_t)(h >> (64 - t->bits));
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p) {
        fprintf(stderr, "ferry: out of memory\n");
        exit(127);
    }
    return p;
}

static TB *tb_hash_lookup(Translator *tr, uint64_t pc, uint32_t flags)
{
    TbHash *t = __atomic_load_n(&tr->hash, __ATOMIC_ACQUIRE);
    if (!t)
        return NULL;
    TB *tb = __atomic_load_n(&t->chain[tb_hash(t, pc, flags)], __ATOMIC_ACQUIRE);
    for (; tb; tb = __atomic_load_n(&tb->hash_next, __ATOMIC_ACQUIRE))
        if (tb->pc == pc && tb->flags == flags)
            return tb;
    return NULL;
}

/* A zeroed table of 2^bits chains replacing `old` (may be NULL), or NULL. */
static TbHash *tb_hash_new(uint32_t bits, TbHash *old)
{
    TbHash *t = calloc(1, sizeof(*t) + (sizeof(TB *) << bits));
    if (t) {
        t->bits = bits;
        t->retired = old;
    }
    return t;
}

/*
 * Makes room for one more TB (caller holds tr->lock): creates the table or
 * doubles it when full.  False only when there is no table at all (out of
 * memory); a table that cannot grow keeps longer chains.
 */
static bool tb_hash_reserve(Translator *tr)
{
    TbHash *old = tr->hash;
    if (old && (tr->nhashed < (1ull << old->bits) || old->bits >= TB_HASH_MAX_BITS))
        return true;
    TbHash *t = tb_hash_new(old ? old->bits + 1 : TB_HASH_MIN_BITS, old);
    if (!t)
        return old != NULL;
    for (uint32_t i = 0; old && i < (1u << old->bits); i++) {
        for (TB *tb = old->chain[i], *next; tb; tb = next) {
            next = tb->hash_next;
            uint32_t h = tb_hash(t, tb->pc, tb->flags);
            __atomic_store_n(&tb->hash_next, t->chain[h], __ATOMIC_RELEASE);
            t->chain[h] = tb;
        }
    }
    __atomic_store_n(&tr->hash, t, __ATOMIC_RELEASE);
    return true;
}

/* Copies the optimized IR for the interpreter; only the used parts. */
static IrContext *ir_clone(const IrContext *src)
{
    IrContext *c = xmalloc(sizeof(*c));
    *c = *src;
    c->scratch = NULL; /* the translation context's */
    c->scratch_ptr = c->scratch_end = NULL;
    c->fold_info = NULL;
    c->fold_cap = c->fold_epoch = 0;
    c->temps = xmalloc(sizeof(IrTempInfo) * (src->ntemps ? src->ntemps : 1));
    memcpy(c->temps, src->temps, sizeof(IrTempInfo) * src->ntemps);
    c->temps_cap = src->ntemps;
    c->ops = xmalloc(sizeof(IrOp) * (src->nops ? src->nops : 1));
    memcpy(c->ops, src->ops, sizeof(IrOp) * src->nops);
    c->ops_cap = src->nops;
    ir_interp_prepare(c);
    return c;
}

static void tb_free(TB *tb)
{
    if (tb->ir) {
        free(tb->ir->temps);
        free(tb->ir->ops);
        free(tb->ir);
    }
    free(tb->insn_host_off);
    free(tb->insn_guest_pc);
    free(tb->live);
    if (tb->jmp_in != tb->jmp_in_first)
        free(tb->jmp_in);
    free(tb);
}

/*
 * tr->tbs arrays replaced by a bigger one: a fault handler in another thread
 * (tb_from_host_pc) may still read them, so they are freed only by the next
 * flush, when no thread runs guest code.  One list per process.
 */
typedef struct TbsRetired {
    struct TbsRetired *next;
    TB **tbs;
} TbsRetired;
static TbsRetired *tbs_retired;

void tb_flush_locked(Translator *tr)
{
    /* Callers other than tests hold the exclusive section (tb_flush): no
     * thread runs generated code or holds a TB. */
    for (size_t i = 0; i < tr->ntbs; i++)
        tb_free(tr->tbs[i]);
    tr->ntbs = 0;
    smc_flush_locked(tr);
    while (tbs_retired) {
        TbsRetired *r = tbs_retired;
        tbs_retired = r->next;
        free(r->tbs);
        free(r);
    }
    if (tr->hash) {
        while (tr->hash->retired) {
            TbHash *r = tr->hash->retired;
            tr->hash->retired = r->retired;
            free(r);
        }
        memset(tr->hash->chain, 0, sizeof(TB *) << tr->hash->bits);
    }
    tr->nhashed = 0;
    for (size_t i = 0; i < tr->ncpus; i++)
        memset(tr->cpus[i]->jmp_cache, 0, sizeof(TB *) * CPU_JMP_CACHE_SIZE);
    codebuf_reset(&tr->cb);
    __atomic_add_fetch(&tr->flush_gen, 1, __ATOMIC_RELEASE);
}

/* Doubles tr->tbs (caller holds tr->lock); false on out of memory. */
static bool tb_grow_tbs(Translator *tr)
{
    size_t cap = tr->tbs_cap ? tr->tbs_cap * 2 : 1024;
    TB **n = malloc(cap * sizeof(*n));
    TbsRetired *r = malloc(sizeof(*r));
    if (!n || !r) {
        free(n);
        free(r);
        return false;
    }
    if (tr->ntbs)
        memcpy(n, tr->tbs, tr->ntbs * sizeof(*n));
    r->tbs = tr->tbs;
    r->next = tbs_retired;
    tbs_retired = r;
    __atomic_store_n(&tr->tbs, n, __ATOMIC_RELEASE);
    tr->tbs_cap = cap;
    return true;
}

/* Translates (pc, flags) into tr->ir and optimizes it. */
static void tb_translate_ir(Translator *tr, CPUCommon *cpu, uint64_t pc, int max_insns)
{
    IrContext *ir = tr->ir;
    ArchTranslateOpts o = tr->topts;
    if (max_insns < o.max_insns)
        o.max_insns = max_insns;
    ir_reset(ir, pc);
    tr->arch->translate(ir, cpu, &o);
    if (tr->log_mask & LOG_IN_ASM)
        tb_log_in_asm(tr, pc, ir->guest_size);
    if (tr->log_mask & LOG_OP) {
        fprintf(tr->log, "OP:\n");
        ir_dump(ir, tr->log);
        fputc('\n', tr->log);
    }
    ir_optimize(ir);
    if (tr->log_mask & LOG_OP_OPT) {
        fprintf(tr->log, "OP after optimization:\n");
        ir_dump(ir, tr->log);
        fputc('\n', tr->log);
    }
}

/*
 * Builds a TB for (pc, flags); caller holds tr->lock.  NULL with *full set
 * when the code buffer is full (the caller flushes, outside the lock, and
 * retries); NULL alone on out of memory.
 */
static TB *tb_gen_code(Translator *tr, CPUCommon *cpu, uint64_t pc, uint32_t flags, bool *full)
{
    TB *tb = calloc(1, sizeof(*tb));
    if (!tb)
        return NULL;
    tb->pc = pc;
    tb->flags = flags;
    tb->jmp_patch_offset[0] = tb->jmp_patch_offset[1] = ~0u;
    smc_prepare(tr, pc);
    tb_translate_ir(tr, cpu, pc, tr->topts.max_insns);
    if (tr->use_jit) {
        int rc = x86_codegen(tr->ir, tb, &tr->cb);
        if (rc == -ENOSPC && tr->ntbs) {
            /* Flushing needs every thread out of generated code. */
            tb_free(tb);
            *full = true;
            return NULL;
        }
        if (rc < 0 && rc != -ENOSPC) {
            /* A block the backend cannot compile (e.g. too many live values):
             * one guest instruction per block always fits. */
            tb_translate_ir(tr, cpu, pc, 1);
            rc = x86_codegen(tr->ir, tb, &tr->cb);
        }
        if (rc < 0) {
            fprintf(stderr, "ferry: cannot generate code for guest pc 0x%llx: %s\n",
                    (unsigned long long)pc, strerror(-rc));
            exit(127);
        }
        if (tr->perf_map)
            fprintf(tr->perf_map, "%lx %x guest_0x%llx\n", (unsigned long)(uintptr_t)tb->code,
                    tb->code_size, (unsigned long long)pc);
    } else {
        tb->ir = ir_clone(tr->ir);
    }
    tb->guest_size = tr->ir->guest_size;
    tb->ninsns = tr->ir->ninsns;
    if ((tr->ntbs == tr->tbs_cap && !tb_grow_tbs(tr)) || !tb_hash_reserve(tr)) {
        tb_free(tb);
        return NULL;
    }
    /* Listed (and its pages protected) before it is published; also before
     * tr->tbs, which owns it from here on (a failure leaves it unpublished). */
    tr->tbs[tr->ntbs] = tb;
    __atomic_store_n(&tr->ntbs, tr->ntbs + 1, __ATOMIC_RELEASE);
    if (!smc_register_tb(tr, tb))
        return NULL;
    uint32_t h = tb_hash(tr->hash, pc, flags);
    tb->hash_next = tr->hash->chain[h];
    __atomic_store_n(&tr->hash->chain[h], tb, __ATOMIC_RELEASE);
    tr->nhashed++;
    if (tr->log_mask & LOG_OUT_ASM)
        tb_log_translation(tr, tb);
    return tb;
}

void tb_invalidate_locked(Translator *tr, TB *tb)
{
    if (tb->flags == TB_FLAGS_INVALID)
        return;
    TB **pp = &tr->hash->chain[tb_hash(tr->hash, tb->pc, tb->flags)];
    while (*pp && *pp != tb)
        pp = &(*pp)->hash_next;
    if (*pp) {
        __atomic_store_n(pp, tb->hash_next, __ATOMIC_RELEASE);
        tr->nhashed--;
    }
    /* Jump-cache entries stop matching too. */
    __atomic_store_n(&tb->flags, TB_FLAGS_INVALID, __ATOMIC_RELEASE);
    for (uint32_t i = 0; i < tb->njmp_in; i++) {
        TB *from = (TB *)(tb->jmp_in[i] & ~(uintptr_t)1);
        int slot = (int)(tb->jmp_in[i] & 1);
        if (__atomic_load_n(&from->jmp_dest[slot], __ATOMIC_RELAXED) != tb)
            continue;
        if (from->code)
            x86_reset_jump(from, slot);
        __atomic_store_n(&from->jmp_dest[slot], NULL, __ATOMIC_RELEASE);
    }
    tb->njmp_in = 0;
}

/* Makes room in to->jmp_in: the TB's own two entries first, then the heap; false on out of
 * memory. */
static bool tb_grow_jmp_in(TB *to)
{
    if (!to->jmp_in_cap) {
        to->jmp_in = to->jmp_in_first;
        to->jmp_in_cap = 2;
        return true;
    }
    uint32_t cap = to->jmp_in_cap * 2;
    uintptr_t *n;
    if (to->jmp_in == to->jmp_in_first) {
        n = malloc(cap * sizeof(*n));
        if (n)
            memcpy(n, to->jmp_in_first, sizeof(to->jmp_in_first));
    } else {
        n = realloc(to->jmp_in, cap * sizeof(*n));
    }
    if (!n)
        return false;
    to->jmp_in = n;
    to->jmp_in_cap = cap;
    return true;
}

void tb_chain(Translator *tr, TB *from, int slot, TB *to)
{
    pthread_mutex_lock(&tr->lock);
    if (from->flags == TB_FLAGS_INVALID || to->flags == TB_FLAGS_INVALID || from->jmp_dest[slot])
        goto out;
    if (to->njmp_in == to->jmp_in_cap && !tb_grow_jmp_in(to))
        goto out; /* not chained: still correct */
    to->jmp_in[to->njmp_in++] = (uintptr_t)from | (uintptr_t)slot;
    if (to->code)
        x86_patch_jump(from, slot, to->code);
    __atomic_store_n(&from->jmp_dest[slot], to, __ATOMIC_RELEASE);
out:
    pthread_mutex_unlock(&tr->lock);
}

TB *tb_find(CPUCommon *cpu, uint64_t pc, uint32_t flags)
{
    uint32_t h = cpu_jmp_cache_hash(pc);
    TB *tb = cpu->jmp_cache[h];
    if (tb && tb->pc == pc && tb->flags == flags)
        return tb;
    Translator *tr = cpu->proc->tr;
    tb = tb_hash_lookup(tr, pc, flags);
    while (!tb) {
        bool full = false;
        pthread_mutex_lock(&tr->lock);
        tb = tb_hash_lookup(tr, pc, flags);
        if (!tb)
            tb = tb_gen_code(tr, cpu, pc, flags, &full);
        uint32_t gen = tr->flush_gen;
        pthread_mutex_unlock(&tr->lock);
        if (full) {
            /* Unless another thread flushed meanwhile. */
            if (__atomic_load_n(&tr->flush_gen, __ATOMIC_ACQUIRE) == gen)
                tb_flush(cpu->proc);
            continue;
        }
        if (!tb) {
            fprintf(stderr, "ferry: out of memory translating guest code\n");
            exit(127);
        }
    }
    cpu->jmp_cache[h] = tb;
    return tb;
}

const void *tb_lookup_for_jump(CPUCommon *cpu)
{
    /* Never translates here: a flush would free the code we return into. */
    uint64_t pc = cpu->pc;
    uint32_t h = cpu_jmp_cache_hash(pc);
    TB *tb = cpu->jmp_cache[h];
    if (!(tb && tb->pc == pc && tb->flags == cpu->tb_flags)) {
        tb = tb_hash_lookup(cpu->proc->tr, pc, cpu->tb_flags);
        if (!tb)
            return x86_exit_next_stub;
        cpu->jmp_cache[h] = tb;
    }
    return tb->code;
}

TB *tb_from_host_pc(Process *p, uintptr_t host_pc)
{
    Translator *tr = p->tr;
    if (!tr || !tr->use_jit)
        return NULL;
    if (host_pc < (uintptr_t)tr->cb.code_start || host_pc >= (uintptr_t)tr->cb.ptr)
        return NULL;
    /* TBs are laid out in the buffer in creation order: binary search. */
    /* Lock-free (a fault handler): a count read first is covered by the array read next. */
    size_t lo = 0, hi = __atomic_load_n(&tr->ntbs, __ATOMIC_ACQUIRE);
    TB **tbs = __atomic_load_n(&tr->tbs, __ATOMIC_ACQUIRE);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((uintptr_t)tbs[mid]->code <= host_pc)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    TB *tb = tbs[lo - 1];
    if (host_pc >= (uintptr_t)tb->code + tb->code_size)
        return NULL;
    return tb;
}

uint64_t tb_guest_pc_at(const TB *tb, uintptr_t host_pc)
{
    uint32_t off = (uint32_t)(host_pc - (uintptr_t)tb->code);
    uint64_t pc = tb->pc;
    for (uint32_t i = 0; i < tb->ninsn_starts && tb->insn_host_off[i] <= off; i++)
        pc = tb->insn_guest_pc[i];
    return pc;
}

const TBLive *tb_live_at(const TB *tb, uintptr_t host_pc)
{
    uint32_t off = (uint32_t)(host_pc - (uintptr_t)tb->code);
    uint32_t lo = 0, hi = tb->nlive; /* records are disjoint and sorted by start */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (tb->live[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < tb->nlive && tb->live[lo].start <= off ? &tb->live[lo] : NULL;
}
