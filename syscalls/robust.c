/*
 * The robust futex lists of the guest's threads (set_robust_list), walked
 * by ferry when a thread exits, as the kernel walks them: the lists live in
 * guest memory with guest pointers, which the host kernel cannot follow.
 * Each futex word still owned by the exiting thread (its tid in the low
 * bits) gets FUTEX_OWNER_DIED, and one waiter is woken, so a robust mutex
 * held by a dead thread reports EOWNERDEAD to the next locker.
 *
 * Every thread that set a list is registered (tid, head, length) in a
 * process-wide table: exit_group walks the lists of all threads, each with
 * its own tid, and get_robust_list answers for any thread of the process.
 * A fork child keeps only its own entry.
 * PI futexes get OWNER_DIED here; the host kernel, which holds their PI
 * state (the guest's FUTEX_LOCK_PI is the host's on the same word), hands
 * the lock to the next waiter when the host thread exits.
 * XXX: exit_group walks the other threads' lists while they still run (the
 * kernel kills them first).
 */
#include "syscalls/internal.h"

#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdbool.h>
#include <string.h>
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

/* The futex word at gaddr: released with OWNER_DIED if tid owns it; one waiter is woken unless
 * it is a PI futex (pi), whose waiters the host kernel hands the lock to when the host thread
 * exits (its PI state is the host kernel's, on the same address and tid). */
static void robust_handle_death(SysCtx *c, uint64_t gaddr, uint32_t tid, bool pi)
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
    if (!pi && (val & FUTEX_WAITERS))
        syscall(SYS_futex, w, FUTEX_WAKE, 1, NULL, NULL, 0);
}

/* The registered threads; a slot with tid 0 is free. */
#define ROBUST_MAX_THREADS 1024
static struct {
    pid_t tid;
    uint64_t head, len;
} robust_threads[ROBUST_MAX_THREADS];
static pthread_mutex_t robust_lock = PTHREAD_MUTEX_INITIALIZER;

/* Records (head, len) for tid; head 0 drops the entry. */
static void robust_register(pid_t tid, uint64_t head, uint64_t len)
{
    pthread_mutex_lock(&robust_lock);
    int free_slot = -1, i;
    for (i = 0; i < ROBUST_MAX_THREADS && robust_threads[i].tid != tid; i++)
        if (free_slot < 0 && !robust_threads[i].tid)
            free_slot = i;
    if (i == ROBUST_MAX_THREADS)
        i = free_slot;
    if (i >= 0) {
        robust_threads[i].tid = head ? tid : 0;
        robust_threads[i].head = head;
        robust_threads[i].len = len;
    }
    pthread_mutex_unlock(&robust_lock);
}

/* Finds tid's entry; false when it has none. */
static bool robust_lookup(pid_t tid, uint64_t *head, uint64_t *len)
{
    bool found = false;
    pthread_mutex_lock(&robust_lock);
    for (int i = 0; i < ROBUST_MAX_THREADS && !found; i++) {
        if (robust_threads[i].tid == tid) {
            *head = robust_threads[i].head;
            *len = robust_threads[i].len;
            found = true;
        }
    }
    pthread_mutex_unlock(&robust_lock);
    return found;
}

void sys_robust_set(uint64_t head, uint64_t len)
{
    SysThread *t = sys_thread_state();
    t->robust_list = head;
    t->robust_len = len;
    robust_register((pid_t)gettid(), head, len);
}

void sys_robust_forked(void)
{
    pthread_mutex_init(&robust_lock, NULL);
    memset(robust_threads, 0, sizeof(robust_threads));
    SysThread *t = sys_thread_state();
    if (t->robust_list)
        robust_register((pid_t)gettid(), t->robust_list, t->robust_len);
}

/* Walks the list at head for the thread tid. */
static void robust_walk(SysCtx *c, uint64_t head, uint32_t tid)
{
    uint64_t w = c->abi->target.word_size;
    uint64_t entry, offset, pending;
    if (!head || robust_word(c, head, &entry) < 0 || robust_word(c, head + w, &offset) < 0 ||
        robust_word(c, head + 2 * w, &pending) < 0)
        return;
    if (w == 4)
        offset = (uint64_t)(int64_t)(int32_t)offset;
    for (int n = 0; entry != head && n < ROBUST_LIST_LIMIT; n++) {
        uint64_t next;
        if (robust_word(c, entry & ~1ull, &next) < 0)
            return;
        if (entry != pending)
            robust_handle_death(c, (entry & ~1ull) + offset, tid, entry & 1);
        entry = next;
    }
    if (pending)
        robust_handle_death(c, (pending & ~1ull) + offset, tid, pending & 1);
}

void sys_robust_exit(SysCtx *c)
{
    SysThread *t = sys_thread_state();
    uint64_t head = t->robust_list;
    t->robust_list = 0;
    pid_t tid = (pid_t)gettid();
    if (head)
        robust_register(tid, 0, 0);
    robust_walk(c, head, (uint32_t)tid);
}

void sys_robust_exit_group(SysCtx *c)
{
    sys_robust_exit(c);
    for (int i = 0; i < ROBUST_MAX_THREADS; i++) {
        pthread_mutex_lock(&robust_lock);
        pid_t tid = robust_threads[i].tid;
        uint64_t head = robust_threads[i].head;
        robust_threads[i].tid = 0;
        pthread_mutex_unlock(&robust_lock);
        if (tid)
            robust_walk(c, head, (uint32_t)tid);
    }
}

int64_t sys_do_get_robust_list(SysCtx *c, const uint64_t *a)
{
    SysThread *t = sys_thread_state();
    const ThunkTarget *tg = &c->abi->target;
    pid_t tid = (pid_t)a[0];
    uint64_t h = t->robust_list, l = t->robust_len;
    if (tid && tid != gettid() && !robust_lookup(tid, &h, &l)) {
        /* A thread of this process without a list, another process's (not seen), none. */
        if (syscall(SYS_tgkill, getpid(), tid, 0) == 0)
            h = 0;
        else
            return syscall(SYS_kill, tid, 0) == 0 || errno == EPERM ? -EPERM : -ESRCH;
    }
    uint8_t head[8], len[8];
    thunk_store(tg, head, tg->word_size, h);
    thunk_store(tg, len, tg->word_size, h ? l : 3u * tg->word_size);
    if (gmem_write(c->mem, a[1], head, tg->word_size) < 0 ||
        gmem_write(c->mem, a[2], len, tg->word_size) < 0)
        return -EFAULT;
    return 0;
}
