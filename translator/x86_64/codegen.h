/*
 * Private state of the x86-64 backend shared by codegen.c (driver, control
 * flow, calls, exits), codegen_alu.c (value ops), codegen_mem.c (guest
 * memory, atomics, CPU state), regalloc.c (the local register allocator)
 * and stubs.c (fixed entry/exit code).  Byte encoding is in emit.h.  Not
 * used outside translator/x86_64/.
 *
 * Register conventions inside generated code: rbp = CPU state, r14 =
 * guest_base, rsp = frame with X86_FRAME_SLOTS spill slots (16-byte aligned
 * at helper calls).  Every other general register is allocatable.
 */
#ifndef FERRY_TRANSLATOR_X86_64_CODEGEN_H
#define FERRY_TRANSLATOR_X86_64_CODEGEN_H

#include "translator/x86_64/backend.h"
#include "translator/x86_64/emit.h"

#define X86_REG_CPU X86_RBP
#define X86_REG_GBASE X86_R14

#define X86_FRAME_SLOTS 1024
#define X86_FRAME_SIZE (X86_FRAME_SLOTS * 8 + 8) /* + 8: 6 pushes leave rsp 8 mod 16 */

#define X86_REGMASK(r) ((uint16_t)(1u << (r)))
/* rax rcx rdx rbx rsi rdi r8-r13 r15 */
#define X86_ALLOCATABLE                                                                            \
    ((uint16_t)(0xffffu & ~X86_REGMASK(X86_RSP) & ~X86_REGMASK(X86_RBP) & ~X86_REGMASK(X86_R14)))
/* Registers a helper call may clobber. */
#define X86_CALLER_SAVED                                                                           \
    ((uint16_t)(X86_REGMASK(X86_RAX) | X86_REGMASK(X86_RCX) | X86_REGMASK(X86_RDX) |               \
                X86_REGMASK(X86_RSI) | X86_REGMASK(X86_RDI) | X86_REGMASK(X86_R8) |                \
                X86_REGMASK(X86_R9) | X86_REGMASK(X86_R10) | X86_REGMASK(X86_R11)))

/* Where a temp's value is. */
typedef struct X86TempState {
    int8_t reg;   /* host register holding the value, or -1 */
    bool mem_ok;  /* the memory home (env field or spill slot) holds the value */
    int16_t slot; /* spill slot, -1 when none */
} X86TempState;

/* A forward reference to a label: rel32 at code offset `off`. */
typedef struct X86Fixup {
    uint32_t label;
    uint32_t off;
} X86Fixup;

/* Which CPU-state fields the vector-register cache holds (entry i in xmm8 + i). */
typedef struct X86VcState {
    int32_t off[8];
    uint8_t valid, dirty;
} X86VcState;

/* General-register globals at a point of the code: the global each host register holds
 * (IR_TEMP_NONE if none) and which of them the CPU state holds too (bit r: clean). */
typedef struct X86GprState {
    IrTemp temp[16];
    uint16_t clean;
} X86GprState;

/* What a self loop's head holds in registers (the first pass's state at the back edge). */
typedef struct X86LoopState {
    X86VcState vc;
    X86GprState gpr;
} X86LoopState;

/* The faulting op being generated (faultrec.c): the dirty vector-cache entries at its start
 * that no later allocation reused (vmask, voff), and the general registers holding dirty
 * globals at its access (gmask, greg). */
typedef struct X86FaultRec {
    uint32_t start;
    uint8_t vmask;
    int8_t trap_reg;
    uint16_t gmask;
    int32_t voff[8];
    TBLiveReg greg[16];
} X86FaultRec;

/* Bit of X86Gen.dead[i] set when op i's output is never read. */
#define X86_DEAD_OUT 0x8000u

/* A guest address a + b + c (b IR_TEMP_NONE: a + c), with the values a and b have now. */
typedef struct X86AddrExpr {
    IrTemp t; /* addr_def: the temp defined so; addr_ok: unused */
    IrTemp a, b;
    int32_t c;
} X86AddrExpr;
#define X86_ADDR_MAX 8

typedef struct X86Gen {
    IrContext *ctx;
    TB *tb;
    CodeBuf *cb;
    const X86Features *feat;
    uint8_t *code; /* start of the TB's code */

    X86TempState *ts;     /* per temp */
    IrTemp reg_temp[16];  /* temp held by each host register, IR_TEMP_NONE if free */
    uint32_t reg_use[16]; /* last use (for least-recently-used spilling) */
    uint32_t clock;
    uint16_t locked; /* registers the current op keeps (inputs, scratch) */
    uint16_t *dead;  /* per op: bit i = input i dies after the op; X86_DEAD_OUT */
    uint32_t op_index;

    uint32_t *label_off; /* code offset of each label, UINT32_MAX until placed */
    X86Fixup *fixups;
    uint32_t nfixups, fixups_cap;
    IrTemp *slot_owner; /* X86_FRAME_SLOTS entries, valid below slots_hwm (free above) */
    uint32_t slots_used, slots_hwm;
    uint32_t ninsn;
    uint8_t *exit_req_jcc; /* rel32 of the TB-entry exit_request check */
    int err;               /* -errno once code generation has failed */

    /* vector-register cache (vcache.c): xmm8 + i holds CPU-state bytes [vc_off[i], +16) */
    int32_t vc_off[8];
    uint32_t vc_use[8];
    uint8_t vc_valid, vc_dirty, vc_locked; /* vc_locked: entries the current op uses */
    uint64_t vc_partial; /* bit (off >> 4) & 63: 16-byte fields written in pieces in this TB */
    /* faultrec.c: host registers holding guest state at faulting ops (becomes tb->live) */
    X86FaultRec fault;
    TBLive *live;
    uint32_t nlive, live_cap;
    TBLiveReg *live_regs;
    uint32_t nlive_regs, live_regs_cap;
    /* Labels whose only predecessor is one forward brcond (no fallthrough into them): the
     * vector cache and the general-register globals cross the branch; label_vc and label_gpr
     * hold their state at the branch. */
    uint8_t *label_carry;
    X86VcState *label_vc;
    X86GprState *label_gpr;
    /* Self loops (a goto_tb back to the TB's own pc): the first pass records the vector cache
     * and the general-register globals at the back edge (loop_seen, loop); the second starts
     * with those loaded at loop_head and jumps there while exit_request is clear. */
    bool loop_pass, loop_seen;
    bool spilled; /* the allocator emptied a register for another temp in this TB */
    X86LoopState loop;
    uint32_t loop_head;

    struct X86FpStub *fp_stubs; /* out-of-line slow paths of fp ops (codegen_fp.c) */
    uint32_t nfp_stubs, fp_stubs_cap;
    /* codegen_fp.c: the fp guard constants of element size fpk_esz (0: none) are in their
     * xmm registers as long as only ops it knows leave them alone follow op fpk_op - 1. */
    uint32_t fpk_op;
    int8_t fpk_esz;
    bool fpk_pinned;                /* loaded before a self loop's head, valid in the whole TB */
    struct X86WildStub *wild_stubs; /* out-of-line window-check failures (codegen_mem.c) */
    uint32_t nwild_stubs, wild_stubs_cap;
    /* codegen_mem.c, with a guarded window only: addr_ok holds addresses checked in this block
     * (still < mem_size), addr_def the adds that defined address temps (x86_mem_track). */
    X86AddrExpr addr_def[X86_ADDR_MAX], addr_ok[X86_ADDR_MAX];
    uint8_t naddr_def, naddr_ok;
    /* codegen_vec.c: xmm register vec_xmm still holds the 16 CPU-state bytes at vec_off that
     * op vec_op - 1 stored (vec_op 0: nothing), while only insn_start ops follow that op. */
    uint32_t vec_op;
    int32_t vec_off;
    int8_t vec_xmm;
} X86Gen;
#define X86_VC_SIZE 8

/* codegen.c */
/* Appends an element of elem bytes to the growable array that arr (a T **) points to, *n
 * used of *cap, and returns it uninitialized; NULL with g->err = -ENOMEM on out of memory. */
void *x86_gen_push(X86Gen *g, void *arr, uint32_t *n, uint32_t *cap, size_t elem);

/* stubs.c */
extern const uint8_t *x86_epilogue;
const X86Features *x86_features(void);
/* Out-of-line helper for ctpop on hosts without popcnt. */
uint64_t x86_helper_ctpop(CPUCommon *cpu, uint64_t v);

/* regalloc.c */
void x86_ra_init(X86Gen *g);
/* Fills g->dead by a backward scan; sets g->err on out of memory. */
void x86_ra_liveness(X86Gen *g);
/* True when input i of the current op is not read after it. */
bool x86_ra_is_dead_in(const X86Gen *g, const IrOp *op, int i);
/* Returns a register of `allowed` emptied for the op (spilling if needed), locked. */
int x86_ra_alloc(X86Gen *g, uint16_t allowed);
/* Returns a register holding t (loaded, or materialized for constants), locked. */
int x86_ra_in(X86Gen *g, IrTemp t, uint16_t allowed);
/* Copies t's value into register r without changing where t lives. */
void x86_ra_copy_to(X86Gen *g, IrTemp t, int r);
/* Output register for d computed in place from input idx (a copy of it, or its own
 * register when it may be clobbered); locked, not yet bound. */
int x86_ra_out_from(X86Gen *g, const IrOp *op, IrTemp d, int idx);
/* Output register for d for three-operand forms: input idx's register `ra` when it may
 * be clobbered, else a fresh one. */
int x86_ra_out_any(X86Gen *g, const IrOp *op, IrTemp d, int idx, int ra);
int x86_ra_out_fresh(X86Gen *g, const IrOp *op, IrTemp d, uint16_t allowed);
/* Records that r now holds t's new value (dirty); r's previous temp is forgotten. */
void x86_ra_bind(X86Gen *g, IrTemp t, int r);
/* Frees register r for a fixed use (moving its temp into `to` or spilling); locks r. */
void x86_ra_evict(X86Gen *g, int r, uint16_t to);
void x86_ra_spill(X86Gen *g, int r);
void x86_ra_writeback(X86Gen *g, IrTemp t);
/* Writes dirty globals (and LOCAL temps) back to memory; registers keep them. */
void x86_ra_sync(X86Gen *g, bool locals);
/* The same for general registers only and the temps of the given kinds (X86_RA_GLOBAL,
 * X86_RA_LOCAL): dirty vector-cache entries stay. */
void x86_ra_sync_gprs(X86Gen *g, unsigned kinds);
/* The globals in general registers now; codegen state only, emits nothing. */
void x86_ra_gpr_save(const X86Gen *g, X86GprState *s);
/* Binds the globals of s to their registers (dirty unless clean in s), after a point where
 * nothing was in registers (a label); emits nothing. */
void x86_ra_gpr_restore(X86Gen *g, const X86GprState *s);
/* Loads the globals of s into their registers (a loop head), then as x86_ra_gpr_restore. */
void x86_ra_gpr_loop_enter(X86Gen *g, const X86GprState *s);
/* Emits code bringing the registers to the state s describes (a loop's back edge): dirty
 * globals s does not hold (or holds clean) written back, the others moved into their
 * registers of s.  The codegen state is left unchanged (the other path still has it). */
void x86_ra_gpr_loop_arrange(X86Gen *g, const X86GprState *s);
/* Forgets register copies of temps of the given kinds (bits 1 << IrTempKind). */
void x86_ra_drop(X86Gen *g, unsigned kinds);
#define X86_RA_EBB (1u << IR_TEMP_EBB)
#define X86_RA_LOCAL (1u << IR_TEMP_LOCAL)
#define X86_RA_GLOBAL (1u << IR_TEMP_GLOBAL)
#define X86_RA_ALL (X86_RA_EBB | X86_RA_LOCAL | X86_RA_GLOBAL)
/* Block end: EBB temps die (registers and frame slots freed). */
void x86_ra_end_bb(X86Gen *g);
/* After each op: frees dead inputs and an unread output, unlocks registers. */
void x86_ra_end_op(X86Gen *g, const IrOp *op);
/* Keeps cached globals coherent with a direct access to CPU-state bytes [off, off+size). */
void x86_ra_env_access(X86Gen *g, int32_t off, int32_t size, bool write);
/* The same for globals in general registers only (the caller handles the vector cache). */
void x86_ra_env_access_gprs(X86Gen *g, int32_t off, int32_t size, bool write);
/* Stores constant v straight into global t's CPU-state field (false if not possible). */
bool x86_ra_store_const_global(X86Gen *g, IrTemp t, uint64_t v);
bool x86_ra_is_const(const X86Gen *g, IrTemp t);
uint64_t x86_ra_const_val(const X86Gen *g, IrTemp t);

/* codegen_mem.c */
void x86_gen_ld_st(X86Gen *g, const IrOp *op);
void x86_gen_env(X86Gen *g, const IrOp *op);
void x86_gen_v128(X86Gen *g, const IrOp *op);
void x86_gen_cmpxchg(X86Gen *g, const IrOp *op);
void x86_gen_atomic_rmw(X86Gen *g, const IrOp *op);
void x86_mem_track(X86Gen *g, const IrOp *op);

/* codegen_vec.c: the integer vector op `vec` */
void x86_gen_vec(X86Gen *g, const IrOp *op);

/* codegen_alu.c */
void x86_gen_alu(X86Gen *g, const IrOp *op);
/* Emits the compare (or test) of a and b; returns the x86 condition for c.  c is
 * neither NEVER nor ALWAYS. */
X86Cond x86_gen_compare(X86Gen *g, IrType t, IrCond c, IrTemp a, IrTemp b);

/* vcache.c: guest vector registers cached in xmm8..xmm15 within a basic block (AVX hosts).
 * Contract for all instruction selection: xmm8..xmm15 belong to the cache; code that reads
 * or writes CPU-state bytes goes through x86_ra_env_access (which writes cached values back
 * and forgets overwritten ones) or the x86_vc_* functions; helper calls go through
 * x86_gen_call_fn (or x86_vc_call first).  Ops missing from x86_vc_op_aware empty it. */
void x86_vc_flush(X86Gen *g);  /* writes dirty entries back; they stay cached */
void x86_vc_drop(X86Gen *g);   /* forgets every entry (block end) */
void x86_vc_call(X86Gen *g);   /* before a helper call: flush and drop (xmm are clobbered) */
void x86_vc_reload(X86Gen *g); /* reloads every entry from memory (after a call) */
void x86_vc_env_access(X86Gen *g, int32_t off, int32_t size, bool write);
int x86_vc_get(X86Gen *g, int32_t off);  /* xmm holding the 16 bytes at off (loaded), locked */
int x86_vc_peek(X86Gen *g, int32_t off); /* the same when cached, else -1 (nothing loaded) */
/* ld_env / st_env of 4 or 8 bytes and mov_env128 served by cached entries (lane extract /
 * insert, register move); false when the bytes are not cached: the caller uses memory. */
bool x86_vc_covers(const X86Gen *g, int32_t off, int size);
bool x86_vc_ld_env(X86Gen *g, int32_t off, bool is64, int r);
bool x86_vc_st_env(X86Gen *g, int32_t off, bool is64, int r);
bool x86_vc_mov128(X86Gen *g, int32_t dst, int32_t src);
/* False for ops not known to keep the cache coherent: gen_op empties it before them. */
bool x86_vc_op_aware(int opc);
void x86_vc_evict(X86Gen *g, int i);        /* entry i written back if dirty, emptied */
void x86_vc_forget(X86Gen *g, int32_t off); /* the entry of off emptied unwritten (overwritten) */
void x86_vc_save(const X86Gen *g, X86VcState *s);
void x86_vc_restore(X86Gen *g, const X86VcState *s); /* codegen state only, emits nothing */
/* Loads the entries of s (marked dirty: a loop head's state). */
void x86_vc_loop_enter(X86Gen *g, const X86VcState *s);
/* Emits code bringing the cache to the state x86_vc_loop_enter made (a loop's back edge). */
void x86_vc_loop_arrange(X86Gen *g, const X86VcState *s);
/* xmm that will hold a new value for off (marked dirty); `load`: with the old value in it
 * until then, else undefined (the caller writes it before anything reads the cache) */
int x86_vc_def(X86Gen *g, int32_t off, bool load);

/* faultrec.c: ops with a guest access that may fault keep dirty guest state in host
 * registers; the TB's live records name them for the fault handler (x86_fault_restore).
 * x86_fault_begin at the op's start, x86_fault_access right before each access instruction
 * (index: the checked address register, else -1), x86_fault_end after the op (sets g->err
 * on out of memory).  Contract for the op's code: a register holding a dirty global at the
 * access holds the global's value there (the access writes its destination only when it
 * does not fault), and vector-cache entries reused inside the op are stored first. */
void x86_fault_begin(X86Gen *g);
void x86_fault_access(X86Gen *g, int index);
void x86_fault_end(X86Gen *g);
/* Moves the records into tb->live / tb->live_regs; false on out of memory. */
bool x86_fault_publish(X86Gen *g, TB *tb);

/* codegen_fp.c: fp_env / fp_int (host SSE/AVX fast path, exact helper otherwise) */
void x86_gen_fp(X86Gen *g, const IrOp *op);
/* Before a self loop's head (second pass): may load the fp guard constants for the loop. */
void x86_fp_loop_enter(X86Gen *g);
/* Emits the fp ops' out-of-line slow paths after the TB's code; 0, -ENOSPC or -ENOMEM. */
int x86_fp_emit_stubs(X86Gen *g);
/* codegen_mem.c: the window-check failure paths, after the TB's code; 0 or -ENOSPC. */
int x86_mem_emit_stubs(X86Gen *g);

/* codegen.c */
void x86_gen_call_fn(X86Gen *g, const IrOp *op, const void *fn, unsigned flags);

#endif
