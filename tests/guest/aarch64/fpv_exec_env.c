/*
 * FP state across fork and execve: a forked child inherits FPCR and the
 * raised FPSR flags (and computes with them); the image execve starts has
 * FPCR = 0 and FPSR = 0 (arm64 Linux clears the FP/SIMD state on exec:
 * round to nearest, no flush to zero, no flags).
 * XXX: qemu-aarch64 without binfmt_misc cannot exec a foreign binary, so the
 * last line of the .ref was written by hand from what arm64 Linux prints.
 */
#include <fenv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static uint64_t fpcr_get(void)
{
    uint64_t v;
    asm volatile("mrs %0, fpcr" : "=r"(v));
    return v;
}
static uint64_t fpsr_get(void)
{
    uint64_t v;
    asm volatile("mrs %0, fpsr" : "=r"(v));
    return v;
}

int main(int argc, char **argv)
{
    volatile double one = 1.0, three = 3.0, tiny = 0x1p-1022;
    if (argc > 1) {
        uint64_t c = fpcr_get(), s = fpsr_get();
        volatile double q = one / three, h = tiny * 0.75;
        printf("exec'd image: fpcr %08llx fpsr %02llx 1/3 %a tiny*0.75 %a\n", (unsigned long long)c,
               (unsigned long long)s, q, h);
        return 0;
    }
    asm volatile("msr fpcr, %0" ::"r"(0x01400000ull)); /* FZ, round up */
    feclearexcept(FE_ALL_EXCEPT);
    volatile double o = 1e300;
    o = o * o;
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) {
        volatile double q = one / three, h = tiny * 0.75;
        printf("child: fpcr %08llx fpsr %02llx 1/3 %a tiny*0.75 %a\n",
               (unsigned long long)fpcr_get(), (unsigned long long)fpsr_get(), q, h);
        fflush(stdout);
        _exit(0);
    }
    int st;
    waitpid(p, &st, 0);
    printf("parent: fpcr %08llx fpsr %02llx\n", (unsigned long long)fpcr_get(),
           (unsigned long long)fpsr_get());
    fflush(stdout);
    char *args[] = {argv[0], "exec", NULL};
    execv("/proc/self/exe", args);
    perror("execv");
    return 1;
}
