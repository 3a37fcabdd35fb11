/* Guest signal handlers: raise, kill, SA_SIGINFO fields, sigqueue values,
 * nested handlers, SA_RESETHAND, SA_NODEFER, blocking with delivery on
 * unblock, sigpending, sigwaitinfo and sigsuspend. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile int count[65];
static volatile int order[16], norder;
static volatile int last_code, last_value, pid_ok;

static void on_info(int sig, siginfo_t *si, void *uc)
{
    count[sig]++;
    order[norder++ & 15] = sig;
    last_code = si->si_code;
    last_value = si->si_value.sival_int;
    pid_ok = si->si_pid == getpid();
    if (sig == SIGUSR1 && count[SIGUSR1] == 1)
        raise(SIGUSR2); /* nested: SIGUSR2 runs inside the SIGUSR1 handler */
    order[norder++ & 15] = -sig;
}

static void on_plain(int sig)
{
    count[sig]++;
    order[norder++ & 15] = sig;
}

static void show_order(const char *what)
{
    printf("%s:", what);
    for (int i = 0; i < norder; i++)
        printf(" %d", order[i]);
    printf("\n");
    norder = 0;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_info;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR1);
    printf("raise: usr1=%d usr2=%d code=%d pid_ok=%d\n", count[SIGUSR1], count[SIGUSR2], last_code,
           pid_ok);
    show_order("nested");
    kill(getpid(), SIGUSR1);
    printf("kill: usr1=%d code=%d pid_ok=%d\n", count[SIGUSR1], last_code, pid_ok);
    norder = 0;

    union sigval v = {.sival_int = 1234};

    /* blocking: pending until unblocked */
    sigset_t set, old, pend;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, &old);
    raise(SIGUSR2);
    raise(SIGUSR1);
    sigpending(&pend);
    printf("blocked: usr1=%d usr2=%d pending1=%d pending2=%d\n", count[SIGUSR1], count[SIGUSR2],
           sigismember(&pend, SIGUSR1), sigismember(&pend, SIGUSR2));
    norder = 0;
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("unblocked: usr1=%d usr2=%d\n", count[SIGUSR1], count[SIGUSR2]);
    show_order("order");

    /* sigwaitinfo takes a blocked signal without running the handler */
    sigprocmask(SIG_BLOCK, &set, NULL);
    raise(SIGUSR2);
    siginfo_t si;
    int got = sigwaitinfo(&set, &si);
    printf("sigwaitinfo: %d signo=%d code=%d usr2=%d\n", got, si.si_signo, si.si_code,
           count[SIGUSR2]);
    sigprocmask(SIG_SETMASK, &old, NULL);

    /* SA_RESETHAND: the second signal takes the default action (ignored: SIGCHLD) */
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_plain;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGCHLD, &sa, NULL);
    raise(SIGCHLD);
    raise(SIGCHLD);
    struct sigaction now;
    sigaction(SIGCHLD, NULL, &now);
    printf("resethand: chld=%d dfl=%d\n", count[SIGCHLD], now.sa_handler == SIG_DFL);

    /* SA_NODEFER: the handler may be re-entered */
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_info;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGHUP, &sa, NULL);
    raise(SIGHUP);
    printf("nodefer: hup=%d\n", count[SIGHUP]);

    /* real-time signal with a value */
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGRTMIN + 3, &sa, NULL);
    v.sival_int = 4321;
    sigqueue(getpid(), SIGRTMIN + 3, v);
    printf("rt: count=%d code=%d value=%d\n", count[SIGRTMIN + 3], last_code, last_value);

    /* sigsuspend: wait with SIGUSR1 unblocked, the old mask comes back */
    sigprocmask(SIG_BLOCK, &set, NULL);
    raise(SIGUSR1);
    sigset_t wait_mask;
    sigfillset(&wait_mask);
    sigdelset(&wait_mask, SIGUSR1);
    int r = sigsuspend(&wait_mask);
    sigset_t cur;
    sigprocmask(SIG_SETMASK, NULL, &cur);
    printf("sigsuspend: r=%d usr1=%d still_blocked=%d\n", r, count[SIGUSR1],
           sigismember(&cur, SIGUSR1));
    sigprocmask(SIG_SETMASK, &old, NULL);

    /* ignored signals do nothing */
    signal(SIGUSR2, SIG_IGN);
    raise(SIGUSR2);
    printf("ignored: usr2=%d\n", count[SIGUSR2]);
    return 0;
}
