/*
 * Run-time helpers of the BFloat16 instructions (FEAT_BF16) translated by
 * trans_ext.c.  BFDOT and BFMMLA follow the Arm ARM's BFloat16 computation
 * rules (BFDotAdd without FEAT_EBF16): products and sums are rounded to
 * single precision with round-to-odd, denormal inputs and results are
 * flushed to zero, any NaN gives the default NaN, and no FPSR flag is set.
 * BFMLALB/T and the conversions are ordinary IEEE operations under FPCR.
 * Descriptor fields (A64SimdDesc): rd, rn, rm, q, scalar = by element with
 * imm = the index.
 */
#ifndef FERRY_FRONTENDS_AARCH64_HELPER_BF16_H
#define FERRY_FRONTENDS_AARCH64_HELPER_BF16_H

#include <stdint.h>

#include "translator/cpu.h"

/* BFDotAdd: addend + a1 * b1 + a2 * b2 (single addend, BFloat16 factors). */
uint32_t a64_bfdotadd(uint32_t addend, uint16_t a1, uint16_t a2, uint16_t b1, uint16_t b2);

uint64_t helper_bf16_dot(CPUCommon *cpu, uint64_t desc);
uint64_t helper_bf16_mmla(CPUCommon *cpu, uint64_t desc);
/* BFMLALB (u = 0) / BFMLALT (u = 1): fused multiply-add of the even / odd halves. */
uint64_t helper_bf16_mlal(CPUCommon *cpu, uint64_t desc);
/* BFCVT (scalar = 1: Hd from Sn) and BFCVTN/BFCVTN2 (q = 1: upper half of Vd). */
uint64_t helper_bf16_cvt(CPUCommon *cpu, uint64_t desc);

#endif
