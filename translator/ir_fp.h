/*
 * Operands of the guest-FP ops fp_env and fp_int (ir_ops.def, docs/ir.md).
 *
 * A guest FP instruction is one op on fields of the CPU state (the guest's
 * FP/vector registers, 16 bytes each): the backend computes it on the host
 * FPU when the result is one the host computes exactly like the guest (a
 * cheap check), and otherwise calls the op's exact helper, which the IR
 * interpreter always calls.  Frontends pack the operation with ir_fp_desc
 * and the register offsets with ir_fp_offs.
 */
#ifndef FERRY_TRANSLATOR_IR_FP_H
#define FERRY_TRANSLATOR_IR_FP_H

#include <stdint.h>

/* fp_env operations: d = f(n, m[, a]).  MADD..NMSUB are fused: one rounding. */
typedef enum IrFpKind {
    IR_FP_ADD,    /* n + m */
    IR_FP_SUB,    /* n - m */
    IR_FP_MUL,    /* n * m */
    IR_FP_DIV,    /* n / m */
    IR_FP_MIN,    /* minimum; the helper decides NaN operands */
    IR_FP_MAX,    /* maximum; same */
    IR_FP_SQRT,   /* sqrt(n) */
    IR_FP_MADD,   /* a + n * m */
    IR_FP_MSUB,   /* a - n * m */
    IR_FP_NMADD,  /* -a - n * m */
    IR_FP_NMSUB,  /* -a + n * m */
    IR_FP_CVT,    /* n converted from the other precision (esz is the result's) */
    IR_FP_RINT,   /* n rounded to an integral value; idx = IrFpRound */
    IR_FP_ABS,    /* |n| (sign bit cleared, NaNs untouched) */
    IR_FP_NEG,    /* -n (sign bit flipped) */
    IR_FP_SCVTF,  /* the signed integer lanes of n converted to FP (current rounding) */
    IR_FP_FCVTZS, /* n converted to signed integer lanes, saturating; idx = IrFpRound mode
                   * (IR_FP_RND_Z: toward zero) */
    IR_FP_CMP,    /* lanes of all ones where n idx m holds, else zeros (IrFpCond) */
    IR_FP_CMPZ,   /* the same against +0 */
    IR_FP_ADDP,   /* pairwise add: the sums of adjacent lanes of n, then of m (scalar shape:
                   * the sum of n's two lanes) */
    IR_FP_NMUL,   /* -(n * m): the product rounded, then negated */
    IR_FP_ABD,    /* |n - m|: the difference rounded, then its sign cleared */
    IR_FP_UCVTF,  /* the unsigned integer lanes of n converted to FP (current rounding) */
    IR_FP_CVTL,   /* double lanes = the single lanes of n's low (idx 0) or high (1) half */
    IR_FP_CVTN,   /* the double lanes of n narrowed to single: d's low half, the high half
                   * zeroed (idx 0, shape VEC64), or d's high half, the low half kept (1) */
    IR_FP_MAXV,   /* scalar = the maximum of the four single lanes of n (16 bytes) */
    IR_FP_MINV,   /* scalar = their minimum; NaN lanes: the helper decides */
    IR_FP_FCVTU,  /* n converted to unsigned integer lanes, saturating; idx as FCVTZS */
    IR_FP_MAXP,   /* pairwise maximum, lanes as for ADDP; NaN lanes: the helper decides */
    IR_FP_MINP,   /* pairwise minimum */
    IR_FP_KINDS,
} IrFpKind;

/* IR_FP_RINT modes (x86 ROUND immediates): to nearest even, down, up, toward zero, the
 * current mode; IR_FP_RND_A (IR_FP_RINT and fp_int only): to nearest with ties away from
 * zero (no x86 mode), never inexact for IR_FP_RINT; IR_FP_RND_EXACT: raise inexact when the result
 * differs. */
enum {
    IR_FP_RND_N = 0,
    IR_FP_RND_M = 1,
    IR_FP_RND_P = 2,
    IR_FP_RND_Z = 3,
    IR_FP_RND_CUR = 4,
    IR_FP_RND_A = 5,
    IR_FP_RND_EXACT = 8,
};

/* IR_FP_CMP conditions (idx); IR_FP_CMP_ABS: compare |n| with |m|.  EQ raises invalid
 * for signalling NaNs only, the others for any NaN. */
enum {
    IR_FP_CMP_EQ,
    IR_FP_CMP_GE,
    IR_FP_CMP_GT,
    IR_FP_CMP_LE,
    IR_FP_CMP_LT,
    IR_FP_CMP_ABS = 8,
};

/* fp_int operations: d = NZCV of n <=> m (Arm encoding: 0110 equal, 1000 less,
 * 0010 greater, 0011 unordered), or n converted to an integer rounding toward zero (idx
 * IR_FP_RND_Z) or to nearest even, down, up or ties away (IR_FP_RND_N, _M, _P, _A),
 * saturating (NaN gives 0), invalid when out of range or NaN, else inexact when not
 * exact. */
typedef enum IrFpIntKind {
    IR_FPC_QUIET,  /* only signalling NaNs raise invalid */
    IR_FPC_SIGNAL, /* any NaN raises invalid */
    IR_FPI_S32,    /* to int32_t (zero-extended in d) */
    IR_FPI_S64,
    IR_FPI_U32,
    IR_FPI_U64,
} IrFpIntKind;

/* fp_from_int operations: d = the integer input (its low 32 bits for 32-bit sources)
 * converted to FP, rounded in the current mode. */
typedef enum IrFpFromKind {
    IR_FPF_S32,
    IR_FPF_S64,
    IR_FPF_U32,
    IR_FPF_U64,
} IrFpFromKind;

/* Shapes: one element in the low bits (rest of the 16 bytes zeroed), or a vector of
 * 8 bytes (upper 8 zeroed) or 16 bytes. */
enum { IR_FP_SCALAR, IR_FP_VEC64, IR_FP_VEC128 };

/*
 * c0 of fp_env / fp_int: kind (bits 0-7), element size log2 bytes esz 2 or 3
 * (bits 8-9), shape (10-11), m is element `idx` of its register broadcast to
 * every lane (bit 12, index in bits 13-16); fp_int: bit 12 = compare with +0.
 */
static inline uint64_t ir_fp_desc(int kind, int esz, int shape, int by_elem, int idx)
{
    return (uint64_t)kind | (uint64_t)esz << 8 | (uint64_t)shape << 10 | (uint64_t)by_elem << 12 |
           (uint64_t)idx << 13;
}
static inline int ir_fp_kind(uint64_t c)
{
    return (int)(c & 0xff);
}
static inline int ir_fp_esz(uint64_t c)
{
    return (int)(c >> 8 & 3);
}
static inline int ir_fp_shape(uint64_t c)
{
    return (int)(c >> 10 & 3);
}
static inline int ir_fp_by_elem(uint64_t c)
{
    return (int)(c >> 12 & 1);
}
static inline int ir_fp_idx(uint64_t c)
{
    return (int)(c >> 13 & 15);
}

/* c1: CPU-state byte offsets (each < 65536) of d, n, m and a. */
static inline uint64_t ir_fp_offs(uint32_t d, uint32_t n, uint32_t m, uint32_t a)
{
    return (uint64_t)d | (uint64_t)n << 16 | (uint64_t)m << 32 | (uint64_t)a << 48;
}
static inline int32_t ir_fp_off(uint64_t c, int i) /* i: 0 d, 1 n, 2 m, 3 a */
{
    return (int32_t)(c >> (16 * i) & 0xffff);
}

/* c4: the fast path is allowed only while (32-bit CPU-state word at `off`) & mask == 0. */
static inline uint64_t ir_fp_guard(uint32_t off, uint32_t mask)
{
    return (uint64_t)off | (uint64_t)mask << 32;
}

#endif
