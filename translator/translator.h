/*
 * The translator's shared state (one per process): the TB table, the code
 * buffer, the backend and the IR context used for translation.  Private to
 * translator/ and signals/; the rest of ferry goes through exec.h.
 *
 * Locking: `lock` serialises translation, insertion, chaining,
 * invalidation and flushes; lookups of the hash table are lock-free (chains
 * are published with release stores; an invalidated TB is unlinked but its
 * memory, and its hash_next, stay valid until the next flush).
 */
#ifndef FERRY_TRANSLATOR_TRANSLATOR_H
#define FERRY_TRANSLATOR_TRANSLATOR_H

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

#include "frontends/guest_arch.h"
#include "translator/codebuf.h"
#include "translator/tb.h"
#include "translator/x86_64/backend.h"

/* The TB hash table starts with 2^TB_HASH_MIN_BITS chains and doubles, up to
 * 2^TB_HASH_MAX_BITS, whenever it holds more TBs than chains (tb.c). */
#define TB_HASH_MIN_BITS 10
#define TB_HASH_MAX_BITS 20
#define CODEBUF_SIZE (256u << 20)
#define SMC_HASH_BITS 12
#define SMC_HASH_SIZE (1u << SMC_HASH_BITS)

typedef struct Translator {
    struct Process *proc;
    const GuestArch *arch;
    IrGlobals globals;
    ArchTranslateOpts topts;
    bool use_jit;
    bool chain; /* direct chaining allowed (off while tracing execution) */
    unsigned log_mask;
    FILE *log;
    FILE *perf_map; /* FERRY_PERF_MAP set: /tmp/perf-<pid>.map for `perf report` */

    pthread_mutex_t lock;
    IrContext *ir;       /* translation context, used under lock */
    struct TbHash *hash; /* chains through TB.hash_next; NULL until the first TB */
    size_t nhashed;      /* TBs in the hash table */
    TB **tbs;            /* every TB since the last flush, in code-address order */
    size_t ntbs, tbs_cap;
    volatile uint32_t flush_gen; /* incremented by every flush */

    CodeBuf cb;
    X86Features feat;
    X86TbEnterFn enter;

    CPUCommon **cpus; /* every guest thread (for jump-cache flushes) */
    size_t ncpus, cpus_cap;

    /* guest page -> TBs translated from it (smc.c), under lock */
    struct SmcPage *smc_hash[SMC_HASH_SIZE];
    size_t smc_npages;
    uint32_t smc_nprotected; /* pages whose host mapping smc.c made read-only */
} Translator;

/* Drops every TB; caller holds tr->lock. */
void tb_flush_locked(Translator *tr);

/* Invalidates a TB whose guest code changed: unlinks it from the hash table
 * and unchains its predecessors; its memory stays until the next flush.
 * Caller holds tr->lock. */
void tb_invalidate_locked(Translator *tr, TB *tb);

/* Chains `from` (exit slot) to `to` unless either was invalidated; takes tr->lock. */
void tb_chain(Translator *tr, TB *from, int slot, TB *to);

/* Logs the guest code of a block being translated (in_asm), before its IR (op). */
void tb_log_in_asm(Translator *tr, uint64_t pc, uint32_t size);
/* Logs the host code of a new TB per tr->log_mask (out_asm). */
void tb_log_translation(Translator *tr, const TB *tb);

#endif
