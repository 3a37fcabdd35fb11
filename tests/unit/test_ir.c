/*
 * Unit tests of the IR: builders and dump, constant folding, copy
 * propagation, dead-code elimination, and the interpreter's semantics of
 * every pure op (through ir_eval_pure) including the undefined cases that
 * must not trap.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "translator/interp.h"
#include "translator/ir.h"
#include "translator/tb.h"

typedef struct FakeCPU {
    CPUCommon common;
    uint64_t r[4];
    uint32_t w;
} FakeCPU;

static IrGlobals globals;
static IrTemp g_r[4], g_w;

static int setup(void **state)
{
    memset(&globals, 0, sizeof(globals));
    static const char *const names[] = {"r0", "r1", "r2", "r3"};
    for (int i = 0; i < 4; i++)
        g_r[i] = ir_globals_add(&globals, IR_I64, (int32_t)offsetof(FakeCPU, r[i]), names[i]);
    g_w = ir_globals_add(&globals, IR_I32, (int32_t)offsetof(FakeCPU, w), "w");
    *state = ir_context_new(&globals);
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    ir_context_free(*state);
    return 0;
}

static char *dump(IrContext *ctx)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ir_dump(ctx, f);
    fclose(f);
    return buf;
}

static void assert_dump(IrContext *ctx, const char *want)
{
    char *got = dump(ctx);
    assert_string_equal(got, want);
    free(got);
}

static void test_builders_and_dump(void **state)
{
    IrContext *ctx = *state;
    ir_reset(ctx, 0x1000);
    ir_gen_insn_start(ctx, 0x1000);
    IrTemp t = ir_new_temp(ctx, IR_I64);
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, t, g_r[1], 16);
    ir_gen_ld(ctx, IR_I64, g_r[0], t, IR_MO_32 | IR_MO_SIGN);
    uint32_t l = ir_new_label(ctx);
    ir_gen_brcond(ctx, IR_I64, IR_COND_LTU, g_r[0], g_r[2], l);
    ir_gen_exit_tb(ctx, IR_EXIT_NEXT);
    ir_gen_set_label(ctx, l);
    ir_gen_goto_tb(ctx, 1);
    char want[512];
    snprintf(want, sizeof(want),
             " ---- 0x1000\n"
             " add_i64 tmp%u, r1, $0x10\n"
             " ld_i64 r0, tmp%u, s32\n"
             " brcond_i64 r0, r2, ltu, L0\n"
             " exit_tb $0\n"
             " set_label L0\n"
             " goto_tb $1\n"
             " exit_tb $2\n",
             t, t);
    assert_dump(ctx, want);
}

static void test_fold_constants(void **state)
{
    IrContext *ctx = *state;
    ir_reset(ctx, 0);
    IrTemp a = ir_new_temp(ctx, IR_I64), b = ir_new_temp(ctx, IR_I64);
    ir_gen_movi(ctx, IR_I64, a, 6);
    ir_gen_binopi(ctx, IR_OP_mul, IR_I64, b, a, 7);
    ir_gen_binop(ctx, IR_OP_add, IR_I64, g_r[0], b, g_r[1]);
    ir_gen_binopi(ctx, IR_OP_shl, IR_I64, g_r[2], g_r[1], 0); /* identity */
    ir_gen_exit_tb(ctx, IR_EXIT_NEXT);
    ir_optimize(ctx);
    assert_dump(ctx, " add_i64 r0, r1, $0x2a\n"
                     " mov_i64 r2, r1\n"
                     " exit_tb $0\n");
}

static void test_fold_i32_wraps(void **state)
{
    IrContext *ctx = *state;
    ir_reset(ctx, 0);
    IrTemp a = ir_new_temp(ctx, IR_I32);
    ir_gen_movi(ctx, IR_I32, a, 0xffffffffu);
    ir_gen_binopi(ctx, IR_OP_add, IR_I32, g_w, a, 2);
    ir_gen_exit_tb(ctx, IR_EXIT_NEXT);
    ir_optimize(ctx);
    assert_dump(ctx, " mov_i32 w, $0x1\n"
                     " exit_tb $0\n");
}

static void test_copy_propagation_stops_at_redefinition(void **state)
{
    IrContext *ctx = *state;
    ir_reset(ctx, 0);
    IrTemp t = ir_new_temp(ctx, IR_I64);
    ir_gen_mov(ctx, IR_I64, t, g_r[1]);
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, g_r[1], g_r[1], 1);
    ir_gen_mov(ctx, IR_I64, g_r[0], t); /* must read the old r1 through t */
    ir_gen_exit_tb(ctx, IR_EXIT_NEXT);
    ir_optimize(ctx);
    char want[256];
    snprintf(want, sizeof(want),
             " mov_i64 tmp%u, r1\n"
             " add_i64 r1, r1, $0x1\n"
             " mov_i64 r0, tmp%u\n"
             " exit_tb $0\n",
             t, t);
    assert_dump(ctx, want);
}

static void test_dce_removes_overwritten_global(void **state)
{
    IrContext *ctx = *state;
    ir_reset(ctx, 0);
    ir_gen_binop(ctx, IR_OP_sub, IR_I64, g_r[3], g_r[1], g_r[2]); /* dead: overwritten */
    ir_gen_binop(ctx, IR_OP_xor, IR_I64, g_r[3], g_r[1], g_r[2]);
    ir_gen_exit_tb(ctx, IR_EXIT_NEXT);
    ir_optimize(ctx);
    assert_dump(ctx, " xor_i64 r3, r1, r2\n"
                     " exit_tb $0\n");
}

static void test_dce_keeps_global_before_fault(void **state)
{
    IrContext *ctx = *state;
    ir_reset(ctx, 0);
    IrTemp t = ir_new_temp(ctx, IR_I64);
    ir_gen_binop(ctx, IR_OP_sub, IR_I64, g_r[3], g_r[1], g_r[2]);
    ir_gen_ld(ctx, IR_I64, t, g_r[1], IR_MO_64); /* may fault: r3 must be in memory */
    ir_gen_binop(ctx, IR_OP_xor, IR_I64, g_r[3], t, g_r[2]);
    ir_gen_exit_tb(ctx, IR_EXIT_NEXT);
    ir_optimize(ctx);
    char *got = dump(ctx);
    assert_non_null(strstr(got, " sub_i64 r3, r1, r2\n"));
    free(got);
}

static void test_brcond_folds_to_branch(void **state)
{
    IrContext *ctx = *state;
    ir_reset(ctx, 0);
    uint32_t l = ir_new_label(ctx);
    ir_gen_brcond(ctx, IR_I64, IR_COND_EQ, ir_const_i64(ctx, 3), ir_const_i64(ctx, 3), l);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP);
    ir_gen_set_label(ctx, l);
    ir_gen_exit_tb(ctx, IR_EXIT_NEXT);
    ir_optimize(ctx);
    assert_dump(ctx, " br L0\n"
                     " exit_tb $16\n"
                     " set_label L0\n"
                     " exit_tb $0\n");
}

static void test_zero_extension_of_zero_extended_value_is_a_copy(void **state)
{
    IrContext *ctx = *state;
    ir_reset(ctx, 0);
    IrTemp a = ir_new_temp(ctx, IR_I64), b = ir_new_temp(ctx, IR_I64);
    ir_gen_ld(ctx, IR_I64, a, g_r[1], IR_MO_32);       /* upper half zero */
    ir_gen_unop(ctx, IR_OP_ext32u, IR_I64, g_r[0], a); /* redundant */
    ir_gen_ld(ctx, IR_I64, b, g_r[1], IR_MO_32 | IR_MO_SIGN);
    ir_gen_unop(ctx, IR_OP_ext32u, IR_I64, g_r[2], b); /* needed: sign-extended load */
    ir_gen_exit_tb(ctx, IR_EXIT_NEXT);
    ir_optimize(ctx);
    char want[256];
    snprintf(want, sizeof(want),
             " ld_i64 tmp%u, r1, u32\n"
             " mov_i64 r0, tmp%u\n"
             " ld_i64 tmp%u, r1, s32\n"
             " ext32u_i64 r2, tmp%u\n"
             " exit_tb $0\n",
             a, a, b, b);
    assert_dump(ctx, want);
}

static void test_discard_kills_value_on_every_exit(void **state)
{
    IrContext *ctx = *state;
    ir_reset(ctx, 0);
    /* r3 is written, then discarded on both paths of a branch: dead. r2 is
     * discarded on one path only: kept. */
    ir_gen_binop(ctx, IR_OP_sub, IR_I64, g_r[3], g_r[1], g_r[0]);
    ir_gen_binop(ctx, IR_OP_add, IR_I64, g_r[2], g_r[1], g_r[0]);
    uint32_t l = ir_new_label(ctx);
    ir_gen_brcond(ctx, IR_I64, IR_COND_EQ, g_r[1], g_r[0], l);
    ir_gen_discard(ctx, g_r[3]);
    ir_gen_discard(ctx, g_r[2]);
    ir_gen_exit_tb(ctx, IR_EXIT_NEXT);
    ir_gen_set_label(ctx, l);
    ir_gen_discard(ctx, g_r[3]);
    ir_gen_exit_tb(ctx, IR_EXIT_NEXT);
    ir_optimize(ctx);
    assert_dump(ctx, " add_i64 r2, r1, r0\n"
                     " brcond_i64 r1, r0, eq, L0\n"
                     " discard r3\n"
                     " discard r2\n"
                     " exit_tb $0\n"
                     " set_label L0\n"
                     " discard r3\n"
                     " exit_tb $0\n");
}

/* Evaluates a binary op on constants through the folder. */
static uint64_t eval2(int opc, IrType t, uint64_t a, uint64_t b)
{
    IrOp op = {.opc = (uint16_t)opc, .type = t, .nout = 1, .nin = 2};
    uint64_t r = 0xdead;
    assert_true(ir_eval_pure(&op, (uint64_t[]){a, b}, &r));
    return r;
}

static void test_eval_semantics(void **state)
{
    (void)state;
    assert_int_equal(eval2(IR_OP_div, IR_I64, 7, 0), 0);
    assert_int_equal(eval2(IR_OP_div, IR_I64, 1ull << 63, ~0ull), 0);
    assert_int_equal(eval2(IR_OP_div, IR_I32, (uint32_t)-7, 2), (uint32_t)-3);
    assert_int_equal(eval2(IR_OP_rem, IR_I32, (uint32_t)-7, 2), (uint32_t)-1);
    assert_int_equal(eval2(IR_OP_divu, IR_I64, 7, 0), 0);
    assert_int_equal(eval2(IR_OP_sar, IR_I32, 0x80000000u, 31), 0xffffffffu);
    assert_int_equal(eval2(IR_OP_shr, IR_I64, 1ull << 63, 63), 1);
    assert_int_equal(eval2(IR_OP_rotr, IR_I32, 1, 1), 0x80000000u);
    assert_int_equal(eval2(IR_OP_rotl, IR_I64, 1ull << 63, 0), 1ull << 63);
    assert_int_equal(eval2(IR_OP_muluh, IR_I64, ~0ull, ~0ull), ~0ull - 1);
    assert_int_equal(eval2(IR_OP_mulsh, IR_I64, ~0ull, ~0ull), 0);
    assert_int_equal(eval2(IR_OP_andc, IR_I64, 0xff, 0x0f), 0xf0);
    IrOp clz = {.opc = IR_OP_clz, .type = IR_I32, .nout = 1, .nin = 1};
    uint64_t r;
    assert_true(ir_eval_pure(&clz, (uint64_t[]){0}, &r));
    assert_int_equal(r, 32);
    IrOp sx = {.opc = IR_OP_sextract, .type = IR_I64, .nout = 1, .nin = 1, .nconst = 2};
    sx.args[2] = 4;
    sx.args[3] = 4;
    assert_true(ir_eval_pure(&sx, (uint64_t[]){0x80}, &r));
    assert_int_equal(r, ~0ull - 7);
    IrOp st = {.opc = IR_OP_st, .type = IR_I64};
    assert_false(ir_eval_pure(&st, (uint64_t[]){0, 0}, &r));
}

static uint64_t helper_add3(CPUCommon *cpu, uint64_t a, uint64_t b, uint64_t c)
{
    return a + b + c + ((FakeCPU *)cpu)->r[3];
}

static void test_interp_runs_loop_memory_and_calls(void **state)
{
    IrContext *ctx = *state;
    uint64_t mem[4] = {5, 0, 0, 0};
    FakeCPU cpu = {.common.guest_base = (uint8_t *)mem, .common.mem_size = sizeof(mem)};
    cpu.r[3] = 100;
    /* r0 = sum 1..10 via a loop on a local; mem[1] = r0; r1 = old mem[0]
     * exchanged with 9; r2 = helper(r0, 1, 2) */
    ir_reset(ctx, 0);
    IrTemp i = ir_new_local(ctx, IR_I64);
    ir_gen_movi(ctx, IR_I64, g_r[0], 0);
    ir_gen_movi(ctx, IR_I64, i, 10);
    uint32_t top = ir_new_label(ctx);
    ir_gen_set_label(ctx, top);
    ir_gen_binop(ctx, IR_OP_add, IR_I64, g_r[0], g_r[0], i);
    ir_gen_binopi(ctx, IR_OP_sub, IR_I64, i, i, 1);
    ir_gen_brcond(ctx, IR_I64, IR_COND_NE, i, ir_const_i64(ctx, 0), top);
    ir_gen_st(ctx, IR_I64, g_r[0], ir_const_i64(ctx, 8), IR_MO_64);
    ir_gen_atomic_rmw(ctx, IR_I64, IR_ATOMIC_XCHG, g_r[1], ir_const_i64(ctx, 0),
                      ir_const_i64(ctx, 9), IR_MO_64);
    IrTemp args[3] = {g_r[0], ir_const_i64(ctx, 1), ir_const_i64(ctx, 2)};
    ir_gen_call(ctx, IR_I64, g_r[2], (void *)helper_add3, 0, 3, args);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP + 3);
    ir_optimize(ctx);
    TB tb = {.ir = ctx};
    ir_interp_prepare(ctx);
    TBExit e = ir_interp_run(&cpu.common, &tb);
    assert_int_equal(e.code, IR_EXIT_EXCP + 3);
    assert_int_equal(cpu.r[0], 55);
    assert_int_equal(mem[1], 55);
    assert_int_equal(cpu.r[1], 5);
    assert_int_equal(mem[0], 9);
    assert_int_equal(cpu.r[2], 158);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_builders_and_dump, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fold_constants, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fold_i32_wraps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_copy_propagation_stops_at_redefinition, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_dce_removes_overwritten_global, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dce_keeps_global_before_fault, setup, teardown),
        cmocka_unit_test_setup_teardown(test_brcond_folds_to_branch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_zero_extension_of_zero_extended_value_is_a_copy, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_discard_kills_value_on_every_exit, setup, teardown),
        cmocka_unit_test(test_eval_semantics),
        cmocka_unit_test_setup_teardown(test_interp_runs_loop_memory_and_calls, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
