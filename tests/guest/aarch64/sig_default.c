/* Default actions: an ignored SIGUSR1 does nothing, a handled SIGTERM runs
 * its handler, then SIGTERM with SIG_DFL ends the process (exit 143 in the
 * shell) after its output was flushed. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile int nterm;

static void on_term(int sig)
{
    nterm++;
}

int main(void)
{
    signal(SIGUSR1, SIG_IGN);
    kill(getpid(), SIGUSR1);
    printf("ignored usr1\n");
    signal(SIGTERM, on_term);
    kill(getpid(), SIGTERM);
    printf("handled term: %d\n", nterm);
    signal(SIGWINCH, SIG_DFL);
    raise(SIGWINCH);
    printf("default-ignored winch\n");
    signal(SIGTERM, SIG_DFL);
    fflush(stdout);
    kill(getpid(), SIGTERM);
    printf("not reached\n");
    return 0;
}
