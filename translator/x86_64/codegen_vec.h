/*
 * Private to the integer vector selection (codegen_vec.c: driver, host
 * feature checks, constants, fallback calls; codegen_vec_lane.c: lanewise
 * operations; codegen_vec_move.c: permutes, pairwise, widening/narrowing,
 * across-lane and table operations).  Each x86_vg_<class> emits one class of
 * IrVecOp with the sources loaded (a in XA, b in XB, the old destination in
 * XD when the op reads it) and returns the xmm register holding the result,
 * or -1 when it stored the result itself.
 */
#ifndef FERRY_TRANSLATOR_X86_64_CODEGEN_VEC_H
#define FERRY_TRANSLATOR_X86_64_CODEGEN_VEC_H

#include "translator/ir_vec.h"
#include "translator/x86_64/codegen.h"
#include "translator/x86_64/emit_vec.h"

/* xmm registers: sources, old destination, scratch (X7 and X8 are reserved for constants, X9
 * for the previous op's result). */
enum { XA, XB, XD, X3, X4, X5, X6, X7, X8, X9 };

typedef struct VecGen {
    X86Gen *g;
    CodeBuf *cb;
    const X86Features *f;
    const uint64_t *c; /* the op's constants */
    IrVecOp op;
    int esz, q;
    unsigned imm;
    int gpr; /* scratch general register for constants, -1 until needed */
} VecGen;

/* A lane value replicated over 64 bits. */
static inline uint64_t x86_vg_rep64(uint64_t x, int esz)
{
    static const uint64_t ones[4] = {0x0101010101010101ull, 0x0001000100010001ull,
                                     0x0000000100000001ull, 1};
    return x * ones[esz];
}

/* Sources a and b are the same register (neither replaced by zero). */
static inline bool x86_vg_same_sources(const VecGen *v)
{
    return v->c[1] == v->c[2] && !(v->c[3] & (IR_VEC_ZA | IR_VEC_ZB));
}

/* codegen_vec.c */
void x86_vg_mov(VecGen *v, int xd, int xs);
/* x = the constant hi:lo; x = x op hi:lo; x = x op (lane in every element of esz). */
void x86_vg_const(VecGen *v, int x, uint64_t lo, uint64_t hi);
void x86_vg_opc(VecGen *v, unsigned opc, int x, uint64_t lo, uint64_t hi);
void x86_vg_opc_splat(VecGen *v, unsigned opc, int x, uint64_t lane, int esz);
/* Calls ir_vec_helper for the op; the caller has saved what must survive. */
void x86_vg_call_helper(CodeBuf *cb, const uint64_t *c);

/* codegen_vec_lane.c */
unsigned x86_vg_minmax_opc(IrVecOp op, int esz);
/* XA = |XA - XB| per lane of esz; clobbers X3. */
void x86_vg_abd(VecGen *v, int esz, bool is_signed);
/* Sets the saturation flag (c4, c5) unless every byte of xeq (the low 8 when !full) is 0xff. */
void x86_vg_set_qc(VecGen *v, int xeq, bool full);
/* Sets the saturation flag unless x (the low 8 bytes when !full) is all zero; clobbers x and
 * scratch. */
void x86_vg_qc_unless_zero(VecGen *v, int x, int scratch, bool full);
/* x = all ones in the lanes of esz whose sign bit is set in src (esz 3: the dword sign spread
 * over the quadword, no SSE4.2 pcmpgtq); clobbers nothing else. */
void x86_vg_sign_lanes(VecGen *v, int x, int src, int esz);
int x86_vg_logic_arith(VecGen *v);
int x86_vg_compare(VecGen *v);
int x86_vg_hadd(VecGen *v);
int x86_vg_minmax(VecGen *v);
int x86_vg_saturating(VecGen *v);
/* XA + XB or XA - XB saturated in the 32- or 64-bit lanes of v->esz (signed or unsigned), QC
 * from the lanes v->q selects; returns the result register; clobbers X3 .. X6. */
int x86_vg_saturating_wide(VecGen *v, bool add, bool s);
int x86_vg_qdmulh(VecGen *v);
int x86_vg_unary(VecGen *v);
int x86_vg_shift(VecGen *v);
int x86_vg_shl_reg(VecGen *v);

/* codegen_vec_move.c */
/* Widens the low (or high) half of x in place from esz to esz + 1; clobbers X6. */
void x86_vg_extend(VecGen *v, int x, int esz, bool upper, bool is_signed);
int x86_vg_pairwise(VecGen *v);
int x86_vg_widening(VecGen *v);
int x86_vg_across(VecGen *v);
int x86_vg_tbl(VecGen *v);
int x86_vg_permute(VecGen *v);
int x86_vg_qxtn(VecGen *v);
int x86_vg_addlp(VecGen *v);
int x86_vg_shrn(VecGen *v);
/* The low halves of the wide lanes of XA placed as SHRN places its result (ssse3). */
int x86_vg_narrow_pick(VecGen *v);
/* The narrowed low half in XA placed as SHRN places it (q: above d's low half). */
int x86_vg_place_narrow(VecGen *v);
/* Saturating narrowing of the wide lanes of XA as SQXTN (s_to_s), UQXTN (!is_signed) or
 * SQXTUN, with the QC check; returns XA (the narrow lanes in its low half). */
int x86_vg_pack_sat(VecGen *v, bool is_signed, bool s_to_s);

/* codegen_vec_ext.c: the ops after ADALP (IR_VEC_SLI ..) */
/* x86_vg_pack_sat for quadwords to dwords (SSE4.2); clobbers XB, X3 .. X6. */
int x86_vg_pack_sat64(VecGen *v, bool is_signed, bool s_to_s);
bool x86_vg_ext_supported(const VecGen *v);
int x86_vg_ext(VecGen *v);

#endif
