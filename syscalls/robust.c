/*
 * The robust futex list of a guest thread (set_robust_list), walked by
 * ferry when the thread exits, as the kernel walks it: the list lives in
 * guest memory with guest pointers, which the host kernel cannot follow.
 * Each futex word still owned by the exiting thread (its tid in the low
 * bits) gets FUTEX_OWNER_DIED, and one waiter is woken, so a robust mutex
 * held by a dead thread reports EOWNERDEAD to the next locker.
 * XXX: the lists of other threads are not walked at exit_group; PI futexes
 * get OWNER_DIED but their waiters are not handed the lock.
 */
#include "syscalls/internal.h"

#include <linux/futex.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define ROBUST_LIST_LIMIT 2048 /* the kernel's ROBUST_LIST_LIMIT */

/* Reads one guest word (the guest's size and byte order). */
static int robust_word(SysCtx *c, uint64_t gaddr, uint64_t *out)
{
    const ThunkTarget *t = &c->abi->target;
    uint8_t buf[8];
    if (gmem_read(c->mem, buf, gaddr, t->word_size) < 0)
        return -EFAULT;
    *out = thunk_load(t, buf, t->word_size, false);
    return 0;
}

/* The futex word at gaddr: released with OWNER_DIED if tid owns it. */
static void robust_handle_death(SysCtx *c, uint64_t gaddr, uint32_t tid)
{
    if (gaddr & 3)
        return;
    uint32_t *w = gmem_ptr(c->mem, gaddr, 4, PROT_READ | PROT_WRITE);
    if (!w)
        return;
    uint32_t val = __atomic_load_n(w, __ATOMIC_SEQ_CST);
    for (;;) {
        if ((val & FUTEX_TID_MASK) != tid)
            return;
        uint32_t nv = (val & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
        if (__atomic_compare_exchange_n(w, &val, nv, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
            break;
    }
    if (val & FUTEX_WAITERS)
        syscall(SYS_futex, w, FUTEX_WAKE, 1, NULL, NULL, 0);
}

void sys_robust_exit(SysCtx *c)
{
    SysThread *t = sys_thread_state();
    uint64_t head = t->robust_list, w = c->abi->target.word_size;
    uint64_t entry, offset, pending;
    t->robust_list = 0;
    if (!head || robust_word(c, head, &entry) < 0 || robust_word(c, head + w, &offset) < 0 ||
        robust_word(c, head + 2 * w, &pending) < 0)
        return;
    if (w == 4)
        offset = (uint64_t)(int64_t)(int32_t)offset;
    uint32_t tid = (uint32_t)gettid();
    for (int n = 0; entry != head && n < ROBUST_LIST_LIMIT; n++) {
        uint64_t next;
        if (robust_word(c, entry & ~1ull, &next) < 0)
            return;
        if (entry != pending)
            robust_handle_death(c, (entry & ~1ull) + offset, tid);
        entry = next;
    }
    if (pending)
        robust_handle_death(c, (pending & ~1ull) + offset, tid);
}

int64_t sys_do_get_robust_list(SysCtx *c, const uint64_t *a)
{
    SysThread *t = sys_thread_state();
    if (a[0] && (pid_t)a[0] != gettid())
        return -EPERM; /* XXX: other threads' lists are not recorded where this thread sees them */
    const ThunkTarget *tg = &c->abi->target;
    uint8_t head[8], len[8];
    thunk_store(tg, head, tg->word_size, t->robust_list);
    thunk_store(tg, len, tg->word_size, t->robust_list ? t->robust_len : 3u * tg->word_size);
    if (gmem_write(c->mem, a[1], head, tg->word_size) < 0 ||
        gmem_write(c->mem, a[2], len, tg->word_size) < 0)
        return -EFAULT;
    return 0;
}
