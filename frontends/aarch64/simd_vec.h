/*
 * Integer AdvSIMD instructions as IR `vec` ops (translator/ir_vec.h), which
 * the x86-64 backend compiles to SSE: called by trans_simd.c after it has
 * rejected the unallocated encodings.  Each a64_vec_* returns true when it
 * emitted the instruction, false when the instruction has no `vec` form
 * (trans_simd.c then calls the C helper).  Fields are those of the
 * encoding; esz is log2 of the element size in bytes.
 */
#ifndef FERRY_FRONTENDS_AARCH64_SIMD_VEC_H
#define FERRY_FRONTENDS_AARCH64_SIMD_VEC_H

#include <stdbool.h>

#include "frontends/aarch64/translate.h"

/*
 * With `scalar` (q = 0), the AdvSIMD scalar form of the encoding (element 0 only, the rest of
 * Vd zero): only the saturating ops below have one here; false for the others.
 */
/* Vector three-same (integer opcodes; `logic` ops 0x03 included); scalar: SQADD UQADD SQSUB
 * UQSUB SQDMULH SQRDMULH. */
bool a64_vec_3same(DisasContext *s, int u, int size, int opc, int q, int rd, int rn, int rm,
                   bool scalar);
/* Vector three-different: [SU]ADDL/W, [SU]SUBL/W, [SU]MULL, [SU]MLAL, [SU]MLSL, [R]ADDHN,
 * [R]SUBHN, SQDMULL, SQDMLAL, SQDMLSL, PMULL.8H (and "2"); scalar: the SQDM ones. */
bool a64_vec_3diff(DisasContext *s, int u, int size, int opc, int q, int rd, int rn, int rm,
                   bool scalar);
/* Vector x indexed element (integer): MUL, MLA, MLS, [SU]MULL, [SU]MLAL, [SU]MLSL, SQDMULH,
 * SQRDMULH, SQDMULL, SQDMLAL, SQDMLSL; rm is the full register number, idx the element
 * number; scalar: the SQ ones. */
bool a64_vec_indexed(DisasContext *s, int u, int size, int opc, int q, int rd, int rn, int rm,
                     int idx, bool scalar);
/* Vector two-register misc: REV*, CNT, NOT, RBIT, CLZ, CLS, compares with zero, ABS, NEG,
 * SQABS, SQNEG, XTN, SQXTN, UQXTN, SQXTUN, [SU]ADDLP, [SU]ADALP, SHLL; scalar: SQABS SQNEG
 * SQXTN UQXTN SQXTUN. */
bool a64_vec_2misc(DisasContext *s, int u, int size, int opc, int q, int rd, int rn, bool scalar);
/* Across lanes: [SU]ADDLV, [SU]MAXV, [SU]MINV, ADDV. */
bool a64_vec_across(DisasContext *s, int u, int size, int opc, int q, int rd, int rn);
/* Vector shift by immediate (imm = immh:immb): [SU][R]SHR, [SU][R]SRA, SHL, SLI, SRI,
 * SQSHL, UQSHL, SQSHLU, [SU]SHLL and the narrowing shifts; scalar: SQSHL UQSHL SQSHLU and
 * the saturating narrowing shifts. */
bool a64_vec_shift_imm(DisasContext *s, int u, int opc, int q, int imm, int rd, int rn,
                       bool scalar);
/* UZP1/2, TRN1/2, ZIP1/2. */
bool a64_vec_permute(DisasContext *s, int opc, int size, int q, int rd, int rn, int rm);
/* The 16 bytes at CPU-state offset d = bytes of a (tbl[i] < 16) or b (16..31), or zero. */
/* SDOT / UDOT (u) of Vn and Vm (its 32-bit element elem in every lane when elem >= 0) into
 * Vd, 2 or 4 lanes (q). */
void a64_vec_dot(DisasContext *s, bool u, int q, int rd, int rn, int rm, int elem);
void a64_vec_perm(DisasContext *s, int32_t d, int32_t a, int32_t b, const uint8_t *tbl);
/* EXT: bytes [pos, pos + 8 << q) of Vn:Vm (Vn low). */
void a64_vec_ext(DisasContext *s, int rd, int rn, int rm, int pos, int q);
/* DUP (element): element idx of Vn (esz) in every lane. */
void a64_vec_dup_elem(DisasContext *s, int rd, int rn, int esz, int idx, int q);
/* TBL/TBX with len + 1 table registers. */
bool a64_vec_tbl(DisasContext *s, int len, bool tbx, int q, int rd, int rn, int rm);

#endif
