/*
 * Clock and sleep syscalls; timespec/timeval go through the guest layouts.
 */
#include "syscalls/internal.h"

#include <sys/time.h>
#include <time.h>

int64_t sys_do_clock_gettime(SysCtx *c, const uint64_t *a)
{
    struct timespec ts;
    if (clock_gettime((clockid_t)a[0], &ts) < 0)
        return -errno;
    return sys_put_timespec(c, a[1], &ts);
}

int64_t sys_do_clock_getres(SysCtx *c, const uint64_t *a)
{
    struct timespec ts;
    if (clock_getres((clockid_t)a[0], &ts) < 0)
        return -errno;
    return a[1] ? sys_put_timespec(c, a[1], &ts) : 0;
}

int64_t sys_do_gettimeofday(SysCtx *c, const uint64_t *a)
{
    struct timeval tv;
    struct timezone tz;
    if (gettimeofday(&tv, &tz) < 0)
        return -errno;
    if (a[0] && sys_put_struct(c, a[0], c->abi->layout.timeval, &tv, sizeof(tv)) < 0)
        return -EFAULT;
    if (a[1] && gmem_write(c->mem, a[1], &tz, sizeof(tz)) < 0)
        return -EFAULT;
    return 0;
}

/* Writes the remaining time after an interrupted sleep. */
static int64_t sys_sleep_result(SysCtx *c, int err, uint64_t rem_addr, const struct timespec *rem)
{
    if (err == EINTR && rem_addr && sys_put_timespec(c, rem_addr, rem) < 0)
        return -EFAULT;
    return -err;
}

int64_t sys_do_nanosleep(SysCtx *c, const uint64_t *a)
{
    struct timespec req, rem;
    if (sys_get_timespec(c, a[0], &req) < 0)
        return -EFAULT;
    if (nanosleep(&req, &rem) == 0)
        return 0;
    return sys_sleep_result(c, errno, a[1], &rem);
}

int64_t sys_do_clock_nanosleep(SysCtx *c, const uint64_t *a)
{
    struct timespec req, rem;
    if (sys_get_timespec(c, a[2], &req) < 0)
        return -EFAULT;
    int err = clock_nanosleep((clockid_t)a[0], (int)a[1], &req, &rem);
    if (!err)
        return 0;
    return sys_sleep_result(c, err, (a[1] & TIMER_ABSTIME) ? 0 : a[3], &rem);
}
