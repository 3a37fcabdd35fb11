/*
 * Self-modifying code: which TBs were translated from which guest page,
 * write protection of guest-writable pages that hold translated code, and
 * invalidation of those TBs when their code may have changed (a write to a
 * protected page, munmap/mprotect/mremap/mmap over it).
 */
#ifndef FERRY_TRANSLATOR_SMC_H
#define FERRY_TRANSLATOR_SMC_H

#include <stdbool.h>
#include <stdint.h>

struct Process;
struct Translator;
struct TB;

/* Before translating at pc: write-protects pc's page if the guest may
 * write it, so that writes from now on are seen.  Caller holds tr->lock. */
void smc_prepare(struct Translator *tr, uint64_t pc);

/* Records a new TB under its guest page(s) and write-protects those the
 * guest may write.  Caller holds tr->lock.  false on out of memory. */
bool smc_register_tb(struct Translator *tr, struct TB *tb);

/* Forgets every TB (a flush); pages stay protected.  Caller holds tr->lock. */
void smc_flush_locked(struct Translator *tr);

/*
 * A host write fault at guest address gaddr (from a signal handler; the
 * thread must not hold tr->lock).  Invalidates the TBs of the page and gives
 * the host page the guest's protection back.  True when the guest may write
 * there: the faulting write can be retried.
 */
bool smc_write_fault(struct Process *p, uint64_t gaddr);

/* Invalidates the TBs of every page in [start, start+len) and forgets the
 * pages (after munmap/mprotect/mmap, before mremap). */
void smc_invalidate_range(struct Process *p, uint64_t start, uint64_t len);

/* GuestMem.write_hook: unprotects the code pages in a range the syscall
 * layer (or the host kernel for it) is about to write. */
void smc_write_hook(void *opaque, uint64_t gaddr, uint64_t len);

#endif
