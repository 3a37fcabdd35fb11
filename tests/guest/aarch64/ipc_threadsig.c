// cflags: -pthread
/*
 * Guest test of the signals glibc sends between its own threads (32 and
 * 33, which ferry's glibc also keeps for itself): pthread_cancel of threads
 * blocked in a condition wait, in sleep and spinning with asynchronous
 * cancellation (SIGCANCEL), and set*id in a process with blocked threads
 * (the SIGSETXID broadcast every thread must answer).  An alarm ends the
 * program if a broadcast is never answered.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int pipefd[2];
static volatile int spinning;

static void check(const char *what, int ok)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
}

static void unlock(void *arg)
{
    pthread_mutex_unlock(arg);
}

static void *cond_waiter(void *arg)
{
    pthread_mutex_lock(&m);
    pthread_cleanup_push(unlock, &m);
    for (;;)
        pthread_cond_wait(&cv, &m);
    pthread_cleanup_pop(1);
    return arg;
}

static void *sleeper(void *arg)
{
    for (;;)
        sleep(10);
    return arg;
}

static void *spinner(void *arg)
{
    pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
    spinning = 1;
    for (volatile unsigned long i = 0;; i++)
        ;
    return arg;
}

static void *reader(void *arg)
{
    char c;
    read(pipefd[0], &c, 1);
    return (void *)(long)getuid();
}

static void on_alarm(int s)
{
    static const char msg[] = "timeout: a thread signal was never answered\n";
    write(1, msg, sizeof(msg) - 1);
    _exit(1);
}

static int cancel_join(void *(*fn)(void *))
{
    pthread_t t;
    void *res = NULL;
    pthread_create(&t, NULL, fn, NULL);
    usleep(50000);
    if (fn == spinner)
        while (!spinning)
            usleep(1000);
    pthread_cancel(t);
    pthread_join(t, &res);
    return res == PTHREAD_CANCELED;
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    signal(SIGALRM, on_alarm);
    alarm(20);
    check("cancel in pthread_cond_wait", cancel_join(cond_waiter));
    check("mutex released by the cleanup handler", pthread_mutex_trylock(&m) == 0);
    pthread_mutex_unlock(&m);
    check("cancel in sleep", cancel_join(sleeper));
    check("asynchronous cancel while spinning", cancel_join(spinner));

    pipe(pipefd);
    pthread_t r[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&r[i], NULL, reader, NULL);
    usleep(50000);
    check("setgid with blocked threads", setgid(getgid()) == 0);
    check("setuid with blocked threads", setuid(getuid()) == 0);
    check("setresuid with blocked threads", setresuid(-1, -1, -1) == 0);
    write(pipefd[1], "xxx", 3);
    int same = 1;
    for (int i = 0; i < 3; i++) {
        void *res;
        pthread_join(r[i], &res);
        same &= (long)res == (long)getuid();
    }
    check("threads keep the ids", same);
    return 0;
}
