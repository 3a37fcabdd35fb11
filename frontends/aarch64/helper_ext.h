/*
 * Run-time helpers of the optional AArch64 extensions translated by
 * trans_ext.c: rounding doubling multiply-accumulate (FEAT_RDM), dot
 * products and matrix multiplies (FEAT_DotProd,
 * FEAT_I8MM), complex arithmetic (FEAT_FCMA), FRINT32/64 (FEAT_FRINTTS),
 * FJCVTZS (FEAT_JSCVT) and the random number registers (FEAT_RNG).  The
 * vector helpers work on the V registers in the CPU state with the fields
 * of an A64SimdDesc (helper_simd.h) as each function documents.
 */
#ifndef FERRY_FRONTENDS_AARCH64_HELPER_EXT_H
#define FERRY_FRONTENDS_AARCH64_HELPER_EXT_H

#include <stdint.h>

#include "translator/cpu.h"

/* Signedness of the byte operands of a dot product / matrix multiply (desc.opc). */
enum {
    A64_DOT_SS = 0, /* SDOT, SMMLA */
    A64_DOT_UU = 1, /* UDOT, UMMLA */
    A64_DOT_US = 2, /* USDOT, USMMLA: Vn unsigned, Vm signed */
    A64_DOT_SU = 3, /* SUDOT: Vn signed, Vm unsigned */
};

/* SQRDMLAH / SQRDMLSH: size 1 or 2, opc bit 0 = subtract, bit 1 = by element (imm = index). */
uint64_t helper_ext_rdm(CPUCommon *cpu, uint64_t desc);
/* FMLAL/FMLSL(2): u = the upper part of the halves (FMLAL2), opc = subtract, scalar = by
 * element with imm = the index of the half in Vm. */
uint64_t helper_ext_fmlal(CPUCommon *cpu, uint64_t desc);
/* Dot products into 32-bit lanes; scalar = 1: by element, imm = the index. */
uint64_t helper_ext_dot(CPUCommon *cpu, uint64_t desc);
/* 2x8 by 8x2 byte matrix multiply-accumulate into a 2x2 int32 matrix. */
uint64_t helper_ext_mmla(CPUCommon *cpu, uint64_t desc);
/* FCMLA: size = log2 element bytes, opc = rot, scalar = 1: by element (imm = pair index). */
uint64_t helper_ext_fcmla(CPUCommon *cpu, uint64_t desc);
/* FCADD: size = log2 element bytes, opc = rot (0: 90, 1: 270). */
uint64_t helper_ext_fcadd(CPUCommon *cpu, uint64_t desc);
/* FRINT32Z/X, FRINT64Z/X: size = log2 element bytes, opc bit 0 = 64-bit range, u = X (FPCR
 * rounding, else toward zero), scalar = one element. */
uint64_t helper_ext_frintts(CPUCommon *cpu, uint64_t desc);
/* FJCVTZS of the double Vn<63:0>: returns the W result in bits 31..0 and Z in bit 32. */
uint64_t helper_ext_fjcvtzs(CPUCommon *cpu, uint64_t desc);
/* RNDR / RNDRRS: a non-zero 64-bit random number (the host's getrandom), 0 on failure. */
uint64_t helper_ext_rndr(CPUCommon *cpu);

#endif
