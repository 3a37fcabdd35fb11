// cflags: -pthread
/*
 * The FP environment is per thread: four threads run the same FP loop at the
 * same time, each under its own rounding mode and FZ setting, one of them
 * also raising overflow and invalid; each thread's results and flags equal
 * those of the same loop run alone in the main thread.  A new thread starts
 * with its creator's FPCR (Linux copies the FP state on clone).
 */
#include <fenv.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const int modes[4] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};

struct res {
    uint64_t bits;
    int flags;
    uint64_t fpcr_start;
};

static uint64_t fpcr_get(void)
{
    uint64_t v;
    asm volatile("mrs %0, fpcr" : "=r"(v));
    return v;
}

static void work(int k, struct res *r)
{
    uint64_t fpcr = fpcr_get() & ~0x1c00000ull;
    fpcr |= (uint64_t)(k == 1 || k == 3 ? k : (k + 1) & 3) << 22; /* modes */
    if (k >= 2)
        fpcr |= 1 << 24; /* FZ */
    asm volatile("msr fpcr, %0" ::"r"(fpcr));
    feclearexcept(FE_ALL_EXCEPT);
    volatile double tiny = 0x1p-1000, big = 1e300;
    double s = 0, x = 1.0 + k * 1e-3;
    for (int i = 0; i < 100000; i++) {
        x = x * 0.999999 + 1e-7;
        s += x * tiny * 0x1p-30; /* subnormal range: flushed under FZ */
        s += x / 3;
        if (k == 3 && i == 1000) {
            volatile double o = big * big;
            volatile double v = (o - o);
            (void)v;
        }
    }
    memcpy(&r->bits, &s, 8);
    r->flags = fetestexcept(FE_ALL_EXCEPT);
}

static struct res thr_res[4];
static void *thr(void *p)
{
    int k = (int)(intptr_t)p;
    thr_res[k].fpcr_start = fpcr_get();
    work(k, &thr_res[k]);
    return NULL;
}

int main(void)
{
    struct res alone[4];
    for (int k = 0; k < 4; k++) {
        work(k, &alone[k]);
        asm volatile("msr fpcr, xzr");
    }
    fesetround(FE_DOWNWARD);
    pthread_t t[4];
    for (int k = 0; k < 4; k++)
        pthread_create(&t[k], NULL, thr, (void *)(intptr_t)k);
    for (int k = 0; k < 4; k++)
        pthread_join(t[k], NULL);
    for (int k = 0; k < 4; k++)
        printf("thread %d: start fpcr %08llx result %016llx flags %02x same as alone %d\n", k,
               (unsigned long long)thr_res[k].fpcr_start, (unsigned long long)thr_res[k].bits,
               thr_res[k].flags,
               thr_res[k].bits == alone[k].bits && thr_res[k].flags == alone[k].flags);
    printf("main: fpcr %08llx flags %02x\n", (unsigned long long)fpcr_get(),
           fetestexcept(FE_ALL_EXCEPT));
    (void)modes;
    return 0;
}
