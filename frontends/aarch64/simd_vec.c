/*
 * Integer AdvSIMD instructions mapped onto the IR's `vec` op (see
 * simd_vec.h).  The mapping is table-like: an encoding's U bit and opcode
 * pick the IrVecOp; permutes, byte reversals and narrowing become a
 * constant byte selection (IR_VEC_PERM) computed here at translation time.
 * Saturating ops name FPSR and its QC bit as their sticky flag.
 */
#include "frontends/aarch64/simd_vec.h"

#include <stddef.h>
#include <string.h>

#include "frontends/aarch64/helper_simd.h"
#include "translator/ir_vec.h"

static void gen_vec(DisasContext *s, IrVecOp op, int esz, int q, unsigned flags, unsigned imm,
                    int rd, int rn, int rm)
{
    uint64_t x0 = 0, x1 = 0;
    if (ir_vec_saturates(op)) {
        x0 = offsetof(A64CPU, fpsr);
        x1 = A64_FPSR_QC;
    }
    ir_gen_vec(s->ir, a64_vreg_offset(rd), a64_vreg_offset(rn), a64_vreg_offset(rm),
               ir_vec_desc(op, esz, q, flags, imm), x0, x1);
}

void a64_vec_dot(DisasContext *s, bool u, int q, int rd, int rn, int rm, int elem)
{
    gen_vec(s, u ? IR_VEC_UDOT : IR_VEC_SDOT, 2, q, elem >= 0 ? IR_VEC_BELEM : 0,
            elem >= 0 ? (unsigned)elem : 0, rd, rn, rm);
}

void a64_vec_perm(DisasContext *s, int32_t d, int32_t a, int32_t b, const uint8_t *tbl)
{
    uint64_t x[2] = {0, 0};
    for (int i = 0; i < 16; i++)
        x[i / 8] |= (uint64_t)tbl[i] << (8 * (i % 8));
    ir_gen_vec(s->ir, d, a, b, ir_vec_desc(IR_VEC_PERM, 0, 1, 0, 0), x[0], x[1]);
}

/* Byte selection: tbl[i] < 16 from Vn, 16..31 from Vm, 0xff zero. */
static void gen_perm(DisasContext *s, const uint8_t *tbl, int rd, int rn, int rm)
{
    a64_vec_perm(s, a64_vreg_offset(rd), a64_vreg_offset(rn), a64_vreg_offset(rm), tbl);
}

/* Integer three-same opcodes (index opc, [u]) as IrVecOp + 1; 0: no vec form. */
#define V(op) (IR_VEC_##op + 1)
static const uint8_t ops_3same[32][2] = {
    [0x00] = {V(SHADD), V(UHADD)},
    [0x01] = {V(SQADD), V(UQADD)},
    [0x02] = {V(SRHADD), V(URHADD)},
    [0x04] = {V(SHSUB), V(UHSUB)},
    [0x05] = {V(SQSUB), V(UQSUB)},
    [0x06] = {V(CMGT), V(CMHI)},
    [0x07] = {V(CMGE), V(CMHS)},
    [0x08] = {V(SSHL), V(USHL)},
    [0x09] = {V(SQSHLR), V(UQSHLR)},
    [0x0a] = {V(SRSHL), V(URSHL)},
    [0x0b] = {V(SQRSHLR), V(UQRSHLR)},
    [0x0c] = {V(SMAX), V(UMAX)},
    [0x0d] = {V(SMIN), V(UMIN)},
    [0x0e] = {V(SABD), V(UABD)},
    [0x0f] = {V(SABA), V(UABA)},
    [0x10] = {V(ADD), V(SUB)},
    [0x11] = {V(CMTST), V(CMEQ)},
    [0x12] = {V(MLA), V(MLS)},
    [0x13] = {V(MUL), V(PMUL)},
    [0x14] = {V(SMAXP), V(UMAXP)},
    [0x15] = {V(SMINP), V(UMINP)},
    [0x16] = {V(SQDMULH), V(SQRDMULH)},
    [0x17] = {V(ADDP), 0},
};
#undef V

_Static_assert(sizeof(A64CPU) < 0x10000, "vec ops pack CPU-state offsets in 16 bits");

bool a64_vec_3same(DisasContext *s, int u, int size, int opc, int q, int rd, int rn, int rm,
                   bool scalar)
{
    if (scalar && opc != 0x01 && opc != 0x05 && opc != 0x16) /* SQADD UQADD SQSUB UQSUB SQDMULH */
        return false;
    static const IrVecOp logic[8] = {IR_VEC_AND, IR_VEC_BIC, IR_VEC_ORR, IR_VEC_ORN,
                                     IR_VEC_EOR, IR_VEC_BSL, IR_VEC_BIT, IR_VEC_BIF};
    if (opc == 0x03) {
        gen_vec(s, logic[u << 2 | size], 0, q, 0, 0, rd, rn, rm);
        return true;
    }
    int op = ops_3same[opc & 31][u & 1];
    if (!op)
        return false;
    gen_vec(s, (IrVecOp)(op - 1), size, q, scalar ? IR_VEC_SCALAR : 0, 0, rd, rn, rm);
    return true;
}

bool a64_vec_3diff(DisasContext *s, int u, int size, int opc, int q, int rd, int rn, int rm,
                   bool scalar)
{
    IrVecOp op;
    if (scalar && opc != 0x9 && opc != 0xb && opc != 0xd) /* SQDMLAL SQDMLSL SQDMULL */
        return false;
    switch (opc) {
    case 0x0:
        op = IR_VEC_ADDL;
        break;
    case 0x1:
        op = IR_VEC_ADDW;
        break;
    case 0x2:
        op = IR_VEC_SUBL;
        break;
    case 0x3:
        op = IR_VEC_SUBW;
        break;
    case 0x4:
        op = u ? IR_VEC_RADDHN : IR_VEC_ADDHN;
        break;
    case 0x5:
        op = IR_VEC_ABAL;
        break;
    case 0x6:
        op = u ? IR_VEC_RSUBHN : IR_VEC_SUBHN;
        break;
    case 0x7:
        op = IR_VEC_ABDL;
        break;
    case 0x8:
        op = IR_VEC_MLAL;
        break;
    case 0xa:
        op = IR_VEC_MLSL;
        break;
    case 0x9:
        op = IR_VEC_SQDMLAL;
        break;
    case 0xb:
        op = IR_VEC_SQDMLSL;
        break;
    case 0xc:
        op = IR_VEC_MULL;
        break;
    case 0xd:
        op = IR_VEC_SQDMULL;
        break;
    case 0xe: /* 8-bit elements only here */
        op = IR_VEC_PMULL;
        break;
    default:
        return false;
    }
    if ((op >= IR_VEC_ADDHN && op <= IR_VEC_RSUBHN) || op == IR_VEC_PMULL) { /* no sign */
        gen_vec(s, op, size, q, 0, 0, rd, rn, rm);
        return true;
    }
    gen_vec(s, op, size, q, (u ? 0 : IR_VEC_SIGNED) | (scalar ? IR_VEC_SCALAR : 0), 0, rd, rn, rm);
    return true;
}

bool a64_vec_indexed(DisasContext *s, int u, int size, int opc, int q, int rd, int rn, int rm,
                     int idx, bool scalar)
{
    IrVecOp op;
    int key = u << 4 | opc;
    if (scalar && key != 0x0c && key != 0x0d && key != 0x03 && key != 0x07 && key != 0x0b)
        return false; /* SQDMULH SQRDMULH SQDMLAL SQDMLSL SQDMULL */
    switch (u << 4 | opc) {
    case 0x08:
        op = IR_VEC_MUL;
        break;
    case 0x0c:
        op = IR_VEC_SQDMULH;
        break;
    case 0x0d:
        op = IR_VEC_SQRDMULH;
        break;
    case 0x10:
        op = IR_VEC_MLA;
        break;
    case 0x14:
        op = IR_VEC_MLS;
        break;
    case 0x02:
    case 0x12:
        op = IR_VEC_MLAL;
        break;
    case 0x06:
    case 0x16:
        op = IR_VEC_MLSL;
        break;
    case 0x0a:
    case 0x1a:
        op = IR_VEC_MULL;
        break;
    case 0x03:
        op = IR_VEC_SQDMLAL;
        break;
    case 0x07:
        op = IR_VEC_SQDMLSL;
        break;
    case 0x0b:
        op = IR_VEC_SQDMULL;
        break;
    default:
        return false;
    }
    unsigned sign = (opc & 3) == 2 && !u ? IR_VEC_SIGNED : 0;
    gen_vec(s, op, size, q, IR_VEC_BELEM | sign | (scalar ? IR_VEC_SCALAR : 0), idx, rd, rn, rm);
    return true;
}

/* REV16/32/64: reverse elements of esz inside containers of `cbytes` bytes. */
static void gen_rev(DisasContext *s, int esz, int cbytes, int q, int rd, int rn)
{
    uint8_t tbl[16];
    for (int i = 0; i < 16; i++)
        tbl[i] = i < 8 << q ? (uint8_t)(i ^ (cbytes - (1 << esz))) : 0xff;
    gen_perm(s, tbl, rd, rn, rn);
}

/* XTN (q = 0) / XTN2 (q = 1: the low half of Vd is kept). */
static void gen_xtn(DisasContext *s, int esz, int q, int rd, int rn)
{
    uint8_t tbl[16];
    int e = 1 << esz;
    for (int j = 0; j < 8; j++) {
        int src = (j / e) * 2 * e + j % e;
        tbl[j] = q ? (uint8_t)j : (uint8_t)src;
        tbl[8 + j] = q ? (uint8_t)(16 + src) : 0xff;
    }
    /* XTN2: a = Vd (its low half stays), b = Vn */
    gen_perm(s, tbl, rd, q ? rd : rn, rn);
}

bool a64_vec_2misc(DisasContext *s, int u, int size, int opc, int q, int rd, int rn, bool scalar)
{
    unsigned sf = scalar ? IR_VEC_SCALAR : 0;
    int key = u << 5 | opc;
    if (scalar && key != 0x07 && key != 0x27 && key != 0x14 && key != 0x34 && key != 0x32)
        return false; /* SQABS SQNEG SQXTN UQXTN SQXTUN */
    switch (key) {
    case 0x00:
        gen_rev(s, size, 8, q, rd, rn);
        return true;
    case 0x20:
        gen_rev(s, size, 4, q, rd, rn);
        return true;
    case 0x01:
        gen_rev(s, size, 2, q, rd, rn);
        return true;
    case 0x05:
        gen_vec(s, IR_VEC_CNT, 0, q, 0, 0, rd, rn, rn);
        return true;
    case 0x25:
        gen_vec(s, size ? IR_VEC_RBIT : IR_VEC_NOT, 0, q, 0, 0, rd, rn, rn);
        return true;
    case 0x04:
    case 0x24:
        gen_vec(s, u ? IR_VEC_CLZ : IR_VEC_CLS, size, q, 0, 0, rd, rn, rn);
        return true;
    case 0x07:
    case 0x27:
        gen_vec(s, u ? IR_VEC_SQNEG : IR_VEC_SQABS, size, q, sf, 0, rd, rn, rn);
        return true;
    case 0x33: /* SHLL: the narrow elements widened and shifted by their width */
        gen_vec(s, IR_VEC_XTL, size, q, 0, 8 << size, rd, rn, rn);
        return true;
    case 0x08: /* CMGT #0 */
    case 0x28: /* CMGE #0 */
    case 0x09: /* CMEQ #0 */
        gen_vec(s,
                opc == 0x09 ? IR_VEC_CMEQ
                : u         ? IR_VEC_CMGE
                            : IR_VEC_CMGT,
                size, q, IR_VEC_ZB, 0, rd, rn, rn);
        return true;
    case 0x29: /* CMLE #0: 0 >= n */
    case 0x0a: /* CMLT #0: 0 > n */
        gen_vec(s, u ? IR_VEC_CMGE : IR_VEC_CMGT, size, q, IR_VEC_ZA, 0, rd, rn, rn);
        return true;
    case 0x0b:
    case 0x2b:
        gen_vec(s, u ? IR_VEC_NEG : IR_VEC_ABS, size, q, 0, 0, rd, rn, rn);
        return true;
    case 0x12:
        gen_xtn(s, size, q, rd, rn);
        return true;
    case 0x14:
    case 0x34:
    case 0x32:
        gen_vec(s,
                opc == 0x12 ? IR_VEC_SQXTUN
                : u         ? IR_VEC_UQXTN
                            : IR_VEC_SQXTN,
                size, q, sf, 0, rd, rn, rn);
        return true;
    case 0x02:
    case 0x22:
    case 0x06:
    case 0x26:
        gen_vec(s, opc == 0x02 ? IR_VEC_ADDLP : IR_VEC_ADALP, size, q, u ? 0 : IR_VEC_SIGNED, 0, rd,
                rn, rn);
        return true;
    }
    return false;
}

bool a64_vec_across(DisasContext *s, int u, int size, int opc, int q, int rd, int rn)
{
    IrVecOp op;
    unsigned flags = 0;
    switch (opc) {
    case 0x03:
        op = IR_VEC_ADDLV;
        flags = u ? 0 : IR_VEC_SIGNED;
        break;
    case 0x0a:
        op = u ? IR_VEC_UMAXV : IR_VEC_SMAXV;
        break;
    case 0x1a:
        op = u ? IR_VEC_UMINV : IR_VEC_SMINV;
        break;
    case 0x1b:
        op = IR_VEC_ADDV;
        break;
    default:
        return false;
    }
    gen_vec(s, op, size, q, flags, 0, rd, rn, rn);
    return true;
}

bool a64_vec_shift_imm(DisasContext *s, int u, int opc, int q, int imm, int rd, int rn, bool scalar)
{
    int esz = 31 - __builtin_clz(imm >> 3);
    int right = (16 << esz) - imm, left = imm - (8 << esz);
    int key = u << 5 | opc;
    unsigned sf = scalar ? IR_VEC_SCALAR : 0;
    if (scalar && key != 0x0e && key != 0x2e && key != 0x2c && !(opc >= 0x10 && opc <= 0x13))
        return false; /* SQSHL UQSHL SQSHLU (immediate), the saturating narrowing shifts */
    switch (key) {
    case 0x00:
    case 0x20:
        gen_vec(s, u ? IR_VEC_USHR : IR_VEC_SSHR, esz, q, 0, right, rd, rn, rn);
        return true;
    case 0x02:
    case 0x22:
        gen_vec(s, u ? IR_VEC_USRA : IR_VEC_SSRA, esz, q, 0, right, rd, rn, rn);
        return true;
    case 0x04:
    case 0x24:
        gen_vec(s, u ? IR_VEC_URSHR : IR_VEC_SRSHR, esz, q, 0, right, rd, rn, rn);
        return true;
    case 0x06:
    case 0x26:
        gen_vec(s, u ? IR_VEC_URSRA : IR_VEC_SRSRA, esz, q, 0, right, rd, rn, rn);
        return true;
    case 0x0a:
        gen_vec(s, IR_VEC_SHL, esz, q, 0, left, rd, rn, rn);
        return true;
    case 0x10:
        gen_vec(s, IR_VEC_SHRN, esz, q, 0, right, rd, rn, rd);
        return true;
    case 0x28:
        gen_vec(s, IR_VEC_SRI, esz, q, 0, right, rd, rn, rn);
        return true;
    case 0x2a:
        gen_vec(s, IR_VEC_SLI, esz, q, 0, left, rd, rn, rn);
        return true;
    case 0x0e:
    case 0x2e:
    case 0x2c:
        gen_vec(s,
                opc == 0x0c ? IR_VEC_SQSHLU
                : u         ? IR_VEC_UQSHL
                            : IR_VEC_SQSHL,
                esz, q, sf, left, rd, rn, rn);
        return true;
    case 0x11:
    case 0x12:
    case 0x13:
    case 0x30:
    case 0x31:
    case 0x32:
    case 0x33: {
        static const IrVecOp narrow[8] = {0,
                                          IR_VEC_RSHRN,
                                          IR_VEC_SQSHRN,
                                          IR_VEC_SQRSHRN,
                                          IR_VEC_SQSHRUN,
                                          IR_VEC_SQRSHRUN,
                                          IR_VEC_UQSHRN,
                                          IR_VEC_UQRSHRN};
        gen_vec(s, narrow[u << 2 | (opc & 3)], esz, q, sf, right, rd, rn, rd);
        return true;
    }
    case 0x14:
    case 0x34:
        gen_vec(s, IR_VEC_XTL, esz, q, u ? 0 : IR_VEC_SIGNED, left, rd, rn, rn);
        return true;
    }
    return false;
}

bool a64_vec_permute(DisasContext *s, int opc, int size, int q, int rd, int rn, int rm)
{
    int e = 1 << size, n = (8 << q) / e, part = opc >> 2;
    uint8_t tbl[16];
    memset(tbl, 0xff, sizeof(tbl));
    for (int i = 0; i < n; i++) {
        int c; /* element of the concatenation Vn:Vm (first n from Vn) */
        switch (opc & 3) {
        case 1: /* UZP */
            c = 2 * i + part;
            break;
        case 2: /* TRN */
            c = (i & 1) ? n + (i & ~1) + part : i + part;
            break;
        default: /* ZIP */
            c = (i & 1) * n + part * n / 2 + i / 2;
            break;
        }
        int byte = c < n ? c * e : 16 + (c - n) * e;
        for (int k = 0; k < e; k++)
            tbl[i * e + k] = (uint8_t)(byte + k);
    }
    gen_perm(s, tbl, rd, rn, rm);
    return true;
}

void a64_vec_ext(DisasContext *s, int rd, int rn, int rm, int pos, int q)
{
    int bytes = 8 << q;
    uint8_t tbl[16];
    for (int j = 0; j < 16; j++) {
        int p = pos + j;
        tbl[j] = j >= bytes ? 0xff : p < bytes ? (uint8_t)p : (uint8_t)(16 + p - bytes);
    }
    gen_perm(s, tbl, rd, rn, rm);
}

void a64_vec_dup_elem(DisasContext *s, int rd, int rn, int esz, int idx, int q)
{
    uint8_t tbl[16];
    for (int j = 0; j < 16; j++)
        tbl[j] = j < 8 << q ? (uint8_t)((idx << esz) + j % (1 << esz)) : 0xff;
    gen_perm(s, tbl, rd, rn, rn);
}

bool a64_vec_tbl(DisasContext *s, int len, bool tbx, int q, int rd, int rn, int rm)
{
    uint64_t offs = 0;
    for (int k = 0; k <= len; k++)
        offs |= (uint64_t)a64_vreg_offset((rn + k) % 32) << (16 * k);
    ir_gen_vec(s->ir, a64_vreg_offset(rd), a64_vreg_offset(rn), a64_vreg_offset(rm),
               ir_vec_desc(tbx ? IR_VEC_TBX : IR_VEC_TBL, 0, q, 0, len + 1), offs, 0);
    return true;
}
