// cflags: -O3
/*
 * Small numerical applications, as an outside program would use FP: a
 * radix-2 complex FFT and its inverse, LU decomposition with partial
 * pivoting and a solve, a float Mandelbrot escape-count image, an n-body
 * leapfrog integration, Black-Scholes prices (exp/log/erfc), Simpson
 * integration in long double, and qsort of floats with signed zeros.
 * Results are printed with %a / %.17g and as hashes.
 */
#include <complex.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash;
static void mixb(const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++)
        hash = (hash ^ c[i]) * 0x100000001b3ull;
}

#define NF 1024
static double complex fa[NF];

static void fft(double complex *a, int n, int inv)
{
    for (int i = 1, j = 0; i < n; i++) {
        int bit = n >> 1;
        for (; j & bit; bit >>= 1)
            j ^= bit;
        j ^= bit;
        if (i < j) {
            double complex t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
    for (int len = 2; len <= n; len <<= 1) {
        double ang = 2 * M_PI / len * (inv ? -1 : 1);
        double complex wl = cos(ang) + sin(ang) * I;
        for (int i = 0; i < n; i += len) {
            double complex w = 1;
            for (int j = 0; j < len / 2; j++) {
                double complex u = a[i + j], v = a[i + j + len / 2] * w;
                a[i + j] = u + v;
                a[i + j + len / 2] = u - v;
                w *= wl;
            }
        }
    }
    if (inv)
        for (int i = 0; i < n; i++)
            a[i] /= n;
}

#define NL 40
static double A[NL][NL], b[NL], xs[NL];
static void lu_solve(void)
{
    int piv[NL];
    for (int i = 0; i < NL; i++) {
        for (int j = 0; j < NL; j++)
            A[i][j] = 1.0 / (i + j + 1) + (i == j ? 0.01 * (i % 7) : 0) + sin(i * 3 + j);
        b[i] = cos(i);
        piv[i] = i;
    }
    for (int k = 0; k < NL; k++) {
        int p = k;
        for (int i = k + 1; i < NL; i++)
            if (fabs(A[i][k]) > fabs(A[p][k]))
                p = i;
        if (p != k) {
            for (int j = 0; j < NL; j++) {
                double t = A[k][j];
                A[k][j] = A[p][j];
                A[p][j] = t;
            }
            double t = b[k];
            b[k] = b[p];
            b[p] = t;
            int ti = piv[k];
            piv[k] = piv[p];
            piv[p] = ti;
        }
        for (int i = k + 1; i < NL; i++) {
            double f = A[i][k] / A[k][k];
            A[i][k] = f;
            for (int j = k + 1; j < NL; j++)
                A[i][j] -= f * A[k][j];
            b[i] -= f * b[k];
        }
    }
    for (int i = NL - 1; i >= 0; i--) {
        double s = b[i];
        for (int j = i + 1; j < NL; j++)
            s -= A[i][j] * xs[j];
        xs[i] = s / A[i][i];
    }
}

static int mandel(void)
{
    int total = 0;
    static unsigned char img[64][96];
    for (int y = 0; y < 64; y++)
        for (int x = 0; x < 96; x++) {
            float cr = -2.2f + x * (3.2f / 96), ci = -1.2f + y * (2.4f / 64);
            float zr = 0, zi = 0;
            int it = 0;
            while (it < 200 && zr * zr + zi * zi <= 4.0f) {
                float t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                it++;
            }
            img[y][x] = it;
            total += it;
        }
    mixb(img, sizeof img);
    return total;
}

#define NB 5
static double pos[NB][3], vel[NB][3], mass[NB];
static double nbody(int steps)
{
    for (int i = 0; i < NB; i++) {
        mass[i] = 1.0 / (i + 1);
        for (int d = 0; d < 3; d++) {
            pos[i][d] = sin(i * 7 + d) * (i + 1);
            vel[i][d] = cos(i * 5 + d) * 0.1;
        }
    }
    double dt = 0.001;
    for (int s = 0; s < steps; s++) {
        for (int i = 0; i < NB; i++)
            for (int j = i + 1; j < NB; j++) {
                double d[3], r2 = 1e-9;
                for (int k = 0; k < 3; k++) {
                    d[k] = pos[j][k] - pos[i][k];
                    r2 += d[k] * d[k];
                }
                double inv = 1.0 / (r2 * sqrt(r2));
                for (int k = 0; k < 3; k++) {
                    vel[i][k] += d[k] * mass[j] * inv * dt;
                    vel[j][k] -= d[k] * mass[i] * inv * dt;
                }
            }
        for (int i = 0; i < NB; i++)
            for (int k = 0; k < 3; k++)
                pos[i][k] += vel[i][k] * dt;
    }
    double e = 0;
    for (int i = 0; i < NB; i++)
        e +=
            0.5 * mass[i] * (vel[i][0] * vel[i][0] + vel[i][1] * vel[i][1] + vel[i][2] * vel[i][2]);
    return e;
}

static double bs_call(double S, double K, double r, double v, double T)
{
    double d1 = (log(S / K) + (r + v * v / 2) * T) / (v * sqrt(T)), d2 = d1 - v * sqrt(T);
    return S * 0.5 * erfc(-d1 / M_SQRT2) - K * exp(-r * T) * 0.5 * erfc(-d2 / M_SQRT2);
}

static long double simpson(long double a, long double bnd, int n)
{
    long double h = (bnd - a) / n, s = expl(-a * a) + expl(-bnd * bnd);
    for (int i = 1; i < n; i++)
        s += (i & 1 ? 4 : 2) * expl(-(a + i * h) * (a + i * h));
    return s * h / 3;
}

static int cmpf(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y ? 1 : signbit(y) - signbit(x);
}

int main(void)
{
    for (int i = 0; i < NF; i++)
        fa[i] = sin(i * 0.1) + (i % 17) * 0.01 + cos(i * 0.37) * I;
    hash = 0;
    fft(fa, NF, 0);
    mixb(fa, sizeof fa);
    printf("fft: X[1] = %a %+a i, hash %016llx\n", creal(fa[1]), cimag(fa[1]),
           (unsigned long long)hash);
    fft(fa, NF, 1);
    double err = 0;
    for (int i = 0; i < NF; i++)
        err = fmax(err, cabs(fa[i] - (sin(i * 0.1) + (i % 17) * 0.01 + cos(i * 0.37) * I)));
    printf("ifft round trip error %a\n", err);
    hash = 0;
    lu_solve();
    mixb(xs, sizeof xs);
    printf("lu: x0 %.17g x39 %.17g hash %016llx\n", xs[0], xs[NL - 1], (unsigned long long)hash);
    hash = 0;
    int tot = mandel();
    printf("mandel: %d hash %016llx\n", tot, (unsigned long long)hash);
    printf("nbody: energy %.17g\n", nbody(4000));
    hash = 0;
    for (int i = 0; i < 200; i++) {
        double p = bs_call(80 + i * 0.2, 100, 0.03, 0.1 + (i % 9) * 0.05, 0.25 + (i % 5));
        mixb(&p, 8);
    }
    printf("black-scholes: %.17g hash %016llx\n", bs_call(100, 95, 0.05, 0.2, 1),
           (unsigned long long)hash);
    printf("simpson: %La\n", simpson(-3, 3, 2000));
    static float v[300];
    for (int i = 0; i < 300; i++)
        v[i] = (i % 3 == 0) ? ((i & 8) ? -0.0f : 0.0f) : sinf(i * 1.7f) * 1e3f;
    qsort(v, 300, sizeof v[0], cmpf);
    hash = 0;
    mixb(v, sizeof v);
    printf("qsort: %a %a %a hash %016llx\n", v[0], v[150], v[299], (unsigned long long)hash);
    return 0;
}
