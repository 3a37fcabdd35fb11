/*
 * Unit tests of the syscall layer through sys_dispatch, with a fake
 * Process/CPUCommon for the AArch64 ABI on a small guest window: -EFAULT on
 * bad pointers, write/read on a pipe, the fstat layout, uname, flag
 * translation in openat/fcntl, /proc/self/exe, recorded signal state,
 * -strace lines, the once-only log of unsupported calls, ferry's log fd
 * spared by close and close_range, and mlockall locking guest memory only.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "frontends/guest_arch.h"
#include "loader/process.h"
#include "syscalls/abi.h"
#include "syscalls/syscalls.h"
#include "tests/unit/sys_fixture.h"

/* AArch64 syscall numbers used here. */
enum {
    NR_io_setup = 0,
    NR_io_destroy = 1,
    NR_getcwd = 17,
    NR_fcntl = 25,
    NR_openat = 56,
    NR_close = 57,
    NR_pipe2 = 59,
    NR_read = 63,
    NR_write = 64,
    NR_writev = 66,
    NR_readlinkat = 78,
    NR_fstatat = 79,
    NR_fstat = 80,
    NR_clock_gettime = 113,
    NR_rt_sigaction = 134,
    NR_rt_sigprocmask = 135,
    NR_uname = 160,
    NR_getpid = 172,
    NR_mmap = 222,
    NR_mlockall = 230,
    NR_munlockall = 231,
    NR_madvise = 233,
    NR_close_range = 436,
};

#define G_O_DIRECTORY 040000
#define G_O_LARGEFILE 0400000
#define AT_FDCWD_ARG ((uint64_t)(int64_t)-100)

typedef SysFixture Fixture;

static int64_t sc(Fixture *f, uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                  uint64_t a4, uint64_t a5)
{
    const uint64_t args[6] = {a0, a1, a2, a3, a4, a5};
    return sys_dispatch(&f->cpu, nr, args);
}
#define SC(f, nr, ...) sc((f), (nr), __VA_ARGS__)
#define A5 0, 0, 0, 0, 0    /* the rest of a one-argument call */
#define A6 0, 0, 0, 0, 0, 0 /* a call without arguments */

/* The log contents so far. */
static const char *log_text(Fixture *f)
{
    fflush(f->p.log);
    return f->log_buf;
}

static int setup(void **state)
{
    return (*state = sys_fixture_new(4, true)) ? 0 : -1;
}

static int teardown(void **state)
{
    sys_fixture_free(*state);
    return 0;
}

/* Copies a string into guest memory at offset off of the test page. */
static uint64_t put_str(Fixture *f, uint64_t off, const char *s)
{
    assert_int_equal(gmem_write(&f->p.mem, f->page + off, s, strlen(s) + 1), 0);
    return f->page + off;
}

static void test_efault(void **state)
{
    Fixture *f = *state;
    const uint64_t bad = 0x1000; /* never mapped */
    /* Files that use the buffer (as on Linux, /dev/null would not look at it). */
    int pfd[2], zero = open("/dev/zero", O_RDONLY);
    assert_int_equal(pipe(pfd), 0);
    assert_int_equal(SC(f, NR_write, pfd[1], bad, 5, 0, 0, 0), -EFAULT);
    assert_int_equal(SC(f, NR_read, zero, bad, 5, 0, 0, 0), -EFAULT);
    assert_int_equal(SC(f, NR_openat, AT_FDCWD_ARG, bad, 0, 0, 0, 0), -EFAULT);
    assert_int_equal(SC(f, NR_fstat, 0, bad, 0, 0, 0, 0), -EFAULT);
    assert_int_equal(SC(f, NR_uname, bad, 0, 0, 0, 0, 0), -EFAULT);
    assert_int_equal(SC(f, NR_uname, ~0ull - 8, 0, 0, 0, 0, 0), -EFAULT);
    assert_int_equal(SC(f, NR_clock_gettime, 0, bad, 0, 0, 0, 0), -EFAULT);
    assert_int_equal(SC(f, NR_pipe2, bad, 0, 0, 0, 0, 0), -EFAULT);
    assert_int_equal(SC(f, NR_writev, 1, bad, 1, 0, 0, 0), -EFAULT);
    /* A buffer running off the end of the mapping: as on Linux, a pipe takes nothing (EFAULT),
     * a regular file takes the bytes before the hole. */
    assert_int_equal(SC(f, NR_write, pfd[1], f->page + 4 * GUEST_PAGE_SIZE - 2, 5, 0, 0, 0),
                     -EFAULT);
    close(pfd[0]);
    close(pfd[1]);
    close(zero);
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    assert_int_equal(SC(f, NR_write, fileno(tmp), f->page + 4 * GUEST_PAGE_SIZE - 2, 5, 0, 0, 0),
                     2);
    fclose(tmp);
    /* a path without its NUL inside mapped memory */
    uint8_t *h = g2h(&f->p.mem, f->page);
    memset(h + 4 * GUEST_PAGE_SIZE - 8, 'a', 8);
    assert_int_equal(SC(f, NR_openat, AT_FDCWD_ARG, f->page + 4 * GUEST_PAGE_SIZE - 8, 0, 0, 0, 0),
                     -EFAULT);
}

static void test_pipe_write_read(void **state)
{
    Fixture *f = *state;
    int32_t fds[2];
    assert_int_equal(SC(f, NR_pipe2, f->page, 0, 0, 0, 0, 0), 0);
    assert_int_equal(gmem_read(&f->p.mem, fds, f->page, sizeof(fds)), 0);
    uint64_t msg = put_str(f, 64, "hello, pipe");
    assert_int_equal(SC(f, NR_write, fds[1], msg, 11, 0, 0, 0), 11);
    assert_int_equal(SC(f, NR_read, fds[0], f->page + 256, 64, 0, 0, 0), 11);
    assert_memory_equal(g2h(&f->p.mem, f->page + 256), "hello, pipe", 11);
    /* writev of two pieces */
    uint64_t iov[4] = {msg, 5, msg + 5, 6};
    assert_int_equal(gmem_write(&f->p.mem, f->page + 512, iov, sizeof(iov)), 0);
    assert_int_equal(SC(f, NR_writev, fds[1], f->page + 512, 2, 0, 0, 0), 11);
    assert_int_equal(SC(f, NR_read, fds[0], f->page + 256, 64, 0, 0, 0), 11);
    /* F_GETFL: guest O_LARGEFILE bit, never the host one (guest O_NOFOLLOW) */
    int64_t fl = SC(f, NR_fcntl, fds[1], F_GETFL, 0, 0, 0, 0);
    assert_true(fl >= 0);
    assert_int_equal(fl & 03, O_WRONLY);
    assert_int_equal(fl & 0100000, 0);
    assert_int_equal(SC(f, NR_close, fds[0], A5), 0);
    assert_int_equal(SC(f, NR_close, fds[1], A5), 0);
    assert_int_equal(SC(f, NR_close, fds[1], A5), -EBADF);
}

static void test_fstat_layout(void **state)
{
    Fixture *f = *state;
    char path[] = "/tmp/ferry_test_syscalls_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    char data[1234] = {0};
    assert_int_equal(write(fd, data, sizeof(data)), sizeof(data));
    struct stat st;
    assert_int_equal(fstat(fd, &st), 0);
    uint8_t *g = g2h(&f->p.mem, f->page + 1024);
    memset(g, 0xee, 256);
    assert_int_equal(SC(f, NR_fstat, fd, f->page + 1024, 0, 0, 0, 0), 0);
    uint64_t v64;
    uint32_t v32;
    memcpy(&v64, g + 8, 8);
    assert_true(v64 == st.st_ino);
    memcpy(&v32, g + 16, 4);
    assert_int_equal(v32, st.st_mode);
    memcpy(&v32, g + 20, 4);
    assert_int_equal(v32, 1);
    memcpy(&v64, g + 48, 8);
    assert_int_equal(v64, 1234);
    memcpy(&v32, g + 56, 4);
    assert_int_equal(v32, st.st_blksize);
    assert_int_equal(g[128], 0xee);
    /* newfstatat by path gives the same bytes */
    uint64_t gp = put_str(f, 2048, path);
    assert_int_equal(SC(f, NR_fstatat, AT_FDCWD_ARG, gp, f->page + 1536, 0, 0, 0), 0);
    assert_memory_equal(g, g2h(&f->p.mem, f->page + 1536), 128);
    close(fd);
    unlink(path);
    assert_int_equal(SC(f, NR_fstatat, AT_FDCWD_ARG, gp, f->page + 1536, 0, 0, 0), -ENOENT);
}

static void test_openat_flags(void **state)
{
    Fixture *f = *state;
    uint64_t dir = put_str(f, 0, "/tmp");
    int64_t fd = SC(f, NR_openat, AT_FDCWD_ARG, dir, O_RDONLY | G_O_DIRECTORY, 0, 0, 0);
    assert_true(fd >= 0);
    close((int)fd);
    uint64_t file = put_str(f, 0, "/proc/self/status");
    assert_int_equal(SC(f, NR_openat, AT_FDCWD_ARG, file, O_RDONLY | G_O_DIRECTORY, 0, 0, 0),
                     -ENOTDIR);
    fd = SC(f, NR_openat, AT_FDCWD_ARG, file, O_RDONLY | G_O_LARGEFILE, 0, 0, 0);
    assert_true(fd >= 0);
    close((int)fd);
}

static void test_uname(void **state)
{
    Fixture *f = *state;
    assert_int_equal(SC(f, NR_uname, f->page, A5), 0);
    const char *u = g2h(&f->p.mem, f->page);
    assert_string_equal(u, "Linux");
    assert_string_equal(u + 4 * 65, "aarch64");
}

static void test_readlink_exe(void **state)
{
    Fixture *f = *state;
    uint64_t p = put_str(f, 0, "/proc/self/exe");
    assert_int_equal(SC(f, NR_readlinkat, AT_FDCWD_ARG, p, f->page + 100, 64, 0, 0), 15);
    assert_memory_equal(g2h(&f->p.mem, f->page + 100), "/opt/guest/prog", 15);
    assert_int_equal(SC(f, NR_readlinkat, AT_FDCWD_ARG, p, f->page + 100, 4, 0, 0), 4);
    assert_int_equal(SC(f, NR_getcwd, f->page + 200, 4096, 0, 0, 0, 0) > 0, 1);
}

static void test_proc_maps(void **state)
{
    Fixture *f = *state;
    uint64_t p = put_str(f, 0, "/proc/self/maps");
    int64_t fd = SC(f, NR_openat, AT_FDCWD_ARG, p, O_RDONLY, 0, 0, 0);
    assert_true(fd >= 0);
    assert_true(SC(f, NR_read, fd, f->page + 256, 1024, 0, 0, 0) > 0);
    char want[64];
    snprintf(want, sizeof(want), "%08llx-%08llx rw-p ", (unsigned long long)f->page,
             (unsigned long long)f->page + 4 * GUEST_PAGE_SIZE);
    assert_non_null(strstr(g2h(&f->p.mem, f->page + 256), want));
    assert_int_equal(SC(f, NR_close, fd, A5), 0);
    /* /proc/<pid>/exe is the guest executable too */
    snprintf(want, sizeof(want), "/proc/%d/exe", (int)getpid());
    p = put_str(f, 0, want);
    assert_int_equal(SC(f, NR_readlinkat, AT_FDCWD_ARG, p, f->page + 100, 64, 0, 0), 15);
}

static void test_sigaction_record(void **state)
{
    Fixture *f = *state;
    uint64_t act[4] = {0x400123, 0x4000000, 0x400456, 1u << 2};
    assert_int_equal(gmem_write(&f->p.mem, f->page, act, sizeof(act)), 0);
    assert_int_equal(SC(f, NR_rt_sigaction, SIGUSR1, f->page, 0, 8, 0, 0), 0);
    assert_int_equal(SC(f, NR_rt_sigaction, SIGUSR1, 0, f->page + 64, 8, 0, 0), 0);
    assert_memory_equal(g2h(&f->p.mem, f->page + 64), act, sizeof(act));
    assert_int_equal(SC(f, NR_rt_sigaction, SIGKILL, f->page, 0, 8, 0, 0), -EINVAL);
    assert_int_equal(SC(f, NR_rt_sigaction, SIGUSR1, f->page, 0, 16, 0, 0), -EINVAL);
    /* masks: block SIGUSR2 and read it back */
    uint64_t set = 1u << (SIGUSR2 - 1);
    assert_int_equal(gmem_write(&f->p.mem, f->page + 128, &set, 8), 0);
    assert_int_equal(SC(f, NR_rt_sigprocmask, SIG_BLOCK, f->page + 128, 0, 8, 0, 0), 0);
    assert_int_equal(SC(f, NR_rt_sigprocmask, SIG_BLOCK, 0, f->page + 136, 8, 0, 0), 0);
    uint64_t got;
    assert_int_equal(gmem_read(&f->p.mem, &got, f->page + 136, 8), 0);
    assert_true(got == set);
}

static void test_mmap_madvise(void **state)
{
    Fixture *f = *state;
    int64_t g = SC(f, NR_mmap, 0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                   (uint64_t)-1, 0);
    assert_true(g > 0 && (uint64_t)g < f->p.mem.size);
    uint8_t *h = g2h(&f->p.mem, (uint64_t)g);
    h[0] = 42;
    assert_int_equal(SC(f, NR_madvise, (uint64_t)g, 8192, MADV_DONTNEED, 0, 0, 0), 0);
    assert_int_equal(h[0], 0);
    assert_int_equal(SC(f, NR_madvise, (uint64_t)g + 1, 8192, MADV_DONTNEED, 0, 0, 0), -EINVAL);
}

static void test_enosys_logged_once(void **state)
{
    Fixture *f = *state;
    /* Silent by default (the guest's stderr stays the program's), logged with -d unimp. */
    assert_int_equal(SC(f, NR_io_destroy, A6), -ENOSYS);
    assert_null(strstr(log_text(f), "io_destroy"));
    f->p.opts.log_mask |= LOG_UNIMP;
    assert_int_equal(SC(f, NR_io_setup, A6), -ENOSYS);
    assert_int_equal(SC(f, NR_io_setup, A6), -ENOSYS);
    assert_int_equal(SC(f, 4000, A6), -ENOSYS);
    const char *log = log_text(f);
    const char *hit = strstr(log, "ferry: unsupported syscall io_setup (0)\n");
    assert_non_null(hit);
    assert_null(strstr(hit + 30, "io_setup"));
    assert_non_null(strstr(log, "ferry: unsupported syscall unknown (4000)\n"));
}

static void test_own_fd_spared(void **state)
{
    Fixture *f = *state;
    FILE *saved = f->p.log;
    int tmp = fileno(tmpfile());
    assert_true(tmp >= 0 && fcntl(105, F_GETFD) < 0);
    f->p.log = fdopen(fcntl(tmp, F_DUPFD, 105), "w");
    assert_non_null(f->p.log);
    close(tmp);
    int own = fileno(f->p.log);
    assert_int_equal(own, 105);
    int lo = fcntl(own, F_DUPFD, 100), hi = fcntl(own, F_DUPFD, 106);
    assert_int_equal(lo, 100);
    assert_int_equal(hi, 106);
    assert_int_equal(SC(f, NR_close_range, 100, 110, 4 /* CLOSE_RANGE_CLOEXEC */, 0, 0, 0), 0);
    assert_int_equal(fcntl(lo, F_GETFD), FD_CLOEXEC);
    assert_int_equal(fcntl(hi, F_GETFD), FD_CLOEXEC);
    assert_int_equal(fcntl(own, F_GETFD), 0);
    assert_int_equal(SC(f, NR_close_range, 100, 110, 0, 0, 0, 0), 0);
    assert_true(fcntl(lo, F_GETFD) < 0 && fcntl(hi, F_GETFD) < 0);
    assert_true(fcntl(own, F_GETFD) >= 0);
    assert_int_equal(SC(f, NR_close_range, own, own, 0, 0, 0, 0), 0);
    assert_int_equal(SC(f, NR_close, own, A5), -EBADF);
    assert_true(fcntl(own, F_GETFD) >= 0);
    assert_int_equal(SC(f, NR_close_range, 9, 8, 0, 0, 0, 0), -EINVAL);
    fclose(f->p.log);
    f->p.log = saved;
}

/* VmLck of this process in kB, or -1. */
static long vm_locked_kb(void)
{
    FILE *st = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (st && fgets(line, sizeof(line), st))
        if (sscanf(line, "VmLck: %ld", &kb) == 1)
            break;
    if (st)
        fclose(st);
    return kb;
}

static void test_mlockall_guest_only(void **state)
{
    Fixture *f = *state;
    assert_int_equal(SC(f, NR_mlockall, 0, A5), -EINVAL);
    assert_int_equal(SC(f, NR_mlockall, 4 /* MCL_ONFAULT alone */, A5), -EINVAL);
    long r = SC(f, NR_mlockall, 1 /* MCL_CURRENT */, A5);
    if (r == -EPERM || r == -ENOMEM || r == -EAGAIN)
        skip(); /* no CAP_IPC_LOCK and a small RLIMIT_MEMLOCK */
    assert_int_equal(r, 0);
    /* The 4 guest pages, not the test program's own memory (megabytes). */
    long kb = vm_locked_kb();
    assert_true(kb >= 16 && kb <= 64);
    assert_int_equal(SC(f, NR_munlockall, A6), 0);
    assert_int_equal(vm_locked_kb(), 0);
}

static void test_strace(void **state)
{
    Fixture *f = *state;
    f->p.opts.strace = true;
    int64_t pid = SC(f, NR_getpid, A6);
    uint64_t p = put_str(f, 0, "/nonexistent/x");
    SC(f, NR_openat, AT_FDCWD_ARG, p, 0, 0, 0, 0);
    f->p.opts.strace = false;
    char want[64];
    snprintf(want, sizeof(want), "%d getpid() = %d\n", (int)pid, (int)pid);
    const char *log = log_text(f);
    assert_non_null(strstr(log, want));
    assert_non_null(strstr(log, "openat(AT_FDCWD,\"/nonexistent/x\",0x0,00) = -1 errno=2 "
                                "(No such file or directory)\n"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_efault, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pipe_write_read, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fstat_layout, setup, teardown),
        cmocka_unit_test_setup_teardown(test_openat_flags, setup, teardown),
        cmocka_unit_test_setup_teardown(test_uname, setup, teardown),
        cmocka_unit_test_setup_teardown(test_readlink_exe, setup, teardown),
        cmocka_unit_test_setup_teardown(test_proc_maps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sigaction_record, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mmap_madvise, setup, teardown),
        cmocka_unit_test_setup_teardown(test_enosys_logged_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_strace, setup, teardown),
        cmocka_unit_test_setup_teardown(test_own_fd_spared, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mlockall_guest_only, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
