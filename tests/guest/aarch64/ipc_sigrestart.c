// cflags: -pthread
/*
 * Guest test of signals interrupting blocking calls: a handler installed
 * with SA_RESTART runs while the thread is blocked in read (it writes what
 * the read then returns: the call was restarted after the handler), and
 * without SA_RESTART the read fails with EINTR after the handler.  A
 * watchdog thread unblocks the read after 3 s if the handler never runs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static int p[2];
static volatile sig_atomic_t ran;

static void check(const char *what, int ok)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
}

static void on_alarm(int s)
{
    ran++;
    write(p[1], "h", 1);
}

static void *watchdog(void *arg)
{
    sleep(3);
    write(p[1], "w", 1);
    return arg;
}

static void arm(int restart)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_alarm;
    sa.sa_flags = restart ? SA_RESTART : 0;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = {{0, 0}, {0, 100000}};
    setitimer(ITIMER_REAL, &it, NULL);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    pipe(p);
    pthread_t w;
    pthread_create(&w, NULL, watchdog, NULL);
    sigset_t alrm;
    sigemptyset(&alrm);
    sigaddset(&alrm, SIGALRM);
    pthread_sigmask(SIG_BLOCK, &alrm, NULL); /* the main thread gets the alarm */
    pthread_sigmask(SIG_UNBLOCK, &alrm, NULL);

    char c = 0;
    arm(1);
    ssize_t n = read(p[0], &c, 1);
    check("SA_RESTART: handler ran during the read", ran == 1);
    check("SA_RESTART: the read restarted and got the handler's byte", n == 1 && c == 'h');

    arm(0);
    errno = 0;
    n = read(p[0], &c, 1);
    check("no SA_RESTART: EINTR", n < 0 && errno == EINTR && ran == 2);
    n = read(p[0], &c, 1);
    check("the handler's byte is there", n == 1 && c == 'h');

    /* wait4 with SA_RESTART: the child's exit still reported after the handler. */
    arm(1);
    pid_t pid = fork();
    if (pid == 0) {
        usleep(300000);
        _exit(5);
    }
    int st = 0;
    pid_t r = waitpid(pid, &st, 0);
    check("waitpid restarted", r == pid && WEXITSTATUS(st) == 5 && ran == 3);
    read(p[0], &c, 1);
    pthread_cancel(w);
    pthread_join(w, NULL);
    return 0;
}
