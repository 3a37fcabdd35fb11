/*
 * Instruction selection for memory: guest loads and stores ([r14 + addr]
 * with extension and byte swapping per IrMemOp), CPU-state accesses
 * (ld_env/st_env/mov_env128, [rbp + offset]), 128-bit copies through xmm0,
 * and the atomics (lock cmpxchg, xchg, lock xadd, cmpxchg loops).
 *
 * Ops that may fault leave dirty guest globals in host registers: right
 * before each access, x86_fault_access records where they are (faultrec.c).
 *
 * Guest addresses in a register are checked against the window before each
 * access (CPUCommon.mem_size; see CPU_WILD_TRAP), so no guest address reaches
 * host memory outside it; constant addresses below 2 GiB go in the
 * displacement unchecked (the window and its guard cover them).
 * With the guards, a check is elided when an earlier access in the same basic
 * block checked an address that differs by a known constant below 2 GiB
 * (x86_mem_track): the access then lands in the window or a guard, whose
 * fault gives the guest address (host address - guest_base) and pc as usual.
 * XXX: with -B the window has no guards, so a constant address past a window
 * smaller than 2 GiB, or an access straddling the window's end, reaches the
 * host memory just above it.
 */
#include "translator/x86_64/codegen.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define ALLOC X86_ALLOCATABLE

/* Guest address operand: [r14 + index + disp]; check: index needs the window check. */
typedef struct MemAddr {
    int index;
    int32_t disp;
    bool check;
} MemAddr;

/* Offsets kept in address expressions: two of them differ by less than 2 GiB, so an access
 * (at most 64 bytes) near a checked address stays within the 4 GiB guards. */
#define ADDR_REACH (1 << 30)

static bool addr_uses(const X86AddrExpr *e, IrTemp t)
{
    return e->a == t || e->b == t;
}

/* Removes the entries of tab (*n of them) that use t (or, def_too, define it). */
static void addr_remove(X86AddrExpr *tab, uint8_t *n, IrTemp t, bool def_too)
{
    uint8_t k = 0;
    for (uint8_t i = 0; i < *n; i++)
        if (!addr_uses(&tab[i], t) && !(def_too && tab[i].t == t))
            tab[k++] = tab[i];
    *n = k;
}

static void addr_push(X86AddrExpr *tab, uint8_t *n, X86AddrExpr e)
{
    if (*n == X86_ADDR_MAX) { /* full: forget the oldest */
        memmove(tab, tab + 1, (X86_ADDR_MAX - 1) * sizeof(*tab));
        (*n)--;
    }
    tab[(*n)++] = e;
}

/* The address temp t as a + b + c: its defining add in this block, or t + 0. */
static X86AddrExpr addr_expr(const X86Gen *g, IrTemp t)
{
    for (uint8_t i = 0; i < g->naddr_def; i++)
        if (g->addr_def[i].t == t)
            return g->addr_def[i];
    return (X86AddrExpr){t, t, IR_TEMP_NONE, 0};
}

/*
 * True when t needs the window check; false when an address checked earlier in the block
 * differs from t by a known constant (only with the guards).  Records t as checked.
 */
static bool addr_needs_check(X86Gen *g, IrTemp t)
{
    if (!g->ctx->mem_guarded)
        return true;
    X86AddrExpr e = addr_expr(g, t);
    for (uint8_t i = 0; i < g->naddr_ok; i++) {
        const X86AddrExpr *o = &g->addr_ok[i];
        if ((o->a == e.a && o->b == e.b) || (o->a == e.b && o->b == e.a))
            return false; /* |o->c - e.c| < 2 * ADDR_REACH */
    }
    addr_push(g->addr_ok, &g->naddr_ok, e);
    return true;
}

/* The defining add of an address temp: d = a + b, or a + c with |c| < ADDR_REACH. */
static void addr_track_add(X86Gen *g, const IrOp *op)
{
    IrTemp d = ir_out(op, 0), a = ir_in(op, 0), b = ir_in(op, 1);
    if (op->type != IR_I64 || d == a || d == b || x86_ra_is_const(g, a))
        return;
    X86AddrExpr e = {d, a, b, 0};
    if (x86_ra_is_const(g, b)) {
        int64_t c = (int64_t)x86_ra_const_val(g, b);
        if (c <= -ADDR_REACH || c >= ADDR_REACH)
            return;
        e.b = IR_TEMP_NONE;
        e.c = (int32_t)c;
    }
    addr_push(g->addr_def, &g->naddr_def, e);
}

/*
 * After each op: forgets what its outputs redefine, everything at block boundaries and where
 * the CPU state may change behind the register allocator (helper calls, st_env, mov_env128),
 * and records adds that may define addresses.
 */
void x86_mem_track(X86Gen *g, const IrOp *op)
{
    if (!g->ctx->mem_guarded)
        return;
    unsigned fl = ir_def(op)->flags;
    if (op->opc == IR_OP_set_label || op->opc == IR_OP_st_env || op->opc == IR_OP_mov_env128 ||
        (fl & (IR_OPF_BB_END | IR_OPF_CALL))) {
        g->naddr_def = g->naddr_ok = 0;
        return;
    }
    for (int i = 0; i < op->nout; i++) {
        addr_remove(g->addr_def, &g->naddr_def, ir_out(op, i), true);
        addr_remove(g->addr_ok, &g->naddr_ok, ir_out(op, i), false);
    }
    if (op->opc == IR_OP_add)
        addr_track_add(g, op);
}

static MemAddr mem_addr(X86Gen *g, IrTemp addr)
{
    MemAddr m = {X86_NO_REG, 0, false};
    if (x86_ra_is_const(g, addr) && x86_ra_const_val(g, addr) < (1ull << 31)) {
        m.disp = (int32_t)x86_ra_const_val(g, addr);
    } else {
        m.index = x86_ra_in(g, addr, ALLOC);
        m.check = addr_needs_check(g, addr);
    }
    return m;
}

#define X86_OPC_CMP_LOAD 0x3bu /* cmp r, r/m */

/*
 * index < mem_size, or else (out of line, x86_mem_emit_stubs) wild_addr = index and index =
 * CPU_WILD_TRAP, so that the access that follows faults (#GP) and the fault handler reports
 * wild_addr.  The access must come right after: the failure path jumps back to it and never
 * returns from it.  The common path is a compare and a branch not taken.
 */
typedef struct X86WildStub {
    uint8_t *site; /* rel32 of the jae */
    uint8_t *back; /* the access */
    int index;
} X86WildStub;

static void emit_window_check(X86Gen *g, int index)
{
    CodeBuf *cb = g->cb;
    x86_op_md(cb, X86_OPC_CMP_LOAD | X86_P_W, index, X86_REG_CPU,
              (int32_t)offsetof(CPUCommon, mem_size));
    uint8_t *site = x86_jcc32(cb, X86_CC_AE);
    X86WildStub *st =
        x86_gen_push(g, &g->wild_stubs, &g->nwild_stubs, &g->wild_stubs_cap, sizeof(*st));
    if (st)
        *st = (X86WildStub){site, cb->ptr, index};
}

int x86_mem_emit_stubs(X86Gen *g)
{
    CodeBuf *cb = g->cb;
    for (uint32_t i = 0; i < g->nwild_stubs; i++) {
        const X86WildStub *st = &g->wild_stubs[i];
        if (codebuf_room(cb) < 64)
            return -ENOSPC;
        x86_patch32(st->site, cb->ptr);
        x86_store(cb, true, st->index, X86_REG_CPU, (int32_t)offsetof(CPUCommon, wild_addr));
        x86_movi(cb, true, st->index, CPU_WILD_TRAP);
        x86_jmp_to(cb, st->back);
    }
    return 0;
}

static void mem_op(X86Gen *g, unsigned opc, int r, MemAddr m)
{
    x86_fault_access(g, m.check ? m.index : -1);
    if (m.check)
        emit_window_check(g, m.index);
    x86_op_mem(g->cb, opc, r, X86_REG_GBASE, m.index, 0, m.disp);
}

/* Extends the low 8 << size bits of r in place to the op width. */
static void emit_extend(CodeBuf *cb, int r, unsigned size, bool sign, bool is64)
{
    switch (size) {
    case IR_MO_8:
        x86_op_rr(cb, (sign ? X86_OPC_MOVSBL : X86_OPC_MOVZBL) | x86_w(sign && is64), r, r);
        break;
    case IR_MO_16:
        x86_op_rr(cb, (sign ? X86_OPC_MOVSWL : X86_OPC_MOVZWL) | x86_w(sign && is64), r, r);
        break;
    case IR_MO_32:
        if (sign && is64)
            x86_op_rr(cb, X86_OPC_MOVSLQ, r, r);
        else
            x86_mov_rr(cb, false, r, r);
        break;
    default:
        break;
    }
}

/* Plain little-endian load with extension. */
static void emit_load(X86Gen *g, int r, MemAddr m, unsigned size, bool sign, bool is64)
{
    switch (size) {
    case IR_MO_8:
        mem_op(g, (sign ? X86_OPC_MOVSBL : X86_OPC_MOVZBL) | x86_w(sign && is64), r, m);
        break;
    case IR_MO_16:
        mem_op(g, (sign ? X86_OPC_MOVSWL : X86_OPC_MOVZWL) | x86_w(sign && is64), r, m);
        break;
    case IR_MO_32:
        mem_op(g, sign && is64 ? X86_OPC_MOVSLQ : X86_OPC_MOV_LOAD, r, m);
        break;
    default:
        mem_op(g, X86_OPC_MOV_LOAD | X86_P_W, r, m);
        break;
    }
}

static void emit_load_be(X86Gen *g, int r, MemAddr m, unsigned size, bool sign, bool is64)
{
    CodeBuf *cb = g->cb;
    if (g->feat->movbe) {
        unsigned opc = X86_OPC_MOVBE_LOAD | (size == IR_MO_16 ? X86_P_66 : 0) |
                       (size == IR_MO_64 ? X86_P_W : 0);
        mem_op(g, opc, r, m);
        emit_extend(cb, r, size, sign, is64);
        return;
    }
    emit_load(g, r, m, size, false, false);
    x86_bswap(cb, size == IR_MO_64, r);
    if (size == IR_MO_16) {
        x86_shift_ri(cb, sign ? X86_SAR : X86_SHR, false, r, 16);
        if (sign && is64)
            x86_op_rr(cb, X86_OPC_MOVSLQ, r, r);
    } else {
        emit_extend(cb, r, size, sign, is64);
    }
}

static unsigned store_opc(unsigned size)
{
    switch (size) {
    case IR_MO_8:
        return X86_OPC_MOVB_STORE;
    case IR_MO_16:
        return X86_OPC_MOV_STORE | X86_P_66;
    case IR_MO_32:
        return X86_OPC_MOV_STORE;
    default:
        return X86_OPC_MOV_STORE | X86_P_W;
    }
}

static void gen_ld(X86Gen *g, const IrOp *op)
{
    IrTemp d = ir_out(op, 0), addr = ir_in(op, 0);
    unsigned mo = (unsigned)ir_cst(op, 0), size = mo & IR_MO_SIZE;
    bool sign = mo & IR_MO_SIGN, is64 = op->type == IR_I64;
    MemAddr m = mem_addr(g, addr);
    int r = m.index >= 0 ? x86_ra_out_any(g, op, d, 0, m.index) : x86_ra_out_fresh(g, op, d, ALLOC);
    if ((mo & IR_MO_BE) && size != IR_MO_8)
        emit_load_be(g, r, m, size, sign, is64);
    else
        emit_load(g, r, m, size, sign, is64);
    x86_ra_bind(g, d, r);
}

static bool st_imm(X86Gen *g, IrTemp v, unsigned size, MemAddr m)
{
    if (!x86_ra_is_const(g, v))
        return false;
    uint64_t c = x86_ra_const_val(g, v);
    if (size == IR_MO_64 && !x86_fits_i32((int64_t)c))
        return false;
    CodeBuf *cb = g->cb;
    switch (size) {
    case IR_MO_8:
        mem_op(g, 0xc6u, 0, m);
        x86_u8(cb, (uint8_t)c);
        break;
    case IR_MO_16:
        mem_op(g, 0xc7u | X86_P_66, 0, m);
        x86_u16(cb, (uint16_t)c);
        break;
    default:
        mem_op(g, 0xc7u | (size == IR_MO_64 ? X86_P_W : 0), 0, m);
        x86_u32(cb, (uint32_t)c);
        break;
    }
    return true;
}

static void gen_st(X86Gen *g, const IrOp *op)
{
    IrTemp v = ir_in(op, 0), addr = ir_in(op, 1);
    unsigned mo = (unsigned)ir_cst(op, 0), size = mo & IR_MO_SIZE;
    bool be = (mo & IR_MO_BE) && size != IR_MO_8;
    MemAddr m = mem_addr(g, addr);
    if (!be && st_imm(g, v, size, m))
        return;
    int rv = x86_ra_in(g, v, ALLOC);
    if (!be) {
        mem_op(g, store_opc(size), rv, m);
        return;
    }
    if (g->feat->movbe) {
        unsigned opc = X86_OPC_MOVBE_STORE | (size == IR_MO_16 ? X86_P_66 : 0) |
                       (size == IR_MO_64 ? X86_P_W : 0);
        mem_op(g, opc, rv, m);
        return;
    }
    int tmp = x86_ra_alloc(g, ALLOC);
    x86_mov_rr(g->cb, true, tmp, rv);
    x86_bswap(g->cb, size == IR_MO_64, tmp);
    if (size == IR_MO_16)
        x86_shift_ri(g->cb, X86_SHR, false, tmp, 16);
    mem_op(g, store_opc(size), tmp, m);
}

void x86_gen_ld_st(X86Gen *g, const IrOp *op)
{
    if (op->opc == IR_OP_ld)
        gen_ld(g, op);
    else
        gen_st(g, op);
}

void x86_gen_env(X86Gen *g, const IrOp *op)
{
    CodeBuf *cb = g->cb;
    bool is64 = op->type == IR_I64;
    if (op->opc == IR_OP_mov_env128) {
        int32_t dst = (int32_t)ir_cst(op, 0), src = (int32_t)ir_cst(op, 1);
        if (g->feat->avx && x86_vc_mov128(g, dst, src)) /* vector-register cache (vcache.c) */
            return;
        x86_ra_env_access(g, src, 16, false);
        x86_ra_env_access(g, dst, 16, true);
        x86_op_md(cb, X86_OPC_MOVDQU_LOAD, 0, X86_REG_CPU, src);
        x86_op_md(cb, X86_OPC_MOVDQU_STORE, 0, X86_REG_CPU, dst);
        return;
    }
    int32_t off = (int32_t)ir_cst(op, 0);
    if (op->opc == IR_OP_ld_env) {
        IrTemp d = ir_out(op, 0);
        int r = x86_ra_out_fresh(g, op, d, ALLOC);
        if (!g->feat->avx || !x86_vc_ld_env(g, off, is64, r)) {
            x86_ra_env_access(g, off, is64 ? 8 : 4, false);
            x86_load(cb, is64, r, X86_REG_CPU, off);
        }
        x86_ra_bind(g, d, r);
        return;
    }
    IrTemp v = ir_in(op, 0);
    if (g->feat->avx && x86_vc_covers(g, off, is64 ? 8 : 4)) {
        x86_vc_st_env(g, off, is64, x86_ra_in(g, v, ALLOC));
        return;
    }
    x86_ra_env_access(g, off, is64 ? 8 : 4, true);
    if (x86_ra_is_const(g, v) && (!is64 || x86_fits_i32((int64_t)x86_ra_const_val(g, v)))) {
        x86_store_imm(cb, is64, X86_REG_CPU, off, (int32_t)x86_ra_const_val(g, v));
        return;
    }
    x86_store(cb, is64, x86_ra_in(g, v, ALLOC), X86_REG_CPU, off);
}

/* XXX: big-endian 128-bit accesses are copied as little-endian. */
void x86_gen_v128(X86Gen *g, const IrOp *op)
{
    int32_t off = (int32_t)ir_cst(op, 1);
    bool load = op->opc == IR_OP_ld_v128;
    if (g->feat->avx) { /* through the vector-register cache (vcache.c) */
        x86_ra_env_access_gprs(g, off, 16, load);
        MemAddr m = mem_addr(g, ir_in(op, 0));
        int x = load ? x86_vc_def(g, off, false) : x86_vc_get(g, off);
        mem_op(g, load ? X86_OPC_MOVDQU_LOAD : X86_OPC_MOVDQU_STORE, x, m);
        return;
    }
    x86_ra_env_access(g, off, 16, load);
    MemAddr m = mem_addr(g, ir_in(op, 0));
    if (load) {
        mem_op(g, X86_OPC_MOVDQU_LOAD, 0, m);
        x86_op_md(g->cb, X86_OPC_MOVDQU_STORE, 0, X86_REG_CPU, off);
    } else {
        x86_op_md(g->cb, X86_OPC_MOVDQU_LOAD, 0, X86_REG_CPU, off);
        mem_op(g, X86_OPC_MOVDQU_STORE, 0, m);
    }
}

static unsigned sized(unsigned size, unsigned opc32, unsigned opc8)
{
    switch (size) {
    case IR_MO_8:
        return opc8;
    case IR_MO_16:
        return opc32 | X86_P_66;
    case IR_MO_32:
        return opc32;
    default:
        return opc32 | X86_P_W;
    }
}

/* XXX: big-endian atomics are performed little-endian (no big-endian guest yet). */
void x86_gen_cmpxchg(X86Gen *g, const IrOp *op)
{
    unsigned mo = (unsigned)ir_cst(op, 0), size = mo & IR_MO_SIZE;
    x86_ra_evict(g, X86_RAX, ALLOC);
    int rn = x86_ra_in(g, ir_in(op, 2), ALLOC);
    MemAddr m = mem_addr(g, ir_in(op, 0));
    x86_ra_copy_to(g, ir_in(op, 1), X86_RAX);
    mem_op(g, sized(size, X86_OPC_CMPXCHG, X86_OPC_CMPXCHGB) | X86_P_LOCK, rn, m);
    emit_extend(g->cb, X86_RAX, size, mo & IR_MO_SIGN, op->type == IR_I64);
    x86_ra_bind(g, ir_out(op, 0), X86_RAX);
}

/* xchg / lock xadd: the old value comes back in the source register. */
static void gen_rmw_direct(X86Gen *g, const IrOp *op, unsigned mo, bool add)
{
    unsigned size = mo & IR_MO_SIZE;
    IrTemp d = ir_out(op, 0);
    if (d != ir_in(op, 1)) /* out_from may copy the value into d's register before the access */
        x86_ra_writeback(g, d);
    MemAddr m = mem_addr(g, ir_in(op, 0));
    int r = x86_ra_out_from(g, op, d, 1);
    unsigned opc = add ? sized(size, X86_OPC_XADD, X86_OPC_XADDB) | X86_P_LOCK
                       : sized(size, X86_OPC_XCHG, X86_OPC_XCHGB);
    mem_op(g, opc, r, m);
    emit_extend(g->cb, r, size, mo & IR_MO_SIGN, op->type == IR_I64);
    x86_ra_bind(g, d, r);
}

/* The operation of a cmpxchg loop: tmp = op(tmp, v). */
static void emit_rmw_step(CodeBuf *cb, IrAtomicOp aop, bool w64, int tmp, int rv)
{
    static const X86Cond take_v[] = {
        [IR_ATOMIC_SMAX] = X86_CC_L,
        [IR_ATOMIC_SMIN] = X86_CC_G,
        [IR_ATOMIC_UMAX] = X86_CC_B,
        [IR_ATOMIC_UMIN] = X86_CC_A,
    };
    switch (aop) {
    case IR_ATOMIC_AND:
    case IR_ATOMIC_ANDC:
        x86_alu_rr(cb, X86_AND, w64, tmp, rv);
        break;
    case IR_ATOMIC_OR:
        x86_alu_rr(cb, X86_OR, w64, tmp, rv);
        break;
    case IR_ATOMIC_XOR:
        x86_alu_rr(cb, X86_XOR, w64, tmp, rv);
        break;
    default:
        x86_alu_rr(cb, X86_CMP, w64, tmp, rv);
        x86_cmov(cb, take_v[aop], w64, tmp, rv);
        break;
    }
}

void x86_gen_atomic_rmw(X86Gen *g, const IrOp *op)
{
    unsigned mo = (unsigned)ir_cst(op, 0), size = mo & IR_MO_SIZE;
    IrAtomicOp aop = (IrAtomicOp)ir_cst(op, 1);
    CodeBuf *cb = g->cb;
    if (aop == IR_ATOMIC_XCHG || aop == IR_ATOMIC_ADD) {
        gen_rmw_direct(g, op, mo, aop == IR_ATOMIC_ADD);
        return;
    }
    bool w64 = size == IR_MO_64;
    bool sign = aop == IR_ATOMIC_SMAX || aop == IR_ATOMIC_SMIN;
    x86_ra_evict(g, X86_RAX, ALLOC);
    int rv = x86_ra_in(g, ir_in(op, 1), ALLOC);
    MemAddr m = mem_addr(g, ir_in(op, 0));
    int vx = x86_ra_alloc(g, ALLOC);
    int tmp = x86_ra_alloc(g, ALLOC);
    x86_mov_rr(cb, true, vx, rv);
    emit_extend(cb, vx, size, sign, false);
    if (aop == IR_ATOMIC_ANDC)
        x86_grp3(cb, 2, w64, vx);
    emit_load(g, X86_RAX, m, size, false, false);
    uint8_t *loop = cb->ptr;
    emit_extend(cb, X86_RAX, size, sign, false);
    x86_mov_rr(cb, w64, tmp, X86_RAX);
    emit_rmw_step(cb, aop, w64, tmp, vx);
    mem_op(g, sized(size, X86_OPC_CMPXCHG, X86_OPC_CMPXCHGB) | X86_P_LOCK, tmp, m);
    x86_patch8(x86_jcc8(cb, X86_CC_NE), loop);
    emit_extend(cb, X86_RAX, size, mo & IR_MO_SIGN, op->type == IR_I64);
    x86_ra_bind(g, ir_out(op, 0), X86_RAX);
}
