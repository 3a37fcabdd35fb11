/*
 * POSIX per-process timers (timer_create and friends) and the clock
 * setters, passed to the host kernel.  struct sigevent (64 bytes) and
 * struct itimerspec have the host's layout on 64-bit guests; a
 * SIGEV_THREAD_ID target is a guest thread id, which is a host thread id.
 * The timer's signal reaches the guest like any host signal.
 */
#include "syscalls/internal.h"

#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/timex.h>
#include <unistd.h>

int64_t sys_do_timer_create(SysCtx *c, const uint64_t *a)
{
    struct sigevent sev;
    int id;
    if (a[1] && gmem_read(c->mem, &sev, a[1], sizeof(sev)) < 0)
        return -EFAULT;
    if (!gmem_check(c->mem, a[2], sizeof(id), PROT_WRITE))
        return -EFAULT;
    if (syscall(SYS_timer_create, (clockid_t)a[0], a[1] ? &sev : NULL, &id) < 0)
        return -errno;
    return gmem_write(c->mem, a[2], &id, sizeof(id)) < 0 ? -EFAULT : 0;
}

int64_t sys_do_timer_settime(SysCtx *c, const uint64_t *a)
{
    struct itimerspec nv, ov;
    if (gmem_read(c->mem, &nv, a[2], sizeof(nv)) < 0)
        return -EFAULT;
    if (a[3] && !gmem_check(c->mem, a[3], sizeof(ov), PROT_WRITE))
        return -EFAULT;
    if (syscall(SYS_timer_settime, (int)a[0], (int)a[1], &nv, a[3] ? &ov : NULL) < 0)
        return -errno;
    return a[3] && gmem_write(c->mem, a[3], &ov, sizeof(ov)) < 0 ? -EFAULT : 0;
}

int64_t sys_do_timer_gettime(SysCtx *c, const uint64_t *a)
{
    struct itimerspec cur;
    if (syscall(SYS_timer_gettime, (int)a[0], &cur) < 0)
        return -errno;
    return gmem_write(c->mem, a[1], &cur, sizeof(cur)) < 0 ? -EFAULT : 0;
}

int64_t sys_do_timer_getoverrun(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_timer_getoverrun, (int)a[0]));
}

int64_t sys_do_timer_delete(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_timer_delete, (int)a[0]));
}

int64_t sys_do_clock_settime(SysCtx *c, const uint64_t *a)
{
    struct timespec ts;
    if (sys_get_timespec(c, a[1], &ts) < 0)
        return -EFAULT;
    return sys_ret(syscall(SYS_clock_settime, (clockid_t)a[0], &ts));
}

/* struct timex (208 bytes) has the host's layout on 64-bit guests. */
int64_t sys_do_clock_adjtime(SysCtx *c, const uint64_t *a)
{
    struct timex *tx = gmem_ptr(c->mem, a[1], sizeof(*tx), PROT_READ | PROT_WRITE);
    return tx ? sys_ret(syscall(SYS_clock_adjtime, (clockid_t)a[0], tx)) : -EFAULT;
}

int64_t sys_do_adjtimex(SysCtx *c, const uint64_t *a)
{
    struct timex *tx = gmem_ptr(c->mem, a[0], sizeof(*tx), PROT_READ | PROT_WRITE);
    return tx ? sys_ret(syscall(SYS_adjtimex, tx)) : -EFAULT;
}

int64_t sys_do_settimeofday(SysCtx *c, const uint64_t *a)
{
    struct timeval tv;
    struct timezone tz;
    if (a[0] && gmem_read(c->mem, &tv, a[0], sizeof(tv)) < 0)
        return -EFAULT;
    if (a[1] && gmem_read(c->mem, &tz, a[1], sizeof(tz)) < 0)
        return -EFAULT;
    return sys_ret(syscall(SYS_settimeofday, a[0] ? &tv : NULL, a[1] ? &tz : NULL));
}
