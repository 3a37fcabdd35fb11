/*
 * POSIX message queues (mq_open and friends), passed to the host kernel.
 * A queue name is a name in the mqueue filesystem, not a path: it is never
 * looked up in the sysroot.  struct mq_attr (four longs), struct sigevent
 * and the timespecs have the host's layout on 64-bit guests; the O_* bits
 * of mq_open are translated like open's.
 */
#include "syscalls/internal.h"

#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MQ_NAME_MAX 256 /* NAME_MAX + 1 */
#define MQ_MSG_MAX (1u << 24)

int64_t sys_do_mq_open(SysCtx *c, const uint64_t *a)
{
    char name[MQ_NAME_MAX];
    struct mq_attr attr;
    int r = sys_get_str(c, a[0], name, sizeof(name));
    if (r < 0)
        return r;
    int flags = (int)thunk_flags_g2h(c->abi->open_flags, (uint32_t)a[1]);
    if ((flags & O_CREAT) && a[3] && gmem_read(c->mem, &attr, a[3], sizeof(attr)) < 0)
        return -EFAULT;
    return sys_ret(
        syscall(SYS_mq_open, name, flags, (mode_t)a[2], (flags & O_CREAT) && a[3] ? &attr : NULL));
}

int64_t sys_do_mq_unlink(SysCtx *c, const uint64_t *a)
{
    char name[MQ_NAME_MAX];
    int r = sys_get_str(c, a[0], name, sizeof(name));
    return r < 0 ? r : sys_ret(syscall(SYS_mq_unlink, name));
}

int64_t sys_do_mq_timedsend(SysCtx *c, const uint64_t *a)
{
    struct timespec ts;
    if (a[2] > MQ_MSG_MAX)
        return -EMSGSIZE;
    const void *msg = sys_buf(c, a[1], a[2], PROT_READ);
    if (!msg)
        return -EFAULT;
    if (a[4] && sys_get_timespec(c, a[4], &ts) < 0)
        return -EFAULT;
    return sys_ret(
        syscall(SYS_mq_timedsend, (int)a[0], msg, (size_t)a[2], (unsigned)a[3], a[4] ? &ts : NULL));
}

int64_t sys_do_mq_timedreceive(SysCtx *c, const uint64_t *a)
{
    struct timespec ts;
    unsigned prio = 0;
    uint64_t len = a[2] > MQ_MSG_MAX ? MQ_MSG_MAX : a[2];
    void *msg = sys_buf(c, a[1], len, PROT_WRITE);
    if (!msg)
        return -EFAULT;
    if (a[4] && sys_get_timespec(c, a[4], &ts) < 0)
        return -EFAULT;
    long r = syscall(SYS_mq_timedreceive, (int)a[0], msg, (size_t)len, &prio, a[4] ? &ts : NULL);
    if (r < 0)
        return -errno;
    if (a[3] && gmem_write(c->mem, a[3], &prio, sizeof(prio)) < 0)
        return -EFAULT;
    return r;
}

int64_t sys_do_mq_notify(SysCtx *c, const uint64_t *a)
{
    struct sigevent sev;
    if (a[1] && gmem_read(c->mem, &sev, a[1], sizeof(sev)) < 0)
        return -EFAULT;
    return sys_ret(syscall(SYS_mq_notify, (int)a[0], a[1] ? &sev : NULL));
}

int64_t sys_do_mq_getsetattr(SysCtx *c, const uint64_t *a)
{
    struct mq_attr nv, ov;
    if (a[1] && gmem_read(c->mem, &nv, a[1], sizeof(nv)) < 0)
        return -EFAULT;
    if (syscall(SYS_mq_getsetattr, (int)a[0], a[1] ? &nv : NULL, &ov) < 0)
        return -errno;
    return a[2] && gmem_write(c->mem, a[2], &ov, sizeof(ov)) < 0 ? -EFAULT : 0;
}
