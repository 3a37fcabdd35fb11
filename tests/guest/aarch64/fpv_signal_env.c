/*
 * FP environment across signal delivery and return: a handler sees the
 * interrupted FPCR/FPSR in its fpsimd_context, may compute under its own
 * rounding mode and raise flags without either leaking back, and may change
 * FPCR (RMode, FZ, DN) and FPSR in the context, which sigreturn installs.
 * Timer signals interrupt a hot FP loop running under FE_UPWARD many times:
 * the loop's result and flags must not depend on them.
 */
#define _GNU_SOURCE
#include <asm/sigcontext.h>
#include <fenv.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <ucontext.h>

static struct fpsimd_context *fpctx(void *ucv)
{
    ucontext_t *uc = ucv;
    struct _aarch64_ctx *h = (struct _aarch64_ctx *)uc->uc_mcontext.__reserved;
    while (h->magic && h->magic != FPSIMD_MAGIC)
        h = (struct _aarch64_ctx *)((char *)h + h->size);
    return h->magic ? (struct fpsimd_context *)h : NULL;
}

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

static volatile int ticks, bad_ctx, handler_fpcr_bad;
static volatile uint32_t seen_fpsr, seen_fpcr, handler_flags;
static volatile uint32_t new_fpcr = 0xffffffff, new_fpsr = 0xffffffff;

static void on_usr1(int sig, siginfo_t *si, void *ucv)
{
    struct fpsimd_context *f = fpctx(ucv);
    if (!f) {
        bad_ctx++;
        return;
    }
    seen_fpsr = f->fpsr;
    seen_fpcr = f->fpcr;
    /* the handler's own computation under another mode, raising overflow */
    fesetround(FE_DOWNWARD);
    feclearexcept(FE_ALL_EXCEPT);
    volatile double big = 1e308, one = 1.0, three = 3.0;
    volatile double r = big * big;
    volatile double q = one / three;
    handler_flags = fetestexcept(FE_ALL_EXCEPT);
    printf("  handler: fpcr %08llx, 1/3 = %a, r = %a\n", (unsigned long long)fpcr_get(), q, r);
    if (new_fpcr != 0xffffffff)
        f->fpcr = new_fpcr;
    if (new_fpsr != 0xffffffff)
        f->fpsr = new_fpsr;
}

static void on_alrm(int sig, siginfo_t *si, void *ucv)
{
    struct fpsimd_context *f = fpctx(ucv);
    ticks++;
    if (!f || (f->fpcr & 0xc00000) != 0x400000)
        handler_fpcr_bad++;
    fesetround(FE_TOWARDZERO);
    volatile double a = 1e300;
    a = a * a * a; /* overflow + inexact: must not reach the loop */
}

static double hot_loop(int n)
{
    volatile double seed = 1.0000001;
    double s = 0, x = seed;
    for (int i = 0; i < n; i++) {
        x = x * 1.0000003 + 1e-9;
        s += x / (i + 3);
        if (x > 2)
            x -= 1;
    }
    return s;
}

static const char *fl(unsigned e)
{
    static char s[6];
    s[0] = e & FE_INVALID ? 'V' : '-';
    s[1] = e & FE_DIVBYZERO ? 'Z' : '-';
    s[2] = e & FE_OVERFLOW ? 'O' : '-';
    s[3] = e & FE_UNDERFLOW ? 'U' : '-';
    s[4] = e & FE_INEXACT ? 'X' : '-';
    return s;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_flags = SA_SIGINFO;
    sa.sa_sigaction = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    sa.sa_sigaction = on_alrm;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);

    volatile double one = 1.0, three = 3.0, tiny = 0x1p-1022;
    /* 1: context shows the flags and mode; nothing leaks back */
    fesetround(FE_UPWARD);
    feclearexcept(FE_ALL_EXCEPT);
    volatile double q = one / three;
    raise(SIGUSR1);
    printf("1: ctx fpsr %02x fpcr %08x; after: fpcr %08llx fpsr %02llx handler %s\n", seen_fpsr,
           seen_fpcr, (unsigned long long)fpcr_get(), (unsigned long long)fpsr_get(),
           fl(handler_flags));
    /* 2: handler installs FZ|DN|RZ and an FPSR with only DZC */
    new_fpcr = 0x03c00000;
    new_fpsr = 0x02;
    raise(SIGUSR1);
    volatile double h = tiny * 0.75; /* flushed under FZ */
    volatile double n = (tiny - tiny) / (tiny - tiny);
    volatile double t = one / three; /* round toward zero */
    uint64_t hb, nb, tb;
    memcpy(&hb, (void *)&h, 8);
    memcpy(&nb, (void *)&n, 8);
    memcpy(&tb, (void *)&t, 8);
    printf("2: fpcr %08llx fpsr %02llx  half-tiny %016llx 0/0 %016llx 1/3 %016llx\n",
           (unsigned long long)fpcr_get(), (unsigned long long)fpsr_get(), (unsigned long long)hb,
           (unsigned long long)nb, (unsigned long long)tb);
    /* 3: back to defaults through the context */
    new_fpcr = 0;
    new_fpsr = 0;
    raise(SIGUSR1);
    h = tiny * 0.75;
    memcpy(&hb, (void *)&h, 8);
    printf("3: fpcr %08llx fpsr %02llx  half-tiny %016llx\n", (unsigned long long)fpcr_get(),
           (unsigned long long)fpsr_get(), (unsigned long long)hb);
    new_fpcr = new_fpsr = 0xffffffff;

    /* 4: a hot loop under FE_UPWARD interrupted by timer signals */
    fesetround(FE_UPWARD);
    feclearexcept(FE_ALL_EXCEPT);
    double quiet = hot_loop(300000);
    unsigned quiet_flags = fetestexcept(FE_ALL_EXCEPT);
    struct itimerval it = {{0, 500}, {0, 500}};
    setitimer(ITIMER_REAL, &it, NULL);
    double busy = 0;
    for (int k = 0; k < 4 || (ticks < 3 && k < 100000); k++) {
        feclearexcept(FE_ALL_EXCEPT);
        busy = hot_loop(300000);
        if (fetestexcept(FE_ALL_EXCEPT) != quiet_flags || busy != quiet)
            printf("4: round %d differs: %a %s\n", k, busy, fl(fetestexcept(FE_ALL_EXCEPT)));
    }
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);
    printf("4: loop %a flags %s, same under signals %d, interrupted %d, handler saw RP %d, mode "
           "kept %d\n",
           quiet, fl(quiet_flags), busy == quiet, ticks >= 3, !handler_fpcr_bad,
           fegetround() == FE_UPWARD);
    printf("bad contexts %d\n", bad_ctx);
    return 0;
}
