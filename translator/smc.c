/*
 * Self-modifying code detection.
 *
 * Each guest page that code was translated from has an SmcPage listing its
 * TBs (a TB spanning two pages is listed under both).  When the guest may
 * write such a page, its host mapping is made read-only (the guest's view in
 * the region list stays as it was).  A write then faults on the host:
 * host_fault calls smc_write_fault, which invalidates every TB of the page,
 * gives the host page back its write permission and lets the write retry.
 * A TB that writes into its own page keeps running its old code to its end
 * (Arm requires IC IVAU + ISB before modified code runs; an ISB ends a TB).
 * Writes by the host kernel (read() into a code page) would fail with
 * EFAULT instead of faulting, so the syscall layer's checks of writable
 * guest buffers (GuestMem.write_hook) unprotect first.  munmap, mprotect,
 * mremap and mmap over code drop the pages' TBs.
 *
 * The page of a TB's first instruction is protected before translation
 * reads it, so a write by another thread either comes before the read or
 * faults and waits for tr->lock, then invalidates the new TB.
 * XXX: the second page of a TB that spans two is protected only after
 * translation: a write racing with the translation there may be missed.
 *
 * Everything here runs under tr->lock, the fault path included: a thread
 * never holds tr->lock while it writes guest memory.
 */
#include "translator/smc.h"

#include <stdlib.h>

#include "loader/process.h"
#include "translator/translator.h"

typedef struct SmcPage {
    uint64_t page; /* guest address, page-aligned */
    bool protected_;
    TB **tbs;
    uint32_t ntbs, cap;
    struct SmcPage *next;
} SmcPage;

static uint32_t smc_hash(uint64_t page)
{
    uint64_t h = (page >> 12) * 0x9e3779b97f4a7c15ull;
    return (uint32_t)(h >> (64 - SMC_HASH_BITS));
}

static SmcPage **smc_slot(Translator *tr, uint64_t page)
{
    SmcPage **pp = &tr->smc_hash[smc_hash(page)];
    while (*pp && (*pp)->page != page)
        pp = &(*pp)->next;
    return pp;
}

static SmcPage *smc_page_get(Translator *tr, uint64_t page)
{
    SmcPage **pp = smc_slot(tr, page);
    if (*pp)
        return *pp;
    SmcPage *sp = calloc(1, sizeof(*sp));
    if (!sp)
        return NULL;
    sp->page = page;
    *pp = sp;
    tr->smc_npages++;
    return sp;
}

static bool smc_page_add(SmcPage *sp, TB *tb)
{
    if (sp->ntbs == sp->cap) {
        uint32_t cap = sp->cap ? sp->cap * 2 : 8;
        TB **n = realloc(sp->tbs, cap * sizeof(*n));
        if (!n)
            return false;
        sp->tbs = n;
        sp->cap = cap;
    }
    sp->tbs[sp->ntbs++] = tb;
    return true;
}

/* Write-protects the page on the host if the guest may write it. */
static void smc_page_protect(Translator *tr, SmcPage *sp)
{
    GuestMem *m = &tr->proc->mem;
    if (sp->protected_ || !gmem_protect_code(m, sp->page))
        return;
    sp->protected_ = true;
    __atomic_add_fetch(&tr->smc_nprotected, 1, __ATOMIC_SEQ_CST);
    if (!m->write_hook) {
        m->write_hook_opaque = tr->proc;
        __atomic_store_n(&m->write_hook, smc_write_hook, __ATOMIC_RELEASE);
    }
}

void smc_prepare(Translator *tr, uint64_t pc)
{
    SmcPage *sp = smc_page_get(tr, pc & GUEST_PAGE_MASK);
    if (sp)
        smc_page_protect(tr, sp);
}

bool smc_register_tb(Translator *tr, TB *tb)
{
    uint64_t first = tb->pc & GUEST_PAGE_MASK;
    uint64_t last = (tb->pc + (tb->guest_size ? tb->guest_size - 1 : 0)) & GUEST_PAGE_MASK;
    for (uint64_t page = first;; page += GUEST_PAGE_SIZE) {
        SmcPage *sp = smc_page_get(tr, page);
        if (!sp || !smc_page_add(sp, tb))
            return false;
        smc_page_protect(tr, sp);
        if (page == last)
            break;
    }
    return true;
}

void smc_flush_locked(Translator *tr)
{
    for (size_t i = 0; i < SMC_HASH_SIZE; i++)
        for (SmcPage *sp = tr->smc_hash[i]; sp; sp = sp->next)
            sp->ntbs = 0;
}

/* Drops the TBs of a page and its write protection; caller holds tr->lock. */
static void smc_page_invalidate(Translator *tr, SmcPage *sp)
{
    for (uint32_t i = 0; i < sp->ntbs; i++)
        tb_invalidate_locked(tr, sp->tbs[i]);
    sp->ntbs = 0;
    if (sp->protected_) {
        sp->protected_ = false;
        __atomic_sub_fetch(&tr->smc_nprotected, 1, __ATOMIC_SEQ_CST);
        gmem_unprotect_code(&tr->proc->mem, sp->page);
    }
}

bool smc_write_fault(Process *p, uint64_t gaddr)
{
    Translator *tr = p->tr;
    if (!tr)
        return false;
    uint64_t page = gaddr & GUEST_PAGE_MASK;
    pthread_mutex_lock(&tr->lock);
    SmcPage *sp = *smc_slot(tr, page);
    if (sp && sp->protected_) /* not a guest write fault on read-only code */
        smc_page_invalidate(tr, sp);
    /* Also when no TB is listed (another thread got here first, or a page
     * moved by mremap kept its host protection): the host takes the guest's
     * protection again, and the write retries if the guest may write. */
    bool writable = gmem_unprotect_code(&p->mem, page);
    pthread_mutex_unlock(&tr->lock);
    return writable;
}

/* Invalidates every SmcPage in [start, end), removing it when `drop`. */
static void smc_range(Translator *tr, uint64_t start, uint64_t end, bool drop)
{
    if (!tr->smc_npages || end <= start)
        return;
    uint64_t npages = (end - start) / GUEST_PAGE_SIZE;
    if (npages <= SMC_HASH_SIZE) {
        for (uint64_t page = start; page < end; page += GUEST_PAGE_SIZE) {
            SmcPage **pp = smc_slot(tr, page);
            SmcPage *sp = *pp;
            if (!sp)
                continue;
            smc_page_invalidate(tr, sp);
            if (drop) {
                *pp = sp->next;
                free(sp->tbs);
                free(sp);
                tr->smc_npages--;
            }
        }
        return;
    }
    for (size_t i = 0; i < SMC_HASH_SIZE; i++) {
        SmcPage **pp = &tr->smc_hash[i];
        while (*pp) {
            SmcPage *sp = *pp;
            if (sp->page < start || sp->page >= end) {
                pp = &sp->next;
                continue;
            }
            smc_page_invalidate(tr, sp);
            if (drop) {
                *pp = sp->next;
                free(sp->tbs);
                free(sp);
                tr->smc_npages--;
            } else {
                pp = &sp->next;
            }
        }
    }
}

/* Page-aligned [start, end) covering [gaddr, gaddr+len), clipped at the top. */
static void smc_bounds(uint64_t gaddr, uint64_t len, uint64_t *start, uint64_t *end)
{
    uint64_t top = GUEST_PAGE_MASK, e = gaddr + len;
    *start = gaddr & GUEST_PAGE_MASK;
    *end = e < gaddr || e > top ? top : (e + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
}

void smc_invalidate_range(Process *p, uint64_t start, uint64_t len)
{
    Translator *tr = p->tr;
    if (!tr || !len)
        return;
    uint64_t s, e;
    smc_bounds(start, len, &s, &e);
    pthread_mutex_lock(&tr->lock);
    smc_range(tr, s, e, true);
    pthread_mutex_unlock(&tr->lock);
}

void smc_write_hook(void *opaque, uint64_t gaddr, uint64_t len)
{
    Process *p = opaque;
    Translator *tr = p->tr;
    if (!tr || !len || !__atomic_load_n(&tr->smc_nprotected, __ATOMIC_SEQ_CST))
        return;
    uint64_t s, e;
    smc_bounds(gaddr, len, &s, &e);
    pthread_mutex_lock(&tr->lock);
    smc_range(tr, s, e, false);
    pthread_mutex_unlock(&tr->lock);
}
