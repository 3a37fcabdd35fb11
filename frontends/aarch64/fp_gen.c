/*
 * AArch64 FP instructions as fp_env / fp_int ops (translator/ir_fp.h).
 *
 * Each op names the V registers by CPU-state offset and carries the call the
 * instruction used to be: its exact helper and descriptor, which the
 * interpreter runs and the backend falls back to.  With FPCR.FZ set (a TB
 * flag), the instructions are translated as helper calls.
 */
#include "frontends/aarch64/fp_gen.h"

#include "translator/ir_fp.h"

/* One instruction's fp op. */
typedef struct FpInsn {
    int kind, esz, shape, by_elem, idx;
    int rd, rn, rm, ra;
} FpInsn;

/* The shape of an AdvSIMD instruction's FP operation: scalar, 64-bit or 128-bit vector. */
static int fp_vshape(const A64SimdDesc *d)
{
    return d->scalar ? IR_FP_SCALAR : d->q ? IR_FP_VEC128 : IR_FP_VEC64;
}

/* An op whose only source is Vn (the unused source fields name Vn too). */
static FpInsn fp_unary(int kind, int esz, int shape, const A64SimdDesc *d)
{
    return (FpInsn){.kind = kind,
                    .esz = esz,
                    .shape = shape,
                    .rd = d->rd,
                    .rn = d->rn,
                    .rm = d->rn,
                    .ra = d->rn};
}

static uint32_t vreg(int r)
{
    return (uint32_t)a64_vreg_offset(r);
}

static void gen_fp_env(DisasContext *s, const FpInsn *f, void *fn, const A64SimdDesc *d)
{
    ir_gen_fp_env(s->ir, ir_fp_desc(f->kind, f->esz, f->shape, f->by_elem, f->idx),
                  ir_fp_offs(vreg(f->rd), vreg(f->rn), vreg(f->rm), vreg(f->ra)), fn,
                  a64_simd_desc(d), 0);
}

/* FPCR.FZ (a TB flag) flushes inputs and results the host does not: helpers only. */
static bool fz(const DisasContext *s)
{
    return s->cpu->tb_flags & A64_TBF_FZ;
}

/* FP type field -> esz for single and double; -1 otherwise. */
static int fp_esz(int type)
{
    return type == 0 ? 2 : type == 1 ? 3 : -1;
}

bool a64_gen_fp_1src(DisasContext *s, int type, int opc, void *fn, const A64SimdDesc *d)
{
    /* opc 8.. FRINTN P M Z A - X I */
    static const int rint[8] = {IR_FP_RND_N,
                                IR_FP_RND_P,
                                IR_FP_RND_M,
                                IR_FP_RND_Z,
                                IR_FP_RND_A,
                                -1,
                                IR_FP_RND_CUR | IR_FP_RND_EXACT,
                                IR_FP_RND_CUR};
    int esz = fp_esz(type);
    FpInsn f = {.esz = esz, .rd = d->rd, .rn = d->rn, .rm = d->rn, .ra = d->rn};
    if (esz < 0 || fz(s))
        return false;
    if (opc == 3) {
        f.kind = IR_FP_SQRT;
    } else if (opc == 4 || opc == 5) { /* FCVT to S, D */
        f.kind = IR_FP_CVT;
        f.esz = opc == 4 ? 2 : 3;
    } else if (opc >= 8 && rint[opc - 8] >= 0) {
        f.kind = IR_FP_RINT;
        f.idx = rint[opc - 8];
    } else {
        return false;
    }
    gen_fp_env(s, &f, fn, d);
    return true;
}

IrTemp a64_gen_fp_to_int(DisasContext *s, int type, int sf, void *fn, const A64SimdDesc *d)
{
    static const int kinds[2][2] = {{IR_FPI_S32, IR_FPI_U32}, {IR_FPI_S64, IR_FPI_U64}};
    static const int modes[4] = {IR_FP_RND_N, IR_FP_RND_P, IR_FP_RND_M, IR_FP_RND_Z}; /* rmode */
    int esz = fp_esz(type), opc = d->opc & 7;
    if (esz < 0 || fz(s) || (opc > 1 && opc != 4 && opc != 5)) /* opc 4, 5: FCVTAS, FCVTAU */
        return IR_TEMP_NONE;
    IrTemp r = ir_new_temp(s->ir, IR_I64);
    int mode = opc >= 4 ? IR_FP_RND_A : modes[(d->opc >> 3) & 3];
    uint64_t desc = ir_fp_desc(kinds[sf][d->u], esz, IR_FP_SCALAR, 0, mode);
    ir_gen_fp_int(s->ir, r, desc, ir_fp_offs(0, vreg(d->rn), vreg(d->rn), 0), fn, a64_simd_desc(d),
                  0);
    return r;
}

bool a64_gen_fp_from_int(DisasContext *s, int type, int sf, bool u, IrTemp v, void *fn,
                         const A64SimdDesc *d)
{
    static const int kinds[2][2] = {{IR_FPF_S32, IR_FPF_U32}, {IR_FPF_S64, IR_FPF_U64}};
    int esz = fp_esz(type);
    if (esz < 0 || fz(s))
        return false;
    ir_gen_fp_from_int(s->ir, v, ir_fp_desc(kinds[sf][u], esz, IR_FP_SCALAR, 0, 0),
                       ir_fp_offs(vreg(d->rd), 0, 0, 0), fn, a64_simd_desc(d), 0);
    return true;
}

bool a64_gen_fp_2src(DisasContext *s, int type, int opc, void *fn, const A64SimdDesc *d)
{
    /* FMUL FDIV FADD FSUB FMAX FMIN FMAXNM FMINNM (NM: equal to FMAX/FMIN without NaNs),
     * FNMUL */
    static const int kinds[8] = {IR_FP_MUL, IR_FP_DIV, IR_FP_ADD, IR_FP_SUB,
                                 IR_FP_MAX, IR_FP_MIN, IR_FP_MAX, IR_FP_MIN};
    int esz = fp_esz(type);
    if (esz < 0 || opc > 8 || fz(s))
        return false;
    FpInsn f = {.kind = opc == 8 ? IR_FP_NMUL : kinds[opc],
                .esz = esz,
                .rd = d->rd,
                .rn = d->rn,
                .rm = d->rm,
                .ra = d->rn};
    gen_fp_env(s, &f, fn, d);
    return true;
}

bool a64_gen_fp_3src(DisasContext *s, int type, void *fn, const A64SimdDesc *d)
{
    static const int kinds[4] = {IR_FP_MADD, IR_FP_MSUB, IR_FP_NMADD, IR_FP_NMSUB};
    int esz = fp_esz(type);
    if (esz < 0 || fz(s))
        return false;
    FpInsn f = {
        .kind = kinds[d->opc & 3], .esz = esz, .rd = d->rd, .rn = d->rn, .rm = d->rm, .ra = d->ra};
    gen_fp_env(s, &f, fn, d);
    return true;
}

IrTemp a64_gen_fp_cmp(DisasContext *s, int type, void *fn, const A64SimdDesc *d)
{
    int esz = fp_esz(type);
    if (esz < 0 || fz(s))
        return IR_TEMP_NONE;
    IrTemp nzcv = ir_new_temp(s->ir, IR_I64);
    int kind = (d->opc & 16) ? IR_FPC_SIGNAL : IR_FPC_QUIET;
    ir_gen_fp_int(s->ir, nzcv, ir_fp_desc(kind, esz, IR_FP_SCALAR, (d->opc >> 3) & 1, 0),
                  ir_fp_offs(0, vreg(d->rn), vreg(d->rm), 0), fn, a64_simd_desc(d), 0);
    return nzcv;
}

IrTemp a64_gen_fp_ccmp(DisasContext *s, int type, int cond, void *fn, const A64SimdDesc *d)
{
    if (fp_esz(type) < 0 || fz(s))
        return IR_TEMP_NONE;
    IrContext *ir = s->ir;
    IrTemp nzcv = ir_new_local(ir, IR_I64);
    uint32_t done = ir_new_label(ir);
    ir_gen_movi(ir, IR_I64, nzcv, (uint64_t)d->imm);
    ir_gen_brcond(ir, IR_I64, IR_COND_EQ, a64_gen_cond_value(s, cond), ir_const_i64(ir, 0), done);
    ir_gen_mov(ir, IR_I64, nzcv, a64_gen_fp_cmp(s, type, fn, d));
    ir_gen_set_label(ir, done);
    return nzcv;
}

/* Vector FP three-same key u:size<1>:opc<2:0> (opc 0x18..0x1f) -> kind (and *idx), or -1. */
static int fp_3same_kind(int key, int *idx)
{
    static const struct {
        uint8_t key, cond;
    } cmps[] = {{0x04, IR_FP_CMP_EQ},
                {0x14, IR_FP_CMP_GE},
                {0x15, IR_FP_CMP_GE | IR_FP_CMP_ABS},
                {0x1c, IR_FP_CMP_GT},
                {0x1d, IR_FP_CMP_GT | IR_FP_CMP_ABS}};
    for (size_t i = 0; i < sizeof(cmps) / sizeof(cmps[0]); i++)
        if (cmps[i].key == key) {
            *idx = cmps[i].cond;
            return IR_FP_CMP;
        }
    switch (key) {
    case 0x12: /* FADDP */
        return IR_FP_ADDP;
    case 0x1a: /* FABD */
        return IR_FP_ABD;
    case 0x10: /* FMAXNMP */
    case 0x16: /* FMAXP */
        return IR_FP_MAXP;
    case 0x18: /* FMINNMP */
    case 0x1e: /* FMINP */
        return IR_FP_MINP;
    case 0x00: /* FMAXNM */
    case 0x06: /* FMAX */
        return IR_FP_MAX;
    case 0x08: /* FMINNM */
    case 0x0e: /* FMIN */
        return IR_FP_MIN;
    case 0x01:
        return IR_FP_MADD; /* FMLA */
    case 0x09:
        return IR_FP_MSUB; /* FMLS */
    case 0x02:
        return IR_FP_ADD;
    case 0x0a:
        return IR_FP_SUB;
    case 0x13:
        return IR_FP_MUL;
    case 0x17:
        return IR_FP_DIV;
    }
    return -1;
}

bool a64_gen_fp_3same(DisasContext *s, void *fn, const A64SimdDesc *d)
{
    int idx = 0, kind = fp_3same_kind(d->u << 4 | (d->size >> 1) << 3 | (d->opc & 7), &idx);
    if ((d->scalar && kind != IR_FP_ABD) || d->opc < 0x18 || kind < 0 || fz(s))
        return false;
    FpInsn f = {.kind = kind,
                .idx = idx,
                .esz = 2 + (d->size & 1),
                .shape = fp_vshape(d),
                .rd = d->rd,
                .rn = d->rn,
                .rm = d->rm,
                .ra = d->rd};
    gen_fp_env(s, &f, fn, d);
    return true;
}

bool a64_gen_fp_2misc(DisasContext *s, void *fn, const A64SimdDesc *d)
{
    /* key u:size<1>:opc -> {kind + 1, idx}; {0} for the instructions left to the helper */
    static const struct {
        uint8_t kind1, idx;
    } ops[128] = {
        [0x2f] = {IR_FP_ABS + 1, 0},
        [0x6f] = {IR_FP_NEG + 1, 0},
        [0x7f] = {IR_FP_SQRT + 1, 0},
        [0x2c] = {IR_FP_CMPZ + 1, IR_FP_CMP_GT},  /* FCMGT #0 */
        [0x2d] = {IR_FP_CMPZ + 1, IR_FP_CMP_EQ},  /* FCMEQ #0 */
        [0x2e] = {IR_FP_CMPZ + 1, IR_FP_CMP_LT},  /* FCMLT #0 */
        [0x6c] = {IR_FP_CMPZ + 1, IR_FP_CMP_GE},  /* FCMGE #0 */
        [0x6d] = {IR_FP_CMPZ + 1, IR_FP_CMP_LE},  /* FCMLE #0 */
        [0x1d] = {IR_FP_SCVTF + 1, 0},            /* SCVTF (vector) */
        [0x5d] = {IR_FP_UCVTF + 1, 0},            /* UCVTF (vector) */
        [0x1a] = {IR_FP_FCVTZS + 1, IR_FP_RND_N}, /* FCVTNS (vector) */
        [0x1b] = {IR_FP_FCVTZS + 1, IR_FP_RND_M}, /* FCVTMS */
        [0x3a] = {IR_FP_FCVTZS + 1, IR_FP_RND_P}, /* FCVTPS */
        [0x3b] = {IR_FP_FCVTZS + 1, IR_FP_RND_Z}, /* FCVTZS */
        [0x5a] = {IR_FP_FCVTU + 1, IR_FP_RND_N},  /* FCVTNU */
        [0x5b] = {IR_FP_FCVTU + 1, IR_FP_RND_M},  /* FCVTMU */
        [0x7a] = {IR_FP_FCVTU + 1, IR_FP_RND_P},  /* FCVTPU */
        [0x7b] = {IR_FP_FCVTU + 1, IR_FP_RND_Z},  /* FCVTZU */
        [0x18] = {IR_FP_RINT + 1, IR_FP_RND_N},
        [0x19] = {IR_FP_RINT + 1, IR_FP_RND_M},
        [0x38] = {IR_FP_RINT + 1, IR_FP_RND_P},
        [0x39] = {IR_FP_RINT + 1, IR_FP_RND_Z},
        [0x58] = {IR_FP_RINT + 1, IR_FP_RND_A},                     /* FRINTA */
        [0x59] = {IR_FP_RINT + 1, IR_FP_RND_CUR | IR_FP_RND_EXACT}, /* FRINTX */
        [0x79] = {IR_FP_RINT + 1, IR_FP_RND_CUR},                   /* FRINTI */
    };
    int key = d->u << 6 | (d->size >> 1) << 5 | d->opc;
    if ((key == 0x16 || key == 0x17) && (d->size & 1) && !d->scalar && !fz(s)) {
        bool l = key == 0x17; /* FCVTL(2) 2S -> 2D, FCVTN(2) 2D -> 2S (idx: the high half) */
        FpInsn f = fp_unary(l ? IR_FP_CVTL : IR_FP_CVTN, l ? 3 : 2,
                            l || d->q ? IR_FP_VEC128 : IR_FP_VEC64, d);
        f.idx = d->q;
        gen_fp_env(s, &f, fn, d);
        return true;
    }
    if (!ops[key].kind1 || fz(s))
        return false;
    int kind = ops[key].kind1 - 1;
    bool cvt_int = kind == IR_FP_FCVTZS || kind == IR_FP_FCVTU;
    if (cvt_int && (d->size & 1))
        return false; /* 2D and D: no host form without AVX-512 */
    if (d->scalar && !cvt_int && kind != IR_FP_SCVTF && kind != IR_FP_UCVTF)
        return false; /* scalar forms: the conversions only (one lane, the rest zero) */
    int idx = ops[key].idx;
    FpInsn f = fp_unary(kind, 2 + (d->size & 1), fp_vshape(d), d);
    f.idx = idx;
    gen_fp_env(s, &f, fn, d);
    return true;
}

bool a64_gen_fp_across(DisasContext *s, void *fn, const A64SimdDesc *d)
{
    if (!d->u || !d->q || (d->size & 1) || (d->opc != 0x0c && d->opc != 0x0f) || fz(s))
        return false;
    FpInsn f = fp_unary((d->size & 2) ? IR_FP_MINV : IR_FP_MAXV, 2, IR_FP_SCALAR, d);
    gen_fp_env(s, &f, fn, d);
    return true;
}

bool a64_gen_fp_pair(DisasContext *s, void *fn, const A64SimdDesc *d)
{
    int kind = d->opc == 0x0d ? IR_FP_ADDP : (d->size & 2) ? IR_FP_MINP : IR_FP_MAXP;
    if (!d->u || (d->opc != 0x0c && d->opc != 0x0d && d->opc != 0x0f) || fz(s))
        return false;
    FpInsn f = fp_unary(kind, 2 + (d->size & 1), IR_FP_SCALAR, d);
    gen_fp_env(s, &f, fn, d);
    return true;
}

bool a64_gen_fp_indexed(DisasContext *s, void *fn, const A64SimdDesc *d)
{
    int kind = d->u          ? -1
               : d->opc == 1 ? IR_FP_MADD
               : d->opc == 5 ? IR_FP_MSUB
               : d->opc == 9 ? IR_FP_MUL
                             : -1;
    if (kind < 0 || (d->size != 2 && d->size != 3) || fz(s))
        return false;
    FpInsn f = {.kind = kind,
                .esz = d->size,
                .shape = fp_vshape(d),
                .by_elem = 1,
                .idx = d->imm,
                .rd = d->rd,
                .rn = d->rn,
                .rm = d->rm,
                .ra = d->rd};
    gen_fp_env(s, &f, fn, d);
    return true;
}
