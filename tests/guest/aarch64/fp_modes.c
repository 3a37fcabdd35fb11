/*
 * FP environment through libc: rounding modes set with fesetround seen by arithmetic,
 * conversions and libm; exception flags read with fetestexcept after each kind of
 * operation; FZ/DN set through FPCR; NaN payloads; subnormals; saturating
 * float -> integer conversions; rounding to integral values.
 */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static volatile double vd[] = {1.0, 3.0,  0.1,   -2.5, 1e308, 4.9e-324, 2.2250738585072014e-308,
                               0.0, -0.0, 1e-310};
static volatile float vf[] = {1.0f, 3.0f, 0.1f, -2.5f, 3e38f, 1e-45f, 1.17549435e-38f, 0.0f};

static uint64_t dbits(double d)
{
    uint64_t x;
    memcpy(&x, &d, 8);
    return x;
}
static uint32_t fbits(float f)
{
    uint32_t x;
    memcpy(&x, &f, 4);
    return x;
}

static void flags(const char *what)
{
    int e = fetestexcept(FE_ALL_EXCEPT);
    printf("%-18s %c%c%c%c%c\n", what, e & FE_INVALID ? 'I' : '-', e & FE_DIVBYZERO ? 'Z' : '-',
           e & FE_OVERFLOW ? 'O' : '-', e & FE_UNDERFLOW ? 'U' : '-', e & FE_INEXACT ? 'X' : '-');
    feclearexcept(FE_ALL_EXCEPT);
}

static void rounding(void)
{
    static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
    static const char *names[] = {"nearest", "upward", "downward", "towardzero"};
    for (int i = 0; i < 4; i++) {
        fesetround(modes[i]);
        double q = vd[0] / vd[1], s = vd[2] + vd[1], m = vd[3] * vd[2];
        float fq = vf[0] / vf[1], fs = vf[2] * vf[3];
        double fm = fma(vd[2], vd[1], vd[3]);
        printf("%-10s div %016llx add %016llx mul %016llx fma %016llx fdiv %08x fmul %08x\n",
               names[i], (unsigned long long)dbits(q), (unsigned long long)dbits(s),
               (unsigned long long)dbits(m), (unsigned long long)dbits(fm), fbits(fq), fbits(fs));
        printf("%-10s rint %g %g nearbyint %g lrint %ld llrint %lld sqrt %016llx\n", names[i],
               rint(vd[3]), rint(-vd[3]), nearbyint(2.5), lrint(-3.5), llrint(1e15 + 0.5),
               (unsigned long long)dbits(sqrt(vd[2])));
        printf("%-10s exp %.17g log %.17g sin %.17g pow %.17g\n", names[i], exp(vd[2]), log(vd[1]),
               sin(vd[1]), pow(vd[1], vd[2]));
        printf("%-10s float(1/3) %08x double->float %08x %08x\n", names[i],
               fbits((float)(vd[0] / vd[1])), fbits((float)vd[2]), fbits((float)vd[4]));
    }
    fesetround(FE_TONEAREST);
}

static void exceptions(void)
{
    volatile double r;
    volatile float f;
    feclearexcept(FE_ALL_EXCEPT);
    r = vd[0] + vd[0];
    flags("exact add");
    r = vd[0] / vd[1];
    flags("inexact div");
    r = vd[0] / vd[7];
    flags("div by zero");
    r = vd[4] * vd[4];
    flags("overflow");
    r = vd[5] * vd[2];
    flags("underflow");
    r = vd[6] * 0.5;
    flags("subnormal result");
    r = vd[7] / vd[7];
    flags("0/0");
    r = sqrt(vd[3]);
    flags("sqrt(-2.5)");
    f = vf[4] * vf[4];
    flags("float overflow");
    f = vf[5] * 0.5f;
    flags("float underflow");
    r = (double)vf[2];
    flags("float->double");
    f = (float)vd[2];
    flags("double->float");
    r = vd[0] < vd[7] ? 1 : 0;
    flags("compare");
    r = NAN;
    volatile int lt = r < vd[0];
    flags("compare NaN <");
    lt = r == vd[0];
    flags("compare NaN ==");
    (void)lt;
    (void)f;
}

static void conversions(void)
{
    static volatile double in[] = {0.5,  -0.5, 1.5,  -1.5,  2.5,    1e10,     -1e10,     3e9,
                                   -3e9, 1e19, 2e19, -1e19, 9.3e18, INFINITY, -INFINITY, NAN};
    for (unsigned i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
        double d = in[i];
        feclearexcept(FE_ALL_EXCEPT);
        int32_t a;
        uint32_t b;
        int64_t c;
        uint64_t e;
        __asm__ volatile("fcvtzs %w0, %d1" : "=r"(a) : "w"(d));
        __asm__ volatile("fcvtzu %w0, %d1" : "=r"(b) : "w"(d));
        __asm__ volatile("fcvtzs %x0, %d1" : "=r"(c) : "w"(d));
        __asm__ volatile("fcvtzu %x0, %d1" : "=r"(e) : "w"(d));
        int64_t n, p, m;
        __asm__ volatile("fcvtns %x0, %d1" : "=r"(n) : "w"(d));
        __asm__ volatile("fcvtps %x0, %d1" : "=r"(p) : "w"(d));
        __asm__ volatile("fcvtas %x0, %d1" : "=r"(m) : "w"(d));
        printf("cvt %-8g %d %u %lld %llu n %lld p %lld a %lld", d, a, b, (long long)c,
               (unsigned long long)e, (long long)n, (long long)p, (long long)m);
        flags("");
    }
    static volatile int64_t ii[] = {
        0, 1, -1, 9007199254740993ll, -9007199254740993ll, INT64_MIN, INT64_MAX, 16777217};
    for (unsigned i = 0; i < sizeof(ii) / sizeof(ii[0]); i++) {
        feclearexcept(FE_ALL_EXCEPT);
        double d = (double)ii[i], u = (double)(uint64_t)ii[i];
        float f = (float)ii[i];
        printf("scvtf %lld -> %016llx %016llx %08x", (long long)ii[i], (unsigned long long)dbits(d),
               (unsigned long long)dbits(u), fbits(f));
        flags("");
    }
}

static void set_fpcr(uint64_t v)
{
    __asm__ volatile("msr fpcr, %0" ::"r"(v));
}

static void fz_dn(void)
{
    feclearexcept(FE_ALL_EXCEPT);
    set_fpcr(1u << 24); /* FZ */
    volatile double r = vd[9] + vd[7];
    printf("FZ: subnormal+0 %016llx", (unsigned long long)dbits(r));
    flags("");
    r = vd[6] * 0.25;
    printf("FZ: tiny product %016llx", (unsigned long long)dbits(r));
    flags("");
    set_fpcr(1u << 25); /* DN */
    volatile double nan = -NAN;
    r = nan + 1.0;
    printf("DN: -NaN + 1 %016llx", (unsigned long long)dbits(r));
    flags("");
    set_fpcr(0);
    r = nan + 1.0;
    printf("-NaN + 1 %016llx", (unsigned long long)dbits(r));
    flags("");
    r = vd[9] * 2;
    printf("subnormal*2 %016llx", (unsigned long long)dbits(r));
    flags("");
}

int main(void)
{
    rounding();
    exceptions();
    conversions();
    fz_dn();
    return 0;
}
