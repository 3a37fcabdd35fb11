// cflags: -frounding-math -march=armv8.2-a+fp16
/*
 * Scalar FP arithmetic under each of the four rounding modes: every result is
 * printed in hex together with the FPSR exception flags it raised, for float,
 * double and half precision add/sub/mul/div/sqrt/fma and the conversions
 * between them and to/from integers (out of range, NaN, -0 included).
 */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const int modes[4] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
static const char *mname[4] = {"RN", "RP", "RM", "RZ"};

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
static uint16_t hb(_Float16 f)
{
    uint16_t x;
    memcpy(&x, &f, 2);
    return x;
}

static const char *fl(void)
{
    static char s[8];
    int e = fetestexcept(FE_ALL_EXCEPT);
    s[0] = e & FE_INVALID ? 'V' : '-';
    s[1] = e & FE_DIVBYZERO ? 'Z' : '-';
    s[2] = e & FE_OVERFLOW ? 'O' : '-';
    s[3] = e & FE_UNDERFLOW ? 'U' : '-';
    s[4] = e & FE_INEXACT ? 'X' : '-';
    s[5] = 0;
    feclearexcept(FE_ALL_EXCEPT);
    return s;
}

static volatile double D[] = {1.0,
                              -1.0,
                              3.0,
                              0.1,
                              -0.0,
                              0.0,
                              1e308,
                              -1e308,
                              0x1p-1022,
                              0x1.8p-1022,
                              0x1p-1074,
                              0x1.fffffffffffffp-1023,
                              2.5,
                              -2.5,
                              0x1.0000000000001p0,
                              1.0 / 0.0,
                              -1.0 / 0.0,
                              0x1p1023,
                              0x1.ffffffffffffep-1,
                              7.0,
                              0x1p-537,
                              0x1.fffffffffffffp1023};
static volatile float F[] = {1.0f,      -1.0f,       3.0f,          0.1f,
                             -0.0f,     0.0f,        3e38f,         -3e38f,
                             0x1p-126f, 0x1.8p-126f, 0x1p-149f,     0x1.fffffcp-127f,
                             2.5f,      -2.5f,       0x1.000002p0f, 1.0f / 0.0f,
                             0x1p127f,  7.0f,        0x1p-63f};
#define ND (int)(sizeof D / sizeof D[0])
#define NF (int)(sizeof F / sizeof F[0])

static uint64_t hsum;
static unsigned long cnt;
static void mix(uint64_t v, const char *f)
{
    hsum =
        (hsum ^ v) * 0x100000001b3ull + (uint8_t)f[0] * 3 + f[1] * 5 + f[2] * 7 + f[3] * 11 + f[4];
    cnt++;
}

static void dbl_ops(int m)
{
    for (int i = 0; i < ND; i++)
        for (int j = 0; j < ND; j++) {
            double a = D[i], b = D[j];
            volatile double r;
            r = a + b;
            mix(db(r), fl());
            r = a - b;
            mix(db(r), fl());
            r = a * b;
            mix(db(r), fl());
            r = a / b;
            mix(db(r), fl());
            r = fma(a, b, D[(i + j) % ND]);
            mix(db(r), fl());
            r = fma(a, b, -D[(i * 3 + j) % ND]);
            mix(db(r), fl());
        }
    for (int i = 0; i < ND; i++) {
        volatile double r = sqrt(D[i]);
        const char *f = fl();
        mix(db(r), f);
        if (i < 6)
            printf("%s sqrt(%a)=%016llx %s\n", mname[m], D[i], (unsigned long long)db(r), f);
    }
}

static void flt_ops(int m)
{
    for (int i = 0; i < NF; i++)
        for (int j = 0; j < NF; j++) {
            float a = F[i], b = F[j];
            volatile float r;
            r = a + b;
            mix(fb(r), fl());
            r = a - b;
            mix(fb(r), fl());
            r = a * b;
            mix(fb(r), fl());
            r = a / b;
            mix(fb(r), fl());
            r = fmaf(a, b, F[(i + j) % NF]);
            mix(fb(r), fl());
        }
    for (int i = 0; i < NF; i++) {
        volatile float r = sqrtf(F[i]);
        mix(fb(r), fl());
    }
}

static void half_ops(int m)
{
    static volatile _Float16 H[] = {1.0f16,         -1.0f16,    3.0f16,         0.1f16,
                                    -0.0f16,        65504.0f16, 0x1p-14f16,     0x1p-24f16,
                                    0x1.ffcp-15f16, 2.5f16,     1.0009765625f16};
    int n = sizeof H / sizeof H[0];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            _Float16 a = H[i], b = H[j];
            volatile _Float16 r;
            r = a + b;
            mix(hb(r), fl());
            r = a * b;
            mix(hb(r), fl());
            r = a / b;
            mix(hb(r), fl());
            r = a - b;
            mix(hb(r), fl());
        }
}

static void conversions(int m)
{
    for (int i = 0; i < ND; i++) {
        volatile float f = (float)D[i];
        const char *s1 = fl();
        printf("%s d2f %a -> %08x %s", mname[m], D[i], fb(f), s1);
        volatile _Float16 h = (_Float16)D[i];
        printf(" d2h %04x %s", hb(h), fl());
        volatile long long ll = (long long)D[i];
        printf(" d2l %llx %s", (unsigned long long)ll, fl());
        volatile int ii = (int)D[i];
        printf(" d2i %x %s", (unsigned)ii, fl());
        volatile unsigned long long ul = (unsigned long long)D[i];
        printf(" d2ul %llx %s", ul, fl());
        volatile unsigned ui = (unsigned)D[i];
        printf(" d2u %x %s", ui, fl());
        volatile long long lr = llrint(D[i]);
        printf(" llrint %llx %s", (unsigned long long)lr, fl());
        volatile double ri = rint(D[i]);
        printf(" rint %a %s", ri, fl());
        volatile double ni = nearbyint(D[i]);
        printf(" nearby %a %s\n", ni, fl());
    }
    for (int i = 0; i < NF; i++) {
        volatile double d = F[i];
        printf("%s f2d %a %s", mname[m], d, fl());
        volatile _Float16 h = (_Float16)F[i];
        printf(" f2h %04x %s", hb(h), fl());
        volatile int ii = (int)F[i];
        printf(" f2i %x %s", (unsigned)ii, fl());
        volatile unsigned long long ul = (unsigned long long)F[i];
        printf(" f2ul %llx %s\n", ul, fl());
    }
    static volatile long long L[] = {0,
                                     1,
                                     -1,
                                     0x7fffffffffffffffll,
                                     (long long)0x8000000000000000ull,
                                     0x20000000000001ll,
                                     0x1000001,
                                     0x7ffffffffffffdffll,
                                     123456789012345ll};
    for (int i = 0; i < 9; i++) {
        volatile double d = (double)L[i];
        printf("%s l2d %llx -> %a %s", mname[m], (unsigned long long)L[i], d, fl());
        volatile float f = (float)L[i];
        printf(" l2f %a %s", f, fl());
        volatile double du = (double)(unsigned long long)L[i];
        printf(" ul2d %a %s", du, fl());
        volatile _Float16 h = (_Float16)L[i];
        printf(" l2h %04x %s", hb(h), fl());
        volatile float fi = (float)(int)L[i];
        printf(" i2f %a %s\n", fi, fl());
    }
}

int main(void)
{
    for (int m = 0; m < 4; m++) {
        fesetround(modes[m]);
        feclearexcept(FE_ALL_EXCEPT);
        hsum = 0;
        cnt = 0;
        dbl_ops(m);
        printf("%s double: %lu ops sum %016llx\n", mname[m], cnt, (unsigned long long)hsum);
        hsum = 0;
        cnt = 0;
        flt_ops(m);
        printf("%s float: %lu ops sum %016llx\n", mname[m], cnt, (unsigned long long)hsum);
        hsum = 0;
        cnt = 0;
        half_ops(m);
        printf("%s half: %lu ops sum %016llx\n", mname[m], cnt, (unsigned long long)hsum);
        conversions(m);
    }
    fesetround(FE_TONEAREST);
    return 0;
}
