/*
 * ferry's intermediate representation.
 *
 * A translation block (TB) is translated into a linear list of IrOp over
 * typed temps.  Temps are numbered; the first ones are the guest-register
 * globals (backed by fields of the CPU state), then constants and per-TB
 * temps.  Frontends build IR only through the ir_gen_* builders below; the
 * optimizer (opt_*.c), the interpreter (interp.c) and the x86-64 backend
 * (x86_64/codegen.c) consume it.  The op set is declared once in ir_ops.def
 * and documented in docs/ir.md.
 *
 * Temp lifetimes: an IR_TEMP_EBB temp is dead after any op flagged
 * IR_OPF_BB_END (label, branch, exit); a value that must survive a label
 * lives in an IR_TEMP_LOCAL temp or a global.  Globals are loaded from the
 * CPU state on first use in a TB and written back at every exit, at helper
 * calls that touch globals, and at basic-block ends.
 */
#ifndef FERRY_TRANSLATOR_IR_H
#define FERRY_TRANSLATOR_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum IrType { IR_I32 = 0, IR_I64 = 1 } IrType;

typedef enum IrTempKind {
    IR_TEMP_EBB,    /* dies at the end of its basic block */
    IR_TEMP_LOCAL,  /* survives labels and branches within the TB */
    IR_TEMP_GLOBAL, /* a field of the CPU state */
    IR_TEMP_CONST,  /* a constant value */
} IrTempKind;

enum {
#define DEF(name, oargs, iargs, cargs, flags) IR_OP_##name,
#include "translator/ir_ops.def"
#undef DEF
    IR_OP_COUNT
};

enum {
    IR_OPF_SIDE = 1u << 0,
    IR_OPF_FAULT = 1u << 1,
    IR_OPF_BB_END = 1u << 2,
    IR_OPF_CALL = 1u << 3,
};

typedef struct IrOpDef {
    const char *name;
    uint8_t nout, nin, nconst;
    uint8_t flags;
} IrOpDef;

extern const IrOpDef ir_op_defs[IR_OP_COUNT];

/* Conditions for setcond/movcond/brcond. */
typedef enum IrCond {
    IR_COND_NEVER,
    IR_COND_ALWAYS,
    IR_COND_EQ,
    IR_COND_NE,
    IR_COND_LT, /* signed */
    IR_COND_GE,
    IR_COND_LE,
    IR_COND_GT,
    IR_COND_LTU, /* unsigned */
    IR_COND_GEU,
    IR_COND_LEU,
    IR_COND_GTU,
    IR_COND_TSTEQ, /* (a & b) == 0 */
    IR_COND_TSTNE, /* (a & b) != 0 */
} IrCond;

/* Returns the condition with the opposite outcome (EQ <-> NE, LT <-> GE ...). */
IrCond ir_cond_invert(IrCond c);
/* Returns the condition for swapped operands (LT <-> GT ...). */
IrCond ir_cond_swap(IrCond c);
/* Evaluates cond on two values of the given width. */
bool ir_cond_eval(IrCond c, IrType t, uint64_t a, uint64_t b);

/* Guest memory operation descriptor (constant of ld/st/atomics). */
typedef enum IrMemOp {
    IR_MO_8 = 0,
    IR_MO_16 = 1,
    IR_MO_32 = 2,
    IR_MO_64 = 3,
    IR_MO_128 = 4,
    IR_MO_SIZE = 7,       /* mask: log2 of the access size in bytes */
    IR_MO_SIGN = 1u << 3, /* sign-extend a load to the op type */
    IR_MO_BE = 1u << 4,   /* big-endian guest access */
} IrMemOp;

typedef enum IrAtomicOp {
    IR_ATOMIC_XCHG,
    IR_ATOMIC_ADD,
    IR_ATOMIC_AND,
    IR_ATOMIC_ANDC, /* clear bits: old & ~v (A64 LDCLR) */
    IR_ATOMIC_OR,
    IR_ATOMIC_XOR,
    IR_ATOMIC_SMAX,
    IR_ATOMIC_SMIN,
    IR_ATOMIC_UMAX,
    IR_ATOMIC_UMIN,
} IrAtomicOp;

/* Barrier kinds for IR_OP_mb (bits). */
enum {
    IR_MB_LD_LD = 1,
    IR_MB_LD_ST = 2,
    IR_MB_ST_LD = 4, /* the only one x86-64 needs a fence for */
    IR_MB_ST_ST = 8,
    IR_MB_ALL = 15,
};

/*
 * exit_tb codes.  IR_EXIT_NEXT: cpu->pc holds the next guest pc.
 * IR_EXIT_CHAIN0/1: emitted after goto_tb n, cpu->pc holds the target; the
 * exec loop may patch the goto_tb to jump directly next time.
 * IR_EXIT_EXCP + n: guest exception n (a frontend-defined number, e.g. a
 * syscall or SIGILL), cpu->pc at the instruction the frontend chose.
 */
enum {
    IR_EXIT_NEXT = 0,
    IR_EXIT_CHAIN0 = 1,
    IR_EXIT_CHAIN1 = 2,
    IR_EXIT_REQUESTED = 3, /* cpu->exit_request seen at TB entry; nothing executed */
    IR_EXIT_EXCP = 16,
};

/* Helper-call flags (constant c1 of IR_OP_call). Default: reads and writes globals. */
enum {
    IR_CALL_NO_READ_GLOBALS = 1u << 0,  /* does not read guest globals from cpu */
    IR_CALL_NO_WRITE_GLOBALS = 1u << 1, /* does not write guest globals to cpu */
    IR_CALL_PURE = 1u << 2,             /* no side effects: removable when unused */
};
#define IR_CALL_MAX_ARGS 5

typedef uint32_t IrTemp; /* index into IrContext.temps */
#define IR_TEMP_NONE ((IrTemp)~0u)

typedef struct IrTempInfo {
    uint8_t type; /* IrType */
    uint8_t kind; /* IrTempKind */
    uint16_t global_index;
    int32_t env_offset; /* globals: byte offset in the CPU state */
    uint64_t val;       /* constants: the value, zero-extended from the type */
    const char *name;   /* globals: register name for dumps */
} IrTempInfo;

#define IR_MAX_ARGS 10

typedef struct IrOp {
    uint16_t opc;
    uint8_t type; /* IrType: the operation width */
    uint8_t nout, nin, nconst;
    uint64_t args[IR_MAX_ARGS]; /* outputs, inputs (IrTemp), constants */
} IrOp;

/* Guest-register globals: registered once per guest architecture. */
#define IR_MAX_GLOBALS 128
typedef struct IrGlobals {
    int count;
    IrTempInfo info[IR_MAX_GLOBALS];
} IrGlobals;

/* Registers a global of `type` at `env_offset` in the CPU state; returns its temp id. */
IrTemp ir_globals_add(IrGlobals *g, IrType type, int32_t env_offset, const char *name);

/*
 * Per-thread translation context: the IR of one TB under construction.
 * Reused across TBs (ir_reset) to avoid reallocations.
 */
typedef struct IrContext {
    const IrGlobals *globals;
    IrTempInfo *temps;
    uint32_t ntemps, temps_cap;
    uint32_t nglobals_copied; /* globals whose IrTempInfo temps[] holds (ir_reset) */
    IrOp *ops;
    uint32_t nops, ops_cap;
    uint32_t nlabels;
    uint64_t guest_pc;         /* pc of the TB */
    uint32_t guest_size;       /* bytes of guest code covered */
    uint32_t ninsns;           /* guest instructions translated */
    bool mem_guarded;          /* the guest window has 4 GiB PROT_NONE guards on both sides */
    struct IrScratch *scratch; /* ir_scratch memory (ir_scratch.c); owned by this context */
    unsigned char *scratch_ptr, *scratch_end; /* the free part of the newest scratch chunk */
    /* opt_fold's per-temp table, kept from one translation to the next so that a TB does not
     * initialise an entry per temp: entries are valid only for the epoch they were stamped with,
     * and epochs keep increasing across translations (opt_fold.c). */
    struct FoldInfo *fold_info;
    uint32_t fold_cap, fold_epoch;
} IrContext;

/* Allocates a context bound to `globals`; NULL on out of memory. */
IrContext *ir_context_new(const IrGlobals *globals);
void ir_context_free(IrContext *ctx);
/* Drops all ops and non-global temps and the scratch memory; globals keep their ids. */
void ir_reset(IrContext *ctx, uint64_t pc);

/* Scratch memory for one translation (ir_scratch.c): 16-byte aligned, valid until the next
 * ir_reset or ir_context_free, never NULL for a size above 0 (ferry exits when memory runs
 * out, as the IR builders do).  ir_scratch's contents are undefined; ir_scratch_zero's are
 * zero. */
#define IR_SCRATCH_ALIGN 16u
void *ir_scratch_grow(IrContext *ctx, size_t size); /* the slow path: a new chunk */
static inline void *ir_scratch(IrContext *ctx, size_t size)
{
    size = (size + IR_SCRATCH_ALIGN - 1) & ~(size_t)(IR_SCRATCH_ALIGN - 1);
    if ((size_t)(ctx->scratch_end - ctx->scratch_ptr) < size)
        return ir_scratch_grow(ctx, size);
    void *p = ctx->scratch_ptr;
    ctx->scratch_ptr += size;
    return p;
}
void *ir_scratch_zero(IrContext *ctx, size_t size);
/* Empties the scratch memory (ir_reset does it); ir_scratch_free also releases it. */
void ir_scratch_reset(IrContext *ctx);
void ir_scratch_free(IrContext *ctx);

/* Temps. */
IrTemp ir_new_temp(IrContext *ctx, IrType type);
IrTemp ir_new_local(IrContext *ctx, IrType type);
IrTemp ir_const(IrContext *ctx, IrType type, uint64_t val);
static inline IrTemp ir_const_i32(IrContext *ctx, uint32_t v)
{
    return ir_const(ctx, IR_I32, v);
}
static inline IrTemp ir_const_i64(IrContext *ctx, uint64_t v)
{
    return ir_const(ctx, IR_I64, v);
}
static inline const IrTempInfo *ir_temp_info(const IrContext *ctx, IrTemp t)
{
    return &ctx->temps[t];
}
static inline bool ir_temp_is_const(const IrContext *ctx, IrTemp t)
{
    return ctx->temps[t].kind == IR_TEMP_CONST;
}
static inline IrType ir_temp_type(const IrContext *ctx, IrTemp t)
{
    return (IrType)ctx->temps[t].type;
}
uint32_t ir_new_label(IrContext *ctx);

/* Appends a raw op; args are outputs, inputs, constants. Returns the op. */
IrOp *ir_emit(IrContext *ctx, int opc, IrType type, const uint64_t *args);
static inline const IrOpDef *ir_def(const IrOp *op)
{
    return &ir_op_defs[op->opc];
}
static inline IrTemp ir_out(const IrOp *op, int i)
{
    return (IrTemp)op->args[i];
}
static inline IrTemp ir_in(const IrOp *op, int i)
{
    return (IrTemp)op->args[op->nout + i];
}
static inline uint64_t ir_cst(const IrOp *op, int i)
{
    return op->args[op->nout + op->nin + i];
}

/* Builders.  `t` is the operation type; temps must be of that type. */
void ir_gen_mov(IrContext *ctx, IrType t, IrTemp d, IrTemp a);
void ir_gen_movi(IrContext *ctx, IrType t, IrTemp d, uint64_t v);
void ir_gen_binop(IrContext *ctx, int opc, IrType t, IrTemp d, IrTemp a, IrTemp b);
void ir_gen_unop(IrContext *ctx, int opc, IrType t, IrTemp d, IrTemp a);
void ir_gen_binopi(IrContext *ctx, int opc, IrType t, IrTemp d, IrTemp a, uint64_t b);
void ir_gen_extract(IrContext *ctx, IrType t, IrTemp d, IrTemp a, unsigned pos, unsigned len);
void ir_gen_sextract(IrContext *ctx, IrType t, IrTemp d, IrTemp a, unsigned pos, unsigned len);
void ir_gen_deposit(IrContext *ctx, IrType t, IrTemp d, IrTemp a, IrTemp b, unsigned pos,
                    unsigned len);
void ir_gen_setcond(IrContext *ctx, IrType t, IrCond c, IrTemp d, IrTemp a, IrTemp b);
void ir_gen_movcond(IrContext *ctx, IrType t, IrCond c, IrTemp d, IrTemp a, IrTemp b, IrTemp v1,
                    IrTemp v2);
void ir_gen_set_label(IrContext *ctx, uint32_t label);
void ir_gen_br(IrContext *ctx, uint32_t label);
void ir_gen_brcond(IrContext *ctx, IrType t, IrCond c, IrTemp a, IrTemp b, uint32_t label);
void ir_gen_ld_env(IrContext *ctx, IrType t, IrTemp d, int32_t offset);
void ir_gen_st_env(IrContext *ctx, IrType t, IrTemp v, int32_t offset);
void ir_gen_mov_env128(IrContext *ctx, int32_t dst_offset, int32_t src_offset);
void ir_gen_ld(IrContext *ctx, IrType t, IrTemp d, IrTemp addr, unsigned memop);
void ir_gen_st(IrContext *ctx, IrType t, IrTemp v, IrTemp addr, unsigned memop);
void ir_gen_ld_v128(IrContext *ctx, IrTemp addr, unsigned memop, int32_t env_offset);
void ir_gen_st_v128(IrContext *ctx, IrTemp addr, unsigned memop, int32_t env_offset);
void ir_gen_cmpxchg(IrContext *ctx, IrType t, IrTemp old, IrTemp addr, IrTemp cmp, IrTemp nv,
                    unsigned memop);
void ir_gen_atomic_rmw(IrContext *ctx, IrType t, IrAtomicOp aop, IrTemp old, IrTemp addr, IrTemp v,
                       unsigned memop);
void ir_gen_mb(IrContext *ctx, unsigned kind);
/* Helper call: ret may be IR_TEMP_NONE; t is the type of ret. */
void ir_gen_call(IrContext *ctx, IrType t, IrTemp ret, void *fn, unsigned flags, int nargs,
                 const IrTemp *args);
void ir_gen_insn_start(IrContext *ctx, uint64_t pc);
/* Declares the value of global g dead (see IR_OP_discard). */
void ir_gen_discard(IrContext *ctx, IrTemp g);
void ir_gen_goto_tb(IrContext *ctx, int slot); /* emits goto_tb slot + exit_tb CHAIN<slot> */
void ir_gen_exit_tb(IrContext *ctx, uint32_t code);
void ir_gen_lookup_and_goto(IrContext *ctx);
/* Guest FP ops (translator/ir_fp.h); fn(cpu, arg) is the exact helper. */
void ir_gen_fp_env(IrContext *ctx, uint64_t desc, uint64_t offs, void *fn, uint64_t arg,
                   uint64_t guard);
void ir_gen_fp_int(IrContext *ctx, IrTemp nzcv, uint64_t desc, uint64_t offs, void *fn,
                   uint64_t arg, uint64_t guard);
void ir_gen_fp_from_int(IrContext *ctx, IrTemp value, uint64_t desc, uint64_t offs, void *fn,
                        uint64_t arg, uint64_t guard);

/* Dump of the IR in the textual form used by tests and `-d op,op_opt`. */
void ir_dump(const IrContext *ctx, FILE *out);

/* Optimizer: runs every pass in order (fold/propagate, copy-prop, DCE). */
void ir_optimize(IrContext *ctx);
void opt_fold(IrContext *ctx); /* constant folding and propagation, copy propagation */
void opt_dce(IrContext *ctx);  /* dead-code and dead-global-store elimination */

/* Compacts the op list, removing IR_OP_nop. */
void ir_compact(IrContext *ctx);

/*
 * Evaluates a pure op (no IR_OPF_SIDE, one output) on input values; the
 * single definition of op semantics shared by the folder and the
 * interpreter.  Returns false for ops that are not pure.  Width-changing
 * ops (extu_i32, exts_i32, trunc_i64) carry the type of their input.
 */
bool ir_eval_pure(const IrOp *op, const uint64_t *in, uint64_t *out);

#endif
