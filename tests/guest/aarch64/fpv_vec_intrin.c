// cflags: -march=armv8.3-a+fp16
/*
 * AdvSIMD floating point through intrinsics: fused multiply-add/subtract
 * (by element too), reciprocal and reciprocal square root estimates with
 * their Newton steps, conversions (with fixed point), pairwise and
 * across-vector min/max, complex FCMLA/FCADD, comparisons, rounding and
 * half precision vectors; each under every rounding mode and FZ/DN, hashing
 * lanes and FPSR.
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t hash;
static void mix(uint64_t v)
{
    hash = (hash ^ v) * 0x100000001b3ull;
    hash ^= hash >> 29;
}
#define MIX(x)                                                                                     \
    do {                                                                                           \
        __typeof__(x) t_ = (x);                                                                    \
        uint64_t a_[2] = {0, 0};                                                                   \
        memcpy(a_, &t_, sizeof t_);                                                                \
        mix(a_[0]);                                                                                \
        mix(a_[1]);                                                                                \
    } while (0)

static void set_fpcr(uint64_t v)
{
    asm volatile("msr fpcr, %0\n\tmsr fpsr, xzr" ::"r"(v));
}
static uint64_t fpsr(void)
{
    uint64_t v;
    asm volatile("mrs %0, fpsr" : "=r"(v));
    return v;
}

static const uint32_t Fbits[] = {
    0,          0x80000000, 0x3f800000, 0xbf800000, 0x3f000000, 0x40200000, 0xc0200000, 0x00800000,
    0x007fffff, 0x00000001, 0x80400000, 0x7f7fffff, 0xff7fffff, 0x7f800000, 0xff800000, 0x7fc00123,
    0xffc00456, 0x7f800789, 0xffa00abc, 0x4f000000, 0xcf000001, 0x4f7fffff, 0x5f000000, 0x3eaaaaab,
    0x40490fdb, 0x3dcccccd, 0x1a000000, 0x65000000, 0x00c00000, 0x33800000, 0x4b800001, 0x3f7fffff};
static const uint64_t Dbits[] = {0,
                                 0x8000000000000000,
                                 0x3ff0000000000000,
                                 0xbff0000000000000,
                                 0x0010000000000000,
                                 0x000fffffffffffff,
                                 0x0000000000000001,
                                 0x7fefffffffffffff,
                                 0x7ff0000000000000,
                                 0xfff0000000000000,
                                 0x7ff8000000000123,
                                 0xfff8000000000456,
                                 0x7ff0000000000789,
                                 0xfff4000000000abc,
                                 0x43e0000000000000,
                                 0x400921fb54442d18,
                                 0x3fb999999999999a,
                                 0x2000000000000000,
                                 0x6000000000000000,
                                 0x3fefffffffffffff};
#define NF (int)(sizeof Fbits / 4)
#define ND (int)(sizeof Dbits / 8)

static float32x4_t fv(int i)
{
    uint32_t t[4] = {Fbits[i % NF], Fbits[(i * 7 + 1) % NF], Fbits[(i * 13 + 5) % NF],
                     Fbits[(i * 3 + 11) % NF]};
    float32x4_t v;
    memcpy(&v, t, 16);
    return v;
}
static float64x2_t dv(int i)
{
    uint64_t t[2] = {Dbits[i % ND], Dbits[(i * 7 + 3) % ND]};
    float64x2_t v;
    memcpy(&v, t, 16);
    return v;
}
static float16x8_t hv(int i)
{
    float16x8_t h = vcombine_f16(vcvt_f16_f32(fv(i)), vcvt_f16_f32(fv(i + 17)));
    return h;
}

#define NI 64

static void f32_ops(void)
{
    for (int i = 0; i < NI; i++) {
        float32x4_t a = fv(i), b = fv(i + 9), c = fv(i + 21);
        MIX((vfmaq_f32(c, a, b)));
        MIX((vfmsq_f32(c, a, b)));
        MIX((vfmaq_laneq_f32(c, a, b, 2)));
        MIX((vfmsq_laneq_f32(c, a, b, 3)));
        MIX((vmulq_laneq_f32(a, b, 1)));
        MIX((vmulxq_f32(a, b)));
        MIX((vmulxq_laneq_f32(a, b, 0)));
        MIX((vmlaq_f32(c, a, b)));
        MIX((vaddq_f32(a, b)));
        MIX((vsubq_f32(a, b)));
        MIX((vdivq_f32(a, b)));
        MIX((vabdq_f32(a, b)));
        MIX((vsqrtq_f32(a)));
        float32x4_t e = vrecpeq_f32(a);
        MIX((e));
        e = vmulq_f32(e, vrecpsq_f32(a, e));
        e = vmulq_f32(e, vrecpsq_f32(a, e));
        MIX((e));
        float32x4_t r = vrsqrteq_f32(a);
        MIX((r));
        r = vmulq_f32(r, vrsqrtsq_f32(vmulq_f32(a, r), r));
        MIX((r));
        MIX((vrecpeq_u32(vreinterpretq_u32_f32(a))));
        MIX((vrsqrteq_u32(vreinterpretq_u32_f32(b))));
        MIX((vmaxq_f32(a, b)));
        MIX((vminq_f32(a, b)));
        MIX((vmaxnmq_f32(a, b)));
        MIX((vminnmq_f32(a, b)));
        MIX((vpaddq_f32(a, b)));
        MIX((vpmaxq_f32(a, b)));
        MIX((vpminnmq_f32(a, b)));
        mix(vmaxnmvq_f32(a) == 0
                ? 1
                : vget_lane_u32(vreinterpret_u32_f32(vdup_n_f32(vmaxnmvq_f32(a))), 0));
        float m1 = vminvq_f32(b), m2 = vmaxvq_f32(c), m3 = vminnmvq_f32(c);
        uint32_t u;
        memcpy(&u, &m1, 4);
        mix(u);
        memcpy(&u, &m2, 4);
        mix(u);
        memcpy(&u, &m3, 4);
        mix(u);
        MIX((vcvtq_u32_f32(a)));
        MIX((vcvtq_s32_f32(b)));
        MIX((vcvtnq_s32_f32(a)));
        MIX((vcvtaq_u32_f32(a)));
        MIX((vcvtmq_s32_f32(c)));
        MIX((vcvtpq_u32_f32(c)));
        MIX((vcvtq_n_s32_f32(a, 7)));
        MIX((vcvtq_n_u32_f32(b, 31)));
        MIX((vcvtq_n_f32_s32(vreinterpretq_s32_f32(a), 3)));
        MIX((vcvtq_n_f32_u32(vreinterpretq_u32_f32(b), 32)));
        MIX((vcvtq_f32_u32(vreinterpretq_u32_f32(c))));
        MIX((vrndq_f32(a)));
        MIX((vrndnq_f32(a)));
        MIX((vrndaq_f32(b)));
        MIX((vrndxq_f32(c)));
        MIX((vrndiq_f32(c)));
        MIX((vrndpq_f32(b)));
        MIX((vceqq_f32(a, b)));
        MIX((vcgeq_f32(a, b)));
        MIX((vcltq_f32(a, b)));
        MIX((vcagtq_f32(a, b)));
        MIX((vceqzq_f32(c)));
        MIX((vcltzq_f32(c)));
        MIX((vcmlaq_f32(c, a, b)));
        MIX((vcmlaq_rot90_f32(c, a, b)));
        MIX((vcmlaq_rot180_f32(c, a, b)));
        MIX((vcmlaq_rot270_f32(c, a, b)));
        MIX((vcmlaq_laneq_f32(c, a, b, 1)));
        MIX((vcmlaq_rot90_laneq_f32(c, a, b, 0)));
        MIX((vcaddq_rot90_f32(a, b)));
        MIX((vcaddq_rot270_f32(a, b)));
        float64x2_t lo = vcvt_f64_f32(vget_low_f32(a));
        MIX((lo));
        MIX((vcvt_high_f64_f32(b)));
        MIX((vcvt_high_f32_f64(vget_low_f32(c), dv(i))));
        MIX((vcombine_f32(vcvtx_f32_f64(dv(i + 3)), vget_low_f32(a))));
        MIX((vcombine_f16(vcvt_f16_f32(a), vcvt_f16_f32(b))));
        MIX((vcvt_f32_f16(vget_low_f16(hv(i)))));
        MIX((vnegq_f32(a)));
        MIX((vabsq_f32(b)));
    }
}

static void f64_ops(void)
{
    for (int i = 0; i < NI; i++) {
        float64x2_t a = dv(i), b = dv(i + 5), c = dv(i + 11);
        MIX((vfmaq_f64(c, a, b)));
        MIX((vfmsq_laneq_f64(c, a, b, 1)));
        MIX((vmulxq_f64(a, b)));
        MIX((vdivq_f64(a, b)));
        MIX((vsqrtq_f64(a)));
        float64x2_t e = vrecpeq_f64(a);
        MIX((e));
        MIX((vmulq_f64(e, vrecpsq_f64(a, e))));
        float64x2_t r = vrsqrteq_f64(b);
        MIX((r));
        MIX((vrsqrtsq_f64(vmulq_f64(b, r), r)));
        MIX((vmaxnmq_f64(a, b)));
        MIX((vminq_f64(a, b)));
        MIX((vpmaxnmq_f64(a, b)));
        MIX((vcvtq_s64_f64(a)));
        MIX((vcvtq_u64_f64(b)));
        MIX((vcvtaq_s64_f64(c)));
        MIX((vcvtq_n_s64_f64(a, 10)));
        MIX((vcvtq_n_u64_f64(a, 64)));
        MIX((vcvtq_f64_s64(vreinterpretq_s64_f64(b))));
        MIX((vcvtq_n_f64_u64(vreinterpretq_u64_f64(c), 60)));
        MIX((vrndxq_f64(a)));
        MIX((vrndmq_f64(b)));
        MIX((vcgeq_f64(a, b)));
        MIX((vcagtq_f64(a, c)));
        MIX((vcmlaq_rot90_f64(c, a, b)));
        MIX((vcmlaq_rot270_f64(c, a, b)));
        MIX((vcaddq_rot90_f64(a, b)));
        MIX((vpaddq_f64(a, c)));
        double m = vmaxnmvq_f64(a), m2 = vminvq_f64(c), m3 = vpaddd_f64(b);
        uint64_t u;
        memcpy(&u, &m, 8);
        mix(u);
        memcpy(&u, &m2, 8);
        mix(u);
        memcpy(&u, &m3, 8);
        mix(u);
    }
}

static void f16_ops(void)
{
    for (int i = 0; i < NI; i++) {
        float16x8_t a = hv(i), b = hv(i + 3), c = hv(i + 8);
        MIX((vfmaq_f16(c, a, b)));
        MIX((vfmsq_laneq_f16(c, a, b, 5)));
        MIX((vmulxq_f16(a, b)));
        MIX((vaddq_f16(a, b)));
        MIX((vdivq_f16(a, b)));
        MIX((vsqrtq_f16(a)));
        MIX((vrecpeq_f16(a)));
        MIX((vrsqrteq_f16(b)));
        MIX((vrecpsq_f16(a, b)));
        MIX((vrsqrtsq_f16(a, b)));
        MIX((vmaxnmq_f16(a, b)));
        MIX((vminq_f16(a, b)));
        MIX((vpaddq_f16(a, b)));
        MIX((vcvtq_s16_f16(a)));
        MIX((vcvtaq_u16_f16(b)));
        MIX((vcvtq_n_s16_f16(c, 9)));
        MIX((vcvtq_f16_s16(vreinterpretq_s16_f16(b))));
        MIX((vcvtq_n_f16_u16(vreinterpretq_u16_f16(c), 4)));
        MIX((vrndxq_f16(a)));
        MIX((vrndaq_f16(c)));
        MIX((vcgeq_f16(a, b)));
        MIX((vcagtq_f16(a, b)));
        MIX((vcmlaq_rot180_f16(c, a, b)));
        MIX((vcaddq_rot270_f16(a, b)));
        float16_t m = vmaxnmvq_f16(a), m2 = vminvq_f16(b);
        uint16_t u;
        memcpy(&u, &m, 2);
        mix(u);
        memcpy(&u, &m2, 2);
        mix(u);
    }
}

static const uint64_t fpcrs[] = {0,
                                 1 << 22,
                                 2 << 22,
                                 3 << 22,
                                 1 << 24,
                                 1 << 25,
                                 1 << 24 | 1 << 25 | 1 << 22,
                                 1 << 19,
                                 1 << 19 | 1 << 24 | 2 << 22};

int main(void)
{
    for (unsigned f = 0; f < sizeof fpcrs / 8; f++) {
        hash = 0;
        set_fpcr(fpcrs[f]);
        f32_ops();
        uint64_t s = fpsr();
        set_fpcr(0);
        printf("f32 fpcr=%08llx %016llx fpsr=%02llx\n", (unsigned long long)fpcrs[f],
               (unsigned long long)hash, (unsigned long long)s);
        hash = 0;
        set_fpcr(fpcrs[f]);
        f64_ops();
        s = fpsr();
        set_fpcr(0);
        printf("f64 fpcr=%08llx %016llx fpsr=%02llx\n", (unsigned long long)fpcrs[f],
               (unsigned long long)hash, (unsigned long long)s);
        hash = 0;
        set_fpcr(fpcrs[f]);
        f16_ops();
        s = fpsr();
        set_fpcr(0);
        printf("f16 fpcr=%08llx %016llx fpsr=%02llx\n", (unsigned long long)fpcrs[f],
               (unsigned long long)hash, (unsigned long long)s);
    }
    return 0;
}
