/*
 * Scalar and vector FP corner cases, bit-exact: every operation on every pair (triple)
 * of special values (zeros, subnormals, the smallest normals, ordinary values, the
 * largest finites, infinities, quiet and signalling NaNs) in every rounding mode, with
 * FPCR.FZ and FPCR.DN off and on; the result bits and the FPSR flags are hashed per
 * operation and mode (argument -v prints every line).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int verbose;
static uint64_t hash;

static void mix(uint64_t v)
{
    hash = (hash ^ v) * 0x100000001b3ull;
}

static void set_fpcr(uint64_t v)
{
    __asm__ volatile("msr fpcr, %0" ::"r"(v));
}
static void clear_fpsr(void)
{
    __asm__ volatile("msr fpsr, %0" ::"r"(0ull));
}
static uint64_t get_fpsr(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr" : "=r"(v));
    return v;
}

static const uint32_t sval[] = {
    0x00000000, 0x80000000, 0x00000001, 0x807fffff, 0x00800000, 0x80800001, 0x00ffffff,
    0x3f800000, 0xbf800001, 0x40490fdb, 0x7f7fffff, 0xff7ffffe, 0x7f800000, 0xff800000,
    0x7fc00000, 0xffc12345, 0x7f800001, 0xff812345, 0x1f800000, 0x5f800000, 0x3eaaaaab,
};
static const uint64_t dval[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000001ull, 0x800fffffffffffffull,
    0x0010000000000000ull, 0x8010000000000001ull, 0x001fffffffffffffull, 0x3ff0000000000000ull,
    0xbff0000000000001ull, 0x400921fb54442d18ull, 0x7fefffffffffffffull, 0xffeffffffffffffeull,
    0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull, 0xfff8123456789abcull,
    0x7ff0000000000001ull, 0xfff0123456789abcull, 0x1ff0000000000000ull, 0x5ff0000000000000ull,
    0x3fd5555555555555ull,
};
#define NS (sizeof(sval) / sizeof(sval[0]))
#define ND (sizeof(dval) / sizeof(dval[0]))

#define OP2S(name, insn)                                                                           \
    static uint32_t name(uint32_t a, uint32_t b)                                                   \
    {                                                                                              \
        uint32_t r;                                                                                \
        __asm__ volatile("fmov s1, %w1\n fmov s2, %w2\n " insn " s0, s1, s2\n fmov %w0, s0"        \
                         : "=r"(r)                                                                 \
                         : "r"(a), "r"(b)                                                          \
                         : "v0", "v1", "v2");                                                      \
        return r;                                                                                  \
    }
#define OP2D(name, insn)                                                                           \
    static uint64_t name(uint64_t a, uint64_t b)                                                   \
    {                                                                                              \
        uint64_t r;                                                                                \
        __asm__ volatile("fmov d1, %1\n fmov d2, %2\n " insn " d0, d1, d2\n fmov %0, d0"           \
                         : "=r"(r)                                                                 \
                         : "r"(a), "r"(b)                                                          \
                         : "v0", "v1", "v2");                                                      \
        return r;                                                                                  \
    }
OP2S(s_add, "fadd")
OP2S(s_sub, "fsub")
OP2S(s_mul, "fmul")
OP2S(s_div, "fdiv")
OP2S(s_max, "fmax")
OP2S(s_min, "fmin")
OP2S(s_maxnm, "fmaxnm")
OP2S(s_minnm, "fminnm")
OP2D(d_add, "fadd")
OP2D(d_sub, "fsub")
OP2D(d_mul, "fmul")
OP2D(d_div, "fdiv")
OP2D(d_max, "fmax")
OP2D(d_min, "fmin")
OP2D(d_maxnm, "fmaxnm")
OP2D(d_minnm, "fminnm")

/* Vector forms: lane 0 = a op b, lane 1 = b op a (4S: also lanes 2, 3 from a, a and b, b). */
#define OPV(name, insn)                                                                            \
    static uint64_t name##_4s(uint32_t a, uint32_t b)                                              \
    {                                                                                              \
        uint64_t lo, hi;                                                                           \
        __asm__ volatile("fmov s1, %w2\n mov v1.s[1], %w3\n mov v1.s[2], %w2\n mov v1.s[3], %w3\n" \
                         "fmov s2, %w3\n mov v2.s[1], %w2\n mov v2.s[2], %w2\n mov v2.s[3], %w3\n" \
                         "movi v0.16b, #0x55\n " insn " v0.4s, v1.4s, v2.4s\n"                     \
                         "mov %0, v0.d[0]\n mov %1, v0.d[1]"                                       \
                         : "=r"(lo), "=r"(hi)                                                      \
                         : "r"(a), "r"(b)                                                          \
                         : "v0", "v1", "v2");                                                      \
        return lo * 31 + hi;                                                                       \
    }                                                                                              \
    static uint64_t name##_2s(uint32_t a, uint32_t b)                                              \
    {                                                                                              \
        uint64_t lo, hi;                                                                           \
        __asm__ volatile("fmov s1, %w2\n mov v1.s[1], %w3\n mov v1.s[2], %w3\n"                    \
                         "fmov s2, %w3\n mov v2.s[1], %w2\n mov v2.s[3], %w2\n"                    \
                         "movi v0.16b, #0x55\n " insn " v0.2s, v1.2s, v2.2s\n"                     \
                         "mov %0, v0.d[0]\n mov %1, v0.d[1]"                                       \
                         : "=r"(lo), "=r"(hi)                                                      \
                         : "r"(a), "r"(b)                                                          \
                         : "v0", "v1", "v2");                                                      \
        return lo * 31 + hi;                                                                       \
    }                                                                                              \
    static uint64_t name##_2d(uint64_t a, uint64_t b)                                              \
    {                                                                                              \
        uint64_t lo, hi;                                                                           \
        __asm__ volatile("fmov d1, %2\n mov v1.d[1], %3\n fmov d2, %3\n mov v2.d[1], %2\n"         \
                         "movi v0.16b, #0x55\n " insn " v0.2d, v1.2d, v2.2d\n"                     \
                         "mov %0, v0.d[0]\n mov %1, v0.d[1]"                                       \
                         : "=r"(lo), "=r"(hi)                                                      \
                         : "r"(a), "r"(b)                                                          \
                         : "v0", "v1", "v2");                                                      \
        return lo * 31 + hi;                                                                       \
    }
OPV(v_add, "fadd")
OPV(v_sub, "fsub")
OPV(v_mul, "fmul")
OPV(v_div, "fdiv")
OPV(v_max, "fmax")
OPV(v_minnm, "fminnm")
OPV(v_mla, "fmla")
OPV(v_mls, "fmls")

#define OP3S(name, insn)                                                                           \
    static uint32_t name(uint32_t a, uint32_t b, uint32_t c)                                       \
    {                                                                                              \
        uint32_t r;                                                                                \
        __asm__ volatile("fmov s1, %w1\n fmov s2, %w2\n fmov s3, %w3\n " insn                      \
                         " s0, s1, s2, s3\n fmov %w0, s0"                                          \
                         : "=r"(r)                                                                 \
                         : "r"(a), "r"(b), "r"(c)                                                  \
                         : "v0", "v1", "v2", "v3");                                                \
        return r;                                                                                  \
    }
#define OP3D(name, insn)                                                                           \
    static uint64_t name(uint64_t a, uint64_t b, uint64_t c)                                       \
    {                                                                                              \
        uint64_t r;                                                                                \
        __asm__ volatile("fmov d1, %1\n fmov d2, %2\n fmov d3, %3\n " insn                         \
                         " d0, d1, d2, d3\n fmov %0, d0"                                           \
                         : "=r"(r)                                                                 \
                         : "r"(a), "r"(b), "r"(c)                                                  \
                         : "v0", "v1", "v2", "v3");                                                \
        return r;                                                                                  \
    }
OP3S(s_madd, "fmadd")
OP3S(s_msub, "fmsub")
OP3S(s_nmadd, "fnmadd")
OP3S(s_nmsub, "fnmsub")
OP3D(d_madd, "fmadd")
OP3D(d_msub, "fmsub")
OP3D(d_nmadd, "fnmadd")
OP3D(d_nmsub, "fnmsub")

static uint64_t s_sqrt(uint32_t a, uint32_t b)
{
    uint32_t r;
    (void)b;
    __asm__ volatile("fmov s1, %w1\n fsqrt s0, s1\n fmov %w0, s0" : "=r"(r) : "r"(a) : "v0", "v1");
    return r;
}
static uint64_t d_sqrt(uint64_t a, uint64_t b)
{
    uint64_t r;
    (void)b;
    __asm__ volatile("fmov d1, %1\n fsqrt d0, d1\n fmov %0, d0" : "=r"(r) : "r"(a) : "v0", "v1");
    return r;
}

/* NZCV of FCMP / FCMPE, and with #0.0. */
static uint64_t s_cmp(uint32_t a, uint32_t b)
{
    uint64_t r1, r2, r3;
    __asm__ volatile("fmov s1, %w3\n fmov s2, %w4\n fcmp s1, s2\n mrs %0, nzcv\n"
                     "fcmpe s1, s2\n mrs %1, nzcv\n fcmp s1, #0.0\n mrs %2, nzcv"
                     : "=r"(r1), "=r"(r2), "=r"(r3)
                     : "r"(a), "r"(b)
                     : "v1", "v2", "cc");
    return r1 >> 28 | r2 >> 24 | r3 >> 20;
}
static uint64_t d_cmp(uint64_t a, uint64_t b)
{
    uint64_t r1, r2, r3;
    __asm__ volatile("fmov d1, %3\n fmov d2, %4\n fcmpe d1, d2\n mrs %0, nzcv\n"
                     "fcmp d1, d2\n mrs %1, nzcv\n fcmpe d1, #0.0\n mrs %2, nzcv"
                     : "=r"(r1), "=r"(r2), "=r"(r3)
                     : "r"(a), "r"(b)
                     : "v1", "v2", "cc");
    return r1 >> 28 | r2 >> 24 | r3 >> 20;
}

/* By element: lanes of n times element 1 of m (and FMLA/FMLS). */
static uint64_t e_ops(uint32_t a, uint32_t b)
{
    uint64_t x, y, z, w;
    __asm__ volatile("fmov s1, %w4\n mov v1.s[1], %w5\n mov v1.s[2], %w4\n mov v1.s[3], %w5\n"
                     "fmov s2, %w5\n mov v2.s[1], %w4\n"
                     "fmul v0.4s, v1.4s, v2.s[1]\n mov %0, v0.d[0]\n mov %1, v0.d[1]\n"
                     "mov v3.16b, v1.16b\n fmla v3.4s, v1.4s, v2.s[0]\n mov %2, v3.d[1]\n"
                     "mov v3.16b, v1.16b\n fmls v3.2s, v1.2s, v2.s[1]\n mov %3, v3.d[0]\n"
                     : "=r"(x), "=r"(y), "=r"(z), "=r"(w)
                     : "r"(a), "r"(b)
                     : "v0", "v1", "v2", "v3");
    return x * 3 + y * 5 + z * 7 + w;
}
static uint64_t e_opd(uint64_t a, uint64_t b)
{
    uint64_t x, y, z;
    __asm__ volatile("fmov d1, %3\n mov v1.d[1], %4\n fmov d2, %4\n mov v2.d[1], %3\n"
                     "fmul v0.2d, v1.2d, v2.d[1]\n mov %0, v0.d[1]\n"
                     "mov v3.16b, v1.16b\n fmla v3.2d, v1.2d, v2.d[0]\n mov %1, v3.d[0]\n"
                     "fmov d3, %3\n fmla d3, d1, v2.d[1]\n mov %2, v3.d[0]"
                     : "=r"(x), "=r"(y), "=r"(z)
                     : "r"(a), "r"(b)
                     : "v0", "v1", "v2", "v3");
    return x * 3 + y * 5 + z;
}

typedef uint64_t (*Fn2)(uint64_t, uint64_t);
typedef uint64_t (*Fn3)(uint64_t, uint64_t, uint64_t);

static void report(const char *name, uint64_t fpcr, uint64_t a, uint64_t b, uint64_t c, uint64_t r,
                   uint64_t fpsr)
{
    mix(r);
    mix(fpsr);
    if (verbose)
        printf("%s fpcr=%08llx %016llx %016llx %016llx -> %016llx fpsr=%02llx\n", name,
               (unsigned long long)fpcr, (unsigned long long)a, (unsigned long long)b,
               (unsigned long long)c, (unsigned long long)r, (unsigned long long)fpsr);
}

static void run2(const char *name, uint64_t (*fn)(), int dbl)
{
    static const uint64_t fpcrs[] = {0, 1 << 22, 2 << 22, 3 << 22, 1 << 24, 1 << 25, 3 << 24};
    for (unsigned k = 0; k < sizeof(fpcrs) / sizeof(fpcrs[0]); k++) {
        hash = 0xcbf29ce484222325ull;
        unsigned n = dbl ? ND : NS;
        for (unsigned i = 0; i < n; i++)
            for (unsigned j = 0; j < n; j++) {
                uint64_t a = dbl ? dval[i] : sval[i], b = dbl ? dval[j] : sval[j];
                set_fpcr(fpcrs[k]);
                clear_fpsr();
                uint64_t r = ((Fn2)fn)(a, b);
                uint64_t f = get_fpsr();
                set_fpcr(0);
                report(name, fpcrs[k], a, b, 0, r, f);
            }
        printf("%-10s fpcr=%08llx %016llx\n", name, (unsigned long long)fpcrs[k],
               (unsigned long long)hash);
    }
}

static void run3(const char *name, uint64_t (*fn)(), int dbl)
{
    static const uint64_t fpcrs[] = {0, 2 << 22, 3 << 22, 1 << 24, 1 << 25};
    for (unsigned k = 0; k < sizeof(fpcrs) / sizeof(fpcrs[0]); k++) {
        hash = 0xcbf29ce484222325ull;
        unsigned n = dbl ? ND : NS;
        for (unsigned i = 0; i < n; i++)
            for (unsigned j = 0; j < n; j++)
                for (unsigned l = 0; l < n; l += 2) {
                    uint64_t a = dbl ? dval[i] : sval[i], b = dbl ? dval[j] : sval[j];
                    uint64_t c = dbl ? dval[l] : sval[l];
                    set_fpcr(fpcrs[k]);
                    clear_fpsr();
                    uint64_t r = ((Fn3)fn)(a, b, c);
                    uint64_t f = get_fpsr();
                    set_fpcr(0);
                    report(name, fpcrs[k], a, b, c, r, f);
                }
        printf("%-10s fpcr=%08llx %016llx\n", name, (unsigned long long)fpcrs[k],
               (unsigned long long)hash);
    }
}

int main(int argc, char **argv)
{
    verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    run2("fadd.s", (uint64_t(*)())s_add, 0);
    run2("fsub.s", (uint64_t(*)())s_sub, 0);
    run2("fmul.s", (uint64_t(*)())s_mul, 0);
    run2("fdiv.s", (uint64_t(*)())s_div, 0);
    run2("fmax.s", (uint64_t(*)())s_max, 0);
    run2("fmin.s", (uint64_t(*)())s_min, 0);
    run2("fmaxnm.s", (uint64_t(*)())s_maxnm, 0);
    run2("fminnm.s", (uint64_t(*)())s_minnm, 0);
    run2("fsqrt.s", (uint64_t(*)())s_sqrt, 0);
    run2("fcmp.s", (uint64_t(*)())s_cmp, 0);
    run2("fadd.d", (uint64_t(*)())d_add, 1);
    run2("fsub.d", (uint64_t(*)())d_sub, 1);
    run2("fmul.d", (uint64_t(*)())d_mul, 1);
    run2("fdiv.d", (uint64_t(*)())d_div, 1);
    run2("fmax.d", (uint64_t(*)())d_max, 1);
    run2("fmin.d", (uint64_t(*)())d_min, 1);
    run2("fmaxnm.d", (uint64_t(*)())d_maxnm, 1);
    run2("fminnm.d", (uint64_t(*)())d_minnm, 1);
    run2("fsqrt.d", (uint64_t(*)())d_sqrt, 1);
    run2("fcmp.d", (uint64_t(*)())d_cmp, 1);
    run3("fmadd.s", (uint64_t(*)())s_madd, 0);
    run3("fmsub.s", (uint64_t(*)())s_msub, 0);
    run3("fnmadd.s", (uint64_t(*)())s_nmadd, 0);
    run3("fnmsub.s", (uint64_t(*)())s_nmsub, 0);
    run3("fmadd.d", (uint64_t(*)())d_madd, 1);
    run3("fmsub.d", (uint64_t(*)())d_msub, 1);
    run3("fnmadd.d", (uint64_t(*)())d_nmadd, 1);
    run3("fnmsub.d", (uint64_t(*)())d_nmsub, 1);
#define V(n)                                                                                       \
    run2(#n ".4s", (uint64_t(*)())n##_4s, 0);                                                      \
    run2(#n ".2s", (uint64_t(*)())n##_2s, 0);                                                      \
    run2(#n ".2d", (uint64_t(*)())n##_2d, 1);
    V(v_add)
    V(v_sub) V(v_mul) V(v_div) V(v_max) V(v_minnm) V(v_mla) V(v_mls)
        run2("elem.s", (uint64_t(*)())e_ops, 0);
    run2("elem.d", (uint64_t(*)())e_opd, 1);
    return 0;
}
