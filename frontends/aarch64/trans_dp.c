/*
 * AArch64 integer data processing (immediate and register forms): add/sub,
 * logic, moves, bitfields, shifts, conditional select/compare, multiply,
 * divide, bit/byte reversal, CRC32.  a64_decode_dp is the entry point for
 * the whole base integer ISA except loads/stores: it passes branches,
 * exception generation and system instructions on to trans_branch.c.
 *
 * The decoder is generated from a64_dp.decode; each trans_<NAME> below
 * returns false for an unallocated encoding (-> SIGILL).  Everything is
 * computed in I64 temps: 32-bit results are zero-extended by a64_set_reg,
 * so only operations whose low 32 bits depend on the upper half of an
 * operand (right shifts, division, flags...) extend their inputs first.
 * Flags follow the representation of cpu.h (nf, zf, cf, vf).
 */
#include "frontends/aarch64/translate.h"

#include "frontends/aarch64/helper_dp.h"

#include "aarch64/decode_dp.c.inc"

#include "frontends/aarch64/dp_gen.h"

/* Destinations of the four flag values (the globals, or temps for CCMP). */
typedef struct FlagDst {
    IrTemp n, z, c, v;
} FlagDst;

static IrTemp gen_extract(DisasContext *s, IrTemp a, unsigned pos, unsigned len, bool sign)
{
    if (pos == 0 && len == 64)
        return a;
    IrTemp d = new64(s);
    if (sign)
        ir_gen_sextract(s->ir, IR_I64, d, a, pos, len);
    else
        ir_gen_extract(s->ir, IR_I64, d, a, pos, len);
    return d;
}

static IrTemp gen_deposit(DisasContext *s, IrTemp a, IrTemp b, unsigned pos, unsigned len)
{
    if (pos == 0 && len == 64)
        return b;
    IrTemp d = new64(s);
    ir_gen_deposit(s->ir, IR_I64, d, a, b, pos, len);
    return d;
}

static IrTemp gen_movcond(DisasContext *s, IrCond c, IrTemp a, IrTemp b, IrTemp v1, IrTemp v2)
{
    IrTemp d = new64(s);
    ir_gen_movcond(s->ir, IR_I64, c, d, a, b, v1, v2);
    return d;
}

/* Returns v, or for a 32-bit operation v's low half zero/sign-extended. */
static IrTemp ext32(DisasContext *s, IrTemp v, bool sf, bool sign)
{
    if (sf)
        return v;
    if (ir_temp_is_const(s->ir, v)) {
        uint32_t lo = (uint32_t)ir_temp_info(s->ir, v)->val;
        return cst(s, sign ? (uint64_t)(int64_t)(int32_t)lo : lo);
    }
    return op1(s, sign ? IR_OP_ext32s : IR_OP_ext32u, v);
}

/* True when b is a constant whose sign bit (63, or 31 when !sf) is clear. */
static bool is_nonneg_const(DisasContext *s, IrTemp b, bool sf)
{
    return ir_temp_is_const(s->ir, b) && !(ir_temp_info(s->ir, b)->val >> (sf ? 63 : 31) & 1);
}

/* The 32-bit rotate right of v's low half by cnt (< 32), in the low half of the result. */
static IrTemp ror32(DisasContext *s, IrTemp v, IrTemp cnt)
{
    return op2(s, IR_OP_shr, gen_deposit(s, v, v, 32, 32), cnt);
}

/* ---- Flags ---- */

static FlagDst flag_globals(void)
{
    return (FlagDst){a64_g.nf, a64_g.zf, a64_g.cf, a64_g.vf};
}

/* N and Z from a result (64-bit, or 32-bit in the low half). */
static void gen_nz(DisasContext *s, IrTemp res, bool sf, const FlagDst *f)
{
    if (sf) {
        ir_gen_mov(s->ir, IR_I64, f->n, res);
        ir_gen_mov(s->ir, IR_I64, f->z, res);
    } else {
        ir_gen_unop(s->ir, IR_OP_ext32s, IR_I64, f->n, res);
        ir_gen_unop(s->ir, IR_OP_ext32u, IR_I64, f->z, res);
    }
}

/* V from a value whose bit 63 (or bit 31 when !sf) is the overflow. */
static void gen_v(DisasContext *s, IrTemp v, bool sf, const FlagDst *f)
{
    ir_gen_unop(s->ir, sf ? IR_OP_mov : IR_OP_ext32s, IR_I64, f->v, v);
}

/* NZCV for a logical result: C = V = 0. */
static void gen_logic_cc(DisasContext *s, IrTemp res, bool sf)
{
    FlagDst f = flag_globals();
    gen_nz(s, res, sf, &f);
    ir_gen_movi(s->ir, IR_I64, f.c, 0);
    ir_gen_movi(s->ir, IR_I64, f.v, 0);
    a64_note_cc(s, true, res, IR_TEMP_NONE, sf);
}

/* a + b setting NZCV into f; returns the sum. */
static IrTemp gen_add_cc(DisasContext *s, IrTemp a, IrTemp b, bool sf, const FlagDst *f)
{
    a = ext32(s, a, sf, false);
    b = ext32(s, b, sf, false);
    IrTemp res = op2(s, IR_OP_add, a, b), v;
    if (is_nonneg_const(s, b, sf)) /* V = sign(res) & ~sign(a) */
        v = op2(s, IR_OP_andc, res, a);
    else
        v = op2(s, IR_OP_andc, op2(s, IR_OP_xor, res, a), op2(s, IR_OP_xor, a, b));
    if (sf)
        ir_gen_setcond(s->ir, IR_I64, IR_COND_LTU, f->c, res, a);
    else
        ir_gen_binopi(s->ir, IR_OP_shr, IR_I64, f->c, res, 32);
    gen_v(s, v, sf, f);
    gen_nz(s, res, sf, f);
    return res;
}

/* a - b setting NZCV into f; returns the difference. */
static IrTemp gen_sub_cc(DisasContext *s, IrTemp a, IrTemp b, bool sf, const FlagDst *f)
{
    a = ext32(s, a, sf, false);
    b = ext32(s, b, sf, false);
    IrTemp res = op2(s, IR_OP_sub, a, b), v;
    if (is_nonneg_const(s, b, sf)) /* V = sign(a) & ~sign(res) */
        v = op2(s, IR_OP_andc, a, res);
    else
        v = op2(s, IR_OP_and, op2(s, IR_OP_xor, a, b), op2(s, IR_OP_xor, a, res));
    ir_gen_setcond(s->ir, IR_I64, IR_COND_GEU, f->c, a, b);
    gen_v(s, v, sf, f);
    gen_nz(s, res, sf, f);
    return res;
}

/* a + b + C setting NZCV into the globals; returns the sum. */
static IrTemp gen_adc_cc(DisasContext *s, IrTemp a, IrTemp b, bool sf)
{
    FlagDst f = flag_globals();
    IrTemp res, carry;
    a = ext32(s, a, sf, false);
    b = ext32(s, b, sf, false);
    if (sf) {
        IrTemp sum = op2(s, IR_OP_add, a, b);
        IrTemp c1 = gen_setcond(s, IR_COND_LTU, sum, a);
        res = op2(s, IR_OP_add, sum, a64_g.cf);
        carry = op2(s, IR_OP_or, c1, gen_setcond(s, IR_COND_LTU, res, sum));
    } else {
        res = op2(s, IR_OP_add, op2(s, IR_OP_add, a, b), a64_g.cf);
        carry = op2i(s, IR_OP_shr, res, 32);
    }
    IrTemp v = op2(s, IR_OP_andc, op2(s, IR_OP_xor, res, a), op2(s, IR_OP_xor, a, b));
    ir_gen_mov(s->ir, IR_I64, f.c, carry);
    gen_v(s, v, sf, &f);
    gen_nz(s, res, sf, &f);
    return res;
}

/* ---- Operand forms ---- */

/* Shifted-register operand: type 0 LSL, 1 LSR, 2 ASR, 3 ROR; amount < width. */
static IrTemp gen_shift_imm(DisasContext *s, IrTemp v, int type, int amount, bool sf)
{
    if (amount == 0)
        return v;
    switch (type) {
    case 0:
        return op2i(s, IR_OP_shl, v, amount);
    case 1:
        return op2i(s, IR_OP_shr, ext32(s, v, sf, false), amount);
    case 2:
        return op2i(s, IR_OP_sar, ext32(s, v, sf, true), amount);
    default:
        if (sf)
            return op2i(s, IR_OP_rotr, v, amount);
        return ror32(s, v, cst(s, amount));
    }
}

/* Extended-register operand: option UXTB..SXTX, then LSL by shift (0..4). */
static IrTemp gen_extend(DisasContext *s, IrTemp v, int option, int shift)
{
    static const int ext_ops[8] = {IR_OP_ext8u, IR_OP_ext16u, IR_OP_ext32u, IR_OP_mov,
                                   IR_OP_ext8s, IR_OP_ext16s, IR_OP_ext32s, IR_OP_mov};
    if (ext_ops[option] != IR_OP_mov)
        v = op1(s, ext_ops[option], v);
    return shift ? op2i(s, IR_OP_shl, v, shift) : v;
}

/*
 * ADD/SUB/ADDS/SUBS of a and b into rd.  Without flags rd = 31 is SP when
 * rd_sp (immediate and extended forms); with flags it is always XZR.
 */
static void gen_addsub(DisasContext *s, int rd, IrTemp a, IrTemp b, bool sub, bool setflags,
                       bool sf, bool rd_sp)
{
    IrTemp res;
    if (setflags) {
        FlagDst f = flag_globals();
        res = sub ? gen_sub_cc(s, a, b, sf, &f) : gen_add_cc(s, a, b, sf, &f);
        if (sub)
            a64_note_cc(s, false, a, b, sf);
        a64_set_reg(s, rd, res, sf);
        return;
    }
    if (ir_temp_is_const(s->ir, b) && ir_temp_info(s->ir, b)->val == 0)
        res = a;
    else
        res = op2(s, sub ? IR_OP_sub : IR_OP_add, a, b);
    if (rd_sp)
        a64_set_reg_sp(s, rd, res, sf);
    else
        a64_set_reg(s, rd, res, sf);
}

/* ---- Data processing: immediate ---- */

static int addsub_imm(DisasContext *ctx, int x)
{
    return (x & 0xfff) << ((x >> 12) ? 12 : 0);
}

static bool trans_ADR(DisasContext *s, arg_ri *a)
{
    a64_set_reg(s, a->rd, cst(s, s->pc + (int64_t)a->imm), true);
    return true;
}

static bool trans_ADRP(DisasContext *s, arg_ri *a)
{
    uint64_t base = s->pc & ~(uint64_t)0xfff;
    a64_set_reg(s, a->rd, cst(s, base + ((uint64_t)(int64_t)a->imm << 12)), true);
    return true;
}

static bool gen_addsub_imm(DisasContext *s, arg_rri_sf *a, bool sub, bool setflags)
{
    IrTemp rn = a64_reg_sp(s, a->rn);
    gen_addsub(s, a->rd, rn, cst(s, (uint64_t)a->imm), sub, setflags, a->sf, true);
    return true;
}

TRANS(ADD_i, arg_rri_sf, gen_addsub_imm, false, false)
TRANS(ADDS_i, arg_rri_sf, gen_addsub_imm, false, true)
TRANS(SUB_i, arg_rri_sf, gen_addsub_imm, true, false)
TRANS(SUBS_i, arg_rri_sf, gen_addsub_imm, true, true)

/*
 * DecodeBitMasks for logical immediates: dbm = N:immr:imms.  Returns false
 * for the reserved encodings (element size 1, all-ones element, N=1 in
 * 32-bit).
 */
static bool decode_bitmask(unsigned dbm, bool sf, uint64_t *out)
{
    unsigned n = dbm >> 12 & 1, immr = dbm >> 6 & 63, imms = dbm & 63;
    unsigned combined = n << 6 | (~imms & 63);
    if (combined == 0 || (!sf && n))
        return false;
    unsigned len = 31 - (unsigned)__builtin_clz(combined);
    if (len == 0)
        return false;
    unsigned esize = 1u << len, levels = esize - 1;
    unsigned ones = imms & levels, rot = immr & levels;
    if (ones == levels)
        return false;
    uint64_t emask = esize == 64 ? ~0ull : (1ull << esize) - 1;
    uint64_t elem = (1ull << (ones + 1)) - 1;
    if (rot)
        elem = ((elem >> rot) | (elem << (esize - rot))) & emask;
    for (unsigned w = esize; w < 64; w *= 2)
        elem |= elem << w;
    *out = sf ? elem : (uint32_t)elem;
    return true;
}

/* AND/ORR/EOR/ANDS (immediate); opc as in the encoding. */
static bool gen_logic_imm(DisasContext *s, arg_logic_imm *a, int opc)
{
    static const int ops[4] = {IR_OP_and, IR_OP_or, IR_OP_xor, IR_OP_and};
    uint64_t imm;
    if (!decode_bitmask((unsigned)a->dbm, a->sf, &imm))
        return false;
    IrTemp res;
    if (opc == 1 && a->rn == 31)
        res = cst(s, imm);
    else
        res = op2(s, ops[opc], a64_reg(s, a->rn), cst(s, imm));
    if (opc == 3) {
        gen_logic_cc(s, res, a->sf);
        a64_set_reg(s, a->rd, res, a->sf);
    } else {
        a64_set_reg_sp(s, a->rd, res, a->sf);
    }
    return true;
}

TRANS(AND_i, arg_logic_imm, gen_logic_imm, 0)
TRANS(ORR_i, arg_logic_imm, gen_logic_imm, 1)
TRANS(EOR_i, arg_logic_imm, gen_logic_imm, 2)
TRANS(ANDS_i, arg_logic_imm, gen_logic_imm, 3)

static bool movw_ok(arg_movw *a)
{
    return a->sf || a->hw < 2;
}

static bool trans_MOVN(DisasContext *s, arg_movw *a)
{
    if (!movw_ok(a))
        return false;
    a64_set_reg(s, a->rd, cst(s, ~((uint64_t)a->imm << (16 * a->hw))), a->sf);
    return true;
}

static bool trans_MOVZ(DisasContext *s, arg_movw *a)
{
    if (!movw_ok(a))
        return false;
    a64_set_reg(s, a->rd, cst(s, (uint64_t)a->imm << (16 * a->hw)), a->sf);
    return true;
}

static bool trans_MOVK(DisasContext *s, arg_movw *a)
{
    if (!movw_ok(a))
        return false;
    IrTemp res = gen_deposit(s, a64_reg(s, a->rd), cst(s, (uint64_t)a->imm), 16 * a->hw, 16);
    a64_set_reg(s, a->rd, res, a->sf);
    return true;
}

static bool bitfield_ok(arg_bitfield *a)
{
    return a->n == a->sf && (a->sf || (a->immr < 32 && a->imms < 32));
}

/* SBFM/UBFM: SBFX/UBFX (imms >= immr) or SBFIZ/UBFIZ/LSL (imms < immr), ASR/LSR. */
static bool gen_xbfm(DisasContext *s, arg_bitfield *a, bool sign)
{
    if (!bitfield_ok(a))
        return false;
    unsigned width = a->sf ? 64 : 32, r = a->immr, len = a->imms + 1;
    IrTemp src = a64_reg(s, a->rn), res;
    if (a->imms >= a->immr) {
        len -= r;
        if (a->sf && a->imms == 63 && r != 0)
            res = op2i(s, sign ? IR_OP_sar : IR_OP_shr, src, r);
        else
            res = gen_extract(s, src, r, len, sign);
    } else if (len == r && !sign) {
        res = op2i(s, IR_OP_shl, src, width - r); /* LSL */
    } else {
        res = op2i(s, IR_OP_shl, gen_extract(s, src, 0, len, sign), width - r);
    }
    a64_set_reg(s, a->rd, res, a->sf);
    return true;
}

TRANS(SBFM, arg_bitfield, gen_xbfm, true)
TRANS(UBFM, arg_bitfield, gen_xbfm, false)

/* BFM: BFXIL (imms >= immr) or BFI (imms < immr); other bits of rd kept. */
static bool trans_BFM(DisasContext *s, arg_bitfield *a)
{
    if (!bitfield_ok(a))
        return false;
    unsigned width = a->sf ? 64 : 32, r = a->immr, len = a->imms + 1;
    IrTemp dst = a64_reg(s, a->rd), src = a64_reg(s, a->rn), res;
    if (a->imms >= a->immr) {
        IrTemp piece = r ? op2i(s, IR_OP_shr, src, r) : src;
        res = gen_deposit(s, dst, piece, 0, len - r);
    } else {
        res = gen_deposit(s, dst, src, width - r, len);
    }
    a64_set_reg(s, a->rd, res, a->sf);
    return true;
}

/* EXTR (ROR immediate when rn == rm): bits [lsb, lsb + width) of rn:rm. */
static bool trans_EXTR(DisasContext *s, arg_EXTR *a)
{
    if (a->n != a->sf || (!a->sf && a->imms >= 32))
        return false;
    IrTemp rm = a64_reg(s, a->rm), rn = a64_reg(s, a->rn), res;
    if (a->imms == 0) {
        res = rm;
    } else if (!a->sf) {
        res = op2i(s, IR_OP_shr, gen_deposit(s, rm, rn, 32, 32), a->imms);
    } else if (a->rn == a->rm) {
        res = op2i(s, IR_OP_rotr, rm, a->imms);
    } else {
        IrTemp lo = op2i(s, IR_OP_shr, rm, a->imms);
        res = op2(s, IR_OP_or, lo, op2i(s, IR_OP_shl, rn, 64 - a->imms));
    }
    a64_set_reg(s, a->rd, res, a->sf);
    return true;
}

/* ---- Data processing: register ---- */

/* AND/ORR/EOR/ANDS (shifted register); n inverts the operand (BIC, ORN, EON, BICS). */
static bool gen_logic_reg(DisasContext *s, arg_shift_reg *a, int opc)
{
    static const int ops[2][4] = {
        {IR_OP_and, IR_OP_or, IR_OP_xor, IR_OP_and},
        {IR_OP_andc, IR_OP_orc, IR_OP_eqv, IR_OP_andc},
    };
    if (!a->sf && a->imm >= 32)
        return false;
    IrTemp b = gen_shift_imm(s, a64_reg(s, a->rm), a->shift, a->imm, a->sf), res;
    if (opc == 1 && !a->n && a->rn == 31)
        res = b; /* MOV */
    else
        res = op2(s, ops[a->n][opc], a64_reg(s, a->rn), b);
    if (opc == 3)
        gen_logic_cc(s, res, a->sf);
    a64_set_reg(s, a->rd, res, a->sf);
    return true;
}

TRANS(AND_r, arg_shift_reg, gen_logic_reg, 0)
TRANS(ORR_r, arg_shift_reg, gen_logic_reg, 1)
TRANS(EOR_r, arg_shift_reg, gen_logic_reg, 2)
TRANS(ANDS_r, arg_shift_reg, gen_logic_reg, 3)

static bool gen_addsub_reg(DisasContext *s, arg_shift_reg *a, bool sub, bool setflags)
{
    if (a->shift == 3 || (!a->sf && a->imm >= 32))
        return false;
    IrTemp b = gen_shift_imm(s, a64_reg(s, a->rm), a->shift, a->imm, a->sf);
    gen_addsub(s, a->rd, a64_reg(s, a->rn), b, sub, setflags, a->sf, false);
    return true;
}

TRANS(ADD_r, arg_shift_reg, gen_addsub_reg, false, false)
TRANS(ADDS_r, arg_shift_reg, gen_addsub_reg, false, true)
TRANS(SUB_r, arg_shift_reg, gen_addsub_reg, true, false)
TRANS(SUBS_r, arg_shift_reg, gen_addsub_reg, true, true)

static bool gen_addsub_ext(DisasContext *s, arg_ext_reg *a, bool sub, bool setflags)
{
    if (a->imm > 4)
        return false;
    IrTemp b = gen_extend(s, a64_reg(s, a->rm), a->opt, a->imm);
    gen_addsub(s, a->rd, a64_reg_sp(s, a->rn), b, sub, setflags, a->sf, !setflags);
    return true;
}

TRANS(ADD_x, arg_ext_reg, gen_addsub_ext, false, false)
TRANS(ADDS_x, arg_ext_reg, gen_addsub_ext, false, true)
TRANS(SUB_x, arg_ext_reg, gen_addsub_ext, true, false)
TRANS(SUBS_x, arg_ext_reg, gen_addsub_ext, true, true)

/* ADC/SBC(S): SBC is ADC with the second operand inverted. */
static bool gen_adc(DisasContext *s, arg_rrr_sf *a, bool sub, bool setflags)
{
    IrTemp b = a64_reg(s, a->rm), res;
    if (sub)
        b = op1(s, IR_OP_not, b);
    if (setflags)
        res = gen_adc_cc(s, a64_reg(s, a->rn), b, a->sf);
    else
        res = op2(s, IR_OP_add, op2(s, IR_OP_add, a64_reg(s, a->rn), b), a64_g.cf);
    a64_set_reg(s, a->rd, res, a->sf);
    return true;
}

TRANS(ADC, arg_rrr_sf, gen_adc, false, false)
TRANS(ADCS, arg_rrr_sf, gen_adc, false, true)
TRANS(SBC, arg_rrr_sf, gen_adc, true, false)
TRANS(SBCS, arg_rrr_sf, gen_adc, true, true)

/* An A64 condition as a comparison of two I64 temps (for movcond). */
typedef struct CondTest {
    IrCond c;
    IrTemp a, b;
} CondTest;

/* Returns t, or a copy of it when it is a global (which the caller may overwrite). */
static IrTemp snapshot(DisasContext *s, IrTemp t)
{
    if (ir_temp_info(s->ir, t)->kind != IR_TEMP_GLOBAL)
        return t;
    IrTemp d = new64(s);
    ir_gen_mov(s->ir, IR_I64, d, t);
    return d;
}

/*
 * Evaluates A64 condition `cond` (0-13) as a comparison.  Reuses the
 * operands of the setcond a64_gen_cond_value emits, so that a select is a
 * single movcond (the then unused setcond is removed by DCE).
 */
static CondTest gen_cond_test(DisasContext *s, int cond)
{
    IrTemp v = a64_gen_cond_value(s, cond);
    const IrOp *last = &s->ir->ops[s->ir->nops - 1];
    if (last->opc == IR_OP_setcond && ir_out(last, 0) == v)
        return (CondTest){(IrCond)ir_cst(last, 0), snapshot(s, ir_in(last, 0)),
                          snapshot(s, ir_in(last, 1))};
    return (CondTest){IR_COND_NE, v, cst(s, 0)};
}

/* d = cond ? v1 : v2 into the existing temp d. */
static void gen_select_into(DisasContext *s, IrTemp d, const CondTest *ct, IrTemp v1, IrTemp v2)
{
    ir_gen_movcond(s->ir, IR_I64, ct->c, d, ct->a, ct->b, v1, v2);
}

/*
 * CCMP/CCMN: if cond holds, NZCV = flags of rn - y (rn + y for CCMN), else
 * NZCV = the immediate nzcv.  Branch-free: the compare goes to temps and
 * each flag is selected with a movcond.
 */
static bool gen_ccmp(DisasContext *s, arg_ccmp *a, IrTemp y)
{
    IrTemp x = a64_reg(s, a->rn);
    if (a->cond >= 14) {
        FlagDst f = flag_globals();
        a->op ? gen_sub_cc(s, x, y, a->sf, &f) : gen_add_cc(s, x, y, a->sf, &f);
        return true;
    }
    CondTest ct = gen_cond_test(s, a->cond);
    FlagDst t = {new64(s), new64(s), new64(s), new64(s)};
    a->op ? gen_sub_cc(s, x, y, a->sf, &t) : gen_add_cc(s, x, y, a->sf, &t);
    uint64_t nzcv = (uint64_t)a->nzcv;
    gen_select_into(s, a64_g.nf, &ct, t.n, cst(s, nzcv & 8 ? ~0ull : 0));
    gen_select_into(s, a64_g.zf, &ct, t.z, cst(s, nzcv & 4 ? 0 : 1));
    gen_select_into(s, a64_g.cf, &ct, t.c, cst(s, nzcv >> 1 & 1));
    gen_select_into(s, a64_g.vf, &ct, t.v, cst(s, nzcv & 1 ? ~0ull : 0));
    return true;
}

TRANS(CCMP_r, arg_ccmp, gen_ccmp, a64_reg(s, a->y))
TRANS(CCMP_i, arg_ccmp, gen_ccmp, cst(s, a->y))

/* CSEL/CSINC/CSINV/CSNEG (and the CSET/CSETM/CINC... aliases). */
static bool trans_CSEL(DisasContext *s, arg_CSEL *a)
{
    IrTemp res;
    if (a->cond >= 14) {
        res = a64_reg(s, a->rn);
    } else if (a->rn == 31 && a->rm == 31 && a->inc != a->inv) {
        res = a64_gen_cond_value(s, a->cond ^ 1); /* CSET */
        if (a->inv)
            res = op1(s, IR_OP_neg, res); /* CSETM */
    } else {
        CondTest ct = gen_cond_test(s, a->cond);
        IrTemp other = a64_reg(s, a->rm);
        if (a->inv)
            other = op1(s, a->inc ? IR_OP_neg : IR_OP_not, other);
        else if (a->inc)
            other = op2i(s, IR_OP_add, other, 1);
        res = new64(s);
        gen_select_into(s, res, &ct, a64_reg(s, a->rn), other);
    }
    a64_set_reg(s, a->rd, res, a->sf);
    return true;
}

/* rd = ra +/- rn * rm, operands optionally extended from 32 bits (ext: IR_OP_ext32s/u). */
static bool gen_muladd(DisasContext *s, arg_rrrr_sf *a, int ext, bool sub)
{
    IrTemp n = a64_reg(s, a->rn), m = a64_reg(s, a->rm), res;
    if (ext != IR_OP_mov) {
        n = op1(s, ext, n);
        m = op1(s, ext, m);
    }
    IrTemp prod = op2(s, IR_OP_mul, n, m);
    if (a->ra == 31)
        res = sub ? op1(s, IR_OP_neg, prod) : prod;
    else
        res = op2(s, sub ? IR_OP_sub : IR_OP_add, a64_reg(s, a->ra), prod);
    a64_set_reg(s, a->rd, res, a->sf);
    return true;
}

TRANS(MADD, arg_rrrr_sf, gen_muladd, IR_OP_mov, false)
TRANS(MSUB, arg_rrrr_sf, gen_muladd, IR_OP_mov, true)
TRANS(SMADDL, arg_rrrr_sf, gen_muladd, IR_OP_ext32s, false)
TRANS(SMSUBL, arg_rrrr_sf, gen_muladd, IR_OP_ext32s, true)
TRANS(UMADDL, arg_rrrr_sf, gen_muladd, IR_OP_ext32u, false)
TRANS(UMSUBL, arg_rrrr_sf, gen_muladd, IR_OP_ext32u, true)

static bool gen_mulh(DisasContext *s, arg_rrrr_sf *a, int opc)
{
    a64_set_reg(s, a->rd, op2(s, opc, a64_reg(s, a->rn), a64_reg(s, a->rm)), true);
    return true;
}

TRANS(SMULH, arg_rrrr_sf, gen_mulh, IR_OP_mulsh)
TRANS(UMULH, arg_rrrr_sf, gen_mulh, IR_OP_muluh)

/*
 * UDIV/SDIV with Arm semantics: x / 0 = 0 and INT_MIN / -1 = INT_MIN.  The
 * IR leaves both undefined, so the divisor is replaced before dividing.
 * 32-bit operands are extended and divided in 64 bits, where
 * INT32_MIN / -1 does not overflow.
 */
static bool gen_div(DisasContext *s, arg_rrr_sf *a, bool sign)
{
    IrTemp n = ext32(s, a64_reg(s, a->rn), a->sf, sign);
    IrTemp m = ext32(s, a64_reg(s, a->rm), a->sf, sign);
    IrTemp zero = cst(s, 0), one = cst(s, 1);
    IrTemp safe = gen_movcond(s, IR_COND_EQ, m, zero, one, m), q;
    if (sign && a->sf) {
        IrTemp minus1 = cst(s, ~0ull);
        safe = gen_movcond(s, IR_COND_EQ, safe, minus1, one, safe);
        q = op2(s, IR_OP_div, n, safe);
        q = gen_movcond(s, IR_COND_EQ, m, minus1, op1(s, IR_OP_neg, n), q);
    } else {
        q = op2(s, sign ? IR_OP_div : IR_OP_divu, n, safe);
    }
    a64_set_reg(s, a->rd, gen_movcond(s, IR_COND_EQ, m, zero, zero, q), a->sf);
    return true;
}

TRANS(UDIV, arg_rrr_sf, gen_div, false)
TRANS(SDIV, arg_rrr_sf, gen_div, true)

/* LSLV/LSRV/ASRV/RORV (type 0..3): the count is taken modulo the width. */
static bool gen_shiftv(DisasContext *s, arg_rrr_sf *a, int type)
{
    IrTemp n = a64_reg(s, a->rn), res;
    IrTemp cnt = op2i(s, IR_OP_and, a64_reg(s, a->rm), a->sf ? 63 : 31);
    switch (type) {
    case 0:
        res = op2(s, IR_OP_shl, n, cnt);
        break;
    case 1:
        res = op2(s, IR_OP_shr, ext32(s, n, a->sf, false), cnt);
        break;
    case 2:
        res = op2(s, IR_OP_sar, ext32(s, n, a->sf, true), cnt);
        break;
    default:
        res = a->sf ? op2(s, IR_OP_rotr, n, cnt) : ror32(s, n, cnt);
        break;
    }
    a64_set_reg(s, a->rd, res, a->sf);
    return true;
}

TRANS(LSLV, arg_rrr_sf, gen_shiftv, 0)
TRANS(LSRV, arg_rrr_sf, gen_shiftv, 1)
TRANS(ASRV, arg_rrr_sf, gen_shiftv, 2)
TRANS(RORV, arg_rrr_sf, gen_shiftv, 3)

/* CRC32{B,H,W,X} and CRC32C*: the X forms need sf = 1, the others sf = 0. */
static bool trans_CRC32(DisasContext *s, arg_CRC32 *a)
{
    if ((a->sz == 3) != (bool)a->sf)
        return false;
    IrTemp args[3] = {a64_reg(s, a->rn), a64_reg(s, a->rm), cst(s, 1u << a->sz)};
    void *fn = a->c ? (void *)a64_helper_crc32c : (void *)a64_helper_crc32;
    a64_set_reg(s, a->rd, gen_helper(s, fn, IR_CALL_PURE, 3, args), false);
    return true;
}

/* Swaps the bit groups selected by mask with their neighbours `shift` bits up. */
static IrTemp gen_swap_bits(DisasContext *s, IrTemp x, uint64_t mask, int shift)
{
    IrTemp hi = op2i(s, IR_OP_and, op2i(s, IR_OP_shr, x, shift), mask);
    IrTemp lo = op2i(s, IR_OP_shl, op2i(s, IR_OP_and, x, mask), shift);
    return op2(s, IR_OP_or, hi, lo);
}

static bool trans_RBIT(DisasContext *s, arg_rr_sf *a)
{
    IrTemp x = op1(s, a->sf ? IR_OP_bswap64 : IR_OP_bswap32, a64_reg(s, a->rn));
    x = gen_swap_bits(s, x, 0x0f0f0f0f0f0f0f0full, 4);
    x = gen_swap_bits(s, x, 0x3333333333333333ull, 2);
    x = gen_swap_bits(s, x, 0x5555555555555555ull, 1);
    a64_set_reg(s, a->rd, x, a->sf);
    return true;
}

static bool trans_REV16(DisasContext *s, arg_rr_sf *a)
{
    IrTemp x = gen_swap_bits(s, a64_reg(s, a->rn), 0x00ff00ff00ff00ffull, 8);
    a64_set_reg(s, a->rd, x, a->sf);
    return true;
}

static bool trans_REV32(DisasContext *s, arg_rr_sf *a)
{
    IrTemp x = op1(s, IR_OP_bswap64, a64_reg(s, a->rn));
    a64_set_reg(s, a->rd, op2i(s, IR_OP_rotr, x, 32), true);
    return true;
}

static bool trans_REV(DisasContext *s, arg_rr_sf *a)
{
    IrTemp x = op1(s, a->sf ? IR_OP_bswap64 : IR_OP_bswap32, a64_reg(s, a->rn));
    a64_set_reg(s, a->rd, x, a->sf);
    return true;
}

static bool trans_CLZ(DisasContext *s, arg_rr_sf *a)
{
    IrTemp x = a64_reg(s, a->rn), res;
    if (a->sf)
        res = op1(s, IR_OP_clz, x);
    else
        res = op2i(s, IR_OP_sub, op1(s, IR_OP_clz, op1(s, IR_OP_ext32u, x)), 32);
    a64_set_reg(s, a->rd, res, a->sf);
    return true;
}

/* CLS(x) = clz(x ^ (x >> 1, arithmetic)) - 1, on the sign-extended value for 32 bits. */
static bool trans_CLS(DisasContext *s, arg_rr_sf *a)
{
    IrTemp x = ext32(s, a64_reg(s, a->rn), a->sf, true);
    IrTemp t = op1(s, IR_OP_clz, op2(s, IR_OP_xor, x, op2i(s, IR_OP_sar, x, 1)));
    a64_set_reg(s, a->rd, op2i(s, IR_OP_sub, t, a->sf ? 1 : 33), a->sf);
    return true;
}

bool a64_decode_dp(DisasContext *s, uint32_t insn)
{
    if ((insn >> 26 & 7) == 5) /* op0 = 101x: branches, exception generation, system */
        return a64_decode_branch(s, insn);
    return decode_dp(s, insn);
}
