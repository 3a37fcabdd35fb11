/*
 * Unit tests of mount(2) and umount2(2) through sys_dispatch
 * (syscalls/mount.c): -EFAULT for each bad pointer, mount data read up to
 * the end of the readable guest memory as the kernel does, -strace lines,
 * and as root a real tmpfs mount with options on a temporary directory
 * (skipped for other users, who get the kernel's -EPERM).
 */
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include <cmocka.h>

#include "loader/process.h"
#include "syscalls/syscalls.h"
#include "tests/unit/sys_fixture.h"

/* AArch64 syscall numbers (asm-generic). */
enum { NR_umount2 = 39, NR_mount = 40, NR_chroot = 51 };

#define NPAGES 4
#define TMPFS_MAGIC_NR 0x01021994
#define BAD 0x1000 /* never mapped */

typedef struct MountTest {
    SysFixture *f;
    char dir[64];
} MountTest;

static int setup(void **state)
{
    MountTest *t = calloc(1, sizeof(*t));
    if (!t || !(t->f = sys_fixture_new(NPAGES, true)))
        return -1;
    snprintf(t->dir, sizeof(t->dir), "/tmp/ferry-mount-XXXXXX");
    if (!mkdtemp(t->dir))
        return -1;
    *state = t;
    return 0;
}

static int teardown(void **state)
{
    MountTest *t = *state;
    umount2(t->dir, MNT_DETACH);
    rmdir(t->dir);
    sys_fixture_free(t->f);
    free(t);
    return 0;
}

/* Copies s into guest memory at offset off of the test pages. */
static uint64_t put_str(SysFixture *f, uint64_t off, const char *s)
{
    assert_int_equal(gmem_write(&f->p.mem, f->page + off, s, strlen(s) + 1), 0);
    return f->page + off;
}

static int64_t guest_mount(SysFixture *f, uint64_t src, uint64_t target, uint64_t type,
                           uint64_t flags, uint64_t data)
{
    return sys_fixture_call(f, NR_mount, src, target, type, flags, data);
}

static bool is_tmpfs(const char *dir)
{
    struct statfs sf;
    return statfs(dir, &sf) == 0 && sf.f_type == TMPFS_MAGIC_NR;
}

static void test_efault(void **state)
{
    MountTest *t = *state;
    SysFixture *f = t->f;
    uint64_t none = put_str(f, 0, "none"), dir = put_str(f, 64, t->dir);
    uint64_t tmpfs = put_str(f, 256, "tmpfs");
    assert_int_equal(guest_mount(f, BAD, dir, tmpfs, 0, 0), -EFAULT);
    assert_int_equal(guest_mount(f, none, BAD, tmpfs, 0, 0), -EFAULT);
    assert_int_equal(guest_mount(f, none, 0, tmpfs, 0, 0), -EFAULT);
    assert_int_equal(guest_mount(f, none, dir, BAD, 0, 0), -EFAULT);
    assert_int_equal(guest_mount(f, none, dir, tmpfs, 0, BAD), -EFAULT);
    assert_int_equal(sys_fixture_call(f, NR_umount2, BAD, 0, 0, 0, 0), -EFAULT);
    /* a target without its NUL inside mapped memory */
    uint8_t *h = g2h(&f->p.mem, f->page);
    memset(h + NPAGES * GUEST_PAGE_SIZE - 8, 'a', 8);
    assert_int_equal(guest_mount(f, none, f->page + NPAGES * GUEST_PAGE_SIZE - 8, tmpfs, 0, 0),
                     -EFAULT);
    assert_false(is_tmpfs(t->dir));
}

/* Data that ends (NUL included) on the last readable byte is not a fault. */
static void test_data_at_end_of_memory(void **state)
{
    MountTest *t = *state;
    SysFixture *f = t->f;
    uint64_t none = put_str(f, 0, "none"), dir = put_str(f, 64, t->dir);
    uint64_t tmpfs = put_str(f, 256, "tmpfs");
    uint64_t data = put_str(f, NPAGES * GUEST_PAGE_SIZE - 9, "size=64k");
    int64_t r = guest_mount(f, none, dir, tmpfs, 0, data);
    if (getuid() != 0) {
        assert_int_equal(r, -EPERM);
        return;
    }
    assert_int_equal(r, 0);
    assert_true(is_tmpfs(t->dir));
    struct statfs sf;
    assert_int_equal(statfs(t->dir, &sf), 0);
    assert_int_equal((uint64_t)sf.f_blocks * (uint64_t)sf.f_bsize, 64 * 1024);
    assert_int_equal(sys_fixture_call(f, NR_umount2, dir, 0, 0, 0, 0), 0);
    assert_false(is_tmpfs(t->dir));
}

static void test_umount_errors(void **state)
{
    MountTest *t = *state;
    SysFixture *f = t->f;
    uint64_t dir = put_str(f, 64, t->dir);
    int64_t want = getuid() == 0 ? -EINVAL : -EPERM;
    assert_int_equal(sys_fixture_call(f, NR_umount2, dir, 0, 0, 0, 0), want); /* not mounted */
    if (getuid() == 0)
        assert_int_equal(
            sys_fixture_call(f, NR_umount2, put_str(f, 512, "/nonexistent/ferry"), 0, 0, 0, 0),
            -ENOENT);
}

static void test_strace(void **state)
{
    MountTest *t = *state;
    SysFixture *f = t->f;
    f->p.opts.strace = true;
    guest_mount(f, put_str(f, 0, "none"), put_str(f, 64, "/nonexistent/ferry"),
                put_str(f, 256, "tmpfs"), MS_NOSUID, 0);
    guest_mount(f, 0, put_str(f, 64, "/nonexistent/ferry"), 0,
                MS_BIND | MS_REC | MS_RDONLY | MS_REMOUNT | 1u << 9 | 1ull << 40, 0);
    guest_mount(f, put_str(f, 0, "none"), put_str(f, 64, "/nonexistent/ferry"), 0, 0, 0);
    guest_mount(f, 0, put_str(f, 64, "/nonexistent/ferry"), 0, 0xc0ed0000u | MS_NODEV, 0);
    sys_fixture_call(f, NR_umount2, put_str(f, 64, "/nonexistent/ferry"), MNT_DETACH, 0, 0, 0);
    sys_fixture_call(f, NR_umount2, put_str(f, 64, "/nonexistent/ferry"),
                     MNT_FORCE | UMOUNT_NOFOLLOW | 0x40, 0, 0, 0);
    sys_fixture_call(f, NR_umount2, put_str(f, 64, "/nonexistent/ferry"), 0, 0, 0, 0);
    f->p.opts.strace = false;
    fflush(f->p.log);
    assert_non_null(
        strstr(f->log_buf, "mount(\"none\",\"/nonexistent/ferry\",\"tmpfs\",MS_NOSUID,NULL)"));
    assert_non_null(strstr(f->log_buf, "mount(NULL,\"/nonexistent/ferry\",NULL,MS_RDONLY|"
                                       "MS_REMOUNT|MS_BIND|MS_REC|0x10000000200,NULL)"));
    assert_non_null(strstr(f->log_buf, "mount(\"none\",\"/nonexistent/ferry\",NULL,0,NULL)"));
    assert_non_null(
        strstr(f->log_buf, "mount(NULL,\"/nonexistent/ferry\",NULL,MS_MGC_VAL|MS_NODEV,NULL)"));
    assert_non_null(strstr(f->log_buf, "umount2(\"/nonexistent/ferry\",MNT_DETACH)"));
    assert_non_null(
        strstr(f->log_buf, "umount2(\"/nonexistent/ferry\",MNT_FORCE|UMOUNT_NOFOLLOW|0x40)"));
    assert_non_null(strstr(f->log_buf, "umount2(\"/nonexistent/ferry\",0)"));
}

/* A guest chroot goes through the sysroot like any path, and drops the sysroot when it
 * succeeds: "/" is the new root from then on.  The test leaves the chroot again through a
 * descriptor of the old root. */
static void test_chroot_sysroot(void **state)
{
    MountTest *t = *state;
    SysFixture *f = t->f;
    char sub[96], marker[128], cwd[PATH_MAX];
    snprintf(sub, sizeof(sub), "%s/sub", t->dir);
    snprintf(marker, sizeof(marker), "%s/marker", sub);
    assert_int_equal(mkdir(sub, 0755), 0);
    FILE *m = fopen(marker, "w");
    assert_non_null(m);
    fclose(m);
    f->p.opts.sysroot = t->dir;
    assert_int_equal(
        sys_fixture_call(f, NR_chroot, put_str(f, 0, "/nonexistent/ferry"), 0, 0, 0, 0), -ENOENT);
    assert_int_equal(sys_fixture_call(f, NR_chroot, BAD, 0, 0, 0, 0), -EFAULT);
    assert_ptr_equal(f->p.opts.sysroot, t->dir); /* failures keep it */
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    int old_root = open("/", O_RDONLY | O_DIRECTORY);
    assert_true(old_root >= 0);
    int64_t r = sys_fixture_call(f, NR_chroot, put_str(f, 0, "/sub"), 0, 0, 0, 0);
    if (getuid() == 0) {
        assert_int_equal(r, 0);
        bool inside = access("/marker", F_OK) == 0; /* "/sub" was found under the sysroot */
        assert_int_equal(fchdir(old_root), 0);
        assert_int_equal(chroot("."), 0);
        assert_int_equal(chdir(cwd), 0);
        assert_true(inside);
        assert_null(f->p.opts.sysroot);
    } else {
        assert_int_equal(r, -EPERM);
        assert_ptr_equal(f->p.opts.sysroot, t->dir);
    }
    close(old_root);
    f->p.opts.sysroot = NULL;
    unlink(marker);
    rmdir(sub);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_efault, setup, teardown),
        cmocka_unit_test_setup_teardown(test_data_at_end_of_memory, setup, teardown),
        cmocka_unit_test_setup_teardown(test_umount_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_strace, setup, teardown),
        cmocka_unit_test_setup_teardown(test_chroot_sysroot, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
