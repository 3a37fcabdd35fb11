/*
 * Memory syscalls: mmap and friends go through guest_mem, which keeps every
 * mapping inside the guest window; madvise passes known advice to the host
 * on the window (MADV_DONTNEED really zeroes anonymous memory).  Changing
 * a mapping drops the TBs translated from it (translator/smc.c).
 */
#include "syscalls/internal.h"

#include <sys/mman.h>

#include "translator/smc.h"

int64_t sys_do_mmap(SysCtx *c, const uint64_t *a)
{
    int prot = (int)thunk_flags_g2h(c->abi->mmap_prot, (uint32_t)a[2]);
    int flags = (int)thunk_flags_g2h(c->abi->mmap_flags, (uint32_t)a[3]);
    unsigned gflags = (flags & MAP_ANONYMOUS) ? GMEM_ANON : 0;
    int64_t r = gmem_mmap(c->mem, a[0], a[1], prot, flags, sys_fd(a[4]), (int64_t)a[5], gflags);
    if (r >= 0) {
        smc_invalidate_range(c->p, (uint64_t)r, a[1]);
        sys_mlock_new(c, (uint64_t)r, a[1]);
    }
    return r;
}

int64_t sys_do_munmap(SysCtx *c, const uint64_t *a)
{
    int r = gmem_munmap(c->mem, a[0], a[1]);
    if (r == 0)
        smc_invalidate_range(c->p, a[0], a[1]);
    return r;
}

int64_t sys_do_mprotect(SysCtx *c, const uint64_t *a)
{
    int prot = (int)thunk_flags_g2h(c->abi->mmap_prot, (uint32_t)a[2]);
    int r = gmem_mprotect(c->mem, a[0], a[1], prot);
    if (r == 0)
        smc_invalidate_range(c->p, a[0], a[1]);
    return r;
}

int64_t sys_do_mremap(SysCtx *c, const uint64_t *a)
{
    /* Before the move: the host protection of code pages would move along. */
    smc_invalidate_range(c->p, a[0], a[1]);
    int64_t r = gmem_mremap(c->mem, a[0], a[1], a[2], (int)a[3], a[4]);
    if (r >= 0)
        smc_invalidate_range(c->p, (uint64_t)r, a[2]);
    return r;
}

/* Advice the host may apply to guest memory as is. */
static bool sys_madvise_passes(int advice)
{
    switch (advice) {
    case MADV_NORMAL:
    case MADV_RANDOM:
    case MADV_SEQUENTIAL:
    case MADV_WILLNEED:
    case MADV_DONTNEED:
    case MADV_FREE:
    case MADV_REMOVE:
    case MADV_DONTFORK:
    case MADV_DOFORK:
    case MADV_MERGEABLE:
    case MADV_UNMERGEABLE:
    case MADV_HUGEPAGE:
    case MADV_NOHUGEPAGE:
    case MADV_DONTDUMP:
    case MADV_DODUMP:
    case MADV_COLD:
    case MADV_PAGEOUT:
        return true;
    default:
        return false;
    }
}

int64_t sys_do_madvise(SysCtx *c, const uint64_t *a)
{
    uint64_t start = a[0], len = (a[1] + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
    int advice = (int)a[2];
    if ((start & ~GUEST_PAGE_MASK) || len < a[1])
        return -EINVAL;
    if (!sys_madvise_passes(advice)) {
        sys_log_once(c, 0x300000000ull | (uint32_t)advice, "madvise advice %d ignored", advice);
        return 0;
    }
    if (!len)
        return 0;
    if (!gmem_in_window(c->mem, start, len) || !gmem_check(c->mem, start, len, 0))
        return -ENOMEM;
    return sys_ret(madvise(g2h(c->mem, start), len, advice));
}

int64_t sys_do_brk(SysCtx *c, const uint64_t *a)
{
    uint64_t old = gmem_brk(c->mem, 0);
    uint64_t now = gmem_brk(c->mem, a[0]);
    if (now < old) /* pages given back may hold code; they come back zeroed */
        smc_invalidate_range(c->p, now, old - now);
    return (int64_t)now;
}

int64_t sys_do_msync(SysCtx *c, const uint64_t *a)
{
    uint64_t start = a[0], len = (a[1] + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
    if ((start & ~GUEST_PAGE_MASK) || len < a[1])
        return -EINVAL;
    if (!len)
        return 0;
    if (!gmem_in_window(c->mem, start, len) || !gmem_check(c->mem, start, len, 0))
        return -ENOMEM;
    return sys_ret(msync(g2h(c->mem, start), len, (int)a[2]));
}
