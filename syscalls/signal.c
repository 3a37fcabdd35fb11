/*
 * Signal syscalls: dispositions, masks and the alternate stack are recorded
 * (state.h) for signals/, which mirrors them onto the host and delivers
 * (signals/deliver.c).  Guest and host (x86-64) share signal numbers and
 * the siginfo layout, so kill, sigqueue and sigtimedwait go to the host
 * kernel as they are; alarm() is setitimer here.
 */
#include "syscalls/internal.h"

#include <pthread.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include "frontends/guest_arch.h"
#include "signals/signals.h"
#include "syscalls/state.h"

int64_t sys_do_rt_sigaction(SysCtx *c, const uint64_t *a)
{
    int sig = (int)a[0];
    GuestSigaction act, old;
    if (a[3] != c->abi->sigset_size)
        return -EINVAL;
    if (sig < 1 || sig > SYS_NSIG || (a[1] && (sig == SIGKILL || sig == SIGSTOP)))
        return -EINVAL;
    if (a[1] && sys_get_struct(c, a[1], c->abi->layout.sigaction, &act, sizeof(act)) < 0)
        return -EFAULT;
    SysProcState *s = sys_proc_state(c->p);
    pthread_mutex_lock(&s->lock);
    old = s->sigact[sig];
    if (a[1]) {
        act.mask &= ~SIG_UNBLOCKABLE;
        s->sigact[sig] = act;
        sig_host_action(sig, act.handler, act.flags);
    }
    pthread_mutex_unlock(&s->lock);
    if (a[2] && sys_put_struct(c, a[2], c->abi->layout.sigaction, &old, sizeof(old)) < 0)
        return -EFAULT;
    return 0;
}

int64_t sys_do_rt_sigprocmask(SysCtx *c, const uint64_t *a)
{
    SysThread *t = sys_thread_state();
    const ThunkTarget *tg = &c->abi->target;
    uint8_t buf[8];
    uint64_t set = 0, old = t->sigmask, mask = t->sigmask;
    if (a[3] != c->abi->sigset_size || a[3] > sizeof(buf))
        return -EINVAL;
    if (a[1]) {
        if (gmem_read(c->mem, buf, a[1], a[3]) < 0)
            return -EFAULT;
        set = thunk_load(tg, buf, (unsigned)a[3], false);
        set &= ~SIG_UNBLOCKABLE;
        switch ((int)a[0]) {
        case SIG_BLOCK:
            mask |= set;
            break;
        case SIG_UNBLOCK:
            mask &= ~set;
            break;
        case SIG_SETMASK:
            mask = set;
            break;
        default:
            return -EINVAL;
        }
        sig_set_mask(c->cpu, mask);
    }
    if (a[2]) {
        thunk_store(tg, buf, (unsigned)a[3], old);
        if (gmem_write(c->mem, a[2], buf, a[3]) < 0)
            return -EFAULT;
    }
    return 0;
}

/* stack_t as the host sees it. */
static int sys_put_stack(SysCtx *c, uint64_t gaddr, const SysThread *t)
{
    stack_t ss = {.ss_sp = (void *)(uintptr_t)t->altstack_sp,
                  .ss_flags = t->altstack_size ? t->altstack_flags : GUEST_SS_DISABLE,
                  .ss_size = t->altstack_size};
    return sys_put_struct(c, gaddr, c->abi->layout.stack, &ss, sizeof(ss));
}

int64_t sys_do_sigaltstack(SysCtx *c, const uint64_t *a)
{
    SysThread *t = sys_thread_state();
    stack_t ss;
    SysThread old = *t;
    const GuestArch *arch = c->cpu->arch ? c->cpu->arch : c->p->arch;
    uint64_t sp = arch && arch->sig_sp ? arch->sig_sp(c->cpu) : 0;
    bool on_stack =
        t->altstack_size && sp > t->altstack_sp && sp - t->altstack_sp <= t->altstack_size;
    if (on_stack)
        old.altstack_flags |= GUEST_SS_ONSTACK;
    if (a[0]) {
        if (sys_get_struct(c, a[0], c->abi->layout.stack, &ss, sizeof(ss)) < 0)
            return -EFAULT;
        if (on_stack)
            return -EPERM;
        unsigned mode = (unsigned)ss.ss_flags & ~GUEST_SS_AUTODISARM;
        if (mode != 0 && mode != GUEST_SS_DISABLE)
            return -EINVAL;
        if (mode == GUEST_SS_DISABLE) {
            t->altstack_sp = t->altstack_size = 0;
        } else {
            if (ss.ss_size < c->abi->min_sigstack)
                return -ENOMEM;
            t->altstack_sp = (uintptr_t)ss.ss_sp;
            t->altstack_size = ss.ss_size;
        }
        t->altstack_flags = ss.ss_flags & (int)GUEST_SS_AUTODISARM;
    }
    if (a[1] && sys_put_stack(c, a[1], &old) < 0)
        return -EFAULT;
    return 0;
}

int64_t sys_do_kill(SysCtx *c, const uint64_t *a)
{
    pid_t pid = (pid_t)a[0];
    int sig = (int)a[1];
    return sys_ret(kill(pid, sig));
}

int64_t sys_do_tkill(SysCtx *c, const uint64_t *a)
{
    pid_t tid = (pid_t)a[0];
    int sig = (int)a[1];
    return sys_ret(syscall(SYS_tkill, tid, sig));
}

int64_t sys_do_tgkill(SysCtx *c, const uint64_t *a)
{
    pid_t tgid = (pid_t)a[0], tid = (pid_t)a[1];
    int sig = (int)a[2];
    return sys_ret(tgkill(tgid, tid, sig));
}

/* siginfo from the guest for sigqueue: the same 128-byte layout as the host's. */
static int64_t sig_queue_host(SysCtx *c, long nr, pid_t tgid, pid_t tid, int sig, uint64_t uinfo)
{
    uint8_t info[SIG_INFO_SIZE];
    if (gmem_read(c->mem, info, uinfo, sizeof(info)) < 0)
        return -EFAULT;
    if (nr == SYS_rt_sigqueueinfo)
        return sys_ret(syscall(nr, tgid, sig, info));
    return sys_ret(syscall(nr, tgid, tid, sig, info));
}

int64_t sys_do_rt_sigqueueinfo(SysCtx *c, const uint64_t *a)
{
    return sig_queue_host(c, SYS_rt_sigqueueinfo, (pid_t)a[0], 0, (int)a[1], a[2]);
}

int64_t sys_do_rt_tgsigqueueinfo(SysCtx *c, const uint64_t *a)
{
    return sig_queue_host(c, SYS_rt_tgsigqueueinfo, (pid_t)a[0], (pid_t)a[1], (int)a[2], a[3]);
}

int64_t sys_do_rt_sigreturn(SysCtx *c, const uint64_t *a)
{
    (void)a;
    return sig_sigreturn(c->cpu);
}

/* Reads a guest sigset (a[1] bytes checked by the caller). 0 or -EFAULT. */
static int sig_get_set(SysCtx *c, uint64_t gaddr, uint64_t size, uint64_t *set)
{
    uint8_t buf[8];
    if (size != c->abi->sigset_size || size > sizeof(buf))
        return -EINVAL;
    if (gmem_read(c->mem, buf, gaddr, size) < 0)
        return -EFAULT;
    *set = thunk_load(&c->abi->target, buf, (unsigned)size, false);
    return 0;
}

static int sig_put_set(SysCtx *c, uint64_t gaddr, uint64_t size, uint64_t set)
{
    uint8_t buf[8];
    thunk_store(&c->abi->target, buf, (unsigned)size, set);
    return gmem_write(c->mem, gaddr, buf, size) < 0 ? -EFAULT : 0;
}

/* A host sigset of the guest signals in set that the host carries. */
static void sig_host_set(uint64_t set, sigset_t *out)
{
    sigemptyset(out);
    for (int sig = 1; sig <= SYS_NSIG; sig++)
        if (set >> (sig - 1) & 1)
            sigaddset(out, sig);
}

int64_t sys_do_rt_sigsuspend(SysCtx *c, const uint64_t *a)
{
    sigset_t hs;
    int r = sys_sigmask_begin(c, a[0], a[1], &hs);
    if (r < 0)
        return r;
    if (!r) /* nothing deliverable yet */
        sigsuspend(&hs);
    sig_host_mask(sys_thread_state()->sigmask);
    __atomic_store_n(&c->cpu->exit_request, 1, __ATOMIC_SEQ_CST);
    return -EINTR;
}

int sys_sigmask_begin(SysCtx *c, uint64_t gaddr, uint64_t size, sigset_t *hs)
{
    SysThread *t = sys_thread_state();
    uint64_t set;
    int r = sig_get_set(c, gaddr, size, &set);
    if (r < 0)
        return r;
    sigset_t old;
    sig_block_host(&old); /* the wait below unblocks atomically: no wake-up lost */
    sig_save_mask_for_suspend(t->sigmask);
    t->sigmask = set & ~SIG_UNBLOCKABLE;
    sig_host_set(sig_host_blocked(t->sigmask), hs);
    sigdelset(hs, SIGSEGV);
    sigdelset(hs, SIGBUS);
    sigdelset(hs, SIGILL);
    sigdelset(hs, SIGFPE);
    return (sig_pending_recorded() & ~t->sigmask) ? 1 : 0;
}

int64_t sys_sigmask_end(SysCtx *c, int64_t r)
{
    SysThread *t = sys_thread_state();
    if (r == -EINTR) {
        /* A handler runs with the call's mask; delivery restores the saved one after it. */
        __atomic_store_n(&c->cpu->exit_request, 1, __ATOMIC_SEQ_CST);
    } else {
        t->sigmask = sig_take_saved_mask(t->sigmask);
    }
    sig_host_mask(t->sigmask);
    return r;
}

int64_t sys_do_rt_sigpending(SysCtx *c, const uint64_t *a)
{
    SysThread *t = sys_thread_state();
    if (a[1] != c->abi->sigset_size)
        return -EINVAL;
    sigset_t hs;
    uint64_t set = sig_pending_recorded();
    if (sigpending(&hs) == 0)
        for (int sig = 1; sig <= SYS_NSIG; sig++)
            if (sigismember(&hs, sig) == 1)
                set |= 1ull << (sig - 1);
    return sig_put_set(c, a[0], a[1], set & t->sigmask);
}

int64_t sys_do_rt_sigtimedwait(SysCtx *c, const uint64_t *a)
{
    uint64_t set;
    struct timespec ts;
    int r = sig_get_set(c, a[0], a[3], &set);
    if (r < 0)
        return r;
    if (a[2] && sys_get_timespec(c, a[2], &ts) < 0)
        return -EFAULT;
    set &= ~SIG_UNBLOCKABLE;
    uint8_t info[SIG_INFO_SIZE];
    /* The waited-for signals are taken on the host without running handlers. */
    sigset_t hs, old;
    sig_host_set(set, &hs);
    pthread_sigmask(SIG_BLOCK, &hs, &old);
    int sig = sig_take_recorded(set, info);
    if (!sig) {
        siginfo_t si;
        sig = sigtimedwait(&hs, &si, a[2] ? &ts : NULL);
        int err = errno;
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        if (sig < 0)
            return -err;
        memcpy(info, &si, sizeof(info));
    } else {
        /* The host mask anew: a real-time signal taken no longer holds back its queue. */
        sig_host_mask(sys_thread_state()->sigmask);
    }
    if (a[1] && gmem_write(c->mem, a[1], info, sizeof(info)) < 0)
        return -EFAULT;
    return sig;
}

/*
 * signalfd4(fd, mask, size, flags): the host's signalfd over the host
 * signals of the mask; struct signalfd_siginfo is the same everywhere.
 * The guest blocks those signals itself (its mask is the host thread's).
 */
int64_t sys_do_signalfd4(SysCtx *c, const uint64_t *a)
{
    uint64_t set;
    int r = sig_get_set(c, a[1], a[2], &set);
    if (r < 0)
        return r;
    sigset_t hs;
    sig_host_set(set, &hs);
    return sys_ret(signalfd(sys_fd(a[0]), &hs, (int)a[3]));
}

/* struct itimerval: four longs on the guest and on the host. */
int64_t sys_do_setitimer(SysCtx *c, const uint64_t *a)
{
    struct itimerval nv, ov;
    if (gmem_read(c->mem, &nv, a[1], sizeof(nv)) < 0)
        return -EFAULT;
    if (setitimer((int)a[0], &nv, &ov) < 0)
        return -errno;
    if (a[2] && gmem_write(c->mem, a[2], &ov, sizeof(ov)) < 0)
        return -EFAULT;
    return 0;
}

int64_t sys_do_getitimer(SysCtx *c, const uint64_t *a)
{
    struct itimerval v;
    if (getitimer((int)a[0], &v) < 0)
        return -errno;
    return gmem_write(c->mem, a[1], &v, sizeof(v)) < 0 ? -EFAULT : 0;
}
