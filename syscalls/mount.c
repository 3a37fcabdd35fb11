/*
 * mount(2) and umount2(2), passed through to the host kernel.  Guests that
 * build or enter root filesystems (debootstrap's second stage, container
 * init scripts) mount /proc, /sys, tmpfs and bind mounts inside a chroot;
 * ferry runs in that chroot with them (binfmt_misc flag F), so the host
 * mount is the guest's mount and ferry's /proc views (procfs.c) read the
 * /proc the guest mounted.
 *
 * Paths (the target, and a source such as a bind mount's directory) go
 * through sys_get_path like every lookup, so with -L they land under the
 * sysroot.  The filesystem type is a plain string; the data argument is
 * copied the way the kernel copies it (copy_mount_options): up to one page,
 * stopping at the first unreadable guest page, -EFAULT only when not even
 * its first byte is readable.  Mount flags (MS_*) and umount flags
 * (MNT_*, UMOUNT_NOFOLLOW) have the same values for every Linux guest, and
 * the kernel rejects the ones it does not know.
 *
 * chroot(2) and pivot_root(2) are passed through too: the guest's new root
 * is ferry's (one process), found through sys_get_path like any path.  From
 * then on "/" means the new root for every lookup, so the sysroot (-L, or
 * the default one of a dynamically linked program) is dropped: it named a
 * directory of the old root, and the guest now sees its own /lib.  ferry's
 * code and the guest image are already loaded; /proc/self/exe still shows
 * the guest executable, and running a foreign program through execve
 * re-runs ferry by /proc/self/exe, which needs /proc mounted in the new
 * root (as a binfmt_misc chroot does).
 *
 * XXX: paths inside the data string (overlay's lowerdir=, upperdir=) are
 * not rewritten under -L.
 */
#include "syscalls/internal.h"

#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <unistd.h>

#define MOUNT_DATA_MAX 4096 /* the kernel copies one page of options */

/*
 * Copies the mount data at gaddr into buf (MOUNT_DATA_MAX + 1 bytes, the
 * rest zeroed): as many bytes as are readable up to MOUNT_DATA_MAX.
 * Returns 0, or -EFAULT when the first byte is not readable.
 */
static int mount_get_data(SysCtx *c, uint64_t gaddr, char *buf)
{
    size_t n = 0;
    memset(buf, 0, MOUNT_DATA_MAX + 1);
    while (n < MOUNT_DATA_MAX) {
        uint64_t at = gaddr + n;
        size_t chunk = GUEST_PAGE_SIZE - (at & (GUEST_PAGE_SIZE - 1));
        if (chunk > MOUNT_DATA_MAX - n)
            chunk = MOUNT_DATA_MAX - n;
        const void *p = at >= gaddr ? gmem_ptr(c->mem, at, chunk, PROT_READ) : NULL;
        if (!p)
            break;
        memcpy(buf + n, p, chunk);
        n += chunk;
    }
    return n ? 0 : -EFAULT;
}

/* A string argument that may be NULL: *out is NULL or buf.  Returns 0 or -errno. */
static int mount_get_opt_string(SysCtx *c, uint64_t gaddr, bool lookup, char *buf, const char **out)
{
    *out = NULL;
    if (!gaddr)
        return 0;
    int r = lookup ? sys_get_path(c, gaddr, buf) : sys_get_path_raw(c, gaddr, buf);
    if (r == 0)
        *out = buf;
    return r;
}

/* mount(source, target, fstype, flags, data) */
int64_t sys_do_mount(SysCtx *c, const uint64_t *a)
{
    char source[PATH_MAX], target[PATH_MAX], fstype[PATH_MAX];
    char data[MOUNT_DATA_MAX + 1];
    const char *src, *type;
    int r = mount_get_opt_string(c, a[0], true, source, &src);
    if (r == 0)
        r = sys_get_path(c, a[1], target);
    if (r == 0)
        r = mount_get_opt_string(c, a[2], false, fstype, &type);
    if (r == 0 && a[4])
        r = mount_get_data(c, a[4], data);
    if (r < 0)
        return r;
    return sys_ret(mount(src, target, type, (unsigned long)a[3], a[4] ? data : NULL));
}

/* umount2(target, flags) */
int64_t sys_do_umount2(SysCtx *c, const uint64_t *a)
{
    char target[PATH_MAX];
    int r = sys_get_path(c, a[0], target);
    return r < 0 ? r : sys_ret(umount2(target, (int)a[1]));
}

/* After a successful change of root: lookups no longer go under the sysroot. */
static int64_t mount_root_changed(SysCtx *c, int64_t r)
{
    if (r == 0)
        __atomic_store_n(&c->p->opts.sysroot, NULL, __ATOMIC_RELEASE);
    return r;
}

/* chroot(path) */
int64_t sys_do_chroot(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r = sys_get_path(c, a[0], path);
    return r < 0 ? r : mount_root_changed(c, sys_ret(chroot(path)));
}

/* pivot_root(new_root, put_old) */
int64_t sys_do_pivot_root(SysCtx *c, const uint64_t *a)
{
    char new_root[PATH_MAX], put_old[PATH_MAX];
    int r = sys_get_path(c, a[0], new_root);
    if (r == 0)
        r = sys_get_path(c, a[1], put_old);
    return r < 0 ? r : mount_root_changed(c, sys_ret(syscall(SYS_pivot_root, new_root, put_old)));
}
