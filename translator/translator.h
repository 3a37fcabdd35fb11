/*
 * The translator's shared state (one per process): the TB table, the code
 * buffer, the backend and the IR context used for translation.  Private to
 * translator/ and signals/; the rest of ferry goes through exec.h.
 *
 * Locking: `lock` serialises translation, insertion and flushes; lookups of
 * the hash table are lock-free (chains are published with release stores
 * and TBs are never unlinked except by a flush).
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

#define TB_HASH_BITS 16
#define TB_HASH_SIZE (1u << TB_HASH_BITS)
#define CODEBUF_SIZE (256u << 20)

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
    IrContext *ir;          /* translation context, used under lock */
    TB *hash[TB_HASH_SIZE]; /* chains through TB.hash_next */
    TB **tbs;               /* every TB since the last flush, in code-address order */
    size_t ntbs, tbs_cap;
    volatile uint32_t flush_gen; /* incremented by every flush */

    CodeBuf cb;
    X86Features feat;
    X86TbEnterFn enter;

    CPUCommon **cpus; /* every guest thread (for jump-cache flushes) */
    size_t ncpus, cpus_cap;
} Translator;

/* Drops every TB; caller holds tr->lock. */
void tb_flush_locked(Translator *tr);

/* Logs the guest and host code of a new TB per tr->log_mask (in_asm/out_asm). */
void tb_log_translation(Translator *tr, const TB *tb);

#endif
