/*
 * Lanewise integer vector operations on SSE (see codegen_vec.h): add, sub,
 * multiply(-accumulate), logic and bit selects, compares (unsigned ones by
 * biasing to signed), min/max and absolute differences, halving adds,
 * saturating add/sub with the QC check, unary ops, shifts by immediate and by
 * a register count.
 */
#include "translator/x86_64/codegen_vec.h"

/* ---- building blocks ---- */

unsigned x86_vg_minmax_opc(IrVecOp op, int esz)
{
    switch (op) {
    case IR_VEC_SMIN:
    case IR_VEC_SMINP:
    case IR_VEC_SMINV:
        return x86_vec_pmins[esz];
    case IR_VEC_SMAX:
    case IR_VEC_SMAXP:
    case IR_VEC_SMAXV:
        return x86_vec_pmaxs[esz];
    case IR_VEC_UMIN:
    case IR_VEC_UMINP:
    case IR_VEC_UMINV:
        return x86_vec_pminu[esz];
    default:
        return x86_vec_pmaxu[esz];
    }
}

static void vnot(VecGen *v, int x)
{
    x86_vop(v->cb, X86_OPC_PCMPEQD, X3, X3);
    x86_vop(v->cb, X86_OPC_PXOR, x, X3);
}

/* x = x * y in lanes of esz (0..2); clobbers y, X3, X4. */
static void vmul(VecGen *v, int x, int y, int esz)
{
    CodeBuf *cb = v->cb;
    if (esz == 1) {
        x86_vop(cb, X86_OPC_PMULLW, x, y);
        return;
    }
    if (esz == 2) {
        x86_vop(cb, X86_OPC_PMULLD, x, y);
        return;
    }
    /* bytes: even bytes from a word multiply, odd bytes from one of the high bytes */
    x86_vg_mov(v, X3, x);
    x86_vop(cb, X86_OPC_PMULLW, X3, y);
    x86_vg_opc_splat(v, X86_OPC_PAND, X3, 0xff, 1);
    x86_vshift(cb, x86_vec_shgrp[1], X86_VSH_SRL, x, 8);
    x86_vshift(cb, x86_vec_shgrp[1], X86_VSH_SRL, y, 8);
    x86_vop(cb, X86_OPC_PMULLW, x, y);
    x86_vshift(cb, x86_vec_shgrp[1], X86_VSH_SLL, x, 8);
    x86_vop(cb, X86_OPC_POR, x, X3);
}

/* x = (x > y) per lane, signed (unsigned with bias); clobbers X3. */
static void vcmpgt(VecGen *v, int x, int y, int esz, bool is_unsigned)
{
    if (is_unsigned) {
        x86_vg_opc_splat(v, X86_OPC_PXOR, x, 1ull << ((8 << esz) - 1), esz);
        x86_vg_opc_splat(v, X86_OPC_PXOR, y, 1ull << ((8 << esz) - 1), esz);
    }
    x86_vop(v->cb, x86_vec_pcmpgt[esz], x, y);
}

/* ---- operation classes ---- */

int x86_vg_logic_arith(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    switch (v->op) {
    case IR_VEC_ADD:
        x86_vop(cb, x86_vec_padd[esz], XA, XB);
        return XA;
    case IR_VEC_SUB:
        x86_vop(cb, x86_vec_psub[esz], XA, XB);
        return XA;
    case IR_VEC_MUL:
        vmul(v, XA, XB, esz);
        return XA;
    case IR_VEC_MLA:
    case IR_VEC_MLS:
        vmul(v, XA, XB, esz);
        x86_vop(cb, (v->op == IR_VEC_MLA ? x86_vec_padd : x86_vec_psub)[esz], XD, XA);
        return XD;
    case IR_VEC_AND:
        x86_vop(cb, X86_OPC_PAND, XA, XB);
        return XA;
    case IR_VEC_ORR:
        x86_vop(cb, X86_OPC_POR, XA, XB);
        return XA;
    case IR_VEC_EOR:
        x86_vop(cb, X86_OPC_PXOR, XA, XB);
        return XA;
    case IR_VEC_BIC:
        x86_vop(cb, X86_OPC_PANDN, XB, XA);
        return XB;
    case IR_VEC_ORN:
        vnot(v, XB);
        x86_vop(cb, X86_OPC_POR, XA, XB);
        return XA;
    case IR_VEC_BSL: /* ((a ^ b) & d) ^ b */
        x86_vop(cb, X86_OPC_PXOR, XA, XB);
        x86_vop(cb, X86_OPC_PAND, XA, XD);
        x86_vop(cb, X86_OPC_PXOR, XA, XB);
        return XA;
    case IR_VEC_BIT: /* ((a ^ d) & b) ^ d */
    case IR_VEC_BIF: /* ((a ^ d) & ~b) ^ d */
        x86_vop(cb, X86_OPC_PXOR, XA, XD);
        if (v->op == IR_VEC_BIT) {
            x86_vop(cb, X86_OPC_PAND, XA, XB);
        } else {
            x86_vop(cb, X86_OPC_PANDN, XB, XA);
            x86_vg_mov(v, XA, XB);
        }
        x86_vop(cb, X86_OPC_PXOR, XA, XD);
        return XA;
    default:
        return -1;
    }
}

int x86_vg_compare(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    switch (v->op) {
    case IR_VEC_CMEQ:
        x86_vop(cb, x86_vec_pcmpeq[esz], XA, XB);
        return XA;
    case IR_VEC_CMTST:
        x86_vop(cb, X86_OPC_PAND, XA, XB);
        x86_vop(cb, X86_OPC_PXOR, XB, XB);
        x86_vop(cb, x86_vec_pcmpeq[esz], XA, XB);
        vnot(v, XA);
        return XA;
    case IR_VEC_CMGT:
    case IR_VEC_CMHI:
        vcmpgt(v, XA, XB, esz, v->op == IR_VEC_CMHI);
        return XA;
    case IR_VEC_CMGE: /* !(b > a) */
    case IR_VEC_CMHS:
        vcmpgt(v, XB, XA, esz, v->op == IR_VEC_CMHS);
        vnot(v, XB);
        return XB;
    default:
        return -1;
    }
}

/* XA = |XA - XB| per lane of esz (exact as an unsigned lane); clobbers X3. */
void x86_vg_abd(VecGen *v, int esz, bool is_signed)
{
    x86_vg_mov(v, X3, XA);
    x86_vop(v->cb, x86_vg_minmax_opc(is_signed ? IR_VEC_SMIN : IR_VEC_UMIN, esz), X3, XB);
    x86_vop(v->cb, x86_vg_minmax_opc(is_signed ? IR_VEC_SMAX : IR_VEC_UMAX, esz), XA, XB);
    x86_vop(v->cb, x86_vec_psub[esz], XA, X3);
}

/* Halving adds: pavg with a parity fix (truncating) and a sign bias (signed) for bytes and
 * words; (a & b) + ((a ^ b) >> 1) or (a | b) - ((a ^ b) >> 1) for words of 32 bits. */
int x86_vg_hadd(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    bool s = v->op == IR_VEC_SHADD || v->op == IR_VEC_SRHADD;
    bool round = v->op == IR_VEC_URHADD || v->op == IR_VEC_SRHADD;
    if (esz == 2) {
        x86_vg_mov(v, X3, XA);
        x86_vop(cb, round ? X86_OPC_POR : X86_OPC_PAND, X3, XB);
        x86_vop(cb, X86_OPC_PXOR, XA, XB);
        x86_vshift(cb, x86_vec_shgrp[2], s ? X86_VSH_SRA : X86_VSH_SRL, XA, 1);
        if (round) {
            x86_vop(cb, x86_vec_psub[2], X3, XA);
            return X3;
        }
        x86_vop(cb, x86_vec_padd[2], XA, X3);
        return XA;
    }
    uint64_t top = 1ull << ((8 << esz) - 1);
    if (s) {
        x86_vg_opc_splat(v, X86_OPC_PXOR, XA, top, esz);
        x86_vg_opc_splat(v, X86_OPC_PXOR, XB, top, esz);
    }
    if (!round) {
        x86_vg_mov(v, X3, XA);
        x86_vop(cb, X86_OPC_PXOR, X3, XB);
        x86_vg_opc_splat(v, X86_OPC_PAND, X3, 1, esz);
    }
    x86_vop(cb, esz ? X86_OPC_PAVGW : X86_OPC_PAVGB, XA, XB);
    if (!round)
        x86_vop(cb, x86_vec_psub[esz], XA, X3);
    if (s)
        x86_vg_opc_splat(v, X86_OPC_PXOR, XA, top, esz);
    return XA;
}

int x86_vg_minmax(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    switch (v->op) {
    case IR_VEC_SABD:
    case IR_VEC_UABD:
    case IR_VEC_SABA:
    case IR_VEC_UABA:
        x86_vg_abd(v, esz, v->op == IR_VEC_SABD || v->op == IR_VEC_SABA);
        if (v->op == IR_VEC_SABA || v->op == IR_VEC_UABA) {
            x86_vop(cb, x86_vec_padd[esz], XD, XA);
            return XD;
        }
        return XA;
    default:
        x86_vop(cb, x86_vg_minmax_opc(v->op, esz), XA, XB);
        return XA;
    }
}

/* Sets the saturation flag (c4, c5) unless every byte of xeq is 0xff (only the low 8 bytes
 * when !full). */
void x86_vg_set_qc(VecGen *v, int xeq, bool full)
{
    CodeBuf *cb = v->cb;
    if (v->gpr < 0)
        v->gpr = x86_ra_alloc(v->g, X86_ALLOCATABLE);
    x86_pmovmskb(cb, v->gpr, xeq);
    if (!full)
        x86_alu_ri(cb, X86_AND, false, v->gpr, 0xff);
    x86_alu_ri(cb, X86_CMP, false, v->gpr, full ? 0xffff : 0xff);
    uint8_t *skip = x86_jcc8(cb, X86_CC_E);
    x86_alu_mi(cb, X86_OR, false, X86_REG_CPU, (int32_t)v->c[4], (int32_t)v->c[5]);
    x86_patch8(skip, cb->ptr);
}

void x86_vg_qc_unless_zero(VecGen *v, int x, int scratch, bool full)
{
    x86_vop(v->cb, X86_OPC_PXOR, scratch, scratch);
    x86_vop(v->cb, X86_OPC_PCMPEQB, x, scratch);
    x86_vg_set_qc(v, x, full);
}

void x86_vg_sign_lanes(VecGen *v, int x, int src, int esz)
{
    if (esz == 0) {
        x86_vop(v->cb, X86_OPC_PXOR, x, x);
        x86_vop(v->cb, x86_vec_pcmpgt[0], x, src);
        return;
    }
    if (x != src)
        x86_vg_mov(v, x, src);
    x86_vshift(v->cb, x86_vec_shgrp[esz < 3 ? esz : 2], X86_VSH_SRA, x, (uint8_t)((8 << esz) - 1));
    if (esz == 3)
        x86_vop_i(v->cb, X86_OPC_PSHUFD, x, x, 0xf5);
}

/*
 * Saturating add/sub of 32- and 64-bit lanes: the wrapped result r, and where it overflowed
 * the bound.  Unsigned: a carry is r < a (add), a borrow b > a (sub).  Signed: overflow when
 * the operands' signs make it possible and r's sign differs; the bound is MAX or MIN by
 * a's sign.  QC when any lane saturated.
 */
int x86_vg_saturating_wide(VecGen *v, bool add, bool s)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz, res = X6;
    uint64_t max = esz == 3 ? 0x7fffffffffffffffull : 0x7fffffff;
    x86_vg_mov(v, X3, XA);
    x86_vop(cb, (add ? x86_vec_padd : x86_vec_psub)[esz], X3, XB); /* r */
    if (!s) { /* X4 = lanes that carried / borrowed */
        x86_vg_mov(v, X4, add ? XA : XB);
        x86_vg_mov(v, X5, add ? X3 : XA);
        vcmpgt(v, X4, X5, esz, true);
        if (add) {
            x86_vop(cb, X86_OPC_POR, X3, X4);
            res = X3;
        } else {
            x86_vg_mov(v, X6, X4);
            x86_vop(cb, X86_OPC_PANDN, X6, X3);
        }
    } else { /* X4 = lanes that overflowed, X5 = their bound */
        x86_vg_mov(v, X4, XA);
        x86_vop(cb, X86_OPC_PXOR, X4, X3);
        x86_vg_mov(v, X5, add ? XB : XA);
        x86_vop(cb, X86_OPC_PXOR, X5, add ? X3 : XB);
        x86_vop(cb, X86_OPC_PAND, X4, X5);
        x86_vg_sign_lanes(v, X4, X4, esz);
        x86_vg_mov(v, X5, XA);
        x86_vg_sign_lanes(v, X5, X5, esz);
        x86_vg_opc_splat(v, X86_OPC_PXOR, X5, max, esz);
        x86_vop(cb, X86_OPC_PAND, X5, X4);
        x86_vg_mov(v, X6, X4);
        x86_vop(cb, X86_OPC_PANDN, X6, X3);
        x86_vop(cb, X86_OPC_POR, X6, X5);
    }
    x86_vg_qc_unless_zero(v, X4, X5, v->q);
    return res;
}

/* Saturating add/sub; QC when the result differs from the wrapped one. */
int x86_vg_saturating(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    bool add = v->op == IR_VEC_SQADD || v->op == IR_VEC_UQADD;
    bool s = v->op == IR_VEC_SQADD || v->op == IR_VEC_SQSUB;
    if (esz >= 2)
        return x86_vg_saturating_wide(v, add, s);
    x86_vg_mov(v, X3, XA);
    x86_vop(cb, (add ? x86_vec_padd : x86_vec_psub)[esz], X3, XB);
    x86_vop(
        cb,
        (add ? (s ? x86_vec_padds : x86_vec_paddus) : (s ? x86_vec_psubs : x86_vec_psubus))[esz],
        XA, XB);
    x86_vop(cb, X86_OPC_PCMPEQB, X3, XA);
    x86_vg_set_qc(v, X3, v->q);
    return XA;
}

/* XA = the low dwords of (p + round) >> 31 for the signed 64-bit products p of the even and of
 * the odd dword lanes of XA and XB (SSE4.1), round = 1 << 30 or 0. */
static void qdmulh32(VecGen *v, bool round)
{
    CodeBuf *cb = v->cb;
    x86_vg_mov(v, X3, XA);
    x86_vop(cb, X86_OPC_PMULDQ, X3, XB); /* even lanes */
    x86_vop_i(cb, X86_OPC_PSHUFD, XA, XA, 0xf5);
    x86_vop_i(cb, X86_OPC_PSHUFD, XB, XB, 0xf5);
    x86_vop(cb, X86_OPC_PMULDQ, XA, XB); /* odd lanes */
    if (round) {
        x86_vg_opc_splat(v, x86_vec_padd[3], X3, 1u << 30, 3);
        x86_vg_opc_splat(v, x86_vec_padd[3], XA, 1u << 30, 3);
    }
    x86_vshift(cb, x86_vec_shgrp[3], X86_VSH_SRL, X3, 31);
    x86_vshift(cb, x86_vec_shgrp[3], X86_VSH_SRL, XA, 31);
    x86_vshift(cb, x86_vec_shgrp[3], X86_VSH_SLL, XA, 32);
    x86_vg_opc_splat(v, X86_OPC_PAND, X3, 0xffffffffu, 3);
    x86_vop(cb, X86_OPC_POR, XA, X3);
}

/*
 * SQDMULH / SQRDMULH of 16-bit lanes: (a * b) >> 15 from the high and low product halves,
 * or pmulhrsw's rounded form; of 32-bit lanes: 64-bit products (qdmulh32).  Only
 * MIN * MIN overflows, giving MIN where no other product can: those lanes become MAX and
 * set QC.
 */
int x86_vg_qdmulh(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    if (esz == 2) {
        qdmulh32(v, v->op == IR_VEC_SQRDMULH);
    } else if (v->op == IR_VEC_SQRDMULH) {
        x86_vop(cb, X86_OPC_PMULHRSW, XA, XB);
    } else {
        x86_vg_mov(v, X3, XA);
        x86_vop(cb, X86_OPC_PMULLW, X3, XB);
        x86_vop(cb, X86_OPC_PMULHW, XA, XB);
        x86_vshift(cb, x86_vec_shgrp[1], X86_VSH_SLL, XA, 1);
        x86_vshift(cb, x86_vec_shgrp[1], X86_VSH_SRL, X3, 15);
        x86_vop(cb, X86_OPC_POR, XA, X3);
    }
    x86_vg_mov(v, X4, XA);
    x86_vg_opc_splat(v, x86_vec_pcmpeq[esz], X4, 1ull << ((8 << esz) - 1), esz);
    x86_vop(cb, X86_OPC_PXOR, XA, X4);
    x86_vg_qc_unless_zero(v, X4, X5, v->q);
    return XA;
}

int x86_vg_unary(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    switch (v->op) {
    case IR_VEC_NOT:
        vnot(v, XA);
        return XA;
    case IR_VEC_NEG:
        x86_vop(cb, X86_OPC_PXOR, X4, X4);
        x86_vop(cb, x86_vec_psub[esz], X4, XA);
        return X4;
    case IR_VEC_ABS:
        if (esz < 3) {
            x86_vop(cb, x86_vec_pabs[esz], XA, XA);
            return XA;
        }
        x86_vg_mov(v, X3, XA); /* sign of each quadword in both of its dwords */
        x86_vshift(cb, x86_vec_shgrp[2], X86_VSH_SRA, X3, 31);
        x86_vop_i(cb, X86_OPC_PSHUFD, X3, X3, 0xf5);
        x86_vop(cb, X86_OPC_PXOR, XA, X3);
        x86_vop(cb, x86_vec_psub[3], XA, X3);
        return XA;
    default: /* CNT: nibble lookups */
        x86_vg_mov(v, X4, XA);
        x86_vshift(cb, x86_vec_shgrp[1], X86_VSH_SRL, X4, 4);
        x86_vg_opc_splat(v, X86_OPC_PAND, XA, 0x0f, 0);
        x86_vg_opc_splat(v, X86_OPC_PAND, X4, 0x0f, 0);
        x86_vg_const(v, X5, 0x0302020102010100ull, 0x0403030203020201ull);
        x86_vg_mov(v, X6, X5);
        x86_vop(cb, X86_OPC_PSHUFB, X5, XA);
        x86_vop(cb, X86_OPC_PSHUFB, X6, X4);
        x86_vop(cb, x86_vec_padd[0], X5, X6);
        return X5;
    }
}

/* x shifted by the immediate sh in lanes of esz: left, or right (logical / arithmetic; sh may
 * be the lane width). */
static void shift_imm(VecGen *v, int x, unsigned sh, bool left, bool sgn)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz, bits = 8 << esz;
    uint64_t ones = bits == 64 ? ~0ull : (1ull << bits) - 1;
    if (sgn && sh >= (unsigned)bits)
        sh = bits - 1;
    if (!sgn && !left && sh >= (unsigned)bits) {
        x86_vop(cb, X86_OPC_PXOR, x, x);
    } else if (sgn && esz != 0 && esz != 3) {
        x86_vshift(cb, x86_vec_shgrp[esz], X86_VSH_SRA, x, (uint8_t)sh);
    } else {
        x86_vshift(cb, x86_vec_shgrp[esz ? esz : 1], left ? X86_VSH_SLL : X86_VSH_SRL, x,
                   (uint8_t)sh);
        if (esz == 0)
            x86_vg_opc_splat(v, X86_OPC_PAND, x, left ? (ones << sh) & ones : ones >> sh, 0);
        if (sgn) { /* sign-extend from bit bits-1-sh: (x ^ m) - m */
            x86_vg_opc_splat(v, X86_OPC_PXOR, x, 1ull << (bits - 1 - sh), esz);
            x86_vg_opc_splat(v, x86_vec_psub[esz], x, 1ull << (bits - 1 - sh), esz);
        }
    }
}

/* Shifts by immediate; the rounding ones add bit imm - 1 of a: (a >> imm) + ((a >> (imm - 1))
 * & 1), which cannot overflow. */
int x86_vg_shift(VecGen *v)
{
    CodeBuf *cb = v->cb;
    IrVecOp op = v->op;
    int esz = v->esz;
    bool round = op >= IR_VEC_URSHR && op <= IR_VEC_SRSRA;
    bool sgn = op == IR_VEC_SSHR || op == IR_VEC_SSRA || op == IR_VEC_SRSHR || op == IR_VEC_SRSRA;
    if (round) {
        x86_vg_mov(v, X3, XA);
        shift_imm(v, X3, v->imm - 1, false, sgn);
        x86_vg_opc_splat(v, X86_OPC_PAND, X3, 1, esz);
    }
    shift_imm(v, XA, v->imm, op == IR_VEC_SHL, sgn);
    if (round)
        x86_vop(cb, x86_vec_padd[esz], XA, X3);
    if (op == IR_VEC_USRA || op == IR_VEC_SSRA || op == IR_VEC_URSRA || op == IR_VEC_SRSRA) {
        x86_vop(cb, x86_vec_padd[esz], XD, XA);
        return XD;
    }
    return XA;
}

/* A call on a rarely taken path that keeps every general register and xmm8..xmm15 (the
 * vector-register cache): the caller-saved ones are pushed around it (9 pushes + 8 + 128
 * bytes keep rsp 16-byte aligned).  The sources a and b, in XA and XB (possibly from the
 * cache, newer than the CPU state), are stored first for the helper to read. */
static void call_helper_preserving(CodeBuf *cb, const uint64_t *c)
{
    static const int8_t saved[9] = {X86_RAX, X86_RCX, X86_RDX, X86_RSI, X86_RDI,
                                    X86_R8,  X86_R9,  X86_R10, X86_R11};
    x86_vstore(cb, XA, X86_REG_CPU, (int32_t)c[1]);
    x86_vstore(cb, XB, X86_REG_CPU, (int32_t)c[2]);
    for (int i = 0; i < 9; i++)
        x86_push(cb, saved[i]);
    x86_alu_ri(cb, X86_SUB, true, X86_RSP, 8 + 128);
    for (int i = 0; i < 8; i++)
        x86_vstore(cb, 8 + i, X86_RSP, 16 * i);
    x86_vg_call_helper(cb, c);
    for (int i = 0; i < 8; i++)
        x86_vload(cb, 8 + i, X86_RSP, 16 * i);
    x86_alu_ri(cb, X86_ADD, true, X86_RSP, 8 + 128);
    for (int i = 9; i-- > 0;)
        x86_pop(cb, saved[i]);
}

/* XA shifted by the count in X5: left, or right (logical / arithmetic, count <= 63 for
 * arithmetic 64-bit lanes); bytes go through words. */
static void shift_by_x5(VecGen *v, bool left, bool arith)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    if (esz == 0) {
        x86_vg_mov(v, X4, XA);
        x86_vg_extend(v, XA, 0, false, arith);
        x86_vg_extend(v, X4, 0, true, arith);
        unsigned opc = left ? x86_vec_psll_x[1] : arith ? x86_vec_psra_x[1] : x86_vec_psrl_x[1];
        x86_vop(cb, opc, XA, X5);
        x86_vop(cb, opc, X4, X5);
        x86_vg_opc_splat(v, X86_OPC_PAND, XA, 0xff, 1);
        x86_vg_opc_splat(v, X86_OPC_PAND, X4, 0xff, 1);
        x86_vop(cb, X86_OPC_PACKUSWB, XA, X4);
    } else if (left || !arith || esz < 3) {
        x86_vop(cb, (left ? x86_vec_psll_x : arith ? x86_vec_psra_x : x86_vec_psrl_x)[esz], XA, X5);
    } else { /* 64-bit arithmetic: logical shift, then sign-extend with (x ^ m) - m */
        x86_vop(cb, x86_vec_psrl_x[3], XA, X5);
        x86_vg_const(v, X6, 1ull << 63, 1ull << 63);
        x86_vop(cb, x86_vec_psrl_x[3], X6, X5);
        x86_vop(cb, X86_OPC_PXOR, XA, X6);
        x86_vop(cb, x86_vec_psub[3], XA, X6);
    }
}

static bool shl_reg_arith(IrVecOp op)
{
    return op == IR_VEC_SSHL || op == IR_VEC_SRSHL || op == IR_VEC_SQSHLR || op == IR_VEC_SQRSHLR;
}

/* [SU]Q[R]SHL: left shifts saturate (only their right shifts have inline code). */
static bool shl_reg_sat(IrVecOp op)
{
    return op >= IR_VEC_SQSHLR && op <= IR_VEC_UQRSHLR;
}

/* The rounding forms URSHL / SRSHL: a right shift by n adds bit n - 1 of a,
 * (a >> n) + ((a >> (n - 1)) & 1), also right for n >= the lane width (where SSE's shifts
 * give 0 or the sign). */
static bool shl_reg_round(IrVecOp op)
{
    return op == IR_VEC_URSHL || op == IR_VEC_SRSHL || op == IR_VEC_SQRSHLR || op == IR_VEC_UQRSHLR;
}

/* X4 = XA shifted by the signed counts in the lanes of XB (32 or 64 bits: q64), with AVX2's
 * per-lane shifts: left where the count is >= 0, right by its negation elsewhere (rounded
 * for [SU]RSHL); out-of-range counts give 0, or the sign for arithmetic shifts.  Clobbers
 * X3, X5, X6. */
static int shl_lanes_avx2(VecGen *v, bool q64)
{
    CodeBuf *cb = v->cb;
    int esz = q64 ? 3 : 2;
    bool arith = shl_reg_arith(v->op);
    unsigned right = arith ? X86_VEX_PSRAV : X86_VEX_PSRLV;
    x86_vop(cb, X86_OPC_PXOR, X3, X3);
    x86_vop(cb, x86_vec_psub[esz], X3, XB); /* X3 = -count */
    x86_vop(cb, X86_OPC_PXOR, X4, X4);
    x86_vop(cb, x86_vec_pcmpgt[esz], X4, XB);      /* count < 0 */
    x86_vex38(cb, X86_VEX_PSLLV, q64, X5, XA, XB); /* left */
    x86_vex38(cb, right, q64, X6, XA, X3);         /* right */
    if (shl_reg_round(v->op)) {
        x86_vg_opc_splat(v, x86_vec_psub[esz], X3, 1, esz);
        x86_vex38(cb, right, q64, X3, XA, X3);
        x86_vg_opc_splat(v, X86_OPC_PAND, X3, 1, esz);
        x86_vop(cb, x86_vec_padd[esz], X6, X3);
    }
    x86_vop(cb, X86_OPC_PAND, X6, X4);
    x86_vop(cb, X86_OPC_PANDN, X4, X5);
    x86_vop(cb, X86_OPC_POR, X4, X6);
    return X4;
}

/*
 * [SU][R]SHL of 16- and 32-bit lanes, and U[R]SHL of 64-bit lanes, with AVX2's per-lane
 * shifts: the signed count byte of each lane extended over it; 16-bit lanes go through
 * dwords, each half of the register in turn (XD and X9 are free: these ops do not read d,
 * and the vector-register cache has given up xmm9).
 */
static int shl_reg_avx2(VecGen *v)
{
    CodeBuf *cb = v->cb;
    bool q64 = v->esz == 3, arith = shl_reg_arith(v->op);
    unsigned grp = x86_vec_shgrp[v->esz];
    int bits = 8 << v->esz;
    x86_vshift(cb, grp, X86_VSH_SLL, XB, (uint8_t)(bits - 8)); /* count byte on top */
    if (q64) { /* arithmetic >> 56 of quadwords: logical, then (x ^ m) - m */
        x86_vshift(cb, grp, X86_VSH_SRL, XB, 56);
        x86_vg_opc_splat(v, X86_OPC_PXOR, XB, 0x80, 3);
        x86_vg_opc_splat(v, x86_vec_psub[3], XB, 0x80, 3);
    } else {
        x86_vshift(cb, grp, X86_VSH_SRA, XB, (uint8_t)(bits - 8));
    }
    if (v->esz != 1)
        return shl_lanes_avx2(v, q64);
    x86_vg_mov(v, XD, XA);
    x86_vg_mov(v, X9, XB);
    for (int hi = 0; hi < 2; hi++) {
        if (hi) {
            x86_vg_mov(v, XA, XD);
            x86_vg_mov(v, XD, X4); /* the low half's dwords */
            x86_vg_mov(v, XB, X9);
        }
        x86_vg_extend(v, XA, 1, hi, arith);
        x86_vg_extend(v, XB, 1, hi, true);
        shl_lanes_avx2(v, false);
    }
    x86_vg_opc_splat(v, X86_OPC_PAND, XD, 0xffff, 2);
    x86_vg_opc_splat(v, X86_OPC_PAND, X4, 0xffff, 2);
    x86_vop(cb, X86_OPC_PACKUSDW, XD, X4);
    return XD;
}

/* r = min(r, 63) when 64-bit lanes shift arithmetically (shift_by_x5's limit). */
static void clamp_count(VecGen *v, int r, bool arith)
{
    if (!arith || v->esz != 3)
        return;
    x86_alu_ri(v->cb, X86_CMP, true, r, 63);
    uint8_t *ok = x86_jcc8(v->cb, X86_CC_BE);
    x86_movi(v->cb, false, r, 63);
    x86_patch8(ok, v->cb->ptr);
}

/*
 * [SU][R]SHL and [SU]Q[R]SHL by register.  Compiled code shifts every lane by
 * the same count (a DUP'd variable); when the count bytes of all lanes are
 * equal, one SSE shift by that count does it (two for a rounded right shift;
 * the saturating left shifts excepted).  Otherwise the helper runs, on an
 * out-of-line path that preserves every register.  Stores the result itself.
 */
int x86_vg_shl_reg(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    bool arith = shl_reg_arith(v->op), round = shl_reg_round(v->op);
    if (v->f->avx2 && v->f->sse41 && v->f->sse42 && !shl_reg_sat(v->op) &&
        (esz == 1 || esz == 2 || (esz == 3 && !arith)))
        return shl_reg_avx2(v);
    uint64_t low = x86_vg_rep64(0xff, esz); /* the count byte of each lane */
    if (v->gpr < 0)
        v->gpr = x86_ra_alloc(v->g, X86_ALLOCATABLE);
    int r = v->gpr;
    x86_vg_mov(v, X3, XB);
    x86_vg_mov(v, X4, XB);
    x86_vg_opc(v, X86_OPC_PSHUFB, X4, 0, 0); /* byte 0 everywhere */
    x86_vg_opc(v, X86_OPC_PAND, X3, low, low);
    x86_vg_opc(v, X86_OPC_PAND, X4, low, low);
    x86_vop(cb, X86_OPC_PCMPEQB, X3, X4);
    x86_pmovmskb(cb, r, X3);
    x86_alu_ri(cb, X86_CMP, false, r, 0xffff);
    uint8_t *slow = x86_jcc32(cb, X86_CC_NE);
    x86_movq_r_x(cb, r, XB);
    x86_op_rr(cb, X86_OPC_MOVSBL | X86_P_W, r, r);
    x86_test_rr(cb, true, r, r);
    uint8_t *right = x86_jcc32(cb, X86_CC_S);
    uint8_t *slow_left = NULL, *store = NULL;
    if (shl_reg_sat(v->op)) {
        slow_left = x86_jmp32(cb);
    } else {
        x86_movq_x_r(cb, X5, r);
        shift_by_x5(v, true, false);
        store = x86_jmp32(cb);
    }
    x86_patch32(right, cb->ptr);
    x86_op_rr(cb, X86_OPC_GRP3 | X86_P_W, 3, r); /* neg: 1..128 */
    if (round) { /* X3 = bit n - 1 of each lane (XD is free: these ops do not read d) */
        /* both counts first: building constants may reuse r */
        x86_alu_ri(cb, X86_SUB, true, r, 1);
        clamp_count(v, r, arith);
        x86_movq_x_r(cb, X5, r);
        x86_alu_ri(cb, X86_ADD, true, r, 1);
        clamp_count(v, r, arith);
        x86_movq_x_r(cb, X9, r);
        x86_vg_mov(v, XD, XA);
        shift_by_x5(v, false, arith);
        x86_vg_opc_splat(v, X86_OPC_PAND, XA, 1, esz);
        x86_vg_mov(v, X3, XA);
        x86_vg_mov(v, XA, XD);
        x86_vg_mov(v, X5, X9);
    } else {
        clamp_count(v, r, arith);
        x86_movq_x_r(cb, X5, r);
    }
    shift_by_x5(v, false, arith);
    if (round)
        x86_vop(cb, x86_vec_padd[esz], XA, X3);
    if (store)
        x86_patch32(store, cb->ptr);
    if (!v->q)
        x86_vop(cb, X86_OPC_MOVQ_XX, XA, XA);
    x86_vstore(cb, XA, X86_REG_CPU, (int32_t)v->c[0]);
    uint8_t *done = x86_jmp32(cb);
    x86_patch32(slow, cb->ptr);
    if (slow_left)
        x86_patch32(slow_left, cb->ptr);
    call_helper_preserving(cb, v->c);
    x86_patch32(done, cb->ptr);
    return -1;
}
