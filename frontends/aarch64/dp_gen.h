/*
 * Generators shared by the AArch64 integer translators: trans_dp.c (data
 * processing) and trans_branch.c (branches, exception generation, system);
 * trans_crypto.c and trans_ext.c use its small IR builders.  Only translator
 * files include it (DisasContext comes from translate.h).
 */
#ifndef FERRY_FRONTENDS_AARCH64_DP_GEN_H
#define FERRY_FRONTENDS_AARCH64_DP_GEN_H

#include "frontends/aarch64/translate.h"

/* Decoder of a64_branch.decode (trans_branch.c); a64_decode_dp hands it op0 = 101x. */
bool a64_decode_branch(DisasContext *s, uint32_t insn);

/* Defines trans_NAME as a call of the shared generator FN(s, a, ...). */
#define TRANS(NAME, ARGT, FN, ...)                                                                 \
    static bool trans_##NAME(DisasContext *s, ARGT *a)                                             \
    {                                                                                              \
        return FN(s, a, __VA_ARGS__);                                                              \
    }

/* Small IR builders returning fresh I64 temps. */

static inline IrTemp new64(DisasContext *s)
{
    return ir_new_temp(s->ir, IR_I64);
}

static inline IrTemp cst(DisasContext *s, uint64_t v)
{
    return ir_const_i64(s->ir, v);
}

static inline IrTemp op1(DisasContext *s, int opc, IrTemp a)
{
    IrTemp d = new64(s);
    ir_gen_unop(s->ir, opc, IR_I64, d, a);
    return d;
}

static inline IrTemp op2(DisasContext *s, int opc, IrTemp a, IrTemp b)
{
    IrTemp d = new64(s);
    ir_gen_binop(s->ir, opc, IR_I64, d, a, b);
    return d;
}

static inline IrTemp op2i(DisasContext *s, int opc, IrTemp a, uint64_t b)
{
    IrTemp d = new64(s);
    ir_gen_binopi(s->ir, opc, IR_I64, d, a, b);
    return d;
}

static inline IrTemp gen_setcond(DisasContext *s, IrCond c, IrTemp a, IrTemp b)
{
    IrTemp d = new64(s);
    ir_gen_setcond(s->ir, IR_I64, c, d, a, b);
    return d;
}

static inline IrTemp gen_helper(DisasContext *s, void *fn, unsigned flags, int nargs,
                                const IrTemp *args)
{
    IrTemp d = new64(s);
    ir_gen_call(s->ir, IR_I64, d, fn, flags | IR_CALL_NO_READ_GLOBALS | IR_CALL_NO_WRITE_GLOBALS,
                nargs, args);
    return d;
}

#endif
