/*
 * AArch64 FP instructions as fp_env / fp_int ops (fp_gen.c; translator/ir_fp.h),
 * called by the FP handlers of trans_simd.c: the backend runs them on the host
 * FPU when that is exact, the exact helper (with its descriptor) otherwise.
 */
#ifndef FERRY_FRONTENDS_AARCH64_FP_GEN_H
#define FERRY_FRONTENDS_AARCH64_FP_GEN_H

#include <stdbool.h>

#include "frontends/aarch64/helper_simd.h"
#include "frontends/aarch64/translate.h"

/* Scalar FP data processing (type = the FP type field): false when the instruction
 * has no host form (half precision, FNMUL...), nothing emitted then. */
bool a64_gen_fp_1src(DisasContext *s, int type, int opc, void *fn, const A64SimdDesc *d);
bool a64_gen_fp_2src(DisasContext *s, int type, int opc, void *fn, const A64SimdDesc *d);
bool a64_gen_fp_3src(DisasContext *s, int type, void *fn, const A64SimdDesc *d); /* opc o1:o0 */
/* FCMP / FCMPE (opc bit 4 signalling, bit 3 with zero): returns NZCV, or IR_TEMP_NONE. */
IrTemp a64_gen_fp_cmp(DisasContext *s, int type, void *fn, const A64SimdDesc *d);
/* FCCMP / FCCMPE: NZCV of the compare d (an FCMP / FCMPE for fn = its helper) when
 * condition cond holds, else d->imm; the compare (and its flags) only then. */
IrTemp a64_gen_fp_ccmp(DisasContext *s, int type, int cond, void *fn, const A64SimdDesc *d);
/* FCVTZS (fbits 0) to a 32/64-bit register (sf): the value, or IR_TEMP_NONE. */
IrTemp a64_gen_fp_to_int(DisasContext *s, int type, int sf, void *fn, const A64SimdDesc *d);
/* SCVTF / UCVTF (u) of register value v (fbits 0). */
bool a64_gen_fp_from_int(DisasContext *s, int type, int sf, bool u, IrTemp v, void *fn,
                         const A64SimdDesc *d);
/* AdvSIMD FP two-register misc: FABS FNEG FSQRT FRINT*, compares and conversions on vectors;
 * the conversions on scalars too. */
bool a64_gen_fp_2misc(DisasContext *s, void *fn, const A64SimdDesc *d);
/* AdvSIMD FP three-same (vector) and vector-by-element (also scalar-by-element). */
bool a64_gen_fp_3same(DisasContext *s, void *fn, const A64SimdDesc *d);
bool a64_gen_fp_indexed(DisasContext *s, void *fn, const A64SimdDesc *d);
/* Scalar pairwise FADDP FMAXP FMINP FMAXNMP FMINNMP (2S, 2D). */
bool a64_gen_fp_pair(DisasContext *s, void *fn, const A64SimdDesc *d);
/* FMAXV FMINV FMAXNMV FMINNMV (4S). */
bool a64_gen_fp_across(DisasContext *s, void *fn, const A64SimdDesc *d);

#endif
