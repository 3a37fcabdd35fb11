/*
 * Guest test of the temporary signal mask of ppoll, pselect and
 * epoll_pwait on sockets: a blocked pending signal let through by the
 * call's mask interrupts it (EINTR, the handler runs, the old mask is
 * back afterwards); a signal the call's mask blocks waits until the call
 * returns; data ready with only blocked signals pending is reported.
 * The expected output is this program built natively for the host and run
 * there: qemu-user (Debian 12) never delivers the SIGALRM held off by pselect's
 * mask, so it is not the reference here.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

static volatile sig_atomic_t got_usr1, got_alrm;

static void on_usr1(int s)
{
    got_usr1++;
}

static void on_alrm(int s)
{
    got_alrm++;
}

static void check(const char *what, int ok)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
}

static int usr1_blocked(void)
{
    sigset_t cur;
    sigprocmask(SIG_SETMASK, NULL, &cur);
    return sigismember(&cur, SIGUSR1);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    signal(SIGUSR1, on_usr1);
    signal(SIGALRM, on_alrm);
    sigset_t block_usr1, empty, block_alrm;
    sigemptyset(&empty);
    sigemptyset(&block_usr1);
    sigaddset(&block_usr1, SIGUSR1);
    sigemptyset(&block_alrm);
    sigaddset(&block_alrm, SIGALRM);
    sigaddset(&block_alrm, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block_usr1, NULL);

    /* ppoll: the pending SIGUSR1 gets through the empty mask. */
    raise(SIGUSR1);
    check("pending, not delivered", got_usr1 == 0);
    struct pollfd pf = {sv[0], POLLIN, 0};
    struct timespec ts = {5, 0};
    int r = ppoll(&pf, 1, &ts, &empty);
    check("ppoll EINTR", r < 0 && errno == EINTR);
    check("handler ran", got_usr1 == 1);
    check("mask back", usr1_blocked());

    /* epoll_pwait the same way. */
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN}, out;
    epoll_ctl(ep, EPOLL_CTL_ADD, sv[0], &ev);
    raise(SIGUSR1);
    r = epoll_pwait(ep, &out, 1, 5000, &empty);
    check("epoll_pwait EINTR", r < 0 && errno == EINTR && got_usr1 == 2 && usr1_blocked());

    /* pselect: data ready, the pending signal stays blocked by the call's mask. */
    raise(SIGUSR1);
    write(sv[1], "x", 1);
    fd_set rd;
    FD_ZERO(&rd);
    FD_SET(sv[0], &rd);
    r = pselect(sv[0] + 1, &rd, NULL, NULL, &ts, &block_usr1);
    check("pselect ready", r == 1 && FD_ISSET(sv[0], &rd) && got_usr1 == 2);
    char c;
    read(sv[0], &c, 1);

    /* pselect: SIGALRM (normally unblocked) held off by the call's mask until it returns. */
    struct itimerval it = {{0, 0}, {0, 50000}};
    setitimer(ITIMER_REAL, &it, NULL);
    struct timespec short_ts = {0, 300000000};
    FD_ZERO(&rd);
    FD_SET(sv[0], &rd);
    r = pselect(sv[0] + 1, &rd, NULL, NULL, &short_ts, &block_alrm);
    int during = got_alrm; /* delivered as the call returns, when the old mask is back */
    check("pselect timed out, not interrupted", r == 0);
    usleep(1000);
    check("alarm delivered once, after the call", got_alrm == 1 && during <= 1);

    /* ppoll without a mask: SIGALRM interrupts. */
    setitimer(ITIMER_REAL, &it, NULL);
    r = ppoll(&pf, 1, &ts, NULL);
    check("ppoll no mask EINTR", r < 0 && errno == EINTR && got_alrm == 2);

    sigprocmask(SIG_UNBLOCK, &block_usr1, NULL);
    check("last pending USR1 delivered on unblock", got_usr1 == 3);
    return 0;
}
