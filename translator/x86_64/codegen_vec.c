/*
 * Instruction selection for the integer vector op `vec` (translator/ir_vec.h)
 * on SSE2, with SSSE3 (pshufb, pabs), SSE4.1 (32-bit multiplies, byte/dword
 * min/max, pcmpeqq) and SSE4.2 (pcmpgtq) where the host has them.
 *
 * Sources are loaded from the CPU state into xmm0 (a), xmm1 (b) and xmm2
 * (old destination), computed in xmm registers and stored back with one
 * movdqu; nothing stays in xmm registers between ops.  Constants (masks,
 * shuffle tables) are used as RIP-relative memory operands from a pool of
 * interned 16-byte values, or built through a scratch general register when
 * the pool is full or out of reach.  An operation or element size with
 * no sequence here, or whose instructions the host lacks, becomes a call to
 * ir_vec_helper, the C definition shared with the interpreter.
 */
#include "translator/ir_vec.h"
#include "translator/x86_64/codegen.h"
#include "translator/x86_64/emit_vec.h"

enum { XA, XB, XD, X3, X4, X5, X6, X7, X8 };

typedef struct VecGen {
    X86Gen *g;
    CodeBuf *cb;
    const X86Features *f;
    const uint64_t *c; /* the op's constants */
    IrVecOp op;
    int esz, q;
    unsigned imm;
    int gpr; /* scratch general register for constants, -1 until needed */
} VecGen;

static void mov(VecGen *v, int xd, int xs)
{
    x86_vop(v->cb, X86_OPC_MOVDQA, xd, xs);
}

/*
 * The constant pool: immutable 16-byte values, interned by open addressing,
 * shared by every TB of the process (entries are only added, under the
 * translation lock, and written before the code that reads them is
 * published).  It lives in ferry's data, within rel32 reach of the code
 * buffer (codebuf.c maps the buffer just below ferry's text).
 */
#define VEC_POOL_SIZE 2048
static _Alignas(16) uint64_t vec_pool[VEC_POOL_SIZE][2];
static bool vec_pool_used[VEC_POOL_SIZE];
static unsigned vec_pool_count;

/* Address of the pooled hi:lo, or NULL when the pool is (nearly) full. */
static const void *pool_get(uint64_t lo, uint64_t hi)
{
    uint64_t k = (lo ^ (hi * 0x9e3779b97f4a7c15ull)) * 0xff51afd7ed558ccdull;
    for (unsigned i = (unsigned)(k >> 40) % VEC_POOL_SIZE;; i = (i + 1) % VEC_POOL_SIZE) {
        if (!vec_pool_used[i]) {
            if (vec_pool_count >= VEC_POOL_SIZE * 3 / 4)
                return NULL;
            vec_pool[i][0] = lo;
            vec_pool[i][1] = hi;
            vec_pool_used[i] = true;
            vec_pool_count++;
            return vec_pool[i];
        }
        if (vec_pool[i][0] == lo && vec_pool[i][1] == hi)
            return vec_pool[i];
    }
}

/* The pooled constant when a RIP-relative operand from here reaches it, else NULL. */
static const void *pool_ref(VecGen *v, uint64_t lo, uint64_t hi)
{
    const uint8_t *p = pool_get(lo, hi);
    if (!p || !x86_fits_i32(p - v->cb->ptr - 64) || !x86_fits_i32(p - v->cb->ptr + 64))
        return NULL;
    return p;
}

static void vconst_gpr(VecGen *v, int x, uint64_t lo, uint64_t hi);

/* x = the 128-bit constant hi:lo. */
static void vconst(VecGen *v, int x, uint64_t lo, uint64_t hi)
{
    CodeBuf *cb = v->cb;
    if (!lo && !hi) {
        x86_vop(cb, X86_OPC_PXOR, x, x);
        return;
    }
    if (lo == ~0ull && hi == ~0ull) {
        x86_vop(cb, X86_OPC_PCMPEQD, x, x);
        return;
    }
    const void *p = pool_ref(v, lo, hi);
    if (p)
        x86_vop_rip(cb, X86_OPC_MOVDQA, x, p);
    else
        vconst_gpr(v, x, lo, hi);
}

/* x = x op hi:lo (a pooled memory operand, or the constant built in X8). */
static void vopc(VecGen *v, unsigned opc, int x, uint64_t lo, uint64_t hi)
{
    const void *p = pool_ref(v, lo, hi);
    if (p) {
        x86_vop_rip(v->cb, opc, x, p);
        return;
    }
    vconst_gpr(v, X8, lo, hi);
    x86_vop(v->cb, opc, x, X8);
}

/* x = the constant built through a general register (clobbers X7). */
static void vconst_gpr(VecGen *v, int x, uint64_t lo, uint64_t hi)
{
    CodeBuf *cb = v->cb;
    if (v->gpr < 0)
        v->gpr = x86_ra_alloc(v->g, X86_ALLOCATABLE);
    x86_movi(cb, true, v->gpr, lo);
    x86_movq_x_r(cb, x, v->gpr);
    if (hi == lo) {
        x86_vop(cb, X86_OPC_PUNPCKLQDQ, x, x);
        return;
    }
    x86_movi(cb, true, v->gpr, hi);
    x86_movq_x_r(cb, X7, v->gpr);
    x86_vop(cb, X86_OPC_PUNPCKLQDQ, x, X7);
}

/* A lane value replicated over 64 bits. */
static uint64_t rep64(uint64_t x, int esz)
{
    static const uint64_t ones[4] = {0x0101010101010101ull, 0x0001000100010001ull,
                                     0x0000000100000001ull, 1};
    return x * ones[esz];
}

/* x = x op (lane in every element of esz). */
static void vopc_splat(VecGen *v, unsigned opc, int x, uint64_t lane, int esz)
{
    uint64_t r = rep64(lane, esz);
    vopc(v, opc, x, r, r);
}

/* Sources a and b are the same register (neither replaced by zero). */
static bool same_sources(const VecGen *v)
{
    return v->c[1] == v->c[2] && !(v->c[3] & (IR_VEC_ZA | IR_VEC_ZB));
}

/* ---- what the host can do ---- */

static bool minmax_ok(const X86Features *f, IrVecOp op, int esz)
{
    if (esz == 3)
        return false;
    bool is_signed = op == IR_VEC_SMIN || op == IR_VEC_SMAX || op == IR_VEC_SMAXP ||
                     op == IR_VEC_SMINP || op == IR_VEC_SMAXV || op == IR_VEC_SMINV ||
                     op == IR_VEC_SABD || op == IR_VEC_SABA;
    return f->sse41 || esz == (is_signed ? 1 : 0);
}

static bool supported(const VecGen *v)
{
    const X86Features *f = v->f;
    int esz = v->esz;
    if ((v->c[3] & IR_VEC_BELEM) && !f->ssse3)
        return false;
    switch (v->op) {
    case IR_VEC_MUL:
    case IR_VEC_MLA:
    case IR_VEC_MLS:
        return esz < 2 || (esz == 2 && f->sse41);
    case IR_VEC_CMEQ:
    case IR_VEC_CMTST:
        return esz < 3 || f->sse41;
    case IR_VEC_CMGT:
    case IR_VEC_CMGE:
    case IR_VEC_CMHI:
    case IR_VEC_CMHS:
        return esz < 3 || f->sse42;
    case IR_VEC_SMIN:
    case IR_VEC_SMAX:
    case IR_VEC_UMIN:
    case IR_VEC_UMAX:
    case IR_VEC_SABD:
    case IR_VEC_UABD:
    case IR_VEC_SABA:
    case IR_VEC_UABA:
    case IR_VEC_SMAXV:
    case IR_VEC_SMINV:
    case IR_VEC_UMAXV:
    case IR_VEC_UMINV:
        return minmax_ok(f, v->op, esz);
    case IR_VEC_USHL:
    case IR_VEC_SSHL:
        return f->ssse3;
    case IR_VEC_SQADD:
    case IR_VEC_UQADD:
    case IR_VEC_SQSUB:
    case IR_VEC_UQSUB:
    case IR_VEC_SQXTN:
        return esz < 2;
    case IR_VEC_UQXTN:
    case IR_VEC_SQXTUN:
        return esz == 0 || (esz == 1 && f->sse41);
    case IR_VEC_ABDL:
    case IR_VEC_ABAL:
        return f->sse41 || esz == ((v->c[3] & IR_VEC_SIGNED) ? 1 : 0);
    case IR_VEC_URHADD:
    case IR_VEC_UHADD:
    case IR_VEC_SHADD:
    case IR_VEC_SRHADD:
    case IR_VEC_ADDLP:
    case IR_VEC_ADALP:
        return esz < 3;
    case IR_VEC_ADDP:
        return esz == 3 || f->ssse3;
    case IR_VEC_SMAXP:
    case IR_VEC_UMAXP:
    case IR_VEC_SMINP:
    case IR_VEC_UMINP:
        return f->ssse3 && minmax_ok(f, v->op, esz);
    case IR_VEC_ABS:
        return esz == 3 || f->ssse3;
    case IR_VEC_CNT:
    case IR_VEC_SHRN:
    case IR_VEC_PERM:
    case IR_VEC_TBL:
    case IR_VEC_TBX:
        return f->ssse3;
    case IR_VEC_MULL:
    case IR_VEC_MLAL:
    case IR_VEC_MLSL:
        return esz < 2 || (esz == 2 && (f->sse41 || !(v->c[3] & IR_VEC_SIGNED)));
    case IR_VEC_ADDV:
    case IR_VEC_ADDLV:
        return esz < 3;
    default:
        return v->op < IR_VEC_COUNT;
    }
}

/* ---- building blocks ---- */

static unsigned minmax_opc(IrVecOp op, int esz)
{
    switch (op) {
    case IR_VEC_SMIN:
    case IR_VEC_SMINP:
    case IR_VEC_SMINV:
        return x86_vec_pmins[esz];
    case IR_VEC_SMAX:
    case IR_VEC_SMAXP:
    case IR_VEC_SMAXV:
        return x86_vec_pmaxs[esz];
    case IR_VEC_UMIN:
    case IR_VEC_UMINP:
    case IR_VEC_UMINV:
        return x86_vec_pminu[esz];
    default:
        return x86_vec_pmaxu[esz];
    }
}

static void vnot(VecGen *v, int x)
{
    x86_vop(v->cb, X86_OPC_PCMPEQD, X3, X3);
    x86_vop(v->cb, X86_OPC_PXOR, x, X3);
}

/* x = x * y in lanes of esz (0..2); clobbers y, X3, X4. */
static void vmul(VecGen *v, int x, int y, int esz)
{
    CodeBuf *cb = v->cb;
    if (esz == 1) {
        x86_vop(cb, X86_OPC_PMULLW, x, y);
        return;
    }
    if (esz == 2) {
        x86_vop(cb, X86_OPC_PMULLD, x, y);
        return;
    }
    /* bytes: even bytes from a word multiply, odd bytes from one of the high bytes */
    mov(v, X3, x);
    x86_vop(cb, X86_OPC_PMULLW, X3, y);
    vopc_splat(v, X86_OPC_PAND, X3, 0xff, 1);
    x86_vshift(cb, x86_vec_shgrp[1], X86_VSH_SRL, x, 8);
    x86_vshift(cb, x86_vec_shgrp[1], X86_VSH_SRL, y, 8);
    x86_vop(cb, X86_OPC_PMULLW, x, y);
    x86_vshift(cb, x86_vec_shgrp[1], X86_VSH_SLL, x, 8);
    x86_vop(cb, X86_OPC_POR, x, X3);
}

/* x = (x > y) per lane, signed (unsigned with bias); clobbers X3. */
static void vcmpgt(VecGen *v, int x, int y, int esz, bool is_unsigned)
{
    if (is_unsigned) {
        vopc_splat(v, X86_OPC_PXOR, x, 1ull << ((8 << esz) - 1), esz);
        vopc_splat(v, X86_OPC_PXOR, y, 1ull << ((8 << esz) - 1), esz);
    }
    x86_vop(v->cb, x86_vec_pcmpgt[esz], x, y);
}

/* Widens the low (or high) half of x in place from esz to esz + 1; clobbers X6. */
static void vextend(VecGen *v, int x, int esz, bool upper, bool is_signed)
{
    x86_vop(v->cb, X86_OPC_PXOR, X6, X6);
    if (is_signed)
        x86_vop(v->cb, x86_vec_pcmpgt[esz], X6, x);
    x86_vop(v->cb, upper ? x86_vec_punpckh[esz] : x86_vec_punpckl[esz], x, X6);
}

/* ra = bytes of ra (index < 16) and rb (16..31) chosen by tbl; clobbers rb.  `same`: both
 * sources hold the same value, so one shuffle serves. */
static void vperm(VecGen *v, int ra, int rb, const uint8_t *tbl, bool same)
{
    uint64_t ma[2] = {0, 0}, mb[2] = {0, 0};
    bool need_a = false, need_b = false;
    for (int i = 0; i < 16; i++) {
        unsigned x = tbl[i];
        if (same && x >= 16 && x < 32)
            x -= 16;
        unsigned sa = x < 16 ? x : 0x80, sb = x >= 16 && x < 32 ? x - 16 : 0x80;
        need_a |= x < 16;
        need_b |= sb != 0x80;
        ma[i / 8] |= (uint64_t)sa << (8 * (i % 8));
        mb[i / 8] |= (uint64_t)sb << (8 * (i % 8));
    }
    if (need_a)
        vopc(v, X86_OPC_PSHUFB, ra, ma[0], ma[1]);
    else
        x86_vop(v->cb, X86_OPC_PXOR, ra, ra);
    if (need_b) {
        vopc(v, X86_OPC_PSHUFB, rb, mb[0], mb[1]);
        x86_vop(v->cb, X86_OPC_POR, ra, rb);
    }
}

/* ---- operation classes; each returns the xmm register holding the result ---- */

static int gen_logic_arith(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    switch (v->op) {
    case IR_VEC_ADD:
        x86_vop(cb, x86_vec_padd[esz], XA, XB);
        return XA;
    case IR_VEC_SUB:
        x86_vop(cb, x86_vec_psub[esz], XA, XB);
        return XA;
    case IR_VEC_MUL:
        vmul(v, XA, XB, esz);
        return XA;
    case IR_VEC_MLA:
    case IR_VEC_MLS:
        vmul(v, XA, XB, esz);
        x86_vop(cb, (v->op == IR_VEC_MLA ? x86_vec_padd : x86_vec_psub)[esz], XD, XA);
        return XD;
    case IR_VEC_AND:
        x86_vop(cb, X86_OPC_PAND, XA, XB);
        return XA;
    case IR_VEC_ORR:
        x86_vop(cb, X86_OPC_POR, XA, XB);
        return XA;
    case IR_VEC_EOR:
        x86_vop(cb, X86_OPC_PXOR, XA, XB);
        return XA;
    case IR_VEC_BIC:
        x86_vop(cb, X86_OPC_PANDN, XB, XA);
        return XB;
    case IR_VEC_ORN:
        vnot(v, XB);
        x86_vop(cb, X86_OPC_POR, XA, XB);
        return XA;
    case IR_VEC_BSL: /* ((a ^ b) & d) ^ b */
        x86_vop(cb, X86_OPC_PXOR, XA, XB);
        x86_vop(cb, X86_OPC_PAND, XA, XD);
        x86_vop(cb, X86_OPC_PXOR, XA, XB);
        return XA;
    case IR_VEC_BIT: /* ((a ^ d) & b) ^ d */
    case IR_VEC_BIF: /* ((a ^ d) & ~b) ^ d */
        x86_vop(cb, X86_OPC_PXOR, XA, XD);
        if (v->op == IR_VEC_BIT) {
            x86_vop(cb, X86_OPC_PAND, XA, XB);
        } else {
            x86_vop(cb, X86_OPC_PANDN, XB, XA);
            mov(v, XA, XB);
        }
        x86_vop(cb, X86_OPC_PXOR, XA, XD);
        return XA;
    default:
        return -1;
    }
}

static int gen_compare(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    switch (v->op) {
    case IR_VEC_CMEQ:
        x86_vop(cb, x86_vec_pcmpeq[esz], XA, XB);
        return XA;
    case IR_VEC_CMTST:
        x86_vop(cb, X86_OPC_PAND, XA, XB);
        x86_vop(cb, X86_OPC_PXOR, XB, XB);
        x86_vop(cb, x86_vec_pcmpeq[esz], XA, XB);
        vnot(v, XA);
        return XA;
    case IR_VEC_CMGT:
    case IR_VEC_CMHI:
        vcmpgt(v, XA, XB, esz, v->op == IR_VEC_CMHI);
        return XA;
    case IR_VEC_CMGE: /* !(b > a) */
    case IR_VEC_CMHS:
        vcmpgt(v, XB, XA, esz, v->op == IR_VEC_CMHS);
        vnot(v, XB);
        return XB;
    default:
        return -1;
    }
}

/* XA = |XA - XB| per lane of esz (exact as an unsigned lane); clobbers X3. */
static void vabd(VecGen *v, int esz, bool is_signed)
{
    mov(v, X3, XA);
    x86_vop(v->cb, minmax_opc(is_signed ? IR_VEC_SMIN : IR_VEC_UMIN, esz), X3, XB);
    x86_vop(v->cb, minmax_opc(is_signed ? IR_VEC_SMAX : IR_VEC_UMAX, esz), XA, XB);
    x86_vop(v->cb, x86_vec_psub[esz], XA, X3);
}

/* Halving adds: pavg with a parity fix (truncating) and a sign bias (signed) for bytes and
 * words; (a & b) + ((a ^ b) >> 1) or (a | b) - ((a ^ b) >> 1) for words of 32 bits. */
static int gen_hadd(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    bool s = v->op == IR_VEC_SHADD || v->op == IR_VEC_SRHADD;
    bool round = v->op == IR_VEC_URHADD || v->op == IR_VEC_SRHADD;
    if (esz == 2) {
        mov(v, X3, XA);
        x86_vop(cb, round ? X86_OPC_POR : X86_OPC_PAND, X3, XB);
        x86_vop(cb, X86_OPC_PXOR, XA, XB);
        x86_vshift(cb, x86_vec_shgrp[2], s ? X86_VSH_SRA : X86_VSH_SRL, XA, 1);
        if (round) {
            x86_vop(cb, x86_vec_psub[2], X3, XA);
            return X3;
        }
        x86_vop(cb, x86_vec_padd[2], XA, X3);
        return XA;
    }
    uint64_t top = 1ull << ((8 << esz) - 1);
    if (s) {
        vopc_splat(v, X86_OPC_PXOR, XA, top, esz);
        vopc_splat(v, X86_OPC_PXOR, XB, top, esz);
    }
    if (!round) {
        mov(v, X3, XA);
        x86_vop(cb, X86_OPC_PXOR, X3, XB);
        vopc_splat(v, X86_OPC_PAND, X3, 1, esz);
    }
    x86_vop(cb, esz ? X86_OPC_PAVGW : X86_OPC_PAVGB, XA, XB);
    if (!round)
        x86_vop(cb, x86_vec_psub[esz], XA, X3);
    if (s)
        vopc_splat(v, X86_OPC_PXOR, XA, top, esz);
    return XA;
}

static int gen_minmax(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    switch (v->op) {
    case IR_VEC_SABD:
    case IR_VEC_UABD:
    case IR_VEC_SABA:
    case IR_VEC_UABA:
        vabd(v, esz, v->op == IR_VEC_SABD || v->op == IR_VEC_SABA);
        if (v->op == IR_VEC_SABA || v->op == IR_VEC_UABA) {
            x86_vop(cb, x86_vec_padd[esz], XD, XA);
            return XD;
        }
        return XA;
    default:
        x86_vop(cb, minmax_opc(v->op, esz), XA, XB);
        return XA;
    }
}

/* Sets the saturation flag (c4, c5) unless every byte of xeq is 0xff (only the low 8 bytes
 * when !full). */
static void set_qc_unless_equal(VecGen *v, int xeq, bool full)
{
    CodeBuf *cb = v->cb;
    if (v->gpr < 0)
        v->gpr = x86_ra_alloc(v->g, X86_ALLOCATABLE);
    x86_pmovmskb(cb, v->gpr, xeq);
    if (!full)
        x86_alu_ri(cb, X86_AND, false, v->gpr, 0xff);
    x86_alu_ri(cb, X86_CMP, false, v->gpr, full ? 0xffff : 0xff);
    uint8_t *skip = x86_jcc8(cb, X86_CC_E);
    x86_alu_mi(cb, X86_OR, false, X86_REG_CPU, (int32_t)v->c[4], (int32_t)v->c[5]);
    x86_patch8(skip, cb->ptr);
}

/* Saturating add/sub of bytes or words; QC when the result differs from the wrapped one. */
static int gen_saturating(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    bool add = v->op == IR_VEC_SQADD || v->op == IR_VEC_UQADD;
    bool s = v->op == IR_VEC_SQADD || v->op == IR_VEC_SQSUB;
    mov(v, X3, XA);
    x86_vop(cb, (add ? x86_vec_padd : x86_vec_psub)[esz], X3, XB);
    x86_vop(
        cb,
        (add ? (s ? x86_vec_padds : x86_vec_paddus) : (s ? x86_vec_psubs : x86_vec_psubus))[esz],
        XA, XB);
    x86_vop(cb, X86_OPC_PCMPEQB, X3, XA);
    set_qc_unless_equal(v, X3, v->q);
    return XA;
}

static void pair_table(int esz, int q, bool odd, uint8_t *tbl)
{
    int e = 1 << esz, n = (8 << q) / e; /* elements per source */
    memset(tbl, 0xff, 16);
    for (int i = 0; i < n; i++) {
        int c = 2 * i + odd; /* element of the concatenation */
        int src = q ? (c < n ? c * e : 16 + (c - n) * e) : c * e;
        for (int k = 0; k < e; k++)
            tbl[i * e + k] = (uint8_t)(src + k);
    }
}

static int gen_pairwise(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    if (esz == 3) {
        mov(v, X3, XA);
        x86_vop(cb, X86_OPC_PUNPCKLQDQ, X3, XB);
        x86_vop(cb, X86_OPC_PUNPCKHQDQ, XA, XB);
        x86_vop(cb, x86_vec_padd[3], XA, X3);
        return XA;
    }
    uint8_t even[16], odd[16];
    if (!v->q) /* the used halves side by side in one register */
        x86_vop(cb, X86_OPC_PUNPCKLQDQ, XA, XB);
    pair_table(esz, v->q, false, even);
    pair_table(esz, v->q, true, odd);
    bool same = !v->q || same_sources(v);
    mov(v, X5, XA);
    mov(v, X6, XB);
    vperm(v, XA, XB, even, same);
    vperm(v, X5, X6, odd, same);
    x86_vop(cb, v->op == IR_VEC_ADDP ? x86_vec_padd[esz] : minmax_opc(v->op, esz), XA, X5);
    return XA;
}

static int gen_unary(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    switch (v->op) {
    case IR_VEC_NOT:
        vnot(v, XA);
        return XA;
    case IR_VEC_NEG:
        x86_vop(cb, X86_OPC_PXOR, X4, X4);
        x86_vop(cb, x86_vec_psub[esz], X4, XA);
        return X4;
    case IR_VEC_ABS:
        if (esz < 3) {
            x86_vop(cb, x86_vec_pabs[esz], XA, XA);
            return XA;
        }
        mov(v, X3, XA); /* sign of each quadword in both of its dwords */
        x86_vshift(cb, x86_vec_shgrp[2], X86_VSH_SRA, X3, 31);
        x86_vop_i(cb, X86_OPC_PSHUFD, X3, X3, 0xf5);
        x86_vop(cb, X86_OPC_PXOR, XA, X3);
        x86_vop(cb, x86_vec_psub[3], XA, X3);
        return XA;
    default: /* CNT: nibble lookups */
        mov(v, X4, XA);
        x86_vshift(cb, x86_vec_shgrp[1], X86_VSH_SRL, X4, 4);
        vopc_splat(v, X86_OPC_PAND, XA, 0x0f, 0);
        vopc_splat(v, X86_OPC_PAND, X4, 0x0f, 0);
        vconst(v, X5, 0x0302020102010100ull, 0x0403030203020201ull);
        mov(v, X6, X5);
        x86_vop(cb, X86_OPC_PSHUFB, X5, XA);
        x86_vop(cb, X86_OPC_PSHUFB, X6, X4);
        x86_vop(cb, x86_vec_padd[0], X5, X6);
        return X5;
    }
}

static int gen_shift(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz, bits = 8 << esz;
    unsigned sh = v->imm;
    bool left = v->op == IR_VEC_SHL;
    bool sgn = v->op == IR_VEC_SSHR || v->op == IR_VEC_SSRA;
    if (sgn && sh >= (unsigned)bits)
        sh = bits - 1;
    uint64_t ones = bits == 64 ? ~0ull : (1ull << bits) - 1;
    if (!sgn && !left && sh >= (unsigned)bits) {
        x86_vop(cb, X86_OPC_PXOR, XA, XA);
    } else if (sgn && esz != 0 && esz != 3) {
        x86_vshift(cb, x86_vec_shgrp[esz], X86_VSH_SRA, XA, (uint8_t)sh);
    } else {
        x86_vshift(cb, x86_vec_shgrp[esz ? esz : 1], left ? X86_VSH_SLL : X86_VSH_SRL, XA,
                   (uint8_t)sh);
        if (esz == 0)
            vopc_splat(v, X86_OPC_PAND, XA, left ? (ones << sh) & ones : ones >> sh, 0);
        if (sgn) { /* sign-extend from bit bits-1-sh: (x ^ m) - m */
            vopc_splat(v, X86_OPC_PXOR, XA, 1ull << (bits - 1 - sh), esz);
            vopc_splat(v, x86_vec_psub[esz], XA, 1ull << (bits - 1 - sh), esz);
        }
    }
    if (v->op == IR_VEC_USRA || v->op == IR_VEC_SSRA) {
        x86_vop(cb, x86_vec_padd[esz], XD, XA);
        return XD;
    }
    return XA;
}

static int gen_widening(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz, w = esz + 1;
    bool sg = v->c[3] & IR_VEC_SIGNED, up = v->q;
    switch (v->op) {
    case IR_VEC_XTL:
        vextend(v, XA, esz, up, sg);
        if (v->imm)
            x86_vshift(cb, x86_vec_shgrp[w], X86_VSH_SLL, XA, (uint8_t)v->imm);
        return XA;
    case IR_VEC_ADDL:
    case IR_VEC_SUBL:
        vextend(v, XA, esz, up, sg);
        /* fall through */
    case IR_VEC_ADDW:
    case IR_VEC_SUBW:
        vextend(v, XB, esz, up, sg);
        x86_vop(cb, (v->op == IR_VEC_ADDL || v->op == IR_VEC_ADDW ? x86_vec_padd : x86_vec_psub)[w],
                XA, XB);
        return XA;
    case IR_VEC_ABDL:
    case IR_VEC_ABAL:
        vabd(v, esz, sg);
        vextend(v, XA, esz, up, false);
        if (v->op == IR_VEC_ABDL)
            return XA;
        x86_vop(cb, x86_vec_padd[w], XD, XA);
        return XD;
    default:
        break;
    }
    int r = XA;
    if (esz == 1) { /* low and high halves of the 32-bit products, interleaved */
        mov(v, X3, XA);
        x86_vop(cb, X86_OPC_PMULLW, X3, XB);
        x86_vop(cb, sg ? X86_OPC_PMULHW : X86_OPC_PMULHUW, XA, XB);
        x86_vop(cb, up ? x86_vec_punpckh[1] : x86_vec_punpckl[1], X3, XA);
        r = X3;
    } else {
        /* bytes: exact 16-bit products; dwords: pmul(u)dq reads the low dword of each lane */
        vextend(v, XA, esz, up, sg && esz == 0);
        vextend(v, XB, esz, up, sg && esz == 0);
        x86_vop(cb, esz == 0 ? X86_OPC_PMULLW : sg ? X86_OPC_PMULDQ : X86_OPC_PMULUDQ, XA, XB);
    }
    if (v->op == IR_VEC_MULL)
        return r;
    x86_vop(cb, (v->op == IR_VEC_MLAL ? x86_vec_padd : x86_vec_psub)[w], XD, r);
    return XD;
}

static int gen_across(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz, bytes = 8 << v->q;
    unsigned opc;
    if (v->op == IR_VEC_ADDLV) {
        if (!v->q)
            x86_vop(cb, X86_OPC_MOVQ_XX, XA, XA);
        mov(v, X4, XA);
        vextend(v, X4, esz, false, v->c[3] & IR_VEC_SIGNED);
        vextend(v, XA, esz, true, v->c[3] & IR_VEC_SIGNED);
        esz++;
        bytes = 16;
        opc = x86_vec_padd[esz];
        x86_vop(cb, opc, XA, X4);
    } else {
        opc = v->op == IR_VEC_ADDV ? x86_vec_padd[esz] : minmax_opc(v->op, esz);
    }
    for (int w = bytes / 2; w >= 1 << esz; w /= 2) {
        mov(v, X3, XA);
        x86_vsrldq(cb, X3, (uint8_t)w);
        x86_vop(cb, opc, XA, X3);
    }
    vopc(v, X86_OPC_PAND, XA, esz == 3 ? ~0ull : (1ull << (8 << esz)) - 1, 0);
    return XA;
}

static int gen_tbl(VecGen *v)
{
    CodeBuf *cb = v->cb;
    unsigned len = v->imm;
    x86_vop(cb, X86_OPC_PXOR, X5, X5);
    for (unsigned k = 0; k < len; k++) {
        mov(v, X3, XB);
        if (k)
            vopc_splat(v, x86_vec_psub[0], X3, 16 * k, 0);
        /* indices outside this register (wrapped below zero, or >= 16) get bit 7 */
        vopc_splat(v, X86_OPC_PADDUSB, X3, 0x70, 0);
        x86_vload(cb, X6, X86_REG_CPU, (int32_t)((v->c[4] >> (16 * k)) & 0xffff));
        x86_vop(cb, X86_OPC_PSHUFB, X6, X3);
        x86_vop(cb, X86_OPC_POR, X5, X6);
    }
    if (v->op == IR_VEC_TBX) { /* keep d where index >= 16 * len */
        vconst(v, X3, rep64(16 * len, 0), rep64(16 * len, 0));
        x86_vop(cb, X86_OPC_PMAXUB, X3, XB);
        x86_vop(cb, X86_OPC_PCMPEQB, X3, XB);
        x86_vop(cb, X86_OPC_PAND, X3, XD);
        x86_vop(cb, X86_OPC_POR, X5, X3);
    }
    return X5;
}

static int gen_perm(VecGen *v)
{
    uint8_t tbl[16];
    for (int i = 0; i < 16; i++)
        tbl[i] = (uint8_t)(v->c[4 + i / 8] >> (8 * (i % 8)));
    vperm(v, XA, XB, tbl, same_sources(v));
    return XA;
}

static int gen_shl_reg(VecGen *v);

/* The narrowed low half in XA placed as SHRN places it (q: above d's low half). */
static int place_narrow(VecGen *v)
{
    if (v->q) {
        x86_vop(v->cb, X86_OPC_PUNPCKLQDQ, XD, XA);
        return XD;
    }
    x86_vop(v->cb, X86_OPC_MOVQ_XX, XA, XA);
    return XA;
}

/* SQXTN, UQXTN, SQXTUN: packs; QC when extending the result back changes a lane. */
static int gen_qxtn(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    mov(v, X5, XA);
    switch (v->op) {
    case IR_VEC_SQXTN:
        x86_vop(cb, esz ? X86_OPC_PACKSSDW : X86_OPC_PACKSSWB, XA, XA);
        break;
    case IR_VEC_SQXTUN:
        x86_vop(cb, esz ? X86_OPC_PACKUSDW : X86_OPC_PACKUSWB, XA, XA);
        break;
    default: /* UQXTN: unsigned min with the narrow maximum, then an exact pack */
        if (esz) {
            vopc_splat(v, x86_vec_pminu[2], XA, 0xffff, 2);
            x86_vop(cb, X86_OPC_PACKUSDW, XA, XA);
        } else {
            mov(v, X3, XA);
            vopc_splat(v, x86_vec_psubus[1], X3, 0xff, 1);
            x86_vop(cb, x86_vec_psub[1], XA, X3);
            x86_vop(cb, X86_OPC_PACKUSWB, XA, XA);
        }
        break;
    }
    mov(v, X4, XA);
    vextend(v, X4, esz, false, v->op == IR_VEC_SQXTN);
    x86_vop(cb, x86_vec_pcmpeq[esz + 1], X4, X5);
    set_qc_unless_equal(v, X4, true);
    return place_narrow(v);
}

/* SADDLP, UADDLP, SADALP, UADALP: even and odd elements extended in the wide lanes. */
static int gen_addlp(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz, w = esz + 1, bits = 8 << esz;
    bool sg = v->c[3] & IR_VEC_SIGNED;
    unsigned grp = x86_vec_shgrp[w];
    mov(v, X3, XA);
    if (!sg) {
        vopc_splat(v, X86_OPC_PAND, X3, (1ull << bits) - 1, w);
        x86_vshift(cb, grp, X86_VSH_SRL, XA, (uint8_t)bits);
    } else if (w < 3) {
        x86_vshift(cb, grp, X86_VSH_SLL, X3, (uint8_t)bits);
        x86_vshift(cb, grp, X86_VSH_SRA, X3, (uint8_t)bits);
        x86_vshift(cb, grp, X86_VSH_SRA, XA, (uint8_t)bits);
    } else { /* 32-bit halves of quadwords: logical shifts, then (x ^ m) - m */
        x86_vshift(cb, grp, X86_VSH_SLL, X3, 32);
        x86_vshift(cb, grp, X86_VSH_SRL, X3, 32);
        x86_vshift(cb, grp, X86_VSH_SRL, XA, 32);
        vopc_splat(v, X86_OPC_PXOR, X3, 1ull << 31, 3);
        vopc_splat(v, x86_vec_psub[3], X3, 1ull << 31, 3);
        vopc_splat(v, X86_OPC_PXOR, XA, 1ull << 31, 3);
        vopc_splat(v, x86_vec_psub[3], XA, 1ull << 31, 3);
    }
    x86_vop(cb, x86_vec_padd[w], XA, X3);
    if (v->op == IR_VEC_ADALP) {
        x86_vop(cb, x86_vec_padd[w], XD, XA);
        return XD;
    }
    return XA;
}

/* SHRN: shift the wide lanes, pick their low halves into the low (or high) 8 bytes. */
static int gen_shrn(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz, e = 1 << esz;
    uint64_t t[2] = {~0ull, ~0ull}; /* 0xff: pshufb gives zero */
    x86_vshift(cb, x86_vec_shgrp[esz + 1], X86_VSH_SRL, XA, (uint8_t)v->imm);
    for (int j = 0; j < 8; j++) {
        uint64_t src = (uint64_t)((j / e) * 2 * e + j % e);
        int at = v->q ? 8 + j : j;
        t[at / 8] &= ~(0xffull << (8 * (at % 8)));
        t[at / 8] |= src << (8 * (at % 8));
    }
    vopc(v, X86_OPC_PSHUFB, XA, t[0], t[1]);
    if (v->q) {
        x86_vop(cb, X86_OPC_MOVQ_XX, XD, XD);
        x86_vop(cb, X86_OPC_POR, XA, XD);
    }
    return XA;
}

static int gen_select(VecGen *v)
{
    IrVecOp op = v->op;
    if (op == IR_VEC_USHL || op == IR_VEC_SSHL)
        return gen_shl_reg(v);
    if (op == IR_VEC_SHRN)
        return gen_shrn(v);
    if (op >= IR_VEC_SQXTN && op <= IR_VEC_SQXTUN)
        return gen_qxtn(v);
    if (op == IR_VEC_ADDLP || op == IR_VEC_ADALP)
        return gen_addlp(v);
    if (op == IR_VEC_URHADD || (op >= IR_VEC_UHADD && op <= IR_VEC_SRHADD))
        return gen_hadd(v);
    if (op == IR_VEC_UABA || op == IR_VEC_SABA)
        return gen_minmax(v);
    if (op <= IR_VEC_BIF)
        return gen_logic_arith(v);
    if (op <= IR_VEC_CMTST)
        return gen_compare(v);
    if (op <= IR_VEC_URHADD)
        return gen_minmax(v);
    if (op <= IR_VEC_UQSUB)
        return gen_saturating(v);
    if (op <= IR_VEC_UMINP)
        return gen_pairwise(v);
    if (op <= IR_VEC_CNT)
        return gen_unary(v);
    if (op <= IR_VEC_SSRA)
        return gen_shift(v);
    if (op <= IR_VEC_MLSL)
        return gen_widening(v);
    if (op <= IR_VEC_ADDLV)
        return gen_across(v);
    if (op == IR_VEC_PERM)
        return gen_perm(v);
    return gen_tbl(v);
}

/* Lanewise, pairwise, PERM and TBL results are 64 bits wide when q == 0. */
static bool zero_upper(IrVecOp op, int q)
{
    return !q && (op <= IR_VEC_SSRA || op == IR_VEC_PERM || op == IR_VEC_TBL || op == IR_VEC_TBX ||
                  op == IR_VEC_ADDLP || op == IR_VEC_ADALP);
}

static bool reads_b(IrVecOp op)
{
    return !(op >= IR_VEC_NOT && op <= IR_VEC_SSRA) && op != IR_VEC_XTL && op < IR_VEC_SHRN &&
           !(op >= IR_VEC_ADDV && op <= IR_VEC_ADDLV);
}

/* Calls ir_vec_helper for the op (the caller has saved what it needs). */
static void call_helper(CodeBuf *cb, const uint64_t *c)
{
    static const int8_t args[4] = {X86_RSI, X86_RDX, X86_RCX, X86_R8};
    uint64_t vals[4] = {c[0] | c[1] << 20 | c[2] << 40, c[3], c[4], c[5]};
    for (int i = 0; i < 4; i++)
        x86_movi(cb, true, args[i], vals[i]);
    x86_mov_rr(cb, true, X86_RDI, X86_REG_CPU);
    x86_call_abs(cb, (const void *)ir_vec_helper, X86_RAX);
}

static void gen_fallback(X86Gen *g, const uint64_t *c)
{
    for (int r = 0; r < 16; r++)
        if ((X86_CALLER_SAVED >> r) & 1)
            x86_ra_evict(g, r, X86_ALLOCATABLE & ~X86_CALLER_SAVED);
    call_helper(g->cb, c);
}

/* A call on a rarely taken path that keeps every general register: the caller-saved ones
 * are pushed around it (9 pushes + 8 bytes keep rsp 16-byte aligned). */
static void call_helper_preserving(CodeBuf *cb, const uint64_t *c)
{
    static const int8_t saved[9] = {X86_RAX, X86_RCX, X86_RDX, X86_RSI, X86_RDI,
                                    X86_R8,  X86_R9,  X86_R10, X86_R11};
    for (int i = 0; i < 9; i++)
        x86_push(cb, saved[i]);
    x86_alu_ri(cb, X86_SUB, true, X86_RSP, 8);
    call_helper(cb, c);
    x86_alu_ri(cb, X86_ADD, true, X86_RSP, 8);
    for (int i = 9; i-- > 0;)
        x86_pop(cb, saved[i]);
}

/* XA shifted by the count in X5: left, or right (logical / arithmetic, count <= 63 for
 * arithmetic 64-bit lanes); bytes go through words. */
static void shift_by_x5(VecGen *v, bool left, bool arith)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    if (esz == 0) {
        mov(v, X4, XA);
        vextend(v, XA, 0, false, arith);
        vextend(v, X4, 0, true, arith);
        unsigned opc = left ? x86_vec_psll_x[1] : arith ? x86_vec_psra_x[1] : x86_vec_psrl_x[1];
        x86_vop(cb, opc, XA, X5);
        x86_vop(cb, opc, X4, X5);
        vopc_splat(v, X86_OPC_PAND, XA, 0xff, 1);
        vopc_splat(v, X86_OPC_PAND, X4, 0xff, 1);
        x86_vop(cb, X86_OPC_PACKUSWB, XA, X4);
    } else if (left || !arith || esz < 3) {
        x86_vop(cb, (left ? x86_vec_psll_x : arith ? x86_vec_psra_x : x86_vec_psrl_x)[esz], XA, X5);
    } else { /* 64-bit arithmetic: logical shift, then sign-extend with (x ^ m) - m */
        x86_vop(cb, x86_vec_psrl_x[3], XA, X5);
        vconst(v, X6, 1ull << 63, 1ull << 63);
        x86_vop(cb, x86_vec_psrl_x[3], X6, X5);
        x86_vop(cb, X86_OPC_PXOR, XA, X6);
        x86_vop(cb, x86_vec_psub[3], XA, X6);
    }
}

/*
 * USHL/SSHL by register.  Compiled code shifts every lane by the same count
 * (a DUP'd variable); when the count bytes of all lanes are equal, one SSE
 * shift by that count does it.  Otherwise the helper runs, on an
 * out-of-line path that preserves every register.  Stores the result itself.
 */
static int gen_shl_reg(VecGen *v)
{
    CodeBuf *cb = v->cb;
    int esz = v->esz;
    bool arith = v->op == IR_VEC_SSHL;
    uint64_t low = rep64(0xff, esz); /* the count byte of each lane */
    if (v->gpr < 0)
        v->gpr = x86_ra_alloc(v->g, X86_ALLOCATABLE);
    int r = v->gpr;
    mov(v, X3, XB);
    mov(v, X4, XB);
    vopc(v, X86_OPC_PSHUFB, X4, 0, 0); /* byte 0 everywhere */
    vopc(v, X86_OPC_PAND, X3, low, low);
    vopc(v, X86_OPC_PAND, X4, low, low);
    x86_vop(cb, X86_OPC_PCMPEQB, X3, X4);
    x86_pmovmskb(cb, r, X3);
    x86_alu_ri(cb, X86_CMP, false, r, 0xffff);
    uint8_t *slow = x86_jcc32(cb, X86_CC_NE);
    x86_movq_r_x(cb, r, XB);
    x86_op_rr(cb, X86_OPC_MOVSBL | X86_P_W, r, r);
    x86_test_rr(cb, true, r, r);
    uint8_t *right = x86_jcc32(cb, X86_CC_S);
    x86_movq_x_r(cb, X5, r);
    shift_by_x5(v, true, false);
    uint8_t *store = x86_jmp32(cb);
    x86_patch32(right, cb->ptr);
    x86_op_rr(cb, X86_OPC_GRP3 | X86_P_W, 3, r); /* neg: 1..128 */
    if (arith && esz == 3) {
        x86_alu_ri(cb, X86_CMP, true, r, 63);
        uint8_t *ok = x86_jcc8(cb, X86_CC_BE);
        x86_movi(cb, false, r, 63);
        x86_patch8(ok, cb->ptr);
    }
    x86_movq_x_r(cb, X5, r);
    shift_by_x5(v, false, arith);
    x86_patch32(store, cb->ptr);
    if (!v->q)
        x86_vop(cb, X86_OPC_MOVQ_XX, XA, XA);
    x86_vstore(cb, XA, X86_REG_CPU, (int32_t)v->c[0]);
    uint8_t *done = x86_jmp32(cb);
    x86_patch32(slow, cb->ptr);
    call_helper_preserving(cb, v->c);
    x86_patch32(done, cb->ptr);
    return -1;
}

/* Keeps cached globals coherent with the CPU-state bytes the op touches. */
static void env_accesses(X86Gen *g, const uint64_t *c)
{
    IrVecOp op = ir_vec_op(c[3]);
    x86_ra_env_access(g, (int32_t)c[1], 16, false);
    x86_ra_env_access(g, (int32_t)c[2], 16, false);
    x86_ra_env_access(g, (int32_t)c[0], 16, true);
    if (ir_vec_saturates(op))
        x86_ra_env_access(g, (int32_t)c[4], 4, true);
    if (op == IR_VEC_TBL || op == IR_VEC_TBX)
        for (unsigned k = 0; k < ir_vec_imm(c[3]); k++)
            x86_ra_env_access(g, (int32_t)((c[4] >> (16 * k)) & 0xffff), 16, false);
}

void x86_gen_vec(X86Gen *g, const IrOp *op)
{
    const uint64_t *c = &op->args[op->nout + op->nin];
    uint64_t desc = c[3];
    VecGen v = {.g = g,
                .cb = g->cb,
                .f = g->feat,
                .c = c,
                .op = ir_vec_op(desc),
                .esz = ir_vec_esz(desc),
                .q = ir_vec_q(desc),
                .imm = ir_vec_imm(desc),
                .gpr = -1};
    env_accesses(g, c);
    if (!supported(&v)) {
        gen_fallback(g, c);
        return;
    }
    CodeBuf *cb = g->cb;
    if (desc & IR_VEC_ZA)
        x86_vop(cb, X86_OPC_PXOR, XA, XA);
    else
        x86_vload(cb, XA, X86_REG_CPU, (int32_t)c[1]);
    if (desc & IR_VEC_ZB)
        x86_vop(cb, X86_OPC_PXOR, XB, XB);
    else if (reads_b(v.op))
        x86_vload(cb, XB, X86_REG_CPU, (int32_t)c[2]);
    if (desc & IR_VEC_BELEM) { /* broadcast element imm of b */
        uint64_t t[2] = {0, 0};
        int e = 1 << v.esz;
        for (int j = 0; j < 16; j++)
            t[j / 8] |= (uint64_t)(v.imm * e + j % e) << (8 * (j % 8));
        vopc(&v, X86_OPC_PSHUFB, XB, t[0], t[1]);
    }
    if (ir_vec_reads_d(v.op))
        x86_vload(cb, XD, X86_REG_CPU, (int32_t)c[0]);
    int r = gen_select(&v);
    if (r < 0) /* stored already */
        return;
    if (zero_upper(v.op, v.q))
        x86_vop(cb, X86_OPC_MOVQ_XX, r, r);
    x86_vstore(cb, r, X86_REG_CPU, (int32_t)c[0]);
}
