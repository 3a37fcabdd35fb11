/*
 * The guest address space (user mode).
 *
 * Host address = guest_base + guest address.  At start ferry reserves the
 * whole guest window PROT_NONE and keeps every guest mapping inside it; a
 * region list records what the guest has mapped (start, end, prot, flags),
 * so the syscall layer can check guest pointers and emulate mmap without
 * ever letting MAP_FIXED reach ferry's own memory.  All addresses and sizes
 * here are guest addresses, page-aligned to GUEST_PAGE_SIZE unless stated.
 * Thread-safe: the region list is guarded by a rwlock.
 */
#ifndef FERRY_LOADER_GUEST_MEM_H
#define FERRY_LOADER_GUEST_MEM_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GUEST_PAGE_SIZE 4096ull
#define GUEST_PAGE_MASK (~(GUEST_PAGE_SIZE - 1))

/* Region flags besides PROT_*. */
enum {
    GMEM_ANON = 1u << 0,  /* anonymous memory */
    GMEM_STACK = 1u << 1, /* the initial stack */
    GMEM_BRK = 1u << 2,   /* the brk heap */
    GMEM_IMAGE = 1u << 3, /* part of a loaded ELF image */
};

typedef struct GuestRegion {
    uint64_t start, end; /* [start, end) */
    int prot;            /* PROT_* as the guest sees it */
    unsigned flags;      /* GMEM_* */
} GuestRegion;

typedef struct GuestMem {
    uint8_t *base;        /* guest_base */
    uint64_t size;        /* window size: guest addresses are < size */
    bool guarded;         /* PROT_NONE guards reserved on both sides of the window */
    uint64_t mmap_min;    /* lowest address handed out by guest mmap without a hint */
    uint64_t mmap_next;   /* next search start for hint-less guest mmap (top-down) */
    GuestRegion *regions; /* sorted, non-overlapping */
    size_t nregions, cap;
    uint64_t brk_start, brk_cur, brk_max;
    pthread_rwlock_t lock;
    /* Called (without the lock) by gmem_check/gmem_ptr for a PROT_WRITE range that passed the
     * check, before the caller writes it: the translator unprotects code pages there. */
    void (*write_hook)(void *opaque, uint64_t gaddr, uint64_t len);
    void *write_hook_opaque;
} GuestMem;

/*
 * Reserves a window of at least `min_size` and up to `want_size` bytes.
 * `fixed_base` nonzero asks for that host address (-B).  Returns 0 or
 * -errno; on failure nothing stays mapped.
 */
int gmem_init(GuestMem *m, uint64_t want_size, uint64_t min_size, uintptr_t fixed_base);
void gmem_destroy(GuestMem *m);

static inline void *g2h(const GuestMem *m, uint64_t gaddr)
{
    return m->base + gaddr;
}
static inline uint64_t h2g(const GuestMem *m, const void *h)
{
    return (uint64_t)((const uint8_t *)h - m->base);
}
static inline bool gmem_in_window(const GuestMem *m, uint64_t gaddr, uint64_t len)
{
    return gaddr <= m->size && len <= m->size - gaddr;
}

/*
 * Maps guest memory like mmap(2) (prot, flags, fd, offset as the host
 * understands them; MAP_FIXED honoured inside the window only).  `addr` is
 * a hint unless MAP_FIXED/MAP_FIXED_NOREPLACE.  Returns the guest address or
 * -errno.
 */
int64_t gmem_mmap(GuestMem *m, uint64_t addr, uint64_t len, int prot, int flags, int fd,
                  int64_t offset, unsigned gflags);
int gmem_munmap(GuestMem *m, uint64_t addr, uint64_t len);
int gmem_mprotect(GuestMem *m, uint64_t addr, uint64_t len, int prot);
int64_t gmem_mremap(GuestMem *m, uint64_t old_addr, uint64_t old_len, uint64_t new_len, int flags,
                    uint64_t new_addr);
/* brk(2) semantics: returns the new (or unchanged) break. */
uint64_t gmem_brk(GuestMem *m, uint64_t new_brk);

/* True when [gaddr, gaddr+len) is mapped with at least `prot` (PROT_READ/WRITE/EXEC). */
bool gmem_check(GuestMem *m, uint64_t gaddr, uint64_t len, int prot);
/*
 * Returns a host pointer for a guest buffer after gmem_check, or NULL
 * (the caller returns -EFAULT).  len 0 is always valid.
 */
void *gmem_ptr(GuestMem *m, uint64_t gaddr, uint64_t len, int prot);
/*
 * For a guest buffer that failed gmem_check: a host pointer the host kernel
 * will fault on where the guest's kernel would (the window's unmapped pages
 * are PROT_NONE on the host; an address outside the window gets the guard
 * below it), so a syscall passed through reports its own errors in Linux's
 * order (EBADF, ESPIPE, ... before EFAULT) and copies partially where Linux
 * does.  NULL when the window has no guards (-B): the caller says -EFAULT.
 */
void *gmem_fault_ptr(GuestMem *m, uint64_t gaddr, uint64_t len);
/* Copies between guest and host; 0 or -EFAULT. */
int gmem_read(GuestMem *m, void *dst, uint64_t gaddr, size_t len);
int gmem_write(GuestMem *m, uint64_t gaddr, const void *src, size_t len);
/* Length of the NUL-terminated guest string at gaddr (< max), or -EFAULT / -ENAMETOOLONG. */
int64_t gmem_strlen(GuestMem *m, uint64_t gaddr, size_t max);

/*
 * Host-protection override for pages holding translated code: the guest's
 * view (region list) stays unchanged.  gmem_protect_code makes the host page
 * at `page` read-only when the guest may write it; true when it did.
 * gmem_unprotect_code gives the host page the guest's protection back; true
 * when the guest may write it.
 */
bool gmem_protect_code(GuestMem *m, uint64_t page);
bool gmem_unprotect_code(GuestMem *m, uint64_t page);

/* Region lookup (copy out under the lock); false when unmapped. */
bool gmem_find(GuestMem *m, uint64_t gaddr, GuestRegion *out);
/* Calls fn for each region in order (for /proc/self/maps). */
void gmem_foreach(GuestMem *m, void (*fn)(const GuestRegion *r, void *opaque), void *opaque);

#endif
