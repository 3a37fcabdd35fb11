// cflags: -O3
/*
 * Integer loops that gcc -O3 vectorises with AdvSIMD (saturating adds,
 * widening sums, min/max reductions, sums of absolute differences, dot
 * products, narrowing shifts, small table lookups, RGB structure
 * interleaving, 64-bit lanes), plus glibc's vectorised string functions on
 * every alignment and many lengths.  Prints one checksum line per kernel.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N 4099
static uint8_t a8[N + 64], b8[N + 64], o8[3 * N + 64];
static int16_t a16[N], b16[N];
static uint32_t o32[N];
static int64_t a64[N];

static uint64_t h;
static void mix(const void *p, size_t n)
{
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ull;
}

static void init(uint32_t seed)
{
    volatile uint32_t x = seed;
    for (int i = 0; i < N + 64; i++) {
        uint32_t r = x;
        r ^= r << 13, r ^= r >> 17, r ^= r << 5;
        x = r;
        a8[i] = (uint8_t)r;
        b8[i] = (uint8_t)(r >> 8);
        if (i < N) {
            a16[i] = (int16_t)(r >> 3);
            b16[i] = (int16_t)(r >> 15);
            a64[i] = (int64_t)r * (int64_t)(r ^ 0x9e3779b9u) - (int64_t)(r << 7);
        }
    }
    a8[17] = 0xff, b8[17] = 0xff, a16[5] = INT16_MIN, b16[5] = INT16_MIN, a16[6] = INT16_MAX;
}

static void report(const char *name)
{
    printf("%-10s %016llx\n", name, (unsigned long long)h);
    h = 0xcbf29ce484222325ull;
}

__attribute__((noinline)) static void k_satadd(int n)
{
    for (int i = 0; i < n; i++) {
        unsigned s = a8[i] + b8[i];
        o8[i] = s > 255 ? 255 : (uint8_t)s;
    }
    mix(o8, n);
    for (int i = 0; i < n; i++) {
        int s = a16[i] - b16[i];
        a16[i] = s > INT16_MAX ? INT16_MAX : s < INT16_MIN ? INT16_MIN : (int16_t)s;
    }
    mix(a16, 2 * n);
}

__attribute__((noinline)) static void k_sums(int n)
{
    uint32_t s = 0, sq = 0;
    int32_t ss = 0;
    for (int i = 0; i < n; i++) {
        s += a8[i];
        sq += (uint32_t)a8[i] * b8[i];
        ss += a16[i];
    }
    int64_t s64 = 0;
    for (int i = 0; i < n; i++)
        s64 += a64[i] >> 3;
    mix(&s, 4), mix(&sq, 4), mix(&ss, 4), mix(&s64, 8);
}

__attribute__((noinline)) static void k_minmax(int n)
{
    int16_t lo = INT16_MAX, hi = INT16_MIN;
    uint8_t ulo = 255, uhi = 0;
    for (int i = 0; i < n; i++) {
        lo = a16[i] < lo ? a16[i] : lo;
        hi = a16[i] > hi ? a16[i] : hi;
    }
    for (int i = 0; i < n; i++) {
        ulo = a8[i] < ulo ? a8[i] : ulo;
        uhi = a8[i] > uhi ? a8[i] : uhi;
    }
    for (int i = 0; i < n; i++)
        o8[i] = a8[i] > b8[i] ? a8[i] : b8[i];
    mix(&lo, 2), mix(&hi, 2), mix(&ulo, 1), mix(&uhi, 1), mix(o8, n);
}

__attribute__((noinline)) static void k_sad_dot(int n)
{
    uint32_t sad = 0;
    int64_t dot = 0;
    for (int i = 0; i < n; i++)
        sad += (uint32_t)(a8[i] > b8[i] ? a8[i] - b8[i] : b8[i] - a8[i]);
    for (int i = 0; i < n; i++)
        dot += (int32_t)a16[i] * b16[i];
    mix(&sad, 4), mix(&dot, 8);
}

__attribute__((noinline)) static void k_narrow(int n)
{
    for (int i = 0; i < n; i++)
        o32[i] = (uint32_t)a16[i] * 7u + b8[i];
    for (int i = 0; i < n; i++)
        o8[i] = (uint8_t)(o32[i] >> 5);
    mix(o8, n);
    for (int i = 0; i < n; i++)
        o8[i] = (uint8_t)((a8[i] + b8[i] + 1) >> 1);
    mix(o8, n);
}

__attribute__((noinline)) static void k_lookup(int n)
{
    static const uint8_t lut[16] = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3};
    for (int i = 0; i < n; i++)
        o8[i] = lut[a8[i] & 15] ^ (uint8_t)(a8[i] << 3) ^ (uint8_t)(b8[i] >> 2);
    mix(o8, n);
    for (int i = 0; i < n; i++)
        o8[i] = (a8[i] & 0xf0) | (b8[i] == a8[i] ? 1 : 0) | (a8[i] < 0x40 ? 2 : 0);
    mix(o8, n);
}

__attribute__((noinline)) static void k_rgb(int n)
{
    for (int i = 0; i < n; i++) { /* planar -> interleaved RGB */
        o8[3 * i] = a8[i];
        o8[3 * i + 1] = b8[i];
        o8[3 * i + 2] = (uint8_t)(a8[i] ^ b8[i]);
    }
    mix(o8, 3 * n);
    uint32_t gray = 0;
    for (int i = 0; i < n; i++) /* interleaved -> luminance */
        gray += (uint32_t)(o8[3 * i] * 77 + o8[3 * i + 1] * 150 + o8[3 * i + 2] * 29) >> 8;
    mix(&gray, 4);
}

__attribute__((noinline)) static void k_lanes64(int n)
{
    int64_t mx = INT64_MIN;
    for (int i = 0; i < n; i++) {
        int64_t v = a64[i] < 0 ? -a64[i] : a64[i];
        mx = v > mx ? v : mx;
    }
    for (int i = 0; i + 1 < n; i++)
        a64[i] = (a64[i] ^ a64[i + 1]) - (a64[i] >> 17);
    mix(&mx, 8), mix(a64, 8 * n);
}

static void k_strings(void)
{
    static char s[256 + 64], t[256 + 64];
    uint64_t r = 0;
    for (int align = 0; align < 16; align++)
        for (int len = 0; len < 200; len += 1 + len / 16) {
            char *p = s + align, *q = t + (align * 7) % 16;
            for (int i = 0; i < len; i++)
                p[i] = q[i] = (char)('a' + (i * 7 + align) % 26);
            p[len] = q[len] = 0;
            r = r * 31 + strlen(p);
            r = r * 31 + (uint64_t)(strchr(p, 'q') ? strchr(p, 'q') - p : -1);
            r = r * 31 + (uint64_t)(memchr(p, 'z', len) ? (char *)memchr(p, 'z', len) - p : -1);
            r = r * 31 + (uint64_t)(strcmp(p, q) == 0);
            if (len) {
                q[len / 2] ^= 1;
                r = r * 31 + (uint64_t)(strcmp(p, q) < 0) + 2 * (memcmp(p, q, len) > 0);
                r = r * 31 + (uint64_t)strnlen(p, len / 2 + 1);
            }
        }
    mix(&r, 8);
}

int main(void)
{
    h = 0xcbf29ce484222325ull;
    for (int round = 0; round < 2; round++) {
        int n = round ? N : 37; /* a vector tail and a scalar-only length */
        init(round ? 99 : 7);
        k_satadd(n);
        report("satadd");
        k_sums(n);
        report("sums");
        k_minmax(n);
        report("minmax");
        k_sad_dot(n);
        report("sad_dot");
        k_narrow(n);
        report("narrow");
        k_lookup(n);
        report("lookup");
        k_rgb(n);
        report("rgb");
        k_lanes64(n);
        report("lanes64");
    }
    k_strings();
    report("strings");
    return 0;
}
