// cflags: -O3
/* Integer SIMD benchmark kernels for `make bench`: glibc's vectorised string
 * functions over large buffers, loops the compiler vectorises at -O3
 * (byte histogram, adler32-like sums, sum/min/max, saturating mix) and a
 * codec-like fixed-point loop written with NEON intrinsics (the same
 * arithmetic in scalar C on other hosts).  Each prints a checksum so the
 * three runs (ferry, qemu-user, native) can be checked for agreement. */
#ifdef __aarch64__
#include <arm_neon.h>
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { BUF = 1 << 20 };
static uint8_t buf[BUF + 64];

static void fill(uint32_t seed)
{
    uint32_t x = seed;
    for (int i = 0; i < BUF; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        buf[i] = (uint8_t)(x | 1); /* no zero bytes */
    }
    buf[BUF] = 0;
}

/* memchr and strlen over the whole buffer (the searched byte is at the end). */
static uint64_t k_string(void)
{
    fill(7);
    uint64_t h = 0;
    for (int rep = 0; rep < 300; rep++) {
        buf[BUF - 1 - rep] = 0;
        h = h * 31 + strlen((char *)buf);
        const uint8_t *p = memchr(buf, 0, BUF);
        h = h * 31 + (uint64_t)(p - buf);
        buf[BUF - 1 - rep] = 1;
    }
    return h;
}

/* Sum, min and max of 16-bit values; saturating 8-bit mix (vectorised at -O3). */
static uint64_t k_reduce(void)
{
    fill(11);
    const int16_t *v = (const int16_t *)buf;
    static uint8_t out[BUF];
    uint64_t h = 0;
    for (int rep = 0; rep < 60; rep++) {
        int32_t sum = 0;
        int16_t lo = INT16_MAX, hi = INT16_MIN;
        for (int i = 0; i < BUF / 2; i++) {
            sum += v[i];
            lo = v[i] < lo ? v[i] : lo;
            hi = v[i] > hi ? v[i] : hi;
        }
        for (int i = 0; i < BUF; i++) {
            unsigned s = buf[i] + (uint8_t)(buf[BUF - 1 - i] >> (rep & 3));
            out[i] = s > 255 ? 255 : (uint8_t)s;
        }
        h = h * 131 + (uint32_t)sum + (uint16_t)lo * 7u + (uint16_t)hi * 13u + out[rep * 997];
    }
    return h;
}

/* Byte histogram with four sub-tables and an adler32-like checksum. */
static uint64_t k_checksum(void)
{
    fill(3);
    uint64_t h = 0;
    for (int rep = 0; rep < 40; rep++) {
        uint32_t hist[4][256];
        memset(hist, 0, sizeof(hist));
        for (int i = 0; i < BUF; i += 4) {
            hist[0][buf[i]]++;
            hist[1][buf[i + 1]]++;
            hist[2][buf[i + 2]]++;
            hist[3][buf[i + 3]]++;
        }
        uint32_t a = 1, b = 0;
        for (int blk = 0; blk < BUF; blk += 4096) {
            uint32_t sa = 0, sb = 0;
            for (int i = 0; i < 4096; i++) {
                sa += buf[blk + i];
                sb += (uint32_t)(4096 - i) * buf[blk + i];
            }
            b = (b + 4096 * a + sb) % 65521;
            a = (a + sa) % 65521;
        }
        for (int k = 0; k < 256; k++)
            h = h * 31 + hist[0][k] + hist[1][k] * 3 + hist[2][k] * 5 + hist[3][k] * 7;
        h = h * 131 + (b << 16 | a);
    }
    return h;
}

#ifdef __aarch64__
/* One pass of k_codec over buf: vsad, vsum as the lanes of the NEON accumulators. */
static void codec_pass(int16_t c, uint32_t *sad, uint32_t *sum, uint8_t *out)
{
    uint32x4_t vsad = vdupq_n_u32(0), vsum = vdupq_n_u32(0);
    int16x8_t vc = vdupq_n_s16(c);
    for (int i = 0; i + 32 <= BUF; i += 32) {
        uint8x16_t a = vld1q_u8(buf + i), b = vld1q_u8(buf + i + 16);
        uint16x8_t d = vabdl_u8(vget_low_u8(a), vget_low_u8(b));
        vsad = vpadalq_u16(vsad, vabal_high_u8(d, a, b));
        int16x8_t rl = vreinterpretq_s16_u16(vsubl_u8(vget_low_u8(a), vget_low_u8(b)));
        int16x8_t rh = vreinterpretq_s16_u16(vsubl_high_u8(a, b));
        int16x8_t xl = vaddq_s16(vshlq_n_s16(vqrdmulhq_s16(rl, vc), 2),
                                 vreinterpretq_s16_u16(vmovl_u8(vget_low_u8(a))));
        int16x8_t xh = vaddq_s16(vshlq_n_s16(vqrdmulhq_s16(rh, vc), 2),
                                 vreinterpretq_s16_u16(vmovl_high_u8(a)));
        uint8x16_t o = vqrshrun_high_n_s16(vqrshrun_n_s16(xl, 2), xh, 2);
        vst1q_u8(out + i, vsliq_n_u8(o, b, 4));
        int32x4_t p = vqdmull_s16(vget_low_s16(rl), vget_low_s16(vc));
        int16x4_t n = vqrshrn_n_s32(p, 6);
        uint32x4_t z = vclzq_u32(vreinterpretq_u32_s32(p));
        vsum = vaddq_u32(vsum, vaddq_u32(z, vreinterpretq_u32_s32(vmovl_s16(n))));
        vsum = vaddq_u32(vsum, vmovl_u16(vraddhn_u32(vsad, vreinterpretq_u32_s32(p))));
    }
    *sad = vaddvq_u32(vsad);
    *sum = vaddvq_u32(vsum);
}
#else
static int clamp(int x, int lo, int hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

static void codec_pass(int16_t c, uint32_t *sad, uint32_t *sum, uint8_t *out)
{
    uint32_t vsad[4] = {0}, vsum = 0;
    for (int i = 0; i + 32 <= BUF; i += 32) {
        const uint8_t *a = buf + i, *b = buf + i + 16;
        for (int j = 0; j < 16; j++)
            vsad[(j % 8) / 2] += (uint32_t)abs(a[j] - b[j]);
        int32_t p[4];
        for (int j = 0; j < 16; j++) {
            int r = a[j] - b[j];
            int m = (2 * r * c + (1 << 15)) >> 16;
            int o = clamp((m * 4 + a[j] + 2) >> 2, 0, 255);
            out[i + j] = (uint8_t)(b[j] << 4 | (o & 15));
            if (j < 4)
                p[j] = 2 * r * c;
        }
        for (int k = 0; k < 4; k++) {
            int n = clamp((p[k] + 32) >> 6, -32768, 32767);
            vsum += (p[k] ? (uint32_t)__builtin_clz((uint32_t)p[k]) : 32) + (uint32_t)n;
            vsum += (uint16_t)((vsad[k] + (uint32_t)p[k] + 0x8000u) >> 16);
        }
    }
    *sad = vsad[0] + vsad[1] + vsad[2] + vsad[3];
    *sum = vsum;
}
#endif

/* Codec-like fixed point on 16-byte rows a, b: SAD (UABDL, UABAL2, UADALP); a Q15 rounding
 * multiply of the residual a - b (SQRDMULH) added to the prediction and narrowed with
 * rounding and unsigned saturation (SQRSHRUN); nibble packing (SLI); a saturating doubling
 * long multiply (SQDMULL) narrowed with saturation (SQRSHRN); leading zeros (CLZ) and a
 * rounding high-half add (RADDHN). */
static uint64_t k_codec(void)
{
    fill(5);
    static uint8_t out[BUF];
    uint64_t h = 0;
    for (int rep = 0; rep < 200; rep++) {
        uint32_t sad, sum;
        codec_pass((int16_t)(23170 - 997 * rep), &sad, &sum, out);
        h = h * 131 + sad + (uint64_t)sum * 7 + out[(rep * 40961) % BUF];
        buf[(rep * 7919) % BUF] ^= (uint8_t)h;
    }
    return h;
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        uint64_t (*fn)(void);
    } k[] = {
        {"string", k_string}, {"reduce", k_reduce}, {"checksum", k_checksum}, {"codec", k_codec}};
    for (size_t i = 0; i < sizeof(k) / sizeof(k[0]); i++)
        if (argc < 2 || strcmp(argv[1], k[i].name) == 0)
            printf("%s %016llx\n", k[i].name, (unsigned long long)k[i].fn());
    return 0;
}
