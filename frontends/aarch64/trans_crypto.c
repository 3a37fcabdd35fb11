/*
 * AArch64 cryptographic extension translation (decoder: a64_crypto.decode).
 *
 * EOR3, BCAX, RAX1 and XAR (FEAT_SHA3) are a few 64-bit logic operations
 * per register half and are expanded inline; AES, SHA-1/256/512, SM3, SM4
 * and the 64-bit PMULL call the helpers of helper_crypto.c with the register numbers
 * in a constant descriptor.  Every handler first checks the CPU model.
 */
#include "frontends/aarch64/translate.h"

#include <sys/mman.h>

#include "frontends/aarch64/cpu_model.h"
#include "frontends/aarch64/dp_gen.h"
#include "frontends/aarch64/helper_crypto.h"
#include "frontends/aarch64/helper_simd.h"
#include "frontends/aarch64/simd_ir.h"
#include "loader/process.h"

#include "aarch64/decode_crypto.c.inc"

#define HELPER_FLAGS (IR_CALL_NO_READ_GLOBALS | IR_CALL_NO_WRITE_GLOBALS)

static bool have(DisasContext *s, A64Feature f)
{
    return a64_cpu_has(s->cpu, f);
}

static void gen_crypto_helper(DisasContext *s, void *fn, int rd, int rn, int rm, int opc, int q)
{
    A64SimdDesc d = {.rd = rd, .rn = rn, .rm = rm, .opc = opc, .q = q};
    IrTemp args[1] = {ir_const_i64(s->ir, a64_simd_desc(&d))};
    ir_gen_call(s->ir, IR_I64, IR_TEMP_NONE, fn, HELPER_FLAGS, 1, args);
}

/*
 * AESE (AESD) followed by AESMC (AESIMC) of its result in place, the pair compilers emit for
 * every round: true when the next word is that AESMC, so both become one helper call (AES-NI's
 * AESENC / AESDEC do exactly the pair).  Only within the page, so the TB covers the word.
 */
static bool next_is_mix(DisasContext *s, int rd, bool enc)
{
    uint32_t next, want = (enc ? 0x4e286800u : 0x4e287800u) | (uint32_t)rd << 5 | (uint32_t)rd;
    GuestMem *m = &s->cpu->proc->mem;
    if ((s->next_pc & (GUEST_PAGE_SIZE - 1)) == 0 || !gmem_check(m, s->next_pc, 4, PROT_EXEC) ||
        gmem_read(m, &next, s->next_pc, 4) != 0)
        return false;
    return next == want;
}

static bool trans_AES(DisasContext *s, arg_rr *a)
{
    if (!have(s, A64_FEAT_AES))
        return false;
    int op = A64_AESE + a->opc;
    if (a->opc <= 1 && s->cpu->proc && next_is_mix(s, a->rd, a->opc == 0)) {
        op = a->opc == 0 ? A64_AESE_MC : A64_AESD_IMC;
        s->next_pc += 4; /* translate.c continues after the AESMC / AESIMC */
    }
    gen_crypto_helper(s, (void *)helper_crypto_aes, a->rd, a->rn, 0, op, 0);
    return true;
}

static bool trans_SHA_3REG(DisasContext *s, arg_rrr *a)
{
    if (a->opc == 7 || !have(s, a->opc < 4 ? A64_FEAT_SHA1 : A64_FEAT_SHA256))
        return false;
    gen_crypto_helper(s, (void *)helper_crypto_sha3reg, a->rd, a->rn, a->rm, a->opc, 0);
    return true;
}

static bool trans_SHA_2REG(DisasContext *s, arg_rr *a)
{
    if (a->opc == 3 || !have(s, a->opc < 2 ? A64_FEAT_SHA1 : A64_FEAT_SHA256))
        return false;
    gen_crypto_helper(s, (void *)helper_crypto_sha2reg, a->rd, a->rn, 0, a->opc, 0);
    return true;
}

/* Vd<half> = op(...) for both halves, computed before any is written (rd may alias). */
typedef IrTemp (*HalfOp)(DisasContext *s, const arg_rrr *a, int half, int imm);

static void gen_halves(DisasContext *s, const arg_rrr *a, HalfOp fn, int imm)
{
    IrTemp r0 = fn(s, a, 0, imm), r1 = fn(s, a, 1, imm);
    a64_vst64(s, a->rd, 0, r0);
    a64_vst64(s, a->rd, 1, r1);
}

/* RAX1: n ^ ROL(m, 1) */
static IrTemp rax1_half(DisasContext *s, const arg_rrr *a, int h, int imm)
{
    return op2(s, IR_OP_xor, a64_vld64(s, a->rn, h),
               op2i(s, IR_OP_rotl, a64_vld64(s, a->rm, h), 1));
}

static bool trans_SHA512_3REG(DisasContext *s, arg_rrr *a)
{
    if (a->opc == 3) {
        if (!have(s, A64_FEAT_SHA3))
            return false;
        gen_halves(s, a, rax1_half, 0);
        return true;
    }
    if (!have(s, A64_FEAT_SHA512))
        return false;
    gen_crypto_helper(s, (void *)helper_crypto_sha512, a->rd, a->rn, a->rm, a->opc, 0);
    return true;
}

static bool trans_SHA512_2REG(DisasContext *s, arg_rr *a)
{
    if (!have(s, A64_FEAT_SHA512))
        return false;
    gen_crypto_helper(s, (void *)helper_crypto_sha512, a->rd, a->rn, 0, a->opc, 0);
    return true;
}

/* EOR3 (opc 0): n ^ m ^ a; BCAX (opc 1): n ^ (m & ~a).  rd doubles as the fourth register. */
static IrTemp eor3_bcax_half(DisasContext *s, const arg_rrr *a, int h, int ra)
{
    IrTemp n = a64_vld64(s, a->rn, h), m = a64_vld64(s, a->rm, h), x = a64_vld64(s, ra, h);
    return op2(s, IR_OP_xor, n, op2(s, a->opc ? IR_OP_andc : IR_OP_xor, m, x));
}

static bool gen_eor3_bcax(DisasContext *s, int rd, int rn, int rm, int ra, int opc)
{
    if (!have(s, A64_FEAT_SHA3))
        return false;
    arg_rrr r = {.rd = rd, .rn = rn, .rm = rm, .opc = opc};
    gen_halves(s, &r, eor3_bcax_half, ra);
    return true;
}

static bool trans_EOR3(DisasContext *s, arg_EOR3 *a)
{
    return gen_eor3_bcax(s, a->rd, a->rn, a->rm, a->ra, 0);
}

static bool trans_BCAX(DisasContext *s, arg_BCAX *a)
{
    return gen_eor3_bcax(s, a->rd, a->rn, a->rm, a->ra, 1);
}

/* XAR: ROR(n ^ m, imm) */
static IrTemp xar_half(DisasContext *s, const arg_rrr *a, int h, int imm)
{
    IrTemp x = op2(s, IR_OP_xor, a64_vld64(s, a->rn, h), a64_vld64(s, a->rm, h));
    return imm ? op2i(s, IR_OP_rotr, x, imm) : x;
}

static bool trans_XAR(DisasContext *s, arg_XAR *a)
{
    if (!have(s, A64_FEAT_SHA3))
        return false;
    arg_rrr r = {.rd = a->rd, .rn = a->rn, .rm = a->rm};
    gen_halves(s, &r, xar_half, a->imm);
    return true;
}

/* SM3 / SM4: one helper, the operation in opc (A64SmOp). */
static bool gen_sm(DisasContext *s, A64Feature f, A64SmOp op, int rd, int rn, int rm, int ra,
                   int imm)
{
    if (!have(s, f))
        return false;
    A64SimdDesc d = {.rd = rd, .rn = rn, .rm = rm, .ra = ra, .opc = op, .imm = imm};
    IrTemp args[1] = {ir_const_i64(s->ir, a64_simd_desc(&d))};
    ir_gen_call(s->ir, IR_I64, IR_TEMP_NONE, (void *)helper_crypto_sm, HELPER_FLAGS, 1, args);
    return true;
}

static bool trans_SM_3REG(DisasContext *s, arg_rrr *a)
{
    if (a->opc == 3)
        return false;
    return gen_sm(s, a->opc == 2 ? A64_FEAT_SM4 : A64_FEAT_SM3, A64_SM3PARTW1 + a->opc, a->rd,
                  a->rn, a->rm, 0, 0);
}

static bool trans_SM4E(DisasContext *s, arg_SM4E *a)
{
    return gen_sm(s, A64_FEAT_SM4, A64_SM4E, a->rd, a->rn, 0, 0, 0);
}

static bool trans_SM3SS1(DisasContext *s, arg_SM3SS1 *a)
{
    return gen_sm(s, A64_FEAT_SM3, A64_SM3SS1, a->rd, a->rn, a->rm, a->ra, 0);
}

static bool trans_SM3TT(DisasContext *s, arg_SM3TT *a)
{
    return gen_sm(s, A64_FEAT_SM3, A64_SM3TT1A + a->opc, a->rd, a->rn, a->rm, 0, a->imm);
}

static bool trans_PMULL_64(DisasContext *s, arg_PMULL_64 *a)
{
    if (!have(s, A64_FEAT_PMULL))
        return false;
    gen_crypto_helper(s, (void *)helper_crypto_pmull64, a->rd, a->rn, a->rm, 0, a->q);
    return true;
}

bool a64_decode_crypto(DisasContext *s, uint32_t insn)
{
    return decode_crypto(s, insn);
}
