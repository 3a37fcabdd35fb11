// cflags: -pthread
/* Real-time signals are queued, each with its own value: sigqueue while blocked, then unblock
 * (each number's in sending order; the handlers nest, so the order across numbers is the
 * frames'); sigwaitinfo taking them one by one; another thread queueing many to a thread with
 * a handler (none lost); standard signals still merge. */
#define _GNU_SOURCE
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define NLOG 64
static volatile int log_sig[NLOG], log_val[NLOG], nlog;
static volatile int counted, sum;

static void logger(int sig, siginfo_t *si, void *uc)
{
    if (nlog < NLOG) {
        log_sig[nlog] = sig;
        log_val[nlog] = si->si_value.sival_int;
        nlog++;
    }
}

static void counter(int sig, siginfo_t *si, void *uc)
{
    counted++;
    sum += si->si_value.sival_int;
}

static void set_handler(int sig, void (*fn)(int, siginfo_t *, void *))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = fn;
    sa.sa_flags = SA_SIGINFO;
    sigaction(sig, &sa, NULL);
}

static void block(int sig, int how)
{
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, sig);
    pthread_sigmask(how, &s, NULL);
}

static void queue(int sig, int val)
{
    union sigval v = {.sival_int = val};
    if (sigqueue(getpid(), sig, v) != 0)
        perror("sigqueue");
}

#define NSEND 200
static pthread_t target;

static void *sender(void *arg)
{
    for (int i = 1; i <= NSEND; i++) {
        union sigval v = {.sival_int = i};
        while (pthread_sigqueue(target, SIGRTMIN + 3, v) != 0)
            usleep(100); /* EAGAIN: the queue limit; try again */
    }
    return NULL;
}

int main(void)
{
    int r0 = SIGRTMIN, r1 = SIGRTMIN + 1;
    set_handler(r0, logger);
    set_handler(r1, logger);
    set_handler(SIGUSR1, logger);
    sigset_t both;
    sigemptyset(&both);
    sigaddset(&both, r0);
    sigaddset(&both, r1);
    sigaddset(&both, SIGUSR1);
    sigprocmask(SIG_BLOCK, &both, NULL);
    for (int i = 0; i < 4; i++)
        queue(r1, 10 + i);
    for (int i = 0; i < 3; i++)
        queue(r0, 20 + i);
    for (int i = 0; i < 3; i++)
        queue(SIGUSR1, 30 + i);
    sigprocmask(SIG_UNBLOCK, &both, NULL);
    printf("delivered %d:", nlog);
    for (int i = 0; i < nlog; i++)
        printf(" %s/%d",
               log_sig[i] == SIGUSR1 ? "USR1"
               : log_sig[i] == r0    ? "RTMIN"
                                     : "RTMIN+1",
               log_val[i]);
    printf("\n");

    /* sigwaitinfo takes them one at a time, in order. */
    block(r0, SIG_BLOCK);
    for (int i = 0; i < 5; i++)
        queue(r0, 100 + i);
    sigset_t w;
    sigemptyset(&w);
    sigaddset(&w, r0);
    printf("sigwaitinfo:");
    for (int i = 0; i < 5; i++) {
        siginfo_t si;
        int s = sigwaitinfo(&w, &si);
        printf(" %d/%d", s - r0, si.si_value.sival_int);
    }
    sigset_t p;
    sigpending(&p);
    printf("; pending after: %d\n", sigismember(&p, r0));
    block(r0, SIG_UNBLOCK);

    /* Another thread queues many to this thread while it runs a handler for each. */
    set_handler(SIGRTMIN + 3, counter);
    target = pthread_self();
    pthread_t th;
    pthread_create(&th, NULL, sender, NULL);
    pthread_join(th, NULL);
    for (int i = 0; i < 1000 && counted < NSEND; i++)
        usleep(1000);
    printf("from a thread: %d of %d, sum %d\n", counted, NSEND, sum);
    return 0;
}
