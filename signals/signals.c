/*
 * Host signal handling for guest execution.
 *
 * Faults (SIGSEGV, SIGBUS, SIGFPE, SIGILL) raised while a thread runs
 * guest code are mapped back to the guest instruction: inside generated
 * code through the TB's insn_start records (the backend's fault hook puts
 * the guest registers the code held in host registers into the CPU state:
 * x86_fault_restore), inside the interpreter through
 * cpu->insn_pc, inside a helper through the pc the translator wrote before
 * the call.  The handler then returns to the exec loop with siglongjmp,
 * which raises the guest signal (deliver.c).  A fault outside guest
 * execution is a bug in ferry and is reported as such, except a write to a
 * page write-protected because it holds translated code (translator/smc.c),
 * which invalidates that code and retries the write.  The same signals
 * sent by kill (si_code <= 0) are guest signals like any other.
 *
 * Asynchronous host signals that the guest handles arrive in host_async,
 * which records them for the thread and sets cpu->exit_request.  The
 * guest's dispositions and masks are mirrored onto the host here.
 *
 * Signals 32 and 33 are the ones glibc keeps for itself (thread
 * cancellation, the setxid broadcast): the guest's glibc sends them between
 * its threads.  ferry's own glibc never uses them (ferry makes no
 * pthread_cancel, no set*id or SIGEV_THREAD call through it), so they are
 * mirrored like the others, installed with the raw rt_sigaction (glibc's
 * sigaction refuses them) and glibc's restorer; host glibc never blocks
 * them, so the guest's masking of them is ferry's (delivery checks it).
 * Host handlers never have SA_RESTART: a blocking host call the signal
 * interrupts returns EINTR, so the guest handler runs at once, as on
 * Linux; when the guest asked SA_RESTART, ferry restarts the call itself
 * after the handler (sys_dispatch's SYS_RESTART re-runs the syscall
 * instruction).  ferry's own blocking calls retry on EINTR.
 * Real-time signals are queued by the host kernel: once one is recorded
 * for a thread, the thread blocks that number on the host (the handler's
 * return mask, then sig_host_mask) until the guest has taken it, so each
 * further one waits in the kernel's queue with its own siginfo.
 * XXX: a signal arriving between a TB exit and a blocking host call waits for
 * that call to return.
 */
#include "signals/signals.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>
#include <xmmintrin.h>

#include "loader/process.h"
#include "syscalls/state.h"
#include "translator/exec.h"
#include "translator/smc.h"
#include "translator/x86_64/backend.h"

static __thread SigThread sig_tls;

SigThread *sig_thread(void)
{
    return &sig_tls;
}

/* Writes a message from a signal handler (async-signal-safe). */
static void sig_write(const char *s)
{
    (void)!write(2, s, strlen(s));
}

void sig_die_host(int sig)
{
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    _exit(128 + sig);
}

/* Signals ferry catches on the host for faults in guest code. */
static bool sig_is_fault(int sig)
{
    return sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL;
}

/* Guest signals whose host disposition cannot change. */
static bool sig_host_reserved(int sig)
{
    return sig == SIGKILL || sig == SIGSTOP;
}

/* glibc's signal return trampoline (sa_restorer), taken from a handler it installed. */
static void *sig_restorer;

/* The x86-64 kernel's struct sigaction (rt_sigaction). */
typedef struct KSigaction {
    void *handler;
    unsigned long flags;
    void *restorer;
    uint64_t mask;
} KSigaction;

/* sigaction for 32 and 33, which glibc's wrapper refuses: the raw call. */
static void sig_raw_action(int sig, const struct sigaction *sa)
{
    KSigaction k = {(void *)sa->sa_handler, (unsigned long)sa->sa_flags, NULL, 0};
    if (sa->sa_handler != SIG_DFL && sa->sa_handler != SIG_IGN) {
        if (!sig_restorer)
            return;
        k.flags |= 0x04000000; /* SA_RESTORER */
        k.restorer = sig_restorer;
        k.mask = ~0ull;
    }
    syscall(SYS_rt_sigaction, sig, &k, NULL, 8);
}

/* Records a guest signal for the calling thread (async-signal-safe). */
static void sig_record(int sig, const void *info)
{
    SigThread *st = &sig_tls;
    if (sig < 1 || sig > 64)
        return;
    memcpy(st->info[sig - 1], info, SIG_INFO_SIZE);
    __atomic_fetch_or(&st->pending, 1ull << (sig - 1), __ATOMIC_SEQ_CST);
    if (st->cpu)
        __atomic_store_n(&st->cpu->exit_request, 1, __ATOMIC_SEQ_CST);
}

/* Real-time signals (32..64 on the host): queued, never merged. */
#define SIG_RT_BITS (~0ull << 31)

static void host_async(int sig, siginfo_t *si, void *uc_)
{
    int saved = errno;
    sig_record(sig, si);
    if (sig >= 32 && uc_) /* the next one stays queued in the kernel until this one is taken */
        sigaddset(&((ucontext_t *)uc_)->uc_sigmask, sig);
    errno = saved;
}

void sig_queue_self(CPUCommon *cpu, int sig, const uint8_t *info)
{
    uint8_t buf[SIG_INFO_SIZE];
    if (!info) {
        siginfo_t si;
        memset(&si, 0, sizeof(si));
        si.si_signo = sig;
        si.si_code = SI_TKILL;
        si.si_pid = getpid();
        si.si_uid = getuid();
        memcpy(buf, &si, SIG_INFO_SIZE);
        info = buf;
    }
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    sig_tls.cpu = sig_tls.cpu ? sig_tls.cpu : cpu;
    sig_record(sig, info);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

void sig_host_action(int sig, uint64_t handler, uint64_t flags)
{
    if (sig < 1 || sig > 64 || sig_is_fault(sig) || sig_host_reserved(sig))
        return;
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    if (handler == 0) {
        sa.sa_handler = SIG_DFL;
    } else if (handler == 1) {
        sa.sa_handler = SIG_IGN;
    } else {
        sa.sa_sigaction = host_async;
        sa.sa_flags = SA_SIGINFO | SA_ONSTACK; /* never SA_RESTART: see above */
        sigfillset(&sa.sa_mask);
    }
    if (sig == 32 || sig == 33)
        sig_raw_action(sig, &sa);
    else
        sigaction(sig, &sa, NULL);
}

uint64_t sig_host_blocked(uint64_t guest_mask)
{
    return guest_mask | (__atomic_load_n(&sig_tls.pending, __ATOMIC_SEQ_CST) & SIG_RT_BITS);
}

void sig_host_mask(uint64_t guest_mask)
{
    guest_mask = sig_host_blocked(guest_mask);
    sigset_t set;
    sigemptyset(&set);
    for (int sig = 1; sig <= 64; sig++)
        if ((guest_mask >> (sig - 1) & 1) && !sig_is_fault(sig) && !sig_host_reserved(sig))
            sigaddset(&set, sig);
    pthread_sigmask(SIG_SETMASK, &set, NULL);
}

/* True when a host fault address lies in the guest window. */
static bool smc_fault_in_window(const CPUCommon *cpu, const void *addr)
{
    uintptr_t a = (uintptr_t)addr, base = (uintptr_t)cpu->guest_base;
    return a >= base && a - base < cpu->proc->mem.size;
}

static void host_fault(int sig, siginfo_t *si, void *uc_)
{
    SigThread *st = &sig_tls;
    if (si->si_code <= 0) { /* sent by kill/tkill/sigqueue: an ordinary guest signal */
        host_async(sig, si, uc_);
        return;
    }
    ucontext_t *uc = uc_;
    uintptr_t host_pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    CPUCommon *cpu = st->cpu;
    if (sig == SIGSEGV && si->si_code == SEGV_ACCERR && cpu &&
        (uc->uc_mcontext.gregs[REG_ERR] & 2) && smc_fault_in_window(cpu, si->si_addr)) {
        /* A write (x86 page-fault error code bit 1) to a page holding
         * translated code, from generated code, the interpreter, a helper or
         * ferry writing guest memory: invalidate its TBs and retry. */
        int saved = errno;
        bool retry =
            smc_write_fault(cpu->proc, (uintptr_t)si->si_addr - (uintptr_t)cpu->guest_base);
        errno = saved;
        if (retry) {
            /* A TB looping on itself (x86 backend) checks exit_request at its back edge
             * instead of going through its chain, which invalidation resets. */
            if (cpu)
                __atomic_store_n(&cpu->exit_request, 1, __ATOMIC_SEQ_CST);
            return;
        }
    }
    if (!st->in_guest || !cpu) {
        sig_write("ferry: internal error: host fault outside guest code\n");
        sig_die_host(sig);
    }
    Process *p = cpu->proc;
    uintptr_t fa = (uintptr_t)si->si_addr;
    uint64_t gaddr = fa - (uintptr_t)cpu->guest_base;
    bool in_window = fa >= (uintptr_t)cpu->guest_base && gaddr < p->mem.size;
    TB *tb = tb_from_host_pc(p, host_pc);
    if (tb) { /* guest registers generated code held in host registers, then the pc */
        x86_fault_restore(cpu, tb, host_pc, uc, sig == SIGSEGV && si->si_code == SI_KERNEL);
        cpu->pc = tb_guest_pc_at(tb, host_pc);
    } else if ((sig == SIGSEGV || sig == SIGBUS) && in_window) {
        /* Interpreter or helper access to guest memory. */
        if (p->opts.no_jit)
            cpu->pc = cpu->insn_pc;
    } else {
        sig_write("ferry: internal error: host fault in ferry code during guest execution\n");
        sig_die_host(sig);
    }
    st->fault_sig = sig;
    st->fault_code = si->si_code;
    /* The guest view: host address minus guest_base, also for guard-page hits outside the window
     * (a wrapped negative or too-large guest address); 0 when the host gave none. */
    st->fault_addr = fa ? gaddr : 0;
    if (sig == SIGSEGV && fa && !in_window) /* a guard: nothing of the guest's is mapped there */
        st->fault_code = SEGV_MAPERR;
    if (tb && sig == SIGSEGV && si->si_code == SI_KERNEL) {
        /* #GP: generated code accessed CPU_WILD_TRAP for a guest address outside the window. */
        st->fault_code = SEGV_MAPERR;
        st->fault_addr = cpu->wild_addr;
    }
    if (cpu->arch->fp_leave && uc->uc_mcontext.fpregs) /* FP flags raised by guest code */
        cpu->arch->fp_leave(cpu, uc->uc_mcontext.fpregs->mxcsr);
    siglongjmp(st->fault_jmp, 1);
}

_Noreturn void sig_guest_fault(CPUCommon *cpu, int sig, int si_code, uint64_t addr)
{
    SigThread *st = sig_thread();
    st->fault_sig = sig;
    st->fault_code = si_code;
    st->fault_addr = addr;
    if (cpu->arch->fp_leave) /* FP flags raised by guest code */
        cpu->arch->fp_leave(cpu, _mm_getcsr());
    siglongjmp(st->fault_jmp, 1);
}

int sig_init(void)
{
    static char altstack[64 * 1024];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof(altstack)};
    if (sigaltstack(&ss, NULL) < 0)
        return -errno;
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = host_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    static const int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL};
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        if (sigaction(sigs[i], &sa, NULL) < 0)
            return -errno;
    KSigaction k;
    if (syscall(SYS_rt_sigaction, SIGSEGV, NULL, &k, 8) == 0)
        sig_restorer = k.restorer;
    return 0;
}
