// cflags: -pthread
/*
 * Robust futex lists of all threads at exit_group: a child process's second thread holds a
 * process-shared robust mutex when the child's main thread calls exit; the parent then gets
 * EOWNERDEAD.  get_robust_list answers for another thread of the process (the list that thread
 * set) and ESRCH for a task that does not exist.  A robust priority-inheritance mutex whose
 * owner thread exits while another waits for it is handed to the waiter with EOWNERDEAD.
 * The expected output is this program built natively for the host and run there: qemu-user
 * cannot be the reference, its set_robust_list and get_robust_list answer ENOSYS.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

struct shared {
    pthread_mutex_t m;
};

static struct shared *sh;
static int ready[2];
static volatile long thread_head;
static volatile pid_t thread_tid;

static void *holder(void *arg)
{
    long head;
    size_t len;
    syscall(SYS_get_robust_list, 0, &head, &len);
    thread_head = head;
    thread_tid = (pid_t)syscall(SYS_gettid);
    pthread_mutex_lock(&sh->m);
    (void)!write(ready[1], "x", 1);
    for (;;)
        pause();
    return NULL;
}

static void child(void)
{
    pthread_t th;
    pthread_create(&th, NULL, holder, NULL);
    char b;
    (void)!read(ready[0], &b, 1);
    long head = 0;
    size_t len = 0;
    long r = syscall(SYS_get_robust_list, thread_tid, &head, &len);
    printf("child: get_robust_list of the other thread: %ld, %s head, len %zu\n", r,
           head && head == thread_head ? "its" : "another", len);
    errno = 0;
    r = syscall(SYS_get_robust_list, 0x3ffffff0, &head, &len);
    printf("child: get_robust_list of no task: %ld %s\n", r, errno == ESRCH ? "ESRCH" : "?");
    fflush(stdout);
    exit(0); /* exit_group while the other thread holds the mutex */
}

static pthread_mutex_t pi_m;

static void *pi_holder(void *arg)
{
    pthread_mutex_lock(&pi_m);
    usleep(100000);
    return NULL; /* exits holding it while main waits */
}

static void pi_handoff(void)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    pthread_mutexattr_setprotocol(&a, PTHREAD_PRIO_INHERIT);
    pthread_mutex_init(&pi_m, &a);
    pthread_t t;
    pthread_create(&t, NULL, pi_holder, NULL);
    usleep(20000);
    int r = pthread_mutex_lock(&pi_m);
    printf("PI waiter: %s\n", r == EOWNERDEAD ? "EOWNERDEAD" : strerror(r));
    r = pthread_mutex_consistent(&pi_m);
    printf("PI consistent: %d\n", r);
    r = pthread_mutex_unlock(&pi_m);
    printf("PI unlock: %d\n", r);
    pthread_join(t, NULL);
    r = pthread_mutex_lock(&pi_m);
    printf("PI lock again: %d\n", r);
}

int main(void)
{
    sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(&sh->m, &a);
    if (pipe(ready) < 0)
        return 1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0)
        child();
    int st;
    waitpid(pid, &st, 0);
    printf("child exited %d\n", WEXITSTATUS(st));
    int r = pthread_mutex_lock(&sh->m);
    printf("parent lock: %s\n", r == EOWNERDEAD ? "EOWNERDEAD" : r == 0 ? "0" : strerror(r));
    if (r == EOWNERDEAD)
        printf("consistent: %d\n", pthread_mutex_consistent(&sh->m));
    printf("unlock: %d\n", pthread_mutex_unlock(&sh->m));
    printf("lock again: %d\n", pthread_mutex_lock(&sh->m));
    pi_handoff();
    return 0;
}
