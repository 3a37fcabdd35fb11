/*
 * Waiting for file descriptors: ppoll, pselect6 and epoll.  struct
 * epoll_event is packed on x86-64 (12 bytes) but naturally aligned on most
 * guests (AArch64: 16 bytes), so events go through the guest's layout.
 * The temporary signal mask of ppoll, pselect6 and epoll_pwait is the
 * thread's guest mask during the wait (sys_sigmask_begin/end), as in Linux.
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
    sigset_t hs;
    int m = a[3] ? sys_sigmask_begin(c, a[3], a[4], &hs) : 0;
    if (m < 0)
        return m;
    int r = m ? -EINTR : (int)sys_ret(ppoll(fds, nfds, a[2] ? &ts : NULL, a[3] ? &hs : NULL));
    if (a[3])
        sys_sigmask_end(c, r);
    if (r < 0)
        return r;
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
    /* a[5]: {const sigset_t *ss; size_t ss_len}, two guest words (NULL: no mask). */
    uint64_t sm[2] = {0, 0};
    const ThunkTarget *t = &c->abi->target;
    uint8_t raw[16];
    if (a[5]) {
        if (gmem_read(c->mem, raw, a[5], 2u * t->word_size) < 0)
            return -EFAULT;
        sm[0] = thunk_load(t, raw, t->word_size, false);
        sm[1] = thunk_load(t, raw + t->word_size, t->word_size, false);
    }
    sigset_t hs;
    int m = sm[0] ? sys_sigmask_begin(c, sm[0], sm[1], &hs) : 0;
    if (m < 0)
        return m;
    int r = m ? -EINTR
              : (int)sys_ret(pselect(nfds, sets[0], sets[1], sets[2], a[4] ? &ts : NULL,
                                     sm[0] ? &hs : NULL));
    if (sm[0])
        sys_sigmask_end(c, r);
    if (r < 0)
        return r;
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

/* epoll_pwait with timeout_ms (-1: none) and the guest sigmask at a[4] (a[5] bytes). */
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
    sigset_t hs;
    int m = a[4] ? sys_sigmask_begin(c, a[4], a[5], &hs) : 0;
    if (m < 0)
        return m;
    int n = m ? -EINTR
              : (int)sys_ret(epoll_pwait(sys_fd(a[0]), ev, max, timeout_ms, a[4] ? &hs : NULL));
    if (a[4])
        sys_sigmask_end(c, n);
    if (n < 0)
        return n;
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
