/*
 * Guest absolute paths looked up inside a sysroot (-L) the way a chroot
 * would: each component is looked up under the sysroot, and a symlink met
 * on the way is followed there too (an absolute target restarts at the
 * sysroot's top, not the host's).  A Debian root is full of such links
 * (/etc/alternatives entries, /usr/bin/ld.so, /etc/mtab), and without this a
 * guest following them would reach the host's amd64 files.  A path whose
 * lookup leaves the sysroot (a component missing there) is the host's, as
 * given; a lookup that reaches /proc, /dev or /sys goes to the host's.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader/elf.h"

#define SYSROOT_MAX_LINKS 40

/* True for /proc, /dev, /sys and what is below them: always the host's. */
static bool sysroot_is_kernel_path(const char *path)
{
    static const char *const dirs[] = {"proc", "dev", "sys"};
    while (*path == '/')
        path++;
    for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
        size_t n = strlen(dirs[i]);
        if (!strncmp(path, dirs[i], n) && (path[n] == '/' || path[n] == 0))
            return true;
    }
    return false;
}

/* Drops the last component of the resolved path cur ("" is the top). */
static void sysroot_pop(char *cur)
{
    char *sl = strrchr(cur, '/');
    if (sl)
        *sl = 0;
}

/* out = a + b, false when it does not fit. */
static bool sysroot_join(char *out, size_t outlen, const char *a, const char *sep, const char *b)
{
    int n = snprintf(out, outlen, "%s%s%s", a, sep, b);
    return n >= 0 && (size_t)n < outlen;
}

/*
 * Replaces the walk state after the symlink at full: rest becomes its
 * target followed by what was left (after), cur the directory to continue
 * from.  False on a read error or overflow.
 */
static bool sysroot_follow(const char *full, char *cur, char *rest, const char *after)
{
    char link[PATH_MAX], tmp[PATH_MAX];
    ssize_t k = readlink(full, link, sizeof(link) - 1);
    if (k < 0)
        return false;
    link[k] = 0;
    if (!sysroot_join(tmp, sizeof(tmp), link, *after ? "/" : "", after))
        return false;
    memcpy(rest, tmp, strlen(tmp) + 1);
    if (link[0] == '/')
        cur[0] = 0;
    else
        sysroot_pop(cur);
    return true;
}

bool elf_sysroot_resolve(const char *sysroot, const char *path, bool follow, char *out,
                         size_t outlen)
{
    char rest[PATH_MAX], cur[PATH_MAX], full[PATH_MAX];
    struct stat st;
    if (!sysroot || !sysroot[0] || !strcmp(sysroot, "/") || path[0] != '/' ||
        sysroot_is_kernel_path(path) || strlen(path) >= sizeof(rest))
        return false;
    memcpy(rest, path, strlen(path) + 1);
    cur[0] = 0;
    size_t pos = 0;
    int links = 0;
    for (;;) {
        const char *s = rest + pos;
        while (*s == '/')
            s++;
        if (!*s)
            break;
        const char *e = strchrnul(s, '/');
        size_t n = (size_t)(e - s), cl = strlen(cur);
        const char *after = e + strspn(e, "/");
        bool last = !*after;
        pos = (size_t)(after - rest);
        if (n == 1 && s[0] == '.')
            continue;
        if (n == 2 && s[0] == '.' && s[1] == '.') {
            sysroot_pop(cur);
            continue;
        }
        if (cl + 1 + n >= sizeof(cur))
            return false;
        cur[cl] = '/';
        memcpy(cur + cl + 1, s, n);
        cur[cl + 1 + n] = 0;
        if (cl == 0 && sysroot_is_kernel_path(cur)) /* a link led into /proc, /dev, /sys */
            return sysroot_join(out, outlen, cur, last ? "" : "/", after);
        if (!sysroot_join(full, sizeof(full), sysroot, "", cur) || lstat(full, &st) < 0)
            return false;
        if (S_ISLNK(st.st_mode) && (!last || follow)) {
            if (++links > SYSROOT_MAX_LINKS || !sysroot_follow(full, cur, rest, after))
                return false;
            pos = 0;
        }
    }
    return sysroot_join(out, outlen, sysroot, "", cur[0] ? cur : "/");
}

bool elf_sysroot_path(const char *sysroot, const char *path, char *out, size_t outlen)
{
    return elf_sysroot_resolve(sysroot, path, false, out, outlen);
}
