/*
 * Tests of the x86-64 backend, value ops and memory access: IR built with
 * the builders is compiled into a code buffer and run through the enter
 * stub on a fake CPU state (x86_codegen_fixture.h).
 *
 * The value ops are checked differentially against ir_eval_pure (the one
 * definition of op semantics) over edge-case values, with inputs as
 * globals, constants and EBB temps, and outputs aliasing inputs; loads,
 * stores and atomics against reference results. The differential and
 * memory tests run with the host's features and with none (bsr/bsf, no
 * BMI, popcount helper, no movbe).
 * Control flow, calls, exits and chaining are in test_x86_codegen_flow.c.
 */
#include "x86_codegen_fixture.h"

/* ---- differential tests of the pure ops ---- */

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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_value_ops_host),    cmocka_unit_test(test_ld_st),
        cmocka_unit_test(test_env_v128),          cmocka_unit_test(test_atomics),
        cmocka_unit_test(test_baseline_features),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
