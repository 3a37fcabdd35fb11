// cflags: -march=armv8.6-a+bf16
/* BFloat16 (FEAT_BF16): BFDOT (vector, by element), BFMMLA, BFMLALB/T
 * (vector, by element), BFCVT, BFCVTN/BFCVTN2, on random values and on
 * cases where the BFloat16 rules differ from IEEE: round-to-odd sums,
 * cancellation, denormals flushed, NaN and infinity operands, overflow;
 * conversions under each FPCR rounding mode with the FPSR flags. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t lcg = 99;

static uint16_t rnd16(void)
{
    lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
    /* exponents around 127 +- 24, random sign and mantissa */
    uint16_t e = (uint16_t)(103 + (lcg >> 58) % 48);
    return (uint16_t)((lcg >> 40 & 0x8000) | e << 7 | (lcg >> 20 & 0x7f));
}

static bfloat16x8_t mkbf(const uint16_t *h)
{
    bfloat16x8_t v;
    memcpy(&v, h, 16);
    return v;
}

static float32x4_t mkf(const uint32_t *w)
{
    float32x4_t v;
    memcpy(&v, w, 16);
    return v;
}

static void show(const char *name, float32x4_t v)
{
    uint32_t w[4];
    memcpy(w, &v, 16);
    printf("%-10s %08x %08x %08x %08x\n", name, w[0], w[1], w[2], w[3]);
}

static unsigned fpsr_take(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr\n\tmsr fpsr, xzr" : "=r"(v));
    return (unsigned)v;
}

int main(void)
{
    for (int round = 0; round < 4; round++) {
        uint16_t a[8], b[8];
        uint32_t c[4];
        for (int i = 0; i < 8; i++) {
            a[i] = rnd16();
            b[i] = rnd16();
        }
        for (int i = 0; i < 4; i++)
            c[i] = (uint32_t)rnd16() << 16 | (uint32_t)rnd16();
        bfloat16x8_t va = mkbf(a), vb = mkbf(b);
        float32x4_t vc = mkf(c);
        show("bfdot", vbfdotq_f32(vc, va, vb));
        show("bfdot[3]", vbfdotq_laneq_f32(vc, va, vb, 3));
        show("bfmmla", vbfmmlaq_f32(vc, va, vb));
        show("bfmlalb", vbfmlalbq_f32(vc, va, vb));
        show("bfmlalt[5]", vbfmlaltq_laneq_f32(vc, va, vb, 5));
    }
    fpsr_take();
    /* special values: cancellation, sticky sums, denormals, NaN, inf*0, overflow */
    static const uint16_t sa[8] = {0x3f80, 0x3f80, 0x4000, 0x0001, 0x7f80, 0x7f80, 0x7f00, 0x7fc1};
    static const uint16_t sb[8] = {0x3f80, 0xbf80, 0x3f81, 0x3f80, 0x0000, 0x3f80, 0x7f00, 0x3f80};
    static const uint32_t sc[4] = {0x33800000, 0x00400000, 0xff800000, 0x7f7fffff};
    bfloat16x8_t va = mkbf(sa), vb = mkbf(sb);
    float32x4_t vc = mkf(sc);
    show("s bfdot", vbfdotq_f32(vc, va, vb));
    show("s bfdot[0]", vbfdotq_laneq_f32(vc, va, vb, 0));
    show("s bfmmla", vbfmmlaq_f32(vc, va, vb));
    show("s bfmlalb", vbfmlalbq_f32(vc, va, vb));
    show("s bfmlalt", vbfmlaltq_f32(vc, va, vb));
    printf("fpsr %x\n", fpsr_take());
    static const uint32_t cv[8] = {0x3f808000, 0x3f818000, 0x3f80c000, 0xbf804000,
                                   0x7f7fffff, 0x00018000, 0x7f800001, 0x807f8000};
    for (int mode = 0; mode < 4; mode++) {
        __asm__ volatile("msr fpcr, %0" ::"r"((uint64_t)mode << 22));
        float32x4_t lo = mkf(cv), hi = mkf(cv + 4);
        __asm__ volatile("" : "+w"(lo), "+w"(hi)); /* converted again under each mode */
        bfloat16x8_t r = vcvtq_high_bf16_f32(vcvtq_low_bf16_f32(lo), hi);
        uint16_t h[8];
        memcpy(h, &r, 16);
        printf("bfcvtn rm%d:", mode);
        for (int i = 0; i < 8; i++)
            printf(" %04x", h[i]);
        printf(" fpsr %x\n", fpsr_take());
        float f;
        memcpy(&f, &cv[2 + mode], 4);
        bfloat16_t s = vcvth_bf16_f32(f);
        uint16_t sh;
        memcpy(&sh, &s, 2);
        printf("bfcvt rm%d: %04x fpsr %x\n", mode, sh, fpsr_take());
    }
    __asm__ volatile("msr fpcr, %0" ::"r"((uint64_t)1 << 25)); /* DN */
    bfloat16_t s = vcvth_bf16_f32(__builtin_nanf(""));
    uint16_t sh;
    memcpy(&sh, &s, 2);
    printf("bfcvt dn: %04x fpsr %x\n", sh, fpsr_take());
    return 0;
}
