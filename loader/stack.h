/*
 * The initial guest stack as Linux's execve builds it: strings at the top
 * (argv and environment, AT_EXECFN, AT_PLATFORM, AT_RANDOM bytes), then
 * argc, argv[], envp[] and the auxiliary vector, with sp at argc.  Words
 * are written in the guest's size and byte order.
 */
#ifndef FERRY_LOADER_STACK_H
#define FERRY_LOADER_STACK_H

#include "loader/process.h"

#define STACK_DEFAULT_SIZE (8ull << 20)

/*
 * Keeps hint-less guest mmaps (the interpreter is the first) below the
 * stack that stack_setup will map: call after gmem_init, before loading.
 */
void stack_plan(Process *p);

/*
 * Maps the stack (p->opts.stack_size, default STACK_DEFAULT_SIZE) at the
 * top of p->mem and fills it for the program described by p->elf; `cpu`
 * supplies AT_HWCAP/AT_HWCAP2.  argv and envp are NULL-terminated; execfn
 * is AT_EXECFN.  Sets p->elf.stack_top, sp, arg/env/auxv ranges and execfn.
 * Returns 0 or -errno (-E2BIG when the strings do not fit).
 */
int stack_setup(Process *p, const CPUCommon *cpu, char *const argv[], char *const envp[],
                const char *execfn);

#endif
