// cflags: -pthread
/*
 * Guest test of robust mutexes: the robust futex list (set_robust_list)
 * is walked when a thread or a process dies holding a lock, so the next
 * locker gets EOWNERDEAD, makes the mutex consistent and goes on; a lock
 * held by a dead owner and never made consistent becomes unusable.
 * The expected output is this program built natively for the host and run
 * there: qemu-user cannot be the reference here, its set_robust_list and
 * get_robust_list answer ENOSYS (it never walks guest robust lists), so a
 * thread dying with a robust lock held leaves the waiters blocked.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static pthread_mutex_t mtx;

static void check(const char *what, int ok)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
}

static void init_robust(pthread_mutex_t *m, int pshared)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    if (pshared)
        pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
    pthread_mutex_init(m, &a);
    pthread_mutexattr_destroy(&a);
}

static void *die_holding(void *arg)
{
    pthread_mutex_lock(&mtx);
    return arg; /* exits with the lock held */
}

static void *wait_then_lock(void *arg)
{
    return (void *)(long)pthread_mutex_lock(&mtx);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    void *head = NULL;
    size_t len = 0;
    check("get_robust_list", syscall(SYS_get_robust_list, 0, &head, &len) == 0 && head &&
                                 len == 3 * sizeof(void *));

    init_robust(&mtx, 0);
    pthread_t t;
    pthread_create(&t, NULL, die_holding, NULL);
    pthread_join(t, NULL);
    int r = pthread_mutex_lock(&mtx);
    check("thread died holding: EOWNERDEAD", r == EOWNERDEAD);
    check("consistent", pthread_mutex_consistent(&mtx) == 0);
    check("unlock", pthread_mutex_unlock(&mtx) == 0);
    check("lock again", pthread_mutex_lock(&mtx) == 0 && pthread_mutex_unlock(&mtx) == 0);

    /* A waiter blocked on the lock is woken by the owner's death. */
    pthread_mutex_lock(&mtx);
    pthread_create(&t, NULL, wait_then_lock, NULL);
    usleep(50000);
    pthread_t d;
    pthread_mutex_unlock(&mtx);
    void *res;
    pthread_join(t, &res);
    check("waiter got it", res == 0);
    pthread_mutex_unlock(&mtx); /* t exited holding it: as the owner died */
    pthread_create(&d, NULL, die_holding, NULL);
    pthread_join(d, NULL);
    r = pthread_mutex_lock(&mtx);
    check("second death: EOWNERDEAD", r == EOWNERDEAD);
    pthread_mutex_unlock(&mtx); /* not made consistent */
    check("not recoverable", pthread_mutex_lock(&mtx) == ENOTRECOVERABLE);

    /* Across processes: a process-shared robust mutex in shared memory. */
    pthread_mutex_t *pm = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                               -1, 0);
    init_robust(pm, 1);
    pid_t pid = fork();
    if (pid == 0) {
        pthread_mutex_lock(pm);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    r = pthread_mutex_lock(pm);
    check("process died holding: EOWNERDEAD", r == EOWNERDEAD);
    pthread_mutex_consistent(pm);
    check("shared unlock", pthread_mutex_unlock(pm) == 0);
    return 0;
}
