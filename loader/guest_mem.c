/*
 * The guest address space: one PROT_NONE host reservation (the window) and
 * a sorted region list of what the guest has mapped inside it.
 *
 * Every guest mapping is a MAP_FIXED host mapping inside the window, so a
 * guest can never map over ferry's own memory; unmapping puts the
 * PROT_NONE reservation back.  Host protections follow the guest's except
 * that guest PROT_EXEC becomes host PROT_READ (host never runs guest code).
 * The region list is the truth for pointer checks and /proc/self/maps.
 */
#include "loader/guest_mem.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define GMEM_PROT_MASK (PROT_READ | PROT_WRITE | PROT_EXEC)
#define GMEM_MMAP_MIN 0x10000ull
#define GMEM_TOP_GAP_MAX (1ull << 30)

static uint64_t page_up(uint64_t x)
{
    return (x + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
}
static bool page_aligned(uint64_t x)
{
    return (x & (GUEST_PAGE_SIZE - 1)) == 0;
}

/* Guest protection -> host protection: no host execution of guest pages. */
static int host_prot(int prot)
{
    int h = prot & (PROT_READ | PROT_WRITE);
    if (prot & PROT_EXEC)
        h |= PROT_READ;
    return h;
}

/* Puts the PROT_NONE reservation back over [start, start+len). */
static int host_reserve(GuestMem *m, uint64_t start, uint64_t len)
{
    void *p = mmap(g2h(m, start), len, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
    return p == MAP_FAILED ? -errno : 0;
}

/* ---- region list (caller holds the lock) ---- */

/* Index of the first region with end > addr (nregions if none). */
static size_t rg_lower(const GuestMem *m, uint64_t addr)
{
    size_t lo = 0, hi = m->nregions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->regions[mid].end > addr)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* Makes room for `extra` more regions. Returns 0 or -ENOMEM. */
static int rg_reserve(GuestMem *m, size_t extra)
{
    if (m->nregions + extra <= m->cap)
        return 0;
    size_t cap = m->cap ? m->cap * 2 : 64;
    while (cap < m->nregions + extra)
        cap *= 2;
    GuestRegion *n = realloc(m->regions, cap * sizeof(*n));
    if (!n)
        return -ENOMEM;
    m->regions = n;
    m->cap = cap;
    return 0;
}

static void rg_insert_at(GuestMem *m, size_t i, const GuestRegion *r)
{
    memmove(&m->regions[i + 1], &m->regions[i], (m->nregions - i) * sizeof(*r));
    m->regions[i] = *r;
    m->nregions++;
}

static void rg_delete(GuestMem *m, size_t i, size_t count)
{
    memmove(&m->regions[i], &m->regions[i + count],
            (m->nregions - i - count) * sizeof(GuestRegion));
    m->nregions -= count;
}

/* Splits the region containing addr (strictly inside) in two; needs 1 free slot. */
static void rg_split(GuestMem *m, uint64_t addr)
{
    size_t i = rg_lower(m, addr);
    if (i == m->nregions || m->regions[i].start >= addr)
        return;
    GuestRegion hi = m->regions[i];
    hi.start = addr;
    m->regions[i].end = addr;
    rg_insert_at(m, i + 1, &hi);
}

/* Removes [start, end) from the list; needs 2 free slots (net +1 at most). */
static void rg_remove(GuestMem *m, uint64_t start, uint64_t end)
{
    rg_split(m, start);
    rg_split(m, end);
    size_t i = rg_lower(m, start), j = i;
    while (j < m->nregions && m->regions[j].end <= end)
        j++;
    rg_delete(m, i, j - i);
}

static bool rg_mergeable(const GuestRegion *a, const GuestRegion *b)
{
    return a->end == b->start && a->prot == b->prot && a->flags == b->flags &&
           (a->flags & GMEM_ANON);
}

/* Merges neighbours that touch [start, end). */
static void rg_merge_around(GuestMem *m, uint64_t start, uint64_t end)
{
    size_t i = rg_lower(m, start);
    if (i > 0)
        i--;
    while (i + 1 < m->nregions && m->regions[i].start <= end) {
        if (rg_mergeable(&m->regions[i], &m->regions[i + 1])) {
            m->regions[i].end = m->regions[i + 1].end;
            rg_delete(m, i + 1, 1);
        } else {
            i++;
        }
    }
}

/* Inserts r (not overlapping anything); needs 1 free slot. */
static void rg_insert(GuestMem *m, const GuestRegion *r)
{
    rg_insert_at(m, rg_lower(m, r->start), r);
    rg_merge_around(m, r->start, r->end);
}

/* True when nothing is mapped in [start, end). */
static bool rg_is_free(const GuestMem *m, uint64_t start, uint64_t end)
{
    size_t i = rg_lower(m, start);
    return i == m->nregions || m->regions[i].start >= end;
}

/* True when [start, end) is mapped without holes, each part with at least `prot`. */
static bool rg_covered(const GuestMem *m, uint64_t start, uint64_t end, int prot)
{
    size_t i = rg_lower(m, start);
    uint64_t at = start;
    for (; at < end; i++) {
        if (i == m->nregions || m->regions[i].start > at)
            return false;
        if ((m->regions[i].prot & prot) != prot)
            return false;
        at = m->regions[i].end;
    }
    return true;
}

/* Highest free gap of len bytes ending at or below limit; 0 when none. */
static uint64_t rg_find_gap(const GuestMem *m, uint64_t len, uint64_t limit)
{
    uint64_t hi = limit;
    for (size_t i = m->nregions; i-- > 0;) {
        const GuestRegion *r = &m->regions[i];
        if (r->start >= hi)
            continue;
        if (r->end < hi && hi - r->end >= len && hi - len >= m->mmap_min)
            return hi - len;
        hi = r->start;
        if (hi < m->mmap_min + len)
            return 0;
    }
    return hi >= m->mmap_min + len ? hi - len : 0;
}

/* Top-down placement below mmap_next, then anywhere in the window. */
static uint64_t gmem_place(const GuestMem *m, uint64_t len)
{
    uint64_t a = rg_find_gap(m, len, m->mmap_next);
    return a ? a : rg_find_gap(m, len, m->size);
}

/* ---- set-up ---- */

/*
 * PROT_NONE guards on both sides of a chosen window: a guest pointer a
 * little below 0 (NULL minus an offset wraps to just below guest_base) or a
 * little past the window faults instead of reaching ferry's own memory.
 */
#define GMEM_GUARD (4ull << 30)

static void *gmem_reserve_guarded(uint64_t size)
{
    uint64_t total = size + 2 * GMEM_GUARD;
    void *p = mmap(NULL, total, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    return (uint8_t *)p + GMEM_GUARD;
}

static void *gmem_reserve_window(uint64_t size, uintptr_t fixed_base)
{
    int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
    if (!fixed_base)
        return gmem_reserve_guarded(size);
    flags |= MAP_FIXED_NOREPLACE;
    void *p = mmap((void *)fixed_base, size, PROT_NONE, flags, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    if (fixed_base && (uintptr_t)p != fixed_base) {
        munmap(p, size); /* kernels without MAP_FIXED_NOREPLACE take it as a hint */
        errno = EEXIST;
        return NULL;
    }
    return p;
}

int gmem_init(GuestMem *m, uint64_t want_size, uint64_t min_size, uintptr_t fixed_base)
{
    memset(m, 0, sizeof(*m));
    if (fixed_base & (GUEST_PAGE_SIZE - 1))
        return -EINVAL;
    want_size = page_up(want_size);
    min_size = page_up(min_size);
    if (min_size < 4 * GMEM_MMAP_MIN || want_size < min_size)
        return -EINVAL;
    void *base = NULL;
    uint64_t size = want_size;
    for (;;) {
        base = gmem_reserve_window(size, fixed_base);
        if (base || size / 2 < min_size)
            break;
        size = page_up(size / 2);
    }
    if (!base)
        return errno ? -errno : -ENOMEM;
    m->base = base;
    m->size = size;
    m->guarded = !fixed_base;
    m->mmap_min = GMEM_MMAP_MIN;
    uint64_t gap = size / 8 < GMEM_TOP_GAP_MAX ? size / 8 : GMEM_TOP_GAP_MAX;
    m->mmap_next = (size - gap) & GUEST_PAGE_MASK;
    pthread_rwlock_init(&m->lock, NULL);
    return 0;
}

void gmem_destroy(GuestMem *m)
{
    if (m->base && m->guarded)
        munmap(m->base - GMEM_GUARD, m->size + 2 * GMEM_GUARD);
    else if (m->base)
        munmap(m->base, m->size);
    free(m->regions);
    pthread_rwlock_destroy(&m->lock);
    memset(m, 0, sizeof(*m));
}

/* ---- mmap ---- */

/* Host flags for a guest mapping: always MAP_FIXED inside the window. */
static int gmem_host_flags(int flags)
{
    flags &= ~(MAP_FIXED | MAP_FIXED_NOREPLACE | MAP_GROWSDOWN | MAP_32BIT | MAP_DENYWRITE |
               MAP_EXECUTABLE);
    return flags | MAP_FIXED;
}

/* Chooses the guest address for a mapping; 0 with *err set when none. */
static uint64_t gmem_mmap_addr(GuestMem *m, uint64_t addr, uint64_t len, int flags, int *err)
{
    if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
        if (!page_aligned(addr)) {
            *err = -EINVAL;
            return 0;
        }
        if (!gmem_in_window(m, addr, len)) {
            *err = -ENOMEM;
            return 0;
        }
        if (addr < GUEST_PAGE_SIZE) {
            *err = -EPERM;
            return 0;
        }
        if (!(flags & MAP_FIXED) && !rg_is_free(m, addr, addr + len)) {
            *err = -EEXIST;
            return 0;
        }
        return addr;
    }
    addr &= GUEST_PAGE_MASK;
    if (addr >= m->mmap_min && gmem_in_window(m, addr, len) && rg_is_free(m, addr, addr + len))
        return addr;
    addr = gmem_place(m, len);
    if (!addr)
        *err = -ENOMEM;
    return addr;
}

static int64_t gmem_mmap_locked(GuestMem *m, uint64_t addr, uint64_t len, int prot, int flags,
                                int fd, int64_t offset, unsigned gflags)
{
    if (len == 0 || (offset & (GUEST_PAGE_SIZE - 1)) || (prot & ~GMEM_PROT_MASK))
        return -EINVAL;
    if (len > m->size)
        return -ENOMEM;
    len = page_up(len);
    if (rg_reserve(m, 2) < 0)
        return -ENOMEM;
    int err = 0;
    addr = gmem_mmap_addr(m, addr, len, flags, &err);
    if (err)
        return err;
    bool was_free = rg_is_free(m, addr, addr + len);
    if (flags & MAP_ANONYMOUS) {
        fd = -1;
        offset = 0;
        gflags |= GMEM_ANON;
    }
    void *h = mmap(g2h(m, addr), len, host_prot(prot), gmem_host_flags(flags), fd, offset);
    if (h == MAP_FAILED) {
        err = -errno;
        if (was_free)
            host_reserve(m, addr, len);
        return err;
    }
    rg_remove(m, addr, addr + len);
    GuestRegion r = {addr, addr + len, prot, gflags};
    rg_insert(m, &r);
    return (int64_t)addr;
}

int64_t gmem_mmap(GuestMem *m, uint64_t addr, uint64_t len, int prot, int flags, int fd,
                  int64_t offset, unsigned gflags)
{
    pthread_rwlock_wrlock(&m->lock);
    int64_t rc = gmem_mmap_locked(m, addr, len, prot, flags, fd, offset, gflags);
    pthread_rwlock_unlock(&m->lock);
    return rc;
}

/* ---- munmap / mprotect ---- */

static int gmem_munmap_locked(GuestMem *m, uint64_t addr, uint64_t len)
{
    if (!page_aligned(addr) || len == 0)
        return -EINVAL;
    if (len > m->size || !gmem_in_window(m, addr, page_up(len)))
        return -EINVAL;
    len = page_up(len);
    if (rg_reserve(m, 2) < 0)
        return -ENOMEM;
    if (rg_is_free(m, addr, addr + len))
        return 0;
    int rc = host_reserve(m, addr, len);
    if (rc < 0)
        return rc;
    rg_remove(m, addr, addr + len);
    return 0;
}

int gmem_munmap(GuestMem *m, uint64_t addr, uint64_t len)
{
    pthread_rwlock_wrlock(&m->lock);
    int rc = gmem_munmap_locked(m, addr, len);
    pthread_rwlock_unlock(&m->lock);
    return rc;
}

static int gmem_mprotect_locked(GuestMem *m, uint64_t addr, uint64_t len, int prot)
{
    if (!page_aligned(addr) || (prot & ~GMEM_PROT_MASK))
        return -EINVAL;
    if (len == 0)
        return 0;
    if (len > m->size || !gmem_in_window(m, addr, page_up(len)))
        return -ENOMEM;
    len = page_up(len);
    if (!rg_covered(m, addr, addr + len, 0))
        return -ENOMEM;
    if (rg_reserve(m, 2) < 0)
        return -ENOMEM;
    if (mprotect(g2h(m, addr), len, host_prot(prot)) < 0)
        return -errno;
    rg_split(m, addr);
    rg_split(m, addr + len);
    for (size_t i = rg_lower(m, addr); i < m->nregions && m->regions[i].start < addr + len; i++)
        m->regions[i].prot = prot;
    rg_merge_around(m, addr, addr + len);
    return 0;
}

int gmem_mprotect(GuestMem *m, uint64_t addr, uint64_t len, int prot)
{
    pthread_rwlock_wrlock(&m->lock);
    int rc = gmem_mprotect_locked(m, addr, len, prot);
    pthread_rwlock_unlock(&m->lock);
    return rc;
}

/* ---- mremap ---- */

/* Moves [old, old+old_len) to new_addr with new_len; new range already checked free/fixed. */
static int64_t gmem_move(GuestMem *m, const GuestRegion *src, uint64_t old_addr, uint64_t old_len,
                         uint64_t new_len, uint64_t new_addr)
{
    void *h =
        mremap(g2h(m, old_addr), old_len, new_len, MREMAP_MAYMOVE | MREMAP_FIXED, g2h(m, new_addr));
    if (h == MAP_FAILED)
        return -errno;
    host_reserve(m, old_addr, old_len);
    GuestRegion r = {new_addr, new_addr + new_len, src->prot, src->flags};
    rg_remove(m, old_addr, old_addr + old_len);
    rg_remove(m, new_addr, new_addr + new_len);
    rg_insert(m, &r);
    return (int64_t)new_addr;
}

/* Grows in place into the free range after the mapping. */
static int64_t gmem_grow(GuestMem *m, const GuestRegion *src, uint64_t old_addr, uint64_t old_len,
                         uint64_t new_len)
{
    uint64_t tail = old_addr + old_len, tail_len = new_len - old_len;
    if (src->flags & GMEM_ANON) {
        void *h = mmap(g2h(m, tail), tail_len, host_prot(src->prot),
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (h == MAP_FAILED)
            return -errno;
    } else {
        /* XXX: the tail is briefly outside the reservation while the host grows the mapping. */
        munmap(g2h(m, tail), tail_len);
        if (mremap(g2h(m, old_addr), old_len, new_len, 0) == MAP_FAILED) {
            int err = -errno;
            host_reserve(m, tail, tail_len);
            return err;
        }
    }
    GuestRegion r = {tail, tail + tail_len, src->prot, src->flags};
    rg_insert(m, &r);
    return (int64_t)old_addr;
}

static int64_t gmem_mremap_locked(GuestMem *m, uint64_t old_addr, uint64_t old_len,
                                  uint64_t new_len, int flags, uint64_t new_addr)
{
    if (!page_aligned(old_addr) || new_len == 0 || (flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED)))
        return -EINVAL;
    if ((flags & MREMAP_FIXED) && (!(flags & MREMAP_MAYMOVE) || !page_aligned(new_addr)))
        return -EINVAL;
    if (old_len > m->size || new_len > m->size)
        return -ENOMEM;
    old_len = page_up(old_len);
    new_len = page_up(new_len);
    if (old_len == 0)
        return -EINVAL; /* XXX: duplicating a shared mapping (old_len 0) is not supported */
    if (!gmem_in_window(m, old_addr, old_len))
        return -EFAULT;
    size_t i = rg_lower(m, old_addr);
    if (i == m->nregions || m->regions[i].start > old_addr ||
        m->regions[i].end < old_addr + old_len)
        return -EFAULT;
    GuestRegion src = m->regions[i];
    if (rg_reserve(m, 3) < 0)
        return -ENOMEM;
    if (flags & MREMAP_FIXED) {
        if (!gmem_in_window(m, new_addr, new_len) || new_addr < GUEST_PAGE_SIZE)
            return -EINVAL;
        if (new_addr < old_addr + old_len && old_addr < new_addr + new_len)
            return -EINVAL;
        return gmem_move(m, &src, old_addr, old_len, new_len, new_addr);
    }
    if (new_len <= old_len) {
        if (new_len < old_len)
            gmem_munmap_locked(m, old_addr + new_len, old_len - new_len);
        return (int64_t)old_addr;
    }
    uint64_t end = old_addr + new_len;
    if (gmem_in_window(m, old_addr, new_len) && rg_is_free(m, old_addr + old_len, end))
        return gmem_grow(m, &src, old_addr, old_len, new_len);
    if (!(flags & MREMAP_MAYMOVE))
        return -ENOMEM;
    uint64_t to = gmem_place(m, new_len);
    if (!to)
        return -ENOMEM;
    return gmem_move(m, &src, old_addr, old_len, new_len, to);
}

int64_t gmem_mremap(GuestMem *m, uint64_t old_addr, uint64_t old_len, uint64_t new_len, int flags,
                    uint64_t new_addr)
{
    pthread_rwlock_wrlock(&m->lock);
    int64_t rc = gmem_mremap_locked(m, old_addr, old_len, new_len, flags, new_addr);
    pthread_rwlock_unlock(&m->lock);
    return rc;
}

/* ---- brk ---- */

static uint64_t gmem_brk_locked(GuestMem *m, uint64_t new_brk)
{
    if (!m->brk_start || new_brk < m->brk_start)
        return m->brk_cur;
    if (m->brk_max && new_brk > m->brk_max)
        return m->brk_cur;
    uint64_t old_top = page_up(m->brk_cur), new_top = page_up(new_brk);
    if (new_brk > m->size)
        return m->brk_cur;
    if (new_top > old_top) {
        if (!rg_is_free(m, old_top, new_top))
            return m->brk_cur;
        int64_t rc =
            gmem_mmap_locked(m, old_top, new_top - old_top, PROT_READ | PROT_WRITE,
                             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0, GMEM_BRK);
        if (rc < 0)
            return m->brk_cur;
    } else if (new_top < old_top) {
        if (gmem_munmap_locked(m, new_top, old_top - new_top) < 0)
            return m->brk_cur;
    }
    m->brk_cur = new_brk;
    return new_brk;
}

uint64_t gmem_brk(GuestMem *m, uint64_t new_brk)
{
    pthread_rwlock_wrlock(&m->lock);
    uint64_t rc = gmem_brk_locked(m, new_brk);
    pthread_rwlock_unlock(&m->lock);
    return rc;
}

/* ---- access checks ---- */

bool gmem_check(GuestMem *m, uint64_t gaddr, uint64_t len, int prot)
{
    if (len == 0)
        return true;
    if (!gmem_in_window(m, gaddr, len))
        return false;
    pthread_rwlock_rdlock(&m->lock);
    bool ok = rg_covered(m, gaddr, gaddr + len, prot);
    pthread_rwlock_unlock(&m->lock);
    void (*hook)(void *, uint64_t, uint64_t) = __atomic_load_n(&m->write_hook, __ATOMIC_ACQUIRE);
    if (ok && (prot & PROT_WRITE) && hook)
        hook(m->write_hook_opaque, gaddr, len);
    return ok;
}

/* The region holding `page` (caller holds the lock), or NULL. */
static const GuestRegion *rg_at(const GuestMem *m, uint64_t page)
{
    size_t i = rg_lower(m, page);
    return i < m->nregions && m->regions[i].start <= page ? &m->regions[i] : NULL;
}

bool gmem_protect_code(GuestMem *m, uint64_t page)
{
    bool done = false;
    pthread_rwlock_rdlock(&m->lock);
    const GuestRegion *r = rg_at(m, page);
    if (r && (r->prot & PROT_WRITE))
        done = mprotect(g2h(m, page), GUEST_PAGE_SIZE, host_prot(r->prot & ~PROT_WRITE)) == 0;
    pthread_rwlock_unlock(&m->lock);
    return done;
}

bool gmem_unprotect_code(GuestMem *m, uint64_t page)
{
    bool writable = false;
    pthread_rwlock_rdlock(&m->lock);
    const GuestRegion *r = rg_at(m, page);
    if (r) {
        writable = (r->prot & PROT_WRITE) != 0;
        if (mprotect(g2h(m, page), GUEST_PAGE_SIZE, host_prot(r->prot)) < 0)
            writable = false;
    }
    pthread_rwlock_unlock(&m->lock);
    return writable;
}

void *gmem_ptr(GuestMem *m, uint64_t gaddr, uint64_t len, int prot)
{
    if (len == 0)
        return gaddr <= m->size ? g2h(m, gaddr) : m->base;
    return gmem_check(m, gaddr, len, prot) ? g2h(m, gaddr) : NULL;
}

void *gmem_fault_ptr(GuestMem *m, uint64_t gaddr, uint64_t len)
{
    if (!m->guarded)
        return NULL;
    if (gmem_in_window(m, gaddr, len ? len : 1))
        return g2h(m, gaddr);
    return m->base - GUEST_PAGE_SIZE; /* in the guard below the window */
}

int gmem_read(GuestMem *m, void *dst, uint64_t gaddr, size_t len)
{
    const void *src = gmem_ptr(m, gaddr, len, PROT_READ);
    if (!src)
        return -EFAULT;
    memcpy(dst, src, len);
    return 0;
}

int gmem_write(GuestMem *m, uint64_t gaddr, const void *src, size_t len)
{
    void *dst = gmem_ptr(m, gaddr, len, PROT_WRITE);
    if (!dst)
        return -EFAULT;
    memcpy(dst, src, len);
    return 0;
}

int64_t gmem_strlen(GuestMem *m, uint64_t gaddr, size_t max)
{
    uint64_t n = 0;
    while (n < max) {
        uint64_t at = gaddr + n;
        if (at < gaddr)
            return -EFAULT;
        uint64_t chunk = GUEST_PAGE_SIZE - (at & (GUEST_PAGE_SIZE - 1));
        if (chunk > max - n)
            chunk = max - n;
        const char *p = gmem_ptr(m, at, chunk, PROT_READ);
        if (!p)
            return -EFAULT;
        const char *z = memchr(p, 0, chunk);
        if (z)
            return (int64_t)(n + (uint64_t)(z - p));
        n += chunk;
    }
    return -ENAMETOOLONG;
}

/* ---- lookup ---- */

bool gmem_find(GuestMem *m, uint64_t gaddr, GuestRegion *out)
{
    pthread_rwlock_rdlock(&m->lock);
    size_t i = rg_lower(m, gaddr);
    bool found = i < m->nregions && m->regions[i].start <= gaddr;
    if (found)
        *out = m->regions[i];
    pthread_rwlock_unlock(&m->lock);
    return found;
}

void gmem_foreach(GuestMem *m, void (*fn)(const GuestRegion *r, void *opaque), void *opaque)
{
    pthread_rwlock_rdlock(&m->lock);
    size_t n = m->nregions;
    GuestRegion *copy = n ? malloc(n * sizeof(*copy)) : NULL;
    if (copy)
        memcpy(copy, m->regions, n * sizeof(*copy));
    pthread_rwlock_unlock(&m->lock);
    for (size_t i = 0; copy && i < n; i++)
        fn(&copy[i], opaque);
    free(copy);
}
