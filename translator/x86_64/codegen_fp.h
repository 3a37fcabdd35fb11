/*
 * Private to the guest-FP code generation (translator/ir_fp.h): codegen_fp.c is the
 * driver (guard constants, out-of-line slow paths, fp_env), codegen_fp_int.c the ops
 * with a general-register side (fp_int compares and conversions, fp_from_int).
 */
#ifndef FERRY_TRANSLATOR_X86_64_CODEGEN_FP_H
#define FERRY_TRANSLATOR_X86_64_CODEGEN_FP_H

#include "translator/ir_fp.h"
#include "translator/x86_64/codegen.h"

/* One fp op being compiled. */
typedef struct FpGen {
    X86Gen *g;
    const IrOp *op;
    uint64_t desc;
    int esz, shape;
    int src_esz; /* element size of the sources (differs for conversions) */
    int tmp;     /* scratch general register */
    int kreg;    /* register holding fp_k when it is out of rip-relative reach, else -1 */
    int x[4];    /* vector-cache registers of d, n, m, a; -1: read from memory (partial shapes) */
} FpGen;

/*
 * An out-of-line slow path, emitted after the TB's code (x86_fp_emit_stubs) so that the
 * fast path falls through: the state it needs is recorded when the op is compiled.
 */
/* The xmm registers of the guard constants (|x| mask, twice the smallest normal). */
enum { FP_XABS = 5, FP_XMIN2 = 6 };

typedef struct X86FpStub {
    const IrOp *op;
    uint8_t *sites[4]; /* rel32 of jumps to the slow path */
    int nsites;
    uint8_t *rare;       /* rel32 of the jump to the zero-lane recheck, or NULL */
    uint8_t *ok, *done;  /* back to the fast path: store the result / after it */
    int out, tmp, value; /* as for x86_fp_call_slow */
    int pp, lanes;       /* of the recheck */
    int res;             /* xmm register holding the fast path's result (0 unless in place) */
    int restore;         /* xmm register to restore from xmm0 before the slow path, or -1 */
    int fpk_esz;         /* guard constants to reload (g->fpk_esz at done) */
    uint16_t saved;      /* caller-saved registers holding values */
    uint8_t vc_valid, vc_dirty;
    int32_t vc_off[X86_VC_SIZE];
} X86FpStub;

/* CPU-state offset of operand i (0 d, 1 n, 2 m, 3 a). */
int32_t x86_fp_off(const FpGen *f, int i);
/* xmm dst = the element(s) of xmm src the op uses, other lanes zero (no flags from them). */
void x86_fp_zext(FpGen *f, int dst, int src);
/* xmm dst = operand i (1 n, 2 m, 3 a) as x86_fp_zext makes it, from the cache or memory. */
void x86_fp_fetch(FpGen *f, int dst, int i);
/* Vector-cache registers of the operands (f->x); cmp: no destination register. */
void x86_fp_operands(FpGen *f, int kind, bool cmp);
/* codegen_fp_stub.c: the exact helper, inline (hosts without the instructions): result in
 * out (or -1). */
void x86_fp_call_slow(X86Gen *g, const IrOp *op, int out, int tmp, int value);
/* A stub for op with the current register and cache state; NULL on out of memory.
 * x86_fp_stub_site adds a jump to it (at most 4, NULL ignored); x86_fp_stub_end marks
 * where it returns (the end of the op's code). */
X86FpStub *x86_fp_stub(X86Gen *g, const IrOp *op, int out, int tmp, int value);
void x86_fp_stub_site(X86FpStub *st, uint8_t *rel);
void x86_fp_stub_end(X86Gen *g, X86FpStub *st);
/* Loads the guard constants of element size esz (through general register tmp when they are
 * out of rip-relative reach). */
void x86_fp_consts_load(CodeBuf *cb, int esz, int tmp);
/* jnz to the slow path when the op's guard word has a masked bit set (rel32, or NULL). */
uint8_t *x86_fp_guard(X86Gen *g, const IrOp *op);

/* n rounded to nearest with ties away from zero into xmm0 (FRINTA), inexact raised when
 * the result differs (`inexact`) or never; lanes of 2^52 / 2^23 and more in magnitude,
 * infinite or NaN: the returned rel32 jumps to the slow path.  Clobbers xmm0..xmm4. */
uint8_t *x86_fp_rint_away(FpGen *f, int n, bool inexact);

/* codegen_fp_int.c: fp_int with its result register, fp_from_int with its input. */
void x86_fp_gen_int(FpGen *f, int out);
void x86_fp_gen_from_int(FpGen *f, int in);

#endif
