// cflags: -march=armv8-a+crypto+crc
/* Polynomial multiplication (PMULL/PMULL2, 8- and 64-bit), a GHASH block
 * multiply built from it (GCM test case 2's GHASH) and the CRC32 intrinsics. */
#include <arm_acle.h>
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t lcg = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
    lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
    return lcg ^ (lcg >> 29);
}

static void test_pmull(void)
{
    for (int i = 0; i < 6; i++) {
        poly64_t a = rnd(), b = rnd();
        poly128_t r = vmull_p64(a, b);
        poly64x2_t va = {rnd(), a}, vb = {rnd(), b};
        poly128_t r2 = vmull_high_p64(va, vb);
        printf("pmull %016llx*%016llx = %016llx%016llx %s\n", (unsigned long long)a,
               (unsigned long long)b, (unsigned long long)(r >> 64), (unsigned long long)r,
               r == r2 ? "(pmull2 same)" : "(pmull2 differs)");
    }
    poly8x8_t x = vcreate_p8(rnd()), y = vcreate_p8(rnd());
    poly16x8_t p = vmull_p8(x, y);
    uint64x2_t pv = vreinterpretq_u64_p16(p);
    printf("pmull.8h %016llx %016llx\n", (unsigned long long)vgetq_lane_u64(pv, 1),
           (unsigned long long)vgetq_lane_u64(pv, 0));
}

/* GF(2^128) multiply of GCM (bit-reflected), Karatsuba + reduction, all with PMULL. */
static uint8x16_t gf128_mul(uint8x16_t a, uint8x16_t b)
{
    a = vrbitq_u8(a);
    b = vrbitq_u8(b);
    poly64x2_t pa = vreinterpretq_p64_u8(a), pb = vreinterpretq_p64_u8(b);
    poly128_t lo = vmull_p64(vgetq_lane_p64(pa, 0), vgetq_lane_p64(pb, 0));
    poly128_t hi = vmull_high_p64(pa, pb);
    poly128_t mid = vmull_p64(vgetq_lane_p64(pa, 0) ^ vgetq_lane_p64(pa, 1),
                              vgetq_lane_p64(pb, 0) ^ vgetq_lane_p64(pb, 1));
    mid ^= lo ^ hi;
    unsigned __int128 l = (unsigned __int128)lo ^ ((unsigned __int128)mid << 64);
    unsigned __int128 h = (unsigned __int128)hi ^ ((unsigned __int128)mid >> 64);
    /* reduce modulo x^128 + x^7 + x^2 + x + 1, x^128 = 0x87: the high half in two folds */
    poly128_t f = vmull_p64((uint64_t)(h >> 64), 0x87);
    l ^= (unsigned __int128)f << 64;
    l ^= (unsigned __int128)vmull_p64((uint64_t)((unsigned __int128)f >> 64), 0x87);
    l ^= (unsigned __int128)vmull_p64((uint64_t)h, 0x87);
    uint8x16_t r;
    memcpy(&r, &l, 16);
    return vrbitq_u8(r);
}

static void test_ghash(void)
{
    /* GCM test case 2: H = AES_0(0) = 66e94bd4ef8a2c3b884cfa59ca342b2e,
     * C = 0388dace60b6a392f328c2b971b2fe78, GHASH(H, {}, C) = f38cbb1ad69223dcc3457ae5b6b0f885 */
    static const uint8_t h[16] = {0x66, 0xe9, 0x4b, 0xd4, 0xef, 0x8a, 0x2c, 0x3b,
                                  0x88, 0x4c, 0xfa, 0x59, 0xca, 0x34, 0x2b, 0x2e};
    static const uint8_t c[16] = {0x03, 0x88, 0xda, 0xce, 0x60, 0xb6, 0xa3, 0x92,
                                  0xf3, 0x28, 0xc2, 0xb9, 0x71, 0xb2, 0xfe, 0x78};
    uint8_t len[16] = {0};
    len[15] = 0x80; /* 128 bits of ciphertext */
    uint8x16_t hv = vld1q_u8(h), x = vdupq_n_u8(0);
    x = gf128_mul(veorq_u8(x, vld1q_u8(c)), hv);
    x = gf128_mul(veorq_u8(x, vld1q_u8(len)), hv);
    uint8_t out[16];
    vst1q_u8(out, x);
    printf("ghash ");
    for (int i = 0; i < 16; i++)
        printf("%02x", out[i]);
    printf("\n");
}

static void test_crc(void)
{
    const char *s = "The quick brown fox jumps over the lazy dog";
    uint32_t a = ~0u, b = ~0u;
    for (const char *p = s; *p; p++) {
        a = __crc32b(a, (uint8_t)*p);
        b = __crc32cb(b, (uint8_t)*p);
    }
    printf("crc32 %08x crc32c %08x\n", ~a, ~b);
    uint64_t w = 0x0123456789abcdefull;
    printf("crc32h %08x crc32w %08x crc32d %08x crc32cd %08x\n", __crc32h(1, (uint16_t)w),
           __crc32w(2, (uint32_t)w), __crc32d(3, w), __crc32cd(4, w));
}

int main(void)
{
    test_pmull();
    test_ghash();
    test_crc();
    return 0;
}
