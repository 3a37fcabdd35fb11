// cflags: -pthread
/* Signals and threads: pthread_kill reaches the target thread's handler
 * (in a busy loop and in pause()), each thread has its own mask, and a
 * process-directed signal goes to the thread that does not block it. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile int stop, ready;
static volatile pthread_t who_usr1, who_usr2;

static void on_sig(int sig)
{
    if (sig == SIGUSR1)
        who_usr1 = pthread_self();
    else
        who_usr2 = pthread_self();
}

static void *spin(void *arg)
{
    ready = 1;
    while (!stop)
        ;
    return NULL;
}

static void *pauser(void *arg)
{
    /* this thread takes SIGUSR2; main blocks it */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    ready = 2;
    pause();
    return NULL;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_sig;
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGUSR2, &sa, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &set, NULL);

    pthread_t t1, t2;
    pthread_create(&t1, NULL, spin, NULL);
    while (ready != 1)
        ;
    pthread_kill(t1, SIGUSR1);
    while (!who_usr1)
        ;
    printf("usr1 in spinning thread: %d\n", pthread_equal(who_usr1, t1) != 0);
    stop = 1;
    pthread_join(t1, NULL);

    pthread_create(&t2, NULL, pauser, NULL);
    while (ready != 2)
        ;
    usleep(50000);
    kill(getpid(), SIGUSR2);
    pthread_join(t2, NULL);
    printf("usr2 in the thread not blocking it: %d\n", pthread_equal(who_usr2, t2) != 0);
    return 0;
}
