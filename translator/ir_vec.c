/*
 * The semantics of the integer vector op `vec` (ir_vec.h), in C: the
 * interpreter's implementation and the backend's out-of-line fallback, so
 * the JIT's selected instruction sequences are checked against it
 * (tests/unit/test_vec_jit.c).  Plain element loops over copies of the
 * sources, so a destination may alias any source.
 */
#include "translator/ir_vec.h"

#include <inttypes.h>
#include <string.h>

typedef union Vec {
    uint8_t b[16];
    uint16_t h[8];
    uint32_t s[4];
    uint64_t d[2];
} Vec;

static uint64_t emask(int esz)
{
    return esz >= 3 ? ~0ull : (1ull << (8 << esz)) - 1;
}

static int64_t sx(uint64_t x, int esz)
{
    int sh = 64 - (8 << esz);
    return (int64_t)(x << sh) >> sh;
}

static uint64_t get(const Vec *v, int esz, int i)
{
    switch (esz) {
    case 0:
        return v->b[i];
    case 1:
        return v->h[i];
    case 2:
        return v->s[i];
    default:
        return v->d[i];
    }
}

static void set(Vec *v, int esz, int i, uint64_t x)
{
    switch (esz) {
    case 0:
        v->b[i] = (uint8_t)x;
        break;
    case 1:
        v->h[i] = (uint16_t)x;
        break;
    case 2:
        v->s[i] = (uint32_t)x;
        break;
    default:
        v->d[i] = x;
        break;
    }
}

/* Clamps v to the element range, recording saturation in *sat. */
static uint64_t saturate(__int128 v, int esz, bool is_signed, bool *sat)
{
    int bits = 8 << esz;
    __int128 lo = is_signed ? -((__int128)1 << (bits - 1)) : 0;
    __int128 hi = is_signed ? ((__int128)1 << (bits - 1)) - 1 : ((__int128)1 << bits) - 1;
    if (v < lo || v > hi) {
        *sat = true;
        v = v < lo ? lo : hi;
    }
    return (uint64_t)v & emask(esz);
}

static uint64_t shift_right(uint64_t x, int esz, unsigned sh, bool is_signed)
{
    int bits = 8 << esz;
    if (is_signed)
        return (uint64_t)(sx(x, esz) >> (sh >= (unsigned)bits ? bits - 1 : (int)sh));
    return sh >= (unsigned)bits ? 0 : x >> sh;
}

static int clz_lane(uint64_t x, int esz)
{
    int bits = 8 << esz;
    return x ? __builtin_clzll(x) - (64 - bits) : bits;
}

/* USHL / SSHL / URSHL / SRSHL: a shifted by the signed low byte of b, right shifts rounded
 * when `round` (adding 1 << (n - 1) first, in infinite precision). */
static uint64_t shift_reg(uint64_t a, int esz, uint64_t b, bool is_signed, bool round)
{
    int sh = (int8_t)b, bits = 8 << esz;
    if (sh >= 0)
        return sh >= bits ? 0 : a << sh;
    unsigned n = (unsigned)-sh;
    if (!round)
        return shift_right(a, esz, n, is_signed);
    if (n > (unsigned)bits)
        return 0;
    __int128 x = is_signed ? (__int128)sx(a, esz) : (__int128)a;
    return (uint64_t)((x + ((__int128)1 << (n - 1))) >> n);
}

/* One element of the lanewise ops after ADALP (ir_vec_lanewise_ext). */
static uint64_t lane_ext(IrVecOp op, int esz, unsigned imm, uint64_t a, uint64_t b, uint64_t d,
                         bool *sat)
{
    int bits = 8 << esz;
    int64_t sa = sx(a, esz), sb = sx(b, esz);
    switch (op) {
    case IR_VEC_SLI:
        return (a << imm) | (d & ((1ull << imm) - 1));
    case IR_VEC_SDOT:
    case IR_VEC_UDOT: {
        uint32_t acc = (uint32_t)d;
        for (int i = 0; i < 4; i++) {
            uint32_t x = (a >> (8 * i)) & 0xff, y = (b >> (8 * i)) & 0xff;
            acc += op == IR_VEC_SDOT ? (uint32_t)((int8_t)x * (int8_t)y) : x * y;
        }
        return acc;
    }
    case IR_VEC_SRI: {
        uint64_t keep = imm >= (unsigned)bits ? emask(esz) : ~(emask(esz) >> imm);
        return shift_right(a, esz, imm, false) | (d & keep);
    }
    case IR_VEC_CLZ:
        return (uint64_t)clz_lane(a, esz);
    case IR_VEC_CLS:
        return (uint64_t)clz_lane((a ^ (uint64_t)(sa >> 63)) & emask(esz), esz) - 1;
    case IR_VEC_RBIT: {
        uint64_t r = 0;
        for (int i = 0; i < 8; i++)
            r |= ((a >> i) & 1) << (7 - i);
        return r;
    }
    case IR_VEC_SQABS:
        return saturate(sa < 0 ? -(__int128)sa : sa, esz, true, sat);
    case IR_VEC_SQNEG:
        return saturate(-(__int128)sa, esz, true, sat);
    case IR_VEC_UHSUB:
        return (uint64_t)(((__int128)a - b) >> 1);
    case IR_VEC_SHSUB:
        return (uint64_t)(((__int128)sa - sb) >> 1);
    case IR_VEC_URSHL:
    case IR_VEC_SRSHL:
        return shift_reg(a, esz, b, op == IR_VEC_SRSHL, true);
    case IR_VEC_PMUL: {
        uint64_t r = 0;
        for (int i = 0; i < 8; i++)
            if ((b >> i) & 1)
                r ^= a << i;
        return r;
    }
    case IR_VEC_SQSHL:
        return saturate((__int128)sa << imm, esz, true, sat);
    case IR_VEC_UQSHL:
        return saturate((__int128)a << imm, esz, false, sat);
    case IR_VEC_SQSHLU:
        return saturate((__int128)sa << imm, esz, false, sat);
    case IR_VEC_SQSHLR:
    case IR_VEC_UQSHLR:
    case IR_VEC_SQRSHLR:
    case IR_VEC_UQRSHLR: {
        bool sg = op == IR_VEC_SQSHLR || op == IR_VEC_SQRSHLR;
        int sh = (int8_t)b;
        if (sh < 0) /* right shifts cannot saturate */
            return shift_reg(a, esz, b, sg, op >= IR_VEC_SQRSHLR);
        __int128 x = sg ? (__int128)sa : (__int128)a;
        if (sh >= bits && x)
            x = x < 0 ? -((__int128)1 << 100) : (__int128)1 << 100;
        else
            x <<= sh;
        return saturate(x, esz, sg, sat);
    }
    default:
        return 0;
    }
}

/* One element of a lanewise op (IR_VEC_ADD .. IR_VEC_SRSRA, then lane_ext). */
static uint64_t lane(IrVecOp op, int esz, unsigned imm, uint64_t a, uint64_t b, uint64_t d,
                     bool *sat)
{
    int64_t sa = sx(a, esz), sb = sx(b, esz);
    switch (op) {
    case IR_VEC_ADD:
        return a + b;
    case IR_VEC_SUB:
        return a - b;
    case IR_VEC_MUL:
        return a * b;
    case IR_VEC_MLA:
        return d + a * b;
    case IR_VEC_MLS:
        return d - a * b;
    case IR_VEC_AND:
        return a & b;
    case IR_VEC_ORR:
        return a | b;
    case IR_VEC_EOR:
        return a ^ b;
    case IR_VEC_BIC:
        return a & ~b;
    case IR_VEC_ORN:
        return a | ~b;
    case IR_VEC_BSL:
        return (a & d) | (b & ~d);
    case IR_VEC_BIT:
        return (a & b) | (d & ~b);
    case IR_VEC_BIF:
        return (d & b) | (a & ~b);
    case IR_VEC_CMEQ:
        return a == b ? ~0ull : 0;
    case IR_VEC_CMGT:
        return sa > sb ? ~0ull : 0;
    case IR_VEC_CMGE:
        return sa >= sb ? ~0ull : 0;
    case IR_VEC_CMHI:
        return a > b ? ~0ull : 0;
    case IR_VEC_CMHS:
        return a >= b ? ~0ull : 0;
    case IR_VEC_CMTST:
        return (a & b) ? ~0ull : 0;
    case IR_VEC_SMIN:
        return sa < sb ? a : b;
    case IR_VEC_SMAX:
        return sa > sb ? a : b;
    case IR_VEC_UMIN:
        return a < b ? a : b;
    case IR_VEC_UMAX:
        return a > b ? a : b;
    case IR_VEC_SABD:
        return sa > sb ? (uint64_t)(sa - sb) : (uint64_t)(sb - sa);
    case IR_VEC_UABD:
        return a > b ? a - b : b - a;
    case IR_VEC_URHADD:
        return (uint64_t)(((unsigned __int128)a + b + 1) >> 1);
    case IR_VEC_USHL:
    case IR_VEC_SSHL:
        return shift_reg(a, esz, b, op == IR_VEC_SSHL, false);
    case IR_VEC_UHADD:
        return (a + b) >> 1;
    case IR_VEC_SHADD:
        return (uint64_t)((sa + sb) >> 1);
    case IR_VEC_SRHADD:
        return (uint64_t)((sa + sb + 1) >> 1);
    case IR_VEC_UABA:
        return d + (a > b ? a - b : b - a);
    case IR_VEC_SABA:
        return d + (sa > sb ? (uint64_t)(sa - sb) : (uint64_t)(sb - sa));
    case IR_VEC_SQADD:
        return saturate((__int128)sa + sb, esz, true, sat);
    case IR_VEC_UQADD:
        return saturate((__int128)a + b, esz, false, sat);
    case IR_VEC_SQSUB:
        return saturate((__int128)sa - sb, esz, true, sat);
    case IR_VEC_UQSUB:
        return saturate((__int128)a - b, esz, false, sat);
    case IR_VEC_SQDMULH:
    case IR_VEC_SQRDMULH: {
        int bits = 8 << esz;
        __int128 p =
            2 * (__int128)sa * sb + (op == IR_VEC_SQRDMULH ? (__int128)1 << (bits - 1) : 0);
        return saturate(p >> bits, esz, true, sat);
    }
    case IR_VEC_NOT:
        return ~a;
    case IR_VEC_NEG:
        return -a;
    case IR_VEC_ABS:
        return sa < 0 ? (uint64_t)-sa : a;
    case IR_VEC_CNT:
        return (uint64_t)__builtin_popcountll(a);
    case IR_VEC_SHL:
        return a << imm;
    case IR_VEC_USHR:
        return shift_right(a, esz, imm, false);
    case IR_VEC_SSHR:
        return shift_right(a, esz, imm, true);
    case IR_VEC_USRA:
        return d + shift_right(a, esz, imm, false);
    case IR_VEC_SSRA:
        return d + shift_right(a, esz, imm, true);
    case IR_VEC_URSHR:
    case IR_VEC_URSRA: {
        uint64_t r =
            (uint64_t)(((unsigned __int128)a + ((unsigned __int128)1 << (imm - 1))) >> imm);
        return (op == IR_VEC_URSRA ? d : 0) + r;
    }
    case IR_VEC_SRSHR:
    case IR_VEC_SRSRA: {
        uint64_t r = (uint64_t)(((__int128)sa + ((__int128)1 << (imm - 1))) >> imm);
        return (op == IR_VEC_SRSRA ? d : 0) + r;
    }
    default:
        return lane_ext(op, esz, imm, a, b, d, sat);
    }
}

static uint64_t pair(IrVecOp op, int esz, uint64_t x, uint64_t y)
{
    bool unused = false;
    static const IrVecOp base[] = {IR_VEC_ADD, IR_VEC_SMAX, IR_VEC_UMAX, IR_VEC_SMIN, IR_VEC_UMIN};
    return lane(base[op - IR_VEC_ADDP], esz, 0, x, y, 0, &unused);
}

static void eval_pairwise(IrVecOp op, int esz, int q, const Vec *a, const Vec *b, Vec *r)
{
    int n = (8 << q) >> esz;
    for (int i = 0; i < n; i++) {
        const Vec *src = 2 * i < n ? a : b;
        int j = (2 * i) % n;
        set(r, esz, i, pair(op, esz, get(src, esz, j), get(src, esz, j + 1)));
    }
}

static uint64_t extend(uint64_t x, int esz, bool is_signed)
{
    return is_signed ? (uint64_t)sx(x, esz) : x;
}

static void eval_widening(IrVecOp op, uint64_t desc, const Vec *a, const Vec *b, const Vec *d,
                          Vec *r, bool *sat)
{
    int esz = ir_vec_esz(desc), half = ir_vec_q(desc) ? 8 >> esz : 0;
    bool sg = ((desc & IR_VEC_SIGNED) && op != IR_VEC_PMULL) ||
              (op >= IR_VEC_SQDMULL && op <= IR_VEC_SQDMLSL);
    for (int i = 0; i < 8 >> esz; i++) {
        uint64_t na = extend(get(a, esz, half + i), esz, sg);
        uint64_t nb = extend(get(b, esz, half + i), esz, sg);
        uint64_t wa = get(a, esz + 1, i), wd = get(d, esz + 1, i), v;
        switch (op) {
        case IR_VEC_XTL:
            v = na << ir_vec_imm(desc);
            break;
        case IR_VEC_ADDL:
            v = na + nb;
            break;
        case IR_VEC_ADDW:
            v = wa + nb;
            break;
        case IR_VEC_SUBL:
            v = na - nb;
            break;
        case IR_VEC_SUBW:
            v = wa - nb;
            break;
        case IR_VEC_ABDL:
        case IR_VEC_ABAL: {
            bool gt = sg ? (int64_t)na > (int64_t)nb : na > nb;
            v = (op == IR_VEC_ABAL ? wd : 0) + (gt ? na - nb : nb - na);
            break;
        }
        case IR_VEC_MULL:
            v = na * nb;
            break;
        case IR_VEC_MLAL:
            v = wd + na * nb;
            break;
        case IR_VEC_MLSL:
            v = wd - na * nb;
            break;
        case IR_VEC_PMULL:
            v = 0;
            for (int k = 0; k < 8; k++)
                v ^= ((nb >> k) & 1) ? na << k : 0;
            break;
        default: { /* SQDMULL, SQDMLAL, SQDMLSL: signed */
            __int128 p = saturate(2 * (__int128)(int64_t)na * (int64_t)nb, esz + 1, true, sat);
            p = sx((uint64_t)p, esz + 1);
            if (op != IR_VEC_SQDMULL)
                p = saturate((__int128)sx(wd, esz + 1) + (op == IR_VEC_SQDMLAL ? p : -p), esz + 1,
                             true, sat);
            v = (uint64_t)p;
            break;
        }
        }
        set(r, esz + 1, i, v);
    }
}

/* One narrow element of RSHRN .. RSUBHN from the wide elements w (of a) and wb (of b). */
static uint64_t narrow_ext(IrVecOp op, uint64_t desc, uint64_t w, uint64_t wb, bool *sat)
{
    int esz = ir_vec_esz(desc), bits = 8 << esz;
    unsigned n = ir_vec_imm(desc);
    bool sg = op == IR_VEC_SQSHRN || op == IR_VEC_SQRSHRN || op == IR_VEC_SQSHRUN ||
              op == IR_VEC_SQRSHRUN;
    bool round =
        op == IR_VEC_RSHRN || op == IR_VEC_SQRSHRN || op == IR_VEC_UQRSHRN || op == IR_VEC_SQRSHRUN;
    __int128 x = sg ? (__int128)sx(w, esz + 1) : (__int128)w;
    switch (op) {
    case IR_VEC_ADDHN:
    case IR_VEC_RADDHN:
    case IR_VEC_SUBHN:
    case IR_VEC_RSUBHN: {
        uint64_t s = op <= IR_VEC_RADDHN ? w + wb : w - wb;
        __int128 y = (__int128)(s & emask(esz + 1));
        if (op == IR_VEC_RADDHN || op == IR_VEC_RSUBHN)
            y += (__int128)1 << (bits - 1);
        return (uint64_t)(y >> bits);
    }
    default:
        break;
    }
    if (round)
        x += (__int128)1 << (n - 1);
    x >>= n;
    if (op == IR_VEC_RSHRN)
        return (uint64_t)x;
    return saturate(x, esz, op == IR_VEC_SQSHRN || op == IR_VEC_SQRSHRN, sat);
}

/* SHRN and the saturating narrowings: the narrow results go to the low half (q = 0, the
 * upper half zero) or to the upper half with d's low half kept (q = 1). */
static void eval_narrowing(IrVecOp op, uint64_t desc, const Vec *a, const Vec *b, const Vec *d,
                           Vec *r, bool *sat)
{
    int esz = ir_vec_esz(desc), half = ir_vec_q(desc) ? 8 >> esz : 0;
    if (half)
        r->d[0] = d->d[0];
    for (int i = 0; i < 8 >> esz; i++) {
        uint64_t w = get(a, esz + 1, i);
        __int128 sw = sx(w, esz + 1);
        uint64_t x;
        switch (op) {
        case IR_VEC_SHRN:
            x = w >> ir_vec_imm(desc);
            break;
        case IR_VEC_SQXTN:
            x = saturate(sw, esz, true, sat);
            break;
        case IR_VEC_UQXTN:
            x = saturate(w, esz, false, sat);
            break;
        case IR_VEC_SQXTUN:
            x = saturate(sw, esz, false, sat);
            break;
        default:
            x = narrow_ext(op, desc, w, get(b, esz + 1, i), sat);
            break;
        }
        set(r, esz, half + i, x);
    }
}

static void eval_across(IrVecOp op, uint64_t desc, const Vec *a, Vec *r)
{
    int esz = ir_vec_esz(desc), n = (8 << ir_vec_q(desc)) >> esz;
    bool sg = op == IR_VEC_SMAXV || op == IR_VEC_SMINV || (desc & IR_VEC_SIGNED);
    uint64_t acc = extend(get(a, esz, 0), esz, sg);
    for (int i = 1; i < n; i++) {
        uint64_t x = extend(get(a, esz, i), esz, sg);
        switch (op) {
        case IR_VEC_ADDV:
        case IR_VEC_ADDLV:
            acc += x;
            break;
        case IR_VEC_SMAXV:
            acc = (int64_t)x > (int64_t)acc ? x : acc;
            break;
        case IR_VEC_SMINV:
            acc = (int64_t)x < (int64_t)acc ? x : acc;
            break;
        case IR_VEC_UMAXV:
            acc = x > acc ? x : acc;
            break;
        default:
            acc = x < acc ? x : acc;
            break;
        }
    }
    memset(r, 0, sizeof(*r));
    set(r, op == IR_VEC_ADDLV ? esz + 1 : esz, 0, acc);
}

static void eval_tbl(const uint8_t *env, const uint64_t *c, const Vec *idx, const Vec *d, Vec *r)
{
    uint64_t desc = c[3];
    unsigned len = ir_vec_imm(desc);
    uint8_t tbl[64];
    for (unsigned k = 0; k < len; k++)
        memcpy(tbl + 16 * k, env + ((c[4] >> (16 * k)) & 0xffff), 16);
    for (int i = 0; i < 8 << ir_vec_q(desc); i++) {
        unsigned x = idx->b[i];
        r->b[i] = x < 16 * len ? tbl[x] : ir_vec_op(desc) == IR_VEC_TBX ? d->b[i] : 0;
    }
}

/* Zeroes v but for its element 0 of esz. */
static void keep_element0(Vec *v, int esz)
{
    memset(v->b + (1 << esz), 0, 16 - (1 << esz));
}

void ir_vec_eval(void *env, const uint64_t *c)
{
    uint8_t *e = env;
    uint64_t desc = c[3];
    IrVecOp op = ir_vec_op(desc);
    int esz = ir_vec_esz(desc), q = ir_vec_q(desc);
    Vec a = {{0}}, b = {{0}}, d, r = {{0}};
    bool sat = false, full = q;
    if (!(desc & IR_VEC_ZA))
        memcpy(&a, e + c[1], 16);
    if (!(desc & IR_VEC_ZB))
        memcpy(&b, e + c[2], 16);
    memcpy(&d, e + c[0], 16);
    if (desc & IR_VEC_BELEM) {
        uint64_t x = get(&b, esz, ir_vec_imm(desc));
        for (int i = 0; i < 16 >> esz; i++)
            set(&b, esz, i, x);
    }
    int in_esz, d_esz, out_esz = ir_vec_sizes(op, esz, &in_esz, &d_esz);
    if (desc & IR_VEC_SCALAR) {
        keep_element0(&a, in_esz);
        keep_element0(&b, in_esz);
        keep_element0(&d, d_esz);
    }
    if (op <= IR_VEC_SQRDMULH || (op >= IR_VEC_NOT && op <= IR_VEC_SRSRA) ||
        ir_vec_lanewise_ext(op)) {
        for (int i = 0; i < (8 << q) >> esz; i++)
            set(&r, esz, i,
                lane(op, esz, ir_vec_imm(desc), get(&a, esz, i), get(&b, esz, i), get(&d, esz, i),
                     &sat));
    } else if (op <= IR_VEC_UMINP) {
        eval_pairwise(op, esz, q, &a, &b, &r);
    } else if (op <= IR_VEC_MLSL || (op >= IR_VEC_SQDMULL && op <= IR_VEC_SQDMLSL) ||
               op == IR_VEC_PMULL) {
        eval_widening(op, desc, &a, &b, &d, &r, &sat);
        full = true;
    } else if (op <= IR_VEC_ADDLV) {
        eval_across(op, desc, &a, &r);
    } else if ((op >= IR_VEC_SHRN && op <= IR_VEC_SQXTUN) ||
               (op >= IR_VEC_RSHRN && op <= IR_VEC_RSUBHN)) {
        eval_narrowing(op, desc, &a, &b, &d, &r, &sat);
        full = true;
    } else if (op == IR_VEC_ADDLP || op == IR_VEC_ADALP) {
        bool sg = desc & IR_VEC_SIGNED;
        for (int i = 0; i < (4 << q) >> esz; i++) {
            uint64_t x =
                extend(get(&a, esz, 2 * i), esz, sg) + extend(get(&a, esz, 2 * i + 1), esz, sg);
            set(&r, esz + 1, i, x + (op == IR_VEC_ADALP ? get(&d, esz + 1, i) : 0));
        }
    } else if (op == IR_VEC_PERM) {
        for (int i = 0; i < 16; i++) {
            unsigned x = (c[4 + i / 8] >> (8 * (i % 8))) & 0xff;
            r.b[i] = x < 16 ? a.b[x] : x < 32 ? b.b[x - 16] : 0;
        }
    } else {
        eval_tbl(e, c, &b, &d, &r);
    }
    if (!full)
        r.d[1] = 0;
    if (desc & IR_VEC_SCALAR)
        keep_element0(&r, out_esz);
    memcpy(e + c[0], &r, 16);
    if (sat && ir_vec_saturates(op))
        *(uint32_t *)(e + c[4]) |= (uint32_t)c[5];
}

static const char *const vec_names[] = {
    "add",     "sub",     "mul",      "mla",     "mls",      "and",    "orr",    "eor",    "bic",
    "orn",     "bsl",     "bit",      "bif",     "cmeq",     "cmgt",   "cmge",   "cmhi",   "cmhs",
    "cmtst",   "smin",    "smax",     "umin",    "umax",     "sabd",   "uabd",   "urhadd", "ushl",
    "sshl",    "uhadd",   "shadd",    "srhadd",  "uaba",     "saba",   "sqadd",  "uqadd",  "sqsub",
    "uqsub",   "sqdmulh", "sqrdmulh", "addp",    "smaxp",    "umaxp",  "sminp",  "uminp",  "not",
    "neg",     "abs",     "cnt",      "shl",     "ushr",     "sshr",   "usra",   "ssra",   "urshr",
    "srshr",   "ursra",   "srsra",    "xtl",     "addl",     "addw",   "subl",   "subw",   "abdl",
    "abal",    "mull",    "mlal",     "mlsl",    "addv",     "smaxv",  "sminv",  "umaxv",  "uminv",
    "addlv",   "perm",    "tbl",      "tbx",     "shrn",     "sqxtn",  "uqxtn",  "sqxtun", "addlp",
    "adalp",   "sli",     "sri",      "clz",     "cls",      "rbit",   "sqabs",  "sqneg",  "uhsub",
    "shsub",   "urshl",   "srshl",    "pmul",    "sqshl",    "uqshl",  "sqshlu", "rshrn",  "sqshrn",
    "sqrshrn", "uqshrn",  "uqrshrn",  "sqshrun", "sqrshrun", "addhn",  "raddhn", "subhn",  "rsubhn",
    "sqdmull", "sqdmlal", "sqdmlsl",  "sqshl",   "uqshl",    "sqrshl", "uqrshl", "pmull",  "sdot",
    "udot",
};
_Static_assert(sizeof(vec_names) / sizeof(vec_names[0]) == IR_VEC_COUNT, "a name per IrVecOp");

void ir_vec_dump(const uint64_t *c, FILE *out)
{
    uint64_t desc = c[3];
    IrVecOp op = ir_vec_op(desc);
    int esz = ir_vec_esz(desc);
    fprintf(out, " %s.%d%c @%" PRIu64 ", @%" PRIu64 ", @%" PRIu64,
            op < IR_VEC_COUNT ? vec_names[op] : "?", (8 << ir_vec_q(desc)) >> esz, "bhsd"[esz],
            c[0], c[1], c[2]);
    if (ir_vec_imm(desc))
        fprintf(out, " #%u", ir_vec_imm(desc));
    if (desc & IR_VEC_ZA)
        fputs(" a=0", out);
    if (desc & IR_VEC_ZB)
        fputs(" b=0", out);
    if (desc & IR_VEC_SIGNED)
        fputs(" signed", out);
    if (desc & IR_VEC_BELEM)
        fputs(" b=elem", out);
    if (desc & IR_VEC_SCALAR)
        fputs(" scalar", out);
    if (c[4] || c[5])
        fprintf(out, " [%#" PRIx64 " %#" PRIx64 "]", c[4], c[5]);
}

void ir_vec_helper(void *env, uint64_t offsets, uint64_t desc, uint64_t x0, uint64_t x1)
{
    uint64_t c[6] = {
        offsets & 0xfffff, (offsets >> 20) & 0xfffff, (offsets >> 40) & 0xfffff, desc, x0, x1};
    ir_vec_eval(env, c);
}

void ir_gen_vec(IrContext *ctx, int32_t d, int32_t a, int32_t b, uint64_t desc, uint64_t x0,
                uint64_t x1)
{
    ir_emit(ctx, IR_OP_vec, IR_I64,
            (uint64_t[]){(uint64_t)d, (uint64_t)a, (uint64_t)b, desc, x0, x1});
}
