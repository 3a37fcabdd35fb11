/*
 * Unit tests of execve (syscalls/execve.c) without exec'ing: the `#!` line
 * parser, the plan for guest ELF files, host programs and scripts (argv
 * rewriting, sysroot lookup of the interpreter, nesting limit, the kernel's
 * errors), the options turned back into flags (options_to_argv), and the
 * pointer and size checks of the syscall through sys_dispatch.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
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
#include "loader/options.h"
#include "loader/process.h"
#include "syscalls/abi.h"
#include "syscalls/execve.h"
#include "syscalls/syscalls.h"
#include "tests/unit/sys_fixture.h"

#define NR_execve 221
#define NR_execveat 281
#define AT_FDCWD_ARG ((uint64_t)(int64_t)-100)

static char tmpdir[64];

/* Writes tmpdir/name with contents (len bytes) and mode; returns the path (static buffer). */
static const char *put_file(const char *name, const void *data, size_t len, mode_t mode)
{
    static char path[4][128];
    static int next;
    char *p = path[next++ % 4];
    snprintf(p, 128, "%s/%s", tmpdir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    assert_int_equal(chmod(p, mode), 0);
    return p;
}

static const char *put_text(const char *name, const char *text, mode_t mode)
{
    return put_file(name, text, strlen(text), mode);
}

/* An ELF header for machine m (64-bit little-endian). */
static const char *put_elf(const char *name, uint16_t m)
{
    Elf64_Ehdr eh;
    memset(&eh, 0, sizeof(eh));
    memcpy(eh.e_ident, ELFMAG, SELFMAG);
    eh.e_ident[EI_CLASS] = ELFCLASS64;
    eh.e_ident[EI_DATA] = ELFDATA2LSB;
    eh.e_ident[EI_VERSION] = EV_CURRENT;
    eh.e_type = ET_EXEC;
    eh.e_machine = m;
    return put_file(name, &eh, sizeof(eh), 0755);
}

static int group_setup(void **state)
{
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/ferry_test_execve_%d", (int)getpid());
    return mkdir(tmpdir, 0700);
}

static int group_teardown(void **state)
{
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
    return system(cmd);
}

static void check_shebang(const char *line, int want, const char *interp, const char *arg)
{
    char *i = NULL, *a = NULL;
    int r = exec_parse_shebang(line, strlen(line), false, &i, &a);
    assert_int_equal(r, want);
    if (r == 0) {
        assert_string_equal(i, interp);
        if (arg)
            assert_string_equal(a, arg);
        else
            assert_null(a);
    }
    free(i);
    free(a);
}

static void test_shebang(void **state)
{
    check_shebang("#!/bin/sh\necho", 0, "/bin/sh", NULL);
    check_shebang("#! /bin/sh  \t\n", 0, "/bin/sh", NULL);
    check_shebang("#!/usr/bin/env python3 -u  \nx", 0, "/usr/bin/env", "python3 -u");
    check_shebang("#!/bin/sh -e\r\n", 0, "/bin/sh", "-e");
    check_shebang("#!/bin/sh", 0, "/bin/sh", NULL); /* no newline, whole file */
    check_shebang("#!\n", -ENOEXEC, NULL, NULL);
    check_shebang("#!  \t \n/bin/sh", -ENOEXEC, NULL, NULL);
    check_shebang("#/bin/sh\n", -ENOEXEC, NULL, NULL);
    /* A full buffer without a newline: the argument may be cut, the interpreter not. */
    char buf[EXEC_BUF_SIZE];
    char *i = NULL, *a = NULL;
    memset(buf, 'x', sizeof(buf));
    memcpy(buf, "#!/bin/sh -x", 12);
    buf[9] = ' ';
    assert_int_equal(exec_parse_shebang(buf, sizeof(buf), true, &i, &a), 0);
    assert_string_equal(i, "/bin/sh");
    assert_int_equal(strlen(a), sizeof(buf) - 10);
    free(i);
    free(a);
    memset(buf + 2, '/', sizeof(buf) - 2);
    assert_int_equal(exec_parse_shebang(buf, sizeof(buf), true, &i, &a), -ENOEXEC);
}

static void test_options_to_argv(void **state)
{
    Options o;
    memset(&o, 0, sizeof(o));
    o.exec_fd = -1; /* not started by binfmt_misc */
    char **v = options_to_argv(&o);
    assert_non_null(v);
    assert_null(v[0]);
    options_argv_free(v);
    o.sysroot = "/srv/root";
    o.cpu_model = "max";
    o.log_mask = LOG_IN_ASM | LOG_OP_OPT | LOG_STRACE;
    o.strace = true;
    o.log_file = "/tmp/log";
    o.no_jit = true;
    o.one_insn_per_tb = true;
    o.stack_size = 1 << 20;
    o.guest_base = 0x10000;
    o.reserved_va = 1ull << 32;
    v = options_to_argv(&o);
    const char *want[] = {"-L",
                          "/srv/root",
                          "-cpu",
                          "max",
                          "-d",
                          "in_asm,op_opt",
                          "-D",
                          "/tmp/log",
                          "-strace",
                          "-no-jit",
                          "-one-insn-per-tb",
                          "-s",
                          "1048576",
                          "-B",
                          "0x10000",
                          "-R",
                          "4294967296",
                          NULL};
    for (size_t k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
        if (want[k])
            assert_string_equal(v[k], want[k]);
        else
            assert_null(v[k]);
    }
    /* And they parse back to the same options. */
    char *args[32] = {"ferry"};
    size_t n = 1;
    for (size_t k = 0; v[k]; k++)
        args[n++] = v[k];
    args[n++] = "prog";
    Options back;
    char err[256];
    char *env[] = {NULL};
    OptionsResult res = options_parse(&back, (int)n, args, env, stdout, err, sizeof(err));
    if (res != OPTIONS_RUN)
        fail_msg("%s", err);
    assert_string_equal(back.sysroot, o.sysroot);
    assert_int_equal(back.log_mask, o.log_mask);
    assert_true(back.strace && back.no_jit && back.one_insn_per_tb);
    assert_int_equal(back.stack_size, o.stack_size);
    assert_int_equal(back.guest_base, o.guest_base);
    assert_int_equal(back.reserved_va, o.reserved_va);
    options_free(&back);
    options_argv_free(v);
}

static void assert_argv(char **got, const char *const *want)
{
    size_t k = 0;
    for (; want[k]; k++) {
        assert_non_null(got[k]);
        assert_string_equal(got[k], want[k]);
    }
    assert_null(got[k]);
}

static void test_plan_guest_elf(void **state)
{
    Options o;
    memset(&o, 0, sizeof(o));
    o.exec_fd = -1; /* not started by binfmt_misc */
    o.no_jit = true;
    const char *prog = put_elf("guest", EM_AARCH64);
    char *argv[] = {"name0", "a1", "-x", NULL};
    ExecPlan plan = {0};
    assert_int_equal(exec_plan(&o, "/opt/ferry", prog, "guest", argv, 3, &plan), 0);
    assert_string_equal(plan.path, "/opt/ferry");
    const char *want[] = {"/opt/ferry", "-no-jit", "-0", "name0", "--", prog, "a1", "-x", NULL};
    assert_argv(plan.argv, want);
    exec_plan_free(&plan);
    /* Started by binfmt_misc: the kernel's handler runs the guest program (in a chroot
     * ferry may not be reachable by path). */
    o.exec_fd = 3;
    assert_int_equal(exec_plan(&o, "/opt/ferry", prog, "guest", argv, 3, &plan), 0);
    assert_string_equal(plan.path, prog);
    const char *direct[] = {"name0", "a1", "-x", NULL};
    assert_argv(plan.argv, direct);
    exec_plan_free(&plan);
}

static void test_plan_host(void **state)
{
    Options o;
    memset(&o, 0, sizeof(o));
    o.exec_fd = -1; /* not started by binfmt_misc */
    const char *prog = put_elf("host", EM_X86_64);
    char *argv[] = {"h", "x", NULL};
    ExecPlan plan = {0};
    assert_int_equal(exec_plan(&o, "/opt/ferry", prog, prog, argv, 2, &plan), 0);
    assert_string_equal(plan.path, prog);
    const char *want[] = {"h", "x", NULL};
    assert_argv(plan.argv, want);
    exec_plan_free(&plan);
    /* Unknown formats are the host kernel's to refuse. */
    const char *junk = put_text("junk", "hello\n", 0755);
    assert_int_equal(exec_plan(&o, "/opt/ferry", junk, junk, argv, 2, &plan), 0);
    assert_string_equal(plan.path, junk);
    exec_plan_free(&plan);
}

static void test_plan_scripts(void **state)
{
    Options o;
    memset(&o, 0, sizeof(o));
    o.exec_fd = -1; /* not started by binfmt_misc */
    char *argv[] = {"s0", "one", NULL};
    ExecPlan plan = {0};
    /* host interpreter with an argument */
    const char *sh = put_text("s.sh", "#!/bin/sh -e\nexit 0\n", 0755);
    assert_int_equal(exec_plan(&o, "/opt/ferry", sh, "/guest/s.sh", argv, 2, &plan), 0);
    assert_string_equal(plan.path, "/bin/sh");
    /* a host interpreter cannot see the guest's name for a file under the sysroot */
    const char *want_sh[] = {"/bin/sh", "-e", sh, "one", NULL};
    assert_argv(plan.argv, want_sh);
    exec_plan_free(&plan);

    /* guest interpreter, found under the sysroot */
    char root[128], bin[160], interp[192];
    snprintf(root, sizeof(root), "%s/root", tmpdir);
    snprintf(bin, sizeof(bin), "%s/bin", root);
    assert_int_equal(mkdir(root, 0755), 0);
    assert_int_equal(mkdir(bin, 0755), 0);
    put_elf("root/bin/gsh", EM_AARCH64);
    snprintf(interp, sizeof(interp), "%s/gsh", bin);
    o.sysroot = root;
    const char *gs = put_text("g.sh", "#!/bin/gsh\n", 0755);
    assert_int_equal(exec_plan(&o, "/opt/ferry", gs, "/guest/g.sh", argv, 2, &plan), 0);
    assert_string_equal(plan.path, "/opt/ferry");
    const char *want_g[] = {"/opt/ferry", "-L",   root,          "-0",  "/bin/gsh",
                            "--",         interp, "/guest/g.sh", "one", NULL};
    assert_argv(plan.argv, want_g);
    exec_plan_free(&plan);
    o.sysroot = NULL;

    /* a script whose interpreter is a script, and one that loops */
    const char *outer = put_text("outer", "#!/bin/sh\n", 0755);
    char text[256];
    snprintf(text, sizeof(text), "#!%s\n", outer);
    const char *inner = put_text("inner", text, 0755);
    assert_int_equal(exec_plan(&o, "/opt/ferry", inner, inner, argv, 2, &plan), 0);
    const char *want_n[] = {"/bin/sh", outer, inner, "one", NULL};
    assert_argv(plan.argv, want_n);
    exec_plan_free(&plan);
    snprintf(text, sizeof(text), "#!%s/loop\n", tmpdir);
    const char *loop = put_text("loop", text, 0755);
    assert_int_equal(exec_plan(&o, "/opt/ferry", loop, loop, argv, 2, &plan), -ELOOP);
}

static void test_plan_errors(void **state)
{
    Options o;
    memset(&o, 0, sizeof(o));
    o.exec_fd = -1; /* not started by binfmt_misc */
    char *argv[] = {"x", NULL};
    ExecPlan plan = {0};
    assert_int_equal(exec_plan(&o, "/f", "/nonexistent/x", "x", argv, 1, &plan), -ENOENT);
    assert_int_equal(exec_plan(&o, "/f", tmpdir, "x", argv, 1, &plan), -EACCES);
    const char *noexec = put_text("noexec", "#!/bin/sh\n", 0644);
    if (geteuid() != 0)
        assert_int_equal(exec_plan(&o, "/f", noexec, "x", argv, 1, &plan), -EACCES);
    const char *empty = put_text("empty", "#!  \n", 0755);
    assert_int_equal(exec_plan(&o, "/f", empty, "x", argv, 1, &plan), -ENOEXEC);
    const char *missing = put_text("missing", "#!/nonexistent/interp\n", 0755);
    assert_int_equal(exec_plan(&o, "/f", missing, "x", argv, 1, &plan), -ENOENT);
    assert_null(plan.path);
}

/* ---- through sys_dispatch ---- */

typedef SysFixture Fixture;

static int setup(void **state)
{
    return (*state = sys_fixture_new(64, false)) ? 0 : -1;
}

static int teardown(void **state)
{
    sys_fixture_free(*state);
    return 0;
}

#define sc sys_fixture_call

static void test_syscall_checks(void **state)
{
    Fixture *f = *state;
    uint8_t *h = g2h(&f->p.mem, f->page);
    const uint64_t bad = 0x1000;
    strcpy((char *)h, "/nonexistent/prog");
    uint64_t vec[2] = {f->page, 0};
    memcpy(h + 256, vec, sizeof(vec));
    assert_int_equal(sc(f, NR_execve, bad, 0, 0, 0, 0), -EFAULT);
    /* The file is looked up before the arguments are read, as in the kernel. */
    assert_int_equal(sc(f, NR_execve, f->page, bad, 0, 0, 0), -ENOENT);
    /* A directory: found, but never executed should a check below not fire. */
    strcpy((char *)h + 64, "/");
    assert_int_equal(sc(f, NR_execve, f->page + 64, f->page + 256, 0, 0, 0), -EACCES);
    assert_int_equal(sc(f, NR_execve, f->page + 64, bad, 0, 0, 0), -EFAULT);
    assert_int_equal(sc(f, NR_execve, f->page + 64, f->page + 256, bad, 0, 0), -EFAULT);
    uint64_t badvec[2] = {bad, 0};
    memcpy(h + 512, badvec, sizeof(badvec));
    assert_int_equal(sc(f, NR_execve, f->page + 64, f->page + 512, 0, 0, 0), -EFAULT);
    /* A string longer than MAX_ARG_STRLEN (32 pages). */
    memset(h + 1024, 'a', 40 * GUEST_PAGE_SIZE);
    h[1024 + 40 * GUEST_PAGE_SIZE] = 0;
    uint64_t longvec[2] = {f->page + 1024, 0};
    memcpy(h + 768, longvec, sizeof(longvec));
    assert_int_equal(sc(f, NR_execve, f->page + 64, f->page + 768, 0, 0, 0), -E2BIG);
    /* execveat: bad flags, empty path without AT_EMPTY_PATH */
    assert_int_equal(sc(f, NR_execveat, AT_FDCWD_ARG, f->page + 64, 0, 0, 0x2), -EINVAL);
    h[900] = 0;
    assert_int_equal(sc(f, NR_execveat, AT_FDCWD_ARG, f->page + 900, 0, 0, 0), -ENOENT);
    assert_int_equal(sc(f, NR_execveat, 12345, f->page + 900, 0, 0, 0x1000), -EBADF);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shebang),
        cmocka_unit_test(test_options_to_argv),
        cmocka_unit_test(test_plan_guest_elf),
        cmocka_unit_test(test_plan_host),
        cmocka_unit_test(test_plan_scripts),
        cmocka_unit_test(test_plan_errors),
        cmocka_unit_test_setup_teardown(test_syscall_checks, setup, teardown),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
