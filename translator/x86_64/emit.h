/*
 * x86-64 instruction encoders: REX/VEX prefixes, ModRM/SIB addressing and
 * the instructions the backend selects.  Pure byte emission into a CodeBuf
 * at cb->ptr; callers (codegen.c, stubs.c) make sure there is room.  No
 * register allocation or IR knowledge lives here.
 *
 * Opcodes are described by an unsigned: the low byte is the opcode, the
 * X86_P_* bits add mandatory prefixes, escape bytes, REX.W and byte-register
 * handling (spl/bpl/sil/dil need a REX prefix to be addressed as bytes).
 */
#ifndef FERRY_TRANSLATOR_X86_64_EMIT_H
#define FERRY_TRANSLATOR_X86_64_EMIT_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "translator/codebuf.h"

typedef enum X86Reg {
    X86_RAX,
    X86_RCX,
    X86_RDX,
    X86_RBX,
    X86_RSP,
    X86_RBP,
    X86_RSI,
    X86_RDI,
    X86_R8,
    X86_R9,
    X86_R10,
    X86_R11,
    X86_R12,
    X86_R13,
    X86_R14,
    X86_R15,
} X86Reg;

#define X86_NO_REG (-1)

/* Opcode descriptor bits. */
#define X86_P_0F 0x100u
#define X86_P_0F38 0x200u
#define X86_P_0F3A 0x400u
#define X86_P_66 0x800u
#define X86_P_F3 0x1000u
#define X86_P_F2 0x2000u
#define X86_P_W 0x4000u    /* REX.W: 64-bit operand size */
#define X86_P_BREG 0x8000u /* the ModRM reg field is a byte register */
#define X86_P_BRM 0x10000u /* the ModRM r/m field (register form) is a byte register */
#define X86_P_LOCK 0x20000u

/* Condition codes (low nibble of jcc/setcc/cmovcc). */
typedef enum X86Cond {
    X86_CC_O,
    X86_CC_NO,
    X86_CC_B,
    X86_CC_AE,
    X86_CC_E,
    X86_CC_NE,
    X86_CC_BE,
    X86_CC_A,
    X86_CC_S,
    X86_CC_NS,
    X86_CC_P,
    X86_CC_NP,
    X86_CC_L,
    X86_CC_GE,
    X86_CC_LE,
    X86_CC_G,
} X86Cond;

/* ALU group numbers (the /digit of 0x81/0x83 and opcode >> 3 of the r/m forms). */
typedef enum X86Alu {
    X86_ADD,
    X86_OR,
    X86_ADC,
    X86_SBB,
    X86_AND,
    X86_SUB,
    X86_XOR,
    X86_CMP,
} X86Alu;

/* Shift group numbers (the /digit of 0xc1/0xd3). */
typedef enum X86Shift {
    X86_ROL = 0,
    X86_ROR = 1,
    X86_SHL = 4,
    X86_SHR = 5,
    X86_SAR = 7,
} X86Shift;

/* Opcodes used with the generic encoders. */
#define X86_OPC_MOV_LOAD 0x8bu  /* mov r, r/m */
#define X86_OPC_MOV_STORE 0x89u /* mov r/m, r */
#define X86_OPC_MOVB_STORE (0x88u | X86_P_BREG)
#define X86_OPC_LEA 0x8du
#define X86_OPC_TEST 0x85u
#define X86_OPC_XCHG 0x87u
#define X86_OPC_IMUL (0xafu | X86_P_0F)
#define X86_OPC_MOVZBL (0xb6u | X86_P_0F | X86_P_BRM)
#define X86_OPC_MOVZWL (0xb7u | X86_P_0F)
#define X86_OPC_MOVSBL (0xbeu | X86_P_0F | X86_P_BRM)
#define X86_OPC_MOVSWL (0xbfu | X86_P_0F)
#define X86_OPC_MOVSLQ (0x63u | X86_P_W)
#define X86_OPC_BSF (0xbcu | X86_P_0F)
#define X86_OPC_BSR (0xbdu | X86_P_0F)
#define X86_OPC_TZCNT (0xbcu | X86_P_0F | X86_P_F3)
#define X86_OPC_LZCNT (0xbdu | X86_P_0F | X86_P_F3)
#define X86_OPC_POPCNT (0xb8u | X86_P_0F | X86_P_F3)
#define X86_OPC_BT (0xa3u | X86_P_0F)
#define X86_OPC_CMOV (0x40u | X86_P_0F)              /* + cond */
#define X86_OPC_SETCC (0x90u | X86_P_0F | X86_P_BRM) /* + cond */
#define X86_OPC_MOVBE_LOAD (0xf0u | X86_P_0F38)
#define X86_OPC_MOVBE_STORE (0xf1u | X86_P_0F38)
#define X86_OPC_MOVDQU_LOAD (0x6fu | X86_P_0F | X86_P_F3)
#define X86_OPC_MOVDQU_STORE (0x7fu | X86_P_0F | X86_P_F3)
#define X86_OPC_CMPXCHG (0xb1u | X86_P_0F)
#define X86_OPC_CMPXCHGB (0xb0u | X86_P_0F | X86_P_BREG)
#define X86_OPC_XADD (0xc1u | X86_P_0F)
#define X86_OPC_XADDB (0xc0u | X86_P_0F | X86_P_BREG)
#define X86_OPC_XCHGB (0x86u | X86_P_BREG)
#define X86_OPC_GRP3 0xf7u /* /0 test imm, /2 not, /3 neg, /4 mul, /5 imul, /6 div, /7 idiv */
#define X86_OPC_GRP5 0xffu /* /2 call r/m, /4 jmp r/m */

static inline void x86_u8(CodeBuf *cb, uint8_t v)
{
    *cb->ptr++ = v;
}

static inline void x86_u16(CodeBuf *cb, uint16_t v)
{
    memcpy(cb->ptr, &v, 2);
    cb->ptr += 2;
}

static inline void x86_u32(CodeBuf *cb, uint32_t v)
{
    memcpy(cb->ptr, &v, 4);
    cb->ptr += 4;
}

static inline void x86_u64(CodeBuf *cb, uint64_t v)
{
    memcpy(cb->ptr, &v, 8);
    cb->ptr += 8;
}

static inline bool x86_fits_i8(int64_t v)
{
    return v == (int8_t)v;
}
static inline bool x86_fits_i32(int64_t v)
{
    return v == (int32_t)v;
}

static inline bool x86_is_byte_hi(int r)
{
    return r >= 4 && r < 8;
}

/* Prefixes, REX (r = ModRM reg, x = SIB index, b = base/rm), escapes and the opcode byte. */
static inline void x86_opc(CodeBuf *cb, unsigned opc, int r, int x, int b, bool force_rex)
{
    if (opc & X86_P_LOCK)
        x86_u8(cb, 0xf0);
    if (opc & X86_P_66)
        x86_u8(cb, 0x66);
    if (opc & X86_P_F3)
        x86_u8(cb, 0xf3);
    if (opc & X86_P_F2)
        x86_u8(cb, 0xf2);
    unsigned rex = (opc & X86_P_W ? 8u : 0u) | ((r & 8) >> 1) | ((x & 8) >> 2) | ((b & 8) >> 3);
    if (rex || force_rex)
        x86_u8(cb, (uint8_t)(0x40 | rex));
    if (opc & (X86_P_0F | X86_P_0F38 | X86_P_0F3A))
        x86_u8(cb, 0x0f);
    if (opc & X86_P_0F38)
        x86_u8(cb, 0x38);
    if (opc & X86_P_0F3A)
        x86_u8(cb, 0x3a);
    x86_u8(cb, (uint8_t)opc);
}

/* opc with register-direct ModRM: reg field r, r/m field rm. */
static inline void x86_op_rr(CodeBuf *cb, unsigned opc, int r, int rm)
{
    bool force =
        ((opc & X86_P_BREG) && x86_is_byte_hi(r)) || ((opc & X86_P_BRM) && x86_is_byte_hi(rm));
    x86_opc(cb, opc, r, 0, rm, force);
    x86_u8(cb, (uint8_t)(0xc0 | (r & 7) << 3 | (rm & 7)));
}

static inline void x86_modrm_mem(CodeBuf *cb, int r, int base, int index, int shift, int32_t disp);

/*
 * opc with a memory operand [base + index << shift + disp]; index may be
 * X86_NO_REG (never rsp).  base must be a register.
 */
static inline void x86_op_mem(CodeBuf *cb, unsigned opc, int r, int base, int index, int shift,
                              int32_t disp)
{
    bool force = (opc & X86_P_BREG) && x86_is_byte_hi(r);
    x86_opc(cb, opc, r, index < 0 ? 0 : index, base, force);
    x86_modrm_mem(cb, r, base, index, shift, disp);
}

/* The ModRM (+ SIB, displacement) bytes of a memory operand: see x86_op_mem. */
static inline void x86_modrm_mem(CodeBuf *cb, int r, int base, int index, int shift, int32_t disp)
{
    int mod = (disp == 0 && (base & 7) != 5) ? 0 : x86_fits_i8(disp) ? 1 : 2;
    if (index < 0 && (base & 7) != 4) {
        x86_u8(cb, (uint8_t)(mod << 6 | (r & 7) << 3 | (base & 7)));
    } else {
        int idx = index < 0 ? 4 : (index & 7);
        x86_u8(cb, (uint8_t)(mod << 6 | (r & 7) << 3 | 4));
        x86_u8(cb, (uint8_t)(shift << 6 | idx << 3 | (base & 7)));
    }
    if (mod == 1)
        x86_u8(cb, (uint8_t)disp);
    else if (mod == 2)
        x86_u32(cb, (uint32_t)disp);
}

/* [base + disp] shorthand. */
static inline void x86_op_md(CodeBuf *cb, unsigned opc, int r, int base, int32_t disp)
{
    x86_op_mem(cb, opc, r, base, X86_NO_REG, 0, disp);
}

static inline unsigned x86_w(bool is64)
{
    return is64 ? X86_P_W : 0u;
}

/* VEX-encoded (BMI) op, register form: map 2 = 0F38, 3 = 0F3A; pp 0/1=66/2=F3/3=F2. */
static inline void x86_vex_rr(CodeBuf *cb, int map, int pp, bool is64, uint8_t opcode, int r,
                              int vvvv, int rm)
{
    x86_u8(cb, 0xc4);
    x86_u8(cb, (uint8_t)((~r & 8) << 4 | 0x40 | (~rm & 8) << 2 | map));
    x86_u8(cb, (uint8_t)((is64 ? 0x80 : 0) | (~vvvv & 15) << 3 | pp));
    x86_u8(cb, opcode);
    x86_u8(cb, (uint8_t)(0xc0 | (r & 7) << 3 | (rm & 7)));
}

/* ---- moves ---- */

static inline void x86_mov_rr(CodeBuf *cb, bool is64, int dst, int src)
{
    x86_op_rr(cb, X86_OPC_MOV_LOAD | x86_w(is64), dst, src);
}

static inline void x86_load(CodeBuf *cb, bool is64, int dst, int base, int32_t disp)
{
    x86_op_md(cb, X86_OPC_MOV_LOAD | x86_w(is64), dst, base, disp);
}

static inline void x86_store(CodeBuf *cb, bool is64, int src, int base, int32_t disp)
{
    x86_op_md(cb, X86_OPC_MOV_STORE | x86_w(is64), src, base, disp);
}

/* mov r/m, imm32 (sign-extended for 64-bit) to memory. */
static inline void x86_store_imm(CodeBuf *cb, bool is64, int base, int32_t disp, int32_t imm)
{
    x86_op_md(cb, 0xc7u | x86_w(is64), 0, base, disp);
    x86_u32(cb, (uint32_t)imm);
}

/* Loads a constant without touching flags. */
static inline void x86_movi_keepflags(CodeBuf *cb, bool is64, int r, uint64_t v)
{
    if (!is64 || v <= 0xffffffffu) {
        x86_opc(cb, 0xb8u + (r & 7), 0, 0, r, false);
        x86_u32(cb, (uint32_t)v);
    } else if (x86_fits_i32((int64_t)v)) {
        x86_op_rr(cb, 0xc7u | X86_P_W, 0, r);
        x86_u32(cb, (uint32_t)v);
    } else {
        x86_opc(cb, (0xb8u + (r & 7)) | X86_P_W, 0, 0, r, false);
        x86_u64(cb, v);
    }
}

/* Loads a constant; may clobber flags (xor for zero). */
static inline void x86_movi(CodeBuf *cb, bool is64, int r, uint64_t v)
{
    if ((is64 ? v : (uint32_t)v) == 0)
        x86_op_rr(cb, 0x33u, r, r);
    else
        x86_movi_keepflags(cb, is64, r, v);
}

static inline void x86_lea(CodeBuf *cb, bool is64, int dst, int base, int index, int shift,
                           int32_t disp)
{
    x86_op_mem(cb, X86_OPC_LEA | x86_w(is64), dst, base, index, shift, disp);
}

/* ---- arithmetic ---- */

static inline void x86_alu_rr(CodeBuf *cb, X86Alu op, bool is64, int dst, int src)
{
    x86_op_rr(cb, (unsigned)(op << 3 | 3) | x86_w(is64), dst, src);
}

static inline void x86_alu_ri(CodeBuf *cb, X86Alu op, bool is64, int dst, int32_t imm)
{
    if (x86_fits_i8(imm)) {
        x86_op_rr(cb, 0x83u | x86_w(is64), (int)op, dst);
        x86_u8(cb, (uint8_t)imm);
    } else {
        x86_op_rr(cb, 0x81u | x86_w(is64), (int)op, dst);
        x86_u32(cb, (uint32_t)imm);
    }
}

/* cmp with a memory operand and imm8/imm32: cmpl/cmpq $imm, disp(base). */
static inline void x86_alu_mi(CodeBuf *cb, X86Alu op, bool is64, int base, int32_t disp,
                              int32_t imm)
{
    if (x86_fits_i8(imm)) {
        x86_op_md(cb, 0x83u | x86_w(is64), (int)op, base, disp);
        x86_u8(cb, (uint8_t)imm);
    } else {
        x86_op_md(cb, 0x81u | x86_w(is64), (int)op, base, disp);
        x86_u32(cb, (uint32_t)imm);
    }
}

static inline void x86_test_rr(CodeBuf *cb, bool is64, int a, int b)
{
    x86_op_rr(cb, X86_OPC_TEST | x86_w(is64), b, a);
}

static inline void x86_test_ri(CodeBuf *cb, bool is64, int r, int32_t imm)
{
    x86_op_rr(cb, X86_OPC_GRP3 | x86_w(is64), 0, r);
    x86_u32(cb, (uint32_t)imm);
}

/* Group 3 one-operand ops: 2 not, 3 neg, 4 mul, 5 imul, 6 div, 7 idiv. */
static inline void x86_grp3(CodeBuf *cb, int digit, bool is64, int r)
{
    x86_op_rr(cb, X86_OPC_GRP3 | x86_w(is64), digit, r);
}

static inline void x86_imul_rr(CodeBuf *cb, bool is64, int dst, int src)
{
    x86_op_rr(cb, X86_OPC_IMUL | x86_w(is64), dst, src);
}

static inline void x86_imul_rri(CodeBuf *cb, bool is64, int dst, int src, int32_t imm)
{
    if (x86_fits_i8(imm)) {
        x86_op_rr(cb, 0x6bu | x86_w(is64), dst, src);
        x86_u8(cb, (uint8_t)imm);
    } else {
        x86_op_rr(cb, 0x69u | x86_w(is64), dst, src);
        x86_u32(cb, (uint32_t)imm);
    }
}

/* cdq / cqo: sign-extend eax/rax into edx/rdx. */
static inline void x86_cqo(CodeBuf *cb, bool is64)
{
    if (is64)
        x86_u8(cb, 0x48);
    x86_u8(cb, 0x99);
}

static inline void x86_shift_ri(CodeBuf *cb, X86Shift op, bool is64, int r, uint8_t n)
{
    if (n == 1) {
        x86_op_rr(cb, 0xd1u | x86_w(is64), (int)op, r);
    } else {
        x86_op_rr(cb, 0xc1u | x86_w(is64), (int)op, r);
        x86_u8(cb, n);
    }
}

/* Shift by cl. */
static inline void x86_shift_cl(CodeBuf *cb, X86Shift op, bool is64, int r)
{
    x86_op_rr(cb, 0xd3u | x86_w(is64), (int)op, r);
}

/* shld r/m, r, imm8. */
static inline void x86_shld_ri(CodeBuf *cb, bool is64, int dst, int src, uint8_t n)
{
    x86_op_rr(cb, 0xa4u | X86_P_0F | x86_w(is64), src, dst);
    x86_u8(cb, n);
}

/* BMI2 shlx/shrx/sarx dst = src shifted by cnt. */
static inline void x86_shiftx(CodeBuf *cb, X86Shift op, bool is64, int dst, int src, int cnt)
{
    int pp = op == X86_SHL ? 1 : op == X86_SAR ? 2 : 3;
    x86_vex_rr(cb, 2, pp, is64, 0xf7, dst, cnt, src);
}

/* BMI1 andn dst = ~a & b. */
static inline void x86_andn(CodeBuf *cb, bool is64, int dst, int a, int b)
{
    x86_vex_rr(cb, 2, 0, is64, 0xf2, dst, a, b);
}

static inline void x86_bswap(CodeBuf *cb, bool is64, int r)
{
    x86_opc(cb, (0xc8u + (r & 7)) | X86_P_0F | x86_w(is64), 0, 0, r, false);
}

static inline void x86_bt_ri(CodeBuf *cb, bool is64, int r, uint8_t bit)
{
    x86_op_rr(cb, 0xbau | X86_P_0F | x86_w(is64), 4, r);
    x86_u8(cb, bit);
}

static inline void x86_setcc(CodeBuf *cb, X86Cond cc, int r)
{
    x86_op_rr(cb, X86_OPC_SETCC + cc, 0, r);
}

static inline void x86_cmov(CodeBuf *cb, X86Cond cc, bool is64, int dst, int src)
{
    x86_op_rr(cb, (X86_OPC_CMOV + cc) | x86_w(is64), dst, src);
}

/* ---- control flow; the rel32 variants return the address of the displacement ---- */

static inline uint8_t *x86_jcc32(CodeBuf *cb, X86Cond cc)
{
    x86_u8(cb, 0x0f);
    x86_u8(cb, (uint8_t)(0x80 + cc));
    uint8_t *d = cb->ptr;
    x86_u32(cb, 0);
    return d;
}

static inline uint8_t *x86_jmp32(CodeBuf *cb)
{
    x86_u8(cb, 0xe9);
    uint8_t *d = cb->ptr;
    x86_u32(cb, 0);
    return d;
}

/* Short jumps: return the address of the rel8 to patch with x86_patch8. */
static inline uint8_t *x86_jcc8(CodeBuf *cb, X86Cond cc)
{
    x86_u8(cb, (uint8_t)(0x70 + cc));
    x86_u8(cb, 0);
    return cb->ptr - 1;
}

static inline uint8_t *x86_jmp8(CodeBuf *cb)
{
    x86_u8(cb, 0xeb);
    x86_u8(cb, 0);
    return cb->ptr - 1;
}

/* Points the rel8 at d to `target`. */
static inline void x86_patch8(uint8_t *d, const uint8_t *target)
{
    *d = (uint8_t)(int8_t)(target - (d + 1));
}

/* Points the rel32 at d to `target`. */
static inline void x86_patch32(uint8_t *d, const uint8_t *target)
{
    int32_t rel = (int32_t)(target - (d + 4));
    memcpy(d, &rel, 4);
}

static inline bool x86_reach32(const uint8_t *from_end, const void *target)
{
    return x86_fits_i32((intptr_t)target - (intptr_t)from_end);
}

static inline void x86_jmp_to(CodeBuf *cb, const void *target)
{
    x86_patch32(x86_jmp32(cb), target);
}

static inline void x86_call_r(CodeBuf *cb, int r)
{
    x86_op_rr(cb, X86_OPC_GRP5, 2, r);
}
static inline void x86_jmp_r(CodeBuf *cb, int r)
{
    x86_op_rr(cb, X86_OPC_GRP5, 4, r);
}

/* call fn: rel32 when reachable, else through `scratch` (clobbered). */
static inline void x86_call_abs(CodeBuf *cb, const void *fn, int scratch)
{
    if (x86_reach32(cb->ptr + 5, fn)) {
        x86_u8(cb, 0xe8);
        x86_patch32(cb->ptr, fn);
        cb->ptr += 4;
    } else {
        x86_movi_keepflags(cb, true, scratch, (uint64_t)(uintptr_t)fn);
        x86_call_r(cb, scratch);
    }
}

static inline void x86_push(CodeBuf *cb, int r)
{
    x86_opc(cb, 0x50u + (r & 7), 0, 0, r, false);
}
static inline void x86_pop(CodeBuf *cb, int r)
{
    x86_opc(cb, 0x58u + (r & 7), 0, 0, r, false);
}
static inline void x86_ret(CodeBuf *cb)
{
    x86_u8(cb, 0xc3);
}
static inline void x86_nop(CodeBuf *cb)
{
    x86_u8(cb, 0x90);
}

static inline void x86_mfence(CodeBuf *cb)
{
    x86_u8(cb, 0x0f);
    x86_u8(cb, 0xae);
    x86_u8(cb, 0xf0);
}

/* ---- AVX (VEX-encoded SSE/FMA, 128-bit) for the FP fast paths ---- */

/* A VEX opcode: map 1 = 0F, 2 = 0F38, 3 = 0F3A; pp 0 = none, 1 = 66, 2 = F3, 3 = F2; w = VEX.W. */
#define X86_VEX(map, pp, w, opcode)                                                                \
    ((unsigned)(opcode) | (unsigned)(map) << 8 | (unsigned)(pp) << 10 | (unsigned)(w) << 12)
#define X86_V_MOVSS_LOAD X86_VEX(1, 2, 0, 0x10)
#define X86_V_MOVSD_LOAD X86_VEX(1, 3, 0, 0x10)
#define X86_V_MOVQ_LOAD X86_VEX(1, 2, 0, 0x7e)
#define X86_V_MOVQ_STORE X86_VEX(1, 1, 0, 0xd6)
#define X86_V_MOVUPS_LOAD X86_VEX(1, 0, 0, 0x10)
#define X86_V_MOVUPS_STORE X86_VEX(1, 0, 0, 0x11)
#define X86_V_MOVAPS X86_VEX(1, 0, 0, 0x28)
#define X86_V_SHUFPS X86_VEX(1, 0, 0, 0xc6) /* + imm8 */
#define X86_V_UNPCKHPD X86_VEX(1, 1, 0, 0x15)
#define X86_V_BLENDPS X86_VEX(3, 1, 0, 0x0c) /* + imm8: lane i from rm when bit i */
#define X86_V_PEXTR X86_VEX(3, 1, 0, 0x16)   /* vpextrd; | 1 << 12 (W): vpextrq; + imm8 */
#define X86_V_PINSR X86_VEX(3, 1, 0, 0x22)   /* vpinsrd; | 1 << 12 (W): vpinsrq; + imm8 */
#define X86_V_BROADCASTSS X86_VEX(2, 1, 0, 0x18)
#define X86_V_MOVDDUP X86_VEX(1, 3, 0, 0x12)
#define X86_V_ANDPS X86_VEX(1, 0, 0, 0x54)
#define X86_V_ORPS X86_VEX(1, 0, 0, 0x56)
#define X86_V_XORPS X86_VEX(1, 0, 0, 0x57)
#define X86_V_MOVMSKPS X86_VEX(1, 0, 0, 0x50)
#define X86_V_UCOMISS X86_VEX(1, 0, 0, 0x2e)
#define X86_V_COMISS X86_VEX(1, 0, 0, 0x2f)
/* Arithmetic (+ pp: 0 ps, 1 pd, 2 ss, 3 sd) */
#define X86_V_SQRT 0x51u
#define X86_V_ADD 0x58u
#define X86_V_MUL 0x59u
#define X86_V_SUB 0x5cu
#define X86_V_MIN 0x5du
#define X86_V_DIV 0x5eu
#define X86_V_MAX 0x5fu
#define X86_V_CMP 0xc2u /* + imm8 predicate */
/* vcmp predicates (quiet: no invalid flag for quiet NaNs) */
#define X86_VCMP_EQ_OQ 0x00
#define X86_VCMP_UNORD_Q 0x03
#define X86_VCMP_NEQ_UQ 0x04
#define X86_VCMP_NGE_UQ 0x19
/* FMA3 231 forms (map 2, pp 1, W = double; +1 for the scalar forms) */
#define X86_V_FMADD231 0xb8u
#define X86_V_FMSUB231 0xbau
#define X86_V_FNMADD231 0xbcu
#define X86_V_FNMSUB231 0xbeu
#define X86_V_BLENDVPS X86_VEX(3, 1, 0, 0x4a) /* + 1: blendvpd; is4 = mask register << 4 */

/* 3-byte VEX prefix: r = ModRM reg, v = vvvv register, x / b = SIB index / base (or rm). */
static inline void x86_vex_prefix(CodeBuf *cb, unsigned vop, int r, int v, int x, int b)
{
    x86_u8(cb, 0xc4);
    x86_u8(cb, (uint8_t)((~r & 8) << 4 | (~x & 8) << 3 | (~b & 8) << 2 | (vop >> 8 & 3)));
    x86_u8(cb, (uint8_t)((vop >> 12 & 1) << 7 | (~v & 15) << 3 | (vop >> 10 & 3)));
    x86_u8(cb, (uint8_t)vop);
}

/* vop r, v, rm (registers; xmm or general as the instruction says). */
static inline void x86_vex_rr3(CodeBuf *cb, unsigned vop, int r, int v, int rm)
{
    x86_vex_prefix(cb, vop, r, v, 0, rm);
    x86_u8(cb, (uint8_t)(0xc0 | (r & 7) << 3 | (rm & 7)));
}

/* vop r, v, [base + disp]. */
static inline void x86_vex_md(CodeBuf *cb, unsigned vop, int r, int v, int base, int32_t disp)
{
    x86_vex_prefix(cb, vop, r, v, 0, base);
    x86_modrm_mem(cb, r, base, X86_NO_REG, 0, disp);
}

/* vop r, v, [rip + target]; `trail` immediate bytes follow the displacement. */
static inline void x86_vex_rip(CodeBuf *cb, unsigned vop, int r, int v, const void *target,
                               int trail)
{
    x86_vex_prefix(cb, vop, r, v, 0, 0);
    x86_u8(cb, (uint8_t)((r & 7) << 3 | 5));
    x86_u32(cb, (uint32_t)((const uint8_t *)target - (cb->ptr + 4 + trail)));
}

#endif
