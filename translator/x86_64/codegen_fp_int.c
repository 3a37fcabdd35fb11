/*
 * Guest FP ops with a general-register side on the host's AVX unit (codegen_fp.h):
 * fp_int (compares to NZCV, conversions to integer) and fp_from_int (conversions from
 * integer), each with its exact helper out of line for the cases the host does not
 * compute like the guest.
 */
#include "translator/x86_64/codegen_fp.h"

/* Bounds of the conversions to integer (fp_to_int), double then single precision. */
enum { FP_C_M1, FP_C_0, FP_C_2P32, FP_C_2P32R, FP_C_2P63, FP_C_MI32, FP_C_I32 };
static const double fp_cd[] = {
    -1.0, 0.0, 4294967296.0, 4294967295.0, 9223372036854775808.0, -2147483647.0, 2147483647.0};
static const float fp_cs[] = {
    -1.0f,          0.0f,         4294967296.0f, 4294967296.0f, 9223372036854775808.0f,
    -2147483648.0f, 2147483648.0f};

/* Jumps to the slow path when xmm1 <= constant k (< with `strict` false) or unordered, or
 * when xmm1 >= constant hi: vucomis leaves xmm1 and the flags alone but for signalling NaNs. */
static void fp_range(FpGen *f, X86FpStub *st, int lo, bool strict, int hi)
{
    CodeBuf *cb = f->g->cb;
    unsigned vop = X86_V_UCOMISS | (unsigned)(f->esz == 3) << 10;
    int k[2] = {lo, hi};
    for (int i = 0; i < 2; i++) {
        const void *c = f->esz == 3 ? (const void *)&fp_cd[k[i]] : (const void *)&fp_cs[k[i]];
        if (x86_reach32(cb->ptr, c) && x86_reach32(cb->ptr + 16, c)) {
            x86_vex_rip(cb, vop, 1, 0, c, 0);
        } else {
            x86_movi_keepflags(cb, true, f->tmp, (uint64_t)(uintptr_t)c);
            x86_vex_md(cb, vop, 1, 0, f->tmp, 0);
        }
        x86_fp_stub_site(st, x86_jcc32(cb, i ? X86_CC_AE : strict ? X86_CC_BE : X86_CC_B));
    }
}

/*
 * Conversion to integer, rounded (vround, or x86_fp_rint_away for ties away; inexact
 * raised when inexact) unless toward zero, then truncated (vcvtts*2si).  Signed: the host's
 * "integer indefinite" (the minimum) stands for NaN and out of range, where Arm saturates: the
 * helper decides (also for a true minimum); 32-bit results of a rounding mode are range-checked
 * first instead, so that no inexact flag is raised for a value Arm reports as invalid only.
 * Unsigned: range-checked first (values that round below zero or to 2^32 / 2^63 and more, NaN: the
 * helper), then converted to 64 bits.
 */
static void fp_to_int(FpGen *f, X86FpStub *st, int out)
{
    CodeBuf *cb = f->g->cb;
    int kind = ir_fp_kind(f->desc), mode = ir_fp_idx(f->desc);
    bool is64 = kind == IR_FPI_S64 || kind == IR_FPI_U64, u = kind >= IR_FPI_U32;
    bool round = mode != IR_FP_RND_Z, pre = u || (round && !is64), away = mode == IR_FP_RND_A;
    x86_fp_fetch(f, 1, 1);
    if (u) {
        int hi = kind == IR_FPI_U64 ? FP_C_2P63 : round ? FP_C_2P32R : FP_C_2P32;
        bool low_ok = mode == IR_FP_RND_Z || mode == IR_FP_RND_P; /* (-1, 0) gives 0 */
        fp_range(f, st, low_ok ? FP_C_M1 : FP_C_0, low_ok, hi);
    } else if (pre) {
        fp_range(f, st, FP_C_MI32, true, FP_C_I32);
    }
    if (away) {
        x86_fp_stub_site(st, x86_fp_rint_away(f, 1, true));
    } else if (round) {
        x86_vex_rr3(cb, X86_VEX(3, 1, 0, f->esz == 3 ? 0x0b : 0x0a), 1, 1, 1);
        x86_u8(cb, (uint8_t)mode);
    }
    x86_vex_rr3(cb, X86_VEX(1, f->esz == 3 ? 3 : 2, is64 || u, 0x2c), out, 0, away ? 0 : 1);
    if (!pre) {
        x86_alu_ri(cb, X86_CMP, is64, out, 1); /* overflows only for the minimum */
        x86_fp_stub_site(st, x86_jcc32(cb, X86_CC_O));
    }
}

/* NZCV from the flags of (v)ucomis: unordered ZF=PF=CF=1, less CF=1, equal ZF=1. */
static void fp_compare(FpGen *f, int out)
{
    CodeBuf *cb = f->g->cb;
    x86_fp_fetch(f, 1, 1);
    if (ir_fp_by_elem(f->desc))
        x86_vex_rr3(cb, X86_V_XORPS, 2, 2, 2);
    else
        x86_fp_fetch(f, 2, 2);
    unsigned vop = ir_fp_kind(f->desc) == IR_FPC_SIGNAL ? X86_V_COMISS : X86_V_UCOMISS;
    x86_vex_rr3(cb, vop | (unsigned)(f->esz == 3) << 10, 1, 0, 2);
    x86_movi_keepflags(cb, false, out, 0x2);
    x86_movi_keepflags(cb, false, f->tmp, 0x8);
    x86_cmov(cb, X86_CC_B, false, out, f->tmp);
    x86_movi_keepflags(cb, false, f->tmp, 0x6);
    x86_cmov(cb, X86_CC_E, false, out, f->tmp);
    x86_movi_keepflags(cb, false, f->tmp, 0x3);
    x86_cmov(cb, X86_CC_P, false, out, f->tmp);
}

/* fp_int: compares and conversions. */
void x86_fp_gen_int(FpGen *f, int out)
{
    X86Gen *g = f->g;
    int kind = ir_fp_kind(f->desc);
    if (!g->feat->avx) {
        x86_vc_call(g);
        x86_fp_call_slow(g, f->op, out, f->tmp, -1);
        return;
    }
    x86_fp_operands(f, 0, true);
    X86FpStub *st = x86_fp_stub(g, f->op, out, f->tmp, -1);
    if (!st)
        return;
    x86_fp_stub_site(st, x86_fp_guard(g, f->op));
    if (kind <= IR_FPC_SIGNAL)
        fp_compare(f, out);
    else
        fp_to_int(f, st, out);
    x86_fp_stub_end(g, st);
}

/* fp_from_int: vcvtsi2ss/sd from 64 bits (32-bit sources extended first); an unsigned
 * 64-bit value with the top bit set goes to the helper. */
void x86_fp_gen_from_int(FpGen *f, int in)
{
    X86Gen *g = f->g;
    CodeBuf *cb = g->cb;
    int kind = ir_fp_kind(f->desc);
    if (!g->feat->avx) {
        x86_vc_call(g);
        x86_fp_call_slow(g, f->op, -1, f->tmp, in);
        return;
    }
    f->x[0] = x86_vc_def(g, x86_fp_off(f, 0), true);
    X86FpStub *st = x86_fp_stub(g, f->op, -1, f->tmp, in);
    if (!st)
        return;
    x86_fp_stub_site(st, x86_fp_guard(g, f->op));
    if (kind == IR_FPF_S32)
        x86_op_rr(cb, X86_OPC_MOVSLQ, f->tmp, in);
    else if (kind == IR_FPF_U32)
        x86_mov_rr(cb, false, f->tmp, in);
    else
        x86_mov_rr(cb, true, f->tmp, in);
    if (kind == IR_FPF_U64) {
        x86_test_rr(cb, true, f->tmp, f->tmp);
        x86_fp_stub_site(st, x86_jcc32(cb, X86_CC_S));
    }
    x86_vex_rr3(cb, X86_V_XORPS, 0, 0, 0);
    x86_vex_rr3(cb, X86_VEX(1, f->esz == 3 ? 3 : 2, 1, 0x2a), 0, 0, f->tmp);
    x86_vex_rr3(cb, X86_V_MOVAPS, f->x[0], 0, 0);
    x86_fp_stub_end(g, st);
}
