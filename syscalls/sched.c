/*
 * Scheduling and memory-residency calls passed to the host: sched_*
 * parameters and policies (struct sched_param and struct sched_attr are the
 * same on every guest), getcpu, I/O priorities, membarrier, and mlock /
 * mincore on guest memory (guest pages are host pages at guest_base + addr,
 * the guest page size being the host's).
 */
#include "syscalls/internal.h"

#include <sched.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define SYS_SCHED_ATTR_MAX 4096 /* the kernel checks the rest is zero */

int64_t sys_do_sched_setparam(SysCtx *c, const uint64_t *a)
{
    const struct sched_param *p = gmem_ptr(c->mem, a[1], sizeof(*p), PROT_READ);
    return p ? sys_ret(syscall(SYS_sched_setparam, (pid_t)a[0], p)) : -EFAULT;
}

int64_t sys_do_sched_getparam(SysCtx *c, const uint64_t *a)
{
    struct sched_param *p = gmem_ptr(c->mem, a[1], sizeof(*p), PROT_WRITE);
    return p ? sys_ret(syscall(SYS_sched_getparam, (pid_t)a[0], p)) : -EFAULT;
}

int64_t sys_do_sched_setscheduler(SysCtx *c, const uint64_t *a)
{
    const struct sched_param *p = gmem_ptr(c->mem, a[2], sizeof(*p), PROT_READ);
    return p ? sys_ret(syscall(SYS_sched_setscheduler, (pid_t)a[0], (int)a[1], p)) : -EFAULT;
}

int64_t sys_do_sched_getscheduler(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_sched_getscheduler, (pid_t)a[0]));
}

int64_t sys_do_sched_get_priority_max(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_sched_get_priority_max, (int)a[0]));
}

int64_t sys_do_sched_get_priority_min(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_sched_get_priority_min, (int)a[0]));
}

int64_t sys_do_sched_rr_get_interval(SysCtx *c, const uint64_t *a)
{
    struct timespec ts;
    if (syscall(SYS_sched_rr_get_interval, (pid_t)a[0], &ts) < 0)
        return -errno;
    return sys_put_timespec(c, a[1], &ts);
}

/* struct sched_attr starts with its size (u32); 0 means the first version, 48 bytes. */
int64_t sys_do_sched_setattr(SysCtx *c, const uint64_t *a)
{
    uint32_t size;
    if (gmem_read(c->mem, &size, a[1], sizeof(size)) < 0)
        return -EFAULT;
    if (size > SYS_SCHED_ATTR_MAX)
        size = SYS_SCHED_ATTR_MAX;
    void *attr = gmem_ptr(c->mem, a[1], size < 48 ? 48 : size, PROT_READ);
    return attr ? sys_ret(syscall(SYS_sched_setattr, (pid_t)a[0], attr, (unsigned)a[2])) : -EFAULT;
}

int64_t sys_do_sched_getattr(SysCtx *c, const uint64_t *a)
{
    if (a[2] > SYS_SCHED_ATTR_MAX)
        return -EINVAL;
    void *attr = gmem_ptr(c->mem, a[1], a[2], PROT_WRITE);
    if (!attr)
        return -EFAULT;
    return sys_ret(syscall(SYS_sched_getattr, (pid_t)a[0], attr, (unsigned)a[2], (unsigned)a[3]));
}

int64_t sys_do_getcpu(SysCtx *c, const uint64_t *a)
{
    unsigned cpu, node;
    if (syscall(SYS_getcpu, &cpu, &node, NULL) < 0)
        return -errno;
    if ((a[0] && gmem_write(c->mem, a[0], &cpu, sizeof(cpu)) < 0) ||
        (a[1] && gmem_write(c->mem, a[1], &node, sizeof(node)) < 0))
        return -EFAULT;
    return 0;
}

int64_t sys_do_ioprio_set(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_ioprio_set, (int)a[0], (int)a[1], (int)a[2]));
}

int64_t sys_do_ioprio_get(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_ioprio_get, (int)a[0], (int)a[1]));
}

/* Guest threads are host threads: the host's barrier covers them. */
int64_t sys_do_membarrier(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_membarrier, (int)a[0], (unsigned)a[1], (int)a[2]));
}

/* The host range of a guest range for mlock-like calls, or NULL (-ENOMEM: not mapped). */
static void *sys_mem_range(SysCtx *c, uint64_t addr, uint64_t len)
{
    uint64_t start = addr & GUEST_PAGE_MASK;
    if (!gmem_in_window(c->mem, start, len + (addr - start)) ||
        !gmem_check(c->mem, start, len + (addr - start), 0))
        return NULL;
    return g2h(c->mem, addr);
}

int64_t sys_do_mlock(SysCtx *c, const uint64_t *a)
{
    void *p = sys_mem_range(c, a[0], a[1]);
    return p ? sys_ret(mlock(p, a[1])) : -ENOMEM;
}

int64_t sys_do_mlock2(SysCtx *c, const uint64_t *a)
{
    void *p = sys_mem_range(c, a[0], a[1]);
    return p ? sys_ret(syscall(SYS_mlock2, p, (size_t)a[1], (unsigned)a[2])) : -ENOMEM;
}

int64_t sys_do_munlock(SysCtx *c, const uint64_t *a)
{
    void *p = sys_mem_range(c, a[0], a[1]);
    return p ? sys_ret(munlock(p, a[1])) : -ENOMEM;
}

/*
 * mlockall / munlockall act on the guest's mappings only (ferry's own memory
 * is not the guest's to lock): each guest region that is not PROT_NONE is
 * mlock'ed (MLOCK_ONFAULT for MCL_ONFAULT) or munlock'ed; MCL_FUTURE makes
 * later guest mmaps locked (sys_mlock_new).
 * XXX: brk growth and mremap are not locked under MCL_FUTURE.
 */
static int mlock_future; /* 0, or MCL_FUTURE | (MCL_ONFAULT when asked) */

typedef struct MlockAll {
    GuestMem *mem;
    bool lock, onfault;
    int err;
} MlockAll;

static void mlockall_region(const GuestRegion *r, void *opaque)
{
    MlockAll *m = opaque;
    if (!r->prot)
        return;
    void *h = g2h(m->mem, r->start);
    size_t len = r->end - r->start;
    long rc =
        m->lock ? syscall(SYS_mlock2, h, len, m->onfault ? MLOCK_ONFAULT : 0) : munlock(h, len);
    if (rc < 0 && !m->err)
        m->err = -errno;
}

void sys_mlock_new(SysCtx *c, uint64_t gaddr, uint64_t len)
{
    int f = __atomic_load_n(&mlock_future, __ATOMIC_RELAXED);
    if (f && len)
        syscall(SYS_mlock2, g2h(c->mem, gaddr), (size_t)len, (f & MCL_ONFAULT) ? MLOCK_ONFAULT : 0);
}

int64_t sys_do_mlockall(SysCtx *c, const uint64_t *a)
{
    int flags = (int)a[0];
    if (!flags || (flags & ~(MCL_CURRENT | MCL_FUTURE | MCL_ONFAULT)) || flags == MCL_ONFAULT)
        return -EINVAL;
    if (flags & MCL_CURRENT) {
        MlockAll m = {c->mem, true, (flags & MCL_ONFAULT) != 0, 0};
        gmem_foreach(c->mem, mlockall_region, &m);
        if (m.err)
            return m.err;
    }
    __atomic_store_n(&mlock_future, (flags & MCL_FUTURE) ? flags & (MCL_FUTURE | MCL_ONFAULT) : 0,
                     __ATOMIC_RELAXED);
    return 0;
}

int64_t sys_do_munlockall(SysCtx *c, const uint64_t *a)
{
    MlockAll m = {c->mem, false, false, 0};
    gmem_foreach(c->mem, mlockall_region, &m);
    __atomic_store_n(&mlock_future, 0, __ATOMIC_RELAXED);
    return 0;
}

int64_t sys_do_mincore(SysCtx *c, const uint64_t *a)
{
    if (a[0] & ~GUEST_PAGE_MASK)
        return -EINVAL;
    uint64_t pages = (a[1] + GUEST_PAGE_SIZE - 1) / GUEST_PAGE_SIZE;
    unsigned char *vec = gmem_ptr(c->mem, a[2], pages, PROT_WRITE);
    if (!vec)
        return -EFAULT;
    void *p = sys_mem_range(c, a[0], a[1]);
    return p ? sys_ret(mincore(p, a[1], vec)) : -ENOMEM;
}
