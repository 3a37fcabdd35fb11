// cflags: -pthread
/* Guest threads: condition-variable ping-pong between two threads, and a pthread barrier. */
#include <pthread.h>
#include <stdio.h>

#define ROUNDS 2000
#define NBARRIER 4
#define NPHASES 50

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int turn; /* 0: ping's turn, 1: pong's */
static long trace_sum;

static void *pong(void *arg)
{
    for (int i = 0; i < ROUNDS; i++) {
        pthread_mutex_lock(&m);
        while (turn != 1)
            pthread_cond_wait(&cv, &m);
        trace_sum = trace_sum * 3 + 2;
        trace_sum %= 1000003;
        turn = 0;
        pthread_cond_signal(&cv);
        pthread_mutex_unlock(&m);
    }
    return NULL;
}

static pthread_barrier_t bar;
static int phase_count[NPHASES];
static int phase_errors;

static void *barrier_worker(void *arg)
{
    for (int p = 0; p < NPHASES; p++) {
        __atomic_add_fetch(&phase_count[p], 1, __ATOMIC_SEQ_CST);
        pthread_barrier_wait(&bar);
        /* After the barrier every thread has counted this phase. */
        if (__atomic_load_n(&phase_count[p], __ATOMIC_SEQ_CST) != NBARRIER)
            __atomic_add_fetch(&phase_errors, 1, __ATOMIC_SEQ_CST);
        pthread_barrier_wait(&bar);
    }
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, pong, NULL);
    for (int i = 0; i < ROUNDS; i++) {
        pthread_mutex_lock(&m);
        while (turn != 0)
            pthread_cond_wait(&cv, &m);
        trace_sum = trace_sum * 5 + 1;
        trace_sum %= 1000003;
        turn = 1;
        pthread_cond_signal(&cv);
        pthread_mutex_unlock(&m);
    }
    pthread_join(t, NULL);
    printf("ping-pong %d rounds, trace %ld\n", ROUNDS, trace_sum);

    pthread_t w[NBARRIER];
    pthread_barrier_init(&bar, NULL, NBARRIER);
    for (int i = 0; i < NBARRIER; i++)
        pthread_create(&w[i], NULL, barrier_worker, NULL);
    for (int i = 0; i < NBARRIER; i++)
        pthread_join(w[i], NULL);
    pthread_barrier_destroy(&bar);
    int total = 0;
    for (int p = 0; p < NPHASES; p++)
        total += phase_count[p];
    printf("barrier: %d phases, %d arrivals, %d errors\n", NPHASES, total, phase_errors);
    return 0;
}
