// cflags: -O3
/*
 * Auto-vectorised FP loops (saxpy, dot products, norms, polynomial
 * evaluation, float <-> int conversion loops, complex multiply, reductions,
 * min/max, clamping) over arrays with odd lengths and special values, under
 * each rounding mode; hashes of results and FPSR flags.
 */
#include <complex.h>
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N 1003
static float xa[N], ya[N], za[N];
static double xd[N], yd[N], zd[N];
static int32_t ia[N];
static int64_t la[N];
static uint16_t ha[N];
static float complex ca[N], cb[N], cc[N];

static uint64_t hash;
static void mixb(const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++)
        hash = (hash ^ c[i]) * 0x100000001b3ull;
}
#define MIXV(x) mixb(&(x), sizeof(x))

static uint64_t rng;
static uint32_t next(void)
{
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    return rng >> 33;
}

static void init(void)
{
    rng = 42;
    for (int i = 0; i < N; i++) {
        xa[i] = (int)(next() % 20001 - 10000) / 137.0f;
        ya[i] = (int)(next() % 2001 - 1000) / 3.0f;
        xd[i] = (int)(next() % 2000001 - 1000000) / 7.0;
        yd[i] = (double)next() / 3e5 - 7000;
        if (i % 97 == 5)
            xa[i] = 3e38f;
        if (i % 89 == 7)
            ya[i] = 1e-40f;
        if (i % 101 == 9)
            xd[i] = 1e-310;
        if (i % 131 == 11)
            yd[i] = -0.0;
        if (i == 500)
            xa[i] = NAN;
        if (i == 600)
            yd[i] = INFINITY;
        ca[i] = xa[i] / 100 + ya[i] * I;
        cb[i] = ya[i] / 50 - (xa[i] / 33) * I;
    }
}

__attribute__((noinline)) static void saxpy(float a)
{
    for (int i = 0; i < N; i++)
        za[i] = a * xa[i] + ya[i];
}
__attribute__((noinline)) static void daxpy(double a)
{
    for (int i = 0; i < N; i++)
        zd[i] = a * xd[i] + yd[i];
}
__attribute__((noinline)) static float sdot(void)
{
    float s = 0;
    for (int i = 0; i < N; i++)
        s += xa[i] * ya[i];
    return s;
}
__attribute__((noinline)) static double ddot(void)
{
    double s = 0;
    for (int i = 0; i < N; i++)
        s += xd[i] * yd[i];
    return s;
}
__attribute__((noinline)) static double norm2(void)
{
    double s = 0;
    for (int i = 0; i < N; i++)
        s += xd[i] * xd[i];
    return sqrt(s);
}
__attribute__((noinline)) static float norm1(void)
{
    float s = 0;
    for (int i = 0; i < N; i++)
        s += fabsf(ya[i]);
    return s;
}
__attribute__((noinline)) static float normi(void)
{
    float s = 0;
    for (int i = 0; i < N; i++)
        s = fmaxf(s, fabsf(xa[i]));
    return s;
}
__attribute__((noinline)) static void poly(void)
{
    for (int i = 0; i < N; i++) {
        double x = xd[i] * 1e-6;
        zd[i] = ((((0.1 * x - 0.25) * x + 1.0 / 3) * x - 0.5) * x + 1.0) * x;
    }
    for (int i = 0; i < N; i++) {
        float x = ya[i] * 1e-3f;
        za[i] = ((0.125f * x + 0.5f) * x - 2.0f) * x + 7.0f;
    }
}
__attribute__((noinline)) static void f2i(void)
{
    for (int i = 0; i < N; i++)
        ia[i] = (int32_t)(xa[i] * 1e6f);
    for (int i = 0; i < N; i++)
        la[i] = (int64_t)(yd[i] * 1e15);
    for (int i = 0; i < N; i++)
        ia[i] += (int32_t)lrintf(ya[i]);
}
__attribute__((noinline)) static void i2f(void)
{
    for (int i = 0; i < N; i++)
        za[i] = (float)ia[i] + (float)(uint32_t)ia[i];
    for (int i = 0; i < N; i++)
        zd[i] = (double)la[i] * 0.5 + (double)(uint64_t)la[i];
}
__attribute__((noinline)) static void f2h(void)
{
    for (int i = 0; i < N; i++) {
        _Float16 h = (_Float16)(ya[i] * 100);
        memcpy(&ha[i], &h, 2);
    }
    for (int i = 0; i < N; i++) {
        _Float16 h;
        memcpy(&h, &ha[i], 2);
        za[i] = (float)h * 0.5f;
    }
}
__attribute__((noinline)) static void cmul(void)
{
    for (int i = 0; i < N; i++)
        cc[i] = ca[i] * cb[i];
}
__attribute__((noinline)) static void cmul_manual(void)
{
    for (int i = 0; i < N; i++) {
        float ar = crealf(ca[i]), ai = cimagf(ca[i]), br = crealf(cb[i]), bi = cimagf(cb[i]);
        cc[i] = (ar * br - ai * bi) + (ar * bi + ai * br) * I;
    }
}
__attribute__((noinline)) static void minmax(void)
{
    for (int i = 0; i < N; i++)
        za[i] = fminf(fmaxf(xa[i], -50.0f), ya[i]);
    for (int i = 0; i < N; i++)
        zd[i] = xd[i] < yd[i] ? xd[i] : yd[i];
}
__attribute__((noinline)) static void divsqrt(void)
{
    for (int i = 0; i < N; i++)
        za[i] = sqrtf(fabsf(xa[i])) / (ya[i] + 0.5f);
    for (int i = 0; i < N; i++)
        zd[i] = 1.0 / sqrt(fabs(yd[i]) + 1e-300);
}
__attribute__((noinline)) static float prefix(void)
{
    float s = 0;
    for (int i = 0; i < N; i++) {
        s = s * 0.999f + xa[i];
        za[i] = s;
    }
    return s;
}

static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};

int main(void)
{
    init();
    for (int m = 0; m < 4; m++) {
        fesetround(modes[m]);
        feclearexcept(FE_ALL_EXCEPT);
        hash = 0;
        saxpy(1.5f);
        MIXV(za);
        daxpy(-0.3);
        MIXV(zd);
        float f = sdot();
        MIXV(f);
        double d = ddot();
        MIXV(d);
        printf("m%d dot %a %a", m, f, d);
        d = norm2();
        MIXV(d);
        f = norm1();
        MIXV(f);
        float g = normi();
        MIXV(g);
        printf(" norms %a %a %a\n", d, f, g);
        poly();
        MIXV(za);
        MIXV(zd);
        printf("m%d poly %a %a", m, za[3], zd[4]);
        f2i();
        MIXV(ia);
        MIXV(la);
        i2f();
        MIXV(za);
        MIXV(zd);
        printf(" cvt %d %lld %a\n", ia[10], (long long)la[11], zd[12]);
        f2h();
        MIXV(ha);
        MIXV(za);
        cmul();
        MIXV(cc);
        cmul_manual();
        MIXV(cc);
        minmax();
        MIXV(za);
        MIXV(zd);
        divsqrt();
        MIXV(za);
        MIXV(zd);
        f = prefix();
        MIXV(f);
        printf("m%d hash %016llx flags %x\n", m, (unsigned long long)hash,
               fetestexcept(FE_ALL_EXCEPT));
    }
    return 0;
}
