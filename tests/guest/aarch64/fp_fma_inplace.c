// cflags: -O3
/* Vector fused multiply-accumulate into its own accumulator (FMLA/FMLS .2d/.4s, also by
 * element) and FADD/FSUB/FMUL/FDIV whose destination is the first, the second or neither
 * source (or the by-element source), in a loop, over operands whose results are NaN, infinite,
 * zero, subnormal, around the smallest normal, or ordinary: results and FPSR after every step. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t fpsr_take(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr" : "=r"(v));
    __asm__ volatile("msr fpsr, xzr");
    return v;
}

static void fpcr_set(uint64_t v)
{
    __asm__ volatile("msr fpcr, %0" ::"r"(v));
}

static const uint64_t dbits[] = {
    0x0000000000000000, 0x8000000000000000, 0x3ff0000000000000, 0xbff8000000000000,
    0x0010000000000000, 0x8010000000000001, 0x000fffffffffffff, 0x0000000000000001,
    0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000001, 0x7ff4000000000000,
    0x3ca0000000000000, 0x2000000000000000, 0x1ff0000000000000, 0x7fefffffffffffff,
};
static const uint32_t sbits[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbfc00000, 0x00800000, 0x80800001, 0x007fffff, 0x00000001,
    0x7f800000, 0xff800000, 0x7fc00001, 0x7fa00000, 0x33800000, 0x20000000, 0x1f800000, 0x7f7fffff,
};

static double d_of(uint64_t b)
{
    double d;
    memcpy(&d, &b, 8);
    return d;
}

static float s_of(uint32_t b)
{
    float f;
    memcpy(&f, &b, 4);
    return f;
}

int main(void)
{
    static const uint64_t fpcrs[] = {0, 1u << 25, 1u << 24, 3u << 22};
    for (int c = 0; c < 4; c++) {
        fpcr_set(fpcrs[c]);
        fpsr_take();
        float64x2_t acc = {d_of(dbits[2]), d_of(dbits[4])};
        float32x4_t sacc = {s_of(sbits[2]), s_of(sbits[4]), s_of(sbits[6]), s_of(sbits[0])};
        uint64_t h = 0;
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                float64x2_t a = {d_of(dbits[i]), d_of(dbits[j])};
                float64x2_t b = {d_of(dbits[j]), d_of(dbits[(i + j) & 15])};
                acc = vfmaq_f64(acc, a, b);
                acc = vfmsq_f64(acc, b, a);
                acc = vfmaq_laneq_f64(acc, a, b, 1);
                float32x4_t sa = {s_of(sbits[i]), s_of(sbits[j]), s_of(sbits[(i * 3) & 15]),
                                  s_of(sbits[(j * 5) & 15])};
                float32x4_t sb = {s_of(sbits[j]), s_of(sbits[i]), s_of(sbits[(i + j) & 15]),
                                  s_of(sbits[(i ^ j) & 15])};
                sacc = vfmaq_f32(sacc, sa, sb);
                sacc = vfmsq_f32(sacc, sb, sa);
                sacc = vfmaq_laneq_f32(sacc, sa, sb, 2);
                float64x2_t t = vmulq_f64(a, b);     /* d neither source */
                t = vaddq_f64(t, acc);               /* d the first source */
                t = vsubq_f64(a, t);                 /* d the second source */
                t = vdivq_f64(t, vaddq_f64(b, acc)); /* d the first source, again */
                __asm__("fmul %0.2d, %1.2d, %0.d[1]" : "+w"(t) : "w"(b)); /* d the element */
                float32x4_t st = vmulq_f32(sa, sb);
                st = vaddq_f32(st, sacc);
                st = vsubq_f32(sa, st);
                st = vdivq_f32(st, vaddq_f32(sb, sacc));
                __asm__("fmul %0.4s, %1.4s, %0.s[3]" : "+w"(st) : "w"(sb));
                uint64_t r[2], sr[2], tr[2], str[2];
                memcpy(r, &acc, 16);
                memcpy(sr, &sacc, 16);
                memcpy(tr, &t, 16);
                memcpy(str, &st, 16);
                h = h * 1000003 ^ tr[0] ^ tr[1] * 13 ^ str[0] * 17 ^ str[1] * 19;
                uint64_t fpsr = fpsr_take();
                h = h * 1000003 ^ r[0] ^ r[1] * 31 ^ sr[0] * 7 ^ sr[1] * 11 ^ fpsr;
                if ((i * 16 + j) % 37 == 0)
                    printf("fpcr %08llx %2d %2d: %016llx %016llx | %016llx %016llx fpsr %llx\n",
                           (unsigned long long)fpcrs[c], i, j, (unsigned long long)r[0],
                           (unsigned long long)r[1], (unsigned long long)sr[0],
                           (unsigned long long)sr[1], (unsigned long long)fpsr);
                if (i == j) { /* restart from ordinary values now and then */
                    acc = (float64x2_t){1.5, -2.25};
                    sacc = (float32x4_t){1.5f, -2.25f, 3.0f, 0.0f};
                }
            }
        }
        printf("fpcr %08llx hash %016llx\n", (unsigned long long)fpcrs[c], (unsigned long long)h);
    }
    fpcr_set(0);
    return 0;
}
