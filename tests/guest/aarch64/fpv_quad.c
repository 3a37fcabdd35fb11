/*
 * IEEE quad precision (long double, software floating point in libgcc that
 * reads FPCR.RMode and raises FPSR flags through FP instructions) under the
 * four rounding modes: arithmetic, conversions to and from double and
 * integers, libm long double functions, printf %La / strtold; and the fenv
 * API itself (fegetenv/fesetenv, feholdexcept/feupdateenv,
 * fesetexceptflag, feraiseexcept, feenableexcept on a CPU without traps).
 */
#define _GNU_SOURCE
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *fl(void)
{
    static char s[6];
    int e = fetestexcept(FE_ALL_EXCEPT);
    s[0] = e & FE_INVALID ? 'V' : '-';
    s[1] = e & FE_DIVBYZERO ? 'Z' : '-';
    s[2] = e & FE_OVERFLOW ? 'O' : '-';
    s[3] = e & FE_UNDERFLOW ? 'U' : '-';
    s[4] = e & FE_INEXACT ? 'X' : '-';
    feclearexcept(FE_ALL_EXCEPT);
    return s;
}

static void pq(const char *what, long double v)
{
    uint64_t w[2];
    memcpy(w, &v, 16);
    printf("  %s %016llx%016llx %s\n", what, (unsigned long long)w[1], (unsigned long long)w[0],
           fl());
}

static volatile long double Q[] = {1.0L,
                                   3.0L,
                                   0.1L,
                                   -2.5L,
                                   1e4000L,
                                   1e-4940L,
                                   0x1p-16382L,
                                   0.0L,
                                   -0.0L,
                                   7.0L,
                                   0x1.ffffffffffffffffffffffffffffp+16383L};
#define NQ (int)(sizeof Q / sizeof Q[0])

static void quad(void)
{
    for (int i = 0; i < NQ; i++) {
        long double a = Q[i], b = Q[(i + 1) % NQ], c = Q[(i + 3) % NQ];
        printf(" q%d:\n", i);
        pq("add", a + b);
        pq("sub", a - c);
        pq("mul", a * b);
        pq("div", a / b);
        pq("div3", a / 3.0L);
        pq("sqrt", sqrtl(a));
        pq("fma", fmal(a, b, c));
        volatile double d = (double)a;
        uint64_t db;
        memcpy(&db, (const void *)&d, 8);
        printf("  todouble %016llx %s\n", (unsigned long long)db, fl());
        volatile long long ll = (long long)a;
        printf("  toll %llx %s\n", (unsigned long long)ll, fl());
        volatile unsigned long long ul = (unsigned long long)(a * 1e18L);
        printf("  toull %llx %s\n", ul, fl());
        pq("fromll", (long double)(0x7fffffffffffffffll - i));
        pq("fromdbl", (long double)(1.0 / (i + 3)));
        pq("exp", expl(a));
        pq("log", logl(a));
        pq("sin", sinl(a));
        pq("pow", powl(a, 1.5L));
        pq("cbrt", cbrtl(a));
        pq("rint", rintl(a * 10.5L));
        printf("  %La %.36Lg\n", a / 7, a / 7);
    }
    static const char *s[] = {"0.1", "1e-4950", "1.18973149535723176508575932662800702e4932",
                              "0x1.00000000000000000000000000008p0",
                              "3.3621031431120935062626778173217526e-4932"};
    for (unsigned i = 0; i < sizeof s / sizeof s[0]; i++)
        pq(s[i], strtold(s[i], NULL));
}

static void fenv_api(void)
{
    fenv_t env, env2;
    fexcept_t ex;
    feclearexcept(FE_ALL_EXCEPT);
    feraiseexcept(FE_OVERFLOW | FE_INEXACT);
    printf("raise O|X: %s\n", fl());
    feraiseexcept(FE_DIVBYZERO);
    fegetexceptflag(&ex, FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT);
    fesetexceptflag(&ex, FE_DIVBYZERO | FE_INVALID);
    printf("setexceptflag: %s\n", fl());
    fesetround(FE_DOWNWARD);
    feraiseexcept(FE_UNDERFLOW);
    fegetenv(&env);
    fesetround(FE_UPWARD);
    volatile double x = 1.0, y = 3.0;
    volatile double z = x / y;
    printf("up %a %s round %d\n", z, fl(), fegetround() == FE_UPWARD);
    fesetenv(&env);
    z = x / y;
    printf("env restored %a %s round %d\n", z, fl(), fegetround() == FE_DOWNWARD);
    feraiseexcept(FE_INVALID);
    feholdexcept(&env2);
    printf("hold: %s round %d\n", fl(), fegetround() == FE_DOWNWARD);
    z = x / 0.0;
    feupdateenv(&env2);
    printf("update: %s\n", fl());
    fesetenv(FE_DFL_ENV);
    printf("default env round %d\n", fegetround() == FE_TONEAREST);
    int r = feenableexcept(FE_INVALID | FE_DIVBYZERO);
    printf("feenableexcept -> %d fegetexcept %x\n", r, fegetexcept());
    volatile double zz = x / 0.0;
    printf("no trap: %a %s\n", zz, fl());
}

int main(void)
{
    static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
    for (int m = 0; m < 4; m++) {
        fesetround(modes[m]);
        feclearexcept(FE_ALL_EXCEPT);
        printf("mode %d\n", m);
        quad();
    }
    fesetround(FE_TONEAREST);
    fenv_api();
    return 0;
}
