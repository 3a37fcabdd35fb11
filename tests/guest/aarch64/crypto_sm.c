// cflags: -march=armv8.4-a+sm4
/* SM4 (FEAT_SM4): the GB/T 32907-2016 example (key = plaintext =
 * 0123456789abcdeffedcba9876543210 -> 681edf34d206965e86b3e94f536e4246)
 * with SM4EKEY and SM4E, and the SM3 instructions (FEAT_SM3: SM3SS1,
 * SM3TT1A/1B/2A/2B with every index, SM3PARTW1/2) on pseudo-random words. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t lcg = 77;

static uint32x4_t rnd(void)
{
    uint32_t w[4];
    for (int i = 0; i < 4; i++) {
        lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
        w[i] = (uint32_t)(lcg >> 32);
    }
    return vld1q_u32(w);
}

static void show(const char *name, uint32x4_t v)
{
    printf("%-10s %08x %08x %08x %08x\n", name, vgetq_lane_u32(v, 0), vgetq_lane_u32(v, 1),
           vgetq_lane_u32(v, 2), vgetq_lane_u32(v, 3));
}

/* Big-endian words of 16 bytes, word 0 first (SM4's word order). */
static uint32x4_t load_be(const uint8_t *p)
{
    return vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(p)));
}

static void test_sm4(void)
{
    static const uint8_t key[16] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
                                    0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10};
    static const uint32_t fk[4] = {0xa3b1bac6, 0x56aa3350, 0x677d9197, 0xb27022dc};
    uint32_t ck[32];
    for (int i = 0; i < 32; i++)
        for (int j = 0; j < 4; j++)
            ck[i] = ck[i] << 8 | (uint8_t)((4 * i + j) * 7);
    uint32x4_t k = veorq_u32(load_be(key), vld1q_u32(fk)), rk[8];
    for (int i = 0; i < 8; i++)
        k = rk[i] = vsm4ekeyq_u32(k, vld1q_u32(ck + 4 * i));
    uint32x4_t x = load_be(key);
    for (int i = 0; i < 8; i++)
        x = vsm4eq_u32(x, rk[i]);
    /* output: the last four words in reverse order, big-endian */
    uint32x4_t r = vcombine_u32(vrev64_u32(vget_high_u32(x)), vrev64_u32(vget_low_u32(x)));
    uint8_t out[16];
    vst1q_u8(out, vrev32q_u8(vreinterpretq_u8_u32(r)));
    printf("sm4 ");
    for (int i = 0; i < 16; i++)
        printf("%02x", out[i]);
    printf("\n");
    show("rk[0]", rk[0]);
    show("rk[7]", rk[7]);
}

static void test_sm3(void)
{
    for (int round = 0; round < 3; round++) {
        uint32x4_t a = rnd(), b = rnd(), c = rnd();
        show("ss1", vsm3ss1q_u32(a, b, c));
        show("tt1a[0]", vsm3tt1aq_u32(a, b, c, 0));
        show("tt1a[3]", vsm3tt1aq_u32(a, b, c, 3));
        show("tt1b[1]", vsm3tt1bq_u32(a, b, c, 1));
        show("tt2a[2]", vsm3tt2aq_u32(a, b, c, 2));
        show("tt2b[3]", vsm3tt2bq_u32(a, b, c, 3));
        show("tt2b[0]", vsm3tt2bq_u32(c, a, b, 0));
        show("partw1", vsm3partw1q_u32(a, b, c));
        show("partw2", vsm3partw2q_u32(a, b, c));
        show("sm4e", vsm4eq_u32(a, b));
        show("sm4ekey", vsm4ekeyq_u32(a, b));
    }
}

int main(void)
{
    test_sm4();
    test_sm3();
    return 0;
}
