/*
 * Signal syscalls: dispositions, masks and the alternate stack are recorded
 * (state.h) for the signals code; SIG_IGN / SIG_DFL are mirrored to the
 * host for signals ferry does not use itself, so an ignored SIGPIPE makes
 * write return EPIPE as on the guest's kernel.  kill/tkill/tgkill to ferry's
 * own process take the default action or are ignored as recorded.
 *
 * XXX: guest handlers are not run yet (the signals issue); a signal the
 * guest handles is dropped with a log line when sent to itself.
 */
#include "syscalls/internal.h"

#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define GUEST_SIG_DFL 0
#define GUEST_SIG_IGN 1
#define GUEST_SS_ONSTACK 1
#define GUEST_SS_DISABLE 2
#define GUEST_SS_AUTODISARM (1u << 31)

static uint64_t sig_bit(int sig)
{
    return 1ull << (sig - 1);
}

/* Signals ferry handles on the host for its own use. */
static bool sig_owned_by_ferry(int sig)
{
    return sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL;
}

static void sig_mirror_to_host(int sig, uint64_t handler)
{
    if (sig_owned_by_ferry(sig) || sig >= SIGRTMIN || sig == SIGKILL || sig == SIGSTOP)
        return;
    if (handler == GUEST_SIG_IGN)
        signal(sig, SIG_IGN);
    else if (handler == GUEST_SIG_DFL)
        signal(sig, SIG_DFL);
}

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
        act.mask &= ~(sig_bit(SIGKILL) | sig_bit(SIGSTOP));
        s->sigact[sig] = act;
        sig_mirror_to_host(sig, act.handler);
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
    uint64_t set = 0, old = t->sigmask;
    if (a[3] != c->abi->sigset_size || a[3] > sizeof(buf))
        return -EINVAL;
    if (a[1]) {
        if (gmem_read(c->mem, buf, a[1], a[3]) < 0)
            return -EFAULT;
        set = thunk_load(tg, buf, (unsigned)a[3], false);
        set &= ~(sig_bit(SIGKILL) | sig_bit(SIGSTOP));
        switch ((int)a[0]) {
        case SIG_BLOCK:
            t->sigmask |= set;
            break;
        case SIG_UNBLOCK:
            t->sigmask &= ~set;
            break;
        case SIG_SETMASK:
            t->sigmask = set;
            break;
        default:
            return -EINVAL;
        }
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
    if (a[0]) {
        if (sys_get_struct(c, a[0], c->abi->layout.stack, &ss, sizeof(ss)) < 0)
            return -EFAULT;
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

/* Default action of sig is to ignore it. */
static bool sig_default_ignores(int sig)
{
    return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH || sig == SIGCONT;
}

/*
 * Decides a signal ferry's own process sends itself: 0 to deliver it on the
 * host (default action), 1 when it has no effect.
 */
static int sig_to_self(SysCtx *c, int sig)
{
    if (sig == 0 || sig > SYS_NSIG)
        return 0;
    SysProcState *s = sys_proc_state(c->p);
    pthread_mutex_lock(&s->lock);
    uint64_t handler = s->sigact[sig].handler;
    pthread_mutex_unlock(&s->lock);
    if (handler == GUEST_SIG_IGN || (handler == GUEST_SIG_DFL && sig_default_ignores(sig)))
        return 1;
    if (handler != GUEST_SIG_DFL) {
        sys_log_once(c, 0x500000000ull | (uint32_t)sig,
                     "signal %d to a guest handler dropped (not supported yet)", sig);
        return 1;
    }
    fflush(NULL);
    if (sig_owned_by_ferry(sig))
        signal(sig, SIG_DFL); /* the process dies of it, not ferry's fault handler */
    return 0;
}

int64_t sys_do_kill(SysCtx *c, const uint64_t *a)
{
    pid_t pid = (pid_t)a[0];
    int sig = (int)a[1];
    if ((pid == 0 || pid == getpid()) && sig_to_self(c, sig))
        return 0;
    return sys_ret(kill(pid, sig));
}

int64_t sys_do_tkill(SysCtx *c, const uint64_t *a)
{
    pid_t tid = (pid_t)a[0];
    int sig = (int)a[1];
    if (tid == gettid() && sig_to_self(c, sig))
        return 0;
    return sys_ret(syscall(SYS_tkill, tid, sig));
}

int64_t sys_do_tgkill(SysCtx *c, const uint64_t *a)
{
    pid_t tgid = (pid_t)a[0], tid = (pid_t)a[1];
    int sig = (int)a[2];
    if (tgid == getpid() && sig_to_self(c, sig))
        return 0;
    return sys_ret(tgkill(tgid, tid, sig));
}
