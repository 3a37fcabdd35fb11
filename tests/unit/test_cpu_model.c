/*
 * Unit tests for frontends/aarch64/cpu_model.c and helper_crypto.c: the
 * model table (names, HWCAPs, ID registers, cpuinfo text), and the crypto
 * helpers' portable C paths against known answers and against the host's
 * AES-NI / PCLMULQDQ paths on random inputs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontends/aarch64/cpu_model.h"
#include "frontends/aarch64/helper_crypto.h"

static void test_model_names(void **state)
{
    assert_string_equal(a64_cpu_model_find(NULL)->name, "max");
    int count = 0;
    for (const char *const *n = a64_cpu_model_names; *n; n++, count++) {
        const A64CpuModel *m = a64_cpu_model_find(*n);
        assert_non_null(m);
        assert_string_equal(m->name, *n);
    }
    assert_int_equal(count, 8); /* every model is listed once */
    assert_null(a64_cpu_model_find("cortex-a99"));
    assert_string_equal(a64_cpu_model_find("cortex-a72,sve=off")->name, "cortex-a72");
    assert_null(a64_cpu_model_find("cortex-a7"));
    assert_null(a64_cpu_model_find(""));
}

static void test_hwcap(void **state)
{
    const A64CpuModel *a53 = a64_cpu_model_find("cortex-a53");
    const A64CpuModel *max = a64_cpu_model_find("max");
    uint64_t h53 = a64_model_hwcap(a53, 1), hmax = a64_model_hwcap(max, 1);
    /* fp asimd aes pmull sha1 sha2 crc32 cpuid */
    assert_int_equal(h53, 0x8fb);
    assert_true((hmax & h53) == h53);
    assert_true(hmax & (1u << 17 | 1u << 21)); /* sha3 sha512 */
    assert_false(hmax & (1u << 22));           /* no SVE */
    assert_false(hmax & (3u << 30));           /* no PAuth */
    assert_int_equal(a64_model_hwcap(a53, 2), 0);
    /* max: fp asimd aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm jscvt fcma
     * lrcpc dcpop sha3 sm3 sm4 asimddp sha512 asimdfhm dit ilrcpc flagm ssbs sb; dcpodp flagm2
     * frint i8mm bf16 rng */
    assert_int_equal(hmax, 0x3dbffffb);
    assert_int_equal(a64_model_hwcap(max, 2), 0x16181);
    /* cortex-a76: ... atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp ssbs */
    assert_int_equal(a64_model_hwcap(a64_cpu_model_find("cortex-a76"), 1), 0x10119ffb);
    assert_true(a64_cpu_model_find("neoverse-n1")->features & A64_F(LSE));
    assert_false(a53->features & A64_F(LSE));
}

static void test_id_regs(void **state)
{
    bool known;
    const A64CpuModel *a53 = a64_cpu_model_find("cortex-a53");
    const A64CpuModel *max = a64_cpu_model_find("max");
    assert_int_equal(a64_model_id_reg(a53, 0, 0, 0, 0, &known), 0x410fd034);
    assert_true(known);
    assert_int_equal(a64_model_id_reg(a64_cpu_model_find("cortex-a72"), 0, 0, 0, 0, &known),
                     0x410fd083);
    /* ISAR0: AES = 2, SHA1 = 1, SHA2 = 1, CRC32 = 1 */
    assert_int_equal(a64_model_id_reg(a53, 0, 0, 6, 0, &known), 0x11120);
    uint64_t isar0 = a64_model_id_reg(max, 0, 0, 6, 0, &known);
    assert_int_equal(isar0 >> 12 & 15, 2);                                           /* SHA512 */
    assert_int_equal(isar0 >> 32 & 15, 1);                                           /* SHA3 */
    assert_int_equal(isar0 >> 20 & 15, 2);                                           /* LSE */
    assert_int_equal(a64_model_id_reg(max, 0, 0, 4, 0, &known) & 0xf00000000ull, 0); /* SVE */
    assert_int_equal(a64_model_id_reg(max, 0, 0, 4, 4, &known), 0);                  /* ZFR0 */
    assert_true(known);
    a64_model_id_reg(max, 3, 2, 9, 0, &known);
    assert_false(known);
}

static void test_cpuinfo(void **state)
{
    char buf[4096] = {0};
    FILE *f = fmemopen(buf, sizeof(buf) - 1, "w");
    a64_model_cpuinfo(a64_cpu_model_find("cortex-a72"), 2, f);
    fclose(f);
    assert_non_null(strstr(buf, "Features\t: fp asimd aes pmull sha1 sha2 crc32 cpuid\n"));
    assert_non_null(strstr(buf, "CPU part\t: 0xd08\n"));
    assert_non_null(strstr(buf, "CPU implementer\t: 0x41\n"));
    assert_non_null(strstr(buf, "processor\t: 1\n"));
}

/* FIPS-197 appendix B, round 1: start of round, after SubBytes+ShiftRows, after MixColumns. */
static void test_aes_known(void **state)
{
    static const uint8_t in[16] = {0x19, 0x3d, 0xe3, 0xbe, 0xa0, 0xf4, 0xe2, 0x2b,
                                   0x9a, 0xc6, 0x8d, 0x2a, 0xe9, 0xf8, 0x48, 0x08};
    static const uint8_t sr[16] = {0xd4, 0xbf, 0x5d, 0x30, 0xe0, 0xb4, 0x52, 0xae,
                                   0xb8, 0x41, 0x11, 0xf1, 0x1e, 0x27, 0x98, 0xe5};
    static const uint8_t mc[16] = {0x04, 0x66, 0x81, 0xe5, 0xe0, 0xcb, 0x19, 0x9a,
                                   0x48, 0xf8, 0xd3, 0x7a, 0x28, 0x06, 0x26, 0x4c};
    uint64_t x[2], zero[2] = {0, 0}, r[2], back[2];
    memcpy(x, in, 16);
    a64_aes(A64_AESE, r, zero, x, false);
    assert_memory_equal(r, sr, 16);
    a64_aes(A64_AESD, back, zero, r, false);
    assert_memory_equal(back, in, 16);
    uint64_t s[2];
    memcpy(s, sr, 16);
    a64_aes(A64_AESMC, r, zero, s, false);
    assert_memory_equal(r, mc, 16);
    a64_aes(A64_AESIMC, back, zero, r, false);
    assert_memory_equal(back, sr, 16);
    a64_aes(A64_AESE_MC, r, zero, x, false); /* SubBytes, ShiftRows, MixColumns in one */
    assert_memory_equal(r, mc, 16);
    a64_aes(A64_AESD_IMC, back, zero, x, false);
    a64_aes(A64_AESD, s, zero, x, false);
    a64_aes(A64_AESIMC, r, zero, s, false);
    assert_memory_equal(back, r, 16);
}

static uint64_t lcg(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return *s ^ *s >> 31;
}

static void test_aes_host_matches_c(void **state)
{
    if (!a64_crypto_host_aes())
        skip();
    uint64_t seed = 1;
    for (int i = 0; i < 2000; i++) {
        uint64_t d[2] = {lcg(&seed), lcg(&seed)}, n[2] = {lcg(&seed), lcg(&seed)}, a[2], b[2];
        A64AesOp op = (A64AesOp)(A64_AESE + i % 6); /* the four and the two fused pairs */
        a64_aes(op, a, d, n, false);
        a64_aes(op, b, d, n, true);
        assert_memory_equal(a, b, 16);
    }
}

static void test_clmul(void **state)
{
    uint64_t r[2];
    a64_clmul64(r, 3, 3, false); /* (x + 1)^2 = x^2 + 1 */
    assert_int_equal(r[0], 5);
    assert_int_equal(r[1], 0);
    a64_clmul64(r, 1ull << 63, 1ull << 63, false);
    assert_int_equal(r[0], 0);
    assert_int_equal(r[1], 1ull << 62);
    if (!a64_crypto_host_pmull())
        return;
    uint64_t seed = 7;
    for (int i = 0; i < 2000; i++) {
        uint64_t a = lcg(&seed), b = lcg(&seed), x[2], y[2];
        a64_clmul64(x, a, b, false);
        a64_clmul64(y, a, b, true);
        assert_memory_equal(x, y, 16);
    }
}

/* FIPS 180-2 appendix B.1 ("abc"): rounds t = 0..3 from the initial hash value. */
static void test_sha256_rounds(void **state)
{
    static const uint32_t abcd[4] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a};
    static const uint32_t efgh[4] = {0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    /* W0..W3 of "abc" plus K0..K3 */
    static const uint32_t wk[4] = {0x61626380u + 0x428a2f98u, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5};
    static const uint32_t want_abcd[4] = {0xd550f666, 0xc8c347a7, 0x5a6ad9ad, 0x5d6aebcd};
    static const uint32_t want_efgh[4] = {0x24e00850, 0xf92939eb, 0x78ce7989, 0xfa2a4622};
    for (int host = 0; host <= a64_crypto_host_sha256(); host++) {
        uint32_t a[4], e[4];
        a64_sha256_rounds(a, e, abcd, efgh, wk, host);
        assert_memory_equal(a, want_abcd, 16);
        assert_memory_equal(e, want_efgh, 16);
    }
    if (!a64_crypto_host_sha256())
        return;
    uint64_t seed = 3;
    for (int i = 0; i < 2000; i++) {
        uint32_t x[12], ca[4], ce[4], ha[4], he[4];
        for (int k = 0; k < 12; k++)
            x[k] = (uint32_t)lcg(&seed);
        a64_sha256_rounds(ca, ce, x, x + 4, x + 8, false);
        a64_sha256_rounds(ha, he, x, x + 4, x + 8, true);
        assert_memory_equal(ca, ha, 16);
        assert_memory_equal(ce, he, 16);
    }
}

/* FIPS 180-2 appendix A.1 ("abc"): rounds t = 0..3 from the initial hash value; then the
 * host's SHA1RNDS4 against the C rounds for the three functions. */
static void test_sha1_rounds(void **state)
{
    static const uint32_t want[4] = {0xcdd8e11b, 0xa1390f08, 0x626414db, 0xc045bf0c};
    uint32_t wk[4] = {0x61626380u + 0x5a827999u, 0x5a827999, 0x5a827999, 0x5a827999};
    for (int host = 0; host <= a64_crypto_host_sha256(); host++) {
        uint32_t abcd[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
        a64_sha1_rounds(abcd, 0xc3d2e1f0, wk, 0, host);
        assert_memory_equal(abcd, want, 16);
    }
    if (!a64_crypto_host_sha256())
        return;
    uint64_t seed = 5;
    for (int i = 0; i < 3000; i++) {
        uint32_t x[9], c[4], h[4];
        for (int k = 0; k < 9; k++)
            x[k] = (uint32_t)lcg(&seed);
        memcpy(c, x, 16);
        memcpy(h, x, 16);
        a64_sha1_rounds(c, x[4], x + 5, i % 3, false);
        a64_sha1_rounds(h, x[4], x + 5, i % 3, true);
        assert_memory_equal(c, h, 16);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model_names), cmocka_unit_test(test_hwcap),
        cmocka_unit_test(test_id_regs),     cmocka_unit_test(test_cpuinfo),
        cmocka_unit_test(test_aes_known),   cmocka_unit_test(test_aes_host_matches_c),
        cmocka_unit_test(test_clmul),       cmocka_unit_test(test_sha256_rounds),
        cmocka_unit_test(test_sha1_rounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
