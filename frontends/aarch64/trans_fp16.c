/*
 * AdvSIMD half-precision translation (decoder: a64_fp16.decode): checks
 * the CPU model's FP16 and the allocated opcode combinations, then calls
 * the helpers of helper_fp16.c with the fields in a constant descriptor.
 * FMOV (vector, immediate) of halves is a constant store.
 */
#include "frontends/aarch64/translate.h"

#include "frontends/aarch64/cpu_model.h"
#include "frontends/aarch64/helper_fp16.h"
#include "frontends/aarch64/helper_simd.h"
#include "frontends/aarch64/simd_imm.h"
#include "frontends/aarch64/simd_ir.h"

#include "aarch64/decode_fp16.c.inc"

#define HELPER_FLAGS (IR_CALL_NO_READ_GLOBALS | IR_CALL_NO_WRITE_GLOBALS)

static bool gen_fp16(DisasContext *s, void *fn, const A64SimdDesc *d)
{
    if (!a64_cpu_has(s->cpu, A64_FEAT_FP16))
        return false;
    IrTemp args[1] = {ir_const_i64(s->ir, a64_simd_desc(d))};
    ir_gen_call(s->ir, IR_I64, IR_TEMP_NONE, fn, HELPER_FLAGS, 1, args);
    return true;
}

static bool in_set(uint32_t set, int key)
{
    return set >> key & 1;
}

static bool trans_H_3SAME(DisasContext *s, arg_h3 *a)
{
    /* vector: all but 05 0b 0c 0d 11 19 1b 1f; scalar: FMULX FCMEQ FRECPS FRSQRTS FCMGE
     * FACGE FABD FCMGT FACGT */
    static const uint32_t vec = ~(1u << 0x05 | 1u << 0x0b | 1u << 0x0c | 1u << 0x0d | 1u << 0x11 |
                                  1u << 0x19 | 1u << 0x1b | 1u << 0x1f);
    static const uint32_t sca = 1u << 0x03 | 1u << 0x04 | 1u << 0x07 | 1u << 0x0f | 1u << 0x14 |
                                1u << 0x15 | 1u << 0x1a | 1u << 0x1c | 1u << 0x1d;
    int key = a->u << 4 | a->a << 3 | a->opc;
    if (!in_set(a->scalar ? sca : vec, key))
        return false;
    A64SimdDesc d = {.rd = a->rd,
                     .rn = a->rn,
                     .rm = a->rm,
                     .q = a->q,
                     .u = a->u,
                     .size = a->a,
                     .opc = a->opc,
                     .scalar = a->scalar};
    return gen_fp16(s, (void *)helper_fp16_3same, &d);
}

/* Two-register misc, key = a:opcode per U (bit 5 = a). */
static bool h_2misc_ok(const arg_h2 *a)
{
    /* common to vector and scalar: FCVT* (1a-1c, 3a-3b), SCVTF/UCVTF (1d), FRECPE/FRSQRTE (3d),
     * compares with zero (2c 2d, 2e for U = 0) */
    static const uint64_t both[2] = {
        1ull << 0x1a | 1ull << 0x1b | 1ull << 0x1c | 1ull << 0x1d | 1ull << 0x2c | 1ull << 0x2d |
            1ull << 0x2e | 1ull << 0x3a | 1ull << 0x3b | 1ull << 0x3d,
        1ull << 0x1a | 1ull << 0x1b | 1ull << 0x1c | 1ull << 0x1d | 1ull << 0x2c | 1ull << 0x2d |
            1ull << 0x3a | 1ull << 0x3b | 1ull << 0x3d,
    };
    /* vector only: FRINT* (18 19 38 39, 39 alone for U = 1), FABS/FNEG (2f), FSQRT (U 3f);
     * scalar only: FRECPX (3f, U = 0) */
    static const uint64_t vec[2] = {
        1ull << 0x18 | 1ull << 0x19 | 1ull << 0x38 | 1ull << 0x39 | 1ull << 0x2f,
        1ull << 0x18 | 1ull << 0x19 | 1ull << 0x39 | 1ull << 0x2f | 1ull << 0x3f,
    };
    static const uint64_t sca[2] = {1ull << 0x3f, 0};
    int key = a->a << 5 | a->opc;
    uint64_t ok = both[a->u] | (a->scalar ? sca[a->u] : vec[a->u]);
    return ok >> key & 1;
}

static bool trans_H_2MISC(DisasContext *s, arg_h2 *a)
{
    if (!h_2misc_ok(a))
        return false;
    A64SimdDesc d = {.rd = a->rd,
                     .rn = a->rn,
                     .q = a->q,
                     .u = a->u,
                     .size = a->a,
                     .opc = a->opc,
                     .scalar = a->scalar};
    return gen_fp16(s, (void *)helper_fp16_2misc, &d);
}

static bool trans_H_ACROSS(DisasContext *s, arg_h2 *a)
{
    if (a->opc != 0x0c && a->opc != 0x0f)
        return false;
    A64SimdDesc d = {.rd = a->rd, .rn = a->rn, .q = a->q, .size = a->a, .opc = a->opc};
    return gen_fp16(s, (void *)helper_fp16_reduce, &d);
}

static bool trans_H_PAIR(DisasContext *s, arg_h2 *a)
{
    if (a->opc != 0x0c && a->opc != 0x0f && !(a->opc == 0x0d && !a->a))
        return false;
    A64SimdDesc d = {.rd = a->rd, .rn = a->rn, .size = a->a, .opc = a->opc, .scalar = 1};
    return gen_fp16(s, (void *)helper_fp16_reduce, &d);
}

static bool trans_H_INDEXED(DisasContext *s, arg_hidx *a)
{
    bool ok = a->u ? a->opc == 9 : (a->opc == 1 || a->opc == 5 || a->opc == 9);
    if (!ok)
        return false;
    A64SimdDesc d = {.rd = a->rd,
                     .rn = a->rn,
                     .rm = a->rm,
                     .q = a->q,
                     .u = a->u,
                     .opc = a->opc,
                     .scalar = a->scalar,
                     .imm = a->h << 2 | a->l << 1 | a->m};
    return gen_fp16(s, (void *)helper_fp16_indexed, &d);
}

static bool trans_H_SHIFT(DisasContext *s, arg_hsh *a)
{
    if (a->opc != 0x1c && a->opc != 0x1f)
        return false;
    A64SimdDesc d = {.rd = a->rd,
                     .rn = a->rn,
                     .q = a->q,
                     .u = a->u,
                     .opc = a->opc,
                     .scalar = a->scalar,
                     .imm = a->imm};
    return gen_fp16(s, (void *)helper_fp16_shift, &d);
}

static bool trans_H_FMOV_IMM(DisasContext *s, arg_H_FMOV_IMM *a)
{
    if (!a64_cpu_has(s->cpu, A64_FEAT_FP16))
        return false;
    uint64_t h = a64_vfp_expand_imm(a->abc << 5 | a->defgh, 1);
    IrTemp v = ir_const_i64(s->ir, h * 0x0001000100010001ull);
    a64_vst64(s, a->rd, 0, v);
    if (a->q)
        a64_vst64(s, a->rd, 1, v);
    else
        a64_vclear_high(s, a->rd);
    return true;
}

bool a64_decode_fp16(DisasContext *s, uint32_t insn)
{
    return decode_fp16(s, insn);
}
