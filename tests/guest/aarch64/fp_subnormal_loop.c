// cflags: -O2
/* Vector FP arithmetic whose results stay subnormal (audio-style decay), or land exactly on
 * the smallest normal, in loops: values and FPSR (UFC/IXC) after each loop. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>

static uint64_t fpsr_take(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr" : "=r"(v));
    __asm__ volatile("msr fpsr, xzr");
    return v;
}

int main(void)
{
    fpsr_take();
    float32x4_t acc = {1e-39f, -3e-40f, 1.17549435e-38f, 0.0f};
    const float32x4_t a = vdupq_n_f32(0.5f), b = {1e-39f, 1e-45f, -2e-39f, 5.87747175e-39f};
    for (int i = 0; i < 20000; i++) {
        acc = vfmaq_f32(b, acc, a);
        __asm__ volatile("" : "+w"(acc));
    }
    uint32_t r[4];
    vst1q_u32(r, vreinterpretq_u32_f32(acc));
    printf("f32 fma %08x %08x %08x %08x fpsr %llx\n", r[0], r[1], r[2], r[3],
           (unsigned long long)fpsr_take());
    float64x2_t d = {4e-310, -1e-320}, e = {2.2250738585072014e-308, 1e-310};
    for (int i = 0; i < 20000; i++) {
        d = vaddq_f64(vmulq_f64(d, vdupq_n_f64(0.75)), vmulq_f64(e, vdupq_n_f64(0.25)));
        __asm__ volatile("" : "+w"(d));
    }
    uint64_t q[2];
    vst1q_u64(q, vreinterpretq_u64_f64(d));
    printf("f64 mul/add %016llx %016llx fpsr %llx\n", (unsigned long long)q[0],
           (unsigned long long)q[1], (unsigned long long)fpsr_take());
    /* exact results on and around the smallest normal: 2^-126 = 2^-125 * 0.5 (exact), and
     * sums that round up to it from below (tiny before rounding: UFC on Arm) */
    float32x4_t x = {2.3509887e-38f, 1.1754942e-38f, 1.1754942e-38f, 1.4e-45f};
    float32x4_t y = {0.5f, 1.0000001f, 1.0f, 2.0f};
    for (int i = 0; i < 4; i++) {
        float32x4_t z = vmulq_f32(x, y);
        vst1q_u32(r, vreinterpretq_u32_f32(z));
        printf("f32 mul %08x %08x %08x %08x fpsr %llx\n", r[0], r[1], r[2], r[3],
               (unsigned long long)fpsr_take());
        y = vaddq_f32(y, vdupq_n_f32(1e-7f));
    }
    return 0;
}
