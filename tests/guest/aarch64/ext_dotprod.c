// cflags: -march=armv8.6-a+dotprod+i8mm
/* Integer dot products and matrix multiplies: SDOT/UDOT (vector and by
 * element), USDOT/SUDOT (vector and by element), SMMLA/UMMLA/USMMLA, on
 * pseudo-random bytes including the extremes (-128 * -128 sums). */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>

static uint64_t lcg = 12345;

static uint8x16_t rnd16(void)
{
    uint8_t b[16];
    for (int i = 0; i < 16; i++) {
        lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
        b[i] = (uint8_t)(lcg >> 56);
    }
    return vld1q_u8(b);
}

static void show(const char *name, int32x4_t v)
{
    printf("%-10s %08x %08x %08x %08x\n", name, (uint32_t)vgetq_lane_s32(v, 0),
           (uint32_t)vgetq_lane_s32(v, 1), (uint32_t)vgetq_lane_s32(v, 2),
           (uint32_t)vgetq_lane_s32(v, 3));
}

static void show2(const char *name, int32x2_t v)
{
    printf("%-10s %08x %08x\n", name, (uint32_t)vget_lane_s32(v, 0), (uint32_t)vget_lane_s32(v, 1));
}

int main(void)
{
    for (int round = 0; round < 3; round++) {
        uint8x16_t a = rnd16(), b = rnd16(), c = rnd16();
        if (round == 2) {
            a = vdupq_n_u8(0x80);
            b = vdupq_n_u8(0x80);
        }
        int32x4_t acc = vreinterpretq_s32_u8(c);
        show("sdot", vdotq_s32(acc, vreinterpretq_s8_u8(a), vreinterpretq_s8_u8(b)));
        show("udot", vreinterpretq_s32_u32(vdotq_u32(vreinterpretq_u32_u8(c), a, b)));
        show2("sdot.2s", vdot_s32(vget_low_s32(acc), vreinterpret_s8_u8(vget_low_u8(a)),
                                  vreinterpret_s8_u8(vget_low_u8(b))));
        show("sdot[1]", vdotq_laneq_s32(acc, vreinterpretq_s8_u8(a), vreinterpretq_s8_u8(b), 1));
        show("udot[3]", vreinterpretq_s32_u32(vdotq_laneq_u32(vreinterpretq_u32_u8(c), a, b, 3)));
        show("sdot.l[1]",
             vdotq_lane_s32(acc, vreinterpretq_s8_u8(a), vreinterpret_s8_u8(vget_low_u8(b)), 1));
        show("usdot", vusdotq_s32(acc, a, vreinterpretq_s8_u8(b)));
        show("usdot[2]", vusdotq_laneq_s32(acc, a, vreinterpretq_s8_u8(b), 2));
        show("sudot[0]", vsudotq_laneq_s32(acc, vreinterpretq_s8_u8(a), b, 0));
        show("smmla", vmmlaq_s32(acc, vreinterpretq_s8_u8(a), vreinterpretq_s8_u8(b)));
        show("ummla", vreinterpretq_s32_u32(vmmlaq_u32(vreinterpretq_u32_u8(c), a, b)));
        show("usmmla", vusmmlaq_s32(acc, a, vreinterpretq_s8_u8(b)));
    }
    return 0;
}
