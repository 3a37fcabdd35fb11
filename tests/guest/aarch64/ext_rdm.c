// cflags: -march=armv8.1-a+rdma
/* SQRDMLAH / SQRDMLSH (FEAT_RDM): vector, by element and scalar forms on
 * 16- and 32-bit lanes, with saturating cases and the FPSR.QC flag. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static unsigned qc_take(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr\n\tmsr fpsr, xzr" : "=r"(v));
    return (unsigned)(v >> 27) & 1;
}

static void show16(const char *name, int16x8_t v)
{
    printf("%-12s", name);
    for (int i = 0; i < 8; i++)
        printf(" %04x", (uint16_t)v[i]);
    printf("  qc %u\n", qc_take());
}

static void show32(const char *name, int32x4_t v)
{
    printf("%-12s", name);
    for (int i = 0; i < 4; i++)
        printf(" %08x", (uint32_t)v[i]);
    printf("  qc %u\n", qc_take());
}

int main(void)
{
    int16x8_t a = {0x7fff, -0x8000, 1234, -5678, 0x4000, 0x7000, -1, 3};
    int16x8_t b = {0x7fff, -0x8000, -0x8000, 0x1111, 0x4000, 0x7000, 1, -3};
    int16x8_t c = {0x7fff, 0x7fff, -0x8000, 100, 0, 0x7f00, -0x8000, 5};
    int32x4_t a4 = {0x7fffffff, -0x7fffffff - 1, 123456789, -987654},
              b4 = {0x7fffffff, -0x7fffffff - 1, -55555, 0x10000},
              c4 = {0x7fffffff, 0, -0x7fffffff - 1, 42};
    qc_take();
    show16("sqrdmlah.8h", vqrdmlahq_s16(c, a, b));
    show16("sqrdmlsh.8h", vqrdmlshq_s16(c, a, b));
    show16("sqrdmlah[3]", vqrdmlahq_laneq_s16(c, a, b, 3));
    show16("sqrdmlsh[7]", vqrdmlshq_laneq_s16(c, a, b, 7));
    show32("sqrdmlah.4s", vqrdmlahq_s32(c4, a4, b4));
    show32("sqrdmlsh.4s", vqrdmlshq_s32(c4, a4, b4));
    show32("sqrdmlah[2]", vqrdmlahq_laneq_s32(c4, a4, b4, 2));
    int16x4_t l = vqrdmlah_s16(vget_low_s16(c), vget_low_s16(a), vget_high_s16(b));
    show16("sqrdmlah.4h", vcombine_s16(l, vdup_n_s16(0)));
    int16_t h = vqrdmlahh_s16(100, 0x4000, 0x4000);
    int32_t s = vqrdmlshs_s32(-5, 0x7fffffff, -0x7fffffff - 1);
    int32_t sl = vqrdmlahs_laneq_s32(7, 0x12345678, b4, 2);
    printf("scalar %d %d %d  qc %u\n", h, s, sl, qc_take());
    return 0;
}
