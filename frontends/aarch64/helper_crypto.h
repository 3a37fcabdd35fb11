/*
 * Run-time helpers of the AArch64 cryptographic extension (trans_crypto.c):
 * AES rounds (FEAT_AES), SHA-1/SHA-256 (FEAT_SHA1/FEAT_SHA256), SHA-512
 * (FEAT_SHA512) and 64-bit polynomial multiplication (FEAT_PMULL).  Each
 * helper reads and writes the V registers in the CPU state; the register
 * numbers arrive in an A64SimdDesc (helper_simd.h).  AES and PMULL use the
 * host's AES-NI / PCLMULQDQ, SHA-1/SHA-256 the host's SHA extensions, when cpuid
 * reports them; the portable C
 * versions compute the same results and are exported for the unit tests.
 */
#ifndef FERRY_FRONTENDS_AARCH64_HELPER_CRYPTO_H
#define FERRY_FRONTENDS_AARCH64_HELPER_CRYPTO_H

#include <stdbool.h>
#include <stdint.h>

#include "translator/cpu.h"

/* AES operations, as the opcode field of the Crypto AES class (4..7). */
typedef enum A64AesOp {
    A64_AESE = 4,   /* ShiftRows(SubBytes(d ^ n)) */
    A64_AESD = 5,   /* InvSubBytes(InvShiftRows(d ^ n)) */
    A64_AESMC = 6,  /* MixColumns(n) */
    A64_AESIMC = 7, /* InvMixColumns(n) */
    /* AESE then AESMC of the result, AESD then AESIMC: the pairs trans_crypto.c fuses */
    A64_AESE_MC = 8,
    A64_AESD_IMC = 9,
} A64AesOp;

/* One AES step on 128-bit values (two little-endian 64-bit halves); `host` selects AES-NI,
 * which must then be available (a64_crypto_host_aes). */
void a64_aes(A64AesOp op, uint64_t out[2], const uint64_t d[2], const uint64_t n[2], bool host);
/* Carry-less 64 x 64 -> 128-bit product; `host` selects PCLMULQDQ (a64_crypto_host_pmull). */
void a64_clmul64(uint64_t out[2], uint64_t a, uint64_t b, bool host);
/* Four SHA-1 rounds of SHA1C (op 0), SHA1P (1) or SHA1M (2) on abcd (word 0 = a), in place;
 * `host` selects SHA1RNDS4. */
void a64_sha1_rounds(uint32_t abcd[4], uint32_t e, const uint32_t wk[4], int op, bool host);
/* Four SHA-256 rounds (Arm SHA256hash) on abcd/efgh (word 0 = a / e) with W+K words wk:
 * the new abcd (SHA256H) and efgh (SHA256H2); `host` selects SHA256RNDS2. */
void a64_sha256_rounds(uint32_t abcd_out[4], uint32_t efgh_out[4], const uint32_t abcd[4],
                       const uint32_t efgh[4], const uint32_t wk[4], bool host);
/* Whether the host has AES-NI / PCLMULQDQ / SHA (and FERRY_NO_HOST_CRYPTO is not set); the SHA
 * extensions serve SHA-1 and SHA-256. */
bool a64_crypto_host_aes(void);
bool a64_crypto_host_pmull(void);
bool a64_crypto_host_sha256(void);

/* Helpers called from generated code; descriptor fields as in the encodings:
 * rd, rn, rm and opc (the instruction's opcode field). */
uint64_t helper_crypto_aes(CPUCommon *cpu, uint64_t desc);
uint64_t helper_crypto_sha3reg(CPUCommon *cpu, uint64_t desc); /* SHA1C..SHA256SU1 */
uint64_t helper_crypto_sha2reg(CPUCommon *cpu, uint64_t desc); /* SHA1H SHA1SU1 SHA256SU0 */
uint64_t helper_crypto_sha512(CPUCommon *cpu, uint64_t desc);  /* opc 0..2: H H2 SU1; 4: SU0 */
uint64_t helper_crypto_pmull64(CPUCommon *cpu, uint64_t desc);
/* SM3 and SM4 (FEAT_SM3, FEAT_SM4): opc is one of A64SmOp, ra the fourth register of SM3SS1,
 * imm the word index of SM3TT*. */
typedef enum A64SmOp {
    A64_SM3SS1,
    A64_SM3TT1A,
    A64_SM3TT1B,
    A64_SM3TT2A,
    A64_SM3TT2B,
    A64_SM3PARTW1,
    A64_SM3PARTW2,
    A64_SM4EKEY,
    A64_SM4E,
} A64SmOp;
uint64_t helper_crypto_sm(CPUCommon *cpu, uint64_t desc); /* q: PMULL2 */

#endif
