/*
 * Guest signals and host fault handling.
 *
 * Host handlers only record: a fault inside generated code is mapped back
 * to the guest instruction (TB insn_start records) and turned into a
 * synchronous guest signal for the exec loop; asynchronous host signals go
 * to the guest thread's queue and set cpu->exit_request.
 */
#ifndef FERRY_SIGNALS_SIGNALS_H
#define FERRY_SIGNALS_SIGNALS_H

#include <setjmp.h>
#include <stdint.h>

#include "translator/cpu.h"

/* Installs the host handlers for faults in generated code. Returns 0 or -errno. */
int sig_init(void);

/*
 * Delivers a synchronous guest signal (SIGSEGV, SIGBUS, SIGILL, SIGTRAP,
 * SIGFPE) raised at cpu->pc with si_code and fault address.  Returns when
 * the guest handled it (frame built, pc at the handler); with the default
 * action the process terminates as the kernel would.
 */
void sig_raise_sync(CPUCommon *cpu, int sig, int si_code, uint64_t addr);

/* Per-thread: where a fault in generated code resumes (the exec loop). */
typedef struct SigThread {
    CPUCommon *cpu;
    sigjmp_buf fault_jmp;
    volatile int in_guest;        /* 1 while generated code or the interpreter runs */
    volatile int fault_sig;       /* host signal of the last fault */
    volatile int fault_code;      /* its si_code */
    volatile uint64_t fault_addr; /* guest fault address */
} SigThread;

SigThread *sig_thread(void);

#endif
