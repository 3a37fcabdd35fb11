/*
 * Path and metadata syscalls: the stat family (struct stat converted to the
 * guest layout; statx is the same everywhere), readlinkat (with
 * /proc/self/exe answered from the guest executable), access checks,
 * directories, links, modes.
 *
 * Every guest path goes through sys_get_path, which rewrites it the way
 * qemu-user does: /proc/self/exe names the guest executable, and with a
 * sysroot (-L, or the default one the loader chose for a dynamically
 * linked program) an absolute path that exists under the sysroot is used
 * from there, looked up chroot-like (elf_sysroot_resolve: symlinks inside
 * the sysroot stay inside; /proc, /dev and /sys are the host's).  Relative
 * paths, and paths that are data rather than lookups (a symlink's target,
 * a memfd name), are not rewritten.
 */
#include "syscalls/internal.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "loader/elf.h"

#define SYS_STATX_SIZE 256

/*
 * Rewrites buf (PATH_MAX bytes) to its place under the sysroot, when it has
 * one; `follow`: a symlink as the last component is followed there too.
 */
static void sys_sysroot_path(SysCtx *c, char *buf, bool follow)
{
    char full[PATH_MAX];
    if (c->p->opts.sysroot &&
        elf_sysroot_resolve(c->p->opts.sysroot, buf, follow, full, sizeof(full)))
        memcpy(buf, full, strlen(full) + 1);
}

int sys_get_path_follow(SysCtx *c, uint64_t gaddr, char *buf, bool follow)
{
    int r = sys_get_path_raw(c, gaddr, buf);
    if (r < 0)
        return r;
    if (c->p->exe_path && follow && sys_is_proc_exe(buf)) /* lstat sees the link */
        snprintf(buf, PATH_MAX, "%s", c->p->exe_path);
    else
        sys_sysroot_path(c, buf, follow);
    return 0;
}

int sys_get_path(SysCtx *c, uint64_t gaddr, char *buf)
{
    return sys_get_path_follow(c, gaddr, buf, true);
}

/* The path argument of a *at call with flags: NULL with AT_EMPTY_PATH, AT_SYMLINK_NOFOLLOW. */
static int sys_get_at_path(SysCtx *c, uint64_t gaddr, int flags, char *buf)
{
    if (!gaddr && (flags & AT_EMPTY_PATH)) {
        buf[0] = 0;
        return 0;
    }
    return sys_get_path_follow(c, gaddr, buf, !(flags & AT_SYMLINK_NOFOLLOW));
}

static int64_t sys_put_stat(SysCtx *c, uint64_t gaddr, const struct stat *st)
{
    return sys_put_struct(c, gaddr, c->abi->layout.stat, st, sizeof(*st));
}

int64_t sys_do_fstat(SysCtx *c, const uint64_t *a)
{
    struct stat st;
    if (fstat(sys_fd(a[0]), &st) < 0)
        return -errno;
    return sys_put_stat(c, a[1], &st);
}

int64_t sys_do_fstatat(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    struct stat st;
    int r = sys_get_at_path(c, a[1], (int)a[3], path);
    if (r < 0)
        return r;
    if (fstatat(sys_fd(a[0]), path, &st, (int)a[3]) < 0)
        return -errno;
    return sys_put_stat(c, a[2], &st);
}

int64_t sys_do_statx(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r = sys_get_at_path(c, a[1], (int)a[2], path);
    if (r < 0)
        return r;
    void *buf = gmem_ptr(c->mem, a[4], SYS_STATX_SIZE, PROT_WRITE);
    if (!buf)
        return -EFAULT;
    return sys_ret(syscall(SYS_statx, sys_fd(a[0]), path, (int)a[2], (unsigned)a[3], buf));
}

int64_t sys_do_statfs(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    struct statfs sf;
    int r = sys_get_path(c, a[0], path);
    if (r < 0)
        return r;
    if (statfs(path, &sf) < 0)
        return -errno;
    return sys_put_struct(c, a[1], c->abi->layout.statfs, &sf, sizeof(sf));
}

int64_t sys_do_fstatfs(SysCtx *c, const uint64_t *a)
{
    struct statfs sf;
    if (fstatfs(sys_fd(a[0]), &sf) < 0)
        return -errno;
    return sys_put_struct(c, a[1], c->abi->layout.statfs, &sf, sizeof(sf));
}

int64_t sys_do_readlinkat(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r = sys_get_path_raw(c, a[1], path);
    if (r < 0)
        return r;
    if ((int64_t)a[3] <= 0)
        return -EINVAL;
    void *buf = gmem_ptr(c->mem, a[2], a[3], PROT_WRITE);
    if (!buf)
        return -EFAULT;
    if (c->p->exe_path && sys_is_proc_exe(path)) {
        const char *exe = sys_exe_guest(c);
        size_t n = strlen(exe);
        n = n < a[3] ? n : a[3];
        memcpy(buf, exe, n);
        return (int64_t)n;
    }
    int64_t n = sys_peer_exe(path, buf, a[3]);
    if (n != -ENOENT)
        return n;
    sys_sysroot_path(c, path, false);
    return sys_ret(readlinkat(sys_fd(a[0]), path, buf, a[3]));
}

int64_t sys_do_faccessat(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r = sys_get_path(c, a[1], path);
    if (r < 0)
        return r;
    return sys_ret(syscall(SYS_faccessat, sys_fd(a[0]), path, (int)a[2]));
}

int64_t sys_do_faccessat2(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r = sys_get_at_path(c, a[1], (int)a[3], path);
    if (r < 0)
        return r;
    return sys_ret(faccessat(sys_fd(a[0]), path, (int)a[2], (int)a[3]));
}

int64_t sys_do_getcwd(SysCtx *c, const uint64_t *a)
{
    void *buf = gmem_ptr(c->mem, a[0], a[1], PROT_WRITE);
    if (!buf)
        return -EFAULT;
    return sys_ret(syscall(SYS_getcwd, buf, (size_t)a[1]));
}

int64_t sys_do_chdir(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r = sys_get_path(c, a[0], path);
    return r < 0 ? r : sys_ret(chdir(path));
}

int64_t sys_do_fchdir(SysCtx *c, const uint64_t *a)
{
    return sys_ret(fchdir(sys_fd(a[0])));
}

int64_t sys_do_mkdirat(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r = sys_get_path_follow(c, a[1], path, false);
    return r < 0 ? r : sys_ret(mkdirat(sys_fd(a[0]), path, (mode_t)a[2]));
}

/* mknodat: mode and device numbers mean the same on every Linux guest. */
int64_t sys_do_mknodat(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r = sys_get_path_follow(c, a[1], path, false);
    return r < 0 ? r : sys_ret(mknodat(sys_fd(a[0]), path, (mode_t)a[2], (dev_t)a[3]));
}

int64_t sys_do_unlinkat(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r = sys_get_path_follow(c, a[1], path, false);
    return r < 0 ? r : sys_ret(unlinkat(sys_fd(a[0]), path, (int)a[2]));
}

/* Two-path calls (old, new; the new one's last link is never followed). */
static int sys_get_two_paths(SysCtx *c, uint64_t g0, uint64_t g1, char *p0, char *p1, bool follow)
{
    int r = sys_get_path_follow(c, g0, p0, follow);
    return r < 0 ? r : sys_get_path_follow(c, g1, p1, false);
}

int64_t sys_do_renameat2(SysCtx *c, const uint64_t *a)
{
    char from[PATH_MAX], to[PATH_MAX];
    int r = sys_get_two_paths(c, a[1], a[3], from, to, false);
    if (r < 0)
        return r;
    return sys_ret(syscall(SYS_renameat2, sys_fd(a[0]), from, sys_fd(a[2]), to, (unsigned)a[4]));
}

int64_t sys_do_renameat(SysCtx *c, const uint64_t *a)
{
    const uint64_t b[6] = {a[0], a[1], a[2], a[3], 0, 0};
    return sys_do_renameat2(c, b);
}

int64_t sys_do_symlinkat(SysCtx *c, const uint64_t *a)
{
    char target[PATH_MAX], path[PATH_MAX];
    int r = sys_get_path_raw(c, a[0], target); /* the link's contents: never rewritten */
    if (r == 0)
        r = sys_get_path_follow(c, a[2], path, false);
    return r < 0 ? r : sys_ret(symlinkat(target, sys_fd(a[1]), path));
}

int64_t sys_do_linkat(SysCtx *c, const uint64_t *a)
{
    char from[PATH_MAX], to[PATH_MAX];
    int r = sys_get_two_paths(c, a[1], a[3], from, to, (a[4] & AT_SYMLINK_FOLLOW) != 0);
    if (r < 0)
        return r;
    return sys_ret(linkat(sys_fd(a[0]), from, sys_fd(a[2]), to, (int)a[4]));
}

int64_t sys_do_fchmod(SysCtx *c, const uint64_t *a)
{
    return sys_ret(fchmod(sys_fd(a[0]), (mode_t)a[1]));
}

int64_t sys_do_fchmodat(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r = sys_get_path(c, a[1], path);
    return r < 0 ? r : sys_ret(syscall(SYS_fchmodat, sys_fd(a[0]), path, (mode_t)a[2]));
}

/* fchmodat2: fchmodat with flags (AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH). */
int64_t sys_do_fchmodat2(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r = sys_get_at_path(c, a[1], (int)a[3], path);
    if (r < 0)
        return r;
    return sys_ret(syscall(452 /* fchmodat2 */, sys_fd(a[0]), path, (mode_t)a[2], (int)a[3]));
}

int64_t sys_do_umask(SysCtx *c, const uint64_t *a)
{
    return umask((mode_t)a[0] & 0777);
}

int64_t sys_do_fchown(SysCtx *c, const uint64_t *a)
{
    return sys_ret(fchown(sys_fd(a[0]), (uid_t)a[1], (gid_t)a[2]));
}

int64_t sys_do_fchownat(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r = sys_get_at_path(c, a[1], (int)a[4], path);
    if (r < 0)
        return r;
    return sys_ret(fchownat(sys_fd(a[0]), path, (uid_t)a[2], (gid_t)a[3], (int)a[4]));
}

int64_t sys_do_utimensat(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    struct timespec ts[2];
    const ThunkDesc *d = c->abi->layout.timespec;
    uint64_t ts_size = d ? thunk_guest_size(d, &c->abi->target) : sizeof(struct timespec);
    if (a[1]) {
        int r = sys_get_path_follow(c, a[1], path, !(a[3] & AT_SYMLINK_NOFOLLOW));
        if (r < 0)
            return r;
    }
    if (a[2] &&
        (sys_get_timespec(c, a[2], &ts[0]) < 0 || sys_get_timespec(c, a[2] + ts_size, &ts[1]) < 0))
        return -EFAULT;
    /* The raw call: a NULL path means the file dirfd refers to. */
    return sys_ret(
        syscall(SYS_utimensat, sys_fd(a[0]), a[1] ? path : NULL, a[2] ? ts : NULL, (int)a[3]));
}
