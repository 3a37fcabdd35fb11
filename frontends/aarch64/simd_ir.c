/*
 * IR building blocks for AdvSIMD: V register halves and lanes, and SWAR
 * expansions of the vector ops that glibc's string functions live on (see
 * simd_ir.h).  Lane tricks: a lane's top bit is computed without carries
 * or borrows crossing into the next lane, then widened to an all-ones mask
 * by a multiply.
 */
#include "frontends/aarch64/simd_ir.h"

IrTemp a64_vld64(DisasContext *s, int r, int half)
{
    IrTemp t = ir_new_temp(s->ir, IR_I64);
    ir_gen_ld_env(s->ir, IR_I64, t, a64_vreg_offset(r) + 8 * half);
    return t;
}

void a64_vst64(DisasContext *s, int r, int half, IrTemp v)
{
    ir_gen_st_env(s->ir, IR_I64, v, a64_vreg_offset(r) + 8 * half);
}

void a64_vclear_high(DisasContext *s, int r)
{
    a64_vst64(s, r, 1, ir_const_i64(s->ir, 0));
}

/* Element `idx` of size 1 << esz bytes, zero- or sign-extended to I64. */
IrTemp a64_vlane_ld(DisasContext *s, int r, int esz, int idx, bool sign)
{
    int byte = idx << esz;
    IrTemp w = a64_vld64(s, r, byte >> 3);
    if (esz == 3)
        return w;
    IrTemp t = ir_new_temp(s->ir, IR_I64);
    if (sign)
        ir_gen_sextract(s->ir, IR_I64, t, w, (byte & 7) * 8, 8 << esz);
    else
        ir_gen_extract(s->ir, IR_I64, t, w, (byte & 7) * 8, 8 << esz);
    return t;
}

void a64_vlane_st(DisasContext *s, int r, int esz, int idx, IrTemp v)
{
    int byte = idx << esz;
    if (esz == 3) {
        a64_vst64(s, r, byte >> 3, v);
        return;
    }
    IrTemp w = a64_vld64(s, r, byte >> 3);
    IrTemp t = ir_new_temp(s->ir, IR_I64);
    ir_gen_deposit(s->ir, IR_I64, t, w, v, (byte & 7) * 8, 8 << esz);
    a64_vst64(s, r, byte >> 3, t);
}

/* Replicates the zero-extended element `v` across 64 bits. */
IrTemp a64_dup64(DisasContext *s, IrTemp v, int esz)
{
    static const uint64_t mul[3] = {0x0101010101010101ull, 0x0001000100010001ull,
                                    0x0000000100000001ull};
    if (esz == 3)
        return v;
    IrTemp t = ir_new_temp(s->ir, IR_I64);
    ir_gen_binopi(s->ir, IR_OP_mul, IR_I64, t, v, mul[esz]);
    return t;
}

/* Writes a 64-bit value to both halves of Vd (q) or to the low half. */
void a64_vst_dup(DisasContext *s, int rd, IrTemp v, bool q)
{
    a64_vst64(s, rd, 0, v);
    if (q)
        a64_vst64(s, rd, 1, v);
    else
        a64_vclear_high(s, rd);
}

IrTemp a64_mask_value(DisasContext *s, IrTemp v, int esz)
{
    if (esz == 3)
        return v;
    IrTemp t = ir_new_temp(s->ir, IR_I64);
    ir_gen_extract(s->ir, IR_I64, t, v, 0, 8 << esz);
    return t;
}

static IrTemp binop(DisasContext *s, int opc, IrTemp a, IrTemp b)
{
    IrTemp t = ir_new_temp(s->ir, IR_I64);
    ir_gen_binop(s->ir, opc, IR_I64, t, a, b);
    return t;
}

static IrTemp binopi(DisasContext *s, int opc, IrTemp a, uint64_t b)
{
    IrTemp t = ir_new_temp(s->ir, IR_I64);
    ir_gen_binopi(s->ir, opc, IR_I64, t, a, b);
    return t;
}

/* Lanes of 8 << esz bits: all ones where the lane of x is zero, else zero. */
static IrTemp swar_zero_mask(DisasContext *s, IrTemp x, int esz)
{
    static const uint64_t low[3] = {0x7f7f7f7f7f7f7f7full, 0x7fff7fff7fff7fffull,
                                    0x7fffffff7fffffffull};
    if (esz == 3) {
        IrTemp t = ir_new_temp(s->ir, IR_I64);
        ir_gen_setcond(s->ir, IR_I64, IR_COND_EQ, t, x, ir_const_i64(s->ir, 0));
        ir_gen_unop(s->ir, IR_OP_neg, IR_I64, t, t);
        return t;
    }
    /* top bit of a lane set iff the lane is nonzero, without carries between lanes */
    IrTemp t = binopi(s, IR_OP_add, binopi(s, IR_OP_and, x, low[esz]), low[esz]);
    t = binop(s, IR_OP_or, t, x);
    t = binop(s, IR_OP_andc, ir_const_i64(s->ir, ~low[esz]), t);
    t = binopi(s, IR_OP_shr, t, (8 << esz) - 1);
    return binopi(s, IR_OP_mul, t, (1ull << (8 << esz)) - 1);
}

/* CMEQ (register, zero) and CMTST, inline on 64-bit halves. */
void a64_gen_vcmeq(DisasContext *s, int rd, int rn, int rm, int esz, bool q, bool tst)
{
    IrTemp r[2];
    for (int h = 0; h <= q; h++) {
        IrTemp x = a64_vld64(s, rn, h);
        if (rm >= 0)
            x = binop(s, tst ? IR_OP_and : IR_OP_xor, x, a64_vld64(s, rm, h));
        r[h] = swar_zero_mask(s, x, esz);
        if (tst)
            r[h] = binopi(s, IR_OP_xor, r[h], ~0ull);
    }
    for (int h = 0; h <= q; h++)
        a64_vst64(s, rd, h, r[h]);
    if (!q)
        a64_vclear_high(s, rd);
}

/* Lanes of 8 << esz bits: all ones where a >= b (unsigned), else zero (esz < 3). */
static IrTemp swar_geu_mask(DisasContext *s, IrTemp a, IrTemp b, int esz)
{
    static const uint64_t top[3] = {0x8080808080808080ull, 0x8000800080008000ull,
                                    0x8000000080000000ull};
    IrTemp h = ir_const_i64(s->ir, top[esz]);
    /* top bit of d: low bits of a >= low bits of b, with no borrow between lanes */
    IrTemp d = binop(s, IR_OP_sub, binop(s, IR_OP_or, a, h), binop(s, IR_OP_andc, b, h));
    IrTemp t = binop(s, IR_OP_andc, d, binop(s, IR_OP_xor, a, b)); /* equal top bits */
    t = binop(s, IR_OP_and, binop(s, IR_OP_or, t, binop(s, IR_OP_andc, a, b)), h);
    t = binopi(s, IR_OP_shr, t, (8 << esz) - 1);
    return binopi(s, IR_OP_mul, t, (1ull << (8 << esz)) - 1);
}

/* CMHS, CMHI, CMGE, CMGT (vector), inline on 64-bit halves. */
void a64_gen_vcmp_order(DisasContext *s, int rd, int rn, int rm, int esz, bool q, bool is_unsigned,
                        bool ge)
{
    static const uint64_t top[4] = {0x8080808080808080ull, 0x8000800080008000ull,
                                    0x8000000080000000ull, 0x8000000000000000ull};
    IrTemp r[2];
    for (int h = 0; h <= q; h++) {
        IrTemp n = a64_vld64(s, rn, h), m = a64_vld64(s, rm, h);
        if (esz == 3) {
            IrCond c =
                is_unsigned ? (ge ? IR_COND_GEU : IR_COND_GTU) : (ge ? IR_COND_GE : IR_COND_GT);
            r[h] = ir_new_temp(s->ir, IR_I64);
            ir_gen_setcond(s->ir, IR_I64, c, r[h], n, m);
            ir_gen_unop(s->ir, IR_OP_neg, IR_I64, r[h], r[h]);
            continue;
        }
        if (!is_unsigned) { /* signed: bias both to unsigned order */
            n = binopi(s, IR_OP_xor, n, top[esz]);
            m = binopi(s, IR_OP_xor, m, top[esz]);
        }
        /* a > b is !(b >= a) */
        r[h] = ge ? swar_geu_mask(s, n, m, esz)
                  : binopi(s, IR_OP_xor, swar_geu_mask(s, m, n, esz), ~0ull);
    }
    for (int h = 0; h <= q; h++)
        a64_vst64(s, rd, h, r[h]);
    if (!q)
        a64_vclear_high(s, rd);
}

/* Packs the low bytes of the four 16-bit lanes of x (upper bytes zero) into 32 bits. */
static IrTemp pack_bytes(DisasContext *s, IrTemp x)
{
    x = binop(s, IR_OP_or, x, binopi(s, IR_OP_shr, x, 8));
    x = binopi(s, IR_OP_and, x, 0x0000ffff0000ffffull);
    x = binop(s, IR_OP_or, x, binopi(s, IR_OP_shr, x, 16));
    return binopi(s, IR_OP_and, x, 0xffffffffull);
}

/* UMAXP (opc 0x14), UMINP (0x15), ADDP (0x17) of the byte pairs of one half: 32 bits. */
static IrTemp pairwise_bytes(DisasContext *s, IrTemp x, int opc)
{
    const uint64_t even = 0x00ff00ff00ff00ffull;
    IrTemp a = binopi(s, IR_OP_and, x, even);
    IrTemp b = binopi(s, IR_OP_and, binopi(s, IR_OP_shr, x, 8), even);
    IrTemp r;
    if (opc == 0x17) {
        r = binopi(s, IR_OP_and, binop(s, IR_OP_add, a, b), even);
    } else {
        /* lane bit 8 of (a | 0x100) - b is set iff a >= b */
        IrTemp d = binop(s, IR_OP_sub, binopi(s, IR_OP_or, a, 0x0100010001000100ull), b);
        IrTemp m = binopi(s, IR_OP_and, binopi(s, IR_OP_shr, d, 8), 0x0001000100010001ull);
        m = binopi(s, IR_OP_mul, m, 0xff);
        IrTemp t = binop(s, IR_OP_and, binop(s, IR_OP_xor, a, b), m);
        r = binop(s, IR_OP_xor, opc == 0x14 ? b : a, t);
    }
    return pack_bytes(s, r);
}

static IrTemp concat32(DisasContext *s, IrTemp lo, IrTemp hi)
{
    return binop(s, IR_OP_or, lo, binopi(s, IR_OP_shl, hi, 32));
}

void a64_gen_vpairwise_bytes(DisasContext *s, int opc, int rd, int rn, int rm, bool q)
{
    IrTemp n0 = pairwise_bytes(s, a64_vld64(s, rn, 0), opc);
    IrTemp m0 = rm == rn ? n0 : pairwise_bytes(s, a64_vld64(s, rm, 0), opc);
    if (!q) {
        a64_vst_dup(s, rd, concat32(s, n0, m0), false);
        return;
    }
    IrTemp n1 = pairwise_bytes(s, a64_vld64(s, rn, 1), opc);
    IrTemp m1 = rm == rn ? n1 : pairwise_bytes(s, a64_vld64(s, rm, 1), opc);
    IrTemp lo = concat32(s, n0, n1);
    IrTemp hi = rm == rn ? lo : concat32(s, m0, m1);
    a64_vst64(s, rd, 0, lo);
    a64_vst64(s, rd, 1, hi);
}

/* SHRN / SHRN2 from 16-bit lanes (8H -> 8B or 16B), shift 1..8. */
void a64_gen_vshrn_bytes(DisasContext *s, int rd, int rn, int sh, bool q)
{
    IrTemp p[2];
    for (int h = 0; h < 2; h++) {
        IrTemp x = binopi(s, IR_OP_shr, a64_vld64(s, rn, h), sh);
        p[h] = pack_bytes(s, binopi(s, IR_OP_and, x, 0x00ff00ff00ff00ffull));
    }
    IrTemp r = concat32(s, p[0], p[1]);
    if (q) {
        a64_vst64(s, rd, 1, r);
    } else {
        a64_vst_dup(s, rd, r, false);
    }
}

/* AND BIC ORR ORN EOR BSL BIT BIF on 64-bit halves. */
void a64_gen_vlogic(DisasContext *s, int op, int rd, int rn, int rm, bool q)
{
    IrContext *ir = s->ir;
    static const int ops[4] = {IR_OP_and, IR_OP_andc, IR_OP_or, IR_OP_orc};
    for (int h = 0; h <= q; h++) {
        IrTemp n = a64_vld64(s, rn, h), m = a64_vld64(s, rm, h);
        IrTemp r = ir_new_temp(ir, IR_I64), t = ir_new_temp(ir, IR_I64);
        if (op < 4) {
            ir_gen_binop(ir, ops[op], IR_I64, r, n, m);
        } else if (op == 4) {
            ir_gen_binop(ir, IR_OP_xor, IR_I64, r, n, m);
        } else {
            IrTemp d = a64_vld64(s, rd, h);
            if (op == 5) { /* BSL: m ^ ((n ^ m) & d) */
                ir_gen_binop(ir, IR_OP_xor, IR_I64, t, n, m);
                ir_gen_binop(ir, IR_OP_and, IR_I64, t, t, d);
                ir_gen_binop(ir, IR_OP_xor, IR_I64, r, m, t);
            } else { /* BIT: d ^ ((d ^ n) & m); BIF: d ^ ((d ^ n) & ~m) */
                ir_gen_binop(ir, IR_OP_xor, IR_I64, t, d, n);
                ir_gen_binop(ir, op == 6 ? IR_OP_and : IR_OP_andc, IR_I64, t, t, m);
                ir_gen_binop(ir, IR_OP_xor, IR_I64, r, d, t);
            }
        }
        a64_vst64(s, rd, h, r);
    }
    if (!q)
        a64_vclear_high(s, rd);
}

/* Bytes [pos, pos + 8) of the little-endian concatenation w[0..3]. */
static IrTemp ext_word(DisasContext *s, const IrTemp *w, int pos)
{
    int k = pos >> 3, b = (pos & 7) * 8;
    if (!b)
        return w[k];
    return binop(s, IR_OP_or, binopi(s, IR_OP_shr, w[k], b),
                 binopi(s, IR_OP_shl, w[k + 1], 64 - b));
}

void a64_gen_vext(DisasContext *s, int rd, int rn, int rm, int pos, bool q)
{
    IrTemp w[4];
    if (q) {
        w[0] = a64_vld64(s, rn, 0);
        w[1] = a64_vld64(s, rn, 1);
        w[2] = a64_vld64(s, rm, 0);
        w[3] = a64_vld64(s, rm, 1);
    } else {
        w[0] = a64_vld64(s, rn, 0);
        w[1] = a64_vld64(s, rm, 0);
        w[2] = w[3] = w[1]; /* not reached: pos < 8 */
    }
    IrTemp lo = ext_word(s, w, pos);
    if (!q) {
        a64_vst_dup(s, rd, lo, false);
        return;
    }
    IrTemp hi = ext_word(s, w, pos + 8);
    a64_vst64(s, rd, 0, lo);
    a64_vst64(s, rd, 1, hi);
}

static uint64_t lane_top(int esz)
{
    static const uint64_t top[4] = {0x8080808080808080ull, 0x8000800080008000ull,
                                    0x8000000080000000ull, 0x8000000000000000ull};
    return top[esz];
}

/* a + b or a - b in lanes: the low bits add/subtract with the top bits masked so no carry
 * or borrow leaves a lane, then the top bits are fixed up with xor. */
static IrTemp swar_addsub(DisasContext *s, IrTemp a, IrTemp b, int esz, bool sub)
{
    uint64_t h = lane_top(esz);
    if (esz == 3)
        return binop(s, sub ? IR_OP_sub : IR_OP_add, a, b);
    IrTemp lo_b = binopi(s, IR_OP_and, b, ~h);
    IrTemp fix = binopi(s, IR_OP_and, binop(s, sub ? IR_OP_eqv : IR_OP_xor, a, b), h);
    IrTemp r = sub ? binop(s, IR_OP_sub, binopi(s, IR_OP_or, a, h), lo_b)
                   : binop(s, IR_OP_add, binopi(s, IR_OP_and, a, ~h), lo_b);
    return binop(s, IR_OP_xor, r, fix);
}

void a64_gen_vaddsub(DisasContext *s, int rd, int rn, int rm, int esz, bool q, bool sub)
{
    IrTemp r[2];
    for (int h = 0; h <= q; h++)
        r[h] = swar_addsub(s, a64_vld64(s, rn, h), a64_vld64(s, rm, h), esz, sub);
    for (int h = 0; h <= q; h++)
        a64_vst64(s, rd, h, r[h]);
    if (!q)
        a64_vclear_high(s, rd);
}

void a64_gen_vshift_imm(DisasContext *s, int rd, int rn, int esz, bool q, bool left, int sh)
{
    uint64_t ones = esz == 3 ? ~0ull : (1ull << (8 << esz)) - 1;
    uint64_t rep = ~0ull / ones; /* 1 in every lane */
    IrTemp r[2];
    for (int h = 0; h <= q; h++) {
        if (sh >= 8 << esz) {
            r[h] = ir_const_i64(s->ir, 0);
            continue;
        }
        uint64_t mask = (left ? (ones << sh) & ones : ones >> sh) * rep;
        IrTemp x = binopi(s, left ? IR_OP_shl : IR_OP_shr, a64_vld64(s, rn, h), sh);
        r[h] = esz == 3 ? x : binopi(s, IR_OP_and, x, mask);
    }
    for (int h = 0; h <= q; h++)
        a64_vst64(s, rd, h, r[h]);
    if (!q)
        a64_vclear_high(s, rd);
}
