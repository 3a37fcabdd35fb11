/*
 * AdvSIMD structure load/store generators (simd_ldst_gen.c), called by the
 * LDST_MULT / LDST_SINGLE handlers of trans_simd.c with the decoded fields.
 */
#ifndef FERRY_FRONTENDS_AARCH64_SIMD_LDST_GEN_H
#define FERRY_FRONTENDS_AARCH64_SIMD_LDST_GEN_H

#include <stdbool.h>

#include "frontends/aarch64/translate.h"

/* Fields of the &ldmult / &ldsing argument sets (r and s: single only). */
typedef struct A64StructLdst {
    int q, l, r, rm, opc, s, size, rn, rt, post;
} A64StructLdst;

/* LD1..LD4 / ST1..ST4 (multiple structures); false for reserved encodings. */
bool a64_gen_ldst_mult(DisasContext *s, const A64StructLdst *a);
/* Single-lane LD1..LD4 / ST1..ST4 and LD1R..LD4R; false if reserved. */
bool a64_gen_ldst_single(DisasContext *s, const A64StructLdst *a);

#endif
