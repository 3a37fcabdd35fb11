/*
 * The guest-window check of the x86-64 backend (codegen_mem.c): with the
 * window's 4 GiB guards, an access at a known constant distance from an
 * address checked earlier in the block goes unchecked, and a wild one then
 * faults in the guard at the exact guest address and pc; without guards (-B)
 * every access is checked and a wild one goes through CPUCommon.wild_addr.
 */
#include "tests/unit/x86_codegen_fixture.h"

#include <signal.h>
#include <sys/mman.h>
#include <ucontext.h>

#include "translator/exec.h"

#define GUARD (4ull << 30)
#define WIN (1u << 16)

static uint8_t *win; /* guest address 0 of a window with PROT_NONE guards on both sides */
static sigjmp_buf fault_jmp;
static volatile uintptr_t fault_addr, fault_rip;
static volatile int fault_code;

static void on_segv(int sig, siginfo_t *si, void *uc_)
{
    (void)sig;
    ucontext_t *uc = uc_;
    fault_addr = (uintptr_t)si->si_addr;
    fault_code = si->si_code;
    fault_rip = (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
    siglongjmp(fault_jmp, 1);
}

static int setup_wild(void **state)
{
    int rc = setup(state);
    init_backend(true);
    uint8_t *p =
        mmap(NULL, WIN + 2 * GUARD, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return -1;
    win = p + GUARD;
    if (mprotect(win, WIN, PROT_READ | PROT_WRITE) != 0)
        return -1;
    return rc;
}

static int teardown_wild(void **state)
{
    munmap(win - GUARD, WIN + 2 * GUARD);
    return teardown(state);
}

/* Number of window checks (cmp r64, [rbp + mem_size]) in the TB's code. */
static int count_checks(const TB *tb)
{
    int n = 0;
    for (uint32_t i = 0; i + 3 < tb->code_size; i++) {
        const uint8_t *c = tb->code + i;
        n += (c[0] & 0xf8) == 0x48 && c[1] == 0x3b && (c[2] & 0xc7) == 0x45 &&
             c[3] == offsetof(CPUCommon, mem_size);
    }
    return n;
}

/* r1 = [r0]; r2 = [r0 + off] (guest pc 0x2004): a TB with two accesses through one base. */
static TB *two_loads(bool guarded, int64_t off)
{
    reset_ir();
    cpu.common.guest_base = win;
    cpu.common.mem_size = WIN;
    ctx->mem_guarded = guarded;
    ir_gen_insn_start(ctx, 0x2000);
    ir_gen_ld(ctx, IR_I64, gr[1], gr[0], IR_MO_64);
    ir_gen_insn_start(ctx, 0x2004);
    IrTemp a = ir_new_temp(ctx, IR_I64);
    ir_gen_binopi(ctx, IR_OP_add, IR_I64, a, gr[0], (uint64_t)off);
    ir_gen_ld(ctx, IR_I64, gr[2], a, IR_MO_64);
    ir_gen_exit_tb(ctx, IR_EXIT_EXCP);
    TB *tb = compile();
    ctx->mem_guarded = false;
    return tb;
}

static void test_second_access_unchecked(void **state)
{
    (void)state;
    TB *tb = two_loads(true, 8);
    assert_int_equal(count_checks(tb), 1);
    memcpy(win + 0x100, (uint64_t[]){0x1111, 0x2222}, 16);
    cpu.r[0] = 0x100;
    TBExit e = run(tb);
    assert_int_equal(e.code, IR_EXIT_EXCP);
    assert_int_equal(cpu.r[1], 0x1111);
    assert_int_equal(cpu.r[2], 0x2222);
    free_tb(tb);
    tb = two_loads(false, 8); /* no guards: both checked */
    assert_int_equal(count_checks(tb), 2);
    free_tb(tb);
}

/* Runs tb with r0 = base; expects its second access (guest pc 0x2004) to fault. */
static void run_expect_fault(TB *tb, uint64_t base)
{
    cpu.r[0] = base;
    fault_addr = 0;
    fault_rip = 0;
    /* installed here: cmocka sets its own handler around each test */
    struct sigaction sa = {.sa_sigaction = on_segv, .sa_flags = SA_SIGINFO | SA_NODEFER}, old;
    sigaction(SIGSEGV, &sa, &old);
    int faulted = sigsetjmp(fault_jmp, 1);
    if (!faulted)
        run(tb);
    sigaction(SIGSEGV, &old, NULL);
    if (!faulted)
        fail_msg("no fault for r0 = 0x%llx", (unsigned long long)base);
    assert_int_equal(tb_guest_pc_at(tb, fault_rip), 0x2004);
}

static void test_wild_offset_faults_exactly(void **state)
{
    (void)state;
    static const int64_t offs[] = {0x1000, -0x1000, 0x3fff0000, -0x3fff0000};
    static const uint64_t bases[] = {WIN - 8, 0, 0x100};
    for (size_t i = 0; i < sizeof(offs) / sizeof(offs[0]); i++)
        for (size_t j = 0; j < sizeof(bases) / sizeof(bases[0]); j++) {
            uint64_t want = bases[j] + (uint64_t)offs[i];
            if (want < WIN)
                continue;
            TB *tb = two_loads(true, offs[i]); /* in the guard: host address - guest_base */
            assert_int_equal(count_checks(tb), 1);
            run_expect_fault(tb, bases[j]);
            assert_int_equal(fault_addr - (uintptr_t)win, want);
            free_tb(tb);
            tb = two_loads(false, offs[i]); /* checked: #GP, the address in wild_addr */
            cpu.common.wild_addr = 0;
            run_expect_fault(tb, bases[j]);
            assert_int_equal(fault_code, SI_KERNEL);
            assert_int_equal(cpu.common.wild_addr, want);
            free_tb(tb);
        }
}

int main(void)
{
    (void)compile_run;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_second_access_unchecked),
        cmocka_unit_test(test_wild_offset_faults_exactly),
    };
    return cmocka_run_group_tests(tests, setup_wild, teardown_wild);
}
