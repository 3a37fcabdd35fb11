/*
 * Unit tests of clone / clone3 argument checks and the fork form, through
 * sys_dispatch with a fake Process/CPUCommon for the AArch64 ABI (thread
 * creation itself needs the translator and is covered by the thr_* guest
 * programs).
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "frontends/guest_arch.h"
#include "loader/process.h"
#include "syscalls/abi.h"
#include "syscalls/syscalls.h"
#include "tests/unit/sys_fixture.h"

enum {
    NR_clone = 220,
    NR_wait4 = 260,
    NR_clone3 = 435,
};

typedef SysFixture Fixture;

#define sc sys_fixture_call

static int setup(void **state)
{
    return (*state = sys_fixture_new(1, false)) ? 0 : -1;
}

static int teardown(void **state)
{
    sys_fixture_free(*state);
    return 0;
}

/* Writes a struct clone_args (8 u64 fields) at the test page. */
static uint64_t put_args(Fixture *f, uint64_t flags, uint64_t exit_signal, uint64_t stack,
                         uint64_t stack_size)
{
    const uint64_t a[8] = {flags, 0, 0, 0, exit_signal, stack, stack_size, 0};
    assert_int_equal(gmem_write(&f->p.mem, f->page, a, sizeof(a)), 0);
    return f->page;
}

static void test_clone3_checks(void **state)
{
    Fixture *f = *state;
    uint64_t a = put_args(f, 0, SIGCHLD, 0, 0);
    assert_int_equal(sc(f, NR_clone3, a, 32, 0, 0, 0), -EINVAL);      /* before VER0 */
    assert_int_equal(sc(f, NR_clone3, a, 8192, 0, 0, 0), -E2BIG);     /* above a page */
    assert_int_equal(sc(f, NR_clone3, 0x1000, 64, 0, 0, 0), -EFAULT); /* unmapped */
    /* A bigger struct whose unknown tail is not zero. */
    uint64_t one = 1;
    assert_int_equal(gmem_write(&f->p.mem, f->page + 96, &one, sizeof(one)), 0);
    assert_int_equal(sc(f, NR_clone3, a, 104, 0, 0, 0), -E2BIG);
    /* Exit signal in flags, stack without size, thread without shared handlers. */
    a = put_args(f, SIGCHLD, 0, 0, 0);
    assert_int_equal(sc(f, NR_clone3, a, 64, 0, 0, 0), -EINVAL);
    a = put_args(f, 0, SIGCHLD, 0x10000, 0);
    assert_int_equal(sc(f, NR_clone3, a, 64, 0, 0, 0), -EINVAL);
    a = put_args(f, CLONE_VM | CLONE_THREAD, 0, 0, 0);
    assert_int_equal(sc(f, NR_clone3, a, 64, 0, 0, 0), -EINVAL);
}

static void test_clone_checks(void **state)
{
    Fixture *f = *state;
    assert_int_equal(sc(f, NR_clone, CLONE_THREAD | SIGCHLD, 0, 0, 0, 0), -EINVAL);
    assert_int_equal(sc(f, NR_clone, CLONE_SIGHAND | SIGCHLD, 0, 0, 0, 0), -EINVAL);
    /* CLONE_VM alone (a process sharing memory) is refused. */
    assert_int_equal(sc(f, NR_clone, CLONE_VM | SIGCHLD, 0, 0, 0, 0), -EINVAL);
}

static void test_clone_fork(void **state)
{
    Fixture *f = *state;
    uint64_t ptid = f->page + 128, ctid = f->page + 136;
    fflush(NULL);
    int64_t pid =
        sc(f, NR_clone, CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD, 0, ptid, 0, ctid);
    if (pid == 0) {
        /* The child: its own copy of guest memory holds its tid. */
        uint32_t t = 0;
        gmem_read(&f->p.mem, &t, ctid, sizeof(t));
        _exit(t == (uint32_t)getpid() ? 5 : 6);
    }
    assert_true(pid > 0);
    uint32_t t = 0;
    assert_int_equal(gmem_read(&f->p.mem, &t, ptid, sizeof(t)), 0);
    assert_int_equal(t, (uint32_t)pid);
    uint64_t st = f->page + 256;
    assert_int_equal(sc(f, NR_wait4, (uint64_t)pid, st, 0, 0, 0), pid);
    int status = 0;
    assert_int_equal(gmem_read(&f->p.mem, &status, st, sizeof(status)), 0);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_clone3_checks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clone_checks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clone_fork, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
