/*
 * Waiting for file descriptors: ppoll, pselect6 and epoll.  struct
 * epoll_event is packed on x86-64 (12 bytes) but naturally aligned on most
 * guests (AArch64: 16 bytes), so events go through the guest's layout.
 *
 * XXX: the temporary signal masks of ppoll/pselect6/epoll_pwait are
 * ignored until guest signals are delivered.
 */
#include "syscalls/internal.h"

#include <poll.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/select.h>

#define SYS_MAX_POLL_FDS 65536
#define SYS_MAX_EPOLL_EVENTS 1024 /* per call; the kernel may return fewer */

int64_t sys_do_ppoll(SysCtx *c, const uint64_t *a)
{
    /* struct pollfd is {int, short, short} on every guest; XXX: byte order. */
    uint64_t nfds = a[1];
    struct timespec ts;
    if (nfds > SYS_MAX_POLL_FDS)
        return -EINVAL;
    struct pollfd *fds = gmem_ptr(c->mem, a[0], nfds * sizeof(*fds), PROT_READ | PROT_WRITE);
    if (!fds)
        return -EFAULT;
    if (a[2] && sys_get_timespec(c, a[2], &ts) < 0)
        return -EFAULT;
    if (a[3] && a[4] != c->abi->sigset_size)
        return -EINVAL;
    int r = ppoll(fds, nfds, a[2] ? &ts : NULL, NULL);
    if (r < 0)
        return -errno;
    if (a[2] && sys_put_timespec(c, a[2], &ts) < 0)
        return -EFAULT;
    return r;
}

int64_t sys_do_pselect6(SysCtx *c, const uint64_t *a)
{
    /* fd_set is an array of longs: bit-compatible for 64-bit LE guests (XXX: others). */
    int nfds = (int)a[0];
    struct timespec ts;
    if (nfds < 0 || nfds > FD_SETSIZE)
        return -EINVAL;
    size_t bytes = (size_t)(nfds + 63) / 64 * 8;
    fd_set *sets[3] = {NULL, NULL, NULL};
    for (int i = 0; i < 3; i++)
        if (a[1 + i] && !(sets[i] = gmem_ptr(c->mem, a[1 + i], bytes, PROT_READ | PROT_WRITE)))
            return -EFAULT;
    if (a[4] && sys_get_timespec(c, a[4], &ts) < 0)
        return -EFAULT;
    int r = pselect(nfds, sets[0], sets[1], sets[2], a[4] ? &ts : NULL, NULL);
    if (r < 0)
        return -errno;
    if (a[4] && sys_put_timespec(c, a[4], &ts) < 0)
        return -EFAULT;
    return r;
}

int64_t sys_do_epoll_create1(SysCtx *c, const uint64_t *a)
{
    int flags = (int)thunk_flags_g2h(c->abi->open_flags, (uint32_t)a[0]);
    return sys_ret(epoll_create1(flags));
}

int64_t sys_do_epoll_ctl(SysCtx *c, const uint64_t *a)
{
    struct epoll_event ev = {0};
    if (a[3] && sys_get_struct(c, a[3], c->abi->layout.epoll_event, &ev, sizeof(ev)) < 0)
        return -EFAULT;
    return sys_ret(epoll_ctl(sys_fd(a[0]), (int)a[1], sys_fd(a[2]), a[3] ? &ev : NULL));
}

/* Copies n host events to the guest array at gaddr. */
static int sys_put_events(SysCtx *c, uint64_t gaddr, const struct epoll_event *ev, int n)
{
    const ThunkDesc *d = c->abi->layout.epoll_event;
    size_t gsize = d ? thunk_guest_size(d, &c->abi->target) : sizeof(*ev);
    for (int i = 0; i < n; i++)
        if (sys_put_struct(c, gaddr + i * gsize, d, &ev[i], sizeof(ev[i])) < 0)
            return -EFAULT;
    return 0;
}

/* epoll_pwait with timeout_ms, or -1 for no timeout. */
static int64_t sys_epoll_wait(SysCtx *c, const uint64_t *a, int timeout_ms)
{
    int max = (int)a[2];
    if (max <= 0)
        return -EINVAL;
    const ThunkDesc *d = c->abi->layout.epoll_event;
    size_t gsize = d ? thunk_guest_size(d, &c->abi->target) : sizeof(struct epoll_event);
    if (!gmem_check(c->mem, a[1], (uint64_t)max * gsize, PROT_WRITE))
        return -EFAULT;
    if (max > SYS_MAX_EPOLL_EVENTS)
        max = SYS_MAX_EPOLL_EVENTS;
    struct epoll_event ev[SYS_MAX_EPOLL_EVENTS];
    int n = epoll_wait(sys_fd(a[0]), ev, max, timeout_ms);
    if (n < 0)
        return -errno;
    return sys_put_events(c, a[1], ev, n) < 0 ? -EFAULT : n;
}

int64_t sys_do_epoll_pwait(SysCtx *c, const uint64_t *a)
{
    return sys_epoll_wait(c, a, (int)a[3]);
}

/* epoll_pwait2: a timespec timeout (NULL: none), rounded up to milliseconds. */
int64_t sys_do_epoll_pwait2(SysCtx *c, const uint64_t *a)
{
    struct timespec ts;
    int ms = -1;
    if (a[3]) {
        if (sys_get_timespec(c, a[3], &ts) < 0)
            return -EFAULT;
        if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
            return -EINVAL;
        int64_t v = ts.tv_sec > INT32_MAX / 1000
                        ? INT32_MAX
                        : ts.tv_sec * 1000 + (ts.tv_nsec + 999999) / 1000000;
        ms = (int)(v > INT32_MAX ? INT32_MAX : v);
    }
    return sys_epoll_wait(c, a, ms);
}
