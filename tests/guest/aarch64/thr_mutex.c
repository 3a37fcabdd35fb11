// cflags: -pthread
/* Guest threads: a mutex-protected counter, C11 atomics and pthread_join values from 4 threads. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

#define NTHREADS 4
#define NITER 100000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static atomic_long acounter;
static _Atomic uint32_t acounter32;

static void *worker(void *arg)
{
    long id = (long)(intptr_t)arg;
    for (int i = 0; i < NITER; i++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
        atomic_fetch_add(&acounter, 1);
        atomic_fetch_add_explicit(&acounter32, 2, memory_order_relaxed);
    }
    return (void *)(intptr_t)(id * 10 + 7);
}

int main(void)
{
    pthread_t th[NTHREADS];
    for (long i = 0; i < NTHREADS; i++)
        if (pthread_create(&th[i], NULL, worker, (void *)(intptr_t)i) != 0) {
            printf("pthread_create failed\n");
            return 1;
        }
    for (int i = 0; i < NTHREADS; i++) {
        void *ret;
        pthread_join(th[i], &ret);
        printf("thread %d returned %ld\n", i, (long)(intptr_t)ret);
    }
    printf("mutex counter %ld\n", counter);
    printf("atomic counter %ld\n", atomic_load(&acounter));
    printf("atomic32 counter %u\n", (unsigned)atomic_load(&acounter32));
    return 0;
}
