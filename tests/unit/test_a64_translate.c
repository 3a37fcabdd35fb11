/*
 * The AArch64 translator on arbitrary instruction words: every word,
 * allocated or not, must translate into IR that ends in a TB exit, survive
 * the optimizer and compile with the x86-64 backend, without crashing
 * ferry.  Unallocated encodings become a SIGILL exit.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <cmocka.h>

#include "frontends/aarch64/cpu.h"
#include "frontends/guest_arch.h"
#include "loader/process.h"
#include "translator/tb.h"
#include "tests/unit/a64_fixture.h"
#include "translator/x86_64/backend.h"

typedef struct Fixture {
    A64Jit j;
    X86Features feat;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(*f));
    if (!f || a64_jit_init(&f->j) < 0)
        return -1;
    x86_detect_features(&f->feat);
    x86_init(&f->j.cb, &f->feat);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    a64_jit_destroy(&f->j);
    free(f);
    return 0;
}

static bool is_exit(const IrOp *op)
{
    return op->opc == IR_OP_exit_tb || op->opc == IR_OP_lookup_and_goto;
}

/* Translates, optimizes and compiles n words at A64_CODE_PC; returns the last op. */
static IrOp translate(Fixture *f, int max_insns)
{
    ArchTranslateOpts o = {.max_insns = max_insns};
    ir_reset(f->j.ir, A64_CODE_PC);
    guest_arch_aarch64.translate(f->j.ir, &f->j.cpu->common, &o);
    assert_true(f->j.ir->nops > 0);
    assert_true(is_exit(&f->j.ir->ops[f->j.ir->nops - 1]));
    ir_optimize(f->j.ir);
    IrOp last = f->j.ir->ops[f->j.ir->nops - 1];
    assert_true(is_exit(&last));
    TB tb = {.pc = A64_CODE_PC};
    int rc = x86_codegen(f->j.ir, &tb, &f->j.cb);
    if (rc == -ENOSPC) {
        codebuf_reset(&f->j.cb);
        rc = x86_codegen(f->j.ir, &tb, &f->j.cb);
    }
    assert_int_equal(rc, 0);
    free(tb.insn_host_off);
    free(tb.insn_guest_pc);
    return last;
}

static void test_unallocated_word_exits_with_sigill(void **state)
{
    Fixture *f = *state;
    a64_put_code(&f->j, (uint32_t[]){0x00000000}, 1); /* UDF #0 */
    IrOp last = translate(f, 8);
    assert_int_equal(last.opc, IR_OP_exit_tb);
    assert_int_equal(last.args[0], IR_EXIT_EXCP + A64_EXCP_UDEF);
}

static void test_known_sequence_chains(void **state)
{
    Fixture *f = *state;
    /* add x0, x1, #1; subs x2, x0, x3; b.ne .-8 */
    a64_put_code(&f->j, (uint32_t[]){0x91000420, 0xeb030002, 0x54ffffc1}, 3);
    IrOp last = translate(f, 8);
    assert_int_equal(last.opc, IR_OP_exit_tb);
    assert_true(last.args[0] == IR_EXIT_CHAIN0 || last.args[0] == IR_EXIT_CHAIN1);
}

static uint64_t xorshift(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static void test_random_words_never_break_the_translator(void **state)
{
    Fixture *f = *state;
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    enum { WORDS = 4 };
    /* FERRY_FUZZ_ROUNDS raises the count for long runs. */
    const char *env = getenv("FERRY_FUZZ_ROUNDS");
    long rounds = env ? atol(env) : 60000;
    if (env && getenv("FERRY_FUZZ_SEED"))
        seed ^= strtoull(getenv("FERRY_FUZZ_SEED"), NULL, 0);
    for (long i = 0; i < rounds; i++) {
        uint32_t w[WORDS];
        for (int k = 0; k < WORDS; k++)
            w[k] = (uint32_t)xorshift(&seed);
        a64_put_code(&f->j, w, WORDS);
        translate(f, WORDS);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_unallocated_word_exits_with_sigill, setup, teardown),
        cmocka_unit_test_setup_teardown(test_known_sequence_chains, setup, teardown),
        cmocka_unit_test_setup_teardown(test_random_words_never_break_the_translator, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
