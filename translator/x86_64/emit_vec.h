/*
 * x86-64 encoders for the 128-bit integer SSE instructions (SSE2, SSSE3,
 * SSE4.1, SSE4.2) that codegen_vec.c selects.  Byte emission only, on top of
 * emit.h's generic prefix/ModRM encoders: an xmm register is numbered 0..15
 * in the same ModRM/REX fields as a general register.  Opcode descriptors
 * follow emit.h (X86_P_* bits + opcode byte); tables indexed by element
 * size (0 = bytes .. 3 = quadwords) hold 0 where no instruction exists.
 */
#ifndef FERRY_TRANSLATOR_X86_64_EMIT_VEC_H
#define FERRY_TRANSLATOR_X86_64_EMIT_VEC_H

#include "translator/x86_64/emit.h"

#define X86_SSE(op) ((op) | X86_P_66 | X86_P_0F)
#define X86_SSE38(op) ((op) | X86_P_66 | X86_P_0F38)

/* SSE2 unless noted. */
#define X86_OPC_MOVQ_XX (0x7eu | X86_P_F3 | X86_P_0F) /* movq x, x/m64: zeroes bits 64..127 */
#define X86_OPC_MOVQ_X_R (0x6eu | X86_P_66 | X86_P_0F | X86_P_W) /* movq xmm, r64 */
#define X86_OPC_MOVQ_R_X (0x7eu | X86_P_66 | X86_P_0F | X86_P_W) /* movq r64, xmm */
#define X86_OPC_MOVDQA X86_SSE(0x6fu)
#define X86_OPC_PAND X86_SSE(0xdbu)
#define X86_OPC_PANDN X86_SSE(0xdfu) /* d = ~d & s */
#define X86_OPC_POR X86_SSE(0xebu)
#define X86_OPC_PXOR X86_SSE(0xefu)
#define X86_OPC_PMULLW X86_SSE(0xd5u)
#define X86_OPC_PMULHW X86_SSE(0xe5u)
#define X86_OPC_PMULHUW X86_SSE(0xe4u)
#define X86_OPC_PMULUDQ X86_SSE(0xf4u)
#define X86_OPC_PMULLD X86_SSE38(0x40u)   /* SSE4.1 */
#define X86_OPC_PMULDQ X86_SSE38(0x28u)   /* SSE4.1 */
#define X86_OPC_PMOVMSKB X86_SSE(0xd7u)   /* reg field: r32, r/m: xmm */
#define X86_OPC_PSHUFD X86_SSE(0x70u)     /* + imm8 */
#define X86_OPC_PSHUFB X86_SSE38(0x00u)   /* SSSE3 */
#define X86_OPC_PHADDD X86_SSE38(0x02u)   /* SSSE3 */
#define X86_OPC_PMOVSXBW X86_SSE38(0x20u) /* SSE4.1 */
#define X86_OPC_PMOVZXBW X86_SSE38(0x30u) /* SSE4.1 */
#define X86_OPC_PMADDWD X86_SSE(0xf5u)
#define X86_OPC_PMULHRSW X86_SSE38(0x0bu) /* SSSE3 */
#define X86_OPC_PACKUSWB X86_SSE(0x67u)
#define X86_OPC_PACKUSDW X86_SSE38(0x2bu) /* SSE4.1 */
#define X86_OPC_PACKSSWB X86_SSE(0x63u)
#define X86_OPC_PACKSSDW X86_SSE(0x6bu)
#define X86_OPC_PUNPCKLQDQ X86_SSE(0x6cu)
#define X86_OPC_PUNPCKHQDQ X86_SSE(0x6du)
#define X86_OPC_PAVGB X86_SSE(0xe0u)
#define X86_OPC_PAVGW X86_SSE(0xe3u)
#define X86_OPC_PADDUSB X86_SSE(0xdcu)
#define X86_OPC_PMAXUB X86_SSE(0xdeu)
#define X86_OPC_PCMPEQB X86_SSE(0x74u)
#define X86_OPC_PCMPEQD X86_SSE(0x76u)

/* Shift-by-immediate groups (0x71 words, 0x72 dwords, 0x73 qwords/bytes): /digit. */
#define X86_VSH_SRL 2
#define X86_VSH_SRA 4
#define X86_VSH_SLL 6
#define X86_VSH_SRLDQ 3 /* whole register, bytes (group 0x73 only) */

static const unsigned x86_vec_padd[4] = {X86_SSE(0xfcu), X86_SSE(0xfdu), X86_SSE(0xfeu),
                                         X86_SSE(0xd4u)};
static const unsigned x86_vec_psub[4] = {X86_SSE(0xf8u), X86_SSE(0xf9u), X86_SSE(0xfau),
                                         X86_SSE(0xfbu)};
/* pcmpeqq is SSE4.1, pcmpgtq SSE4.2 */
static const unsigned x86_vec_pcmpeq[4] = {X86_SSE(0x74u), X86_SSE(0x75u), X86_SSE(0x76u),
                                           X86_SSE38(0x29u)};
static const unsigned x86_vec_pcmpgt[4] = {X86_SSE(0x64u), X86_SSE(0x65u), X86_SSE(0x66u),
                                           X86_SSE38(0x37u)};
/* Signed/unsigned min/max: the 0F38 forms are SSE4.1. */
static const unsigned x86_vec_pmins[3] = {X86_SSE38(0x38u), X86_SSE(0xeau), X86_SSE38(0x39u)};
static const unsigned x86_vec_pmaxs[3] = {X86_SSE38(0x3cu), X86_SSE(0xeeu), X86_SSE38(0x3du)};
static const unsigned x86_vec_pminu[3] = {X86_SSE(0xdau), X86_SSE38(0x3au), X86_SSE38(0x3bu)};
static const unsigned x86_vec_pmaxu[3] = {X86_SSE(0xdeu), X86_SSE38(0x3eu), X86_SSE38(0x3fu)};
/* Saturating add/sub of bytes and words: signed, unsigned. */
static const unsigned x86_vec_padds[2] = {X86_SSE(0xecu), X86_SSE(0xedu)};
static const unsigned x86_vec_paddus[2] = {X86_SSE(0xdcu), X86_SSE(0xddu)};
static const unsigned x86_vec_psubs[2] = {X86_SSE(0xe8u), X86_SSE(0xe9u)};
static const unsigned x86_vec_psubus[2] = {X86_SSE(0xd8u), X86_SSE(0xd9u)};
static const unsigned x86_vec_pabs[3] = {X86_SSE38(0x1cu), X86_SSE38(0x1du), X86_SSE38(0x1eu)};
static const unsigned x86_vec_punpckl[4] = {X86_SSE(0x60u), X86_SSE(0x61u), X86_SSE(0x62u),
                                            X86_SSE(0x6cu)};
static const unsigned x86_vec_punpckh[4] = {X86_SSE(0x68u), X86_SSE(0x69u), X86_SSE(0x6au),
                                            X86_SSE(0x6du)};
/* Shifts of every element by the count in the low 64 bits of an xmm (0: none). */
static const unsigned x86_vec_psll_x[4] = {0, X86_SSE(0xf1u), X86_SSE(0xf2u), X86_SSE(0xf3u)};
static const unsigned x86_vec_psrl_x[4] = {0, X86_SSE(0xd1u), X86_SSE(0xd2u), X86_SSE(0xd3u)};
static const unsigned x86_vec_psra_x[4] = {0, X86_SSE(0xe1u), X86_SSE(0xe2u), 0};
/* Shift group opcode per element size (bytes have none: 0). */
static const unsigned x86_vec_shgrp[4] = {0, X86_SSE(0x71u), X86_SSE(0x72u), X86_SSE(0x73u)};

/* op xd, xs */
static inline void x86_vop(CodeBuf *cb, unsigned opc, int xd, int xs)
{
    x86_op_rr(cb, opc, xd, xs);
}

/* op xd, xs, imm8 (pshufd) */
static inline void x86_vop_i(CodeBuf *cb, unsigned opc, int xd, int xs, uint8_t imm)
{
    x86_op_rr(cb, opc, xd, xs);
    x86_u8(cb, imm);
}

/* AVX2 per-element variable shifts (VEX.128.66.0F38, W selects quadwords): opcode bytes. */
#define X86_VEX_PSRLV 0x45u
#define X86_VEX_PSRAV 0x46u /* dwords only */
#define X86_VEX_PSLLV 0x47u

/* VEX.128.66.0F38 op xd, xs1, xs2 (three-byte VEX prefix). */
static inline void x86_vex38(CodeBuf *cb, uint8_t op, bool w, int xd, int xs1, int xs2)
{
    x86_u8(cb, 0xc4);
    x86_u8(cb, (uint8_t)((xd & 8 ? 0 : 0x80) | 0x40 | (xs2 & 8 ? 0 : 0x20) | 0x02));
    x86_u8(cb, (uint8_t)((w ? 0x80 : 0) | (~xs1 & 15) << 3 | 0x01));
    x86_u8(cb, op);
    x86_u8(cb, (uint8_t)(0xc0 | (xd & 7) << 3 | (xs2 & 7)));
}

/* op xd, [rip + disp32] addressing `target` (no immediate follows; the caller checks reach). */
static inline void x86_vop_rip(CodeBuf *cb, unsigned opc, int xd, const void *target)
{
    x86_opc(cb, opc, xd, 0, 0, false);
    x86_u8(cb, (uint8_t)((xd & 7) << 3 | 5));
    x86_patch32(cb->ptr, target);
    cb->ptr += 4;
}

/* movdqu xd, [base + disp] / movdqu [base + disp], xs */
static inline void x86_vload(CodeBuf *cb, int xd, int base, int32_t disp)
{
    x86_op_md(cb, X86_OPC_MOVDQU_LOAD, xd, base, disp);
}
static inline void x86_vstore(CodeBuf *cb, int xs, int base, int32_t disp)
{
    x86_op_md(cb, X86_OPC_MOVDQU_STORE, xs, base, disp);
}

/* Shift of each element of x by imm: grp = x86_vec_shgrp[esz], digit = X86_VSH_*. */
static inline void x86_vshift(CodeBuf *cb, unsigned grp, int digit, int x, uint8_t imm)
{
    x86_op_rr(cb, grp, digit, x);
    x86_u8(cb, imm);
}

/* psrldq x, bytes */
static inline void x86_vsrldq(CodeBuf *cb, int x, uint8_t bytes)
{
    x86_vshift(cb, X86_SSE(0x73u), X86_VSH_SRLDQ, x, bytes);
}

/* movq xd, r64 */
static inline void x86_movq_x_r(CodeBuf *cb, int xd, int r)
{
    x86_op_rr(cb, X86_OPC_MOVQ_X_R, xd, r);
}

/* movq r64, xs */
static inline void x86_movq_r_x(CodeBuf *cb, int r, int xs)
{
    x86_op_rr(cb, X86_OPC_MOVQ_R_X, xs, r);
}

/* pmovmskb r32, xs */
static inline void x86_pmovmskb(CodeBuf *cb, int r, int xs)
{
    x86_op_rr(cb, X86_OPC_PMOVMSKB, r, xs);
}

#endif
