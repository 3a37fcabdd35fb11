/*
 * VFPExpandImm / AdvSIMDExpandImm for the AArch64 FP and AdvSIMD
 * translation (simd_imm.c).
 */
#ifndef FERRY_FRONTENDS_AARCH64_SIMD_IMM_H
#define FERRY_FRONTENDS_AARCH64_SIMD_IMM_H

#include <stdbool.h>
#include <stdint.h>

/* Arm VFPExpandImm for fsz 1 (half), 2 (single), 3 (double). */
uint64_t a64_vfp_expand_imm(int imm8, int fsz);
/* Arm AdvSIMDExpandImm; *ok false for reserved encodings. */
uint64_t a64_simd_expand_imm(int op, int cmode, int o2, uint64_t i, bool *ok);

#endif
