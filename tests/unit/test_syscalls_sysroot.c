/*
 * Unit tests of guest paths under a sysroot (loader/sysroot.c): lookups
 * are chroot-like, so absolute symlinks inside the sysroot stay inside it,
 * links into /proc reach the host's /proc, missing entries and /proc, /dev,
 * /sys are the host's, the last link is followed only when asked, and
 * link loops end.
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "loader/elf.h"

static char root[PATH_MAX];

static void mk(const char *rel)
{
    char p[PATH_MAX * 2];
    snprintf(p, sizeof(p), "%s%s", root, rel);
    assert_int_equal(mkdir(p, 0755), 0);
}

static void touch(const char *rel)
{
    char p[PATH_MAX * 2];
    snprintf(p, sizeof(p), "%s%s", root, rel);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fclose(f);
}

static void link_to(const char *target, const char *rel)
{
    char p[PATH_MAX * 2];
    snprintf(p, sizeof(p), "%s%s", root, rel);
    assert_int_equal(symlink(target, p), 0);
}

static int setup(void **state)
{
    snprintf(root, sizeof(root), "/tmp/ferry-sysroot-XXXXXX");
    if (!mkdtemp(root))
        return -1;
    mk("/usr");
    mk("/usr/bin");
    mk("/usr/lib");
    mk("/etc");
    mk("/etc/alternatives");
    touch("/usr/bin/gawk");
    touch("/usr/lib/libc.so.6");
    link_to("usr/bin", "/bin");
    link_to("/etc/alternatives/awk", "/usr/bin/awk");
    link_to("/usr/bin/gawk", "/etc/alternatives/awk");
    link_to("../proc/self/mounts", "/etc/mtab");
    link_to("/nowhere/at/all", "/usr/bin/dangling");
    link_to("loop2", "/etc/loop1");
    link_to("loop1", "/etc/loop2");
    return 0;
}

static int teardown(void **state)
{
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

/* Resolves path; returns the result relative to the sysroot ("=host path" when outside). */
static const char *resolve(const char *path, bool follow)
{
    static char out[PATH_MAX], rel[PATH_MAX + 1];
    if (!elf_sysroot_resolve(root, path, follow, out, sizeof(out)))
        return NULL;
    size_t n = strlen(root);
    if (!strncmp(out, root, n))
        return out + n;
    snprintf(rel, sizeof(rel), "=%s", out);
    return rel;
}

static void test_plain_and_missing(void **state)
{
    assert_string_equal(resolve("/usr/bin/gawk", true), "/usr/bin/gawk");
    assert_string_equal(resolve("/usr/lib/../lib/./libc.so.6", true), "/usr/lib/libc.so.6");
    assert_null(resolve("/usr/bin/missing", true));
    assert_null(resolve("/tmp/x", true)); /* no /tmp in this sysroot */
    assert_null(resolve("relative/path", true));
    assert_null(resolve("/proc/self/maps", true));
    assert_null(resolve("/dev/null", true));
    assert_string_equal(resolve("/", true), "/");
    assert_null(elf_sysroot_resolve(NULL, "/usr", true, (char[64]){0}, 64) ? "" : NULL);
}

static void test_links_stay_inside(void **state)
{
    /* /bin -> usr/bin, then an absolute chain through /etc/alternatives. */
    assert_string_equal(resolve("/bin/gawk", true), "/usr/bin/gawk");
    assert_string_equal(resolve("/bin/awk", true), "/usr/bin/gawk");
    assert_string_equal(resolve("/usr/bin/awk", true), "/usr/bin/gawk");
    /* Not following the last link: the link itself, its directory resolved. */
    assert_string_equal(resolve("/bin/awk", false), "/usr/bin/awk");
    assert_string_equal(resolve("/etc/alternatives/awk", false), "/etc/alternatives/awk");
}

static void test_links_leaving(void **state)
{
    /* A link into /proc is the host's /proc. */
    assert_string_equal(resolve("/etc/mtab", true), "=/proc/self/mounts");
    assert_string_equal(resolve("/etc/mtab", false), "/etc/mtab");
    /* A dangling link: the guest path goes to the host as given when followed. */
    assert_null(resolve("/usr/bin/dangling", true));
    assert_string_equal(resolve("/usr/bin/dangling", false), "/usr/bin/dangling");
    /* A loop ends. */
    assert_null(resolve("/etc/loop1", true));
    assert_null(resolve("/etc/loop1/x", false));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_and_missing),
        cmocka_unit_test(test_links_stay_inside),
        cmocka_unit_test(test_links_leaving),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
