/*
 * The AArch64 cryptographic instructions as C helpers (contracts in
 * helper_crypto.h).  Semantics follow the Arm ARM pseudocode (AESSubBytes,
 * AESShiftRows, AESMixColumns, SHA256hash, SHAchoose...).  The AES state is
 * FIPS-197's column-major byte order, which is also the byte order of a V
 * register and of an XMM register, so AES-NI applies directly:
 *   AESE = AESENCLAST(d ^ n, 0),  AESD = AESDECLAST(d ^ n, 0),
 *   AESMC = AESENC(AESDECLAST(n, 0), 0),  AESIMC = AESIMC(n).
 * SHA1C/P/M and SHA256H/H2 use SHA1RNDS4 / SHA256RNDS2 when the host has
 * the SHA extensions (the message schedule instructions stay in C).
 */
#include "frontends/aarch64/helper_crypto.h"

#include <immintrin.h>
#include <stdlib.h>
#include <string.h>

#include "frontends/aarch64/cpu.h"
#include "frontends/aarch64/helper_simd.h"

/* ---- host feature selection ---- */

static bool host_crypto_allowed(void)
{
    const char *e = getenv("FERRY_NO_HOST_CRYPTO");
    return !e || !*e || !strcmp(e, "0");
}

/* *cache: -1 unknown, else the answer (threads that race compute the same value). */
static bool host_has(int *cache, bool (*probe)(void))
{
    int v = __atomic_load_n(cache, __ATOMIC_RELAXED);
    if (v < 0) {
        v = probe() && host_crypto_allowed();
        __atomic_store_n(cache, v, __ATOMIC_RELAXED);
    }
    return v;
}

static bool probe_aes(void)
{
    return __builtin_cpu_supports("aes") && __builtin_cpu_supports("sse2");
}

static bool probe_pclmul(void)
{
    return __builtin_cpu_supports("pclmul");
}

static bool probe_sha(void)
{
    return __builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1");
}

bool a64_crypto_host_sha256(void)
{
    static int have = -1;
    return host_has(&have, probe_sha);
}

bool a64_crypto_host_aes(void)
{
    static int have = -1;
    return host_has(&have, probe_aes);
}

bool a64_crypto_host_pmull(void)
{
    static int have = -1;
    return host_has(&have, probe_pclmul);
}

/* ---- AES ---- */

static const uint8_t aes_sbox[256] = {
    0x63, 0x7c, 0x77, 0x7b, 0xf2, 0x6b, 0x6f, 0xc5, 0x30, 0x01, 0x67, 0x2b, 0xfe, 0xd7, 0xab, 0x76,
    0xca, 0x82, 0xc9, 0x7d, 0xfa, 0x59, 0x47, 0xf0, 0xad, 0xd4, 0xa2, 0xaf, 0x9c, 0xa4, 0x72, 0xc0,
    0xb7, 0xfd, 0x93, 0x26, 0x36, 0x3f, 0xf7, 0xcc, 0x34, 0xa5, 0xe5, 0xf1, 0x71, 0xd8, 0x31, 0x15,
    0x04, 0xc7, 0x23, 0xc3, 0x18, 0x96, 0x05, 0x9a, 0x07, 0x12, 0x80, 0xe2, 0xeb, 0x27, 0xb2, 0x75,
    0x09, 0x83, 0x2c, 0x1a, 0x1b, 0x6e, 0x5a, 0xa0, 0x52, 0x3b, 0xd6, 0xb3, 0x29, 0xe3, 0x2f, 0x84,
    0x53, 0xd1, 0x00, 0xed, 0x20, 0xfc, 0xb1, 0x5b, 0x6a, 0xcb, 0xbe, 0x39, 0x4a, 0x4c, 0x58, 0xcf,
    0xd0, 0xef, 0xaa, 0xfb, 0x43, 0x4d, 0x33, 0x85, 0x45, 0xf9, 0x02, 0x7f, 0x50, 0x3c, 0x9f, 0xa8,
    0x51, 0xa3, 0x40, 0x8f, 0x92, 0x9d, 0x38, 0xf5, 0xbc, 0xb6, 0xda, 0x21, 0x10, 0xff, 0xf3, 0xd2,
    0xcd, 0x0c, 0x13, 0xec, 0x5f, 0x97, 0x44, 0x17, 0xc4, 0xa7, 0x7e, 0x3d, 0x64, 0x5d, 0x19, 0x73,
    0x60, 0x81, 0x4f, 0xdc, 0x22, 0x2a, 0x90, 0x88, 0x46, 0xee, 0xb8, 0x14, 0xde, 0x5e, 0x0b, 0xdb,
    0xe0, 0x32, 0x3a, 0x0a, 0x49, 0x06, 0x24, 0x5c, 0xc2, 0xd3, 0xac, 0x62, 0x91, 0x95, 0xe4, 0x79,
    0xe7, 0xc8, 0x37, 0x6d, 0x8d, 0xd5, 0x4e, 0xa9, 0x6c, 0x56, 0xf4, 0xea, 0x65, 0x7a, 0xae, 0x08,
    0xba, 0x78, 0x25, 0x2e, 0x1c, 0xa6, 0xb4, 0xc6, 0xe8, 0xdd, 0x74, 0x1f, 0x4b, 0xbd, 0x8b, 0x8a,
    0x70, 0x3e, 0xb5, 0x66, 0x48, 0x03, 0xf6, 0x0e, 0x61, 0x35, 0x57, 0xb9, 0x86, 0xc1, 0x1d, 0x9e,
    0xe1, 0xf8, 0x98, 0x11, 0x69, 0xd9, 0x8e, 0x94, 0x9b, 0x1e, 0x87, 0xe9, 0xce, 0x55, 0x28, 0xdf,
    0x8c, 0xa1, 0x89, 0x0d, 0xbf, 0xe6, 0x42, 0x68, 0x41, 0x99, 0x2d, 0x0f, 0xb0, 0x54, 0xbb, 0x16,
};

static const uint8_t aes_inv_sbox[256] = {
    0x52, 0x09, 0x6a, 0xd5, 0x30, 0x36, 0xa5, 0x38, 0xbf, 0x40, 0xa3, 0x9e, 0x81, 0xf3, 0xd7, 0xfb,
    0x7c, 0xe3, 0x39, 0x82, 0x9b, 0x2f, 0xff, 0x87, 0x34, 0x8e, 0x43, 0x44, 0xc4, 0xde, 0xe9, 0xcb,
    0x54, 0x7b, 0x94, 0x32, 0xa6, 0xc2, 0x23, 0x3d, 0xee, 0x4c, 0x95, 0x0b, 0x42, 0xfa, 0xc3, 0x4e,
    0x08, 0x2e, 0xa1, 0x66, 0x28, 0xd9, 0x24, 0xb2, 0x76, 0x5b, 0xa2, 0x49, 0x6d, 0x8b, 0xd1, 0x25,
    0x72, 0xf8, 0xf6, 0x64, 0x86, 0x68, 0x98, 0x16, 0xd4, 0xa4, 0x5c, 0xcc, 0x5d, 0x65, 0xb6, 0x92,
    0x6c, 0x70, 0x48, 0x50, 0xfd, 0xed, 0xb9, 0xda, 0x5e, 0x15, 0x46, 0x57, 0xa7, 0x8d, 0x9d, 0x84,
    0x90, 0xd8, 0xab, 0x00, 0x8c, 0xbc, 0xd3, 0x0a, 0xf7, 0xe4, 0x58, 0x05, 0xb8, 0xb3, 0x45, 0x06,
    0xd0, 0x2c, 0x1e, 0x8f, 0xca, 0x3f, 0x0f, 0x02, 0xc1, 0xaf, 0xbd, 0x03, 0x01, 0x13, 0x8a, 0x6b,
    0x3a, 0x91, 0x11, 0x41, 0x4f, 0x67, 0xdc, 0xea, 0x97, 0xf2, 0xcf, 0xce, 0xf0, 0xb4, 0xe6, 0x73,
    0x96, 0xac, 0x74, 0x22, 0xe7, 0xad, 0x35, 0x85, 0xe2, 0xf9, 0x37, 0xe8, 0x1c, 0x75, 0xdf, 0x6e,
    0x47, 0xf1, 0x1a, 0x71, 0x1d, 0x29, 0xc5, 0x89, 0x6f, 0xb7, 0x62, 0x0e, 0xaa, 0x18, 0xbe, 0x1b,
    0xfc, 0x56, 0x3e, 0x4b, 0xc6, 0xd2, 0x79, 0x20, 0x9a, 0xdb, 0xc0, 0xfe, 0x78, 0xcd, 0x5a, 0xf4,
    0x1f, 0xdd, 0xa8, 0x33, 0x88, 0x07, 0xc7, 0x31, 0xb1, 0x12, 0x10, 0x59, 0x27, 0x80, 0xec, 0x5f,
    0x60, 0x51, 0x7f, 0xa9, 0x19, 0xb5, 0x4a, 0x0d, 0x2d, 0xe5, 0x7a, 0x9f, 0x93, 0xc9, 0x9c, 0xef,
    0xa0, 0xe0, 0x3b, 0x4d, 0xae, 0x2a, 0xf5, 0xb0, 0xc8, 0xeb, 0xbb, 0x3c, 0x83, 0x53, 0x99, 0x61,
    0x17, 0x2b, 0x04, 0x7e, 0xba, 0x77, 0xd6, 0x26, 0xe1, 0x69, 0x14, 0x63, 0x55, 0x21, 0x0c, 0x7d,
};

/* Multiplication by x in GF(2^8) modulo the AES polynomial. */
static uint8_t xtime(uint8_t b)
{
    return (uint8_t)(b << 1 ^ (b & 0x80 ? 0x1b : 0));
}

/* MixColumns of one column: with t = a0^a1^a2^a3, ri = ai ^ t ^ xtime(ai ^ a(i+1)). */
static void mix_column(uint8_t *out, const uint8_t *a)
{
    uint8_t t = a[0] ^ a[1] ^ a[2] ^ a[3];
    for (int r = 0; r < 4; r++)
        out[r] = a[r] ^ t ^ xtime(a[r] ^ a[(r + 1) & 3]);
}

/* InvMixColumns = MixColumns after adding xtime^2(a0^a2) to rows 0, 2 and xtime^2(a1^a3) to
 * rows 1, 3 (the {0e,0b,0d,09} matrix is {02,03,01,01} times {05,00,04,00}). */
static void inv_mix_column(uint8_t *out, const uint8_t *a)
{
    uint8_t u = xtime(xtime(a[0] ^ a[2])), v = xtime(xtime(a[1] ^ a[3]));
    uint8_t b[4] = {(uint8_t)(a[0] ^ u), (uint8_t)(a[1] ^ v), (uint8_t)(a[2] ^ u),
                    (uint8_t)(a[3] ^ v)};
    mix_column(out, b);
}

/* Byte r + 4c of the state is row r, column c; ShiftRows moves row r left by r columns. */
static void aes_c(A64AesOp op, uint8_t *out, const uint8_t *x)
{
    for (int c = 0; c < 4; c++) {
        if (op == A64_AESMC || op == A64_AESIMC) {
            (op == A64_AESMC ? mix_column : inv_mix_column)(out + 4 * c, x + 4 * c);
            continue;
        }
        for (int r = 0; r < 4; r++)
            out[r + 4 * c] = op == A64_AESE ? aes_sbox[x[r + 4 * ((c + r) & 3)]]
                                            : aes_inv_sbox[x[r + 4 * ((c - r) & 3)]];
    }
}

__attribute__((target("aes,sse2"))) static void aes_host(A64AesOp op, uint64_t out[2],
                                                         const uint64_t x[2])
{
    __m128i v = _mm_loadu_si128((const __m128i *)x), z = _mm_setzero_si128();
    switch (op) {
    case A64_AESE:
        v = _mm_aesenclast_si128(v, z);
        break;
    case A64_AESD:
        v = _mm_aesdeclast_si128(v, z);
        break;
    case A64_AESMC:
        v = _mm_aesenc_si128(_mm_aesdeclast_si128(v, z), z);
        break;
    case A64_AESE_MC:
        v = _mm_aesenc_si128(v, z);
        break;
    case A64_AESD_IMC:
        v = _mm_aesdec_si128(v, z);
        break;
    default:
        v = _mm_aesimc_si128(v);
        break;
    }
    _mm_storeu_si128((__m128i *)out, v);
}

void a64_aes(A64AesOp op, uint64_t out[2], const uint64_t d[2], const uint64_t n[2], bool host)
{
    uint64_t x[2] = {n[0], n[1]};
    if (op != A64_AESMC && op != A64_AESIMC) {
        x[0] ^= d[0];
        x[1] ^= d[1];
    }
    if (host) {
        aes_host(op, out, x);
    } else if (op == A64_AESE_MC || op == A64_AESD_IMC) {
        uint8_t t[16], r[16];
        aes_c(op == A64_AESE_MC ? A64_AESE : A64_AESD, t, (const uint8_t *)x);
        aes_c(op == A64_AESE_MC ? A64_AESMC : A64_AESIMC, r, t);
        memcpy(out, r, 16);
    } else {
        uint8_t r[16];
        aes_c(op, r, (const uint8_t *)x);
        memcpy(out, r, 16);
    }
}

uint64_t helper_crypto_aes(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t r[2];
    a64_aes((A64AesOp)d.opc, r, cpu->v[d.rd], cpu->v[d.rn], a64_crypto_host_aes());
    cpu->v[d.rd][0] = r[0];
    cpu->v[d.rd][1] = r[1];
    return 0;
}

/* ---- PMULL (64-bit) ---- */

__attribute__((target("pclmul,sse2"))) static void clmul_host(uint64_t out[2], uint64_t a,
                                                              uint64_t b)
{
    __m128i r =
        _mm_clmulepi64_si128(_mm_cvtsi64_si128((long long)a), _mm_cvtsi64_si128((long long)b), 0);
    _mm_storeu_si128((__m128i *)out, r);
}

void a64_clmul64(uint64_t out[2], uint64_t a, uint64_t b, bool host)
{
    if (host) {
        clmul_host(out, a, b);
        return;
    }
    uint64_t lo = 0, hi = 0;
    for (int i = 0; i < 64; i++)
        if (b >> i & 1) {
            lo ^= a << i;
            hi ^= i ? a >> (64 - i) : 0;
        }
    out[0] = lo;
    out[1] = hi;
}

uint64_t helper_crypto_pmull64(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t r[2];
    a64_clmul64(r, cpu->v[d.rn][d.q], cpu->v[d.rm][d.q], a64_crypto_host_pmull());
    cpu->v[d.rd][0] = r[0];
    cpu->v[d.rd][1] = r[1];
    return 0;
}

/* ---- SHA-1 and SHA-256 ---- */

static uint32_t rol32(uint32_t x, int n)
{
    return x << n | x >> (32 - n);
}

static uint32_t ror32(uint32_t x, int n)
{
    return x >> n | x << (32 - n);
}

static uint32_t sha_choose(uint32_t x, uint32_t y, uint32_t z)
{
    return ((y ^ z) & x) ^ z;
}

static uint32_t sha_majority(uint32_t x, uint32_t y, uint32_t z)
{
    return (x & y) | ((x | y) & z);
}

static uint32_t sha_parity(uint32_t x, uint32_t y, uint32_t z)
{
    return x ^ y ^ z;
}

/* SHA1C/SHA1P/SHA1M: four rounds; x = abcd (word 0 = a), *e, w = the four W+K words. */
static void sha1_rounds_c(uint32_t *x, uint32_t e, const uint32_t *w, int op)
{
    uint32_t y = e;
    for (int i = 0; i < 4; i++) {
        uint32_t t = op == 0   ? sha_choose(x[1], x[2], x[3])
                     : op == 1 ? sha_parity(x[1], x[2], x[3])
                               : sha_majority(x[1], x[2], x[3]);
        y += rol32(x[0], 5) + t + w[i];
        x[1] = rol32(x[1], 30);
        /* <Y, X> = ROL(Y:X, 32) */
        uint32_t top = x[3];
        x[3] = x[2];
        x[2] = x[1];
        x[1] = x[0];
        x[0] = y;
        y = top;
    }
}

/* The same with SHA1RNDS4, whose state has A in the top lane, whose first W lane carries E and
 * which adds the round constant of its function itself: the guest's W+K words get that
 * constant subtracted. */
__attribute__((target("sha,sse4.1"))) static void sha1_rounds_host(uint32_t *x, uint32_t e,
                                                                   const uint32_t *w, int op)
{
    static const uint32_t k[3] = {0x5a827999, 0x6ed9eba1, 0x8f1bbcdc};
    uint32_t kk = k[op];
    __m128i abcd = _mm_set_epi32((int)x[0], (int)x[1], (int)x[2], (int)x[3]);
    __m128i wv =
        _mm_set_epi32((int)(w[0] - kk + e), (int)(w[1] - kk), (int)(w[2] - kk), (int)(w[3] - kk));
    __m128i r = op == 0   ? _mm_sha1rnds4_epu32(abcd, wv, 0)
                : op == 1 ? _mm_sha1rnds4_epu32(abcd, wv, 1)
                          : _mm_sha1rnds4_epu32(abcd, wv, 2);
    x[0] = (uint32_t)_mm_extract_epi32(r, 3);
    x[1] = (uint32_t)_mm_extract_epi32(r, 2);
    x[2] = (uint32_t)_mm_extract_epi32(r, 1);
    x[3] = (uint32_t)_mm_extract_epi32(r, 0);
}

void a64_sha1_rounds(uint32_t abcd[4], uint32_t e, const uint32_t wk[4], int op, bool host)
{
    if (host)
        sha1_rounds_host(abcd, e, wk, op);
    else
        sha1_rounds_c(abcd, e, wk, op);
}

/* SHA256hash: four rounds over X = abcd, Y = efgh (word 0 = a / e); both results. */
static void sha256_hash_c(uint32_t *xo, uint32_t *yo, const uint32_t *xin, const uint32_t *yin,
                          const uint32_t *w)
{
    uint32_t x[4], y[4];
    memcpy(x, xin, 16);
    memcpy(y, yin, 16);
    for (int i = 0; i < 4; i++) {
        uint32_t chs = sha_choose(y[0], y[1], y[2]);
        uint32_t maj = sha_majority(x[0], x[1], x[2]);
        uint32_t t = y[3] + (ror32(y[0], 6) ^ ror32(y[0], 11) ^ ror32(y[0], 25)) + chs + w[i];
        x[3] += t;
        y[3] = t + (ror32(x[0], 2) ^ ror32(x[0], 13) ^ ror32(x[0], 22)) + maj;
        /* <Y, X> = ROL(Y:X, 32) */
        uint32_t x3 = x[3], y3 = y[3];
        memmove(x + 1, x, 12);
        memmove(y + 1, y, 12);
        x[0] = y3;
        y[0] = x3;
    }
    memcpy(xo, x, 16);
    memcpy(yo, y, 16);
}

/* The same with SHA256RNDS2, two rounds at a time on the (A,B,E,F) / (C,D,G,H) halves of the
 * state; after two rounds C,D,G,H are the previous A,B,E,F. */
__attribute__((target("sha,sse4.1"))) static void sha256_hash_host(uint32_t *xo, uint32_t *yo,
                                                                   const uint32_t *x,
                                                                   const uint32_t *y,
                                                                   const uint32_t *w)
{
    __m128i abef = _mm_set_epi32((int)x[0], (int)x[1], (int)y[0], (int)y[1]);
    __m128i cdgh = _mm_set_epi32((int)x[2], (int)x[3], (int)y[2], (int)y[3]);
    __m128i wk = _mm_loadu_si128((const __m128i *)w);
    __m128i abef1 = _mm_sha256rnds2_epu32(cdgh, abef, wk);
    __m128i abef2 = _mm_sha256rnds2_epu32(abef, abef1, _mm_srli_si128(wk, 8));
    xo[0] = (uint32_t)_mm_extract_epi32(abef2, 3);
    xo[1] = (uint32_t)_mm_extract_epi32(abef2, 2);
    xo[2] = (uint32_t)_mm_extract_epi32(abef1, 3);
    xo[3] = (uint32_t)_mm_extract_epi32(abef1, 2);
    yo[0] = (uint32_t)_mm_extract_epi32(abef2, 1);
    yo[1] = (uint32_t)_mm_extract_epi32(abef2, 0);
    yo[2] = (uint32_t)_mm_extract_epi32(abef1, 1);
    yo[3] = (uint32_t)_mm_extract_epi32(abef1, 0);
}

void a64_sha256_rounds(uint32_t abcd_out[4], uint32_t efgh_out[4], const uint32_t abcd[4],
                       const uint32_t efgh[4], const uint32_t wk[4], bool host)
{
    if (host)
        sha256_hash_host(abcd_out, efgh_out, abcd, efgh, wk);
    else
        sha256_hash_c(abcd_out, efgh_out, abcd, efgh, wk);
}

static void sha256_su1(uint32_t *r, const uint32_t *d, const uint32_t *n, const uint32_t *m)
{
    uint32_t t0[4] = {n[1], n[2], n[3], m[0]};
    for (int e = 0; e < 4; e++) {
        uint32_t x = e < 2 ? m[e + 2] : r[e - 2];
        r[e] = (ror32(x, 17) ^ ror32(x, 19) ^ (x >> 10)) + d[e] + t0[e];
    }
}

uint64_t helper_crypto_sha3reg(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc dd = a64_simd_desc_unpack(desc);
    uint32_t d[4], n[4], m[4], r[4];
    memcpy(d, cpu->v[dd.rd], 16);
    memcpy(n, cpu->v[dd.rn], 16);
    memcpy(m, cpu->v[dd.rm], 16);
    switch (dd.opc) {
    case 0: /* SHA1C */
    case 1: /* SHA1P */
    case 2: /* SHA1M */
        memcpy(r, d, 16);
        a64_sha1_rounds(r, n[0], m, dd.opc, a64_crypto_host_sha256());
        break;
    case 3: /* SHA1SU0: (n<63:0>:d<127:64>) ^ d ^ m */
        r[0] = d[2] ^ d[0] ^ m[0];
        r[1] = d[3] ^ d[1] ^ m[1];
        r[2] = n[0] ^ d[2] ^ m[2];
        r[3] = n[1] ^ d[3] ^ m[3];
        break;
    case 4:   /* SHA256H: the new abcd from abcd = Vd, efgh = Vn */
    case 5: { /* SHA256H2: the new efgh from abcd = Vn, efgh = Vd */
        uint32_t other[4];
        bool h2 = dd.opc == 5;
        a64_sha256_rounds(h2 ? other : r, h2 ? r : other, h2 ? n : d, h2 ? d : n, m,
                          a64_crypto_host_sha256());
        break;
    }
    default: /* SHA256SU1 */
        sha256_su1(r, d, n, m);
        break;
    }
    memcpy(cpu->v[dd.rd], r, 16);
    return 0;
}

uint64_t helper_crypto_sha2reg(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc dd = a64_simd_desc_unpack(desc);
    uint32_t d[4], n[4], r[4] = {0};
    memcpy(d, cpu->v[dd.rd], 16);
    memcpy(n, cpu->v[dd.rn], 16);
    switch (dd.opc) {
    case 0: /* SHA1H: Sd = ROL(Sn, 30) */
        r[0] = rol32(n[0], 30);
        break;
    case 1: { /* SHA1SU1 */
        uint32_t t[4] = {d[0] ^ n[1], d[1] ^ n[2], d[2] ^ n[3], d[3]};
        for (int e = 0; e < 4; e++)
            r[e] = rol32(t[e], 1);
        r[3] ^= rol32(t[0], 2);
        break;
    }
    default: { /* SHA256SU0 */
        uint32_t t[4] = {d[1], d[2], d[3], n[0]};
        for (int e = 0; e < 4; e++)
            r[e] = (ror32(t[e], 7) ^ ror32(t[e], 18) ^ (t[e] >> 3)) + d[e];
        break;
    }
    }
    memcpy(cpu->v[dd.rd], r, 16);
    return 0;
}

/* ---- SHA-512 ---- */

static uint64_t ror64(uint64_t x, int n)
{
    return x >> n | x << (64 - n);
}

static uint64_t sigma1_512(uint64_t x)
{
    return ror64(x, 14) ^ ror64(x, 18) ^ ror64(x, 41);
}

static uint64_t sigma0_512(uint64_t x)
{
    return ror64(x, 28) ^ ror64(x, 34) ^ ror64(x, 39);
}

/* x = Vn, y = Vm, w = Vd (index 0 = bits 63:0), as in the Arm pseudocode. */
static void sha512_op(int op, uint64_t *r, const uint64_t *x, const uint64_t *y, const uint64_t *w)
{
    uint64_t t;
    switch (op) {
    case 0: /* SHA512H */
        r[1] = ((y[1] & x[0]) ^ (~y[1] & x[1])) + sigma1_512(y[1]) + w[1];
        t = r[1] + y[0];
        r[0] = ((t & y[1]) ^ (~t & x[0])) + sigma1_512(t) + w[0];
        break;
    case 1: /* SHA512H2 */
        r[1] = ((x[0] & y[1]) ^ (x[0] & y[0]) ^ (y[1] & y[0])) + sigma0_512(y[0]) + w[1];
        r[0] = ((r[1] & y[0]) ^ (r[1] & y[1]) ^ (y[1] & y[0])) + sigma0_512(r[1]) + w[0];
        break;
    case 2: /* SHA512SU1 */
        r[1] = w[1] + (ror64(x[1], 19) ^ ror64(x[1], 61) ^ (x[1] >> 6)) + y[1];
        r[0] = w[0] + (ror64(x[0], 19) ^ ror64(x[0], 61) ^ (x[0] >> 6)) + y[0];
        break;
    default: /* SHA512SU0 */
        r[0] = w[0] + (ror64(w[1], 1) ^ ror64(w[1], 8) ^ (w[1] >> 7));
        r[1] = w[1] + (ror64(x[0], 1) ^ ror64(x[0], 8) ^ (x[0] >> 7));
        break;
    }
}

uint64_t helper_crypto_sha512(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t r[2];
    sha512_op(d.opc, r, cpu->v[d.rn], cpu->v[d.rm], cpu->v[d.rd]);
    cpu->v[d.rd][0] = r[0];
    cpu->v[d.rd][1] = r[1];
    return 0;
}

/* ---- SM3 and SM4 ---- */

/* The SM4 S-box (GB/T 32907-2016): S(x) = A(I(A(x))) with I the inverse in GF(2^8) modulo
 * x^8 + x^7 + x^6 + x^5 + x^4 + x^2 + 1 and A the affine map of the standard (constant 0xd3). */
static const uint8_t sm4_sbox[256] = {
    0xd6, 0x90, 0xe9, 0xfe, 0xcc, 0xe1, 0x3d, 0xb7, 0x16, 0xb6, 0x14, 0xc2, 0x28, 0xfb, 0x2c, 0x05,
    0x2b, 0x67, 0x9a, 0x76, 0x2a, 0xbe, 0x04, 0xc3, 0xaa, 0x44, 0x13, 0x26, 0x49, 0x86, 0x06, 0x99,
    0x9c, 0x42, 0x50, 0xf4, 0x91, 0xef, 0x98, 0x7a, 0x33, 0x54, 0x0b, 0x43, 0xed, 0xcf, 0xac, 0x62,
    0xe4, 0xb3, 0x1c, 0xa9, 0xc9, 0x08, 0xe8, 0x95, 0x80, 0xdf, 0x94, 0xfa, 0x75, 0x8f, 0x3f, 0xa6,
    0x47, 0x07, 0xa7, 0xfc, 0xf3, 0x73, 0x17, 0xba, 0x83, 0x59, 0x3c, 0x19, 0xe6, 0x85, 0x4f, 0xa8,
    0x68, 0x6b, 0x81, 0xb2, 0x71, 0x64, 0xda, 0x8b, 0xf8, 0xeb, 0x0f, 0x4b, 0x70, 0x56, 0x9d, 0x35,
    0x1e, 0x24, 0x0e, 0x5e, 0x63, 0x58, 0xd1, 0xa2, 0x25, 0x22, 0x7c, 0x3b, 0x01, 0x21, 0x78, 0x87,
    0xd4, 0x00, 0x46, 0x57, 0x9f, 0xd3, 0x27, 0x52, 0x4c, 0x36, 0x02, 0xe7, 0xa0, 0xc4, 0xc8, 0x9e,
    0xea, 0xbf, 0x8a, 0xd2, 0x40, 0xc7, 0x38, 0xb5, 0xa3, 0xf7, 0xf2, 0xce, 0xf9, 0x61, 0x15, 0xa1,
    0xe0, 0xae, 0x5d, 0xa4, 0x9b, 0x34, 0x1a, 0x55, 0xad, 0x93, 0x32, 0x30, 0xf5, 0x8c, 0xb1, 0xe3,
    0x1d, 0xf6, 0xe2, 0x2e, 0x82, 0x66, 0xca, 0x60, 0xc0, 0x29, 0x23, 0xab, 0x0d, 0x53, 0x4e, 0x6f,
    0xd5, 0xdb, 0x37, 0x45, 0xde, 0xfd, 0x8e, 0x2f, 0x03, 0xff, 0x6a, 0x72, 0x6d, 0x6c, 0x5b, 0x51,
    0x8d, 0x1b, 0xaf, 0x92, 0xbb, 0xdd, 0xbc, 0x7f, 0x11, 0xd9, 0x5c, 0x41, 0x1f, 0x10, 0x5a, 0xd8,
    0x0a, 0xc1, 0x31, 0x88, 0xa5, 0xcd, 0x7b, 0xbd, 0x2d, 0x74, 0xd0, 0x12, 0xb8, 0xe5, 0xb4, 0xb0,
    0x89, 0x69, 0x97, 0x4a, 0x0c, 0x96, 0x77, 0x7e, 0x65, 0xb9, 0xf1, 0x09, 0xc5, 0x6e, 0xc6, 0x84,
    0x18, 0xf0, 0x7d, 0xec, 0x3a, 0xdc, 0x4d, 0x20, 0x79, 0xee, 0x5f, 0x3e, 0xd7, 0xcb, 0x39, 0x48,
};

static uint32_t sm4_tau(uint32_t x)
{
    return (uint32_t)sm4_sbox[x >> 24] << 24 | (uint32_t)sm4_sbox[(x >> 16) & 255] << 16 |
           (uint32_t)sm4_sbox[(x >> 8) & 255] << 8 | sm4_sbox[x & 255];
}

/* SM4E (key = false: rounds with the round keys in k) / SM4EKEY (constants in k). */
static void sm4_rounds(uint32_t *st, const uint32_t *k, bool key)
{
    for (int i = 0; i < 4; i++) {
        uint32_t t = sm4_tau(st[3] ^ st[2] ^ st[1] ^ k[i]);
        t ^= key ? rol32(t, 13) ^ rol32(t, 23)
                 : rol32(t, 2) ^ rol32(t, 10) ^ rol32(t, 18) ^ rol32(t, 24);
        t ^= st[0];
        st[0] = st[1];
        st[1] = st[2];
        st[2] = st[3];
        st[3] = t;
    }
}

/* SM3TT1A/1B (op 1, 2) and SM3TT2A/2B (op 3, 4) with the word Vm.S[imm]. */
static void sm3_tt(uint32_t *r, const uint32_t *d, const uint32_t *n, uint32_t w, int op)
{
    uint32_t t;
    if (op <= 2) {
        uint32_t ss2 = n[3] ^ rol32(d[3], 12);
        t = op == 1 ? d[1] ^ d[3] ^ d[2] : (d[3] & d[2]) | (d[3] & d[1]) | (d[2] & d[1]);
        t += d[0] + ss2 + w;
        r[1] = rol32(d[2], 9);
    } else {
        t = op == 3 ? d[1] ^ d[3] ^ d[2] : (d[3] & d[2]) | (~d[3] & d[1]);
        t += d[0] + n[3] + w;
        t ^= rol32(t, 9) ^ rol32(t, 17);
        r[1] = rol32(d[2], 19);
    }
    r[0] = d[1];
    r[2] = d[3];
    r[3] = t;
}

static void sm3_partw(uint32_t *r, const uint32_t *d, const uint32_t *n, const uint32_t *m, bool w2)
{
    if (!w2) { /* SM3PARTW1 */
        for (int i = 0; i < 3; i++)
            r[i] = d[i] ^ n[i] ^ rol32(m[i + 1], 15);
        r[3] = d[3] ^ n[3];
        for (int i = 0; i < 4; i++) {
            if (i == 3)
                r[3] ^= rol32(r[0], 15);
            r[i] ^= rol32(r[i], 15) ^ rol32(r[i], 23);
        }
        return;
    }
    uint32_t tmp[4]; /* SM3PARTW2 */
    for (int i = 0; i < 4; i++) {
        tmp[i] = n[i] ^ rol32(m[i], 7);
        r[i] = d[i] ^ tmp[i];
    }
    uint32_t t2 = rol32(tmp[0], 15);
    r[3] ^= t2 ^ rol32(t2, 15) ^ rol32(t2, 23);
}

uint64_t helper_crypto_sm(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc dd = a64_simd_desc_unpack(desc);
    uint32_t d[4], n[4], m[4], a[4], r[4] = {0};
    memcpy(d, cpu->v[dd.rd], 16);
    memcpy(n, cpu->v[dd.rn], 16);
    memcpy(m, cpu->v[dd.rm], 16);
    memcpy(a, cpu->v[dd.ra], 16);
    switch (dd.opc) {
    case A64_SM3SS1:
        r[3] = rol32(rol32(n[3], 12) + m[3] + a[3], 7);
        break;
    case A64_SM3TT1A:
    case A64_SM3TT1B:
    case A64_SM3TT2A:
    case A64_SM3TT2B:
        sm3_tt(r, d, n, m[dd.imm & 3], dd.opc);
        break;
    case A64_SM3PARTW1:
    case A64_SM3PARTW2:
        sm3_partw(r, d, n, m, dd.opc == A64_SM3PARTW2);
        break;
    case A64_SM4EKEY:
        memcpy(r, n, 16);
        sm4_rounds(r, m, true);
        break;
    default: /* SM4E */
        memcpy(r, d, 16);
        sm4_rounds(r, n, false);
        break;
    }
    memcpy(cpu->v[dd.rd], r, 16);
    return 0;
}
