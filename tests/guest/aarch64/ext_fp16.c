// cflags: -march=armv8.2-a+fp16fml
/* Half-precision arithmetic (FEAT_FP16): vector three-same, two-register
 * misc, across-lanes, pairwise, by-element, fixed-point conversions and
 * FMOV immediate, plus scalar half operations, on values that include
 * subnormals, overflow, infinities and NaNs; FPSR flags after each group.
 * FMLAL/FMLSL(2) (FEAT_FHM) widen halves into single-precision sums. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static unsigned fpsr_take(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr\n\tmsr fpsr, xzr" : "=r"(v));
    return (unsigned)v;
}

static void show(const char *name, float16x8_t v)
{
    uint16_t b[8];
    memcpy(b, &v, 16);
    printf("%-10s", name);
    for (int i = 0; i < 8; i++)
        printf(" %04x", b[i]);
    printf("  fpsr %x\n", fpsr_take());
}

static void showi(const char *name, int16x8_t v)
{
    show(name, vreinterpretq_f16_s16(v));
}

static float16x8_t mk(const uint16_t *b)
{
    float16x8_t v;
    memcpy(&v, b, 16);
    return v;
}

int main(void)
{
    /* 1.5, -2.25, 65504 (max), 2^-24 (min subnormal), -0, inf, qNaN, 0.1 */
    static const uint16_t av[8] = {0x3e00, 0xc080, 0x7bff, 0x0001, 0x8000, 0x7c00, 0x7e00, 0x2e66};
    /* 3, 0.5, 2, 0.5, 1, -inf, 1, sNaN */
    static const uint16_t bv[8] = {0x4200, 0x3800, 0x4000, 0x3800, 0x3c00, 0xfc00, 0x3c00, 0x7d00};
    static const uint16_t cv[8] = {0x3c00, 0x3c00, 0xbc00, 0x0200, 0x3555, 0x0000, 0x4900, 0xd800};
    float16x8_t a = mk(av), b = mk(bv), c = mk(cv);
    fpsr_take();
    show("fadd", vaddq_f16(a, b));
    show("fsub", vsubq_f16(a, b));
    show("fmul", vmulq_f16(a, b));
    show("fdiv", vdivq_f16(a, b));
    show("fmla", vfmaq_f16(c, a, b));
    show("fmls", vfmsq_f16(c, a, b));
    show("fmax", vmaxq_f16(a, c));
    show("fminnm", vminnmq_f16(a, c));
    show("fabd", vabdq_f16(a, c));
    show("fmulx", vmulxq_f16(a, c));
    show("frecps", vrecpsq_f16(a, c));
    show("frsqrts", vrsqrtsq_f16(a, c));
    show("faddp", vpaddq_f16(a, c));
    show("fmaxp", vpmaxq_f16(a, c));
    show("fminnmp", vpminnmq_f16(a, c));
    showi("fcmeq", vreinterpretq_s16_u16(vceqq_f16(a, c)));
    showi("fcmge", vreinterpretq_s16_u16(vcgeq_f16(a, c)));
    showi("facgt", vreinterpretq_s16_u16(vcagtq_f16(a, c)));
    showi("fcmlt0", vreinterpretq_s16_u16(vcltzq_f16(a)));
    showi("fcmle0", vreinterpretq_s16_u16(vclezq_f16(c)));
    show("fabs", vabsq_f16(a));
    show("fneg", vnegq_f16(c));
    show("fsqrt", vsqrtq_f16(a));
    show("frecpe", vrecpeq_f16(a));
    show("frsqrte", vrsqrteq_f16(c));
    show("frintn", vrndnq_f16(vmulq_n_f16(c, 7.5)));
    show("frinta", vrndaq_f16(vmulq_n_f16(c, 7.5)));
    show("frintx", vrndxq_f16(vmulq_n_f16(c, 7.5)));
    show("frintm", vrndmq_f16(vmulq_n_f16(c, 7.5)));
    showi("fcvtzs", vcvtq_s16_f16(vmulq_n_f16(a, 1000)));
    showi("fcvtau", vreinterpretq_s16_u16(vcvtaq_u16_f16(c)));
    showi("fcvtns", vcvtnq_s16_f16(vmulq_n_f16(c, 3)));
    showi("fcvtzs#4", vcvtq_n_s16_f16(a, 4));
    int16x8_t iv = {0, 1, -1, 32767, -32768, 2049, 12345, -7};
    show("scvtf", vcvtq_f16_s16(iv));
    show("ucvtf", vcvtq_f16_u16(vreinterpretq_u16_s16(iv)));
    show("scvtf#3", vcvtq_n_f16_s16(iv, 3));
    show("fmla[5]", vfmaq_laneq_f16(c, a, c, 5));
    show("fmul[2]", vmulq_laneq_f16(a, b, 2));
    show("fmulx[7]", vmulxq_laneq_f16(a, c, 7));
    show("fmov#imm", vdupq_n_f16(-0.375));
    float16x4_t a4 = vget_low_f16(c), b4 = vget_high_f16(c);
    printf("fmaxnmv %04x fminv %04x fmaxv.4h %04x  fpsr %x\n",
           (unsigned)vreinterpretq_u16_f16(vdupq_n_f16(vmaxnmvq_f16(a)))[0],
           (unsigned)vreinterpretq_u16_f16(vdupq_n_f16(vminvq_f16(c)))[0],
           (unsigned)vreinterpret_u16_f16(vdup_n_f16(vmaxv_f16(a4)))[0], fpsr_take());
    float16_t x = vget_lane_f16(a4, 1), y = vget_lane_f16(b4, 0);
    float16_t sres[6] = {vaddh_f16(x, y),    vmulh_f16(x, y), vdivh_f16(x, y),
                         vfmah_f16(x, y, y), vabdh_f16(x, y), vrecpeh_f16(y)};
    uint16_t sb[6];
    memcpy(sb, sres, sizeof(sb));
    printf("scalar %04x %04x %04x %04x %04x %04x  fpsr %x\n", sb[0], sb[1], sb[2], sb[3], sb[4],
           sb[5], fpsr_take());
    printf("scalar cvt %d %u %d cmp %d\n", (int)vcvth_s32_f16(vmulh_f16(x, 1000)),
           (unsigned)vcvtah_u32_f16(y), (int)vcvtph_s16_f16(x), (int)vcgeh_f16(x, y));
    float32x4_t acc = {1.0f, -2.0f, 1e-40f, 3.0e38f};
    float32x4_t fm[6] = {vfmlalq_low_f16(acc, a, c),          vfmlalq_high_f16(acc, a, c),
                         vfmlslq_low_f16(acc, c, b),          vfmlslq_high_f16(acc, c, b),
                         vfmlalq_laneq_low_f16(acc, a, c, 6), vfmlslq_laneq_high_f16(acc, c, a, 3)};
    for (int i = 0; i < 6; i++) {
        uint32_t w[4];
        memcpy(w, &fm[i], 16);
        printf("fmlal %d: %08x %08x %08x %08x  fpsr %x\n", i, w[0], w[1], w[2], w[3], fpsr_take());
    }
    float32x2_t f2 = vfmlal_low_f16(vget_low_f32(acc), vget_low_f16(a), vget_high_f16(c));
    printf("fmlal.2s %a %a\n", vget_lane_f32(f2, 0), vget_lane_f32(f2, 1));
    return 0;
}
