// cflags: -pthread
/* Guest threads: __thread variables are per thread; detached threads, pthread_self, gettid. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define NTHREADS 6

static __thread long tls_val = 42;
static __thread char tls_buf[64];
static long results[NTHREADS];
static int tid_differs[NTHREADS];

static void *worker(void *arg)
{
    long id = (long)arg;
    long start = tls_val; /* the initial value, not another thread's */
    tls_val = id * 1000;
    snprintf(tls_buf, sizeof(tls_buf), "thread-%ld", id);
    for (int i = 0; i < 10000; i++)
        tls_val += i & 3;
    results[id] = start * 1000000 + tls_val + (long)strlen(tls_buf);
    tid_differs[id] = syscall(SYS_gettid) != getpid();
    return NULL;
}

static pthread_mutex_t dm = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t dcv = PTHREAD_COND_INITIALIZER;
static int detached_done;

static void *detached(void *arg)
{
    pthread_mutex_lock(&dm);
    detached_done = 1;
    pthread_cond_signal(&dcv);
    pthread_mutex_unlock(&dm);
    return NULL;
}

int main(void)
{
    pthread_t th[NTHREADS];
    tls_val = 7;
    for (long i = 0; i < NTHREADS; i++)
        pthread_create(&th[i], NULL, worker, (void *)i);
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(th[i], NULL);
    for (int i = 0; i < NTHREADS; i++)
        printf("thread %d: %ld tid-differs %d\n", i, results[i], tid_differs[i]);
    printf("main tls %ld\n", tls_val);

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t d;
    pthread_create(&d, &attr, detached, NULL);
    pthread_mutex_lock(&dm);
    while (!detached_done)
        pthread_cond_wait(&dcv, &dm);
    pthread_mutex_unlock(&dm);
    printf("detached thread ran\n");
    return 0;
}
