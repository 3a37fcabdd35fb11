/*
 * Unit tests of guest signal delivery with the AArch64 frontend on a small
 * guest window: the rt_sigframe layout (siginfo, ucontext offsets, the
 * fpsimd record, the frame record), rt_sigreturn restoring registers, flags
 * and the mask, and delivery of a recorded signal through the exec loop's
 * entry point (sig_deliver_pending) with sa_mask, SA_NODEFER and
 * SA_RESETHAND.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <cmocka.h>

#include "frontends/aarch64/cpu.h"
#include "frontends/guest_arch.h"
#include "loader/process.h"
#include "signals/signals.h"
#include "syscalls/state.h"
#include "syscalls/syscalls.h"
#include "tests/unit/a64_fixture.h"

enum { NR_rt_sigaction = 134, NR_rt_sigprocmask = 135, NR_rt_sigreturn = 139 };

typedef struct Fixture {
    Process p;
    A64CPU *cpu;
    uint64_t stack_top;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(*f));
    if (!f)
        return -1;
    if (a64_test_process(&f->p) < 0 || !(f->cpu = a64_test_cpu(&f->p)))
        return -1;
    int64_t g = gmem_mmap(&f->p.mem, 0, 16 * GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, GMEM_ANON);
    if (g < 0)
        return -1;
    f->stack_top = (uint64_t)g + 16 * GUEST_PAGE_SIZE - 8; /* misaligned on purpose */
    sys_thread_state()->sigmask = 0;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    sig_host_mask(0);
    gmem_destroy(&f->p.mem);
    free(f->cpu);
    free(f);
    return 0;
}

static uint64_t rd64(Fixture *f, uint64_t gaddr)
{
    uint64_t v;
    assert_int_equal(gmem_read(&f->p.mem, &v, gaddr, 8), 0);
    return v;
}

static void fill_regs(A64CPU *c, uint64_t sp)
{
    for (int i = 0; i < 31; i++)
        c->x[i] = 0x1000 + (uint64_t)i;
    c->x[31] = sp;
    c->common.pc = 0x400100;
    c->nf = 1ull << 63; /* N set, Z clear, C set, V clear */
    c->zf = 5;
    c->cf = 1;
    c->vf = 0;
    c->fpsr = 0x8000010;
    c->fpcr = 0x400000;
    for (int i = 0; i < 32; i++) {
        c->v[i][0] = 0x1111111111111111ull * (uint64_t)(i % 15);
        c->v[i][1] = ~c->v[i][0];
    }
}

static void test_frame_layout(void **state)
{
    Fixture *f = *state;
    A64CPU *c = f->cpu;
    fill_regs(c, f->stack_top);
    uint8_t info[SIG_INFO_SIZE] = {10};
    SigFrame fr = {.sig = 10,
                   .info = info,
                   .handler = 0x400800,
                   .restorer = 0x500000,
                   .sp_top = f->stack_top,
                   .oldmask = 0x5a5a,
                   .ss_flags = 2,
                   .fault_address = 0x77};
    assert_int_equal(guest_arch_aarch64.sig_setup_frame(&c->common, &fr), 0);
    uint64_t frame = c->x[31];
    assert_true((frame & 15) == 0);
    assert_int_equal(c->x[0], 10);
    assert_int_equal(c->x[1], frame);
    assert_int_equal(c->x[2], frame + 128);
    assert_int_equal(c->x[30], 0x500000);
    assert_int_equal(c->common.pc, 0x400800);
    /* the frame record right above the 4688-byte rt_sigframe holds the old fp, lr */
    assert_int_equal(c->x[29], frame + 4688);
    assert_true(c->x[29] + 16 <= f->stack_top);
    assert_int_equal(rd64(f, frame + 4688), 0x1000 + 29);
    assert_int_equal(rd64(f, frame + 4688 + 8), 0x1000 + 30);
    /* ucontext: uc_stack.ss_flags, uc_sigmask; sigcontext at uc + 176 */
    assert_int_equal(rd64(f, frame + 128 + 24) & 0xffffffff, 2);
    assert_int_equal(rd64(f, frame + 128 + 40), 0x5a5a);
    uint64_t mc = frame + 128 + 176;
    assert_int_equal(rd64(f, mc), 0x77);
    assert_int_equal(rd64(f, mc + 8 + 5 * 8), 0x1005);
    assert_int_equal(rd64(f, mc + 8 + 31 * 8), f->stack_top);
    assert_int_equal(rd64(f, mc + 8 + 32 * 8), 0x400100);
    assert_int_equal(rd64(f, mc + 8 + 33 * 8), 0xa0000000ull); /* N and C */
    /* __reserved: fpsimd_context {magic, size, fpsr, fpcr, vregs}, then a zero header */
    uint64_t res = mc + 288;
    assert_int_equal(rd64(f, res), 0x46508001ull | 528ull << 32);
    assert_int_equal(rd64(f, res + 8), 0x8000010ull | 0x400000ull << 32);
    assert_int_equal(rd64(f, res + 16 + 16 * 3), c->v[3][0]);
    assert_int_equal(rd64(f, res + 528), 0);
}

static void test_sigreturn_restores(void **state)
{
    Fixture *f = *state;
    A64CPU *c = f->cpu;
    fill_regs(c, f->stack_top);
    A64CPU saved = *c;
    uint8_t info[SIG_INFO_SIZE] = {12};
    SigFrame fr = {.sig = 12, .info = info, .handler = 0x400800, .sp_top = f->stack_top};
    assert_int_equal(guest_arch_aarch64.sig_setup_frame(&c->common, &fr), 0);
    /* the handler clobbers state and edits the saved pc */
    uint64_t frame = c->x[31];
    uint64_t newpc = 0x400104;
    assert_int_equal(gmem_write(&f->p.mem, frame + 128 + 176 + 8 + 32 * 8, &newpc, 8), 0);
    memset(c->x, 0, sizeof(c->x));
    memset(c->v, 0, sizeof(c->v));
    c->x[31] = frame;
    c->nf = c->cf = 0;
    c->zf = 0;
    c->fpsr = c->fpcr = 0;
    SigFrame out;
    memset(&out, 0, sizeof(out));
    assert_int_equal(guest_arch_aarch64.sig_restore_frame(&c->common, &out), 0);
    assert_memory_equal(c->x, saved.x, sizeof(c->x));
    assert_memory_equal(c->v, saved.v, sizeof(c->v));
    assert_int_equal(c->common.pc, newpc);
    assert_int_equal(c->fpsr, saved.fpsr);
    assert_int_equal(c->fpcr, saved.fpcr);
    assert_true(c->nf >> 63 && c->zf != 0 && c->cf == 1 && !(c->vf >> 63));
    assert_int_equal(out.ret, saved.x[0]);
    /* a misaligned sp is a bad frame */
    c->x[31] = frame + 8;
    assert_int_equal(guest_arch_aarch64.sig_restore_frame(&c->common, &out), -EFAULT);
}

static int64_t sc(Fixture *f, uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3)
{
    const uint64_t args[6] = {a0, a1, a2, a3, 0, 0};
    return sys_dispatch(&f->cpu->common, nr, args);
}

static void test_deliver_and_return(void **state)
{
    Fixture *f = *state;
    A64CPU *c = f->cpu;
    fill_regs(c, f->stack_top & ~15ull);
    /* SIGUSR1: handler, sa_mask = SIGUSR2, SA_RESETHAND */
    uint64_t act[4] = {0x400800, 0x80000000ull, 0, 1ull << (SIGUSR2 - 1)};
    uint64_t page = f->stack_top & ~(GUEST_PAGE_SIZE - 1);
    page -= 8 * GUEST_PAGE_SIZE; /* below the stack area used by the frame */
    assert_int_equal(gmem_write(&f->p.mem, page, act, sizeof(act)), 0);
    assert_int_equal(sc(f, NR_rt_sigaction, SIGUSR1, page, 0, 8), 0);
    sig_queue_self(&c->common, SIGUSR1, NULL);
    assert_int_equal(c->common.exit_request, 1);
    c->common.exit_request = 0;
    uint64_t old_x0 = c->x[0], old_sp = c->x[31];
    sig_deliver_pending(&c->common);
    assert_int_equal(c->common.pc, 0x400800);
    assert_int_equal(c->x[0], SIGUSR1);
    /* the trampoline: mov x8, #139; svc #0 */
    uint64_t tramp = rd64(f, c->x[30]);
    assert_int_equal(tramp, 0xd4000001d2801168ull);
    uint64_t mask = sys_thread_state()->sigmask;
    assert_int_equal(mask, (1ull << (SIGUSR1 - 1)) | (1ull << (SIGUSR2 - 1)));
    /* SA_RESETHAND: back to SIG_DFL */
    uint64_t now[4];
    assert_int_equal(sc(f, NR_rt_sigaction, SIGUSR1, 0, page + 64, 8), 0);
    assert_int_equal(gmem_read(&f->p.mem, now, page + 64, sizeof(now)), 0);
    assert_int_equal(now[0], 0);
    /* rt_sigreturn from the handler */
    int64_t r = sc(f, NR_rt_sigreturn, 0, 0, 0, 0);
    assert_int_equal(r, (int64_t)old_x0);
    assert_int_equal(c->x[31], old_sp);
    assert_int_equal(c->common.pc, 0x400100);
    assert_int_equal(sys_thread_state()->sigmask, 0);
    /* a blocked signal stays pending until the mask lets it through */
    uint64_t set = 1ull << (SIGUSR2 - 1);
    assert_int_equal(gmem_write(&f->p.mem, page + 128, &set, 8), 0);
    assert_int_equal(sc(f, NR_rt_sigprocmask, SIG_BLOCK, page + 128, 0, 8), 0);
    act[0] = 0x400900;
    act[1] = 0x40000000ull; /* SA_NODEFER */
    act[3] = 0;
    assert_int_equal(gmem_write(&f->p.mem, page, act, sizeof(act)), 0);
    assert_int_equal(sc(f, NR_rt_sigaction, SIGUSR2, page, 0, 8), 0);
    sig_queue_self(&c->common, SIGUSR2, NULL);
    c->common.exit_request = 0;
    sig_deliver_pending(&c->common);
    assert_int_equal(c->common.pc, 0x400100); /* nothing delivered */
    assert_int_equal(c->common.exit_request, 0);
    assert_int_equal(sc(f, NR_rt_sigprocmask, SIG_UNBLOCK, page + 128, 0, 8), 0);
    assert_int_equal(c->common.exit_request, 1);
    sig_deliver_pending(&c->common);
    assert_int_equal(c->common.pc, 0x400900);
    assert_int_equal(sys_thread_state()->sigmask, 0); /* SA_NODEFER */
    sig_host_action(SIGUSR2, 0, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_frame_layout, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sigreturn_restores, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deliver_and_return, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
