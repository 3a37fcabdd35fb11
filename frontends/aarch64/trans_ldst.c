/*
 * AArch64 loads and stores: the handlers of a64_ldst.decode.
 *
 * Single registers and pairs (general and SIMD&FP), literals, exclusives,
 * load-acquire/store-release, RCpc and the LSE atomics.  Addresses are I64
 * guest addresses; Rn == 31 is SP.  General-register loads go to temps
 * first and reach the registers after the base writeback, so a faulting
 * access leaves them unchanged and a load into the base register wins over
 * the writeback (one of the choices Arm allows).  SIMD&FP loads write V
 * registers directly.
 *
 * XXX: Linux enables top-byte-ignore for EL0 data accesses; it is not
 * modelled, so a tagged pointer faults.
 *
 * The host is x86-64 (TSO): plain loads are acquire loads and plain stores
 * are release stores.  Store-release is done with an atomic exchange, which
 * is also a full barrier, so a later load-acquire is not reordered before it.
 *
 * Exclusives use the monitor globals: LDXR records address, size and the
 * value seen; STXR succeeds when the monitor matches and a compare-and-swap
 * from the recorded value succeeds, and always clears the monitor
 * (excl_size = 0).
 */
#include "frontends/aarch64/translate.h"

#include "frontends/aarch64/helper_ldst.h"

static int a64_plus_2(DisasContext *ctx, int x)
{
    return x + 2;
}

#include "aarch64/decode_ldst.c.inc"

bool a64_decode_ldst(DisasContext *s, uint32_t insn)
{
    return decode_ldst(s, insn);
}

/* ---- Small generators ---- */

static IrTemp gen_addi(DisasContext *s, IrTemp a, int64_t imm)
{
    if (imm == 0)
        return a;
    IrTemp t = ir_new_temp(s->ir, IR_I64);
    ir_gen_binopi(s->ir, IR_OP_add, IR_I64, t, a, (uint64_t)imm);
    return t;
}

/* Zero- (sign = false) or sign-extends the low 8 << sz bits of v to 64 bits. */
static IrTemp gen_ext(DisasContext *s, IrTemp v, int sz, bool sign)
{
    static const int zext[3] = {IR_OP_ext8u, IR_OP_ext16u, IR_OP_ext32u};
    static const int sext[3] = {IR_OP_ext8s, IR_OP_ext16s, IR_OP_ext32s};
    if (sz >= 3)
        return v;
    IrTemp t = ir_new_temp(s->ir, IR_I64);
    ir_gen_unop(s->ir, sign ? sext[sz] : zext[sz], IR_I64, t, v);
    return t;
}

/* Address of a base + offset access: Rn|SP, plus `off` unless post-indexed. */
static IrTemp gen_base_addr(DisasContext *s, int rn, int64_t off, bool post)
{
    IrTemp base = a64_reg_sp(s, rn);
    return post ? base : gen_addi(s, base, off);
}

/* Base writeback after the access at `addr` (see gen_base_addr). */
static void gen_writeback(DisasContext *s, int rn, IrTemp addr, int64_t off, bool post)
{
    a64_set_reg_sp(s, rn, post ? gen_addi(s, addr, off) : addr, true);
}

/* Loads 8 << sz bits into a new I64 temp, zero- or sign-extended. */
static IrTemp gen_ld_gpr(DisasContext *s, IrTemp addr, int sz, bool sign)
{
    IrTemp v = ir_new_temp(s->ir, IR_I64);
    ir_gen_ld(s->ir, IR_I64, v, addr, (unsigned)sz | (sign ? IR_MO_SIGN : 0));
    return v;
}

static void gen_st_gpr(DisasContext *s, int rt, IrTemp addr, int sz)
{
    ir_gen_st(s->ir, IR_I64, a64_reg(s, rt), addr, (unsigned)sz);
}

/* Writes a loaded value; only a sign-extending load to W needs the top half cleared. */
static void gen_set_loaded(DisasContext *s, int rt, IrTemp v, bool sign, bool ext)
{
    a64_set_reg(s, rt, v, !sign || ext);
}

/* SIMD&FP load of 8 << sz bits (sz 4: Q) into V[rt], zeroing the rest of it. */
static void gen_ld_vreg(DisasContext *s, int rt, IrTemp addr, int sz)
{
    int32_t off = a64_vreg_offset(rt);
    if (sz == 4) {
        ir_gen_ld_v128(s->ir, addr, IR_MO_128, off);
        return;
    }
    IrTemp v = ir_new_temp(s->ir, IR_I64);
    ir_gen_ld(s->ir, IR_I64, v, addr, (unsigned)sz);
    ir_gen_st_env(s->ir, IR_I64, v, off);
    ir_gen_st_env(s->ir, IR_I64, ir_const_i64(s->ir, 0), off + 8);
}

/* SIMD&FP store of the low 8 << sz bits of V[rt]. */
static void gen_st_vreg(DisasContext *s, int rt, IrTemp addr, int sz)
{
    int32_t off = a64_vreg_offset(rt);
    if (sz == 4) {
        ir_gen_st_v128(s->ir, addr, IR_MO_128, off);
        return;
    }
    IrTemp v = ir_new_temp(s->ir, IR_I64);
    ir_gen_ld_env(s->ir, IR_I64, v, off);
    ir_gen_st(s->ir, IR_I64, v, addr, (unsigned)sz);
}

/* ---- Single register, immediate offset ---- */

static int64_t ldst_imm_offset(const arg_ldst_imm *a)
{
    return a->scaled ? (int64_t)((uint64_t)(int64_t)a->imm << a->sz) : a->imm;
}

static bool trans_STR_i(DisasContext *s, arg_ldst_imm *a)
{
    int64_t off = ldst_imm_offset(a);
    IrTemp addr = gen_base_addr(s, a->rn, off, a->p);
    gen_st_gpr(s, a->rt, addr, a->sz);
    if (a->w)
        gen_writeback(s, a->rn, addr, off, a->p);
    return true;
}

static bool trans_LDR_i(DisasContext *s, arg_ldst_imm *a)
{
    int64_t off = ldst_imm_offset(a);
    IrTemp addr = gen_base_addr(s, a->rn, off, a->p);
    IrTemp v = gen_ld_gpr(s, addr, a->sz, a->sign);
    if (a->w)
        gen_writeback(s, a->rn, addr, off, a->p);
    gen_set_loaded(s, a->rt, v, a->sign, a->ext);
    return true;
}

static bool trans_STR_v(DisasContext *s, arg_ldst_imm *a)
{
    int64_t off = ldst_imm_offset(a);
    IrTemp addr = gen_base_addr(s, a->rn, off, a->p);
    gen_st_vreg(s, a->rt, addr, a->sz);
    if (a->w)
        gen_writeback(s, a->rn, addr, off, a->p);
    return true;
}

static bool trans_LDR_v(DisasContext *s, arg_ldst_imm *a)
{
    int64_t off = ldst_imm_offset(a);
    IrTemp addr = gen_base_addr(s, a->rn, off, a->p);
    gen_ld_vreg(s, a->rt, addr, a->sz);
    if (a->w)
        gen_writeback(s, a->rn, addr, off, a->p);
    return true;
}

/* STLR, STLLR, STLUR: a store-release, ordered before later load-acquires. */
static bool trans_STLR(DisasContext *s, arg_ldst_imm *a)
{
    IrTemp addr = gen_base_addr(s, a->rn, a->imm, false);
    IrTemp old = ir_new_temp(s->ir, IR_I64);
    ir_gen_atomic_rmw(s->ir, IR_I64, IR_ATOMIC_XCHG, old, addr, a64_reg(s, a->rt), (unsigned)a->sz);
    return true;
}

static bool trans_PRFM(DisasContext *s, arg_empty *a)
{
    return true;
}

/* ---- Single register, register offset ---- */

/* Base + extended and optionally scaled Rm; IR_TEMP_NONE for a reserved option. */
static IrTemp gen_reg_offset_addr(DisasContext *s, const arg_ldst_reg *a)
{
    if (!(a->opt & 2))
        return IR_TEMP_NONE; /* UXTB/UXTH/SXTB/SXTH: reserved */
    IrTemp off = a64_reg(s, a->rm);
    if (a->opt == 2 || a->opt == 6)
        off = gen_ext(s, off, 2, a->opt == 6);
    if (a->s && a->sz) {
        IrTemp t = ir_new_temp(s->ir, IR_I64);
        ir_gen_binopi(s->ir, IR_OP_shl, IR_I64, t, off, (uint64_t)a->sz);
        off = t;
    }
    IrTemp addr = ir_new_temp(s->ir, IR_I64);
    ir_gen_binop(s->ir, IR_OP_add, IR_I64, addr, a64_reg_sp(s, a->rn), off);
    return addr;
}

static bool trans_STR_r(DisasContext *s, arg_ldst_reg *a)
{
    IrTemp addr = gen_reg_offset_addr(s, a);
    if (addr == IR_TEMP_NONE)
        return false;
    gen_st_gpr(s, a->rt, addr, a->sz);
    return true;
}

static bool trans_LDR_r(DisasContext *s, arg_ldst_reg *a)
{
    IrTemp addr = gen_reg_offset_addr(s, a);
    if (addr == IR_TEMP_NONE)
        return false;
    gen_set_loaded(s, a->rt, gen_ld_gpr(s, addr, a->sz, a->sign), a->sign, a->ext);
    return true;
}

static bool trans_STR_vr(DisasContext *s, arg_ldst_reg *a)
{
    IrTemp addr = gen_reg_offset_addr(s, a);
    if (addr == IR_TEMP_NONE)
        return false;
    gen_st_vreg(s, a->rt, addr, a->sz);
    return true;
}

static bool trans_LDR_vr(DisasContext *s, arg_ldst_reg *a)
{
    IrTemp addr = gen_reg_offset_addr(s, a);
    if (addr == IR_TEMP_NONE)
        return false;
    gen_ld_vreg(s, a->rt, addr, a->sz);
    return true;
}

/* PRFM (register): a NOP, but the reserved options are unallocated as for loads. */
static bool trans_PRFM_r(DisasContext *s, arg_ldst_reg *a)
{
    return (a->opt & 2) != 0;
}

/* ---- Literal ---- */

static IrTemp gen_lit_addr(DisasContext *s, const arg_ldlit *a)
{
    return ir_const_i64(s->ir, s->pc + (uint64_t)((int64_t)a->imm * 4));
}

static bool trans_LDR_lit(DisasContext *s, arg_ldlit *a)
{
    a64_set_reg(s, a->rt, gen_ld_gpr(s, gen_lit_addr(s, a), a->sz, a->sign), true);
    return true;
}

static bool trans_LDR_vlit(DisasContext *s, arg_ldlit *a)
{
    gen_ld_vreg(s, a->rt, gen_lit_addr(s, a), a->sz);
    return true;
}

/* ---- Pairs ---- */

static bool trans_STP(DisasContext *s, arg_ldst_pair *a)
{
    int64_t off = (int64_t)((uint64_t)(int64_t)a->imm << a->sz);
    IrTemp addr = gen_base_addr(s, a->rn, off, a->p);
    gen_st_gpr(s, a->rt, addr, a->sz);
    gen_st_gpr(s, a->rt2, gen_addi(s, addr, 1 << a->sz), a->sz);
    if (a->w)
        gen_writeback(s, a->rn, addr, off, a->p);
    return true;
}

static bool trans_LDP(DisasContext *s, arg_ldst_pair *a)
{
    int64_t off = (int64_t)((uint64_t)(int64_t)a->imm << a->sz);
    IrTemp addr = gen_base_addr(s, a->rn, off, a->p);
    IrTemp v1 = gen_ld_gpr(s, addr, a->sz, a->sign);
    IrTemp v2 = gen_ld_gpr(s, gen_addi(s, addr, 1 << a->sz), a->sz, a->sign);
    if (a->w)
        gen_writeback(s, a->rn, addr, off, a->p);
    a64_set_reg(s, a->rt, v1, true);
    a64_set_reg(s, a->rt2, v2, true);
    return true;
}

static bool trans_STP_v(DisasContext *s, arg_ldst_pair *a)
{
    if (a->sz > 4)
        return false;
    int64_t off = (int64_t)((uint64_t)(int64_t)a->imm << a->sz);
    IrTemp addr = gen_base_addr(s, a->rn, off, a->p);
    gen_st_vreg(s, a->rt, addr, a->sz);
    gen_st_vreg(s, a->rt2, gen_addi(s, addr, 1 << a->sz), a->sz);
    if (a->w)
        gen_writeback(s, a->rn, addr, off, a->p);
    return true;
}

static bool trans_LDP_v(DisasContext *s, arg_ldst_pair *a)
{
    if (a->sz > 4)
        return false;
    int64_t off = (int64_t)((uint64_t)(int64_t)a->imm << a->sz);
    IrTemp addr = gen_base_addr(s, a->rn, off, a->p);
    gen_ld_vreg(s, a->rt, addr, a->sz);
    gen_ld_vreg(s, a->rt2, gen_addi(s, addr, 1 << a->sz), a->sz);
    if (a->w)
        gen_writeback(s, a->rn, addr, off, a->p);
    return true;
}

/* ---- Exclusives ---- */

/* Records a load-exclusive of `size` bytes at addr that saw v (and v2). */
static void gen_set_monitor(DisasContext *s, IrTemp addr, uint64_t size, IrTemp v, IrTemp v2)
{
    ir_gen_mov(s->ir, IR_I64, a64_g.excl_addr, addr);
    ir_gen_movi(s->ir, IR_I64, a64_g.excl_size, size);
    ir_gen_mov(s->ir, IR_I64, a64_g.excl_val, v);
    if (v2 != IR_TEMP_NONE)
        ir_gen_mov(s->ir, IR_I64, a64_g.excl_val2, v2);
}

/*
 * [Xn|SP] in a local, after SIGBUS when it is not aligned to `size`: exclusives
 * always take the alignment check (Arm ARM AArch64.ExclusiveMonitorsPass and the
 * load-exclusive access: alignment fault whatever SCTLR_EL1.A and FEAT_LSE2).
 */
static IrTemp gen_excl_addr(DisasContext *s, int rn, uint64_t size)
{
    IrContext *ir = s->ir;
    IrTemp addr = ir_new_local(ir, IR_I64), low = ir_new_temp(ir, IR_I64);
    uint32_t ok = ir_new_label(ir);
    ir_gen_mov(ir, IR_I64, addr, a64_reg_sp(s, rn));
    ir_gen_binopi(ir, IR_OP_and, IR_I64, low, addr, size - 1);
    ir_gen_brcond(ir, IR_I64, IR_COND_EQ, low, ir_const_i64(ir, 0), ok);
    IrTemp unused = ir_new_temp(ir, IR_I64);
    IrTemp args[1] = {addr};
    ir_gen_movi(ir, IR_I64, a64_g.pc, s->pc);
    ir_gen_call(ir, IR_I64, unused, (void *)a64_helper_align_fault, IR_CALL_NO_WRITE_GLOBALS, 1,
                args);
    ir_gen_set_label(ir, ok);
    return addr;
}

static bool trans_LDXR(DisasContext *s, arg_excl *a)
{
    IrTemp addr = gen_excl_addr(s, a->rn, 1u << a->sz);
    IrTemp v = gen_ld_gpr(s, addr, a->sz, false);
    gen_set_monitor(s, addr, 1u << a->sz, v, IR_TEMP_NONE);
    a64_set_reg(s, a->rt, v, true);
    return true;
}

/* LDXP: a W pair is one 64-bit access; an X pair one 128-bit access via the scratch area. */
static bool trans_LDXP(DisasContext *s, arg_excl *a)
{
    IrContext *ir = s->ir;
    IrTemp addr = gen_excl_addr(s, a->rn, a->sz == 2 ? 8 : 16);
    IrTemp lo = ir_new_temp(ir, IR_I64), hi = ir_new_temp(ir, IR_I64);
    if (a->sz == 2) {
        IrTemp v = gen_ld_gpr(s, addr, 3, false);
        gen_set_monitor(s, addr, 8, v, IR_TEMP_NONE);
        ir_gen_mov(ir, IR_I64, lo, v);
        ir_gen_binopi(ir, IR_OP_shr, IR_I64, hi, v, 32);
    } else {
        int32_t scratch = (int32_t)offsetof(A64CPU, scratch);
        ir_gen_ld_v128(ir, addr, IR_MO_128, scratch);
        ir_gen_ld_env(ir, IR_I64, lo, scratch);
        ir_gen_ld_env(ir, IR_I64, hi, scratch + 8);
        gen_set_monitor(s, addr, 16, lo, hi);
    }
    a64_set_reg(s, a->rt, lo, a->sz == 3);
    a64_set_reg(s, a->rt2, hi, true);
    return true;
}

/* A store-exclusive in progress: the checked address and the status (locals). */
typedef struct StxState {
    IrTemp addr, status;
    uint32_t fail, done;
} StxState;

/* Branches to the failure path unless the monitor holds [Xn|SP] with `size` bytes. */
static StxState gen_stx_check(DisasContext *s, int rn, uint64_t size)
{
    IrContext *ir = s->ir;
    StxState st = {ir_new_local(ir, IR_I64), ir_new_local(ir, IR_I64), ir_new_label(ir),
                   ir_new_label(ir)};
    ir_gen_mov(ir, IR_I64, st.addr, gen_excl_addr(s, rn, size));
    ir_gen_brcond(ir, IR_I64, IR_COND_NE, a64_g.excl_addr, st.addr, st.fail);
    ir_gen_brcond(ir, IR_I64, IR_COND_NE, a64_g.excl_size, ir_const_i64(ir, size), st.fail);
    return st;
}

/* Ends a store-exclusive: Ws = 0 when `ok` (I64, 0/1) is 1, else 1; clears the monitor. */
static void gen_stx_finish(DisasContext *s, StxState *st, IrTemp ok, int rs)
{
    IrContext *ir = s->ir;
    ir_gen_binopi(ir, IR_OP_xor, IR_I64, st->status, ok, 1);
    ir_gen_br(ir, st->done);
    ir_gen_set_label(ir, st->fail);
    ir_gen_movi(ir, IR_I64, st->status, 1);
    ir_gen_set_label(ir, st->done);
    ir_gen_movi(ir, IR_I64, a64_g.excl_size, 0);
    a64_set_reg(s, rs, st->status, false);
}

/* 64-bit (or narrower) compare-and-swap from the monitor value; returns ok (I64 0/1). */
static IrTemp gen_stx_cmpxchg(DisasContext *s, IrTemp addr, IrTemp nv, int sz)
{
    IrContext *ir = s->ir;
    IrTemp old = ir_new_temp(ir, IR_I64), ok = ir_new_temp(ir, IR_I64);
    ir_gen_cmpxchg(ir, IR_I64, old, addr, a64_g.excl_val, nv, (unsigned)sz);
    ir_gen_setcond(ir, IR_I64, IR_COND_EQ, ok, old, a64_g.excl_val);
    return ok;
}

/* Calls the 128-bit compare-and-swap helper; returns its ok result (I64 0/1). */
static IrTemp gen_cmpxchg128(DisasContext *s, IrTemp addr, IrTemp clo, IrTemp chi, IrTemp nlo,
                             IrTemp nhi)
{
    IrContext *ir = s->ir;
    IrTemp ok = ir_new_temp(ir, IR_I64);
    IrTemp args[5] = {addr, clo, chi, nlo, nhi};
    /* The helper may fault: it needs the pc of this instruction in the CPU state. */
    ir_gen_movi(ir, IR_I64, a64_g.pc, s->pc);
    ir_gen_call(ir, IR_I64, ok, (void *)a64_helper_cmpxchg128, IR_CALL_NO_WRITE_GLOBALS, 5, args);
    return ok;
}

static bool trans_STXR(DisasContext *s, arg_excl *a)
{
    StxState st = gen_stx_check(s, a->rn, 1u << a->sz);
    IrTemp ok = gen_stx_cmpxchg(s, st.addr, a64_reg(s, a->rt), a->sz);
    gen_stx_finish(s, &st, ok, a->rs);
    return true;
}

static bool trans_STXP(DisasContext *s, arg_excl *a)
{
    IrContext *ir = s->ir;
    StxState st = gen_stx_check(s, a->rn, a->sz == 2 ? 8 : 16);
    IrTemp ok;
    if (a->sz == 2) {
        IrTemp nv = ir_new_temp(ir, IR_I64);
        ir_gen_deposit(ir, IR_I64, nv, a64_reg(s, a->rt), a64_reg(s, a->rt2), 32, 32);
        ok = gen_stx_cmpxchg(s, st.addr, nv, 3);
    } else {
        ok = gen_cmpxchg128(s, st.addr, a64_g.excl_val, a64_g.excl_val2, a64_reg(s, a->rt),
                            a64_reg(s, a->rt2));
    }
    gen_stx_finish(s, &st, ok, a->rs);
    return true;
}

/* ---- LSE: compare-and-swap, atomic memory operations ---- */

static bool trans_CAS(DisasContext *s, arg_atomic *a)
{
    IrTemp old = ir_new_temp(s->ir, IR_I64);
    IrTemp cmp = gen_ext(s, a64_reg(s, a->rs), a->sz, false);
    ir_gen_cmpxchg(s->ir, IR_I64, old, a64_reg_sp(s, a->rn), cmp, a64_reg(s, a->rt),
                   (unsigned)a->sz);
    a64_set_reg(s, a->rs, old, true);
    return true;
}

/* CASP: Rs, Rt even; register 31 in a pair is XZR. */
static bool trans_CASP(DisasContext *s, arg_atomic *a)
{
    IrContext *ir = s->ir;
    if ((a->rs & 1) || (a->rt & 1))
        return false;
    IrTemp addr = a64_reg_sp(s, a->rn);
    IrTemp lo = ir_new_temp(ir, IR_I64), hi = ir_new_temp(ir, IR_I64);
    if (a->sz == 0) {
        IrTemp cmp = ir_new_temp(ir, IR_I64), nv = ir_new_temp(ir, IR_I64);
        ir_gen_deposit(ir, IR_I64, cmp, a64_reg(s, a->rs), a64_reg(s, a->rs + 1), 32, 32);
        ir_gen_deposit(ir, IR_I64, nv, a64_reg(s, a->rt), a64_reg(s, a->rt + 1), 32, 32);
        ir_gen_cmpxchg(ir, IR_I64, lo, addr, cmp, nv, IR_MO_64);
        ir_gen_binopi(ir, IR_OP_shr, IR_I64, hi, lo, 32);
    } else {
        int32_t scratch = (int32_t)offsetof(A64CPU, scratch);
        gen_cmpxchg128(s, addr, a64_reg(s, a->rs), a64_reg(s, a->rs + 1), a64_reg(s, a->rt),
                       a64_reg(s, a->rt + 1));
        ir_gen_ld_env(ir, IR_I64, lo, scratch);
        ir_gen_ld_env(ir, IR_I64, hi, scratch + 8);
    }
    a64_set_reg(s, a->rs, lo, a->sz == 1);
    a64_set_reg(s, a->rs + 1, hi, a->sz == 1);
    return true;
}

/*
 * LD<op>/SWP: Rt = old value (zero-extended from the access size), memory =
 * op(old, Rs).  Signed min/max compare sign-extended operands.
 */
static bool gen_atomic(DisasContext *s, arg_atomic *a, IrAtomicOp op)
{
    bool sign = (op == IR_ATOMIC_SMAX || op == IR_ATOMIC_SMIN) && a->sz < 3;
    IrTemp v = gen_ext(s, a64_reg(s, a->rs), a->sz, sign);
    IrTemp old = ir_new_temp(s->ir, IR_I64);
    ir_gen_atomic_rmw(s->ir, IR_I64, op, old, a64_reg_sp(s, a->rn), v,
                      (unsigned)a->sz | (sign ? IR_MO_SIGN : 0));
    a64_set_reg(s, a->rt, sign ? gen_ext(s, old, a->sz, false) : old, true);
    return true;
}

static bool trans_LDADD(DisasContext *s, arg_atomic *a)
{
    return gen_atomic(s, a, IR_ATOMIC_ADD);
}
static bool trans_LDCLR(DisasContext *s, arg_atomic *a)
{
    return gen_atomic(s, a, IR_ATOMIC_ANDC);
}
static bool trans_LDEOR(DisasContext *s, arg_atomic *a)
{
    return gen_atomic(s, a, IR_ATOMIC_XOR);
}
static bool trans_LDSET(DisasContext *s, arg_atomic *a)
{
    return gen_atomic(s, a, IR_ATOMIC_OR);
}
static bool trans_LDSMAX(DisasContext *s, arg_atomic *a)
{
    return gen_atomic(s, a, IR_ATOMIC_SMAX);
}
static bool trans_LDSMIN(DisasContext *s, arg_atomic *a)
{
    return gen_atomic(s, a, IR_ATOMIC_SMIN);
}
static bool trans_LDUMAX(DisasContext *s, arg_atomic *a)
{
    return gen_atomic(s, a, IR_ATOMIC_UMAX);
}
static bool trans_LDUMIN(DisasContext *s, arg_atomic *a)
{
    return gen_atomic(s, a, IR_ATOMIC_UMIN);
}
static bool trans_SWP(DisasContext *s, arg_atomic *a)
{
    return gen_atomic(s, a, IR_ATOMIC_XCHG);
}
