// cflags: -pthread
/*
 * FP state across signals and threads: the FPSR flags raised before a signal are in the
 * handler's fpsimd_context and survive a handler that changes FPCR and FPSR; a fault
 * after an overflowing operation reports OFC; a new thread inherits the rounding mode
 * and starts computing with it.
 */
#include <fenv.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

static volatile double one = 1.0, three = 3.0, big = 1e308;
static sigjmp_buf env;

static uint64_t fpsr(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr" : "=r"(v));
    return v;
}
static uint64_t fpcr(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpcr" : "=r"(v));
    return v;
}

/* fpsr and fpcr of the fpsimd_context record in the signal frame. */
static void frame_fp(const ucontext_t *uc, unsigned *sr, unsigned *cr)
{
    const uint8_t *p = (const uint8_t *)uc->uc_mcontext.__reserved;
    for (int off = 0; off < 4096;) {
        uint32_t magic, size;
        memcpy(&magic, p + off, 4);
        memcpy(&size, p + off + 4, 4);
        if (magic == 0 || size == 0)
            break;
        if (magic == 0x46508001) {
            memcpy(sr, p + off + 8, 4);
            memcpy(cr, p + off + 12, 4);
            return;
        }
        off += size;
    }
    *sr = *cr = ~0u;
}

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
    (void)sig, (void)si;
    unsigned sr, cr;
    frame_fp(uc, &sr, &cr);
    printf("handler: frame fpsr %02x fpcr %08x, live fpsr %02llx fpcr %08llx\n", sr & 0x9f, cr,
           (unsigned long long)fpsr() & 0x9f, (unsigned long long)fpcr());
    fesetround(FE_UPWARD);
    feclearexcept(FE_ALL_EXCEPT);
    volatile double x = one / three;
    printf("handler: 1/3 upward %a, fpsr %02llx\n", x, (unsigned long long)fpsr() & 0x9f);
}

static void on_segv(int sig, siginfo_t *si, void *uc)
{
    (void)sig, (void)si;
    unsigned sr, cr;
    frame_fp(uc, &sr, &cr);
    printf("segv: frame fpsr %02x fpcr %08x\n", sr & 0x9f, cr);
    siglongjmp(env, 1);
}

static void *thread_main(void *arg)
{
    (void)arg;
    volatile double x = one / three;
    printf("thread: fpcr %08llx 1/3 %a fpsr %02llx\n", (unsigned long long)fpcr(), x,
           (unsigned long long)fpsr() & 0x9f);
    return NULL;
}

int main(void)
{
    struct sigaction sa = {.sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO};
    sigaction(SIGUSR1, &sa, NULL);
    sa.sa_sigaction = on_segv;
    sigaction(SIGSEGV, &sa, NULL);

    fesetround(FE_TOWARDZERO);
    feclearexcept(FE_ALL_EXCEPT);
    volatile double x = one / three;
    printf("main: 1/3 toward zero %a, fpsr %02llx\n", x, (unsigned long long)fpsr() & 0x9f);
    raise(SIGUSR1);
    x = one / three;
    printf("main after handler: fpcr %08llx fpsr %02llx 1/3 %a\n", (unsigned long long)fpcr(),
           (unsigned long long)fpsr() & 0x9f, x);

    feclearexcept(FE_ALL_EXCEPT);
    if (sigsetjmp(env, 1) == 0) {
        x = big * big;
        *(volatile int *)(uintptr_t)(x == 0) = 1; /* address 0: faults */
    }
    printf("after fault: fpsr %02llx\n", (unsigned long long)fpsr() & 0x9f);

    fesetround(FE_DOWNWARD);
    feclearexcept(FE_ALL_EXCEPT);
    pthread_t t;
    pthread_create(&t, NULL, thread_main, NULL);
    pthread_join(t, NULL);
    printf("main: fpsr %02llx\n", (unsigned long long)fpsr() & 0x9f);
    return 0;
}
