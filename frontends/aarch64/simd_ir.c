/*
 * IR building blocks for AdvSIMD: V register halves and lanes (see
 * simd_ir.h).
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
