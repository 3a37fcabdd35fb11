/*
 * The value semantics of every pure IR op, in one place.
 *
 * The constant folder and the IR interpreter both evaluate ops through
 * ir_eval_pure, so the two cannot disagree.  Cases docs/ir.md leaves
 * undefined (division by zero, INT_MIN / -1) produce 0 here rather than a
 * host trap.
 */
#include "translator/ir.h"

static uint64_t trunc_to(IrType t, uint64_t v)
{
    return t == IR_I32 ? (uint32_t)v : v;
}

static int64_t sext_to(IrType t, uint64_t v)
{
    return t == IR_I32 ? (int32_t)v : (int64_t)v;
}

static uint64_t mulh(IrType t, uint64_t a, uint64_t b, bool sign)
{
    if (t == IR_I32) {
        if (sign)
            return (uint64_t)(((int64_t)(int32_t)a * (int32_t)b) >> 32);
        return ((uint64_t)(uint32_t)a * (uint32_t)b) >> 32;
    }
    if (sign)
        return (uint64_t)(((__int128)(int64_t)a * (int64_t)b) >> 64);
    return (uint64_t)(((unsigned __int128)a * b) >> 64);
}

static uint64_t divide(int opc, IrType t, uint64_t a, uint64_t b)
{
    int64_t sa = sext_to(t, a), sb = sext_to(t, b);
    int64_t min = t == IR_I32 ? INT32_MIN : INT64_MIN;
    switch (opc) {
    case IR_OP_div:
        if (sb == 0 || (sa == min && sb == -1))
            return 0;
        return (uint64_t)(sa / sb);
    case IR_OP_rem:
        if (sb == 0 || (sa == min && sb == -1))
            return 0;
        return (uint64_t)(sa % sb);
    case IR_OP_divu:
        return b ? a / b : 0;
    default: /* remu */
        return b ? a % b : 0;
    }
}

static uint64_t rotate(IrType t, uint64_t a, unsigned n, bool left)
{
    unsigned w = t == IR_I32 ? 32 : 64;
    n &= w - 1;
    if (n == 0)
        return a;
    if (!left)
        n = w - n;
    return (a << n) | (a >> (w - n));
}

static uint64_t mask_len(unsigned len)
{
    return len >= 64 ? ~0ull : (1ull << len) - 1;
}

static uint64_t count_bits(int opc, IrType t, uint64_t a)
{
    unsigned w = t == IR_I32 ? 32 : 64;
    switch (opc) {
    case IR_OP_clz:
        if (a == 0)
            return w;
        return (uint64_t)__builtin_clzll(a) - (64 - w);
    case IR_OP_ctz:
        return a ? (uint64_t)__builtin_ctzll(a) : w;
    default:
        return (uint64_t)__builtin_popcountll(a);
    }
}

static bool eval_bits(const IrOp *op, IrType t, const uint64_t *in, uint64_t *r)
{
    uint64_t a = in[0];
    const uint64_t *c = op->args + op->nout + op->nin;
    switch (op->opc) {
    case IR_OP_extract:
        *r = (a >> c[0]) & mask_len((unsigned)c[1]);
        return true;
    case IR_OP_sextract: {
        unsigned len = (unsigned)c[1];
        uint64_t v = (a >> c[0]) & mask_len(len);
        if (len < 64 && (v >> (len - 1)) & 1)
            v |= ~mask_len(len);
        *r = v;
        return true;
    }
    case IR_OP_deposit: {
        uint64_t m = mask_len((unsigned)c[1]) << c[0];
        *r = (a & ~m) | ((in[1] << c[0]) & m);
        return true;
    }
    case IR_OP_ext8s:
        *r = (uint64_t)(int64_t)(int8_t)a;
        return true;
    case IR_OP_ext8u:
        *r = (uint8_t)a;
        return true;
    case IR_OP_ext16s:
        *r = (uint64_t)(int64_t)(int16_t)a;
        return true;
    case IR_OP_ext16u:
        *r = (uint16_t)a;
        return true;
    case IR_OP_ext32s:
        *r = (uint64_t)(int64_t)(int32_t)a;
        return true;
    case IR_OP_ext32u:
        *r = (uint32_t)a;
        return true;
    case IR_OP_extu_i32:
        *r = (uint32_t)a;
        return true;
    case IR_OP_exts_i32:
        *r = (uint64_t)(int64_t)(int32_t)a;
        return true;
    case IR_OP_trunc_i64:
        *r = (uint32_t)a;
        return true;
    case IR_OP_bswap16:
        *r = __builtin_bswap16((uint16_t)a);
        return true;
    case IR_OP_bswap32:
        *r = __builtin_bswap32((uint32_t)a);
        return true;
    case IR_OP_bswap64:
        *r = __builtin_bswap64(a);
        return true;
    case IR_OP_clz:
    case IR_OP_ctz:
    case IR_OP_ctpop:
        *r = count_bits(op->opc, t, a);
        return true;
    default:
        return false;
    }
}

bool ir_eval_pure(const IrOp *op, const uint64_t *in, uint64_t *out)
{
    IrType t = (IrType)op->type;
    uint64_t a = trunc_to(t, in[0]);
    uint64_t b = op->nin > 1 ? trunc_to(t, in[1]) : 0;
    unsigned w = t == IR_I32 ? 32 : 64;
    uint64_t r;
    const uint64_t *c = op->args + op->nout + op->nin;
    switch (op->opc) {
    case IR_OP_mov:
        r = a;
        break;
    case IR_OP_add:
        r = a + b;
        break;
    case IR_OP_sub:
        r = a - b;
        break;
    case IR_OP_mul:
        r = a * b;
        break;
    case IR_OP_mulsh:
        r = mulh(t, a, b, true);
        break;
    case IR_OP_muluh:
        r = mulh(t, a, b, false);
        break;
    case IR_OP_div:
    case IR_OP_divu:
    case IR_OP_rem:
    case IR_OP_remu:
        r = divide(op->opc, t, a, b);
        break;
    case IR_OP_and:
        r = a & b;
        break;
    case IR_OP_or:
        r = a | b;
        break;
    case IR_OP_xor:
        r = a ^ b;
        break;
    case IR_OP_andc:
        r = a & ~b;
        break;
    case IR_OP_orc:
        r = a | ~b;
        break;
    case IR_OP_eqv:
        r = ~(a ^ b);
        break;
    case IR_OP_neg:
        r = -a;
        break;
    case IR_OP_not:
        r = ~a;
        break;
    case IR_OP_shl:
        r = a << (b & (w - 1));
        break;
    case IR_OP_shr:
        r = a >> (b & (w - 1));
        break;
    case IR_OP_sar:
        r = (uint64_t)(sext_to(t, a) >> (b & (w - 1)));
        break;
    case IR_OP_rotl:
        r = rotate(t, a, (unsigned)b, true);
        break;
    case IR_OP_rotr:
        r = rotate(t, a, (unsigned)b, false);
        break;
    case IR_OP_setcond:
        r = ir_cond_eval((IrCond)c[0], t, a, b);
        break;
    case IR_OP_movcond:
        r = ir_cond_eval((IrCond)c[0], t, a, b) ? in[2] : in[3];
        break;
    case IR_OP_extu_i32:
    case IR_OP_exts_i32:
        if (!eval_bits(op, t, in, &r))
            return false;
        *out = r; /* output is I64 */
        return true;
    default:
        if (!eval_bits(op, t, (uint64_t[]){a, b}, &r))
            return false;
        break;
    }
    *out = op->opc == IR_OP_trunc_i64 ? (uint32_t)r : trunc_to(t, r);
    return true;
}
