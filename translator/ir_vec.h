/*
 * 128-bit integer vector operations of the IR (op `vec`, see docs/ir.md).
 *
 * Vector registers stay in the CPU state: a `vec` op names the byte offsets
 * of its destination and sources there (16-byte fields) and a descriptor
 * saying which operation, element size and width.  ir_vec_eval (ir_vec.c)
 * is the single C definition of their semantics: the interpreter runs it,
 * and the x86-64 backend calls it (ir_vec_helper) for any operation or
 * element size it has no host instruction sequence for.
 *
 * Constants of `vec`: c0 = dst offset, c1 = a offset, c2 = b offset,
 * c3 = descriptor (IR_VEC_DESC), c4, c5 = extra (byte table of PERM, table
 * offsets of TBL/TBX, the sticky saturation flag of the Q* ops).
 */
#ifndef FERRY_TRANSLATOR_IR_VEC_H
#define FERRY_TRANSLATOR_IR_VEC_H

#include <stdint.h>
#include <stdio.h>

#include "translator/ir.h"

/*
 * Operations.  Elements are 8 << esz bits; d is the old destination value
 * (read by the accumulating and bit-select ops).  Lanewise and pairwise
 * ops, PERM, TBL/TBX and the across-lane ops compute the low 64 bits only
 * when q == 0 and zero the upper 64 bits; widening ops always write 128 bits
 * and take the upper half of their narrow sources when q == 1.
 */
typedef enum IrVecOp {
    /* lanewise, two sources */
    IR_VEC_ADD,
    IR_VEC_SUB,
    IR_VEC_MUL,
    IR_VEC_MLA, /* d + a * b */
    IR_VEC_MLS, /* d - a * b */
    IR_VEC_AND,
    IR_VEC_ORR,
    IR_VEC_EOR,
    IR_VEC_BIC, /* a & ~b */
    IR_VEC_ORN, /* a | ~b */
    IR_VEC_BSL, /* d ? a : b, bitwise */
    IR_VEC_BIT, /* b ? a : d */
    IR_VEC_BIF, /* b ? d : a */
    IR_VEC_CMEQ,
    IR_VEC_CMGT, /* signed a > b: all ones, else zero */
    IR_VEC_CMGE,
    IR_VEC_CMHI, /* unsigned > */
    IR_VEC_CMHS, /* unsigned >= */
    IR_VEC_CMTST,
    IR_VEC_SMIN,
    IR_VEC_SMAX,
    IR_VEC_UMIN,
    IR_VEC_UMAX,
    IR_VEC_SABD,
    IR_VEC_UABD,
    IR_VEC_URHADD, /* (a + b + 1) >> 1, unsigned */
    IR_VEC_USHL,   /* a shifted left by the signed low byte of b (right if negative) */
    IR_VEC_SSHL,   /* the same with arithmetic right shifts */
    IR_VEC_UHADD,  /* (a + b) >> 1 */
    IR_VEC_SHADD,
    IR_VEC_SRHADD, /* (a + b + 1) >> 1, signed */
    IR_VEC_UABA,   /* d + |a - b| */
    IR_VEC_SABA,
    /* saturating: c4 = offset of a 32-bit flag word, c5 = bits ORed into it on saturation */
    IR_VEC_SQADD,
    IR_VEC_UQADD,
    IR_VEC_SQSUB,
    IR_VEC_UQSUB,
    IR_VEC_SQDMULH,  /* (2 * a * b) >> bits, saturated */
    IR_VEC_SQRDMULH, /* (2 * a * b + (1 << (bits - 1))) >> bits, saturated */
    /* pairwise over the concatenation a:b (the used parts) */
    IR_VEC_ADDP,
    IR_VEC_SMAXP,
    IR_VEC_UMAXP,
    IR_VEC_SMINP,
    IR_VEC_UMINP,
    /* lanewise, one source a */
    IR_VEC_NOT,
    IR_VEC_NEG,
    IR_VEC_ABS,
    IR_VEC_CNT, /* esz 0: population count of each byte */
    /* shifts by the immediate imm; right shifts accept imm == element bits */
    IR_VEC_SHL,
    IR_VEC_USHR,
    IR_VEC_SSHR,
    IR_VEC_USRA, /* d + (a >> imm) */
    IR_VEC_SSRA,
    IR_VEC_URSHR, /* rounding: (a + (1 << (imm - 1))) >> imm */
    IR_VEC_SRSHR,
    IR_VEC_URSRA, /* d + the rounded shift */
    IR_VEC_SRSRA,
    /* widening: esz is the narrow size, IR_VEC_SIGNED selects sign extension */
    IR_VEC_XTL,  /* extend(a) << imm */
    IR_VEC_ADDL, /* extend(a) + extend(b) */
    IR_VEC_ADDW, /* a (wide) + extend(b) */
    IR_VEC_SUBL,
    IR_VEC_SUBW,
    IR_VEC_ABDL, /* |extend(a) - extend(b)| */
    IR_VEC_ABAL, /* d + |extend(a) - extend(b)| */
    IR_VEC_MULL, /* extend(a) * extend(b) */
    IR_VEC_MLAL, /* d + extend(a) * extend(b) */
    IR_VEC_MLSL,
    /* across lanes of a; the result is element 0, the rest of the register zero */
    IR_VEC_ADDV,
    IR_VEC_SMAXV,
    IR_VEC_SMINV,
    IR_VEC_UMAXV,
    IR_VEC_UMINV,
    IR_VEC_ADDLV, /* sum in 16 << esz bits, signed with IR_VEC_SIGNED */
    /* byte permutation: c4, c5 = 16 byte indices (little-endian); index < 16 selects a
     * byte of a, 16..31 a byte of b, anything else gives 0 */
    IR_VEC_PERM,
    /* table lookup: c4 = the 16-bit offsets of the imm (1..4) table registers, b = indices;
     * out-of-range indices give 0 (TBL) or keep d (TBX) */
    IR_VEC_TBL,
    IR_VEC_TBX,
    /* narrowing: element i (of esz) = wide element i of a >> imm; q = 1 writes the upper half
     * and keeps the lower half of d */
    IR_VEC_SHRN,
    /* saturating narrowing of the wide elements of a (QC as the Q* ops), placed as SHRN:
     * signed -> signed, unsigned -> unsigned, signed -> unsigned */
    IR_VEC_SQXTN,
    IR_VEC_UQXTN,
    IR_VEC_SQXTUN,
    /* pairwise long add: wide element i = extend(a[2i]) + extend(a[2i + 1]) (+ d for ADALP) */
    IR_VEC_ADDLP,
    IR_VEC_ADALP,
    /* shift and insert by imm: SLI keeps the low imm bits of d, SRI its high imm bits (imm
     * may be the element width: d unchanged) */
    IR_VEC_SLI,
    IR_VEC_SRI,
    /* lanewise, one source a: leading zero / sign bits, bit reversal (esz 0), and the
     * saturating absolute value and negation (QC as the Q* ops) */
    IR_VEC_CLZ,
    IR_VEC_CLS,
    IR_VEC_RBIT,
    IR_VEC_SQABS,
    IR_VEC_SQNEG,
    /* lanewise, two sources: halving subtracts (a - b) >> 1; rounding shifts by register
     * (as USHL / SSHL, right shifts rounded); polynomial multiply (esz 0) */
    IR_VEC_UHSUB,
    IR_VEC_SHSUB,
    IR_VEC_URSHL,
    IR_VEC_SRSHL,
    IR_VEC_PMUL,
    /* saturating left shifts by imm (QC): signed, unsigned, signed -> unsigned */
    IR_VEC_SQSHL,
    IR_VEC_UQSHL,
    IR_VEC_SQSHLU,
    /* narrowing shifts by imm (1 .. narrow bits) of the wide elements of a, placed as SHRN:
     * RSHRN rounds and truncates; the others saturate (QC) as SQXTN, UQXTN, SQXTUN, the R
     * forms after rounding (adding 1 << (imm - 1) first) */
    IR_VEC_RSHRN,
    IR_VEC_SQSHRN,
    IR_VEC_SQRSHRN,
    IR_VEC_UQSHRN,
    IR_VEC_UQRSHRN,
    IR_VEC_SQSHRUN,
    IR_VEC_SQRSHRUN,
    /* high halves of the wide a + b, a - b (rounded: + 1 << (narrow bits - 1)), placed as
     * SHRN */
    IR_VEC_ADDHN,
    IR_VEC_RADDHN,
    IR_VEC_SUBHN,
    IR_VEC_RSUBHN,
    /* saturating doubling long multiplies (QC), widening as MULL: 2 * a * b, and d plus or
     * minus that, each step saturated to the wide element */
    IR_VEC_SQDMULL,
    IR_VEC_SQDMLAL,
    IR_VEC_SQDMLSL,
    /* saturating shifts by register (QC): as USHL / SSHL (URSHL / SRSHL for the R forms), left
     * shifts saturated to the element (signed or unsigned) */
    IR_VEC_SQSHLR,
    IR_VEC_UQSHLR,
    IR_VEC_SQRSHLR,
    IR_VEC_UQRSHLR,
    /* widening as MULL (esz 0): the polynomial products of the bytes of a and b */
    IR_VEC_PMULL,
    /* dot products in the 32-bit lanes (esz 2): d + the sum of the four products of the bytes
     * of a and b in the lane, signed or unsigned (SDOT, UDOT) */
    IR_VEC_SDOT,
    IR_VEC_UDOT,
    IR_VEC_COUNT
} IrVecOp;

#define IR_VEC_ZA (1u << 11)     /* source a is zero instead of a register */
#define IR_VEC_ZB (1u << 12)     /* source b is zero */
#define IR_VEC_SIGNED (1u << 13) /* widening ops: sign-extend */
#define IR_VEC_BELEM (1u << 14)  /* b is its element number imm (of esz) in every lane */
/* Scalar form (q = 0): only element 0 of the sources counts (the others are taken as 0)
 * and the result is its element 0, the rest of the register zero.  Element 0 is of the
 * narrow size for the narrow sources / results of widening and narrowing ops. */
#define IR_VEC_SCALAR (1u << 15)

/* Descriptor: op in bits 0..7, esz in 8..9, q in bit 10, flags, imm in 16..31. */
static inline uint64_t ir_vec_desc(IrVecOp op, int esz, int q, unsigned flags, unsigned imm)
{
    return (uint64_t)op | (uint64_t)(esz & 3) << 8 | (uint64_t)(q & 1) << 10 | flags |
           (uint64_t)(imm & 0xffff) << 16;
}
static inline IrVecOp ir_vec_op(uint64_t desc)
{
    return (IrVecOp)(desc & 0xff);
}
static inline int ir_vec_esz(uint64_t desc)
{
    return (desc >> 8) & 3;
}
static inline int ir_vec_q(uint64_t desc)
{
    return (desc >> 10) & 1;
}
static inline unsigned ir_vec_imm(uint64_t desc)
{
    return (desc >> 16) & 0xffff;
}

/* True for the ops that read the old destination. */
static inline bool ir_vec_reads_d(IrVecOp op)
{
    return op == IR_VEC_MLA || op == IR_VEC_MLS || op == IR_VEC_BSL || op == IR_VEC_BIT ||
           op == IR_VEC_BIF || op == IR_VEC_USRA || op == IR_VEC_SSRA || op == IR_VEC_URSRA ||
           op == IR_VEC_SRSRA || op == IR_VEC_MLAL || op == IR_VEC_MLSL || op == IR_VEC_TBX ||
           op == IR_VEC_SHRN || op == IR_VEC_UABA || op == IR_VEC_SABA || op == IR_VEC_ABAL ||
           op == IR_VEC_ADALP || (op >= IR_VEC_SQXTN && op <= IR_VEC_SQXTUN) || op == IR_VEC_SLI ||
           op == IR_VEC_SRI || (op >= IR_VEC_RSHRN && op <= IR_VEC_RSUBHN) ||
           op == IR_VEC_SQDMLAL || op == IR_VEC_SQDMLSL || op == IR_VEC_SDOT || op == IR_VEC_UDOT;
}

/* The element sizes of an op of esz: of a and b (*in), of d (*dsz); returns the result's. */
static inline int ir_vec_sizes(IrVecOp op, int esz, int *in, int *dsz)
{
    bool narrowing =
        (op >= IR_VEC_SHRN && op <= IR_VEC_SQXTUN) || (op >= IR_VEC_RSHRN && op <= IR_VEC_RSUBHN);
    bool widening = (op >= IR_VEC_XTL && op <= IR_VEC_MLSL) ||
                    (op >= IR_VEC_SQDMULL && op <= IR_VEC_SQDMLSL) || op == IR_VEC_PMULL;
    *in = narrowing ? esz + 1 : esz;
    *dsz = widening ? esz + 1 : esz;
    return widening ? esz + 1 : esz;
}

/* True for the ops that saturate and set the flag named by c4, c5. */
static inline bool ir_vec_saturates(IrVecOp op)
{
    return (op >= IR_VEC_SQADD && op <= IR_VEC_SQRDMULH) ||
           (op >= IR_VEC_SQXTN && op <= IR_VEC_SQXTUN) || op == IR_VEC_SQABS ||
           op == IR_VEC_SQNEG ||
           (op >= IR_VEC_SQSHL && op <= IR_VEC_SQRSHRUN && op != IR_VEC_RSHRN) ||
           (op >= IR_VEC_SQDMULL && op <= IR_VEC_UQRSHLR);
}

/* True for the lanewise ops added after ADALP (SLI .. SQSHLU, SQSHLR .. UQRSHLR, SDOT, UDOT). */
static inline bool ir_vec_lanewise_ext(IrVecOp op)
{
    return (op >= IR_VEC_SLI && op <= IR_VEC_SQSHLU) ||
           (op >= IR_VEC_SQSHLR && op <= IR_VEC_UQRSHLR) || op == IR_VEC_SDOT || op == IR_VEC_UDOT;
}

/* Emits `vec`: offsets in the CPU state, desc from ir_vec_desc, x0/x1 as the op says. */
void ir_gen_vec(IrContext *ctx, int32_t d, int32_t a, int32_t b, uint64_t desc, uint64_t x0,
                uint64_t x1);

/* Prints the constants of a `vec` op for `-d op`: "add.16b @dst, @a, @b" and the extras. */
void ir_vec_dump(const uint64_t *c, FILE *out);

/* Runs one `vec` op with constants c[0..5] on the CPU state at env. */
void ir_vec_eval(void *env, const uint64_t *c);

/* The same with the three offsets packed as d | a << 20 | b << 40: the out-of-line
 * form the x86-64 backend calls for what it does not select itself. */
void ir_vec_helper(void *env, uint64_t offsets, uint64_t desc, uint64_t x0, uint64_t x1);

#endif
