// cflags: -O3 -march=armv8-a+crypto
/*
 * AdvSIMD structure loads and stores through arm_neon.h: vld1..vld4 and
 * vst1..vst4 (multiple structures, x2/x3/x4 register lists, single-lane,
 * load-and-replicate) for every element size, in 64- and 128-bit forms, at
 * unaligned offsets and in post-incrementing loops over a buffer, checking
 * the bytes around every store are untouched.  Prints a hash per form.
 */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint8_t src[1024 + 64], dst[1024 + 64];
static uint64_t h;

static void mix(const void *p, size_t n)
{
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ull;
}

static void done(const char *name)
{
    mix(dst, sizeof dst);
    printf("%-28s %016llx\n", name, (unsigned long long)h);
    h = 0xcbf29ce484222325ull;
    memset(dst, 0xa5, sizeof dst);
}

/* Loads one form at offsets 0..7, hashes the registers; stores them back with the
   matching store at another offset; then a post-incrementing copy loop. */
#define LDST(T, LD, ST, E, N)                                                                      \
    do {                                                                                           \
        for (int off = 0; off < 8; off++) {                                                        \
            T v = LD((const E *)(src + off * 3));                                                  \
            mix(&v, sizeof v);                                                                     \
            ST((E *)(dst + 16 + off * 5), v);                                                      \
        }                                                                                          \
        const E *s = (const E *)(src + 1);                                                         \
        E *d = (E *)(dst + 600);                                                                   \
        for (int i = 0; i < 6; i++, s += N, d += N)                                                \
            ST(d, LD(s));                                                                          \
        done(#LD);                                                                                 \
    } while (0)

#define LANE(T, LD, ST, E, L)                                                                      \
    do {                                                                                           \
        T v;                                                                                       \
        memset(&v, 0x3c, sizeof v);                                                                \
        v = LD((const E *)(src + 7), v, 0);                                                        \
        v = LD((const E *)(src + 40), v, L);                                                       \
        mix(&v, sizeof v);                                                                         \
        ST((E *)(dst + 3), v, L);                                                                  \
        ST((E *)(dst + 100), v, 0);                                                                \
        done(#LD);                                                                                 \
    } while (0)

#define DUP(T, LD, E)                                                                              \
    do {                                                                                           \
        for (int off = 0; off < 4; off++) {                                                        \
            T v = LD((const E *)(src + 11 + off * 9));                                             \
            mix(&v, sizeof v);                                                                     \
        }                                                                                          \
        done(#LD);                                                                                 \
    } while (0)

#define FORMS(SFX, E, T, TQ, LN, LNQ)                                                              \
    LDST(T##_t, vld1_##SFX, vst1_##SFX, E, LN);                                                    \
    LDST(TQ##_t, vld1q_##SFX, vst1q_##SFX, E, LNQ);                                                \
    LDST(T##x2_t, vld1_##SFX##_x2, vst1_##SFX##_x2, E, 2 * LN);                                    \
    LDST(TQ##x3_t, vld1q_##SFX##_x3, vst1q_##SFX##_x3, E, 3 * LNQ);                                \
    LDST(T##x4_t, vld1_##SFX##_x4, vst1_##SFX##_x4, E, 4 * LN);                                    \
    LDST(TQ##x4_t, vld1q_##SFX##_x4, vst1q_##SFX##_x4, E, 4 * LNQ);                                \
    LDST(T##x2_t, vld2_##SFX, vst2_##SFX, E, 2 * LN);                                              \
    LDST(TQ##x2_t, vld2q_##SFX, vst2q_##SFX, E, 2 * LNQ);                                          \
    LDST(T##x3_t, vld3_##SFX, vst3_##SFX, E, 3 * LN);                                              \
    LDST(TQ##x3_t, vld3q_##SFX, vst3q_##SFX, E, 3 * LNQ);                                          \
    LDST(T##x4_t, vld4_##SFX, vst4_##SFX, E, 4 * LN);                                              \
    LDST(TQ##x4_t, vld4q_##SFX, vst4q_##SFX, E, 4 * LNQ);                                          \
    LANE(T##_t, vld1_lane_##SFX, vst1_lane_##SFX, E, LN - 1);                                      \
    LANE(TQ##_t, vld1q_lane_##SFX, vst1q_lane_##SFX, E, LNQ - 1);                                  \
    LANE(T##x2_t, vld2_lane_##SFX, vst2_lane_##SFX, E, LN - 1);                                    \
    LANE(TQ##x2_t, vld2q_lane_##SFX, vst2q_lane_##SFX, E, LNQ / 2);                                \
    LANE(T##x3_t, vld3_lane_##SFX, vst3_lane_##SFX, E, LN - 1);                                    \
    LANE(TQ##x3_t, vld3q_lane_##SFX, vst3q_lane_##SFX, E, LNQ - 1);                                \
    LANE(T##x4_t, vld4_lane_##SFX, vst4_lane_##SFX, E, LN / 2);                                    \
    LANE(TQ##x4_t, vld4q_lane_##SFX, vst4q_lane_##SFX, E, LNQ - 1);                                \
    DUP(T##_t, vld1_dup_##SFX, E);                                                                 \
    DUP(TQ##_t, vld1q_dup_##SFX, E);                                                               \
    DUP(T##x2_t, vld2_dup_##SFX, E);                                                               \
    DUP(TQ##x2_t, vld2q_dup_##SFX, E);                                                             \
    DUP(T##x3_t, vld3_dup_##SFX, E);                                                               \
    DUP(TQ##x3_t, vld3q_dup_##SFX, E);                                                             \
    DUP(T##x4_t, vld4_dup_##SFX, E);                                                               \
    DUP(TQ##x4_t, vld4q_dup_##SFX, E)

/* Interleave/deinterleave loops the way codecs use them. */
static void rgb_loops(void)
{
    uint8_t *d = dst + 32;
    for (int i = 0; i < 8; i++) {
        uint8x16x3_t px = vld3q_u8(src + i * 48);
        uint8x16_t t = px.val[0];
        px.val[0] = px.val[2];
        px.val[2] = vrhaddq_u8(t, px.val[1]);
        vst3q_u8(d + i * 48, px);
    }
    done("bgr swap vld3q/vst3q");
    const uint16_t *s16 = (const uint16_t *)(src + 2);
    uint16_t *d16 = (uint16_t *)(dst + 6);
    for (int i = 0; i < 16; i++) {
        uint16x4x4_t q = vld4_u16(s16 + i * 16);
        uint16x4_t a = vadd_u16(q.val[0], q.val[3]);
        q.val[3] = vsub_u16(q.val[1], q.val[2]);
        q.val[0] = a;
        vst4_u16(d16 + i * 16, q);
    }
    done("vld4/vst4 u16 loop");
}

int main(void)
{
    for (unsigned i = 0; i < sizeof src; i++)
        src[i] = (uint8_t)(i * 167 + (i >> 3) * 13 + 5);
    h = 0xcbf29ce484222325ull;
    memset(dst, 0xa5, sizeof dst);
    FORMS(u8, uint8_t, uint8x8, uint8x16, 8, 16);
    FORMS(s16, int16_t, int16x4, int16x8, 4, 8);
    FORMS(u32, uint32_t, uint32x2, uint32x4, 2, 4);
    FORMS(f32, float32_t, float32x2, float32x4, 2, 4);
    FORMS(u64, uint64_t, uint64x1, uint64x2, 1, 2);
    FORMS(f64, float64_t, float64x1, float64x2, 1, 2);
    FORMS(p8, poly8_t, poly8x8, poly8x16, 8, 16);
    rgb_loops();
    printf("done\n");
    return 0;
}
