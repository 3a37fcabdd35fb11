/*
 * A guest process for unit tests that drive the syscall layer through
 * sys_dispatch: the AArch64 syscall ABI on a small guest window, a CPU state
 * and `npages` read-write guest pages at f->page.  Shared by test_syscalls,
 * test_clone and test_execve.
 */
#ifndef FERRY_TESTS_UNIT_SYS_FIXTURE_H
#define FERRY_TESTS_UNIT_SYS_FIXTURE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "frontends/guest_arch.h"
#include "loader/process.h"
#include "syscalls/abi.h"
#include "syscalls/syscalls.h"

typedef struct SysFixture {
    Process p;
    GuestArch arch;
    CPUCommon cpu;
    uint64_t page;      /* npages read-write guest pages */
    char log_buf[4096]; /* the log, when captured */
} SysFixture;

/* Returns a new fixture or NULL; with capture_log the log goes to f->log_buf. */
static inline SysFixture *sys_fixture_new(uint64_t npages, bool capture_log)
{
    SysFixture *f = calloc(1, sizeof(*f));
    if (!f)
        return NULL;
    f->arch.name = "aarch64";
    f->arch.uname_machine = "aarch64";
    f->arch.sys = &sys_abi_aarch64;
    f->p.arch = &f->arch;
    f->p.exe_path = "/opt/guest/prog";
    f->p.log = capture_log ? fmemopen(f->log_buf, sizeof(f->log_buf), "w") : stderr;
    if (!f->p.log || gmem_init(&f->p.mem, 64 << 20, 1 << 20, 0) < 0)
        return NULL;
    f->cpu.proc = &f->p;
    f->cpu.arch = &f->arch;
    f->cpu.guest_base = f->p.mem.base;
    f->cpu.mem_size = f->p.mem.size;
    int64_t g = gmem_mmap(&f->p.mem, 0, npages * GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, GMEM_ANON);
    if (g < 0)
        return NULL;
    f->page = (uint64_t)g;
    return f;
}

static inline void sys_fixture_free(SysFixture *f)
{
    if (f->p.log && f->p.log != stderr)
        fclose(f->p.log);
    gmem_destroy(&f->p.mem);
    free(f);
}

/* Runs guest syscall nr with five arguments (the sixth is 0). */
static inline int64_t sys_fixture_call(SysFixture *f, uint64_t nr, uint64_t a0, uint64_t a1,
                                       uint64_t a2, uint64_t a3, uint64_t a4)
{
    const uint64_t args[6] = {a0, a1, a2, a3, a4, 0};
    return sys_dispatch(&f->cpu, nr, args);
}

#endif
