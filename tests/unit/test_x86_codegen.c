/*
 * Tests of the x86-64 backend: IR built with the builders is compiled into
 * a code buffer and run through the enter stub on a fake CPU state (a
 * CPUCommon followed by fields registered as globals).
 *
 * The value ops are checked differentially against ir_eval_pure (the one
 * definition of op semantics) over edge-case values, with inputs as
 * globals, constants and EBB temps, and outputs aliasing inputs; each
 * differential test runs with the host's features and with none (bsr/bsf,
 * no BMI, popcount helper, no movbe).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "translator/codebuf.h"
#include "translator/ir.h"
#include "translator/tb.h"
#include "translator/x86_64/backend.h"

#define NG64 16
#define NG32 6

typedef struct TestCPU {
    CPUCommon common;
    uint64_t r[NG64];
    uint32_t w[NG32];
    uint64_t seen[6]; /* written by the test helper */
    uint64_t env[4];
    _Alignas(16) uint8_t vec[2][16];
} TestCPU;

static IrGlobals globals;
static IrTemp gr[NG64], gw[NG32];
static IrContext *ctx;
static CodeBuf cb;
static X86TbEnterFn enter;
static TestCPU cpu;
static uint8_t *guest;
static const char *names[NG64 + NG32] = {
    "r0",  "r1",  "r2",  "r3",  "r4",  "r5", "r6", "r7", "r8", "r9", "r10",
    "r11", "r12", "r13", "r14", "r15", "w0", "w1", "w2", "w3", "w4", "w5",
};

static void init_backend(bool host_features)
{
    X86Features f;
    memset(&f, 0, sizeof(f));
    if (host_features)
        x86_detect_features(&f);
    enter = x86_init(&cb, &f);
}

static int setup(void **state)
{
    (void)state;
    memset(&globals, 0, sizeof(globals));
    for (int i = 0; i < NG64; i++)
        gr[i] = ir_globals_add(&globals, IR_I64, (int32_t)offsetof(TestCPU, r[i]), names[i]);
    for (int i = 0; i < NG32; i++)
        gw[i] = ir_globals_add(&globals, IR_I32, (int32_t)offsetof(TestCPU, w[i]), names[NG64 + i]);
    ctx = ir_context_new(&globals);
    assert_non_null(ctx);
    assert_int_equal(codebuf_init(&cb, 4u << 20), 0);
    guest = calloc(1, 1 << 16);
    assert_non_null(guest);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ir_context_free(ctx);
    codebuf_destroy(&cb);
    free(guest);
    return 0;
}

static void reset_ir(void)
{
    ir_reset(ctx, 0x1000);
    memset(&cpu, 0, sizeof(cpu));
    cpu.common.guest_base = guest;
}

/* Compiles ctx into a fresh TB (caller frees with free_tb). */
static TB *compile(void)
{
    TB *tb = calloc(1, sizeof(*tb));
    assert_non_null(tb);
    tb->jmp_patch_offset[0] = tb->jmp_patch_offset[1] = ~0u;
    if (codebuf_room(&cb) < (1u << 16))
        codebuf_reset(&cb);
    assert_int_equal(x86_codegen(ctx, tb, &cb), 0);
    return tb;
}

static void free_tb(TB *tb)
{
    free(tb->insn_host_off);
    free(tb->insn_guest_pc);
    free(tb);
}

static TBExit run(TB *tb)
{
    return enter(&cpu.common, tb->code);
}

/* Compiles and runs ctx; checks it left through exit_tb `code`. */
static void compile_run(uint32_t code)
{
    TB *tb = compile();
    TBExit e = run(tb);
    assert_ptr_equal(e.tb, tb);
    assert_int_equal(e.code, code);
    free_tb(tb);
}

/* ---- differential tests of the pure ops ---- */

static const uint64_t vals[] = {
    0,
    1,
    2,
    5,
    31,
    32,
    63,
    64,
    0x7f,
    0x80,
    0xff,
    0x8000,
    0xffff,
    0x7fffffff,
    0x80000000,
    0xffffffff,
    0x100000000ull,
    0x7fffffffffffffffull,
    0x8000000000000000ull,
    0x123456789abcdef0ull,
    ~0ull,
    (uint64_t)-5,
    (uint64_t)-0x80000000ll,
    0xfedcba9876543210ull,
};
#define NVALS (sizeof(vals) / sizeof(vals[0]))

enum { V_CONST0 = 1, V_CONST1 = 2, V_ALIAS = 4, V_EBB = 8, V_NVARIANTS = 16 };

static uint64_t *gfield(IrTemp g)
{
    for (int i = 0; i < NG64; i++)
        if (gr[i] == g)
            return &cpu.r[i];
    return NULL;
}

static void set_global(IrTemp g, IrType t, uint64_t v)
{
    if (t == IR_I64)
        *gfield(g) = v;
    else
        cpu.w[g - gw[0]] = (uint32_t)v;
}

static uint64_t get_global(IrTemp g, IrType t)
{
    return t == IR_I64 ? *gfield(g) : cpu.w[g - gw[0]];
}

typedef struct OpCase {
    int opc;
    IrType type, out_type;
    int nin;
    uint64_t cst[2];
    int nconst;
} OpCase;

static IrType in_type(const OpCase *c)
{
    return c->type;
}

/* Runs one op with inputs `in` under `variant`; compares with ir_eval_pure. */
static void check_op(const OpCase *c, const uint64_t *in, int variant)
{
    IrType ti = in_type(c), to = c->out_type;
    uint64_t args[IR_MAX_ARGS];
    uint64_t inv[4];
    reset_ir();
    IrTemp gin[4], gout;
    for (int i = 0; i < c->nin; i++) {
        inv[i] = ti == IR_I32 ? (uint32_t)in[i] : in[i];
        gin[i] = ti == IR_I64 ? gr[i] : gw[i];
        bool is_const = (i == 0 && (variant & V_CONST0)) || (i == 1 && (variant & V_CONST1));
        if (is_const) {
            args[1 + i] = ir_const(ctx, ti, inv[i]);
        } else {
            set_global(gin[i], ti, inv[i]);
            args[1 + i] = gin[i];
            if (variant & V_EBB) {
                IrTemp t = ir_new_temp(ctx, ti);
                ir_gen_mov(ctx, ti, t, gin[i]);
                args[1 + i] = t;
            }
        }
    }
    gout = to == IR_I64 ? gr[8] : gw[5];
    bool alias = (variant & V_ALIAS) && !(variant & (V_CONST0 | V_EBB)) && ti == to;
    if (alias)
        gout = gin[0];
    args[0] = gout;
    for (int k = 0; k < c->nconst; k++)
        args[1 + c->nin + k] = c->cst[k];
    IrOp *op = ir_emit(ctx, c->opc, c->type, args);
    uint64_t want;
    assert_true(ir_eval_pure(op, inv, &want));
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP + 1);
    compile_run(IR_EXIT_EXCP + 1);
    uint64_t got = get_global(gout, to);
    if (got != want) {
        fprintf(stderr, "%s_%s variant %d in %#llx %#llx %#llx %#llx: got %#llx want %#llx\n",
                ir_op_defs[c->opc].name, c->type == IR_I64 ? "i64" : "i32", variant,
                (unsigned long long)inv[0], (unsigned long long)(c->nin > 1 ? inv[1] : 0),
                (unsigned long long)(c->nin > 2 ? inv[2] : 0),
                (unsigned long long)(c->nin > 3 ? inv[3] : 0), (unsigned long long)got,
                (unsigned long long)want);
        fail();
    }
    /* Inputs that are not the output keep their values. */
    for (int i = 0; i < c->nin; i++)
        if (!(gin[i] == gout) &&
            !((i == 0 && (variant & V_CONST0)) || (i == 1 && (variant & V_CONST1))))
            assert_true(get_global(gin[i], ti) == inv[i]);
}

static void check_op_all(const OpCase *c)
{
    for (int v = 0; v < V_NVARIANTS; v++) {
        if ((v & V_CONST1) && c->nin < 2)
            continue;
        if ((v & V_CONST0) && (v & V_CONST1))
            continue;
        for (size_t i = 0; i < NVALS; i++) {
            if (c->nin == 1) {
                check_op(c, (uint64_t[]){vals[i]}, v);
                continue;
            }
            for (size_t j = 0; j < NVALS; j++)
                check_op(c,
                         (uint64_t[]){vals[i], vals[j], vals[(i + j) % NVALS],
                                      vals[(i * 7 + j) % NVALS]},
                         v);
        }
    }
}

static const int binops[] = {
    IR_OP_add, IR_OP_sub,  IR_OP_mul, IR_OP_mulsh, IR_OP_muluh, IR_OP_div,  IR_OP_divu,
    IR_OP_rem, IR_OP_remu, IR_OP_and, IR_OP_or,    IR_OP_xor,   IR_OP_andc, IR_OP_orc,
    IR_OP_eqv, IR_OP_shl,  IR_OP_shr, IR_OP_sar,   IR_OP_rotl,  IR_OP_rotr,
};
static const int unops[] = {
    IR_OP_mov,    IR_OP_neg,     IR_OP_not,     IR_OP_ext8s, IR_OP_ext8u, IR_OP_ext16s,
    IR_OP_ext16u, IR_OP_bswap16, IR_OP_bswap32, IR_OP_clz,   IR_OP_ctz,   IR_OP_ctpop,
};

static void run_value_ops(void)
{
    for (int t = 0; t < 2; t++) {
        IrType ty = t ? IR_I64 : IR_I32;
        for (size_t i = 0; i < sizeof(binops) / sizeof(binops[0]); i++)
            check_op_all(&(OpCase){binops[i], ty, ty, 2, {0}, 0});
        for (size_t i = 0; i < sizeof(unops) / sizeof(unops[0]); i++)
            check_op_all(&(OpCase){unops[i], ty, ty, 1, {0}, 0});
    }
    static const int i64only[] = {IR_OP_ext32s, IR_OP_ext32u, IR_OP_bswap64};
    for (size_t i = 0; i < 3; i++)
        check_op_all(&(OpCase){i64only[i], IR_I64, IR_I64, 1, {0}, 0});
    check_op_all(&(OpCase){IR_OP_extu_i32, IR_I32, IR_I64, 1, {0}, 0});
    check_op_all(&(OpCase){IR_OP_exts_i32, IR_I32, IR_I64, 1, {0}, 0});
    check_op_all(&(OpCase){IR_OP_trunc_i64, IR_I64, IR_I32, 1, {0}, 0});
}

static void run_cond_ops(void)
{
    for (int t = 0; t < 2; t++) {
        IrType ty = t ? IR_I64 : IR_I32;
        for (int c = IR_COND_NEVER; c <= IR_COND_TSTNE; c++) {
            check_op_all(&(OpCase){IR_OP_setcond, ty, ty, 2, {(uint64_t)c}, 1});
            check_op_all(&(OpCase){IR_OP_movcond, ty, ty, 4, {(uint64_t)c}, 1});
        }
    }
}

static void run_bitfield_ops(void)
{
    for (int t = 0; t < 2; t++) {
        IrType ty = t ? IR_I64 : IR_I32;
        unsigned w = t ? 64 : 32;
        for (unsigned pos = 0; pos < w; pos += 3) {
            for (unsigned len = 1; pos + len <= w; len += (len < 17 ? 1 : 7)) {
                uint64_t cst[2] = {pos, len};
                OpCase ex = {IR_OP_extract, ty, ty, 1, {cst[0], cst[1]}, 2};
                OpCase sx = {IR_OP_sextract, ty, ty, 1, {cst[0], cst[1]}, 2};
                OpCase dp = {IR_OP_deposit, ty, ty, 2, {cst[0], cst[1]}, 2};
                for (size_t i = 0; i < NVALS; i += 3) {
                    check_op(&ex, (uint64_t[]){vals[i]}, 0);
                    check_op(&sx, (uint64_t[]){vals[i]}, V_ALIAS);
                    check_op(&dp, (uint64_t[]){vals[i], vals[NVALS - 1 - i]}, i & 3 ? 0 : V_CONST1);
                }
            }
        }
        /* the movzx/movsx and full-width forms */
        static const unsigned lens[] = {8, 16, 32, 64};
        for (int k = 0; k < 4 && lens[k] <= w; k++) {
            for (size_t i = 0; i < NVALS; i++) {
                uint64_t in[2] = {vals[i], vals[(i + 5) % NVALS]};
                check_op(&(OpCase){IR_OP_extract, ty, ty, 1, {0, lens[k]}, 2}, in, V_EBB);
                check_op(&(OpCase){IR_OP_sextract, ty, ty, 1, {0, lens[k]}, 2}, in, 0);
                check_op(&(OpCase){IR_OP_deposit, ty, ty, 2, {0, lens[k]}, 2}, in, 0);
            }
        }
    }
}

static void test_value_ops_host(void **state)
{
    (void)state;
    init_backend(true);
    run_value_ops();
    run_cond_ops();
    run_bitfield_ops();
}

/* ---- control flow ---- */

/* r0 = sum of 1..r1 with a loop on a LOCAL counter; exits with code 20. */
static void test_loop(void **state)
{
    (void)state;
    reset_ir();
    IrTemp i = ir_new_local(ctx, IR_I64);
    uint32_t top = ir_new_label(ctx), done = ir_new_label(ctx);
    ir_gen_movi(ctx, IR_I64, gr[0], 0);
    ir_gen_movi(ctx, IR_I64, i, 1);
    ir_gen_set_label(ctx, top);
    ir_gen_brcond(ctx, IR_I64, IR_COND_GTU, i, gr[1], done);
    ir_gen_binop(ctx, IR_OP_add, IR_I64, gr[0], gr[0], i);
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, i, i, 1);
    ir_gen_br(ctx, top);
    ir_gen_set_label(ctx, done);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP + 4);
    TB *tb = compile();
    for (uint64_t n = 0; n < 200; n += 13) {
        cpu.r[1] = n;
        TBExit e = run(tb);
        assert_int_equal(e.code, IR_EXIT_EXCP + 4);
        assert_int_equal(cpu.r[0], n * (n + 1) / 2);
    }
    free_tb(tb);
}

/* Branch over code on every condition; EBB temps before the branch, globals after. */
static void test_brcond(void **state)
{
    (void)state;
    for (int c = IR_COND_NEVER; c <= IR_COND_TSTNE; c++) {
        for (int k = 0; k < 2; k++) {
            reset_ir();
            uint32_t skip = ir_new_label(ctx);
            IrTemp b = k ? ir_const_i64(ctx, 0x80) : gr[1];
            ir_gen_movi(ctx, IR_I64, gr[2], 1);
            ir_gen_brcond(ctx, IR_I64, (IrCond)c, gr[0], b, skip);
            ir_gen_movi(ctx, IR_I64, gr[2], 0);
            ir_gen_set_label(ctx, skip);
            ir_gen_exit_tb(ctx, IR_EXIT_EXCP);
            TB *tb = compile();
            for (size_t i = 0; i < NVALS; i++) {
                cpu.r[0] = vals[i];
                cpu.r[1] = vals[(i + 3) % NVALS];
                run(tb);
                uint64_t bv = k ? 0x80 : cpu.r[1];
                assert_int_equal(cpu.r[2], ir_cond_eval((IrCond)c, IR_I64, vals[i], bv));
            }
            free_tb(tb);
        }
    }
}

/* More live values than host registers: forces spills of EBB temps and globals. */
static void test_pressure(void **state)
{
    (void)state;
    reset_ir();
    enum { N = 40 };
    IrTemp t[N];
    for (int i = 0; i < N; i++) {
        t[i] = ir_new_temp(ctx, IR_I64);
        ir_gen_binopi(ctx, IR_OP_mul, IR_I64, t[i], gr[i % NG64], (uint64_t)i + 3);
    }
    for (int i = 0; i < NG64; i++)
        ir_gen_binopi(ctx, IR_OP_add, IR_I64, gr[i], gr[i], 1);
    IrTemp sum = ir_new_temp(ctx, IR_I64);
    ir_gen_movi(ctx, IR_I64, sum, 0);
    for (int i = N; i-- > 0;)
        ir_gen_binop(ctx, IR_OP_xor, IR_I64, sum, sum, t[i]);
    ir_gen_mov(ctx, IR_I64, gr[15], sum);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP);
    uint64_t r[NG64], want = 0;
    for (int i = 0; i < NG64; i++)
        r[i] = cpu.r[i] = 0x1111111111111111ull * (uint64_t)i + 7;
    for (int i = N; i-- > 0;)
        want ^= r[i % NG64] * ((uint64_t)i + 3);
    compile_run(IR_EXIT_EXCP);
    for (int i = 0; i < NG64 - 1; i++)
        assert_int_equal(cpu.r[i], r[i] + 1);
    assert_int_equal(cpu.r[15], want);
}

/* ---- memory ---- */

static void test_ld_st(void **state)
{
    (void)state;
    static const uint8_t pattern[16] = {0x81, 0x92, 0xa3, 0xb4, 0xc5, 0xd6, 0xe7, 0xf8,
                                        0x09, 0x1a, 0x2b, 0x3c, 0x4d, 0x5e, 0x6f, 0x70};
    for (unsigned mo = 0; mo < 32; mo++) {
        unsigned size = mo & IR_MO_SIZE;
        if (size > IR_MO_64)
            continue;
        for (int t = 0; t < 2; t++) {
            IrType ty = t ? IR_I64 : IR_I32;
            if (size == IR_MO_64 && ty == IR_I32)
                continue;
            for (int ca = 0; ca < 2; ca++) {
                reset_ir();
                memcpy(guest + 0x100, pattern, 16);
                IrTemp addr = ca ? ir_const_i64(ctx, 0x101) : gr[0];
                IrTemp v = ty == IR_I64 ? gr[1] : gw[1];
                IrTemp sv = ty == IR_I64 ? gr[2] : gw[2];
                cpu.r[0] = 0x101;
                cpu.r[2] = 0x1122334455667788ull;
                cpu.w[2] = 0x55667788u;
                ir_gen_ld(ctx, ty, v, addr, mo);
                IrTemp a2 = ir_new_temp(ctx, IR_I64);
                ir_gen_binopi(ctx, IR_OP_add, IR_I64, a2, addr, 0x20);
                ir_gen_st(ctx, ty, sv, a2, mo);
                ir_gen_exit_tb(ctx, IR_EXIT_EXCP);
                compile_run(IR_EXIT_EXCP);
                unsigned n = 1u << size;
                uint64_t raw = 0;
                for (unsigned i = 0; i < n; i++) {
                    unsigned byte = (mo & IR_MO_BE) ? i : n - 1 - i;
                    raw = raw << 8 | pattern[1 + byte];
                }
                uint64_t want = raw;
                if ((mo & IR_MO_SIGN) && n < 8)
                    want = (uint64_t)(((int64_t)(raw << (64 - 8 * n))) >> (64 - 8 * n));
                if (ty == IR_I32)
                    want = (uint32_t)want;
                uint64_t got = ty == IR_I64 ? cpu.r[1] : cpu.w[1];
                assert_int_equal(got, want);
                uint64_t stored = 0;
                for (unsigned i = 0; i < n; i++) {
                    unsigned byte = (mo & IR_MO_BE) ? i : n - 1 - i;
                    stored = stored << 8 | guest[0x121 + byte];
                }
                uint64_t mask = n == 8 ? ~0ull : (1ull << (8 * n)) - 1;
                assert_int_equal(stored, (ty == IR_I64 ? cpu.r[2] : cpu.w[2]) & mask);
            }
        }
    }
}

static void test_env_v128(void **state)
{
    (void)state;
    reset_ir();
    for (int i = 0; i < 16; i++)
        guest[0x200 + i] = (uint8_t)(i * 17);
    cpu.r[0] = 0x200;
    IrTemp t = ir_new_temp(ctx, IR_I64);
    ir_gen_ld_v128(ctx, gr[0], IR_MO_128, (int32_t)offsetof(TestCPU, vec[0]));
    ir_gen_mov_env128(ctx, (int32_t)offsetof(TestCPU, vec[1]), (int32_t)offsetof(TestCPU, vec[0]));
    IrTemp a = ir_new_temp(ctx, IR_I64);
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, a, gr[0], 0x40);
    ir_gen_st_v128(ctx, a, IR_MO_128, (int32_t)offsetof(TestCPU, vec[1]));
    ir_gen_ld_env(ctx, IR_I64, t, (int32_t)offsetof(TestCPU, vec[1][8]));
    ir_gen_st_env(ctx, IR_I64, t, (int32_t)offsetof(TestCPU, env[0]));
    ir_gen_st_env(ctx, IR_I32, ir_const_i32(ctx, 0xdeadbeef), (int32_t)offsetof(TestCPU, env[1]));
    /* st_env to a global's field while it is cached: the store wins. */
    ir_gen_movi(ctx, IR_I64, gr[3], 5);
    ir_gen_st_env(ctx, IR_I64, ir_const_i64(ctx, 9), (int32_t)offsetof(TestCPU, r[3]));
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, gr[4], gr[3], 1);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP);
    compile_run(IR_EXIT_EXCP);
    assert_memory_equal(guest + 0x240, guest + 0x200, 16);
    assert_memory_equal(cpu.vec[1], guest + 0x200, 16);
    uint64_t hi;
    memcpy(&hi, guest + 0x208, 8);
    assert_int_equal(cpu.env[0], hi);
    assert_int_equal(cpu.env[1], 0xdeadbeef);
    assert_int_equal(cpu.r[3], 9);
    assert_int_equal(cpu.r[4], 10);
}

static uint64_t atomic_ref(IrAtomicOp aop, uint64_t old, uint64_t v, unsigned size)
{
    unsigned bits = 8u << size;
    uint64_t m = bits == 64 ? ~0ull : (1ull << bits) - 1;
    int64_t so = (int64_t)(old << (64 - bits)) >> (64 - bits);
    int64_t sv = (int64_t)(v << (64 - bits)) >> (64 - bits);
    old &= m;
    v &= m;
    switch (aop) {
    case IR_ATOMIC_XCHG:
        return v;
    case IR_ATOMIC_ADD:
        return (old + v) & m;
    case IR_ATOMIC_AND:
        return old & v;
    case IR_ATOMIC_ANDC:
        return old & ~v;
    case IR_ATOMIC_OR:
        return old | v;
    case IR_ATOMIC_XOR:
        return old ^ v;
    case IR_ATOMIC_SMAX:
        return so > sv ? old : v;
    case IR_ATOMIC_SMIN:
        return so < sv ? old : v;
    case IR_ATOMIC_UMAX:
        return old > v ? old : v;
    default:
        return old < v ? old : v;
    }
}

static void test_atomics(void **state)
{
    (void)state;
    static const uint64_t olds[] = {0x8182838485868788ull, 0x0102030405060708ull, 0};
    static const uint64_t vs[] = {0x7f7e7d7c7b7a7978ull, 0xf0f1f2f3f4f5f6f7ull, 5};
    for (unsigned size = 0; size <= IR_MO_64; size++) {
        uint64_t m = size == IR_MO_64 ? ~0ull : (1ull << (8u << size)) - 1;
        for (int aop = IR_ATOMIC_XCHG; aop <= IR_ATOMIC_UMIN; aop++) {
            for (int k = 0; k < 3; k++) {
                reset_ir();
                memcpy(guest + 0x300, &olds[k], 8);
                cpu.r[0] = 0x300;
                cpu.r[1] = vs[k];
                ir_gen_atomic_rmw(ctx, IR_I64, (IrAtomicOp)aop, gr[2], gr[0], gr[1], size);
                ir_gen_exit_tb(ctx, IR_EXIT_EXCP);
                compile_run(IR_EXIT_EXCP);
                uint64_t now;
                memcpy(&now, guest + 0x300, 8);
                assert_int_equal(cpu.r[2], olds[k] & m);
                uint64_t want = (olds[k] & ~m) | atomic_ref((IrAtomicOp)aop, olds[k], vs[k], size);
                assert_int_equal(now, want);
            }
        }
        for (int hit = 0; hit < 2; hit++) {
            reset_ir();
            uint64_t old = 0x1122334455667788ull;
            memcpy(guest + 0x300, &old, 8);
            cpu.r[0] = 0x300;
            cpu.r[1] = hit ? old & m : 0x99;
            cpu.r[3] = 0xa5a5a5a5a5a5a5a5ull;
            ir_gen_cmpxchg(ctx, IR_I64, gr[2], gr[0], gr[1], gr[3], size | IR_MO_SIGN);
            ir_gen_exit_tb(ctx, IR_EXIT_EXCP);
            compile_run(IR_EXIT_EXCP);
            unsigned bits = 8u << size;
            uint64_t sold = (uint64_t)((int64_t)(old << (64 - bits)) >> (64 - bits));
            assert_int_equal(cpu.r[2], sold);
            uint64_t now;
            memcpy(&now, guest + 0x300, 8);
            assert_int_equal(now, hit ? (old & ~m) | (cpu.r[3] & m) : old);
        }
    }
}

/* ---- calls and exits ---- */

static uint64_t helper5(CPUCommon *c, uint64_t a, uint64_t b, uint64_t d, uint64_t e, uint64_t f)
{
    TestCPU *t = (TestCPU *)c;
    t->seen[0] = a;
    t->seen[1] = b;
    t->seen[2] = d;
    t->seen[3] = e;
    t->seen[4] = f;
    t->seen[5] = t->r[7]; /* reads a global from the CPU state */
    t->r[6] = 1234;       /* writes a global */
    return a * 3 + f;
}

/* The same without BMI, LZCNT, POPCNT, MOVBE. */
static void test_baseline_features(void **state)
{
    init_backend(false);
    run_value_ops();
    run_bitfield_ops();
    test_ld_st(state);
    test_atomics(state);
    init_backend(true);
}

static void test_call(void **state)
{
    (void)state;
    for (int flags = 0; flags < 2; flags++) {
        reset_ir();
        cpu.r[0] = 10;
        cpu.r[6] = 1;
        IrTemp e = ir_new_temp(ctx, IR_I64);
        ir_gen_binopi(ctx, IR_OP_add, IR_I64, e, gr[0], 1); /* live across the call */
        ir_gen_movi(ctx, IR_I64, gr[7], 77);                /* dirty global the helper reads */
        IrTemp args[5] = {gr[0], e, ir_const_i64(ctx, 0x123456789ull), gr[7], ir_const_i64(ctx, 5)};
        ir_gen_call(ctx, IR_I64, gr[5], (void *)helper5, flags ? IR_CALL_NO_WRITE_GLOBALS : 0, 5,
                    args);
        if (!flags)
            ir_gen_binopi(ctx, IR_OP_add, IR_I64, gr[6], gr[6], 1); /* sees the helper's write */
        ir_gen_binop(ctx, IR_OP_add, IR_I64, gr[4], e, gr[0]);
        ir_gen_exit_tb(ctx, IR_EXIT_EXCP + 2);
        compile_run(IR_EXIT_EXCP + 2);
        assert_int_equal(cpu.seen[0], 10);
        assert_int_equal(cpu.seen[1], 11);
        assert_int_equal(cpu.seen[2], 0x123456789ull);
        assert_int_equal(cpu.seen[3], 77);
        assert_int_equal(cpu.seen[4], 5);
        assert_int_equal(cpu.seen[5], 77);
        assert_int_equal(cpu.r[5], 35);
        assert_int_equal(cpu.r[4], 21);
        if (!flags)
            assert_int_equal(cpu.r[6], 1235);
    }
}

static void test_exit_request_and_insn_start(void **state)
{
    (void)state;
    reset_ir();
    ir_gen_insn_start(ctx, 0x1000);
    ir_gen_movi(ctx, IR_I64, gr[0], 42);
    ir_gen_insn_start(ctx, 0x1004);
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, gr[0], gr[0], 1);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP + 3);
    TB *tb = compile();
    assert_int_equal(tb->ninsn_starts, 2);
    assert_int_equal(tb->insn_guest_pc[0], 0x1000);
    assert_int_equal(tb->insn_guest_pc[1], 0x1004);
    assert_true(tb->insn_host_off[0] < tb->insn_host_off[1]);
    assert_true(tb->insn_host_off[1] < tb->code_size);
    cpu.common.exit_request = 1;
    TBExit e = run(tb);
    assert_ptr_equal(e.tb, tb);
    assert_int_equal(e.code, IR_EXIT_REQUESTED);
    assert_int_equal(cpu.r[0], 0);
    cpu.common.exit_request = 0;
    e = run(tb);
    assert_int_equal(e.code, IR_EXIT_EXCP + 3);
    assert_int_equal(cpu.r[0], 43);
    free_tb(tb);
}

static void test_goto_tb(void **state)
{
    (void)state;
    reset_ir();
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, gr[0], gr[0], 1);
    ir_gen_goto_tb(ctx, 1);
    TB *a = compile();
    reset_ir();
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, gr[0], gr[0], 100);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP + 7);
    TB *b = compile();
    assert_int_equal(a->jmp_patch_offset[0], ~0u);
    assert_int_equal(a->jmp_patch_offset[1] % 4, 0 + ((uintptr_t)a->code % 4 ? 0 : 0));
    assert_int_equal(((uintptr_t)a->code + a->jmp_patch_offset[1]) % 4, 0);
    TBExit e = run(a);
    assert_ptr_equal(e.tb, a);
    assert_int_equal(e.code, IR_EXIT_CHAIN1);
    assert_int_equal(cpu.r[0], 1);
    x86_patch_jump(a, 1, b->code);
    e = run(a);
    assert_ptr_equal(e.tb, b);
    assert_int_equal(e.code, IR_EXIT_EXCP + 7);
    assert_int_equal(cpu.r[0], 102);
    x86_reset_jump(a, 1);
    e = run(a);
    assert_int_equal(e.code, IR_EXIT_CHAIN1);
    assert_int_equal(cpu.r[0], 103);
    free_tb(a);
    free_tb(b);
}

/* lookup_and_goto with a jmp_cache hit jumps straight to the cached TB. */
static void test_lookup_and_goto_hit(void **state)
{
    (void)state;
    reset_ir();
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, gr[0], gr[0], 100);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP + 9);
    TB *b = compile();
    b->pc = 0x4000;
    b->flags = 3;
    reset_ir();
    ir_gen_movi(ctx, IR_I64, gr[0], 1);
    ir_gen_st_env(ctx, IR_I64, ir_const_i64(ctx, 0x4000), (int32_t)offsetof(CPUCommon, pc));
    ir_gen_lookup_and_goto(ctx);
    TB *a = compile();
    TB **cache = calloc(CPU_JMP_CACHE_SIZE, sizeof(TB *));
    cache[cpu_jmp_cache_hash(0x4000)] = b;
    cpu.common.jmp_cache = cache;
    cpu.common.tb_flags = 3;
    TBExit e = run(a);
    assert_ptr_equal(e.tb, b);
    assert_int_equal(e.code, IR_EXIT_EXCP + 9);
    assert_int_equal(cpu.r[0], 101);
    free(cache);
    free_tb(a);
    free_tb(b);
}

static void test_enospc(void **state)
{
    (void)state;
    reset_ir();
    ir_gen_movi(ctx, IR_I64, gr[0], 1);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP);
    TB *tb = calloc(1, sizeof(*tb));
    uint8_t *save = cb.ptr;
    cb.ptr = cb.end - 100;
    uint8_t *p = cb.ptr;
    assert_int_equal(x86_codegen(ctx, tb, &cb), -ENOSPC);
    assert_ptr_equal(cb.ptr, p);
    cb.ptr = save;
    free_tb(tb);
}

/* ---- random programs: register allocation under pressure, checked by a reference walk ---- */

static uint64_t rng;

static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static uint64_t helper_mix(CPUCommon *c, uint64_t a, uint64_t b, uint64_t d, uint64_t e, uint64_t f)
{
    (void)c;
    return a * 31 + (b ^ d) - (e << 3) + (f >> 1);
}

static uint64_t helper_rw(CPUCommon *c, uint64_t a)
{
    TestCPU *t = (TestCPU *)c;
    t->r[6] = t->r[7] + a;
    return t->r[5] ^ a;
}

typedef struct Pool {
    IrTemp t[512];
    int n, nfixed; /* the first nfixed survive block ends (globals, locals) */
} Pool;

static IrTemp pick(Pool *p, IrType ty)
{
    if (rnd() % 5 == 0)
        return ir_const(ctx, ty, rnd() % 3 ? vals[rnd() % NVALS] : rnd());
    return p->t[rnd() % p->n];
}

static IrTemp pick_out(Pool *p, IrType ty)
{
    if (rnd() % 2 && p->n < 500) {
        IrTemp t = ir_new_temp(ctx, ty);
        p->t[p->n++] = t;
        return t;
    }
    return p->t[rnd() % p->nfixed];
}

static void gen_random_op(Pool *pools)
{
    static const int ops2[] = {
        IR_OP_add, IR_OP_sub,  IR_OP_mul, IR_OP_mulsh, IR_OP_muluh, IR_OP_div,  IR_OP_divu,
        IR_OP_rem, IR_OP_remu, IR_OP_and, IR_OP_or,    IR_OP_xor,   IR_OP_andc, IR_OP_orc,
        IR_OP_eqv, IR_OP_shl,  IR_OP_shr, IR_OP_sar,   IR_OP_rotl,  IR_OP_rotr,
    };
    static const int ops1[] = {IR_OP_mov,    IR_OP_neg,     IR_OP_not,   IR_OP_ext8s,
                               IR_OP_ext16u, IR_OP_bswap32, IR_OP_clz,   IR_OP_ctz,
                               IR_OP_ctpop,  IR_OP_ext8u,   IR_OP_ext16s};
    IrType ty = rnd() % 4 ? IR_I64 : IR_I32;
    Pool *p = &pools[ty];
    unsigned w = ty == IR_I64 ? 64 : 32;
    uint64_t a[IR_MAX_ARGS];
    int k = (int)(rnd() % 8);
    if (k < 3) {
        a[1] = pick(p, ty);
        a[2] = pick(p, ty);
        a[0] = pick_out(p, ty);
        ir_emit(ctx, ops2[rnd() % (sizeof(ops2) / sizeof(ops2[0]))], ty, a);
    } else if (k < 5) {
        a[1] = pick(p, ty);
        a[0] = pick_out(p, ty);
        ir_emit(ctx, ops1[rnd() % (sizeof(ops1) / sizeof(ops1[0]))], ty, a);
    } else if (k == 5) {
        unsigned pos = (unsigned)(rnd() % w), len = 1 + (unsigned)(rnd() % (w - pos));
        int opc = (int)(rnd() % 3);
        a[1] = pick(p, ty);
        a[2] = pick(p, ty);
        int nin = opc == 2 ? 2 : 1;
        a[1 + nin] = pos;
        a[2 + nin] = len;
        a[0] = pick_out(p, ty);
        ir_emit(ctx, opc == 0 ? IR_OP_extract : opc == 1 ? IR_OP_sextract : IR_OP_deposit, ty, a);
    } else if (k == 6) {
        bool mc = rnd() & 1;
        for (int i = 1; i <= 4; i++)
            a[i] = pick(p, ty);
        a[mc ? 5 : 3] = rnd() % 14;
        a[0] = pick_out(p, ty);
        ir_emit(ctx, mc ? IR_OP_movcond : IR_OP_setcond, ty, a);
    } else {
        IrType from = rnd() & 1 ? IR_I32 : IR_I64;
        a[1] = pick(&pools[from], from);
        a[0] = pick_out(&pools[!from], (IrType)!from);
        int opc = from == IR_I64 ? IR_OP_trunc_i64 : rnd() & 1 ? IR_OP_extu_i32 : IR_OP_exts_i32;
        ir_emit(ctx, opc, from, a);
    }
}

static void gen_random_mem_or_call(Pool *pools)
{
    Pool *p = &pools[IR_I64];
    int k = (int)(rnd() % 4);
    if (k < 2) {
        IrTemp addr = ir_new_temp(ctx, IR_I64);
        ir_gen_binopi(ctx, IR_OP_and, IR_I64, addr, pick(p, IR_I64), 0x7ff8);
        unsigned mo = (unsigned)(rnd() % 4) | (rnd() & 1 ? IR_MO_SIGN : 0);
        if (k == 0)
            ir_gen_ld(ctx, IR_I64, pick_out(p, IR_I64), addr, mo);
        else
            ir_gen_st(ctx, IR_I64, pick(p, IR_I64), addr, mo);
    } else if (k == 2) {
        IrTemp args[5];
        for (int i = 0; i < 5; i++)
            args[i] = pick(p, IR_I64);
        ir_gen_call(ctx, IR_I64, pick_out(p, IR_I64), (void *)helper_mix, (unsigned)(rnd() % 4), 5,
                    args);
    } else {
        IrTemp arg = pick(p, IR_I64);
        ir_gen_call(ctx, IR_I64, rnd() & 1 ? pick_out(p, IR_I64) : IR_TEMP_NONE, (void *)helper_rw,
                    0, 1, &arg);
    }
}

/* Reference semantics of the program in ctx, on values v[] and memory mem. */
static void ref_run(uint64_t *v, uint8_t *mem)
{
    for (uint32_t i = 0; i < ctx->nops; i++) {
        const IrOp *op = &ctx->ops[i];
        uint64_t in[IR_MAX_ARGS];
        for (int k = 0; k < op->nin; k++) {
            IrTemp t = ir_in(op, k);
            in[k] = ir_temp_is_const(ctx, t) ? ctx->temps[t].val : v[t];
        }
        switch (op->opc) {
        case IR_OP_exit_tb:
            return;
        case IR_OP_set_label:
            break;
        case IR_OP_brcond:
            if (ir_cond_eval((IrCond)ir_cst(op, 0), (IrType)op->type, in[0], in[1]))
                for (uint32_t j = 0; j < ctx->nops; j++)
                    if (ctx->ops[j].opc == IR_OP_set_label &&
                        ir_cst(&ctx->ops[j], 0) == ir_cst(op, 1))
                        i = j;
            break;
        case IR_OP_ld: {
            unsigned mo = (unsigned)ir_cst(op, 0), n = 1u << (mo & IR_MO_SIZE);
            uint64_t x = 0;
            memcpy(&x, mem + in[0], n);
            if ((mo & IR_MO_SIGN) && n < 8)
                x = (uint64_t)((int64_t)(x << (64 - 8 * n)) >> (64 - 8 * n));
            v[ir_out(op, 0)] = x;
            break;
        }
        case IR_OP_st:
            memcpy(mem + in[1], &in[0], 1u << (ir_cst(op, 0) & IR_MO_SIZE));
            break;
        case IR_OP_call: {
            uint64_t r;
            if (ir_cst(op, 0) == (uint64_t)(uintptr_t)helper_mix) {
                r = helper_mix(NULL, in[0], in[1], in[2], in[3], in[4]);
            } else {
                v[gr[6]] = v[gr[7]] + in[0];
                r = v[gr[5]] ^ in[0];
            }
            if (op->nout)
                v[ir_out(op, 0)] = r;
            break;
        }
        default: {
            uint64_t r;
            assert_true(ir_eval_pure(op, in, &r));
            v[ir_out(op, 0)] = r;
            break;
        }
        }
    }
}

static void random_program(int nops)
{
    reset_ir();
    Pool pools[2];
    memset(pools, 0, sizeof(pools));
    for (int i = 0; i < NG32; i++)
        pools[IR_I32].t[pools[IR_I32].n++] = gw[i];
    for (int i = 0; i < NG64; i++)
        pools[IR_I64].t[pools[IR_I64].n++] = gr[i];
    for (int ty = 0; ty < 2; ty++) {
        for (int i = 0; i < 3; i++) {
            IrTemp l = ir_new_local(ctx, (IrType)ty);
            ir_gen_movi(ctx, (IrType)ty, l, rnd());
            pools[ty].t[pools[ty].n++] = l;
        }
        pools[ty].nfixed = pools[ty].n;
    }
    int label_in = -1;
    uint32_t label = 0;
    for (int k = 0; k < nops; k++) {
        if (label_in == 0) {
            ir_gen_set_label(ctx, label);
            pools[0].n = pools[0].nfixed;
            pools[1].n = pools[1].nfixed;
        }
        if (label_in >= 0)
            label_in--;
        unsigned r = (unsigned)(rnd() % 100);
        if (r < 80) {
            gen_random_op(pools);
        } else if (r < 92) {
            gen_random_mem_or_call(pools);
        } else if (label_in < 0) {
            IrType ty = rnd() & 1 ? IR_I64 : IR_I32;
            label = ir_new_label(ctx);
            ir_gen_brcond(ctx, ty, (IrCond)(rnd() % 14), pick(&pools[ty], ty), pick(&pools[ty], ty),
                          label);
            pools[0].n = pools[0].nfixed;
            pools[1].n = pools[1].nfixed;
            label_in = (int)(rnd() % 12);
        }
    }
    if (label_in >= 0)
        ir_gen_set_label(ctx, label);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP + 11);

    uint64_t *v = calloc(ctx->ntemps, sizeof(uint64_t));
    uint8_t *mem = malloc(0x8000);
    for (int i = 0; i < NG64; i++)
        v[gr[i]] = cpu.r[i] = rnd();
    for (int i = 0; i < NG32; i++)
        v[gw[i]] = cpu.w[i] = (uint32_t)rnd();
    for (int i = 0; i < 0x8000; i++)
        guest[i] = mem[i] = (uint8_t)rnd();
    ref_run(v, mem);
    compile_run(IR_EXIT_EXCP + 11);
    for (int i = 0; i < NG64; i++)
        if (cpu.r[i] != v[gr[i]]) {
            ir_dump(ctx, stderr);
            fail_msg("r%d: got %#llx want %#llx", i, (unsigned long long)cpu.r[i],
                     (unsigned long long)v[gr[i]]);
        }
    for (int i = 0; i < NG32; i++)
        assert_int_equal(cpu.w[i], (uint32_t)v[gw[i]]);
    assert_memory_equal(guest, mem, 0x8000);
    free(v);
    free(mem);
}

static void test_random_programs(void **state)
{
    (void)state;
    for (int feat = 1; feat >= 0; feat--) {
        init_backend(feat);
        rng = 0x9e3779b97f4a7c15ull;
        for (int i = 0; i < 3000; i++)
            random_program(10 + (int)(rnd() % 120));
    }
    init_backend(true);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_value_ops_host),
        cmocka_unit_test(test_loop),
        cmocka_unit_test(test_brcond),
        cmocka_unit_test(test_pressure),
        cmocka_unit_test(test_ld_st),
        cmocka_unit_test(test_env_v128),
        cmocka_unit_test(test_atomics),
        cmocka_unit_test(test_baseline_features),
        cmocka_unit_test(test_call),
        cmocka_unit_test(test_exit_request_and_insn_start),
        cmocka_unit_test(test_goto_tb),
        cmocka_unit_test(test_lookup_and_goto_hit),
        cmocka_unit_test(test_random_programs),
        cmocka_unit_test(test_enospc),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
