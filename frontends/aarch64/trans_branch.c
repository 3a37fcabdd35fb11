/*
 * AArch64 branches, exception generation and the system instructions EL0
 * may use: B/BL/B.cond/CBZ/TBZ/BR/BLR/RET, SVC/BRK/HLT, hints, barriers,
 * CLREX, DC ZVA and the cache maintenance no-ops, MRS/MSR of the EL0
 * visible registers (values of the constant/ID ones in cpu_model.c).
 *
 * The decoder is generated from a64_branch.decode; a64_decode_dp
 * (trans_dp.c) calls a64_decode_branch for the op0 = 101x encodings.
 */
#include "frontends/aarch64/translate.h"

#include "frontends/aarch64/cpu_model.h"
#include "frontends/aarch64/helper_dp.h"
#include "frontends/aarch64/helper_simd.h"

#include "aarch64/decode_branch.c.inc"

#include "frontends/aarch64/dp_gen.h"

_Static_assert(offsetof(A64CPU, fpcr) % 8 == 0, "MRS FPCR loads 64 bits at fpcr");

/* ---- Branches ---- */

static uint64_t branch_target(DisasContext *s, int imm)
{
    return s->pc + (uint64_t)((int64_t)imm * 4);
}

/* After a brcond to `label` (taken path): falls through to next_pc, label jumps to target. */
static void gen_cond_goto(DisasContext *s, uint32_t label, uint64_t target)
{
    a64_gen_goto(s, 1, s->next_pc);
    ir_gen_set_label(s->ir, label);
    a64_gen_goto(s, 0, target);
    s->is_jmp = DISAS_NORETURN;
}

static bool trans_B(DisasContext *s, arg_i *a)
{
    a64_gen_goto(s, 0, branch_target(s, a->imm));
    s->is_jmp = DISAS_NORETURN;
    return true;
}

static bool trans_BL(DisasContext *s, arg_i *a)
{
    a64_set_reg(s, 30, cst(s, s->next_pc), true);
    return trans_B(s, a);
}

static bool trans_CBZ(DisasContext *s, arg_CBZ *a)
{
    uint32_t label = ir_new_label(s->ir);
    IrTemp v = a64_reg(s, a->rt);
    if (a->sf)
        ir_gen_brcond(s->ir, IR_I64, a->nz ? IR_COND_NE : IR_COND_EQ, v, cst(s, 0), label);
    else
        ir_gen_brcond(s->ir, IR_I64, a->nz ? IR_COND_TSTNE : IR_COND_TSTEQ, v, cst(s, 0xffffffffu),
                      label);
    gen_cond_goto(s, label, branch_target(s, a->imm));
    return true;
}

static bool trans_TBZ(DisasContext *s, arg_TBZ *a)
{
    uint32_t label = ir_new_label(s->ir);
    IrCond c = a->nz ? IR_COND_TSTNE : IR_COND_TSTEQ;
    ir_gen_brcond(s->ir, IR_I64, c, a64_reg(s, a->rt), cst(s, 1ull << a->bitpos), label);
    gen_cond_goto(s, label, branch_target(s, a->imm));
    return true;
}

static bool trans_B_cond(DisasContext *s, arg_B_cond *a)
{
    if (a->cond >= 14)
        return trans_B(s, &(arg_i){.imm = a->imm});
    uint32_t label = ir_new_label(s->ir);
    a64_gen_brcond(s, a->cond, label);
    gen_cond_goto(s, label, branch_target(s, a->imm));
    return true;
}

static bool trans_BR(DisasContext *s, arg_r *a)
{
    a64_gen_jump_reg(s, a64_reg(s, a->rn));
    s->is_jmp = DISAS_NORETURN;
    return true;
}

static bool trans_BLR(DisasContext *s, arg_r *a)
{
    IrTemp dest = new64(s);
    ir_gen_mov(s->ir, IR_I64, dest, a64_reg(s, a->rn)); /* rn may be x30 */
    a64_set_reg(s, 30, cst(s, s->next_pc), true);
    a64_gen_jump_reg(s, dest);
    s->is_jmp = DISAS_NORETURN;
    return true;
}

static bool trans_RET(DisasContext *s, arg_r *a)
{
    return trans_BR(s, a);
}

/* ---- Exceptions ---- */

static bool gen_exception(DisasContext *s, int excp, uint64_t pc)
{
    a64_gen_exception(s, excp, pc);
    s->is_jmp = DISAS_NORETURN;
    return true;
}

static bool trans_SVC(DisasContext *s, arg_SVC *a)
{
    return gen_exception(s, A64_EXCP_SYSCALL, s->next_pc);
}

static bool trans_BRK(DisasContext *s, arg_BRK *a)
{
    return gen_exception(s, A64_EXCP_BRK, s->pc);
}

static bool trans_HLT(DisasContext *s, arg_HLT *a)
{
    return gen_exception(s, A64_EXCP_HLT, s->pc);
}

/* ---- Hints and barriers ---- */

/* Every hint (NOP, YIELD, WFE, WFI, SEV(L), BTI, PAC*SP/AUT*SP, ...) is a NOP here. */
static bool trans_HINT(DisasContext *s, arg_HINT *a)
{
    return true;
}

static bool trans_CLREX(DisasContext *s, arg_CLREX *a)
{
    ir_gen_movi(s->ir, IR_I64, a64_g.excl_size, 0);
    return true;
}

static bool trans_DSB(DisasContext *s, arg_DSB *a)
{
    ir_gen_mb(s->ir, IR_MB_ALL);
    return true;
}

static bool trans_DMB(DisasContext *s, arg_DMB *a)
{
    switch (a->crm & 3) {
    case 1: /* LD: loads before, loads and stores after */
        ir_gen_mb(s->ir, IR_MB_LD_LD | IR_MB_LD_ST);
        break;
    case 2: /* ST */
        ir_gen_mb(s->ir, IR_MB_ST_ST);
        break;
    default:
        ir_gen_mb(s->ir, IR_MB_ALL);
        break;
    }
    return true;
}

/* ISB: end the TB so that code changes and exit requests are seen. */
static bool trans_ISB(DisasContext *s, arg_ISB *a)
{
    s->is_jmp = DISAS_TOO_MANY;
    return true;
}

static bool trans_SB(DisasContext *s, arg_SB *a)
{
    return true;
}

/* ---- SYS (cache maintenance), MRS, MSR ---- */

static void gen_dc_zva(DisasContext *s, int rt)
{
    IrTemp addr = op2i(s, IR_OP_and, a64_reg(s, rt), ~(uint64_t)63);
    IrTemp zero = cst(s, 0);
    for (int i = 0; i < 64; i += 8) {
        IrTemp p = i ? op2i(s, IR_OP_add, addr, i) : addr;
        ir_gen_st(s->ir, IR_I64, zero, p, IR_MO_64);
    }
}

static bool trans_SYS(DisasContext *s, arg_sysreg *a)
{
    if (a->op1 != 3 || a->crn != 7 || a->op2 != 1)
        return false;
    switch (a->crm) {
    case 4: /* DC ZVA */
        gen_dc_zva(s, a->rt);
        return true;
    case 5:  /* IC IVAU */
    case 10: /* DC CVAC */
    case 11: /* DC CVAU */
    case 12: /* DC CVAP */
    case 13: /* DC CVADP */
    case 14: /* DC CIVAC */
        return true;
    default:
        return false;
    }
}

/* Encodes op1:CRn:CRm:op2 of an op0=3 system register. */
#define SYSREG(op1, crn, crm, op2) ((op1) << 11 | (crn) << 7 | (crm) << 3 | (op2))
enum {
    SR_NZCV = SYSREG(3, 4, 2, 0),
    SR_FPCR = SYSREG(3, 4, 4, 0),
    SR_FPSR = SYSREG(3, 4, 4, 1),
    SR_TPIDR_EL0 = SYSREG(3, 13, 0, 2),
    SR_TPIDRRO_EL0 = SYSREG(3, 13, 0, 3),
    SR_CNTVCT_EL0 = SYSREG(3, 14, 0, 2),
    SR_CNTVCTSS_EL0 = SYSREG(3, 14, 0, 6),
};

static int sysreg_key(const arg_sysreg *a)
{
    return SYSREG(a->op1, a->crn, a->crm, a->op2);
}

/* NZCV in the PSTATE layout (bits 31..28) from the flag globals. */
static IrTemp gen_read_nzcv(DisasContext *s)
{
    IrTemp n = op2i(s, IR_OP_and, op2i(s, IR_OP_shr, a64_g.nf, 32), 1u << 31);
    IrTemp z = op2i(s, IR_OP_shl, gen_setcond(s, IR_COND_EQ, a64_g.zf, cst(s, 0)), 30);
    IrTemp c = op2i(s, IR_OP_shl, a64_g.cf, 29);
    IrTemp v = op2i(s, IR_OP_and, op2i(s, IR_OP_shr, a64_g.vf, 35), 1u << 28);
    return op2(s, IR_OP_or, op2(s, IR_OP_or, n, z), op2(s, IR_OP_or, c, v));
}

static void gen_write_nzcv(DisasContext *s, IrTemp x)
{
    ir_gen_binopi(s->ir, IR_OP_shl, IR_I64, a64_g.nf, x, 32);
    ir_gen_binop(s->ir, IR_OP_andc, IR_I64, a64_g.zf, cst(s, 1u << 30), x);
    ir_gen_extract(s->ir, IR_I64, a64_g.cf, x, 29, 1);
    ir_gen_binopi(s->ir, IR_OP_shl, IR_I64, a64_g.vf, x, 35);
}

static IrTemp gen_ld_env(DisasContext *s, size_t offset)
{
    IrTemp d = new64(s);
    ir_gen_ld_env(s->ir, IR_I64, d, (int32_t)offset);
    return d;
}

static bool trans_MRS(DisasContext *s, arg_sysreg *a)
{
    IrTemp v;
    switch (sysreg_key(a)) {
    case SR_NZCV:
        v = gen_read_nzcv(s);
        break;
    case SR_FPCR:
        v = op1(s, IR_OP_ext32u, gen_ld_env(s, offsetof(A64CPU, fpcr)));
        break;
    case SR_FPSR: /* folds the flags the host FPU collected (lazy FPSR) */
        v = gen_helper(s, (void *)a64_helper_get_fpsr, 0, 0, NULL);
        break;
    case SR_TPIDR_EL0:
        v = gen_ld_env(s, offsetof(A64CPU, tpidr_el0));
        break;
    case SR_TPIDRRO_EL0:
        v = gen_ld_env(s, offsetof(A64CPU, tpidrro_el0));
        break;
    case SR_CNTVCT_EL0:
    case SR_CNTVCTSS_EL0:
        v = gen_helper(s, (void *)a64_helper_cntvct, 0, 0, NULL);
        break;
    default: {
        bool known;
        uint64_t val =
            a64_model_id_reg(a64_cpu_model(s->cpu), a->op1, a->crn, a->crm, a->op2, &known);
        if (!known)
            return false;
        v = cst(s, val);
        break;
    }
    }
    a64_set_reg(s, a->rt, v, true);
    return true;
}

static bool trans_MSR_r(DisasContext *s, arg_sysreg *a)
{
    IrTemp x = a64_reg(s, a->rt);
    switch (sysreg_key(a)) {
    case SR_NZCV:
        gen_write_nzcv(s, x);
        return true;
    case SR_FPCR: /* the TB flags may change: continue through a lookup, not a chain */
        gen_helper(s, (void *)a64_helper_set_fpcr, 0, 1, &x);
        a64_gen_jump_reg(s, cst(s, s->next_pc));
        s->is_jmp = DISAS_NORETURN;
        return true;
    case SR_FPSR:
        gen_helper(s, (void *)a64_helper_set_fpsr, 0, 1, &x);
        return true;
    case SR_TPIDR_EL0:
        ir_gen_st_env(s->ir, IR_I64, x, (int32_t)offsetof(A64CPU, tpidr_el0));
        return true;
    default:
        return false;
    }
}

bool a64_decode_branch(DisasContext *s, uint32_t insn)
{
    return decode_branch(s, insn);
}
