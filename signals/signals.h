/*
 * Guest signals and host fault handling.
 *
 * Host handlers only record: a fault inside generated code is mapped back
 * to the guest instruction (TB insn_start records) and turned into a
 * synchronous guest signal for the exec loop; asynchronous host signals go
 * to the guest thread's pending set and set cpu->exit_request, and the exec
 * loop delivers them (sig_deliver_pending) at the next TB entry.
 *
 * The guest's dispositions and masks are mirrored onto the host (same
 * signal numbers): SIG_DFL / SIG_IGN become the host's, a guest handler
 * becomes ferry's recording handler (with the guest's SA_RESTART, so the
 * host kernel restarts exactly the calls Linux restarts), and the guest
 * mask is the host thread mask, minus the fault signals ferry needs.
 */
#ifndef FERRY_SIGNALS_SIGNALS_H
#define FERRY_SIGNALS_SIGNALS_H

#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "translator/cpu.h"

#define SIG_INFO_SIZE 128 /* a guest siginfo */

/* Guest sigaction flags (asm-generic values, as on x86-64). */
#define GUEST_SA_SIGINFO 0x00000004ull
#define GUEST_SA_RESTORER 0x04000000ull
#define GUEST_SA_ONSTACK 0x08000000ull
#define GUEST_SA_RESTART 0x10000000ull
#define GUEST_SA_NODEFER 0x40000000ull
#define GUEST_SA_RESETHAND 0x80000000ull

/* What a frontend's frame hooks (GuestArch.sig_*) exchange with signals/. */
typedef struct SigFrame {
    int sig;
    const uint8_t *info; /* SIG_INFO_SIZE bytes, guest layout */
    uint64_t handler;    /* guest pc of the handler */
    uint64_t restorer;   /* guest return address (sigreturn trampoline) */
    uint64_t sp_top;     /* the frame goes below this */
    uint64_t oldmask;    /* uc_sigmask */
    uint64_t ss_sp, ss_size;
    int32_t ss_flags;       /* uc_stack */
    uint64_t fault_address; /* sigcontext.fault_address */
    uint64_t ret;           /* restore: the restored return register (x0) */
} SigFrame;

/* Installs the host handlers for faults in generated code. Returns 0 or -errno. */
int sig_init(void);

/*
 * Delivers a synchronous guest signal (SIGSEGV, SIGBUS, SIGILL, SIGTRAP,
 * SIGFPE) raised at cpu->pc with si_code and fault address.  Returns when
 * the guest handled it (frame built, pc at the handler); with the default
 * action the process terminates as the kernel would.
 */
void sig_raise_sync(CPUCommon *cpu, int sig, int si_code, uint64_t addr);

/*
 * The exec loop calls this after clearing cpu->exit_request: delivers the
 * first pending signal the guest does not block (frame, default action or
 * nothing) and re-arms exit_request while more are deliverable.
 */
void sig_deliver_pending(CPUCommon *cpu);

/* rt_sigreturn: restores the state saved by the frame at the guest sp. Returns x0. */
int64_t sig_sigreturn(CPUCommon *cpu);

/*
 * Leaves ferry code running for the guest (a helper, the interpreter) as a host fault in
 * generated code would: the exec loop raises the guest's sig with si_code and fault address
 * addr at cpu->pc, which the caller has set to the instruction.
 */
_Noreturn void sig_guest_fault(CPUCommon *cpu, int sig, int si_code, uint64_t addr);

/* Dies of host signal sig (default action), without returning. */
void sig_die_host(int sig) __attribute__((noreturn));

/* Sets the calling thread's guest mask (and the host mask); arms delivery if needed. */
void sig_set_mask(CPUCommon *cpu, uint64_t mask);
/* Mirrors the guest's new disposition of sig onto the host. */
void sig_host_action(int sig, uint64_t handler, uint64_t flags);
/* Sets the host thread mask from a guest mask (fault signals never blocked). */
void sig_host_mask(uint64_t guest_mask);
/* The guest signals the calling thread blocks on the host for guest_mask: those and the
 * real-time signals it has recorded and not yet taken (their next ones stay queued). */
uint64_t sig_host_blocked(uint64_t guest_mask);

/* Records sig as pending for the calling thread (info NULL: SI_USER from self). */
void sig_queue_self(CPUCommon *cpu, int sig, const uint8_t *info);
/* Pending signals recorded by ferry for this thread (not those held by the host). */
uint64_t sig_pending_recorded(void);
/* Takes the lowest recorded pending signal in set; copies its siginfo. 0 if none. */
int sig_take_recorded(uint64_t set, uint8_t info[SIG_INFO_SIZE]);

/* sigsuspend: the mask to restore after delivery (frame uc_sigmask). */
void sig_save_mask_for_suspend(uint64_t saved);
/*
 * Puts the guest's dispositions of 32 and 33 back on the host: the host
 * glibc installs its own handlers for them when ferry creates its first
 * thread (clone.c calls this after each pthread_create).
 */
struct Process;
void sig_host_reclaim(const struct Process *p);
/*
 * A guest syscall came back with EINTR: true when the signal about to be
 * delivered has a guest handler with SA_RESTART (the call is then re-run
 * after the handler, as Linux restarts it).
 */
bool sig_interrupt_restarts(CPUCommon *cpu);
/* Cancels the mask saved above (no delivery will restore it): returns it, or current if none. */
uint64_t sig_take_saved_mask(uint64_t current);

/* Per-thread: where a fault in generated code resumes (the exec loop). */
typedef struct SigThread {
    CPUCommon *cpu;
    sigjmp_buf fault_jmp;
    volatile int in_guest;           /* 1 while generated code or the interpreter runs */
    volatile int fault_sig;          /* host signal of the last fault */
    volatile int fault_code;         /* its si_code */
    volatile uint64_t fault_addr;    /* guest fault address */
    uint64_t pending;                /* recorded guest signals (bit n-1: signal n), atomic */
    uint8_t info[64][SIG_INFO_SIZE]; /* their siginfo, [signal - 1] */
    int saved_mask_valid;            /* sigsuspend in progress */
    uint64_t saved_mask;
} SigThread;

SigThread *sig_thread(void);

/* Blocks every host signal but the fault signals (SEGV, BUS, ILL, FPE); the old mask in old. */
void sig_block_host(sigset_t *old);

#endif
