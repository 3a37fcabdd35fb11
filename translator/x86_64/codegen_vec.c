/*
 * Instruction selection for the integer vector op `vec` (translator/ir_vec.h)
 * on SSE2, with SSSE3 (pshufb, pabs), SSE4.1 (32-bit multiplies, byte/dword
 * min/max, pcmpeqq) and SSE4.2 (pcmpgtq) where the host has them.
 *
 * Sources are loaded into xmm0 (a), xmm1 (b) and xmm2 (old destination) from
 * the vector-register cache (vcache.c) or the CPU state, computed in xmm
 * registers, and the result goes into the cache.  Without AVX (no cache) it
 * is stored back with one movdqu and only stays in its xmm register for a
 * next vec op that follows with nothing but insn_start between.  Constants (masks,
 * shuffle tables) are used as RIP-relative memory operands from a pool of
 * interned 16-byte values, or built through a scratch general register when
 * the pool is full or out of reach.  An operation or element size with
 * no sequence here, or whose instructions the host lacks, becomes a call to
 * ir_vec_helper, the C definition shared with the interpreter.  This file
 * is the driver (host feature checks, constants, fallback calls); the
 * operation classes are in codegen_vec_lane.c and codegen_vec_move.c.
 */
#include "translator/x86_64/codegen_vec.h"

void x86_vg_mov(VecGen *v, int xd, int xs)
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
void x86_vg_const(VecGen *v, int x, uint64_t lo, uint64_t hi)
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
void x86_vg_opc(VecGen *v, unsigned opc, int x, uint64_t lo, uint64_t hi)
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

/* x = x op (lane in every element of esz). */
void x86_vg_opc_splat(VecGen *v, unsigned opc, int x, uint64_t lane, int esz)
{
    uint64_t r = x86_vg_rep64(lane, esz);
    x86_vg_opc(v, opc, x, r, r);
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
    /* shifts by register store their result themselves, unmasked */
    if ((v->c[3] & IR_VEC_SCALAR) &&
        (v->op == IR_VEC_USHL || v->op == IR_VEC_SSHL || v->op == IR_VEC_URSHL ||
         v->op == IR_VEC_SRSHL || (v->op >= IR_VEC_SQSHLR && v->op <= IR_VEC_UQRSHLR)))
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
    case IR_VEC_SQSUB:
        return true;
    case IR_VEC_SQDMULH:
        return esz == 1 || (esz == 2 && f->sse41);
    case IR_VEC_SQRDMULH:
        return (esz == 1 && f->ssse3) || (esz == 2 && f->sse41);
    case IR_VEC_UQADD:
    case IR_VEC_UQSUB:
        return esz < 3 || f->sse42;
    case IR_VEC_SQXTN:
        return esz < 2 || f->sse42;
    case IR_VEC_UQXTN:
    case IR_VEC_SQXTUN:
        return esz == 0 || (esz == 1 && f->sse41) || (esz == 2 && f->sse42);
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
        return true;
    case IR_VEC_ADDLV:
        return esz < 3;
    default:
        return v->op < IR_VEC_SLI || x86_vg_ext_supported(v);
    }
}

static int gen_select(VecGen *v)
{
    IrVecOp op = v->op;
    if (op >= IR_VEC_SLI)
        return x86_vg_ext(v);
    if (op == IR_VEC_USHL || op == IR_VEC_SSHL)
        return x86_vg_shl_reg(v);
    if (op == IR_VEC_SHRN)
        return x86_vg_shrn(v);
    if (op >= IR_VEC_SQXTN && op <= IR_VEC_SQXTUN)
        return x86_vg_qxtn(v);
    if (op == IR_VEC_ADDLP || op == IR_VEC_ADALP)
        return x86_vg_addlp(v);
    if (op == IR_VEC_URHADD || (op >= IR_VEC_UHADD && op <= IR_VEC_SRHADD))
        return x86_vg_hadd(v);
    if (op == IR_VEC_UABA || op == IR_VEC_SABA)
        return x86_vg_minmax(v);
    if (op <= IR_VEC_BIF)
        return x86_vg_logic_arith(v);
    if (op <= IR_VEC_CMTST)
        return x86_vg_compare(v);
    if (op <= IR_VEC_URHADD)
        return x86_vg_minmax(v);
    if (op == IR_VEC_SQDMULH || op == IR_VEC_SQRDMULH)
        return x86_vg_qdmulh(v);
    if (op <= IR_VEC_UQSUB)
        return x86_vg_saturating(v);
    if (op <= IR_VEC_UMINP)
        return x86_vg_pairwise(v);
    if (op <= IR_VEC_CNT)
        return x86_vg_unary(v);
    if (op <= IR_VEC_SRSRA)
        return x86_vg_shift(v);
    if (op <= IR_VEC_MLSL)
        return x86_vg_widening(v);
    if (op <= IR_VEC_ADDLV)
        return x86_vg_across(v);
    if (op == IR_VEC_PERM)
        return x86_vg_permute(v);
    return x86_vg_tbl(v);
}

/* Lanewise, pairwise, PERM and TBL results are 64 bits wide when q == 0. */
static bool zero_upper(IrVecOp op, int q)
{
    return !q && (op <= IR_VEC_SRSRA || op == IR_VEC_PERM || op == IR_VEC_TBL || op == IR_VEC_TBX ||
                  op == IR_VEC_ADDLP || op == IR_VEC_ADALP || ir_vec_lanewise_ext(op));
}

static bool reads_b(IrVecOp op)
{
    if (op >= IR_VEC_SLI)
        return (op >= IR_VEC_UHSUB && op <= IR_VEC_PMUL) ||
               (op >= IR_VEC_ADDHN && op <= IR_VEC_UDOT);
    return !(op >= IR_VEC_NOT && op <= IR_VEC_SRSRA) && op != IR_VEC_XTL && op < IR_VEC_SHRN &&
           !(op >= IR_VEC_ADDV && op <= IR_VEC_ADDLV);
}

static uint64_t element0_mask(int esz)
{
    return esz >= 3 ? ~0ull : (1ull << (8 << esz)) - 1;
}

/* Calls ir_vec_helper for the op (the caller has saved what it needs). */
void x86_vg_call_helper(CodeBuf *cb, const uint64_t *c)
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
    x86_vg_call_helper(g->cb, c);
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

/*
 * With the vector-register cache (AVX hosts): xmm8 and xmm9 are scratch here, so their
 * entries are written back and emptied; sources come from the cache when it holds them,
 * the result goes into it (or, for selections that store it themselves, to the CPU state).
 * The destination's entry is dropped unwritten: every operation writes all 16 bytes.
 */
static void vc_sources(X86Gen *g, const uint64_t *c, const int32_t *off)
{
    IrVecOp op = ir_vec_op(c[3]);
    for (int i = 0; i < 3; i++)
        if (off[i] >= 0)
            x86_ra_env_access_gprs(g, off[i], 16, false);
    x86_ra_env_access_gprs(g, (int32_t)c[0], 16, true);
    if (ir_vec_saturates(op))
        x86_ra_env_access(g, (int32_t)c[4], 4, true);
    if (op == IR_VEC_TBL || op == IR_VEC_TBX)
        for (unsigned k = 0; k < ir_vec_imm(c[3]); k++)
            x86_ra_env_access(g, (int32_t)((c[4] >> (16 * k)) & 0xffff), 16, false);
    x86_vc_evict(g, 0);
    x86_vc_evict(g, 1);
    for (int i = 0; i < 3; i++) {
        if (off[i] < 0)
            continue;
        int x = x86_vc_peek(g, off[i]);
        if (x >= 0)
            x86_vop(g->cb, X86_OPC_MOVDQA, i, x);
        else
            x86_vload(g->cb, i, X86_REG_CPU, off[i]);
    }
    x86_vc_forget(g, (int32_t)c[0]);
}

/* The xmm register holding the previous vec op's result when nothing but insn_start ops
 * came between (see X86Gen.vec_op), else -1. */
static int cached_result(const X86Gen *g)
{
    if (!g->vec_op)
        return -1;
    for (uint32_t i = g->vec_op; i < g->op_index; i++)
        if (g->ctx->ops[i].opc != IR_OP_insn_start)
            return -1;
    return g->vec_xmm;
}

/* x = the 16 bytes at CPU-state offset off, from the cached result when it is those. */
static void load_source(VecGen *v, int x, int32_t off, int cached)
{
    if (cached >= 0 && off == v->g->vec_off) {
        if (x != cached)
            x86_vg_mov(v, x, cached);
    } else {
        x86_vload(v->cb, x, X86_REG_CPU, off);
    }
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
    int cached = cached_result(g);
    g->vec_op = 0;
    bool vc = g->feat->avx; /* through the vector-register cache */
    if (!supported(&v)) {
        env_accesses(g, c);
        x86_vc_call(g);
        gen_fallback(g, c);
        return;
    }
    CodeBuf *cb = g->cb;
    /* sources in XA, XB, XD (-1: none); the cached result serves those at its offset */
    int32_t off[3] = {(desc & IR_VEC_ZA) ? -1 : (int32_t)c[1],
                      (desc & IR_VEC_ZB) || !reads_b(v.op) ? -1 : (int32_t)c[2],
                      ir_vec_reads_d(v.op) ? (int32_t)c[0] : -1};
    if (vc) {
        vc_sources(g, c, off);
        cached = -1;
    } else {
        env_accesses(g, c);
    }
    bool used = false, clobbered = false;
    for (int i = 0; i < 3; i++) {
        used |= off[i] >= 0 && off[i] == g->vec_off;
        clobbered |= i == cached && off[i] >= 0 && off[i] != g->vec_off;
    }
    if (!used)
        cached = -1;
    else if (clobbered) { /* keep it while the sources are loaded */
        x86_vg_mov(&v, X9, cached);
        cached = X9;
    }
    for (int i = 0; i < 3; i++)
        if (off[i] >= 0 && !vc)
            load_source(&v, i, off[i], cached);
    if (desc & IR_VEC_ZA)
        x86_vop(cb, X86_OPC_PXOR, XA, XA);
    if (desc & IR_VEC_ZB)
        x86_vop(cb, X86_OPC_PXOR, XB, XB);
    if (desc & IR_VEC_BELEM) { /* broadcast element imm of b */
        uint64_t t[2] = {0, 0};
        int e = 1 << v.esz;
        for (int j = 0; j < 16; j++)
            t[j / 8] |= (uint64_t)(v.imm * e + j % e) << (8 * (j % 8));
        x86_vg_opc(&v, X86_OPC_PSHUFB, XB, t[0], t[1]);
    }
    int in_esz, d_esz, out_esz = ir_vec_sizes(v.op, v.esz, &in_esz, &d_esz);
    if (desc & IR_VEC_SCALAR) /* other elements 0: they cannot saturate */
        for (int i = 0; i < 3; i++)
            if (off[i] >= 0)
                x86_vg_opc(&v, X86_OPC_PAND, i, element0_mask(i == XD ? d_esz : in_esz), 0);
    int r = gen_select(&v);
    if (r < 0) /* stored already */
        return;
    if (desc & IR_VEC_SCALAR)
        x86_vg_opc(&v, X86_OPC_PAND, r, element0_mask(out_esz), 0);
    if (zero_upper(v.op, v.q))
        x86_vop(cb, X86_OPC_MOVQ_XX, r, r);
    if (vc) {
        x86_vop(cb, X86_OPC_MOVDQA, x86_vc_def(g, (int32_t)c[0], false), r);
        return;
    }
    x86_vstore(cb, r, X86_REG_CPU, (int32_t)c[0]);
    g->vec_op = g->op_index + 1;
    g->vec_off = (int32_t)c[0];
    g->vec_xmm = (int8_t)r;
}
