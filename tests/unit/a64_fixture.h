/*
 * An AArch64 guest process for unit tests of the frontend, signals and the
 * translator: the real aarch64 GuestArch on a 64 MiB guest window, and a
 * zeroed A64CPU bound to it.  Shared by test_a64_translate, test_signals and
 * test_smc.  A64Jit adds what translator tests need: a read-only code page at
 * A64_CODE_PC, the IR context and a code buffer (test_a64_translate,
 * test_fp_jit, test_vec_jit).
 */
#ifndef FERRY_TESTS_UNIT_A64_FIXTURE_H
#define FERRY_TESTS_UNIT_A64_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "frontends/aarch64/cpu.h"
#include "frontends/guest_arch.h"
#include "loader/process.h"
#include "translator/codebuf.h"
#include "translator/ir.h"

extern const GuestArch guest_arch_aarch64;

/* Sets up p for the AArch64 guest with an empty 64 MiB window; 0 or -1. */
static inline int a64_test_process(Process *p)
{
    p->arch = &guest_arch_aarch64;
    p->log = stderr;
    return gmem_init(&p->mem, 64 << 20, 1 << 20, 0) < 0 ? -1 : 0;
}

/* A zeroed CPU state for p that no translator knows of; NULL on failure. */
static inline A64CPU *a64_test_cpu(Process *p)
{
    A64CPU *cpu = aligned_alloc(64, (sizeof(A64CPU) + 63) & ~(size_t)63);
    if (!cpu)
        return NULL;
    memset(cpu, 0, sizeof(A64CPU));
    cpu->common.proc = p;
    cpu->common.arch = &guest_arch_aarch64;
    cpu->common.guest_base = p->mem.base;
    cpu->common.mem_size = p->mem.size;
    return cpu;
}

/* A guest process, its CPU, a code page at A64_CODE_PC, an IR context and a code buffer. */
#define A64_CODE_PC 0x10000ull

typedef struct A64Jit {
    Process p;
    A64CPU *cpu;
    IrGlobals globals;
    IrContext *ir;
    CodeBuf cb;
} A64Jit;

/* Sets up j (zeroed by the caller); 0 or -1 (a64_jit_destroy is then not safe). */
static inline int a64_jit_init(A64Jit *j)
{
    if (a64_test_process(&j->p) < 0)
        return -1;
    if (gmem_mmap(&j->p.mem, A64_CODE_PC, GUEST_PAGE_SIZE, PROT_READ | PROT_EXEC,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0, GMEM_ANON) < 0)
        return -1;
    if (!(j->cpu = a64_test_cpu(&j->p)))
        return -1;
    guest_arch_aarch64.init_globals(&j->globals);
    j->ir = ir_context_new(&j->globals);
    if (!j->ir || codebuf_init(&j->cb, 8u << 20) < 0)
        return -1;
    return 0;
}

static inline void a64_jit_destroy(A64Jit *j)
{
    ir_context_free(j->ir);
    codebuf_destroy(&j->cb);
    gmem_destroy(&j->p.mem);
    free(j->cpu);
}

/* Places n words at A64_CODE_PC through the host mapping (the guest sees it read-only). */
static inline void a64_put_code(A64Jit *j, const uint32_t *words, int n)
{
    uint8_t *h = g2h(&j->p.mem, A64_CODE_PC);
    mprotect(h, GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE);
    memcpy(h, words, sizeof(uint32_t) * (size_t)n);
    mprotect(h, GUEST_PAGE_SIZE, PROT_READ);
}

#endif
