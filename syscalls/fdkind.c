/*
 * File descriptors of special kinds, passed to the host: timerfd (struct
 * itimerspec is four longs everywhere 64-bit), inotify (events are read
 * with read(2) in the host's layout, which 64-bit guests share), pidfds,
 * and close_range.  Their flag bits (O_CLOEXEC, O_NONBLOCK) are the same
 * numbers on asm-generic guests and x86-64.
 */
#include "syscalls/internal.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <unistd.h>

int64_t sys_do_timerfd_create(SysCtx *c, const uint64_t *a)
{
    return sys_ret(timerfd_create((int)a[0], (int)a[1]));
}

int64_t sys_do_timerfd_settime(SysCtx *c, const uint64_t *a)
{
    struct itimerspec nv, ov;
    if (gmem_read(c->mem, &nv, a[2], sizeof(nv)) < 0)
        return -EFAULT;
    if (a[3] && !gmem_check(c->mem, a[3], sizeof(ov), PROT_WRITE))
        return -EFAULT;
    if (timerfd_settime(sys_fd(a[0]), (int)a[1], &nv, &ov) < 0)
        return -errno;
    return a[3] && gmem_write(c->mem, a[3], &ov, sizeof(ov)) < 0 ? -EFAULT : 0;
}

int64_t sys_do_timerfd_gettime(SysCtx *c, const uint64_t *a)
{
    struct itimerspec cur;
    if (timerfd_gettime(sys_fd(a[0]), &cur) < 0)
        return -errno;
    return gmem_write(c->mem, a[1], &cur, sizeof(cur)) < 0 ? -EFAULT : 0;
}

int64_t sys_do_inotify_init1(SysCtx *c, const uint64_t *a)
{
    return sys_ret(inotify_init1((int)a[0]));
}

int64_t sys_do_inotify_add_watch(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    /* Linux checks the mask and the fd before the path. */
    if (!((uint32_t)a[2] & IN_ALL_EVENTS))
        return -EINVAL;
    if (fcntl(sys_fd(a[0]), F_GETFD) < 0)
        return -EBADF;
    int r = sys_get_path_follow(c, a[1], path, !((uint32_t)a[2] & IN_DONT_FOLLOW));
    return r < 0 ? r : sys_ret(inotify_add_watch(sys_fd(a[0]), path, (uint32_t)a[2]));
}

int64_t sys_do_inotify_rm_watch(SysCtx *c, const uint64_t *a)
{
    return sys_ret(inotify_rm_watch(sys_fd(a[0]), (int)a[1]));
}

/* Guest pids are host pids. */
int64_t sys_do_pidfd_open(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_pidfd_open, (pid_t)a[0], (unsigned)a[1]));
}

/* The siginfo (128 bytes) has the host's layout on 64-bit guests. */
int64_t sys_do_pidfd_send_signal(SysCtx *c, const uint64_t *a)
{
    siginfo_t si;
    if (a[2] && gmem_read(c->mem, &si, a[2], sizeof(si)) < 0)
        return -EFAULT;
    return sys_ret(
        syscall(SYS_pidfd_send_signal, sys_fd(a[0]), (int)a[1], a[2] ? &si : NULL, (unsigned)a[3]));
}

int64_t sys_do_pidfd_getfd(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_pidfd_getfd, sys_fd(a[0]), sys_fd(a[1]), (unsigned)a[2]));
}

int sys_own_fd(const SysCtx *c)
{
    FILE *log = c->p->log;
    return log && log != stderr && log != stdout ? fileno(log) : -1;
}

/* close_range spares ferry's own fd: the range is closed on both sides of it. */
int64_t sys_do_close_range(SysCtx *c, const uint64_t *a)
{
    unsigned first = (unsigned)a[0], last = (unsigned)a[1], flags = (unsigned)a[2];
    int own = sys_own_fd(c);
    if (first > last || own < 0 || (unsigned)own < first || (unsigned)own > last)
        return sys_ret(syscall(SYS_close_range, first, last, flags));
    long r = 0;
    if ((unsigned)own > first)
        r = syscall(SYS_close_range, first, (unsigned)own - 1, flags);
    if (r == 0 && (unsigned)own < last)
        r = syscall(SYS_close_range, (unsigned)own + 1, last, flags);
    return sys_ret(r);
}
