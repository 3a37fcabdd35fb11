/*
 * Driver of the arm_neon.h intrinsics sweep (the instances are generated
 * into neon_sweep_ops.h by tests/guest/gen_neon_sweep.py, which tests/guest/run.sh
 * runs into build/guest/gen).  Argument pools:
 * per element size, twelve vectors whose lanes mix corner values (MIN, MAX,
 * 0, -1, 1, MIN+1, MAX-1, alternating bits) with random ones; shift-count
 * pools hold counts around the element size (0, +-1, +-size, +-(size+1),
 * 127, -128, garbage above the low byte); FP pools hold NaNs (quiet,
 * signalling, with payloads), infinities, zeros, denormals, rounding ties
 * and values that overflow the integer conversions; the table-index pool
 * holds in-range and out-of-range indices.  Each instance prints a hash of
 * its eight results and the FPSR it left (QC and the cumulative FP flags);
 * argument `v` prints every result in hex instead of the hash.
 * The including program defines SWEEP_CRYPTO / SWEEP_V82 / SWEEP_V86 for
 * the optional groups its -march enables.
 */
#include <arm_neon.h>
#include <arm_acle.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define NIN 12
#define NP 8
static uint8_t pool_i8[NIN + 4][16], pool_i16[NIN + 4][16], pool_i32[NIN + 4][16],
    pool_i64[NIN + 4][16];
static uint8_t pool_c8[NIN + 4][16], pool_c16[NIN + 4][16], pool_c32[NIN + 4][16],
    pool_c64[NIN + 4][16];
static uint8_t pool_f16[NIN + 4][16], pool_f32[NIN + 4][16], pool_f64[NIN + 4][16];
static uint8_t pool_x[NIN + 4][16];
static int verbose;
static uint64_t hash;
static const char *group;

#define LD(a, P, idx) memcpy(&(a), pool_##P[(idx) % NIN], sizeof(a))

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void fpsr_clear(void)
{
    __asm__ volatile("msr fpsr, xzr" ::: "memory");
}

static unsigned fpsr_get(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr" : "=r"(v)::"memory");
    return (unsigned)v;
}

static void fpcr_set(uint64_t v)
{
    __asm__ volatile("msr fpcr, %0" ::"r"(v) : "memory");
}

static void put(const void *p, size_t n)
{
    const uint8_t *b = p;
    if (verbose) {
        printf(" ");
        for (size_t i = n; i-- > 0;)
            printf("%02x", b[i]);
    }
    for (size_t i = 0; i < n; i++)
        hash = (hash ^ b[i]) * 0x100000001b3ull;
    hash = (hash ^ n) * 0x100000001b3ull;
}

static void done(const char *label)
{
    unsigned fpsr = fpsr_get();
    if (verbose)
        printf(" fpsr=%08x %s\n", fpsr, label);
    else
        printf("%s: %016llx fpsr=%08x\n", label, (unsigned long long)hash, fpsr);
    hash = 0xcbf29ce484222325ull;
    fpsr_clear();
}

static void sweep_group(const char *g)
{
    group = g;
    printf("== %s\n", g);
    hash = 0xcbf29ce484222325ull;
    fpsr_clear();
}

/* Integer corner lanes of width bits, as unsigned bit patterns. */
static uint64_t corner(int bits, int i)
{
    uint64_t m = bits == 64 ? ~0ull : (1ull << bits) - 1;
    uint64_t min = 1ull << (bits - 1);
    uint64_t t[] = {min,
                    min - 1,
                    0,
                    m,
                    1,
                    min + 1,
                    min - 2,
                    0x5555555555555555ull & m,
                    0xaaaaaaaaaaaaaaaaull & m,
                    2,
                    m - 1,
                    min >> 1,
                    (min >> 1) - 1,
                    0x7f & m};
    return t[i % 14] & m;
}

static void put_lane(uint8_t *v, int bits, int lane, uint64_t x)
{
    memcpy(v + lane * bits / 8, &x, bits / 8);
}

static void fill_int(uint8_t (*p)[16], int bits)
{
    int lanes = 128 / bits;
    for (int k = 0; k < NIN; k++)
        for (int l = 0; l < lanes; l++) {
            uint64_t x;
            if (k < 6)
                x = corner(bits, k * 5 + l * 3);
            else if (k < 9)
                x = rnd();
            else if (k < 11)
                x = (l & 1) ? corner(bits, k + l) : rnd() >> (64 - bits / 2);
            else
                x = rnd() & 0x0f0f0f0f0f0f0f0full;
            put_lane(p[k], bits, l, x);
        }
}

static void fill_count(uint8_t (*p)[16], int bits)
{
    int64_t s = bits;
    int64_t t[] = {0, 1,  -1, s - 1, s,   s + 1, -s,  -s - 1, -s + 1, 127, -128,
                   2, -2, 64, 65,    -64, 33,    -33, 17,     -17,    9,   -9};
    int lanes = 128 / bits;
    for (int k = 0; k < NIN; k++)
        for (int l = 0; l < lanes; l++) {
            uint64_t x = (uint64_t)t[(k * 7 + l * 5) % 22];
            if (bits > 8 && (k & 1))
                x = (x & 0xff) | (rnd() & ~0xffull); /* only the low byte counts */
            put_lane(p[k], bits, l, x);
        }
}

static void fill_fp(uint8_t (*p)[16], int bits)
{
    static const double d[] = {0.0 / 0.0,
                               1.0 / 0.0,
                               -1.0 / 0.0,
                               0.0,
                               -0.0,
                               1.0,
                               -1.0,
                               0.5,
                               1.5,
                               2.5,
                               -2.5,
                               -0.5,
                               3e9,
                               -3e9,
                               2147483648.0,
                               -2147483649.0,
                               1e20,
                               65504.0,
                               65520.0,
                               4294967295.5,
                               1e-310,
                               1e-40,
                               6e-8,
                               0.1,
                               3.0,
                               1.0 / 3.0,
                               9007199254740993.0,
                               1e300,
                               1.17549435e-38,
                               5e-324};
    int lanes = 128 / bits;
    for (int k = 0; k < NIN; k++)
        for (int l = 0; l < lanes; l++) {
            int i = (k * 7 + l * 3) % 32;
            uint64_t x;
            if (k >= 9) {
                double v = (double)(int64_t)(rnd() % 2000001) / 1000.0 - 1000.0;
                if (bits == 64)
                    memcpy(&x, &v, 8);
                else if (bits == 32) {
                    float f = (float)v;
                    x = 0;
                    memcpy(&x, &f, 4);
                } else {
                    __fp16 h = (__fp16)v;
                    x = 0;
                    memcpy(&x, &h, 2);
                }
            } else if (i == 30) { /* signalling NaN with payload */
                x = bits == 64 ? 0x7ff4000000000123ull : bits == 32 ? 0x7fa00123 : 0x7d23;
            } else if (i == 31) { /* negative quiet NaN with payload */
                x = bits == 64 ? 0xfff8000000000456ull : bits == 32 ? 0xffc00456 : 0xfe56;
            } else if (bits == 64) {
                memcpy(&x, &d[i], 8);
            } else if (bits == 32) {
                float f = (float)d[i];
                x = 0;
                memcpy(&x, &f, 4);
            } else {
                __fp16 h = (__fp16)d[i];
                x = 0;
                memcpy(&x, &h, 2);
            }
            put_lane(p[k], bits, l, x);
        }
}

static void fill_idx(uint8_t (*p)[16])
{
    static const uint8_t t[] = {0, 1, 7, 8, 15, 16, 23, 31, 32, 47, 48, 63, 64, 0x80, 0xff, 24};
    for (int k = 0; k < NIN; k++)
        for (int l = 0; l < 16; l++)
            p[k][l] = k < 6 ? t[(k * 5 + l * 3) % 16] : (uint8_t)(rnd() % (k < 10 ? 64 : 72));
}

static void pools(void)
{
    fill_int(pool_i8, 8), fill_int(pool_i16, 16), fill_int(pool_i32, 32), fill_int(pool_i64, 64);
    fill_count(pool_c8, 8), fill_count(pool_c16, 16), fill_count(pool_c32, 32),
        fill_count(pool_c64, 64);
    fill_fp(pool_f16, 16), fill_fp(pool_f32, 32), fill_fp(pool_f64, 64);
    fill_idx(pool_x);
    uint8_t(*all[])[16] = {pool_i8,  pool_i16, pool_i32, pool_i64, pool_c8,  pool_c16,
                           pool_c32, pool_c64, pool_f16, pool_f32, pool_f64, pool_x};
    for (unsigned i = 0; i < sizeof all / sizeof all[0]; i++)
        memcpy(all[i][NIN], all[i][0], 4 * 16);
}

/* One instance: for each of the NP argument tuples, A declares and loads
   argument j from pool P (a different pool row per argument and tuple), R
   evaluates CALL and hashes its result; the label is the call's text. */
#define A(T, j, P)                                                                                 \
    T a##j;                                                                                        \
    LD(a##j, P, k *(2 * j + 1) + 3 * j);
#define R(RT, CALL, DECLS)                                                                         \
    do {                                                                                           \
        for (int k = 0; k < NP; k++) {                                                             \
            DECLS RT r = CALL;                                                                     \
            put(&r, sizeof r);                                                                     \
        }                                                                                          \
        done(#CALL);                                                                               \
    } while (0)

#include "neon_sweep_ops.h"

int main(int argc, char **argv)
{
    verbose = argc > 1 && argv[1][0] == 'v';
    pools();
    sweep_all_BASE();
#ifdef SWEEP_CRYPTO
    sweep_all_CRYPTO();
#endif
#ifdef SWEEP_V82
    sweep_all_V82();
#endif
#ifdef SWEEP_V86
    sweep_all_V86();
#endif
    /* The FP families again under non-default FPCR modes: default NaN with
       flush-to-zero, then each directed rounding mode. */
    static const unsigned modes[] = {3u << 24, 1u << 22, 2u << 22, 3u << 22 | 1u << 24};
    for (unsigned m = 0; m < sizeof modes / sizeof modes[0]; m++) {
        printf("== FPCR %08x\n", modes[m]);
        fpcr_set(modes[m]);
        sweep_fp();
        sweep_across();
#ifdef SWEEP_V82
        sweep_fp16();
#endif
#ifdef SWEEP_V86
        sweep_i8mm();
#endif
    }
    fpcr_set(0);
    printf("\n");
    return 0;
}
