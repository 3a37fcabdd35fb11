/*
 * The fault records of the x86-64 backend (faultrec.c): generated code keeps dirty guest
 * globals in host registers across guest loads and stores (and a self loop's back edge), and
 * x86_fault_restore, given the fault's ucontext, puts their exact values into the CPU state:
 * at a page fault, at the window check's #GP (where the address register was replaced by
 * CPU_WILD_TRAP), at a store and an exchange, and inside a self loop that rotates globals
 * between registers; and the back edge's register arrangement (x86_ra_gpr_loop_arrange),
 * whose moves may form cycles.
 */
#include "tests/unit/x86_codegen_fixture.h"

#include "translator/exec.h"
#include "translator/x86_64/codegen.h"

#include <signal.h>
#include <sys/mman.h>
#include <ucontext.h>

#define PAGE 4096

static uint8_t *win; /* two pages: guest [0, PAGE) read-write, [PAGE, 2 * PAGE) none */
static sigjmp_buf fault_jmp;
static TB *cur_tb;
static TestCPU stale; /* the CPU state at the fault, before the restore */
static volatile int fault_code;

static void on_segv(int sig, siginfo_t *si, void *uc_)
{
    (void)sig;
    ucontext_t *uc = uc_;
    uintptr_t rip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    fault_code = si->si_code;
    stale = cpu;
    x86_fault_restore(&cpu.common, cur_tb, rip, uc, si->si_code == SI_KERNEL);
    cpu.common.pc = tb_guest_pc_at(cur_tb, rip);
    siglongjmp(fault_jmp, 1);
}

static int setup_fault(void **state)
{
    int rc = setup(state);
    init_backend(true);
    win = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (win == MAP_FAILED || mprotect(win + PAGE, PAGE, PROT_NONE) != 0)
        return -1;
    return rc;
}

static int teardown_fault(void **state)
{
    munmap(win, 2 * PAGE);
    return teardown(state);
}

static void reset_win(void)
{
    reset_ir();
    cpu.common.guest_base = win;
    cpu.common.mem_size = 2 * PAGE;
}

/* Compiles ctx as a TB at guest pc 0x1000. */
static TB *compile_at_1000(void)
{
    TB *tb = calloc(1, sizeof(*tb));
    assert_non_null(tb);
    tb->pc = 0x1000;
    tb->jmp_patch_offset[0] = tb->jmp_patch_offset[1] = ~0u;
    if (codebuf_room(&cb) < (1u << 16))
        codebuf_reset(&cb);
    assert_int_equal(x86_codegen(ctx, tb, &cb), 0);
    return tb;
}

/* Runs tb; true when it faulted (the handler restored the state), false when it exited
 * (*e: how). */
static bool run_faulting(TB *tb, TBExit *e)
{
    struct sigaction sa = {.sa_sigaction = on_segv, .sa_flags = SA_SIGINFO | SA_NODEFER}, old;
    cur_tb = tb;
    fault_code = 0;
    sigaction(SIGSEGV, &sa, &old); /* here: cmocka sets its own handler around each test */
    int faulted = sigsetjmp(fault_jmp, 1);
    if (!faulted)
        *e = run(tb);
    sigaction(SIGSEGV, &old, NULL);
    return faulted;
}

/* r1 += 5, w0 ^= 0x5a, r0 += off (the address), then (pc 0x2004) r1 = [r0]: r1 keeps its
 * old value at the fault, the others their new ones. */
static TB *load_after_updates(int64_t off)
{
    reset_win();
    ir_gen_insn_start(ctx, 0x2000);
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, gr[1], gr[1], 5);
    ir_gen_binopi(ctx, IR_OP_xor, IR_I32, gw[0], gw[0], 0x5a);
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, gr[0], gr[0], (uint64_t)off);
    ir_gen_insn_start(ctx, 0x2004);
    ir_gen_ld(ctx, IR_I64, gr[1], gr[0], IR_MO_64);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP);
    return compile_at_1000();
}

static void check_load_after_updates(uint64_t r0)
{
    assert_int_equal(cpu.common.pc, 0x2004);
    assert_int_equal(cpu.r[0], r0);
    assert_int_equal(cpu.r[1], 0x1005);
    assert_int_equal(cpu.w[0], 0x12345678u ^ 0x5a);
}

static void test_page_fault_restores_globals(void **state)
{
    (void)state;
    TBExit e;
    TB *tb = load_after_updates(8);
    assert_true(tb->nlive > 0);
    cpu.r[0] = PAGE - 8;
    cpu.r[1] = 0x1000;
    cpu.w[0] = 0x12345678u;
    assert_true(run_faulting(tb, &e));
    assert_int_equal(fault_code, SEGV_ACCERR);
    assert_int_equal(stale.r[1], 0x1000); /* nothing was written back before the load */
    check_load_after_updates(PAGE);
    free_tb(tb);
}

/* The address register is r0's own host register, which the window check's failure path
 * overwrites with CPU_WILD_TRAP: r0 comes from wild_addr. */
static void test_wild_trap_restores_address_global(void **state)
{
    (void)state;
    TBExit e;
    TB *tb = load_after_updates(0x100000);
    cpu.r[0] = 0x10;
    cpu.r[1] = 0x1000;
    cpu.w[0] = 0x12345678u;
    assert_true(run_faulting(tb, &e));
    assert_int_equal(fault_code, SI_KERNEL);
    assert_int_equal(cpu.common.wild_addr, 0x100010);
    check_load_after_updates(0x100010);
    free_tb(tb);
}

/* r2 -= 3, w1 += 7, then [r0] = r2 (faults), then r3 = xchg([r0 + 8], r4): the store's and
 * the exchange's faults see r2 and w1 updated, and r3 (the exchange's destination, dirty
 * before it) unchanged. */
static void test_store_and_xchg_faults(void **state)
{
    (void)state;
    for (int xchg = 0; xchg < 2; xchg++) {
        reset_win();
        ir_gen_insn_start(ctx, 0x3000);
        ir_gen_binopi(ctx, IR_OP_sub, IR_I64, gr[2], gr[2], 3);
        ir_gen_binopi(ctx, IR_OP_add, IR_I32, gw[1], gw[1], 7);
        ir_gen_binopi(ctx, IR_OP_add, IR_I64, gr[3], gr[3], 1);
        ir_gen_insn_start(ctx, 0x3004);
        ir_gen_st(ctx, IR_I64, gr[2], gr[0], IR_MO_64);
        ir_gen_insn_start(ctx, 0x3008);
        IrTemp a = ir_new_temp(ctx, IR_I64);
        ir_gen_binopi(ctx, IR_OP_add, IR_I64, a, gr[0], 8);
        ir_gen_atomic_rmw(ctx, IR_I64, IR_ATOMIC_XCHG, gr[3], a, gr[4], IR_MO_64);
        ir_gen_exit_tb(ctx, IR_EXIT_EXCP);
        TB *tb = compile_at_1000();
        TBExit e;
        cpu.r[0] = xchg ? PAGE - 8 : PAGE; /* the store or the exchange faults */
        cpu.r[2] = 100;
        cpu.r[3] = 50;
        cpu.r[4] = 9;
        cpu.w[1] = 0xfffffffe;
        assert_true(run_faulting(tb, &e));
        assert_int_equal(cpu.common.pc, xchg ? 0x3008 : 0x3004);
        assert_int_equal(cpu.r[2], 97);
        assert_int_equal(cpu.w[1], 5);
        assert_int_equal(cpu.r[3], 51);
        assert_int_equal(cpu.r[4], 9);
        free_tb(tb);
    }
}

/*
 * A self loop (pc 0x1000): r5 += [r0]; (r1, r2, r3) = (r2, r3, r1 + r5); r0 += 8; while
 * r0 != r6.  The globals stay in registers across the back edge (they rotate between
 * registers there); the loop either ends (state written back) or its load faults on the
 * protected page with the exact state of that iteration.
 */
static void test_self_loop_keeps_globals(void **state)
{
    (void)state;
    reset_win();
    uint32_t again = ir_new_label(ctx);
    IrTemp v = ir_new_temp(ctx, IR_I64), t = ir_new_temp(ctx, IR_I64);
    ir_gen_insn_start(ctx, 0x1000);
    ir_gen_ld(ctx, IR_I64, v, gr[0], IR_MO_64);
    ir_gen_binop(ctx, IR_OP_add, IR_I64, gr[5], gr[5], v);
    ir_gen_binop(ctx, IR_OP_add, IR_I64, t, gr[1], gr[5]);
    ir_gen_mov(ctx, IR_I64, gr[1], gr[2]);
    ir_gen_mov(ctx, IR_I64, gr[2], gr[3]);
    ir_gen_mov(ctx, IR_I64, gr[3], t);
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, gr[0], gr[0], 8);
    ir_gen_brcond(ctx, IR_I64, IR_COND_NE, gr[0], gr[6], again);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP + 1);
    ir_gen_set_label(ctx, again);
    ir_gen_movi(ctx, IR_I64, gpc, 0x1000);
    ir_gen_goto_tb(ctx, 0);
    TB *tb = compile_at_1000();
    for (int i = 0; i < PAGE / 8; i++)
        ((uint64_t *)win)[i] = (uint64_t)i * 3 + 1;
    for (int faults = 0; faults < 2; faults++) {
        uint64_t end = faults ? 2 * PAGE : PAGE, r[4] = {0, 1, 2, 3}, r5 = 7;
        memset(cpu.r, 0, sizeof(cpu.r));
        cpu.r[0] = 0x100;
        cpu.r[1] = 1, cpu.r[2] = 2, cpu.r[3] = 3, cpu.r[5] = 7;
        cpu.r[6] = end;
        for (uint64_t a = 0x100; a < PAGE; a += 8) {
            r5 += ((uint64_t *)win)[a / 8];
            uint64_t n = r[1] + r5;
            r[1] = r[2], r[2] = r[3], r[3] = n;
        }
        TBExit e;
        bool faulted;
        while (!(faulted = run_faulting(tb, &e)) && e.code == IR_EXIT_CHAIN0)
            ; /* without AVX every iteration leaves through the chain exit */
        assert_int_equal(faulted, faults);
        if (!faulted)
            assert_int_equal(e.code, IR_EXIT_EXCP + 1);
        assert_int_equal(cpu.r[0], PAGE);
        assert_int_equal(cpu.r[1], r[1]);
        assert_int_equal(cpu.r[2], r[2]);
        assert_int_equal(cpu.r[3], r[3]);
        assert_int_equal(cpu.r[5], r5);
    }
    free_tb(tb);
}

/* Binds global t to register r in g's codegen state. */
static void bind_global(X86Gen *g, int r, IrTemp t, bool dirty)
{
    g->reg_temp[r] = t;
    g->ts[t].reg = (int8_t)r;
    g->ts[t].mem_ok = !dirty;
}

/*
 * Registers now -> registers at the loop head: a three-register cycle (rsi -> rdi -> r8 ->
 * rsi), a swap (r9 <-> r10), a dirty global the head does not hold (rbx: stored), one it
 * holds clean (r12 -> r13: stored and moved), one only in memory (-> r11: loaded).  The
 * emitted code runs between loads and stores of every allocatable register.
 */
static void test_loop_arrange_moves_cycles(void **state)
{
    (void)state;
    reset_ir();
    X86Gen g;
    memset(&g, 0, sizeof(g));
    g.ctx = ctx;
    g.cb = &cb;
    g.ts = calloc(ctx->ntemps + 1, sizeof(*g.ts));
    assert_non_null(g.ts);
    for (uint32_t t = 0; t < ctx->ntemps; t++)
        g.ts[t] = (X86TempState){-1, true, -1};
    X86GprState s = {.clean = X86_REGMASK(X86_R13)};
    for (int r = 0; r < 16; r++)
        g.reg_temp[r] = s.temp[r] = IR_TEMP_NONE;
    uint64_t regs[16], want[16];
    for (int r = 0; r < 16; r++)
        regs[r] = 0x1000 + (uint64_t)r;
    for (int i = 0; i < NG64; i++)
        cpu.r[i] = 0x500 + (uint64_t)i;
    cpu.r[2] = regs[X86_R8]; /* clean: memory holds it too */
    bind_global(&g, X86_RSI, gr[0], true);
    bind_global(&g, X86_RDI, gr[1], true);
    bind_global(&g, X86_R8, gr[2], false);
    bind_global(&g, X86_R9, gr[3], true);
    bind_global(&g, X86_R10, gr[4], true);
    bind_global(&g, X86_RBX, gr[5], true);
    bind_global(&g, X86_R12, gr[6], true);
    s.temp[X86_RDI] = gr[0], s.temp[X86_R8] = gr[1], s.temp[X86_RSI] = gr[2];
    s.temp[X86_R10] = gr[3], s.temp[X86_R9] = gr[4];
    s.temp[X86_R13] = gr[6], s.temp[X86_R11] = gr[7];
    memcpy(want, regs, sizeof(want));
    want[X86_RDI] = regs[X86_RSI], want[X86_R8] = regs[X86_RDI], want[X86_RSI] = regs[X86_R8];
    want[X86_R10] = regs[X86_R9], want[X86_R9] = regs[X86_R10];
    want[X86_R13] = regs[X86_R12], want[X86_R11] = cpu.r[7];

    if (codebuf_room(&cb) < 4096)
        codebuf_reset(&cb);
    uint8_t *code = cb.ptr;
    static const int8_t saved[] = {X86_RBX, X86_RBP, X86_R12, X86_R13, X86_R14, X86_R15};
    for (int i = 0; i < 6; i++)
        x86_push(&cb, saved[i]);
    x86_mov_rr(&cb, true, X86_RBP, X86_RDI);
    x86_mov_rr(&cb, true, X86_R14, X86_RSI);
    for (int r = 0; r < 16; r++)
        if ((X86_ALLOCATABLE >> r) & 1)
            x86_load(&cb, true, r, X86_R14, r * 8);
    x86_ra_gpr_loop_arrange(&g, &s);
    for (int r = 0; r < 16; r++)
        if ((X86_ALLOCATABLE >> r) & 1)
            x86_store(&cb, true, r, X86_R14, r * 8);
    for (int i = 6; i-- > 0;)
        x86_pop(&cb, saved[i]);
    x86_ret(&cb);
    void (*fn)(TestCPU *, uint64_t *);
    memcpy(&fn, &code, sizeof(fn));
    fn(&cpu, regs);
    for (int r = 0; r < 16; r++)
        if ((X86_ALLOCATABLE >> r) & 1)
            assert_int_equal(regs[r], want[r]);
    assert_int_equal(cpu.r[5], want[X86_RBX]); /* written back: the head lacks it */
    assert_int_equal(cpu.r[6], regs[X86_R13]); /* written back: the head has it clean */
    assert_int_equal(cpu.r[0], 0x500);         /* dirty, moved only */
    assert_int_equal(cpu.r[3], 0x503);
    free(g.ts);
}

int main(void)
{
    (void)compile_run;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_page_fault_restores_globals),
        cmocka_unit_test(test_wild_trap_restores_address_global),
        cmocka_unit_test(test_store_and_xchg_faults),
        cmocka_unit_test(test_self_loop_keeps_globals),
        cmocka_unit_test(test_loop_arrange_moves_cycles),
    };
    return cmocka_run_group_tests(tests, setup_fault, teardown_fault);
}
