/*
 * An AArch64 guest process for unit tests of the frontend, signals and the
 * translator: the real aarch64 GuestArch on a 64 MiB guest window, and a
 * zeroed A64CPU bound to it.  Shared by test_a64_translate, test_signals and
 * test_smc.
 */
#ifndef FERRY_TESTS_UNIT_A64_FIXTURE_H
#define FERRY_TESTS_UNIT_A64_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontends/aarch64/cpu.h"
#include "frontends/guest_arch.h"
#include "loader/process.h"

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

#endif
