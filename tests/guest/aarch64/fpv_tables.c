// cflags: -march=armv8.2-a+fp16
/*
 * Exhaustive and dense sweeps of the table-driven and unary FP instructions:
 * every half-precision pattern through FRECPE/FRSQRTE/FRECPX/FSQRT/FRINT*,
 * FCVT to single and double and FCVTZS/FCVTNU (under FPCR = 0, AHP, FZ16, DN
 * and a directed rounding mode, combined); single and double FRECPE/FRSQRTE/FRECPX over
 * every mantissa table index at many exponents (vector forms, 4 lanes at a
 * time), and FCVT single -> half with AHP.  One hash of results and FPSR per
 * instruction and FPCR.
 */
#include <stdint.h>
#include <stdio.h>

static uint64_t hash;
static void mix(uint64_t v)
{
    hash = (hash ^ v) * 0x100000001b3ull;
    hash ^= hash >> 29;
}

#define H1(fn, insn)                                                                               \
    static void fn(uint64_t fpcr)                                                                  \
    {                                                                                              \
        for (uint32_t x = 0; x < 0x10000; x += 8) {                                                \
            uint64_t lo = 0, hi = 0, st;                                                           \
            for (int k = 0; k < 4; k++)                                                            \
                lo |= (uint64_t)((x + k) & 0xffff) << (16 * k);                                    \
            for (int k = 0; k < 4; k++)                                                            \
                hi |= (uint64_t)((x + 4 + k) & 0xffff) << (16 * k);                                \
            asm volatile(                                                                          \
                "msr fpcr, %2\n\tmsr fpsr, xzr\n\tfmov d1, %0\n\tmov v1.d[1], %1\n\t" insn         \
                "\n\tfmov %0, d0\n\tmov %1, v0.d[1]\n\tmrs %2, fpsr\n\tmsr fpcr, xzr"              \
                : "+r"(lo), "+r"(hi), "=&r"(st)                                                    \
                : "2"(fpcr)                                                                        \
                : "v0", "v1", "memory");                                                           \
            mix(lo);                                                                               \
            mix(hi);                                                                               \
            mix(st);                                                                               \
        }                                                                                          \
    }

H1(h_frecpe, "frecpe v0.8h, v1.8h")
H1(h_frsqrte, "frsqrte v0.8h, v1.8h")
H1(h_frecpx, "frecpx h0, h1\n\tins v0.h[1], v1.h[1]")
H1(h_fsqrt, "fsqrt v0.8h, v1.8h")
H1(h_frintx, "frintx v0.8h, v1.8h")
H1(h_frinta, "frinta v0.8h, v1.8h")
H1(h_frintn, "frintn v0.8h, v1.8h")
H1(h_fcvtl, "fcvtl v0.4s, v1.4h\n\tfcvtl2 v2.4s, v1.8h\n\teor v0.16b, v0.16b, v2.16b")
H1(h_fcvt_d, "fcvt d0, h1\n\tmov v2.h[0], v1.h[3]\n\tfcvt d2, h2\n\tmov v0.d[1], v2.d[0]")
H1(h_fcvtzs, "fcvtzs v0.8h, v1.8h")
H1(h_fcvtnu, "fcvtnu v0.8h, v1.8h")
H1(h_fcvtzs_fix, "fcvtzs v0.8h, v1.8h, #5")
H1(h_scvtf, "scvtf v0.8h, v1.8h")
H1(h_ucvtf_fix, "ucvtf v0.8h, v1.8h, #3")
H1(h_fmul_self, "fmul v0.8h, v1.8h, v1.8h")
H1(h_fadd_k, "movi v2.8h, #0x3c, lsl #8\n\tfadd v0.8h, v1.8h, v2.8h")
H1(h_fcmge0, "fcmge v0.8h, v1.8h, #0.0")
H1(h_fabd, "ext v2.16b, v1.16b, v1.16b, #2\n\tfabd v0.8h, v1.8h, v2.8h")

/* Single and double: a sweep of patterns (mantissa index in the top bits, all exponents). */
#define S1(fn, insn, dbl)                                                                          \
    static void fn(uint64_t fpcr)                                                                  \
    {                                                                                              \
        for (uint32_t i = 0; i < 0x10000; i += 5) {                                                \
            uint64_t lo, hi, st;                                                                   \
            if (dbl) {                                                                             \
                lo = (uint64_t)(i & 0xfff) << 52 | (uint64_t)(i >> 4) << 40 | i * 0x9e37ull;       \
                hi = (uint64_t)((i + 1) & 0xfff) << 52 | (uint64_t)(i >> 2) << 44 | 0x7ff;         \
            } else {                                                                               \
                uint32_t a = (i & 0x1ff) << 23 | (i >> 9) << 16 | (i & 0xff),                      \
                         b = ((i + 1) & 0x1ff) << 23 | (i >> 7) << 14 | 0x3ff;                     \
                lo = (uint64_t)a << 32 | (a ^ 0x80400001u);                                        \
                hi = (uint64_t)b << 32 | (b & 0x807fffffu);                                        \
            }                                                                                      \
            asm volatile(                                                                          \
                "msr fpcr, %2\n\tmsr fpsr, xzr\n\tfmov d1, %0\n\tmov v1.d[1], %1\n\t" insn         \
                "\n\tfmov %0, d0\n\tmov %1, v0.d[1]\n\tmrs %2, fpsr\n\tmsr fpcr, xzr"              \
                : "+r"(lo), "+r"(hi), "=&r"(st)                                                    \
                : "2"(fpcr)                                                                        \
                : "v0", "v1", "v2", "memory");                                                     \
            mix(lo);                                                                               \
            mix(hi);                                                                               \
            mix(st);                                                                               \
        }                                                                                          \
    }

S1(s_frecpe, "frecpe v0.4s, v1.4s", 0)
S1(s_frsqrte, "frsqrte v0.4s, v1.4s", 0)
S1(s_frecpx, "frecpx s0, s1\n\tins v0.s[3], v1.s[3]", 0)
S1(s_urecpe, "urecpe v0.4s, v1.4s", 0)
S1(s_ursqrte, "ursqrte v0.4s, v1.4s", 0)
S1(s_fcvtn, "fcvtn v0.4h, v1.4s\n\tfcvtn2 v0.8h, v1.4s", 0)
S1(s_fcvtxn, "fcvtxn v0.2s, v1.2d\n\tfcvtxn2 v0.4s, v1.2d", 0)
S1(s_frecps, "ext v2.16b, v1.16b, v1.16b, #4\n\tfrecps v0.4s, v1.4s, v2.4s", 0)
S1(s_frsqrts, "ext v2.16b, v1.16b, v1.16b, #4\n\tfrsqrts v0.4s, v1.4s, v2.4s", 0)
S1(s_fmulx, "ext v2.16b, v1.16b, v1.16b, #12\n\tfmulx v0.4s, v1.4s, v2.4s", 0)
S1(s_fmla, "ext v2.16b, v1.16b, v1.16b, #8\n\tmov v0.16b, v2.16b\n\tfmla v0.4s, v1.4s, v2.s[1]", 0)
S1(d_frecpe, "frecpe v0.2d, v1.2d", 1)
S1(d_frsqrte, "frsqrte v0.2d, v1.2d", 1)
S1(d_frecpx, "frecpx d0, d1\n\tfrecpx d2, d1\n\tmov v0.d[1], v2.d[0]", 1)
S1(d_fsqrt, "fsqrt v0.2d, v1.2d", 1)
S1(d_fcvtn, "fcvtn v0.2s, v1.2d\n\tfcvtn2 v0.4s, v1.2d", 1)
S1(d_fcvtxn, "fcvtxn v0.2s, v1.2d\n\tfcvtxn2 v0.4s, v1.2d", 1)
S1(d_fcvtzu, "fcvtzu v0.2d, v1.2d, #12", 1)
S1(d_fmul, "ext v2.16b, v1.16b, v1.16b, #8\n\tfmul v0.2d, v1.2d, v2.2d", 1)
S1(d_fdiv, "ext v2.16b, v1.16b, v1.16b, #8\n\tfdiv v0.2d, v1.2d, v2.2d", 1)
S1(d_fadd, "ext v2.16b, v1.16b, v1.16b, #8\n\tfadd v0.2d, v1.2d, v2.2d", 1)
S1(d_fmla, "ext v2.16b, v1.16b, v1.16b, #8\n\tmov v0.16b, v2.16b\n\tfmla v0.2d, v1.2d, v2.2d", 1)

static const struct {
    const char *name;
    void (*fn)(uint64_t);
} ops[] = {
#define E(n) {#n, n},
    E(h_frecpe) E(h_frsqrte) E(h_frecpx) E(h_fsqrt) E(h_frintx) E(h_frinta) E(h_frintn) E(h_fcvtl)
        E(h_fcvt_d) E(h_fcvtzs) E(h_fcvtnu) E(h_fcvtzs_fix) E(h_scvtf) E(h_ucvtf_fix) E(h_fmul_self)
            E(h_fadd_k) E(h_fcmge0) E(h_fabd) E(s_frecpe) E(s_frsqrte) E(s_frecpx) E(s_urecpe)
                E(s_ursqrte) E(s_fcvtn) E(s_fcvtxn) E(s_frecps) E(s_frsqrts) E(s_fmulx) E(s_fmla)
                    E(d_frecpe) E(d_frsqrte) E(d_frecpx) E(d_fsqrt) E(d_fcvtn) E(d_fcvtxn)
                        E(d_fcvtzu) E(d_fmul) E(d_fdiv) E(d_fadd) E(d_fmla)};

int main(void)
{
    static const uint64_t fpcrs[] = {0, 1 << 26 | 1 << 19, 1 << 24 | 1 << 25 | 3 << 22,
                                     1 << 26 | 1 << 19 | 1 << 25 | 1 << 24 | 2 << 22};
    for (unsigned k = 0; k < sizeof ops / sizeof ops[0]; k++)
        for (unsigned f = 0; f < sizeof fpcrs / 8; f++) {
            hash = 0;
            ops[k].fn(fpcrs[f]);
            printf("%-13s fpcr=%08llx %016llx\n", ops[k].name, (unsigned long long)fpcrs[f],
                   (unsigned long long)hash);
        }
    return 0;
}
