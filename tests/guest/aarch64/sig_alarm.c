/* Asynchronous signals from the kernel: alarm() + pause(), SIGALRM
 * interrupting a blocking pipe read (EINTR without SA_RESTART), a sleep cut
 * short, setitimer/getitimer, SIGPIPE with a handler, and SIGCHLD. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile int nalrm, npipe, nchld;

static void on_alrm(int sig)
{
    nalrm++;
}

static void on_pipe(int sig)
{
    npipe++;
}

static void on_chld(int sig)
{
    nchld++;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_alrm;
    sigaction(SIGALRM, &sa, NULL);

    alarm(1);
    int r = pause();
    printf("pause: r=%d errno=%s alrm=%d\n", r, r < 0 && errno == EINTR ? "EINTR" : "?", nalrm);

    int fds[2];
    pipe(fds);
    struct itimerval it = {.it_value = {.tv_usec = 100000}};
    setitimer(ITIMER_REAL, &it, NULL);
    char buf[8];
    ssize_t n = read(fds[0], buf, sizeof(buf));
    printf("read: n=%zd errno=%s alrm=%d\n", n, n < 0 && errno == EINTR ? "EINTR" : "?", nalrm);

    /* SA_RESTART: the read is restarted after the handler and gets the child's byte */
    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);
    pid_t writer = fork();
    if (writer == 0) {
        usleep(300000);
        write(fds[1], "r", 1);
        _exit(0);
    }
    it.it_value.tv_usec = 50000;
    setitimer(ITIMER_REAL, &it, NULL);
    n = read(fds[0], buf, sizeof(buf));
    printf("restarted read: n=%zd byte=%c alrm=%d\n", n, n == 1 ? buf[0] : '?', nalrm);
    waitpid(writer, NULL, 0);
    sa.sa_flags = 0;
    sigaction(SIGALRM, &sa, NULL);

    struct timespec ts = {.tv_sec = 5}, rem = {0};
    it.it_value.tv_usec = 50000;
    setitimer(ITIMER_REAL, &it, NULL);
    r = nanosleep(&ts, &rem);
    printf("nanosleep: r=%d errno=%s rem_ok=%d alrm=%d\n", r,
           r < 0 && errno == EINTR ? "EINTR" : "?", rem.tv_sec >= 3 && rem.tv_sec <= 5, nalrm);

    it.it_value.tv_sec = 100;
    it.it_value.tv_usec = 0;
    setitimer(ITIMER_REAL, &it, NULL);
    struct itimerval cur;
    getitimer(ITIMER_REAL, &cur);
    printf("getitimer: ok=%d\n", cur.it_value.tv_sec >= 98 && cur.it_value.tv_sec <= 100);
    printf("alarm left: %u\n", alarm(0) >= 98);

    sa.sa_handler = on_pipe;
    sigaction(SIGPIPE, &sa, NULL);
    close(fds[0]);
    n = write(fds[1], "x", 1);
    printf("sigpipe: n=%zd errno=%s pipe=%d\n", n, n < 0 && errno == EPIPE ? "EPIPE" : "?", npipe);

    sa.sa_handler = on_chld;
    sigaction(SIGCHLD, &sa, NULL);
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigprocmask(SIG_BLOCK, &set, &old);
    pid_t pid = fork();
    if (pid == 0)
        _exit(3);
    int st;
    waitpid(pid, &st, 0);
    printf("child: exit=%d chld_before_unblock=%d\n", WEXITSTATUS(st), nchld);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("chld after unblock=%d\n", nchld);
    return 0;
}
