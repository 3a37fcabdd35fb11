/*
 * Run-time helpers of the AdvSIMD half-precision instructions (FEAT_FP16)
 * translated by trans_fp16.c.  Elements are IEEE half-precision bit
 * patterns; the arithmetic is that of the a64_fp_* functions (helper_fp.c)
 * with fsz = 1.  Descriptor fields (A64SimdDesc): rd, rn, rm, q, u, scalar,
 * size = the `a` bit of the encoding, opc = its opcode field, imm = the
 * element index (by element) or immh<0>:immb (fixed-point shifts).
 */
#ifndef FERRY_FRONTENDS_AARCH64_HELPER_FP16_H
#define FERRY_FRONTENDS_AARCH64_HELPER_FP16_H

#include <stdint.h>

#include "translator/cpu.h"

uint64_t helper_fp16_3same(CPUCommon *cpu, uint64_t desc);
uint64_t helper_fp16_2misc(CPUCommon *cpu, uint64_t desc);
/* FMAXNMV FMAXV FMINNMV FMINV (scalar = 0) and the scalar pairwise ops (scalar = 1). */
uint64_t helper_fp16_reduce(CPUCommon *cpu, uint64_t desc);
/* FMLA FMLS FMUL FMULX by element: rm is the full register number. */
uint64_t helper_fp16_indexed(CPUCommon *cpu, uint64_t desc);
/* SCVTF UCVTF FCVTZS FCVTZU with fraction bits. */
uint64_t helper_fp16_shift(CPUCommon *cpu, uint64_t desc);

#endif
