/*
 * The IR interpreter (-no-jit): the reference backend.
 *
 * Runs the optimized IR of one TB.  Globals are read from and written to
 * the CPU state directly, so the state is always exact; other temps live in
 * a per-thread value array.  Pure ops go through ir_eval_pure, the same
 * definition the constant folder uses.  Before running, a TB's IR is
 * prepared once (ir_interp_prepare): branch labels become op indices.
 */
#include "translator/interp.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "signals/signals.h"
#include "translator/ir_vec.h"

static __thread uint64_t *vals;
static __thread uint32_t nvals;

void ir_interp_prepare(IrContext *ir)
{
    uint32_t *pos = calloc(ir->nlabels + 1, sizeof(uint32_t));
    if (!pos)
        abort();
    for (uint32_t i = 0; i < ir->nops; i++)
        if (ir->ops[i].opc == IR_OP_set_label)
            pos[ir->ops[i].args[0]] = i;
    for (uint32_t i = 0; i < ir->nops; i++) {
        IrOp *op = &ir->ops[i];
        if (op->opc == IR_OP_br)
            op->args[0] = pos[op->args[0]];
        else if (op->opc == IR_OP_brcond)
            op->args[3] = pos[op->args[3]];
    }
    free(pos);
}

static inline uint64_t get(const IrContext *ir, const CPUCommon *cpu, IrTemp t)
{
    const IrTempInfo *ti = &ir->temps[t];
    switch (ti->kind) {
    case IR_TEMP_CONST:
        return ti->val;
    case IR_TEMP_GLOBAL:
        if (ti->type == IR_I32)
            return *(const uint32_t *)((const uint8_t *)cpu + ti->env_offset);
        return *(const uint64_t *)((const uint8_t *)cpu + ti->env_offset);
    default:
        return vals[t];
    }
}

static inline void set(const IrContext *ir, CPUCommon *cpu, IrTemp t, uint64_t v)
{
    const IrTempInfo *ti = &ir->temps[t];
    if (ti->kind == IR_TEMP_GLOBAL) {
        if (ti->type == IR_I32)
            *(uint32_t *)((uint8_t *)cpu + ti->env_offset) = (uint32_t)v;
        else
            *(uint64_t *)((uint8_t *)cpu + ti->env_offset) = v;
    } else {
        vals[t] = ti->type == IR_I32 ? (uint32_t)v : v;
    }
}

/*
 * The host address of a guest access of len bytes at addr.  An access that does not lie in
 * the guest window raises the guest's SIGSEGV at the instruction (at addr, or at the window's
 * end for one that straddles it) and does not return: nothing outside the window is touched.
 */
static uint8_t *guest_ptr(CPUCommon *cpu, uint64_t addr, uint64_t len)
{
    if (addr < cpu->mem_size && len <= cpu->mem_size - addr)
        return cpu->guest_base + addr;
    cpu->pc = cpu->insn_pc;
    sig_guest_fault(cpu, SIGSEGV, SEGV_MAPERR, addr < cpu->mem_size ? cpu->mem_size : addr);
}

static uint64_t mem_load(CPUCommon *cpu, uint64_t addr, unsigned mo, IrType t)
{
    uint8_t *h = guest_ptr(cpu, addr, 1u << (mo & IR_MO_SIZE));
    unsigned size = mo & IR_MO_SIZE;
    bool be = mo & IR_MO_BE;
    uint64_t v;
    switch (size) {
    case 0: {
        uint8_t x = *h;
        v = mo & IR_MO_SIGN ? (uint64_t)(int64_t)(int8_t)x : x;
        break;
    }
    case 1: {
        uint16_t x;
        memcpy(&x, h, 2);
        x = be ? __builtin_bswap16(x) : x;
        v = mo & IR_MO_SIGN ? (uint64_t)(int64_t)(int16_t)x : x;
        break;
    }
    case 2: {
        uint32_t x;
        memcpy(&x, h, 4);
        x = be ? __builtin_bswap32(x) : x;
        v = mo & IR_MO_SIGN ? (uint64_t)(int64_t)(int32_t)x : x;
        break;
    }
    default:
        memcpy(&v, h, 8);
        v = be ? __builtin_bswap64(v) : v;
        break;
    }
    return t == IR_I32 ? (uint32_t)v : v;
}

static void mem_store(CPUCommon *cpu, uint64_t addr, unsigned mo, uint64_t v)
{
    uint8_t *h = guest_ptr(cpu, addr, 1u << (mo & IR_MO_SIZE));
    bool be = mo & IR_MO_BE;
    switch (mo & IR_MO_SIZE) {
    case 0:
        *h = (uint8_t)v;
        break;
    case 1: {
        uint16_t x = be ? __builtin_bswap16((uint16_t)v) : (uint16_t)v;
        memcpy(h, &x, 2);
        break;
    }
    case 2: {
        uint32_t x = be ? __builtin_bswap32((uint32_t)v) : (uint32_t)v;
        memcpy(h, &x, 4);
        break;
    }
    default: {
        uint64_t x = be ? __builtin_bswap64(v) : v;
        memcpy(h, &x, 8);
        break;
    }
    }
}

/* Raw bits of memory in guest byte order converted to a host value (no extension). */
static uint64_t to_host(unsigned mo, uint64_t raw)
{
    if (!(mo & IR_MO_BE))
        return raw;
    switch (mo & IR_MO_SIZE) {
    case 1:
        return __builtin_bswap16((uint16_t)raw);
    case 2:
        return __builtin_bswap32((uint32_t)raw);
    case 3:
        return __builtin_bswap64(raw);
    default:
        return raw;
    }
}

static uint64_t extend(unsigned mo, uint64_t v, IrType t)
{
    unsigned bits = 8u << (mo & IR_MO_SIZE);
    if (bits < 64) {
        v &= (1ull << bits) - 1;
        if ((mo & IR_MO_SIGN) && (v >> (bits - 1)) & 1)
            v |= ~0ull << bits;
    }
    return t == IR_I32 ? (uint32_t)v : v;
}

/* Compare-and-swap of 1/2/4/8 bytes of raw (guest-order) bits; returns the old raw bits. */
static uint64_t cas_raw(uint8_t *h, unsigned size, uint64_t expect, uint64_t nv)
{
    switch (size) {
    case 0: {
        uint8_t e = (uint8_t)expect;
        __atomic_compare_exchange_n(h, &e, (uint8_t)nv, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
        return e;
    }
    case 1: {
        uint16_t e = (uint16_t)expect;
        __atomic_compare_exchange_n((uint16_t *)h, &e, (uint16_t)nv, false, __ATOMIC_SEQ_CST,
                                    __ATOMIC_SEQ_CST);
        return e;
    }
    case 2: {
        uint32_t e = (uint32_t)expect;
        __atomic_compare_exchange_n((uint32_t *)h, &e, (uint32_t)nv, false, __ATOMIC_SEQ_CST,
                                    __ATOMIC_SEQ_CST);
        return e;
    }
    default: {
        uint64_t e = expect;
        __atomic_compare_exchange_n((uint64_t *)h, &e, nv, false, __ATOMIC_SEQ_CST,
                                    __ATOMIC_SEQ_CST);
        return e;
    }
    }
}

static uint64_t op_cmpxchg(CPUCommon *cpu, uint64_t addr, uint64_t cmp, uint64_t nv, unsigned mo,
                           IrType t)
{
    unsigned size = mo & IR_MO_SIZE;
    uint64_t mask = size == 3 ? ~0ull : (1ull << (8u << size)) - 1;
    uint64_t old = cas_raw(guest_ptr(cpu, addr, 1u << size), size, to_host(mo, cmp & mask),
                           to_host(mo, nv & mask));
    return extend(mo, to_host(mo, old), t);
}

static uint64_t rmw_apply(IrAtomicOp aop, unsigned mo, uint64_t old, uint64_t v)
{
    uint64_t so = extend(mo | IR_MO_SIGN, old, IR_I64), sv = extend(mo | IR_MO_SIGN, v, IR_I64);
    uint64_t uo = extend(mo & ~IR_MO_SIGN, old, IR_I64), uv = extend(mo & ~IR_MO_SIGN, v, IR_I64);
    switch (aop) {
    case IR_ATOMIC_XCHG:
        return v;
    case IR_ATOMIC_ADD:
        return old + v;
    case IR_ATOMIC_AND:
        return old & v;
    case IR_ATOMIC_ANDC:
        return old & ~v;
    case IR_ATOMIC_OR:
        return old | v;
    case IR_ATOMIC_XOR:
        return old ^ v;
    case IR_ATOMIC_SMAX:
        return (int64_t)so > (int64_t)sv ? old : v;
    case IR_ATOMIC_SMIN:
        return (int64_t)so < (int64_t)sv ? old : v;
    case IR_ATOMIC_UMAX:
        return uo > uv ? old : v;
    case IR_ATOMIC_UMIN:
        return uo < uv ? old : v;
    }
    return v;
}

static uint64_t op_atomic_rmw(CPUCommon *cpu, uint64_t addr, uint64_t v, unsigned mo,
                              IrAtomicOp aop, IrType t)
{
    unsigned size = mo & IR_MO_SIZE;
    uint64_t mask = size == 3 ? ~0ull : (1ull << (8u << size)) - 1;
    uint8_t *h = guest_ptr(cpu, addr, 1u << size);
    uint64_t raw = 0;
    memcpy(&raw, h, 1u << size);
    for (;;) {
        uint64_t old = to_host(mo, raw) & mask;
        uint64_t nv = rmw_apply(aop, mo, old, v) & mask;
        uint64_t seen = cas_raw(h, size, raw, to_host(mo, nv));
        if ((seen & mask) == (raw & mask))
            return extend(mo, old, t);
        raw = seen;
    }
}

typedef uint64_t (*HelperFn)(CPUCommon *, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);

static void op_call(const IrContext *ir, CPUCommon *cpu, const IrOp *op)
{
    uint64_t a[IR_CALL_MAX_ARGS] = {0};
    for (int k = 0; k < op->nin; k++)
        a[k] = get(ir, cpu, ir_in(op, k));
    HelperFn fn = (HelperFn)(uintptr_t)ir_cst(op, 0);
    uint64_t r = fn(cpu, a[0], a[1], a[2], a[3], a[4]);
    if (op->nout)
        set(ir, cpu, ir_out(op, 0), r);
}

static void ensure_vals(uint32_t n)
{
    if (n <= nvals)
        return;
    uint32_t cap = n < 1024 ? 1024 : n * 2;
    uint64_t *v = realloc(vals, cap * sizeof(uint64_t));
    if (!v)
        abort();
    vals = v;
    nvals = cap;
}

/* Executes the op with side effects at ops[*i]; returns true when the TB exits. */
static bool run_side(const IrContext *ir, CPUCommon *cpu, TB *tb, uint32_t *i, TBExit *e)
{
    const IrOp *op = &ir->ops[*i];
    IrType t = (IrType)op->type;
    switch (op->opc) {
    case IR_OP_insn_start:
        cpu->insn_pc = op->args[0];
        break;
    case IR_OP_set_label:
    case IR_OP_goto_tb:
    case IR_OP_discard:
    case IR_OP_nop:
        break;
    case IR_OP_br:
        *i = (uint32_t)op->args[0];
        break;
    case IR_OP_brcond:
        if (ir_cond_eval((IrCond)ir_cst(op, 0), t, get(ir, cpu, ir_in(op, 0)),
                         get(ir, cpu, ir_in(op, 1))))
            *i = (uint32_t)ir_cst(op, 1);
        break;
    case IR_OP_ld_env: {
        const uint8_t *p = (const uint8_t *)cpu + (int64_t)ir_cst(op, 0);
        set(ir, cpu, ir_out(op, 0), t == IR_I32 ? *(const uint32_t *)p : *(const uint64_t *)p);
        break;
    }
    case IR_OP_st_env: {
        uint8_t *p = (uint8_t *)cpu + (int64_t)ir_cst(op, 0);
        uint64_t v = get(ir, cpu, ir_in(op, 0));
        if (t == IR_I32)
            *(uint32_t *)p = (uint32_t)v;
        else
            *(uint64_t *)p = v;
        break;
    }
    case IR_OP_mov_env128:
        memmove((uint8_t *)cpu + (int64_t)ir_cst(op, 0), (uint8_t *)cpu + (int64_t)ir_cst(op, 1),
                16);
        break;
    case IR_OP_vec:
        ir_vec_eval(cpu, &op->args[0]);
        break;
    case IR_OP_ld:
        set(ir, cpu, ir_out(op, 0),
            mem_load(cpu, get(ir, cpu, ir_in(op, 0)), (unsigned)ir_cst(op, 0), t));
        break;
    case IR_OP_st:
        mem_store(cpu, get(ir, cpu, ir_in(op, 1)), (unsigned)ir_cst(op, 0),
                  get(ir, cpu, ir_in(op, 0)));
        break;
    case IR_OP_ld_v128:
        memcpy((uint8_t *)cpu + (int64_t)ir_cst(op, 1),
               guest_ptr(cpu, get(ir, cpu, ir_in(op, 0)), 16), 16);
        break;
    case IR_OP_st_v128:
        memcpy(guest_ptr(cpu, get(ir, cpu, ir_in(op, 0)), 16),
               (uint8_t *)cpu + (int64_t)ir_cst(op, 1), 16);
        break;
    case IR_OP_cmpxchg:
        set(ir, cpu, ir_out(op, 0),
            op_cmpxchg(cpu, get(ir, cpu, ir_in(op, 0)), get(ir, cpu, ir_in(op, 1)),
                       get(ir, cpu, ir_in(op, 2)), (unsigned)ir_cst(op, 0), t));
        break;
    case IR_OP_atomic_rmw:
        set(ir, cpu, ir_out(op, 0),
            op_atomic_rmw(cpu, get(ir, cpu, ir_in(op, 0)), get(ir, cpu, ir_in(op, 1)),
                          (unsigned)ir_cst(op, 0), (IrAtomicOp)ir_cst(op, 1), t));
        break;
    case IR_OP_mb:
        if (ir_cst(op, 0) & IR_MB_ST_LD)
            __atomic_thread_fence(__ATOMIC_SEQ_CST);
        break;
    case IR_OP_call:
        op_call(ir, cpu, op);
        break;
    case IR_OP_fp_env:
    case IR_OP_fp_int:
    case IR_OP_fp_from_int: { /* the exact helper: the semantics of the backend's fast path */
        uint64_t a = op->nin ? get(ir, cpu, ir_in(op, 0)) : 0;
        uint64_t r = ((HelperFn)(uintptr_t)ir_cst(op, 2))(cpu, ir_cst(op, 3), a, 0, 0, 0);
        if (op->nout)
            set(ir, cpu, ir_out(op, 0), r);
        break;
    }
    case IR_OP_exit_tb:
        *e = (TBExit){tb, (uint32_t)op->args[0]};
        return true;
    case IR_OP_lookup_and_goto:
        *e = (TBExit){tb, IR_EXIT_NEXT};
        return true;
    default:
        abort(); /* an op without a semantics here is a bug in this file */
    }
    return false;
}

TBExit ir_interp_run(CPUCommon *cpu, TB *tb)
{
    const IrContext *ir = tb->ir;
    if (__atomic_load_n(&cpu->exit_request, __ATOMIC_RELAXED))
        return (TBExit){tb, IR_EXIT_REQUESTED};
    ensure_vals(ir->ntemps);
    TBExit e = {tb, IR_EXIT_NEXT};
    for (uint32_t i = 0; i < ir->nops; i++) {
        const IrOp *op = &ir->ops[i];
        const IrOpDef *d = &ir_op_defs[op->opc];
        if (!(d->flags & (IR_OPF_SIDE | IR_OPF_CALL)) && op->nout == 1 && op->opc != IR_OP_ld_env) {
            uint64_t in[4];
            for (int k = 0; k < op->nin; k++)
                in[k] = get(ir, cpu, ir_in(op, k));
            uint64_t r;
            if (!ir_eval_pure(op, in, &r))
                abort(); /* pure op without a semantics: a bug in ir_eval.c */
            set(ir, cpu, ir_out(op, 0), r);
            continue;
        }
        if (run_side(ir, cpu, tb, &i, &e))
            return e;
    }
    return e;
}
