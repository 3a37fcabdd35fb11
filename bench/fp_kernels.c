// cflags: -O3
/* Floating-point benchmark kernels for `make bench` (built -O3 so that the loops
 * vectorise): double and single matrix multiply, a radix-2 complex FFT, and float /
 * double reductions (dot, sum, max) with independent lane accumulators.  Each prints
 * a checksum rounded to 6 significant digits (native x86-64 and AArch64 builds may
 * contract a * b + c differently in the last bits). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define L 8 /* accumulator lanes */
/* Makes the compiler forget what it knows about memory: every repetition is done. */
static inline void barrier(void)
{
    __asm__ volatile("" ::: "memory");
}

static double k_dmatmul(void)
{
    enum { N = 192 };
    static double a[N][N], b[N][N], c[N][N];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = ((i * 7 + j * 3) % 17 - 8) * 0.125;
            b[i][j] = ((i * 5 + j * 11) % 13 - 6) * 0.25;
        }
    for (int rep = 0; rep < 16; rep++) {
        memset(c, 0, sizeof(c));
        barrier();
        for (int i = 0; i < N; i++)
            for (int k = 0; k < N; k++) {
                double aik = a[i][k];
                for (int j = 0; j < N; j++)
                    c[i][j] += aik * b[k][j];
            }
    }
    double s = 0;
    for (int i = 0; i < N; i++)
        s += c[i][(i * 3) % N];
    return s;
}

static double k_smatmul(void)
{
    enum { N = 256 };
    static float a[N][N], b[N][N], c[N][N];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (float)((i * 7 + j * 3) % 17 - 8) * 0.125f;
            b[i][j] = (float)((i * 5 + j * 11) % 13 - 6) * 0.25f;
        }
    for (int rep = 0; rep < 24; rep++) {
        memset(c, 0, sizeof(c));
        barrier();
        for (int i = 0; i < N; i++)
            for (int k = 0; k < N; k++) {
                float aik = a[i][k];
                for (int j = 0; j < N; j++)
                    c[i][j] += aik * b[k][j];
            }
    }
    double s = 0;
    for (int i = 0; i < N; i++)
        s += c[i][(i * 5) % N];
    return s;
}

/* In-place iterative radix-2 FFT of n = 2^logn complex doubles (re, im split). */
static void fft(double *re, double *im, const double *wr, const double *wi, int logn)
{
    int n = 1 << logn;
    for (int i = 1, j = 0; i < n; i++) {
        int bit = n >> 1;
        for (; j & bit; bit >>= 1)
            j ^= bit;
        j ^= bit;
        if (i < j) {
            double t = re[i];
            re[i] = re[j], re[j] = t;
            t = im[i], im[i] = im[j], im[j] = t;
        }
    }
    for (int len = 2; len <= n; len <<= 1) {
        int half = len >> 1, step = n / len;
        for (int i = 0; i < n; i += len)
            for (int k = 0; k < half; k++) {
                double w_r = wr[k * step], w_i = wi[k * step];
                double *ar = re + i + k, *ai = im + i + k;
                double br = ar[half] * w_r - ai[half] * w_i;
                double bi = ar[half] * w_i + ai[half] * w_r;
                ar[half] = *ar - br, ai[half] = *ai - bi;
                *ar += br, *ai += bi;
            }
    }
}

static double k_fft(void)
{
    enum { LOGN = 14, N = 1 << LOGN };
    static double re[N], im[N], wr[N / 2], wi[N / 2];
    for (int k = 0; k < N / 2; k++) {
        wr[k] = cos(-2 * M_PI * k / N);
        wi[k] = sin(-2 * M_PI * k / N);
    }
    double s = 0;
    for (int rep = 0; rep < 64; rep++) {
        for (int i = 0; i < N; i++) {
            re[i] = ((i * 13 + rep) % 29 - 14) * 0.0625;
            im[i] = ((i * 7) % 11 - 5) * 0.125;
        }
        fft(re, im, wr, wi, LOGN);
        s += re[rep * 31] + im[rep * 17];
    }
    return s;
}

enum { RN = 1 << 16, RREPS = 2000 };
typedef float v4sf __attribute__((vector_size(16)));
typedef double v2df __attribute__((vector_size(16)));
static v4sf fa[RN / 4], fb[RN / 4];
static v2df da[RN / 2], db[RN / 2];

static void red_init(void)
{
    float *a = (float *)fa, *b = (float *)fb;
    double *x = (double *)da, *y = (double *)db;
    for (int i = 0; i < RN; i++) {
        a[i] = (float)((i * 37) % 101 - 50) * 0.01f;
        b[i] = (float)((i * 53) % 97 - 48) * 0.02f;
        x[i / 2 + (i & 1) * (RN / 2)] = a[i]; /* reaches every element of da, db */
        y[i / 2 + (i & 1) * (RN / 2)] = b[i];
    }
}

static double hsum4(v4sf v)
{
    return (double)v[0] + v[1] + v[2] + v[3];
}

static double k_sdot(void)
{
    red_init();
    v4sf s0 = {0}, s1 = {0};
    for (int rep = 0; rep < RREPS * 2; rep++, barrier())
        for (int i = 0; i < RN / 4; i += 2) {
            s0 += fa[i] * fb[i];
            s1 += fa[i + 1] * fb[i + 1];
        }
    return hsum4(s0 + s1);
}

static double k_ddot(void)
{
    red_init();
    v2df s0 = {0}, s1 = {0};
    for (int rep = 0; rep < RREPS / 2; rep++, barrier())
        for (int i = 0; i < RN / 2; i += 2) {
            s0 += da[i] * db[i];
            s1 += da[i + 1] * db[i + 1];
        }
    s0 += s1;
    return s0[0] + s0[1];
}

static double k_ssum(void)
{
    red_init();
    v4sf s0 = {0}, s1 = {0};
    for (int rep = 0; rep < RREPS * 3; rep++, barrier())
        for (int i = 0; i < RN / 4; i += 2) {
            s0 += fa[i];
            s1 += fa[i + 1];
        }
    return hsum4(s0 + s1);
}

/* A plain fmaxf loop: compilers vectorise it (fmaxnm) without -ffast-math. */
static double k_smax(void)
{
    red_init();
    const float *a = (const float *)fa;
    double s = 0;
    for (int rep = 0; rep < RREPS / 4; rep++, barrier()) {
        float m = -INFINITY;
        for (int i = 0; i < RN; i++)
            m = fmaxf(m, a[i]);
        s += m;
    }
    return s;
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        double (*fn)(void);
    } k[] = {{"dmatmul", k_dmatmul}, {"smatmul", k_smatmul}, {"fft", k_fft},  {"sdot", k_sdot},
             {"ddot", k_ddot},       {"ssum", k_ssum},       {"smax", k_smax}};
    for (size_t i = 0; i < sizeof(k) / sizeof(k[0]); i++)
        if (argc < 2 || strcmp(argv[1], k[i].name) == 0)
            printf("%s %.6g\n", k[i].name, k[i].fn());
    return 0;
}
