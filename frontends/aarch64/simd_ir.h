/*
 * IR building blocks for the AArch64 AdvSIMD translation (trans_simd.c).
 *
 * V registers are accessed as two 64-bit halves in the CPU state
 * (ld_env/st_env at a64_vreg_offset); lanes are extracted/deposited from the
 * half that holds them; the integer vector ops are IR `vec` ops
 * (simd_vec.c).  Element sizes are log2 bytes (esz 0..3); `q` selects 128-bit
 * vectors, and a 64-bit result zeroes the upper half of Vd.
 */
#ifndef FERRY_FRONTENDS_AARCH64_SIMD_IR_H
#define FERRY_FRONTENDS_AARCH64_SIMD_IR_H

#include <stdbool.h>

#include "frontends/aarch64/translate.h"

/* Half `half` (0 low, 1 high) of V register r. */
IrTemp a64_vld64(DisasContext *s, int r, int half);
void a64_vst64(DisasContext *s, int r, int half, IrTemp v);
void a64_vclear_high(DisasContext *s, int r);
/* Element `idx`, zero- or sign-extended to I64 / written from the low bits of v. */
IrTemp a64_vlane_ld(DisasContext *s, int r, int esz, int idx, bool sign);
void a64_vlane_st(DisasContext *s, int r, int esz, int idx, IrTemp v);
/* The zero-extended element v replicated across 64 bits. */
IrTemp a64_dup64(DisasContext *s, IrTemp v, int esz);
/* Vd = v in both halves (q) or in the low half with the high half zeroed. */
void a64_vst_dup(DisasContext *s, int rd, IrTemp v, bool q);
/* v zero-extended from its low 8 << esz bits. */
IrTemp a64_mask_value(DisasContext *s, IrTemp v, int esz);

#endif
