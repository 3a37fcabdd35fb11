// cflags: -march=armv8.3-a+fp16
/* Complex arithmetic (FEAT_FCMA): FCMLA with the four rotations (vector and
 * by element, single and double precision) and FCADD #90/#270, including a
 * full complex multiply-accumulate built from two FCMLAs, NaN operands,
 * half precision and the FPSR flags. */
#include <arm_neon.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void show4(const char *name, float32x4_t v)
{
    uint32_t b[4];
    memcpy(b, &v, 16);
    printf("%-12s %08x %08x %08x %08x  (%g %g %g %g)\n", name, b[0], b[1], b[2], b[3],
           vgetq_lane_f32(v, 0), vgetq_lane_f32(v, 1), vgetq_lane_f32(v, 2), vgetq_lane_f32(v, 3));
}

static void show2d(const char *name, float64x2_t v)
{
    uint64_t b[2];
    memcpy(b, &v, 16);
    printf("%-12s %016llx %016llx\n", name, (unsigned long long)b[0], (unsigned long long)b[1]);
}

static unsigned get_fpsr(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr" : "=r"(v));
    return (unsigned)v;
}

static void set_fpsr(unsigned v)
{
    __asm__ volatile("msr fpsr, %0" ::"r"((uint64_t)v));
}

int main(void)
{
    float32x4_t acc = {0.5f, -1.25f, 3.0f, 1e-3f};
    float32x4_t a = {1.5f, 2.0f, -3.0f, 0.1f}, b = {4.0f, -0.5f, 7.25f, 1.0f / 3.0f};
    show4("fcmla #0", vcmlaq_f32(acc, a, b));
    show4("fcmla #90", vcmlaq_rot90_f32(acc, a, b));
    show4("fcmla #180", vcmlaq_rot180_f32(acc, a, b));
    show4("fcmla #270", vcmlaq_rot270_f32(acc, a, b));
    show4("cmul", vcmlaq_rot90_f32(vcmlaq_f32(vdupq_n_f32(0), a, b), a, b));
    show4("fcmla[1]", vcmlaq_laneq_f32(acc, a, b, 1));
    show4("fcmla[0]#90", vcmlaq_rot90_laneq_f32(acc, a, b, 0));
    show4("fcmla[1]#270", vcmlaq_rot270_laneq_f32(acc, a, b, 1));
    float32x2_t a2 = vget_low_f32(a), b2 = vget_high_f32(b);
    float32x2_t r2 = vcmla_rot180_f32(vget_low_f32(acc), a2, b2);
    printf("fcmla.2s     %a %a\n", vget_lane_f32(r2, 0), vget_lane_f32(r2, 1));
    show4("fcadd #90", vcaddq_rot90_f32(a, b));
    show4("fcadd #270", vcaddq_rot270_f32(a, b));
    float64x2_t da = {1.0 / 3.0, -2.5}, db = {1e300, 1e10}, dacc = {1.0, 2.0};
    show2d("fcmla.2d #0", vcmlaq_f64(dacc, da, db));
    show2d("fcmla.2d #90", vcmlaq_rot90_f64(dacc, da, db));
    show2d("fcadd.2d", vcaddq_rot270_f64(da, db));
    set_fpsr(0);
    float64x2_t big = {1e308, 1e308};
    show2d("overflow", vcmlaq_f64(big, big, big));
    printf("fpsr %08x\n", get_fpsr());
    set_fpsr(0);
    float32x4_t nan = {NAN, 1.0f, -NAN, 2.0f};
    uint32_t snan_bits[4] = {0x7f800001, 0x3f800000, 0xff800002, 0x40000000};
    float32x4_t snan;
    memcpy(&snan, snan_bits, 16);
    show4("nan #0", vcmlaq_f32(acc, nan, b));
    show4("nan #180", vcmlaq_rot180_f32(acc, a, nan));
    show4("snan #90", vcmlaq_rot90_f32(acc, a, snan));
    show4("fcadd nan", vcaddq_rot90_f32(snan, nan));
    printf("fpsr %08x\n", get_fpsr());
    float16x8_t ha = vcvt_high_f16_f32(vcvt_f16_f32(a), b),
                hc = vcvt_high_f16_f32(vcvt_f16_f32(acc), a);
    float16x8_t hr[4] = {vcmlaq_f16(hc, ha, hc), vcmlaq_rot90_f16(hc, ha, hc),
                         vcmlaq_rot270_laneq_f16(hc, ha, hc, 3), vcaddq_rot90_f16(ha, hc)};
    for (int i = 0; i < 4; i++) {
        uint16_t h[8];
        memcpy(h, &hr[i], 16);
        printf("half %d:", i);
        for (int k = 0; k < 8; k++)
            printf(" %04x", h[k]);
        printf("\n");
    }
    printf("fpsr %08x\n", get_fpsr());
    return 0;
}
