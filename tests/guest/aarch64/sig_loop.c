/* An asynchronous signal (an interval timer) reaches a loop that is one block jumping to
 * itself: the handler runs inside the loop and the loop sees its flag; the vector
 * accumulator the loop keeps in a host register is intact afterwards. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

static volatile int stop;

static void on_alarm(int sig, siginfo_t *si, void *uc)
{
    (void)si, (void)uc;
    stop = sig;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_alarm;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = {{0, 0}, {0, 20000}};
    setitimer(ITIMER_REAL, &it, NULL);
    double acc[2];
    long n;
    /* v0 counts iterations in each lane (exact below 2^53); the loop ends when the handler
     * has set `stop`. */
    __asm__ volatile("movi v0.2d, #0\n"
                     "fmov v1.2d, #1.0\n"
                     "mov %[n], #0\n"
                     "1: fadd v0.2d, v0.2d, v1.2d\n"
                     "add %[n], %[n], #1\n"
                     "ldr w9, [%[stop]]\n"
                     "cmp %[n], %[max]\n"
                     "ccmp w9, #0, #0, lt\n"
                     "b.eq 1b\n"
                     "str q0, [%[acc]]\n"
                     : [n] "=&r"(n)
                     : [stop] "r"(&stop), [acc] "r"(acc), [max] "r"(1L << 40)
                     : "x9", "v0", "v1", "memory", "cc");
    printf("stopped by signal %d before the limit: %s\n", stop, n < (1L << 40) ? "yes" : "no");
    printf("lanes agree with the count: %s\n",
           acc[0] == (double)n && acc[1] == (double)n ? "yes" : "no");
    return 0;
}
