/*
 * Extended attributes: the set/get/list/remove families on a path (the
 * last link followed), on a link itself (l*) and on an fd (f*).  Names and
 * values are bytes, the same for every guest; paths go through the sysroot.
 */
#include "syscalls/internal.h"

#include <sys/mman.h>
#include <sys/xattr.h>

#define SYS_XATTR_NAME_MAX 256 /* XATTR_NAME_MAX + 1 */

enum { XA_PATH, XA_LINK, XA_FD };

/* The attribute name at gaddr: 0, -EFAULT or -ERANGE (too long, as the kernel says). */
static int xa_name(SysCtx *c, uint64_t gaddr, char *buf)
{
    int r = sys_get_str(c, gaddr, buf, SYS_XATTR_NAME_MAX);
    return r == -ENAMETOOLONG ? -ERANGE : r;
}

/* The file argument: a path (kind XA_PATH / XA_LINK) into path, or nothing for XA_FD. */
static int xa_file(SysCtx *c, int kind, uint64_t arg, char *path)
{
    return kind == XA_FD ? 0 : sys_get_path_follow(c, arg, path, kind == XA_PATH);
}

/* The file argument a[0] and the attribute name a[1]; 0 or -errno. */
static int xa_file_name(SysCtx *c, const uint64_t *a, int kind, char *path, char *name)
{
    int r = xa_file(c, kind, a[0], path);
    return r < 0 ? r : xa_name(c, a[1], name);
}

static int64_t xa_set(SysCtx *c, const uint64_t *a, int kind)
{
    char path[PATH_MAX], name[SYS_XATTR_NAME_MAX];
    int r = xa_file_name(c, a, kind, path, name);
    if (r < 0)
        return r;
    const void *val = gmem_ptr(c->mem, a[2], a[3], PROT_READ);
    if (!val)
        return -EFAULT;
    int flags = (int)a[4];
    if (kind == XA_FD)
        return sys_ret(fsetxattr(sys_fd(a[0]), name, val, a[3], flags));
    if (kind == XA_LINK)
        return sys_ret(lsetxattr(path, name, val, a[3], flags));
    return sys_ret(setxattr(path, name, val, a[3], flags));
}

static int64_t xa_get(SysCtx *c, const uint64_t *a, int kind)
{
    char path[PATH_MAX], name[SYS_XATTR_NAME_MAX];
    int r = xa_file_name(c, a, kind, path, name);
    if (r < 0)
        return r;
    void *val = gmem_ptr(c->mem, a[2], a[3], PROT_WRITE);
    if (!val)
        return -EFAULT;
    if (kind == XA_FD)
        return sys_ret(fgetxattr(sys_fd(a[0]), name, val, a[3]));
    if (kind == XA_LINK)
        return sys_ret(lgetxattr(path, name, val, a[3]));
    return sys_ret(getxattr(path, name, val, a[3]));
}

static int64_t xa_list(SysCtx *c, const uint64_t *a, int kind)
{
    char path[PATH_MAX];
    int r = xa_file(c, kind, a[0], path);
    if (r < 0)
        return r;
    char *list = gmem_ptr(c->mem, a[1], a[2], PROT_WRITE);
    if (!list)
        return -EFAULT;
    if (kind == XA_FD)
        return sys_ret(flistxattr(sys_fd(a[0]), list, a[2]));
    if (kind == XA_LINK)
        return sys_ret(llistxattr(path, list, a[2]));
    return sys_ret(listxattr(path, list, a[2]));
}

static int64_t xa_remove(SysCtx *c, const uint64_t *a, int kind)
{
    char path[PATH_MAX], name[SYS_XATTR_NAME_MAX];
    int r = xa_file_name(c, a, kind, path, name);
    if (r < 0)
        return r;
    if (kind == XA_FD)
        return sys_ret(fremovexattr(sys_fd(a[0]), name));
    if (kind == XA_LINK)
        return sys_ret(lremovexattr(path, name));
    return sys_ret(removexattr(path, name));
}

int64_t sys_do_setxattr(SysCtx *c, const uint64_t *a)
{
    return xa_set(c, a, XA_PATH);
}
int64_t sys_do_lsetxattr(SysCtx *c, const uint64_t *a)
{
    return xa_set(c, a, XA_LINK);
}
int64_t sys_do_fsetxattr(SysCtx *c, const uint64_t *a)
{
    return xa_set(c, a, XA_FD);
}
int64_t sys_do_getxattr(SysCtx *c, const uint64_t *a)
{
    return xa_get(c, a, XA_PATH);
}
int64_t sys_do_lgetxattr(SysCtx *c, const uint64_t *a)
{
    return xa_get(c, a, XA_LINK);
}
int64_t sys_do_fgetxattr(SysCtx *c, const uint64_t *a)
{
    return xa_get(c, a, XA_FD);
}
int64_t sys_do_listxattr(SysCtx *c, const uint64_t *a)
{
    return xa_list(c, a, XA_PATH);
}
int64_t sys_do_llistxattr(SysCtx *c, const uint64_t *a)
{
    return xa_list(c, a, XA_LINK);
}
int64_t sys_do_flistxattr(SysCtx *c, const uint64_t *a)
{
    return xa_list(c, a, XA_FD);
}
int64_t sys_do_removexattr(SysCtx *c, const uint64_t *a)
{
    return xa_remove(c, a, XA_PATH);
}
int64_t sys_do_lremovexattr(SysCtx *c, const uint64_t *a)
{
    return xa_remove(c, a, XA_LINK);
}
int64_t sys_do_fremovexattr(SysCtx *c, const uint64_t *a)
{
    return xa_remove(c, a, XA_FD);
}
