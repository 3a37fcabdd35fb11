/*
 * Host signal handling for guest execution.
 *
 * Faults (SIGSEGV, SIGBUS, SIGFPE, SIGILL) raised while a thread runs
 * guest code are mapped back to the guest instruction: inside generated
 * code through the TB's insn_start records, inside the interpreter through
 * cpu->insn_pc, inside a helper through the pc the translator wrote before
 * the call.  The handler then returns to the exec loop with siglongjmp,
 * which raises the guest signal.  A fault outside guest execution is a bug
 * in ferry and is reported as such.
 *
 * XXX: guest signal handlers, frames and asynchronous delivery are the
 * signals issue; for now every synchronous guest signal takes its default
 * action (the process dies of that signal, as on the real machine when no
 * handler is installed).
 */
#include "signals/signals.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <ucontext.h>
#include <unistd.h>

#include "loader/process.h"
#include "translator/exec.h"

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

static void sig_die_host(int sig)
{
    signal(sig, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    _exit(128 + sig);
}

static void host_fault(int sig, siginfo_t *si, void *uc_)
{
    SigThread *st = &sig_tls;
    ucontext_t *uc = uc_;
    uintptr_t host_pc = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    CPUCommon *cpu = st->cpu;
    if (!st->in_guest || !cpu) {
        sig_write("ferry: internal error: host fault outside guest code\n");
        sig_die_host(sig);
    }
    Process *p = cpu->proc;
    uintptr_t fa = (uintptr_t)si->si_addr;
    uint64_t gaddr = fa - (uintptr_t)cpu->guest_base;
    bool in_window = fa >= (uintptr_t)cpu->guest_base && gaddr < p->mem.size;
    TB *tb = tb_from_host_pc(p, host_pc);
    if (tb) {
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
    return 0;
}

void sig_raise_sync(CPUCommon *cpu, int sig, int si_code, uint64_t addr)
{
    Process *p = cpu->proc;
    FILE *log = p && p->log ? p->log : stderr;
    fprintf(log, "ferry: guest pc 0x%llx: uncaught signal %d (%s)", (unsigned long long)cpu->pc,
            sig, strsignal(sig));
    if (sig == SIGSEGV || sig == SIGBUS)
        fprintf(log, " at address 0x%llx", (unsigned long long)addr);
    fputc('\n', log);
    fflush(log);
    fflush(stdout);
    /* Die of the same signal as the guest would, without a host core dump
     * of ferry itself. */
    struct rlimit rl = {0, 0};
    setrlimit(RLIMIT_CORE, &rl);
    sig_die_host(sig);
}
