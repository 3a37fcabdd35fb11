// cflags: -pthread
/* Guest threads: many short-lived threads, fork from a threaded process, and the main thread
 * leaving with pthread_exit while another thread still runs (the process ends with the last). */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#define NWAVES 20
#define NPERWAVE 8

static long work(long n)
{
    long s = 0;
    for (long i = 0; i < n; i++)
        s += (i * i) ^ (s >> 3);
    return s;
}

static void *short_lived(void *arg)
{
    return (void *)(intptr_t)(work(1000 + (long)(intptr_t)arg) & 0xffff);
}

static volatile int spin_stop;

static void *spinner(void *arg)
{
    while (!spin_stop)
        work(100);
    return NULL;
}

static void *last_one(void *arg)
{
    pthread_t main_thread = *(pthread_t *)arg;
    /* Joining the exited main thread works as on Linux. */
    pthread_join(main_thread, NULL);
    printf("last thread: main has exited, sum %ld\n", work(50000) & 0xff);
    fflush(stdout);
    return NULL;
}

int main(void)
{
    long total = 0;
    for (int w = 0; w < NWAVES; w++) {
        pthread_t th[NPERWAVE];
        for (int i = 0; i < NPERWAVE; i++)
            pthread_create(&th[i], NULL, short_lived, (void *)(intptr_t)(w * NPERWAVE + i));
        for (int i = 0; i < NPERWAVE; i++) {
            void *r;
            pthread_join(th[i], &r);
            total += (long)(intptr_t)r;
        }
    }
    printf("%d short-lived threads, total %ld\n", NWAVES * NPERWAVE, total);

    pthread_t sp;
    pthread_create(&sp, NULL, spinner, NULL);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        /* Only the forking thread exists here (qemu-aarch64, the reference, cannot create
         * threads in such a child, so none are created). */
        printf("child: work %ld\n", (long)(intptr_t)short_lived((void *)5));
        fflush(stdout);
        _exit(9);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("forked child status %d\n", WEXITSTATUS(st));
    spin_stop = 1;
    pthread_join(sp, NULL);

    static pthread_t self;
    self = pthread_self();
    pthread_t t;
    pthread_create(&t, NULL, last_one, &self);
    printf("main: pthread_exit\n");
    fflush(stdout);
    pthread_exit(NULL);
}
