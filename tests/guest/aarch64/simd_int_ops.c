/*
 * Integer AdvSIMD through arm_neon.h intrinsics: each operation runs on
 * every ordered pair of twelve vectors (random and corner values) and prints
 * a hash of its results and how many times it set FPSR.QC.  Covers the
 * arithmetic, logic, compare, min/max, saturating, pairwise, shift,
 * widening/narrowing, across-lane, permute and table-lookup classes in
 * 64- and 128-bit forms, and the structure loads/stores.
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define NV 12
static uint8_t in[NV][64];
static uint64_t h;
static int qc;

static void mix(const void *p, size_t n)
{
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ull;
}

static unsigned fpsr_read(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr" : "=r"(v)::"memory");
    return (unsigned)v;
}

static void fpsr_clear(void)
{
    __asm__ volatile("msr fpsr, %0" ::"r"(0ull) : "memory");
}

static void init(void)
{
    static const uint8_t corner[] = {0, 1, 0x7f, 0x80, 0xff, 0xfe, 0x81, 0x40};
    volatile uint32_t x = 12345;
    for (int v = 0; v < NV; v++)
        for (int i = 0; i < 64; i++) {
            uint32_t r = x;
            r ^= r << 13, r ^= r >> 17, r ^= r << 5;
            x = r;
            if (v == 2) /* the most negative 16-bit lanes */
                in[v][i] = (i & 1) ? 0x80 : 0;
            else if (v < 4) /* corner bytes (all lanes of one value, or mixed) */
                in[v][i] = corner[(v & 1) ? (r >> 8) % 8 : (v * 3 + i / 8) % 8];
            else if (v < 6) /* small values: table indices in and out of range */
                in[v][i] = (uint8_t)(r % 80);
            else
                in[v][i] = (uint8_t)(r >> 8);
        }
}

static void report(const char *name)
{
    printf("%-16s %016llx qc=%d\n", name, (unsigned long long)h, qc);
}

/* r = expr over a = in[i], b = in[j] (types T), stored with ST. */
#define PAIRS(name, T, LD, ST, expr)                                                               \
    static void t_##name(void)                                                                     \
    {                                                                                              \
        h = 0xcbf29ce484222325ull, qc = 0;                                                         \
        for (int i = 0; i < NV; i++)                                                               \
            for (int j = 0; j < NV; j++) {                                                         \
                T a = LD((const void *)in[i]), b = LD((const void *)in[j]);                        \
                T c = LD((const void *)in[(i + j) % NV]);                                          \
                uint8_t o[64] = {0};                                                               \
                fpsr_clear();                                                                      \
                ST((void *)o, (expr));                                                             \
                qc += (fpsr_read() >> 27) & 1;                                                     \
                (void)a, (void)b, (void)c;                                                         \
                mix(o, sizeof(o));                                                                 \
            }                                                                                      \
        report(#name);                                                                             \
    }

/* scalar result of expr */
#define SCALAR(name, T, LD, expr)                                                                  \
    static void t_##name(void)                                                                     \
    {                                                                                              \
        h = 0xcbf29ce484222325ull, qc = 0;                                                         \
        for (int i = 0; i < NV; i++) {                                                             \
            T a = LD((const void *)in[i]);                                                         \
            uint64_t r = (uint64_t)(expr);                                                         \
            mix(&r, sizeof(r));                                                                    \
        }                                                                                          \
        report(#name);                                                                             \
    }

PAIRS(add_u8, uint8x16_t, vld1q_u8, vst1q_u8, vaddq_u8(a, b))
PAIRS(sub_u64, uint64x2_t, vld1q_u64, vst1q_u64, vsubq_u64(a, b))
PAIRS(add_d_u16, uint16x4_t, vld1_u16, vst1_u16, vadd_u16(a, b))
PAIRS(mul_u8, uint8x16_t, vld1q_u8, vst1q_u8, vmulq_u8(a, b))
PAIRS(mul_u16, uint16x8_t, vld1q_u16, vst1q_u16, vmulq_u16(a, b))
PAIRS(mul_d_u32, uint32x2_t, vld1_u32, vst1_u32, vmul_u32(a, b))
PAIRS(mla_u8, uint8x16_t, vld1q_u8, vst1q_u8, vmlaq_u8(c, a, b))
PAIRS(mls_u32, uint32x4_t, vld1q_u32, vst1q_u32, vmlsq_u32(c, a, b))
PAIRS(logic, uint8x16_t, vld1q_u8, vst1q_u8,
      veorq_u8(vandq_u8(a, b), vorrq_u8(vbicq_u8(c, a), vornq_u8(b, c))))
PAIRS(bsl, uint8x16_t, vld1q_u8, vst1q_u8, vbslq_u8(c, a, b))
PAIRS(bsl_d, uint8x8_t, vld1_u8, vst1_u8, vbsl_u8(c, a, b))
PAIRS(cmeq, uint8x16_t, vld1q_u8, vst1q_u8,
      veorq_u8(vceqq_u8(a, b),
               vreinterpretq_u8_u64(vceqq_u64(vreinterpretq_u64_u8(a), vreinterpretq_u64_u8(b)))))
PAIRS(cmgt_s, int16x8_t, vld1q_s16, vst1q_u16, vcgtq_s16(a, b))
PAIRS(cmgt_s8, int8x16_t, vld1q_s8, vst1q_u8, vcgtq_s8(a, b))
PAIRS(cmge_s32, int32x4_t, vld1q_s32, vst1q_u32, vcgeq_s32(a, b))
PAIRS(cmgt_s64, int64x2_t, vld1q_s64, vst1q_u64, vcgtq_s64(a, b))
PAIRS(cmhi_u8, uint8x16_t, vld1q_u8, vst1q_u8, vcgtq_u8(a, b))
PAIRS(cmhs_u16_d, uint16x4_t, vld1_u16, vst1_u16, vcge_u16(a, b))
PAIRS(cmhi_u64, uint64x2_t, vld1q_u64, vst1q_u64, vcgtq_u64(a, b))
PAIRS(cmtst_u32, uint32x4_t, vld1q_u32, vst1q_u32, vtstq_u32(a, b))
PAIRS(cmzero_s8, int8x16_t, vld1q_s8, vst1q_u8,
      veorq_u8(veorq_u8(vceqzq_s8(a), vcgtzq_s8(b)), veorq_u8(vcgezq_s8(c), vcltzq_s8(a))))
PAIRS(cmle0_s16, int16x8_t, vld1q_s16, vst1q_u16, vclezq_s16(a))
PAIRS(cmlt0_s64, int64x2_t, vld1q_s64, vst1q_u64, vcltzq_s64(a))
PAIRS(min_s8, int8x16_t, vld1q_s8, vst1q_s8, vminq_s8(a, b))
PAIRS(max_s16, int16x8_t, vld1q_s16, vst1q_s16, vmaxq_s16(a, b))
PAIRS(min_u16, uint16x8_t, vld1q_u16, vst1q_u16, vminq_u16(a, b))
PAIRS(max_u32_d, uint32x2_t, vld1_u32, vst1_u32, vmax_u32(a, b))
PAIRS(max_s32, int32x4_t, vld1q_s32, vst1q_s32, vmaxq_s32(a, b))
PAIRS(abd_u8, uint8x16_t, vld1q_u8, vst1q_u8, vabdq_u8(a, b))
PAIRS(abd_s32, int32x4_t, vld1q_s32, vst1q_s32, vabdq_s32(a, b))
PAIRS(rhadd_u8, uint8x16_t, vld1q_u8, vst1q_u8, vrhaddq_u8(a, b))
PAIRS(rhadd_u32, uint32x4_t, vld1q_u32, vst1q_u32, vrhaddq_u32(a, b))
PAIRS(qadd_s8, int8x16_t, vld1q_s8, vst1q_s8, vqaddq_s8(a, b))
PAIRS(qadd_u8_d, uint8x8_t, vld1_u8, vst1_u8, vqadd_u8(a, b))
PAIRS(qsub_s16, int16x8_t, vld1q_s16, vst1q_s16, vqsubq_s16(a, b))
PAIRS(qsub_u16, uint16x8_t, vld1q_u16, vst1q_u16, vqsubq_u16(a, b))
PAIRS(qadd_s32, int32x4_t, vld1q_s32, vst1q_s32, vqaddq_s32(a, b))
PAIRS(qsub_u64, uint64x2_t, vld1q_u64, vst1q_u64, vqsubq_u64(a, b))
PAIRS(addp_u8, uint8x16_t, vld1q_u8, vst1q_u8, vpaddq_u8(a, b))
PAIRS(addp_u16_d, uint16x4_t, vld1_u16, vst1_u16, vpadd_u16(a, b))
PAIRS(addp_u64, uint64x2_t, vld1q_u64, vst1q_u64, vpaddq_u64(a, b))
PAIRS(maxp_s16, int16x8_t, vld1q_s16, vst1q_s16, vpmaxq_s16(a, b))
PAIRS(minp_u8_d, uint8x8_t, vld1_u8, vst1_u8, vpmin_u8(a, b))
PAIRS(minp_u32, uint32x4_t, vld1q_u32, vst1q_u32, vpminq_u32(a, b))
PAIRS(not_neg, int8x16_t, vld1q_s8, vst1q_s8, vnegq_s8(vmvnq_s8(a)))
PAIRS(neg_s64, int64x2_t, vld1q_s64, vst1q_s64, vnegq_s64(a))
PAIRS(abs_s16, int16x8_t, vld1q_s16, vst1q_s16, vabsq_s16(a))
PAIRS(abs_s64, int64x2_t, vld1q_s64, vst1q_s64, vabsq_s64(a))
PAIRS(cnt, uint8x16_t, vld1q_u8, vst1q_u8, vcntq_u8(a))
PAIRS(cnt_d, uint8x8_t, vld1_u8, vst1_u8, vcnt_u8(a))
PAIRS(rev, uint8x16_t, vld1q_u8, vst1q_u8,
      veorq_u8(vrev16q_u8(a), vreinterpretq_u8_u16(vrev32q_u16(vreinterpretq_u16_u8(b)))))
PAIRS(rev64_u32, uint32x4_t, vld1q_u32, vst1q_u32, vrev64q_u32(a))
PAIRS(shl_u8, uint8x16_t, vld1q_u8, vst1q_u8, vshlq_n_u8(a, 5))
PAIRS(ushr_u8, uint8x16_t, vld1q_u8, vst1q_u8, vshrq_n_u8(a, 3))
PAIRS(sshr_s8, int8x16_t, vld1q_s8, vst1q_s8, vshrq_n_s8(a, 7))
PAIRS(sshr_s16, int16x8_t, vld1q_s16, vst1q_s16, vshrq_n_s16(a, 16))
PAIRS(ushr_u32, uint32x4_t, vld1q_u32, vst1q_u32, vshrq_n_u32(a, 32))
PAIRS(sshr_s64, int64x2_t, vld1q_s64, vst1q_s64, vshrq_n_s64(a, 13))
PAIRS(shl_u64, uint64x2_t, vld1q_u64, vst1q_u64, vshlq_n_u64(a, 63))
PAIRS(usra_u16, uint16x8_t, vld1q_u16, vst1q_u16, vsraq_n_u16(b, a, 9))
PAIRS(ssra_s32_d, int32x2_t, vld1_s32, vst1_s32, vsra_n_s32(b, a, 31))
PAIRS(ssra_s8, int8x16_t, vld1q_s8, vst1q_s8, vsraq_n_s8(b, a, 2))
PAIRS(xtn, uint8x16_t, vld1q_u8, vst1q_u8,
      vmovn_high_u16(vmovn_u16(vreinterpretq_u16_u8(a)), vreinterpretq_u16_u8(b)))
PAIRS(xtn_u64, uint64x2_t, vld1q_u64, vst1q_u32, vmovn_high_u64(vmovn_u64(a), b))
PAIRS(uxtl, uint8x16_t, vld1q_u8, vst1q_u16, vaddq_u16(vmovl_u8(vget_low_u8(a)), vmovl_high_u8(b)))
PAIRS(sxtl_s16, int16x8_t, vld1q_s16, vst1q_s32, vmovl_high_s16(a))
PAIRS(sshll_s32, int32x4_t, vld1q_s32, vst1q_s64, vshll_n_s32(vget_low_s32(a), 31))
PAIRS(ushll_u8, uint8x16_t, vld1q_u8, vst1q_u16, vshll_high_n_u8(a, 7))
PAIRS(addl_u8, uint8x16_t, vld1q_u8, vst1q_u16, vaddl_u8(vget_low_u8(a), vget_low_u8(b)))
PAIRS(addl_s16, int16x8_t, vld1q_s16, vst1q_s32, vaddl_high_s16(a, b))
PAIRS(addw_u32, uint32x4_t, vld1q_u32, vst1q_u64,
      vaddw_u32(vreinterpretq_u64_u32(c), vget_low_u32(a)))
PAIRS(subl_s8, int8x16_t, vld1q_s8, vst1q_s16, vsubl_s8(vget_low_s8(a), vget_high_s8(b)))
PAIRS(subw_u16, uint16x8_t, vld1q_u16, vst1q_u32, vsubw_high_u16(vreinterpretq_u32_u16(c), a))
PAIRS(mull_u8, uint8x16_t, vld1q_u8, vst1q_u16, vmull_u8(vget_low_u8(a), vget_low_u8(b)))
PAIRS(mull_s8, int8x16_t, vld1q_s8, vst1q_s16, vmull_high_s8(a, b))
PAIRS(mull_s16, int16x8_t, vld1q_s16, vst1q_s32, vmull_s16(vget_low_s16(a), vget_low_s16(b)))
PAIRS(mull_u16, uint16x8_t, vld1q_u16, vst1q_u32, vmull_high_u16(a, b))
PAIRS(mull_u32, uint32x4_t, vld1q_u32, vst1q_u64, vmull_high_u32(a, b))
PAIRS(mull_s32, int32x4_t, vld1q_s32, vst1q_s64, vmull_s32(vget_low_s32(a), vget_low_s32(b)))
PAIRS(mlal_u16, uint16x8_t, vld1q_u16, vst1q_u32,
      vmlal_u16(vreinterpretq_u32_u16(c), vget_low_u16(a), vget_low_u16(b)))
PAIRS(mlsl_s8, int8x16_t, vld1q_s8, vst1q_s16, vmlsl_high_s8(vreinterpretq_s16_s8(c), a, b))
PAIRS(mlal_s32, int32x4_t, vld1q_s32, vst1q_s64, vmlal_high_s32(vreinterpretq_s64_s32(c), a, b))
PAIRS(zip, uint8x16_t, vld1q_u8, vst1q_u8, veorq_u8(vzip1q_u8(a, b), vzip2q_u8(b, c)))
PAIRS(zip_u32_d, uint32x2_t, vld1_u32, vst1_u32, vzip2_u32(a, b))
PAIRS(uzp_u16, uint16x8_t, vld1q_u16, vst1q_u16, vaddq_u16(vuzp1q_u16(a, b), vuzp2q_u16(c, a)))
PAIRS(uzp_u8_d, uint8x8_t, vld1_u8, vst1_u8, vuzp2_u8(a, b))
PAIRS(trn_u8, uint8x16_t, vld1q_u8, vst1q_u8, vsubq_u8(vtrn1q_u8(a, b), vtrn2q_u8(b, c)))
PAIRS(trn_u64, uint64x2_t, vld1q_u64, vst1q_u64, vtrn2q_u64(a, b))
PAIRS(ext, uint8x16_t, vld1q_u8, vst1q_u8, vextq_u8(a, b, 5))
PAIRS(tbl1, uint8x16_t, vld1q_u8, vst1q_u8, vqtbl1q_u8(a, b))
PAIRS(tbl1_d, uint8x8_t, vld1_u8, vst1_u8, vtbl1_u8(a, b))
PAIRS(tbl2, uint8x16_t, vld1q_u8, vst1q_u8, vqtbl2q_u8((uint8x16x2_t){{a, c}}, b))
PAIRS(tbl4, uint8x16_t, vld1q_u8, vst1q_u8, vqtbl4q_u8((uint8x16x4_t){{c, a, b, c}}, b))
PAIRS(tbx1, uint8x16_t, vld1q_u8, vst1q_u8, vqtbx1q_u8(c, a, b))
PAIRS(tbx3, uint8x16_t, vld1q_u8, vst1q_u8, vqtbx3q_u8(c, (uint8x16x3_t){{a, b, a}}, b))
PAIRS(dup, uint8x16_t, vld1q_u8, vst1q_u8,
      vaddq_u8(vdupq_laneq_u8(a, 13), vdupq_n_u8(vgetq_lane_u8(b, 2))))
PAIRS(ld2, uint8x16_t, vld1q_u8, vst1q_u8,
      vaddq_u8(vld2q_u8((const uint8_t *)in[(int)vgetq_lane_u8(a, 0) % NV]).val[1], b))
PAIRS(ld3, uint16x8_t, vld1q_u16, vst3q_u16,
      vld3q_u16((const uint16_t *)in[vgetq_lane_u16(a, 0) % NV]))
PAIRS(ld4, uint32x4_t, vld1q_u32, vst4_u32,
      vld4_u32((const uint32_t *)in[vgetq_lane_u32(b, 1) % NV]))

PAIRS(mul_elem_u16, uint16x8_t, vld1q_u16, vst1q_u16, vmulq_laneq_u16(a, b, 5))
PAIRS(mla_elem_s32_d, int32x2_t, vld1_s32, vst1_s32, vmla_lane_s32(c, a, b, 1))
PAIRS(mls_elem_u32, uint32x4_t, vld1q_u32, vst1q_u32, vmlsq_laneq_u32(c, a, b, 3))
PAIRS(mull_elem_s16, int16x8_t, vld1q_s16, vst1q_s32, vmull_laneq_s16(vget_low_s16(a), b, 7))
PAIRS(mlal_elem_u32, uint32x4_t, vld1q_u32, vst1q_u64,
      vmlal_high_laneq_u32(vreinterpretq_u64_u32(c), a, b, 2))
PAIRS(mlsl_elem_s16, int16x8_t, vld1q_s16, vst1q_s32,
      vmlsl_lane_s16(vreinterpretq_s32_s16(c), vget_low_s16(a), vget_low_s16(b), 0))
PAIRS(shl_reg_s8, int8x16_t, vld1q_s8, vst1q_s8, vshlq_s8(a, b))
PAIRS(shl_reg_u16, uint16x8_t, vld1q_u16, vst1q_u16,
      vshlq_u16(a, vdupq_n_s16((int8_t)vgetq_lane_u16(b, 0) % 20)))
PAIRS(shl_reg_s64, int64x2_t, vld1q_s64, vst1q_s64,
      vshlq_s64(a, vdupq_n_s64((int8_t)vgetq_lane_s64(b, 1) % 70)))
PAIRS(shl_reg_u8_d, uint8x8_t, vld1_u8, vst1_u8,
      vshl_u8(a, vdup_n_s8((int8_t)(vget_lane_u8(b, 3) % 24) - 12)))
PAIRS(shl_reg_s32, int32x4_t, vld1q_s32, vst1q_s32,
      vshlq_s32(a, vdupq_n_s32(-(int)(vgetq_lane_u32(vreinterpretq_u32_s32(b), 2) % 40))))

PAIRS(hadd_u8, uint8x16_t, vld1q_u8, vst1q_u8, vhaddq_u8(a, b))
PAIRS(hadd_s16, int16x8_t, vld1q_s16, vst1q_s16, vhaddq_s16(a, b))
PAIRS(rhadd_s8_d, int8x8_t, vld1_s8, vst1_s8, vrhadd_s8(a, b))
PAIRS(hadd_s32, int32x4_t, vld1q_s32, vst1q_s32, vhaddq_s32(a, b))
PAIRS(rhadd_s32, int32x4_t, vld1q_s32, vst1q_s32, vrhaddq_s32(a, b))
PAIRS(aba_u8, uint8x16_t, vld1q_u8, vst1q_u8, vabaq_u8(c, a, b))
PAIRS(aba_s16_d, int16x4_t, vld1_s16, vst1_s16, vaba_s16(c, a, b))
PAIRS(abdl_u8, uint8x16_t, vld1q_u8, vst1q_u16, vabdl_u8(vget_low_u8(a), vget_low_u8(b)))
PAIRS(abal_s16, int16x8_t, vld1q_s16, vst1q_s32, vabal_high_s16(vreinterpretq_s32_s16(c), a, b))
PAIRS(abdl_s32, int32x4_t, vld1q_s32, vst1q_s64, vabdl_high_s32(a, b))
PAIRS(qxtn_s16, int16x8_t, vld1q_s16, vst1_s8, vqmovn_s16(a))
PAIRS(qxtn_u32, uint32x4_t, vld1q_u32, vst1_u16, vqmovn_u32(a))
PAIRS(qxtun_s16, int16x8_t, vld1q_s16, vst1q_u8, vqmovun_high_s16(vqmovun_s16(b), a))
PAIRS(qxtn_s32, int32x4_t, vld1q_s32, vst1q_s16, vqmovn_high_s32(vqmovn_s32(a), b))
PAIRS(qxtn_u64, uint64x2_t, vld1q_u64, vst1_u32, vqmovn_u64(a))
PAIRS(addlp_u8, uint8x16_t, vld1q_u8, vst1q_u16, vpaddlq_u8(a))
PAIRS(addlp_s16_d, int16x4_t, vld1_s16, vst1_s32, vpaddl_s16(a))
PAIRS(adalp_u16, uint16x8_t, vld1q_u16, vst1q_u32, vpadalq_u16(vreinterpretq_u32_u16(c), a))
PAIRS(addlp_s32, int32x4_t, vld1q_s32, vst1q_s64, vpaddlq_s32(a))
PAIRS(adalp_s8_d, int8x8_t, vld1_s8, vst1_s16, vpadal_s8(vreinterpret_s16_s8(c), a))

PAIRS(qdmulh_s16, int16x8_t, vld1q_s16, vst1q_s16, vqdmulhq_s16(a, b))
PAIRS(qrdmulh_s16_d, int16x4_t, vld1_s16, vst1_s16, vqrdmulh_s16(a, b))
PAIRS(qrdmulh_elem_s16, int16x8_t, vld1q_s16, vst1q_s16, vqrdmulhq_laneq_s16(a, b, 3))
PAIRS(qdmulh_s32, int32x4_t, vld1q_s32, vst1q_s32, vqdmulhq_s32(a, b))

PAIRS(urshr_u8, uint8x16_t, vld1q_u8, vst1q_u8, vrshrq_n_u8(a, 3))
PAIRS(srshr_s16_d, int16x4_t, vld1_s16, vst1_s16, vrshr_n_s16(a, 16))
PAIRS(ursra_u32, uint32x4_t, vld1q_u32, vst1q_u32, vrsraq_n_u32(b, a, 7))
PAIRS(srsra_s64, int64x2_t, vld1q_s64, vst1q_s64, vrsraq_n_s64(b, a, 64))

SCALAR(addv_u8, uint8x16_t, vld1q_u8, vaddvq_u8(a))
SCALAR(addv_u16_d, uint16x4_t, vld1_u16, vaddv_u16(a))
SCALAR(addv_u32, uint32x4_t, vld1q_u32, vaddvq_u32(a))
SCALAR(maxv_u8, uint8x16_t, vld1q_u8, vmaxvq_u8(a))
SCALAR(maxv_s16, int16x8_t, vld1q_s16, (uint16_t)vmaxvq_s16(a))
SCALAR(maxv_u32, uint32x4_t, vld1q_u32, vmaxvq_u32(a))
SCALAR(minv_s8_d, int8x8_t, vld1_s8, (uint8_t)vminv_s8(a))
SCALAR(minv_u16, uint16x8_t, vld1q_u16, vminvq_u16(a))
SCALAR(minv_s32, int32x4_t, vld1q_s32, (uint32_t)vminvq_s32(a))
SCALAR(addlv_u8, uint8x16_t, vld1q_u8, vaddlvq_u8(a))
SCALAR(addlv_s8_d, int8x8_t, vld1_s8, (uint16_t)vaddlv_s8(a))
SCALAR(addlv_s16, int16x8_t, vld1q_s16, (uint32_t)vaddlvq_s16(a))
SCALAR(addlv_u32, uint32x4_t, vld1q_u32, vaddlvq_u32(a))
SCALAR(addlv_s32, int32x4_t, vld1q_s32, (uint64_t)vaddlvq_s32(a))
SCALAR(umov_smov, int16x8_t, vld1q_s16,
       vgetq_lane_s16(a, 7) * 3 + vgetq_lane_u8(vreinterpretq_u8_s16(a), 9))

int main(void)
{
    init();
    static void (*const tests[])(void) = {
        t_add_u8,       t_sub_u64,       t_add_d_u16,     t_mul_u8,
        t_mul_u16,      t_mul_d_u32,     t_mla_u8,        t_mls_u32,
        t_logic,        t_bsl,           t_bsl_d,         t_cmeq,
        t_cmgt_s,       t_cmgt_s8,       t_cmge_s32,      t_cmgt_s64,
        t_cmhi_u8,      t_cmhs_u16_d,    t_cmhi_u64,      t_cmtst_u32,
        t_cmzero_s8,    t_cmle0_s16,     t_cmlt0_s64,     t_min_s8,
        t_max_s16,      t_min_u16,       t_max_u32_d,     t_max_s32,
        t_abd_u8,       t_abd_s32,       t_rhadd_u8,      t_rhadd_u32,
        t_qadd_s8,      t_qadd_u8_d,     t_qsub_s16,      t_qsub_u16,
        t_qadd_s32,     t_qsub_u64,      t_addp_u8,       t_addp_u16_d,
        t_addp_u64,     t_maxp_s16,      t_minp_u8_d,     t_minp_u32,
        t_not_neg,      t_neg_s64,       t_abs_s16,       t_abs_s64,
        t_cnt,          t_cnt_d,         t_rev,           t_rev64_u32,
        t_shl_u8,       t_ushr_u8,       t_sshr_s8,       t_sshr_s16,
        t_ushr_u32,     t_sshr_s64,      t_shl_u64,       t_usra_u16,
        t_ssra_s32_d,   t_ssra_s8,       t_xtn,           t_xtn_u64,
        t_uxtl,         t_sxtl_s16,      t_sshll_s32,     t_ushll_u8,
        t_addl_u8,      t_addl_s16,      t_addw_u32,      t_subl_s8,
        t_subw_u16,     t_mull_u8,       t_mull_s8,       t_mull_s16,
        t_mull_u16,     t_mull_u32,      t_mull_s32,      t_mlal_u16,
        t_mlsl_s8,      t_mlal_s32,      t_zip,           t_zip_u32_d,
        t_uzp_u16,      t_uzp_u8_d,      t_trn_u8,        t_trn_u64,
        t_ext,          t_tbl1,          t_tbl1_d,        t_tbl2,
        t_tbl4,         t_tbx1,          t_tbx3,          t_dup,
        t_ld2,          t_ld3,           t_ld4,           t_addv_u8,
        t_addv_u16_d,   t_addv_u32,      t_maxv_u8,       t_maxv_s16,
        t_maxv_u32,     t_minv_s8_d,     t_minv_u16,      t_minv_s32,
        t_addlv_u8,     t_addlv_s8_d,    t_addlv_s16,     t_addlv_u32,
        t_addlv_s32,    t_umov_smov,     t_mul_elem_u16,  t_mla_elem_s32_d,
        t_mls_elem_u32, t_mull_elem_s16, t_mlal_elem_u32, t_mlsl_elem_s16,
        t_shl_reg_s8,   t_shl_reg_u16,   t_shl_reg_s64,   t_shl_reg_u8_d,
        t_shl_reg_s32,  t_hadd_u8,       t_hadd_s16,      t_rhadd_s8_d,
        t_hadd_s32,     t_rhadd_s32,     t_aba_u8,        t_aba_s16_d,
        t_abdl_u8,      t_abal_s16,      t_abdl_s32,      t_qxtn_s16,
        t_qxtn_u32,     t_qxtun_s16,     t_qxtn_s32,      t_qxtn_u64,
        t_addlp_u8,     t_addlp_s16_d,   t_adalp_u16,     t_addlp_s32,
        t_adalp_s8_d,   t_qdmulh_s16,    t_qrdmulh_s16_d, t_qrdmulh_elem_s16,
        t_qdmulh_s32,   t_urshr_u8,      t_srshr_s16_d,   t_ursra_u32,
        t_srsra_s64,
    };
    for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++)
        tests[i]();
    return 0;
}
