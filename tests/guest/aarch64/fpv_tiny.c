// cflags: -march=armv8.2-a+fp16
/*
 * Results around the smallest normal, where Arm detects tininess before
 * rounding: products, quotients, fused multiply-adds, sums and narrowing
 * conversions whose exact value lies just below or above 2^-126 / 2^-1022 /
 * 2^-14 (and 2^-149 etc.), for every rounding mode and with FZ/FZ16; each
 * result and its FPSR hashed per operation and FPCR, scalar and vector.
 */
#include <stdint.h>
#include <stdio.h>

static uint64_t hash;
static void mix(uint64_t v)
{
    hash = (hash ^ v) * 0x100000001b3ull;
    hash ^= hash >> 29;
}

#define OP(name, insn)                                                                             \
    static void name(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t c, uint64_t *r, uint64_t *s)  \
    {                                                                                              \
        uint64_t res, st;                                                                          \
        asm volatile(                                                                              \
            "msr fpcr, %2\n\tmsr fpsr, xzr\n\tfmov d1, %3\n\tfmov d2, %4\n\tfmov d3, %5\n\t"       \
            "dup v1.2d, v1.d[0]\n\tdup v2.2d, v2.d[0]\n\tdup v3.2d, v3.d[0]\n\t" insn              \
            "\n\tfmov %0, d0\n\tmrs %1, fpsr\n\tmsr fpcr, xzr"                                     \
            : "=&r"(res), "=&r"(st)                                                                \
            : "r"(fpcr), "r"(a), "r"(b), "r"(c)                                                    \
            : "v0", "v1", "v2", "v3", "v4", "v5", "memory");                                       \
        *r = res;                                                                                  \
        *s = st;                                                                                   \
    }
OP(fmul_d, "fmul d0, d1, d2")
OP(fdiv_d, "fmov d4, #1.0\n\tfdiv d5, d4, d2\n\tfdiv d0, d1, d5")
OP(fmadd_d, "fmadd d0, d1, d2, d3")
OP(fadd_d, "fmul d4, d1, d2\n\tfadd d0, d4, d3")
OP(vfmul_d, "fmul v0.2d, v1.2d, v2.2d")
OP(vfmla_d, "mov v0.16b, v3.16b\n\tfmla v0.2d, v1.2d, v2.2d")
OP(fmul_s, "fmul s0, s1, s2")
OP(fdiv_s, "fmov s4, #1.0\n\tfdiv s5, s4, s2\n\tfdiv s0, s1, s5")
OP(fnmsub_s, "fnmsub s0, s1, s2, s3")
OP(fsub_s, "fmul s4, s1, s2\n\tfsub s0, s4, s3")
OP(vfmul_s, "fmul v0.4s, v1.4s, v2.4s")
OP(vfdiv_s, "fmov v4.4s, #1.0\n\tfdiv v5.4s, v4.4s, v2.4s\n\tfdiv v0.4s, v1.4s, v5.4s")
OP(fcvt_sd, "fcvt s0, d1")
OP(fcvtn_sd, "fcvtn v0.2s, v1.2d")
OP(fcvtxn_sd, "fcvtxn s0, d1")
OP(fcvt_hs, "fcvt h0, s1")
OP(fcvt_hd, "fcvt h0, d1")
OP(fmul_h, "fmul h0, h1, h2")
OP(fmadd_h, "fmadd h0, h1, h2, h3")
OP(frecps_s, "frecps s0, s1, s2")
OP(fmulx_d, "fmulx d0, d1, d2")

enum { D, S, SD, H, HS, HD };
static const struct {
    const char *n;
    void (*f)(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t *, uint64_t *);
    int t;
} ops[] = {
    {"fmul_d", fmul_d, D},    {"fdiv_d", fdiv_d, D},      {"fmadd_d", fmadd_d, D},
    {"fadd_d", fadd_d, D},    {"vfmul_d", vfmul_d, D},    {"vfmla_d", vfmla_d, D},
    {"fmul_s", fmul_s, S},    {"fdiv_s", fdiv_s, S},      {"fnmsub_s", fnmsub_s, S},
    {"fsub_s", fsub_s, S},    {"vfmul_s", vfmul_s, S},    {"vfdiv_s", vfdiv_s, S},
    {"fcvt_sd", fcvt_sd, SD}, {"fcvtn_sd", fcvtn_sd, SD}, {"fcvtxn_sd", fcvtxn_sd, SD},
    {"fcvt_hs", fcvt_hs, HS}, {"fcvt_hd", fcvt_hd, HD},   {"fmul_h", fmul_h, H},
    {"fmadd_h", fmadd_h, H},  {"frecps_s", frecps_s, S},  {"fmulx_d", fmulx_d, D},
};

/* Operand k of a sweep: mantissas within a few ulps of 1 (or of the power-of-two
 * boundary), exponents putting products/quotients/sums next to the smallest normal. */
static void operands(int t, int i, int j, uint64_t *a, uint64_t *b, uint64_t *c)
{
    int da = i % 9 - 4, db = j % 9 - 4, ea = i / 9 % 3 - 1, eb = j / 9 % 3 - 1;
    uint64_t sa = (i / 27) & 1, sb = (j / 27) & 1;
    switch (t) {
    case D: { /* 2^-511 * 2^-511 = 2^-1022; a/b with b = 2^511 */
        *a = sa << 63 | (uint64_t)(1023 - 511 + ea) << 52 | ((uint64_t)(da + 8) & 0xfffffffffffff);
        *b = sb << 63 | (uint64_t)(1023 - 511 - ea + eb) << 52 |
             (uint64_t)(0xfffffffffffff - 8 + db);
        *c = (uint64_t)(!sa) << 63 | (0x10000000000000ull + (uint64_t)(da * 3 + db));
        break;
    }
    case S:
    case SD + 100: {
        *a = sa << 31 | (uint64_t)(127 - 63 + ea) << 23 | (uint64_t)(da + 8);
        *b = sb << 31 | (uint64_t)(127 - 63 - ea + eb) << 23 | (uint64_t)(0x7fffff - 8 + db);
        *c = (uint64_t)(!sa) << 31 | (0x800000u + (uint32_t)(da * 3 + db));
        break;
    }
    case SD: /* doubles next to 2^-126 and 2^-149 */
        *a = sa << 63 | (uint64_t)(1023 - 126 + ea - (j % 2) * 23) << 52 |
             (uint64_t)((int64_t)(da * 0x10000000ll + db) & 0xfffffffffffff);
        *b = *c = 0;
        break;
    case HS: /* singles next to 2^-14 and 2^-24 */
        *a = sa << 31 | (uint64_t)(127 - 14 + ea - (j % 2) * 10) << 23 |
             (uint64_t)((da * 0x2000 + db) & 0x7fffff);
        *b = *c = 0;
        break;
    case HD:
        *a = sa << 63 | (uint64_t)(1023 - 14 + ea - (j % 2) * 10) << 52 |
             (uint64_t)((int64_t)(da * 0x40000000000ll + db) & 0xfffffffffffff);
        *b = *c = 0;
        break;
    default: /* H: 2^-7 * 2^-7 = 2^-14 */
        *a = sa << 15 | (uint64_t)(15 - 7 + ea) << 10 | (uint64_t)(da + 8);
        *b = sb << 15 | (uint64_t)(15 - 7 - ea + eb) << 10 | (uint64_t)(0x3ff - 8 + db);
        *c = (uint64_t)(!sa) << 15 | (0x400u + (uint32_t)(da * 3 + db));
        break;
    }
}

int main(void)
{
    static const uint64_t fpcrs[] = {
        0, 1 << 22, 2 << 22, 3 << 22, 1 << 24, 1 << 19, 1 << 24 | 1 << 19 | 1 << 22};
    for (unsigned k = 0; k < sizeof ops / sizeof ops[0]; k++)
        for (unsigned f = 0; f < sizeof fpcrs / 8; f++) {
            hash = 0;
            int ufc = 0, zero = 0;
            for (int i = 0; i < 54; i++)
                for (int j = 0; j < 54; j++) {
                    uint64_t a, b, c, r, s;
                    operands(ops[k].t, i, j, &a, &b, &c);
                    ops[k].f(fpcrs[f], a, b, c, &r, &s);
                    mix(r);
                    mix(s);
                    ufc += (s >> 3) & 1;
                    zero += (r << 1) == 0;
                }
            printf("%-10s fpcr=%08llx %016llx UFC %4d zero %4d\n", ops[k].n,
                   (unsigned long long)fpcrs[f], (unsigned long long)hash, ufc, zero);
        }
    return 0;
}
