/*
 * The FP/SIMD register file (v0-v31, FPCR, FPSR) survives system calls and
 * asynchronous signal handlers that clobber it: a hot loop keeps running
 * vector FP sums in registers while timer signals arrive and the handler
 * overwrites every V register and FPCR/FPSR; inline SVCs in the middle of
 * the sums must not touch them either.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static volatile int ticks;

static void on_alrm(int sig)
{
    ticks++;
    asm volatile(
        "movi v0.2d, #0xffffffffffffffff\n\t"
        "fmov v1.4s, #-3.0\n\t"
        ".irp "
        "r,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n\t"
        "mov v\\r\\().16b, v1.16b\n\t"
        ".endr\n\t"
        "mov x0, #0x03c00000\n\t"
        "msr fpcr, x0\n\t"
        "mov x0, #0x9f\n\t"
        "msr fpsr, x0" ::
            : "x0", "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12",
              "v13", "v14", "v15", "v16", "v17", "v18", "v19", "v20", "v21", "v22", "v23", "v24",
              "v25", "v26", "v27", "v28", "v29", "v30", "v31", "memory");
}

/* n rounds of: every V register += step * step + step (float lanes, rounding up), then the
 * step becomes 0.125 / 3; an SVC every 64 rounds. */
static void run(long n, uint8_t (*out)[16], uint64_t *fpsr)
{
    asm volatile(
        "mov x0, #0x00400000\n\t" /* round toward +inf */
        "msr fpcr, x0\n\t"
        "msr fpsr, xzr\n\t"
        "fmov v31.4s, #0.125\n\t"
        ".irp "
        "r,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30\n\t"
        "movi v\\r\\().4s, #\\r\n\t"
        "scvtf v\\r\\().4s, v\\r\\().4s\n\t"
        ".endr\n\t"
        "mov x1, %1\n"
        "1:\n\t"
        ".irp "
        "r,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30\n\t"
        "fmla v\\r\\().4s, v31.4s, v31.4s\n\t"
        "fadd v\\r\\().4s, v\\r\\().4s, v31.4s\n\t"
        ".endr\n\t"
        "fmov v31.4s, #0.125\n\t"
        "fmov v30.4s, #3.0\n\t"
        "fdiv v31.4s, v31.4s, v30.4s\n\t"
        "tst x1, #63\n\t"
        "b.ne 2f\n\t"
        "mov x8, #172\n\t" /* getpid */
        "svc #0\n"
        "2:\n\t"
        "subs x1, x1, #1\n\t"
        "b.ne 1b\n\t"
        ".irp "
        "r,0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,"
        "31\n\t"
        "str q\\r, [%0, #16 * \\r]\n\t"
        ".endr\n\t"
        "mrs x0, fpsr\n\t"
        "str x0, [%2]\n\t"
        "mrs x0, fpcr\n\t"
        "str x0, [%2, #8]\n\t"
        "msr fpcr, xzr"
        :
        : "r"(out), "r"(n), "r"(fpsr)
        : "x0", "x1", "x8", "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10",
          "v11", "v12", "v13", "v14", "v15", "v16", "v17", "v18", "v19", "v20", "v21", "v22", "v23",
          "v24", "v25", "v26", "v27", "v28", "v29", "v30", "v31", "memory", "cc");
}

int main(void)
{
    static uint8_t quiet[32][16], busy[32][16];
    uint64_t qs[2], bs[2];
    run(40000, quiet, qs);
    signal(SIGALRM, on_alrm);
    struct itimerval it = {{0, 300}, {0, 300}};
    setitimer(ITIMER_REAL, &it, NULL);
    int rounds = 0, same = 1;
    do {
        run(40000, busy, bs);
        same &= !memcmp(quiet, busy, sizeof quiet) && qs[0] == bs[0] && qs[1] == bs[1];
        rounds++;
    } while ((ticks < 5 || rounds < 3) && rounds < 100000);
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);
    uint64_t h = 0;
    for (int r = 0; r < 32; r++)
        for (int b = 0; b < 16; b++)
            h = ((h ^ quiet[r][b]) * 0x100000001b3ull) ^ (h >> 29);
    uint32_t v0;
    memcpy(&v0, quiet[0], 4);
    printf("registers %016llx v0.s[0] %08x fpsr %llx fpcr %llx\n", (unsigned long long)h, v0,
           (unsigned long long)qs[0], (unsigned long long)qs[1]);
    printf("same under signals and syscalls: %d (signals seen: %d)\n", same, ticks >= 5);
    return 0;
}
