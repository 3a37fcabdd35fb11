/*
 * libm sweep: float and double functions over thousands of inputs spread
 * over their domains (plus special values), each function summarised by a
 * hash of the result bits and the exception flags, with its first values
 * printed; repeated under the directed rounding modes for a subset.  Also
 * printf %a / %.17g / %g of special values and strtod/strtof round trips.
 */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash;
static void mix(uint64_t v)
{
    hash = (hash ^ v) * 0x100000001b3ull;
    hash ^= hash >> 29;
}
static uint64_t db(double d)
{
    uint64_t x;
    memcpy(&x, &d, 8);
    return x;
}
static uint32_t fb(float f)
{
    uint32_t x;
    memcpy(&x, &f, 4);
    return x;
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

#define N 600
static double din[N], din2[N];
static float fin[N], fin2[N];

static void gen(double lo, double hi)
{
    static const double sp[] = {0.0,   -0.0,   1.0,      -1.0,      0.5, 2.0,       1e-310, -1e-310,
                                1e300, -1e300, INFINITY, -INFINITY, NAN, 0x1p-1022, 710.0,  -745.5};
    rng = 0x9e3779b97f4a7c15ull;
    for (int i = 0; i < N; i++) {
        if (i < 16) {
            din[i] = sp[i];
            din2[i] = sp[(i * 5 + 3) % 16];
        } else if (i % 7 == 0) { /* random bit patterns */
            uint64_t b = next();
            memcpy(&din[i], &b, 8);
            b = next();
            memcpy(&din2[i], &b, 8);
        } else {
            din[i] = lo + (hi - lo) * ((next() >> 11) * 0x1p-53);
            din2[i] = lo + (hi - lo) * ((next() >> 11) * 0x1p-53);
        }
        fin[i] = (float)din[i];
        fin2[i] = (float)din2[i];
    }
}

static int fl(void)
{
    int e = fetestexcept(FE_ALL_EXCEPT);
    feclearexcept(FE_ALL_EXCEPT);
    return e;
}

#define SWEEP1(fn, lo, hi)                                                                         \
    do {                                                                                           \
        gen(lo, hi);                                                                               \
        hash = 0;                                                                                  \
        feclearexcept(FE_ALL_EXCEPT);                                                              \
        for (int i = 0; i < N; i++) {                                                              \
            volatile double r = fn(din[i]);                                                        \
            mix(db(r));                                                                            \
            mix(fl());                                                                             \
            if (i >= 16 && i < 19)                                                                 \
                printf("  " #fn "(%a) = %a\n", din[i], r);                                         \
        }                                                                                          \
        printf("%-10s %s %016llx\n", #fn, mode, (unsigned long long)hash);                         \
        hash = 0;                                                                                  \
        for (int i = 0; i < N; i++) {                                                              \
            volatile float r = fn##f(fin[i]);                                                      \
            mix(fb(r));                                                                            \
            mix(fl());                                                                             \
        }                                                                                          \
        printf("%-10s %s %016llx\n", #fn "f", mode, (unsigned long long)hash);                     \
    } while (0)
#define SWEEP2(fn, lo, hi)                                                                         \
    do {                                                                                           \
        gen(lo, hi);                                                                               \
        hash = 0;                                                                                  \
        feclearexcept(FE_ALL_EXCEPT);                                                              \
        for (int i = 0; i < N; i++) {                                                              \
            volatile double r = fn(din[i], din2[i]);                                               \
            mix(db(r));                                                                            \
            mix(fl());                                                                             \
            if (i >= 16 && i < 18)                                                                 \
                printf("  " #fn "(%a, %a) = %a\n", din[i], din2[i], r);                            \
        }                                                                                          \
        printf("%-10s %s %016llx\n", #fn, mode, (unsigned long long)hash);                         \
        hash = 0;                                                                                  \
        for (int i = 0; i < N; i++) {                                                              \
            volatile float r = fn##f(fin[i], fin2[i]);                                             \
            mix(fb(r));                                                                            \
            mix(fl());                                                                             \
        }                                                                                          \
        printf("%-10s %s %016llx\n", #fn "f", mode, (unsigned long long)hash);                     \
    } while (0)

static double fma3(double a, double b)
{
    return fma(a, b, a - b);
}
static float fma3f(float a, float b)
{
    return fmaf(a, b, a - b);
}
static double ldx(double a)
{
    return ldexp(a, (int)(a * 7) % 60 - 30);
}
static float ldxf(float a)
{
    return ldexpf(a, (int)(a * 7) % 60 - 30);
}

static void sweep(const char *mode, int all)
{
    SWEEP1(sin, -10, 10);
    SWEEP1(cos, -1e6, 1e6);
    SWEEP1(exp, -750, 720);
    SWEEP1(log, 0, 1e10);
    SWEEP2(pow, -4, 40);
    SWEEP1(sqrt, -1, 1e6);
    SWEEP2(fma3, -1e3, 1e3);
    SWEEP1(rint, -1e6, 1e6);
    SWEEP1(ldx, -100, 100);
    if (!all)
        return;
    SWEEP1(tan, -4, 4);
    SWEEP1(asin, -1.1, 1.1);
    SWEEP1(atan, -100, 100);
    SWEEP2(atan2, -3, 3);
    SWEEP1(sinh, -30, 30);
    SWEEP1(tanh, -10, 10);
    SWEEP1(acosh, 0, 100);
    SWEEP1(exp2, -1100, 1100);
    SWEEP1(expm1, -2, 2);
    SWEEP1(log2, 0, 1e5);
    SWEEP1(log10, 0, 1e30);
    SWEEP1(log1p, -1, 10);
    SWEEP1(cbrt, -1e9, 1e9);
    SWEEP2(hypot, -1e200, 1e200);
    SWEEP2(remainder, -100, 100);
    SWEEP2(fmod, -100, 100);
    SWEEP1(lgamma, -20, 50);
    SWEEP1(tgamma, -10, 30);
    SWEEP1(erf, -5, 5);
    SWEEP1(erfc, -5, 30);
    SWEEP1(floor, -1e3, 1e3);
    SWEEP1(round, -1e3, 1e3);
    SWEEP1(trunc, -1e16, 1e16);
    SWEEP2(fmin, -1, 1);
    SWEEP2(fmax, -1, 1);
    SWEEP2(nextafter, -1, 1);
    SWEEP2(copysign, -1, 1);
    SWEEP1(logb, -1e30, 1e30);
}

static void printing(void)
{
    static const double v[] = {
        0.0,      -0.0,      1.0 / 3, -2.5e-310,     0x1p-1074, 1.7976931348623157e308,
        INFINITY, -INFINITY, NAN,     123456789.125, 0.1,       5e-324,
        1e23};
    for (unsigned i = 0; i < sizeof v / sizeof v[0]; i++) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.17g", v[i]);
        double back = strtod(buf, NULL);
        float fback = strtof(buf, NULL);
        printf("%a %.17g %g %e %.3f | back %016llx f %08x\n", v[i], v[i], v[i], v[i], v[i],
               (unsigned long long)db(back), fb(fback));
    }
    static const char *s[] = {"0x1.fffffffffffff8p1023",
                              "2.4703282292062327e-324",
                              "2.4703282292062328e-324",
                              "1e-400",
                              "-nan(0x123)",
                              "inf",
                              "3.4028235677973366e38",
                              "1.40129846e-45",
                              "0x1.000001p0",
                              "7.038531e-26",
                              "9007199254740993",
                              "1.00000000000000011102230246251565"};
    for (unsigned i = 0; i < sizeof s / sizeof s[0]; i++) {
        feclearexcept(FE_ALL_EXCEPT);
        double d = strtod(s[i], NULL);
        float f = strtof(s[i], NULL);
        printf("strto %s -> %016llx %08x flags %x\n", s[i], (unsigned long long)db(d), fb(f), fl());
    }
    uint64_t h = 0;
    rng = 12345;
    for (int i = 0; i < 3000; i++) {
        uint64_t b = next();
        double d;
        memcpy(&d, &b, 8);
        char buf[64];
        snprintf(buf, sizeof buf, "%.17g", d);
        double e = strtod(buf, NULL);
        float f = (float)d;
        snprintf(buf, sizeof buf, "%.9g", f);
        float g = strtof(buf, NULL);
        h = (h ^ db(e) ^ ((uint64_t)fb(g) << 7)) * 0x100000001b3ull;
        h += db(e) == b || d != d;
    }
    printf("round trips %016llx\n", (unsigned long long)h);
}

int main(void)
{
    sweep("RN", 1);
    fesetround(FE_UPWARD);
    sweep("RP", 0);
    fesetround(FE_DOWNWARD);
    sweep("RM", 0);
    fesetround(FE_TOWARDZERO);
    sweep("RZ", 0);
    printing();
    fesetround(FE_TONEAREST);
    printing();
    return 0;
}
