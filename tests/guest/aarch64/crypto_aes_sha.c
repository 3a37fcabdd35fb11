// cflags: -march=armv8.2-a+crypto+sha3
/* AES (FIPS-197 C.1 vector, both directions), SHA-1, SHA-256 and SHA-512 of
 * known strings through the Armv8 crypto intrinsics, and the SHA3 logic
 * instructions (EOR3, BCAX, RAX1, XAR) on fixed patterns. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static void hex(const char *name, const uint8_t *p, int n)
{
    printf("%s ", name);
    for (int i = 0; i < n; i++)
        printf("%02x", p[i]);
    printf("\n");
}

/* ---- AES-128 ---- */

static const uint8_t sbox_row0[16] = {0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5,
                                      0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76};

/* SubWord through AESE with a zero key: ShiftRows does not move bytes of a replicated word. */
static uint32_t sub_word(uint32_t w)
{
    uint8x16_t v = vreinterpretq_u8_u32(vdupq_n_u32(w));
    v = vaeseq_u8(v, vdupq_n_u8(0));
    return vgetq_lane_u32(vreinterpretq_u32_u8(v), 0);
}

static void aes128_expand(const uint8_t key[16], uint8x16_t rk[11])
{
    uint32_t w[44];
    static const uint8_t rcon[10] = {1, 2, 4, 8, 16, 32, 64, 128, 0x1b, 0x36};
    memcpy(w, key, 16);
    for (int i = 4; i < 44; i++) {
        uint32_t t = w[i - 1];
        if (i % 4 == 0)
            t = sub_word(t >> 8 | t << 24) ^ rcon[i / 4 - 1];
        w[i] = w[i - 4] ^ t;
    }
    for (int i = 0; i < 11; i++)
        rk[i] = vld1q_u8((const uint8_t *)&w[4 * i]);
}

static void test_aes(void)
{
    uint8_t key[16], pt[16], out[16];
    for (int i = 0; i < 16; i++) {
        key[i] = i;
        pt[i] = i * 0x11;
    }
    uint8x16_t rk[11];
    aes128_expand(key, rk);
    uint8x16_t s = vld1q_u8(pt);
    for (int r = 0; r < 9; r++)
        s = vaesmcq_u8(vaeseq_u8(s, rk[r]));
    s = veorq_u8(vaeseq_u8(s, rk[9]), rk[10]);
    vst1q_u8(out, s);
    hex("aes128 enc", out, 16);
    /* equivalent inverse cipher: round keys 1..9 through InvMixColumns */
    s = vaesdq_u8(s, rk[10]);
    for (int r = 9; r > 0; r--)
        s = vaesdq_u8(vaesimcq_u8(s), vaesimcq_u8(rk[r]));
    s = veorq_u8(s, rk[0]);
    vst1q_u8(out, s);
    hex("aes128 dec", out, 16);
    uint8_t row[16];
    for (int i = 0; i < 16; i++) {
        uint8x16_t v = vaeseq_u8(vdupq_n_u8(i), vdupq_n_u8(0));
        row[i] = vgetq_lane_u8(v, 0);
    }
    printf("sbox row 0 %s\n", memcmp(row, sbox_row0, 16) ? "wrong" : "ok");
    uint8_t pat[16];
    for (int i = 0; i < 16; i++)
        pat[i] = i * 37 + 11;
    vst1q_u8(out, vaesmcq_u8(vld1q_u8(pat)));
    hex("aesmc", out, 16);
    vst1q_u8(out, vaesimcq_u8(vld1q_u8(pat)));
    hex("aesimc", out, 16);
    vst1q_u8(out, vaesdq_u8(vld1q_u8(pat), vld1q_u8(key)));
    hex("aesd", out, 16);
}

/* ---- padding shared by the hashes (big-endian length at the end of the last block) ---- */

static int pad(const char *msg, uint8_t *buf, int block)
{
    int n = (int)strlen(msg), lenbytes = block / 8, total = (n + 1 + lenbytes + block - 1) / block;
    memset(buf, 0, total * block);
    memcpy(buf, msg, n);
    buf[n] = 0x80;
    uint64_t bits = (uint64_t)n * 8;
    for (int i = 0; i < 8; i++)
        buf[total * block - 1 - i] = (uint8_t)(bits >> (8 * i));
    return total;
}

static uint32x4_t load_be32(const uint8_t *p)
{
    return vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(p)));
}

/* ---- SHA-1 ---- */

static void sha1(const char *msg)
{
    uint8_t buf[256];
    int nb = pad(msg, buf, 64);
    uint32_t h[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
    static const uint32_t k[4] = {0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6};
    for (int b = 0; b < nb; b++) {
        uint32x4_t abcd = vld1q_u32(h), abcd0 = abcd, w[4];
        uint32_t e = h[4], e0 = e;
        for (int i = 0; i < 4; i++)
            w[i] = load_be32(buf + 64 * b + 16 * i);
        for (int r = 0; r < 20; r++) {
            uint32x4_t wk = vaddq_u32(w[r % 4], vdupq_n_u32(k[r / 5]));
            uint32_t enext = vsha1h_u32(vgetq_lane_u32(abcd, 0));
            if (r < 5)
                abcd = vsha1cq_u32(abcd, e, wk);
            else if (r < 10 || r >= 15)
                abcd = vsha1pq_u32(abcd, e, wk);
            else
                abcd = vsha1mq_u32(abcd, e, wk);
            e = enext;
            w[r % 4] = vsha1su1q_u32(vsha1su0q_u32(w[r % 4], w[(r + 1) % 4], w[(r + 2) % 4]),
                                     w[(r + 3) % 4]);
        }
        vst1q_u32(h, vaddq_u32(abcd, abcd0));
        h[4] = e + e0;
    }
    uint8_t out[20];
    for (int i = 0; i < 20; i++)
        out[i] = (uint8_t)(h[i / 4] >> (24 - 8 * (i % 4)));
    printf("sha1(\"%s\") ", msg);
    hex("=", out, 20);
}

/* ---- SHA-256 ---- */

static const uint32_t k256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static void sha256(const char *msg)
{
    uint8_t buf[256];
    int nb = pad(msg, buf, 64);
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    for (int b = 0; b < nb; b++) {
        uint32x4_t s0 = vld1q_u32(h), s1 = vld1q_u32(h + 4), w[4];
        uint32x4_t s0_in = s0, s1_in = s1;
        for (int i = 0; i < 4; i++)
            w[i] = load_be32(buf + 64 * b + 16 * i);
        for (int r = 0; r < 16; r++) {
            uint32x4_t wk = vaddq_u32(w[r % 4], vld1q_u32(k256 + 4 * r));
            uint32x4_t t = s0;
            s0 = vsha256hq_u32(s0, s1, wk);
            s1 = vsha256h2q_u32(s1, t, wk);
            w[r % 4] = vsha256su1q_u32(vsha256su0q_u32(w[r % 4], w[(r + 1) % 4]), w[(r + 2) % 4],
                                       w[(r + 3) % 4]);
        }
        vst1q_u32(h, vaddq_u32(s0, s0_in));
        vst1q_u32(h + 4, vaddq_u32(s1, s1_in));
    }
    uint8_t out[32];
    for (int i = 0; i < 32; i++)
        out[i] = (uint8_t)(h[i / 4] >> (24 - 8 * (i % 4)));
    printf("sha256(\"%s\") ", msg);
    hex("=", out, 32);
}

/* ---- SHA-512: two rounds per step, state pairs (ab, cd, ef, gh) and a spare ---- */

static const uint64_t k512[80] = {
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
    0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
    0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
    0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
    0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
    0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
    0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
    0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
    0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
    0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
    0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817};

static void sha512(const char *msg)
{
    uint8_t buf[512];
    int nb = pad(msg, buf, 128);
    uint64_t h[8] = {0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b,
                     0xa54ff53a5f1d36f1, 0x510e527fade682d1, 0x9b05688c2b3e6c1f,
                     0x1f83d9abfb41bd6b, 0x5be0cd19137e2179};
    for (int b = 0; b < nb; b++) {
        uint64x2_t st[5], w[8];
        for (int i = 0; i < 4; i++)
            st[i] = vld1q_u64(h + 2 * i);
        for (int i = 0; i < 8; i++)
            w[i] = vreinterpretq_u64_u8(vrev64q_u8(vld1q_u8(buf + 128 * b + 16 * i)));
        int i0 = 0, i1 = 1, i2 = 2, i3 = 3, i4 = 4;
        for (int r = 0; r < 40; r++) {
            uint64x2_t wk = vaddq_u64(vld1q_u64(k512 + 2 * r), w[r % 8]);
            uint64x2_t fg = vextq_u64(st[i2], st[i3], 1), de = vextq_u64(st[i1], st[i2], 1);
            st[i3] = vaddq_u64(st[i3], vextq_u64(wk, wk, 1));
            if (r < 32) {
                uint64x2_t x = vextq_u64(w[(r + 4) % 8], w[(r + 5) % 8], 1);
                w[r % 8] =
                    vsha512su1q_u64(vsha512su0q_u64(w[r % 8], w[(r + 1) % 8]), w[(r + 7) % 8], x);
            }
            st[i3] = vsha512hq_u64(st[i3], fg, de);
            st[i4] = vaddq_u64(st[i1], st[i3]);
            st[i3] = vsha512h2q_u64(st[i3], st[i1], st[i0]);
            int n0 = i3, n1 = i0, n2 = i4, n3 = i2, n4 = i1;
            i0 = n0, i1 = n1, i2 = n2, i3 = n3, i4 = n4;
        }
        for (int i = 0; i < 4; i++)
            vst1q_u64(h + 2 * i, vaddq_u64(vld1q_u64(h + 2 * i), st[i]));
    }
    uint8_t out[64];
    for (int i = 0; i < 64; i++)
        out[i] = (uint8_t)(h[i / 8] >> (56 - 8 * (i % 8)));
    printf("sha512(\"%s\") ", msg);
    hex("=", out, 64);
}

static void test_sha3(void)
{
    uint64x2_t a = {0x0123456789abcdefull, 0xfedcba9876543210ull};
    uint64x2_t b = {0xf0f0f0f00f0f0f0full, 0x8000000000000001ull};
    uint64x2_t c = {0x5555aaaa3333ccccull, 0x1234123412341234ull};
    uint64x2_t r[5] = {veor3q_u64(a, b, c), vbcaxq_u64(a, b, c), vrax1q_u64(a, b),
                       vxarq_u64(a, b, 17), vxarq_u64(a, c, 63)};
    for (int i = 0; i < 5; i++)
        printf("sha3 op %d: %016llx %016llx\n", i, (unsigned long long)vgetq_lane_u64(r[i], 1),
               (unsigned long long)vgetq_lane_u64(r[i], 0));
}

/* AESE + AESMC pairs (which ferry translates as one operation): in place, into another
 * register, and with a branch into the middle of the pair. */
static void test_aes_pairs(void)
{
    uint8_t in[32], out[48];
    for (int i = 0; i < 32; i++)
        in[i] = (uint8_t)(i * 29 + 3);
    for (int skip = 0; skip < 2; skip++) {
        __asm__ volatile("ldp q0, q1, [%1]\n\t"
                         "mov v2.16b, v0.16b\n\t"
                         "cbnz %w2, 1f\n\t"
                         "aese v0.16b, v1.16b\n\t"
                         "1: aesmc v0.16b, v0.16b\n\t"
                         "aesd v2.16b, v1.16b\n\t"
                         "aesimc v3.16b, v2.16b\n\t"
                         "stp q0, q2, [%0]\n\t"
                         "str q3, [%0, #32]"
                         :
                         : "r"(out), "r"(in), "r"(skip)
                         : "v0", "v1", "v2", "v3", "memory");
        hex(skip ? "aesmc only" : "aese+aesmc", out, 16);
        hex("aesd", out + 16, 16);
        hex("aesimc other", out + 32, 16);
    }
}

int main(void)
{
    test_aes();
    test_aes_pairs();
    const char *msgs[] = {"", "abc", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"};
    for (int i = 0; i < 3; i++) {
        sha1(msgs[i]);
        sha256(msgs[i]);
        sha512(msgs[i]);
    }
    test_sha3();
    return 0;
}
