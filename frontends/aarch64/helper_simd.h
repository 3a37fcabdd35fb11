/*
 * Run-time helpers of the AArch64 FP and AdvSIMD translation.
 *
 * trans_simd.c emits calls to the helper_* functions below for everything
 * that is not cheap to express in IR.  A helper works on the V registers in
 * the CPU state (A64CPU.v) and on FPCR/FPSR; operand register numbers and
 * the encoding fields it needs arrive packed in one constant descriptor
 * (a64_simd_desc).  The a64_fp_* functions (helper_fp.c) implement single
 * scalar FP operations with Arm semantics (NaN rules, FPCR rounding mode,
 * DN and FZ, cumulative FPSR flags) and are shared by the vector helpers.
 */
#ifndef FERRY_FRONTENDS_AARCH64_HELPER_SIMD_H
#define FERRY_FRONTENDS_AARCH64_HELPER_SIMD_H

#include <stdbool.h>
#include <stdint.h>

#include "frontends/aarch64/cpu.h"

/* FPCR / FPSR bits. */
#define A64_FPCR_AHP (1u << 26)
#define A64_FPCR_DN (1u << 25)
#define A64_FPCR_FZ (1u << 24)
#define A64_FPCR_RMODE_SHIFT 22
#define A64_FPCR_FZ16 (1u << 19)
#define A64_FPSR_IOC (1u << 0)
#define A64_FPSR_DZC (1u << 1)
#define A64_FPSR_OFC (1u << 2)
#define A64_FPSR_UFC (1u << 3)
#define A64_FPSR_IXC (1u << 4)
#define A64_FPSR_IDC (1u << 7)
#define A64_FPSR_QC (1u << 27)

/* CPUCommon.tb_flags: FPCR.FZ (translation picks the exact helpers for FP ops). */
#define A64_TBF_FZ (1u << 0)

/* Decoded operand fields of one SIMD/FP instruction. */
typedef struct A64SimdDesc {
    int rd, rn, rm, ra; /* register numbers */
    int size;           /* size field (or FP type / esize, as the helper documents) */
    int q, u, scalar;   /* Q bit, U bit, scalar (one element) form */
    int opc;            /* opcode field, up to 7 bits */
    int imm;            /* immediate, up to 16 bits */
} A64SimdDesc;

static inline uint64_t a64_simd_desc(const A64SimdDesc *d)
{
    return (uint64_t)d->rd | (uint64_t)d->rn << 5 | (uint64_t)d->rm << 10 | (uint64_t)d->ra << 15 |
           (uint64_t)(d->size & 3) << 20 | (uint64_t)d->q << 22 | (uint64_t)d->u << 23 |
           (uint64_t)d->scalar << 24 | (uint64_t)(d->opc & 127) << 25 |
           (uint64_t)(d->imm & 0xffff) << 32;
}

static inline A64SimdDesc a64_simd_desc_unpack(uint64_t x)
{
    A64SimdDesc d = {
        .rd = x & 31,
        .rn = (x >> 5) & 31,
        .rm = (x >> 10) & 31,
        .ra = (x >> 15) & 31,
        .size = (x >> 20) & 3,
        .q = (x >> 22) & 1,
        .u = (x >> 23) & 1,
        .scalar = (x >> 24) & 1,
        .opc = (x >> 25) & 127,
        .imm = (x >> 32) & 0xffff,
    };
    return d;
}

/* FP element sizes are log2 of the byte size: 1 = half, 2 = single, 3 = double. */

/* Two-operand FP operations of a64_fp_binop. */
typedef enum A64FpOp {
    A64_FP_ADD,
    A64_FP_SUB,
    A64_FP_MUL,
    A64_FP_DIV,
    A64_FP_MAX,
    A64_FP_MIN,
    A64_FP_MAXNM,
    A64_FP_MINNM,
    A64_FP_NMUL,
    A64_FP_ABD,
    A64_FP_MULX,
    A64_FP_RECPS,
    A64_FP_RSQRTS,
} A64FpOp;

/* Rounding modes of a64_fp_to_int / a64_fp_round_int (A = ties away, X/I = FPCR mode). */
typedef enum A64FpRound {
    A64_RND_N,
    A64_RND_P,
    A64_RND_M,
    A64_RND_Z,
    A64_RND_A,
    A64_RND_CUR,
} A64FpRound;

/* Brackets a helper's FP work: sets the host rounding mode from FPCR and clears host
 * exception flags; a64_fp_end adds the raised flags to FPSR and restores the host.
 * The a64_fp_* operations below must run inside such a bracket; they set the Arm
 * flags they compute themselves (IOC for NaNs, saturation...) directly in FPSR. */
void a64_fp_begin(A64CPU *cpu);
void a64_fp_end(A64CPU *cpu);

/* Lazy FPSR (helper_fp_env.c): while guest code runs, the host MXCSR rounds as FPCR says
 * and collects FPSR flags not yet in cpu->fpsr. */
uint32_t a64_fp_host_fpsr_flags(uint32_t mxcsr); /* x86 exception flags -> FPSR bits */
uint32_t a64_fp_host_mxcsr(const A64CPU *cpu);   /* the MXCSR guest code runs with */
void a64_fp_fold(A64CPU *cpu);                   /* host flags -> cpu->fpsr; clears them */
void a64_fp_sync(A64CPU *cpu); /* folds, then MXCSR = a64_fp_host_mxcsr (FPCR/FPSR written) */
/* GuestArch hooks around generated code: `mxcsr` is the host status guest code left. */
void a64_fp_enter(CPUCommon *cpu);
void a64_fp_leave(CPUCommon *cpu, uint32_t mxcsr);
uint64_t a64_helper_get_fpsr(CPUCommon *cpu); /* MRS FPSR */
/* Writes FPCR and the TB flags that depend on it (not the host state: a64_fp_sync or the
 * next a64_fp_enter). */
void a64_fp_set_fpcr(A64CPU *cpu, uint32_t fpcr);

uint64_t a64_fp_binop(A64CPU *cpu, A64FpOp op, int fsz, uint64_t a, uint64_t b);
/* a + n * m, fused, with Arm NaN rules; callers negate operands for FMSUB/FNMADD... */
uint64_t a64_fp_muladd(A64CPU *cpu, int fsz, uint64_t a, uint64_t n, uint64_t m);
uint64_t a64_fp_sqrt(A64CPU *cpu, int fsz, uint64_t a);
/* Returns NZCV in bits 3..0. `signal`: any NaN raises IOC (FCMPE). */
int a64_fp_compare(A64CPU *cpu, int fsz, uint64_t a, uint64_t b, bool signal);
/* Vector compares: returns true/false; cond 0 = EQ, 1 = GE, 2 = GT; abs compares |a|,|b|. */
bool a64_fp_compare_cond(A64CPU *cpu, int fsz, uint64_t a, uint64_t b, int cond, bool abs);
/* Rounds to an integral value in the same format (FRINT*); exact: FRINTX raises IXC. */
uint64_t a64_fp_round_int(A64CPU *cpu, int fsz, uint64_t a, A64FpRound rm, bool exact);
/* Converts to a (64, 32 or 16 bit, isz = 3, 2 or 1) integer, saturating as Arm does. */
uint64_t a64_fp_to_int(A64CPU *cpu, int fsz, uint64_t a, A64FpRound rm, bool is_unsigned, int fbits,
                       int isz);
/* Converts an integer (already extended to 64 bits) to FP with `fbits` fraction bits. */
uint64_t a64_fp_from_int(A64CPU *cpu, int fsz, uint64_t v, bool is_unsigned, int fbits);
/* FRECPE, FRSQRTE, FRECPX; the integer cores are shared with URECPE / URSQRTE. */
uint64_t a64_fp_recip_estimate(A64CPU *cpu, int fsz, uint64_t a);
uint64_t a64_fp_rsqrt_estimate(A64CPU *cpu, int fsz, uint64_t a);
uint64_t a64_fp_recpx(A64CPU *cpu, int fsz, uint64_t a);
int a64_recip_estimate(int a);
int a64_rsqrt_estimate(int a);
/* Converts between FP formats (FCVT). */
uint64_t a64_fp_convert(A64CPU *cpu, int from, int to, uint64_t a);
uint64_t a64_fp_convert_odd(A64CPU *cpu, uint64_t a);

/* Scalar FP helpers (frontends/aarch64/helper_fp_insn.c).  Descriptor fields:
 * size = FP type field (0 S, 1 D, 3 H), opc = the encoding's opcode. */
uint64_t helper_fp_1src(CPUCommon *cpu, uint64_t desc);
uint64_t helper_fp_2src(CPUCommon *cpu, uint64_t desc);
uint64_t helper_fp_3src(CPUCommon *cpu, uint64_t desc);                /* opc = o1:o0 */
uint64_t helper_fp_cmp(CPUCommon *cpu, uint64_t desc);                 /* returns NZCV */
uint64_t helper_fp_ccmp(CPUCommon *cpu, uint64_t desc, uint64_t cond); /* imm = nzcv */
/* opc = rmode:opcode of the conversion encoding, imm = fbits, q = sf. */
uint64_t helper_fp_to_int(CPUCommon *cpu, uint64_t desc);
uint64_t helper_fp_from_int(CPUCommon *cpu, uint64_t desc, uint64_t value);

/* AdvSIMD helpers (frontends/aarch64/helper_simd*.c), fields as in the encodings. */
uint64_t helper_simd_3same(CPUCommon *cpu, uint64_t desc);
uint64_t helper_simd_3diff(CPUCommon *cpu, uint64_t desc);
uint64_t helper_simd_2misc(CPUCommon *cpu, uint64_t desc);
uint64_t helper_simd_across(CPUCommon *cpu, uint64_t desc);
uint64_t helper_simd_pair_scalar(CPUCommon *cpu, uint64_t desc);
uint64_t helper_simd_shift_imm(CPUCommon *cpu, uint64_t desc); /* imm = immh:immb */
/* Vector/scalar x indexed element: rm is the full register number, imm the index. */
uint64_t helper_simd_indexed(CPUCommon *cpu, uint64_t desc);
uint64_t helper_simd_permute(CPUCommon *cpu, uint64_t desc);
uint64_t helper_simd_tbl(CPUCommon *cpu, uint64_t desc); /* ra = len, u = TBX */

#endif
