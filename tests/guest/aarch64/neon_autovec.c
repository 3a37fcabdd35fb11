// cflags: -O3 -march=armv8-a+crypto
/*
 * Loops the compiler auto-vectorises at -O3: reductions (sum, min/max,
 * dot, xor), saturating image kernels, byte histograms, strlen/memchr-like
 * scans, int<->float conversions, complex multiply, transposes, base64,
 * table CRC32, an 8x8 integer IDCT, SAD, YUV->RGB, alpha blending and a
 * strided gather.  Each kernel runs on several lengths (tails included) and
 * unaligned offsets; the program prints a hash of each kernel's output.
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N 1027
#define NOINL __attribute__((noinline))
static uint8_t b8[N + 64], c8[N + 64], o8[4 * N + 64];
static int16_t s16[N + 64], t16[N + 64], o16[N + 64];
static int32_t s32[N + 64], t32[N + 64], o32[N + 64];
static uint32_t u32[N + 64];
static int64_t s64[N + 64];
static float f32[N + 64], g32[N + 64], of32[2 * N + 64];
static double f64[N + 64], of64[N + 64];
static uint64_t h = 0xcbf29ce484222325ull;
static const int lens[] = {0, 1, 3, 7, 8, 15, 16, 17, 31, 33, 64, 100, 255, 1000, N};
#define NL (int)(sizeof lens / sizeof lens[0])

static void mix(const void *p, size_t n)
{
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ull;
}
static void mix64(uint64_t v)
{
    mix(&v, 8);
}
static void report(const char *name)
{
    printf("%-22s %016llx\n", name, (unsigned long long)h);
    h = 0xcbf29ce484222325ull;
}

NOINL static int32_t sum_u8(const uint8_t *a, int n)
{
    int32_t s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return s;
}
NOINL static int64_t sum_s32(const int32_t *a, int n)
{
    int64_t s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return s;
}
NOINL static int16_t max_s16(const int16_t *a, int n)
{
    int16_t m = SHRT_MIN;
    for (int i = 0; i < n; i++)
        m = a[i] > m ? a[i] : m;
    return m;
}
NOINL static uint8_t min_u8(const uint8_t *a, int n)
{
    uint8_t m = 255;
    for (int i = 0; i < n; i++)
        m = a[i] < m ? a[i] : m;
    return m;
}
NOINL static int64_t dot_s16(const int16_t *a, const int16_t *b, int n)
{
    int64_t s = 0;
    for (int i = 0; i < n; i++)
        s += (int32_t)a[i] * b[i];
    return s;
}
NOINL static uint32_t dot_u8(const uint8_t *a, const uint8_t *b, int n)
{
    uint32_t s = 0;
    for (int i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}
NOINL static uint64_t xor_red(const uint64_t *a, int n)
{
    uint64_t s = 0;
    for (int i = 0; i < n; i++)
        s ^= a[i] * 3;
    return s;
}
NOINL static float sum_f32(const float *a, int n)
{
    float s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return s;
}
NOINL static double maxabs_f64(const double *a, int n)
{
    double m = 0;
    for (int i = 0; i < n; i++)
        m = fmax(m, fabs(a[i]));
    return m;
}
NOINL static int count_eq(const int32_t *a, int32_t v, int n)
{
    int c = 0;
    for (int i = 0; i < n; i++)
        c += a[i] == v;
    return c;
}

NOINL static void sat_add_u8(uint8_t *d, const uint8_t *a, const uint8_t *b, int n)
{
    for (int i = 0; i < n; i++) {
        int v = a[i] + b[i];
        d[i] = v > 255 ? 255 : v;
    }
}
NOINL static void sat_sub_s16(int16_t *d, const int16_t *a, const int16_t *b, int n)
{
    for (int i = 0; i < n; i++) {
        int v = a[i] - b[i];
        d[i] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
    }
}
NOINL static void brightness(uint8_t *d, const uint8_t *a, int gain, int bias, int n)
{
    for (int i = 0; i < n; i++) {
        int v = (a[i] * gain >> 6) + bias;
        d[i] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
}
NOINL static void blend(uint8_t *d, const uint8_t *a, const uint8_t *b, const uint8_t *al, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = (a[i] * al[i] + b[i] * (255 - al[i]) + 127) / 255;
}
NOINL static void avg_u8(uint8_t *d, const uint8_t *a, const uint8_t *b, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = (a[i] + b[i] + 1) >> 1;
}
NOINL static void absdiff_s32(int32_t *d, const int32_t *a, const int32_t *b, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = a[i] > b[i] ? a[i] - b[i] : b[i] - a[i];
}
NOINL static void shifts(int32_t *d, const int32_t *a, const int32_t *sh, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = (a[i] >> (sh[i] & 31)) ^ (int32_t)((uint32_t)a[i] << (sh[i] & 15));
}
NOINL static void narrow16(uint8_t *d, const int16_t *a, int n)
{
    for (int i = 0; i < n; i++) {
        int v = (a[i] + 8) >> 4;
        d[i] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
}
NOINL static void widen_mul(int32_t *d, const int16_t *a, const int16_t *b, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = a[i] * b[i] + (a[i] >> 3);
}
NOINL static void mulhi(int16_t *d, const int16_t *a, const int16_t *b, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = (a[i] * b[i] + 16384) >> 15;
}
NOINL static void histogram(uint32_t *hist, const uint8_t *a, int n)
{
    for (int i = 0; i < n; i++)
        hist[a[i]]++;
}
NOINL static size_t my_strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}
NOINL static int find_byte(const uint8_t *a, uint8_t v, int n)
{
    for (int i = 0; i < n; i++)
        if (a[i] == v)
            return i;
    return -1;
}
NOINL static void i2f(float *d, const int32_t *a, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = (float)a[i] * 0.25f;
}
NOINL static void f2i(int32_t *d, const float *a, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = (int32_t)a[i];
}
NOINL static void f2i_round(int32_t *d, const float *a, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = (int32_t)lrintf(a[i]);
}
NOINL static void u2d(double *d, const uint32_t *a, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = (double)a[i] / 3.0;
}
NOINL static void d2f(float *d, const double *a, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = (float)a[i];
}
NOINL static void s64_to_d(double *d, const int64_t *a, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = (double)a[i];
}
NOINL static void fma_loop(float *d, const float *a, const float *b, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = fmaf(a[i], b[i], d[i]);
}
NOINL static void sqrt_div(double *d, const double *a, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = sqrt(fabs(a[i])) / (a[i] + 0.5);
}
NOINL static void cmul(float *d, const float *a, const float *b, int n)
{
    for (int i = 0; i < n; i++) {
        float ar = a[2 * i], ai = a[2 * i + 1], br = b[2 * i], bi = b[2 * i + 1];
        d[2 * i] = ar * br - ai * bi;
        d[2 * i + 1] = ar * bi + ai * br;
    }
}
NOINL static void transpose(int32_t *d, const int32_t *a, int r, int c)
{
    for (int i = 0; i < r; i++)
        for (int j = 0; j < c; j++)
            d[j * r + i] = a[i * c + j];
}
NOINL static void transpose8(uint8_t *d, const uint8_t *a)
{
    for (int i = 0; i < 16; i++)
        for (int j = 0; j < 16; j++)
            d[j * 16 + i] = a[i * 16 + j];
}
NOINL static void deinterleave3(uint8_t *r, uint8_t *g, uint8_t *b, const uint8_t *p, int n)
{
    for (int i = 0; i < n; i++) {
        r[i] = p[3 * i];
        g[i] = p[3 * i + 1];
        b[i] = p[3 * i + 2];
    }
}
NOINL static void gather(int32_t *d, const int32_t *a, int stride, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = a[(i * stride) % N];
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
NOINL static int base64(char *o, const uint8_t *a, int n)
{
    int j = 0;
    for (int i = 0; i + 2 < n; i += 3) {
        uint32_t v = a[i] << 16 | a[i + 1] << 8 | a[i + 2];
        o[j++] = b64[v >> 18];
        o[j++] = b64[v >> 12 & 63];
        o[j++] = b64[v >> 6 & 63];
        o[j++] = b64[v & 63];
    }
    return j;
}
static uint32_t crctab[256];
NOINL static uint32_t crc32_tab(const uint8_t *a, int n)
{
    uint32_t c = ~0u;
    for (int i = 0; i < n; i++)
        c = crctab[(c ^ a[i]) & 255] ^ (c >> 8);
    return ~c;
}
NOINL static uint32_t adler(const uint8_t *a, int n)
{
    uint32_t s1 = 1, s2 = 0;
    for (int i = 0; i < n; i++) {
        s1 = (s1 + a[i]) % 65521;
        s2 = (s2 + s1) % 65521;
    }
    return s2 << 16 | s1;
}
NOINL static int sad16(const uint8_t *a, const uint8_t *b, int stride)
{
    int s = 0;
    for (int y = 0; y < 16; y++)
        for (int x = 0; x < 16; x++)
            s += abs(a[y * stride + x] - b[y * stride + x]);
    return s;
}
NOINL static void idct8(int16_t *blk)
{
    int32_t tmp[64];
    for (int r = 0; r < 8; r++) {
        int16_t *p = blk + r * 8;
        int a0 = p[0] + p[4], a1 = p[0] - p[4], a2 = (p[2] * 17734 >> 14) - p[6],
            a3 = p[2] + (p[6] * 17734 >> 14);
        int b0 = p[1] + p[7], b1 = p[3] - p[5], b2 = p[1] - p[7], b3 = p[3] + p[5];
        tmp[r * 8 + 0] = a0 + a3 + b0 + b3;
        tmp[r * 8 + 7] = a0 + a3 - b0 - b3;
        tmp[r * 8 + 1] = a1 + a2 + b2 + b1;
        tmp[r * 8 + 6] = a1 + a2 - b2 - b1;
        tmp[r * 8 + 2] = a1 - a2 + (b2 * 181 >> 7);
        tmp[r * 8 + 5] = a1 - a2 - (b2 * 181 >> 7);
        tmp[r * 8 + 3] = a0 - a3 + (b1 * 181 >> 7);
        tmp[r * 8 + 4] = a0 - a3 - (b1 * 181 >> 7);
    }
    for (int c = 0; c < 8; c++) {
        int32_t *p = tmp + c;
        int a0 = p[0] + p[32], a1 = p[0] - p[32], a2 = p[16] - p[48], a3 = p[16] + p[48];
        int b0 = p[8] + p[56], b1 = p[24] - p[40];
        for (int k = 0; k < 8; k++) {
            int v = (a0 * (k & 1 ? -1 : 1) + a1 + a2 * (k - 3) + a3 + b0 * (4 - k) + b1 + 32) >> 6;
            blk[k * 8 + c] = v < -256 ? -256 : v > 255 ? 255 : v;
        }
    }
}
NOINL static void yuv2rgb(uint8_t *rgb, const uint8_t *y, const uint8_t *u, const uint8_t *v, int n)
{
    for (int i = 0; i < n; i++) {
        int c = y[i] - 16, d = u[i / 2] - 128, e = v[i / 2] - 128;
        int r = (298 * c + 409 * e + 128) >> 8, g = (298 * c - 100 * d - 208 * e + 128) >> 8,
            b = (298 * c + 516 * d + 128) >> 8;
        rgb[3 * i] = r < 0 ? 0 : r > 255 ? 255 : r;
        rgb[3 * i + 1] = g < 0 ? 0 : g > 255 ? 255 : g;
        rgb[3 * i + 2] = b < 0 ? 0 : b > 255 ? 255 : b;
    }
}
NOINL static void popcnt_loop(uint32_t *d, const uint64_t *a, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = __builtin_popcountll(a[i]) + __builtin_clz((uint32_t)a[i] | 1);
}
NOINL static void minmax_f32(float *d, const float *a, const float *b, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = fminf(a[i], b[i]) + fmaxf(a[i], 0.0f);
}
NOINL static void select_loop(int32_t *d, const int32_t *a, const int32_t *b, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = a[i] < b[i] ? a[i] * 2 : b[i] - 7;
}
NOINL static void rev_loop(uint16_t *d, const uint16_t *a, int n)
{
    for (int i = 0; i < n; i++)
        d[i] = __builtin_bswap16(a[n - 1 - i]);
}

int main(void)
{
    uint64_t x = 0x123456789abcdefull;
    for (int i = 0; i < N + 64; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        b8[i] = (uint8_t)x;
        c8[i] = (uint8_t)(x >> 8);
        s16[i] = (i % 97 == 0) ? SHRT_MIN : (i % 89 == 0) ? SHRT_MAX : (int16_t)(x >> 16);
        t16[i] = (int16_t)(x >> 32);
        s32[i] = (i % 53 == 0) ? INT_MIN : (int32_t)(x >> 20);
        t32[i] = (int32_t)(x >> 7) % 100000;
        u32[i] = (uint32_t)(x >> 29);
        s64[i] = (int64_t)x >> (i & 31);
        f32[i] = (i % 61 == 0) ? NAN : (i % 67 == 0) ? INFINITY : (float)(int32_t)(x >> 40) / 37.0f;
        if (i % 71 == 0)
            f32[i] = 3e9f;
        if (i % 73 == 0)
            f32[i] = 1e-41f;
        g32[i] = (float)(int16_t)(x >> 3) / 128.0f;
        f64[i] = (i % 59 == 0) ? -0.0 : (double)(int64_t)x / 1e15;
    }
    for (int i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >> 1) : c >> 1;
        crctab[i] = c;
    }
    for (int li = 0; li < NL; li++) {
        int n = lens[li];
        for (int off = 0; off < 3; off++) {
            mix64(sum_u8(b8 + off, n));
            mix64(sum_s32(s32 + off, n));
            mix64(max_s16(s16 + off, n));
            mix64(min_u8(b8 + off, n));
            mix64(dot_s16(s16 + off, t16, n));
            mix64(dot_u8(b8 + off, c8, n));
            mix64(xor_red((const uint64_t *)s64 + off, n));
            mix64(count_eq(t32 + off, t32[5], n));
            float fs = sum_f32(g32 + off, n);
            double dm = maxabs_f64(f64 + off, n);
            mix(&fs, 4);
            mix(&dm, 8);
        }
    }
    report("reductions");
#define RUN(name, call, out, sz)                                                                   \
    for (int li = 0; li < NL; li++) {                                                              \
        int n = lens[li];                                                                          \
        for (int off = 0; off < 2; off++) {                                                        \
            memset(out, 0x5a, sz);                                                                 \
            call;                                                                                  \
            mix(out, sz);                                                                          \
        }                                                                                          \
    }                                                                                              \
    report(name)
    RUN("sat_add_u8", sat_add_u8(o8 + off, b8 + off, c8, n), o8, N + 8);
    RUN("sat_sub_s16", sat_sub_s16(o16 + off, s16 + off, t16, n), o16, sizeof o16);
    RUN("brightness", brightness(o8 + off, b8 + off, 83 + off, -20, n), o8, N + 8);
    RUN("blend", blend(o8, b8 + off, c8, b8 + 3, n), o8, N + 8);
    RUN("avg_u8", avg_u8(o8, b8 + off, c8 + 1, n), o8, N + 8);
    RUN("absdiff_s32", absdiff_s32(o32, s32 + off, t32, n), o32, sizeof o32);
    RUN("shifts", shifts(o32, s32 + off, t32, n), o32, sizeof o32);
    RUN("narrow16", narrow16(o8, s16 + off, n), o8, N + 8);
    RUN("widen_mul", widen_mul(o32, s16 + off, t16, n), o32, sizeof o32);
    RUN("mulhi", mulhi(o16, s16 + off, t16, n), o16, sizeof o16);
    RUN("histogram", histogram(u32, b8 + off, n), u32, 1024);
    RUN("i2f", i2f(of32, s32 + off, n), of32, 4 * N);
    RUN("f2i", f2i(o32, f32 + off, n), o32, sizeof o32);
    RUN("f2i_round", f2i_round(o32, f32 + off, n), o32, sizeof o32);
    RUN("u2d", u2d(of64, u32 + off, n), of64, sizeof of64);
    RUN("d2f", d2f(of32, f64 + off, n), of32, 4 * N);
    RUN("s64_to_d", s64_to_d(of64, s64 + off, n), of64, sizeof of64);
    RUN("fma_loop", (memcpy(of32 + 8, g32, 4 * N), fma_loop(of32 + off, f32, g32 + 1, n)), of32,
        4 * N);
    RUN("sqrt_div", sqrt_div(of64, f64 + off, n), of64, sizeof of64);
    RUN("cmul", cmul(of32, f32 + off, g32, n / 2), of32, 4 * N);
    RUN("deinterleave3", deinterleave3(o8, o8 + N, o8 + 2 * N, b8 + off, n / 3), o8, 3 * N);
    RUN("gather", gather(o32, s32 + off, 7, n), o32, sizeof o32);
    RUN("popcnt", popcnt_loop((uint32_t *)o32, (const uint64_t *)s64 + off, n / 2), o32,
        sizeof o32);
    RUN("minmax_f32", minmax_f32(of32, f32 + off, g32, n), of32, 4 * N);
    RUN("select", select_loop(o32, s32 + off, t32, n), o32, sizeof o32);
    RUN("rev16", rev_loop((uint16_t *)o16, (const uint16_t *)s16 + off, n), o16, sizeof o16);
    RUN("transpose", transpose(o32, s32 + off, 1 + n / 64, 16), o32, sizeof o32);
    RUN("transpose8", transpose8(o8, b8 + off), o8, 256);
    RUN("base64", mix64(base64((char *)o8, b8 + off, n)), o8, 4 * N / 3 + 8);
    RUN("yuv2rgb", yuv2rgb(o8, b8 + off, c8, c8 + 512, n), o8, 3 * N);
    for (int li = 0; li < NL; li++) {
        int n = lens[li];
        mix64(crc32_tab(b8 + 1, n));
        mix64(adler(c8 + 2, n));
        memcpy(o8, b8, N);
        o8[n] = 0;
        for (int i = 0; i < n; i++)
            if (!o8[i])
                o8[i] = 1;
        mix64(my_strlen((const char *)o8 + (n & 3)));
        mix64(find_byte(b8, (uint8_t)n, n));
        mix64(find_byte(c8 + 3, b8[n / 2], n));
    }
    report("crc/adler/strlen/memchr");
    for (int k = 0; k < 8; k++) {
        mix64(sad16(b8 + k * 5, c8 + k, 32 + k));
        memcpy(o16, s16 + k * 64, 128);
        for (int i = 0; i < 64; i++)
            o16[i] >>= 6;
        idct8(o16);
        mix(o16, 128);
    }
    report("sad16/idct8");
    return 0;
}
