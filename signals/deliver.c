/*
 * Guest signal delivery: the guest-side half of signals/.
 *
 * Pending signals are recorded per thread (SigThread, by host_async or by
 * the kill family for the thread itself); the exec loop calls
 * sig_deliver_pending at the next TB entry.  A signal with a guest handler
 * gets a frame built by the frontend's hook (GuestArch.sig_setup_frame) on
 * the guest stack or the alternate stack, with the return address at the
 * sigreturn trampoline ferry maps into the guest (or the guest's
 * SA_RESTORER); rt_sigreturn (sig_sigreturn) restores from it.  Default
 * actions end the process with the same host signal, as the guest's kernel
 * would.  Synchronous signals (faults, BRK, undefined instructions) are
 * delivered at once from sig_raise_sync; blocked or ignored ones kill.
 *
 * XXX: the default action "stop" is treated as ignore for signals ferry
 * records itself (host-delivered ones stop the process for real).
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include "frontends/guest_arch.h"
#include "loader/process.h"
#include "signals/signals.h"
#include "syscalls/state.h"

static GuestSigaction sig_action(const Process *p, int sig)
{
    SysProcState *s = sys_proc_state(p);
    pthread_mutex_lock(&s->lock);
    GuestSigaction act = s->sigact[sig];
    pthread_mutex_unlock(&s->lock);
    return act;
}

typedef enum SigDefault { SIG_DEF_TERM, SIG_DEF_IGN, SIG_DEF_STOP, SIG_DEF_CORE } SigDefault;

static SigDefault sig_default_action(int sig)
{
    switch (sig) {
    case SIGCHLD:
    case SIGURG:
    case SIGWINCH:
    case SIGCONT:
        return SIG_DEF_IGN;
    case SIGSTOP:
    case SIGTSTP:
    case SIGTTIN:
    case SIGTTOU:
        return SIG_DEF_STOP;
    case SIGQUIT:
    case SIGILL:
    case SIGTRAP:
    case SIGABRT:
    case SIGBUS:
    case SIGFPE:
    case SIGSEGV:
    case SIGXCPU:
    case SIGXFSZ:
    case SIGSYS:
        return SIG_DEF_CORE;
    default:
        return SIG_DEF_TERM;
    }
}

/* The process dies of sig; for a synchronous signal with a line naming the guest pc. */
static void sig_die(CPUCommon *cpu, int sig, bool report, uint64_t addr)
{
    Process *p = cpu->proc;
    FILE *log = p && p->log ? p->log : stderr;
    if (report) {
        fprintf(log, "ferry: guest pc 0x%llx: uncaught signal %d (%s)", (unsigned long long)cpu->pc,
                sig, strsignal(sig));
        if (sig == SIGSEGV || sig == SIGBUS)
            fprintf(log, " at address 0x%llx", (unsigned long long)addr);
        fputc('\n', log);
    }
    fflush(log);
    fflush(stdout);
    /* Die of the same signal as the guest would, without a host core dump of ferry itself. */
    struct rlimit rl = {0, 0};
    setrlimit(RLIMIT_CORE, &rl);
    sig_die_host(sig);
}

/* The guest address of the sigreturn trampoline (mapped on first use), or 0. */
static uint64_t sig_tramp(CPUCommon *cpu)
{
    Process *p = cpu->proc;
    const GuestArch *arch = cpu->arch;
    SysProcState *s = sys_proc_state(p);
    pthread_mutex_lock(&s->lock);
    if (!s->sig_tramp && arch->sig_tramp) {
        int64_t a = gmem_mmap(&p->mem, 0, GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, GMEM_ANON);
        if (a >= 0) {
            memcpy(g2h(&p->mem, (uint64_t)a), arch->sig_tramp, arch->sig_tramp_size);
            gmem_mprotect(&p->mem, (uint64_t)a, GUEST_PAGE_SIZE, PROT_READ | PROT_EXEC);
            s->sig_tramp = (uint64_t)a;
        }
    }
    uint64_t r = s->sig_tramp;
    pthread_mutex_unlock(&s->lock);
    return r;
}

static bool sig_on_altstack(const SysThread *t, uint64_t sp)
{
    return t->altstack_size && sp > t->altstack_sp && sp - t->altstack_sp <= t->altstack_size;
}

/* Builds the frame and enters the guest handler; false when the frame cannot be written. */
static bool sig_enter_handler(CPUCommon *cpu, int sig, const uint8_t *info,
                              const GuestSigaction *act, uint64_t fault_addr)
{
    SysThread *t = sys_thread_state();
    SigThread *st = sig_thread();
    uint64_t sp = cpu->arch->sig_sp(cpu);
    bool on_alt = sig_on_altstack(t, sp);
    SigFrame f;
    memset(&f, 0, sizeof(f));
    f.sig = sig;
    f.info = info;
    f.handler = act->handler;
    f.restorer = (act->flags & GUEST_SA_RESTORER) && act->restorer ? act->restorer : sig_tramp(cpu);
    f.sp_top = sp;
    if ((act->flags & GUEST_SA_ONSTACK) && t->altstack_size && !on_alt)
        f.sp_top = t->altstack_sp + t->altstack_size;
    f.oldmask = st->saved_mask_valid ? st->saved_mask : t->sigmask;
    f.ss_sp = t->altstack_sp;
    f.ss_size = t->altstack_size;
    f.ss_flags =
        t->altstack_size ? (on_alt ? GUEST_SS_ONSTACK : 0) | t->altstack_flags : GUEST_SS_DISABLE;
    f.fault_address = fault_addr;
    if (cpu->arch->sig_setup_frame(cpu, &f) < 0)
        return false;
    if (t->altstack_flags & (int)GUEST_SS_AUTODISARM) {
        t->altstack_sp = t->altstack_size = 0;
        t->altstack_flags = 0;
    }
    uint64_t mask = t->sigmask | act->mask;
    if (!(act->flags & GUEST_SA_NODEFER))
        mask |= sig_bit(sig);
    st->saved_mask_valid = 0;
    t->sigmask = mask & ~SIG_UNBLOCKABLE;
    if (act->flags & GUEST_SA_RESETHAND) {
        SysProcState *s = sys_proc_state(cpu->proc);
        pthread_mutex_lock(&s->lock);
        s->sigact[sig].handler = GUEST_SIG_DFL;
        pthread_mutex_unlock(&s->lock);
        sig_host_action(sig, GUEST_SIG_DFL, 0);
    }
    return true;
}

/* Delivers one asynchronous signal taken from the pending set. */
static void sig_handle(CPUCommon *cpu, int sig, const uint8_t *info)
{
    GuestSigaction act = sig_action(cpu->proc, sig);
    if (act.handler == GUEST_SIG_IGN)
        return;
    if (act.handler == GUEST_SIG_DFL) {
        SigDefault d = sig_default_action(sig);
        if (d == SIG_DEF_TERM || d == SIG_DEF_CORE)
            sig_die(cpu, sig, false, 0);
        return;
    }
    if (!sig_enter_handler(cpu, sig, info, &act, 0))
        sig_die(cpu, SIGSEGV, true, cpu->arch->sig_sp(cpu));
}

void sig_block_host(sigset_t *old)
{
    sigset_t all;
    sigfillset(&all);
    sigdelset(&all, SIGSEGV);
    sigdelset(&all, SIGBUS);
    sigdelset(&all, SIGILL);
    sigdelset(&all, SIGFPE);
    pthread_sigmask(SIG_BLOCK, &all, old);
}

void sig_deliver_pending(CPUCommon *cpu)
{
    SigThread *st = sig_thread();
    SysThread *t = sys_thread_state();
    if (!__atomic_load_n(&st->pending, __ATOMIC_SEQ_CST) && !st->saved_mask_valid)
        return; /* an exit request for something else (a code buffer flush) */
    sigset_t old;
    sig_block_host(&old);
    if (!st->cpu)
        st->cpu = cpu;
    uint64_t ready = __atomic_load_n(&st->pending, __ATOMIC_SEQ_CST) & ~t->sigmask;
    if (ready) {
        int sig = __builtin_ctzll(ready) + 1;
        uint8_t info[SIG_INFO_SIZE];
        memcpy(info, st->info[sig - 1], SIG_INFO_SIZE);
        __atomic_fetch_and(&st->pending, ~sig_bit(sig), __ATOMIC_SEQ_CST);
        sig_handle(cpu, sig, info);
    }
    if (st->saved_mask_valid && !(__atomic_load_n(&st->pending, __ATOMIC_SEQ_CST) & ~t->sigmask)) {
        /* sigsuspend woke for nothing that runs a handler: its mask ends here. */
        t->sigmask = st->saved_mask;
        st->saved_mask_valid = 0;
    }
    if (__atomic_load_n(&st->pending, __ATOMIC_SEQ_CST) & ~t->sigmask)
        __atomic_store_n(&cpu->exit_request, 1, __ATOMIC_SEQ_CST);
    sig_host_mask(t->sigmask);
}

void sig_raise_sync(CPUCommon *cpu, int sig, int si_code, uint64_t addr)
{
    SysThread *t = sys_thread_state();
    GuestSigaction act = sig_action(cpu->proc, sig);
    bool addr_sig = sig == SIGSEGV || sig == SIGBUS;
    GuestRegion region;
    if (sig == SIGSEGV && (si_code == SEGV_MAPERR || si_code == SEGV_ACCERR))
        /* The host sees the reserved window: mapped or not is the guest's view. */
        si_code = gmem_find(&cpu->proc->mem, addr, &region) ? SEGV_ACCERR : SEGV_MAPERR;
    if (act.handler != GUEST_SIG_DFL && act.handler != GUEST_SIG_IGN &&
        !(t->sigmask & sig_bit(sig))) {
        siginfo_t si;
        memset(&si, 0, sizeof(si));
        si.si_signo = sig;
        si.si_code = si_code;
        si.si_addr = (void *)(uintptr_t)addr;
        uint8_t info[SIG_INFO_SIZE];
        memcpy(info, &si, SIG_INFO_SIZE);
        if (sig_enter_handler(cpu, sig, info, &act, addr_sig ? addr : 0)) {
            /* Also after the siglongjmp of a fault, which restored an older host mask. */
            sig_host_mask(t->sigmask);
            return;
        }
        sig = SIGSEGV;
        addr = cpu->arch->sig_sp(cpu);
    }
    /* Blocked, ignored or without a handler: the kernel forces the default action. */
    sig_die(cpu, sig, true, addr);
}

void sig_set_mask(CPUCommon *cpu, uint64_t mask)
{
    SysThread *t = sys_thread_state();
    SigThread *st = sig_thread();
    t->sigmask = mask & ~SIG_UNBLOCKABLE;
    sig_host_mask(t->sigmask);
    if (__atomic_load_n(&st->pending, __ATOMIC_SEQ_CST) & ~t->sigmask)
        __atomic_store_n(&cpu->exit_request, 1, __ATOMIC_SEQ_CST);
}

/* rt_sigreturn's alternate stack: as sigaltstack would set it, unless still on it. */
static void sig_restore_altstack(CPUCommon *cpu, const SigFrame *f)
{
    SysThread *t = sys_thread_state();
    if (sig_on_altstack(t, cpu->arch->sig_sp(cpu)))
        return;
    unsigned mode = (unsigned)f->ss_flags & ~GUEST_SS_AUTODISARM;
    if (mode == GUEST_SS_DISABLE) {
        t->altstack_sp = t->altstack_size = 0;
        t->altstack_flags = 0;
    } else if (mode == 0 || mode == GUEST_SS_ONSTACK) {
        t->altstack_sp = f->ss_sp;
        t->altstack_size = f->ss_size;
        t->altstack_flags = f->ss_flags & (int)GUEST_SS_AUTODISARM;
    }
}

int64_t sig_sigreturn(CPUCommon *cpu)
{
    SigFrame f;
    memset(&f, 0, sizeof(f));
    if (cpu->arch->sig_restore_frame(cpu, &f) < 0) {
        /* A bad frame: as Linux (arm64_notify_segfault at sp), a forced SIGSEGV whose handler
         * runs on the registers already taken from the frame.  The handler's first argument
         * register holds the signal number and is also the return register.  XXX: Linux
         * applies the frame's signal mask before it checks the rest. */
        sig_raise_sync(cpu, SIGSEGV, SEGV_MAPERR, cpu->arch->sig_sp(cpu));
        return SIGSEGV;
    }
    sig_restore_altstack(cpu, &f);
    sig_set_mask(cpu, f.oldmask);
    return (int64_t)f.ret;
}

uint64_t sig_pending_recorded(void)
{
    return __atomic_load_n(&sig_thread()->pending, __ATOMIC_SEQ_CST);
}

int sig_take_recorded(uint64_t set, uint8_t info[SIG_INFO_SIZE])
{
    SigThread *st = sig_thread();
    sigset_t old;
    sig_block_host(&old);
    uint64_t ready = __atomic_load_n(&st->pending, __ATOMIC_SEQ_CST) & set;
    int sig = 0;
    if (ready) {
        sig = __builtin_ctzll(ready) + 1;
        memcpy(info, st->info[sig - 1], SIG_INFO_SIZE);
        __atomic_fetch_and(&st->pending, ~sig_bit(sig), __ATOMIC_SEQ_CST);
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return sig;
}

void sig_save_mask_for_suspend(uint64_t saved)
{
    SigThread *st = sig_thread();
    st->saved_mask = saved;
    st->saved_mask_valid = 1;
}

void sig_host_reclaim(const Process *p)
{
    for (int sig = 32; sig <= 33; sig++) {
        GuestSigaction act = sig_action(p, sig);
        sig_host_action(sig, act.handler, act.flags);
    }
}

bool sig_interrupt_restarts(CPUCommon *cpu)
{
    SigThread *st = sig_thread();
    uint64_t ready = __atomic_load_n(&st->pending, __ATOMIC_SEQ_CST) & ~sys_thread_state()->sigmask;
    if (!ready)
        return false;
    GuestSigaction act = sig_action(cpu->proc, __builtin_ctzll(ready) + 1);
    return act.handler > 1 && (act.flags & GUEST_SA_RESTART);
}

uint64_t sig_take_saved_mask(uint64_t current)
{
    SigThread *st = sig_thread();
    if (!st->saved_mask_valid)
        return current;
    st->saved_mask_valid = 0;
    return st->saved_mask;
}
