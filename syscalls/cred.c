/*
 * Credentials and process attributes passed to the host kernel: the
 * set*id family, supplementary groups, capabilities, priorities,
 * personality, host and domain names, namespaces (unshare, setns), and
 * the administrative calls a root guest may make (syslog, vhangup, acct).
 *
 * The set*id calls are made raw (not through the host libc), so they change
 * the calling host thread only, as the kernel call does: the guest's libc
 * makes every guest thread call them itself (its setxid broadcast), and
 * each guest thread is one host thread.
 */
#include "syscalls/internal.h"

#include <linux/capability.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/syscall.h>
#include <unistd.h>

#define SYS_NGROUPS_MAX 65536

int64_t sys_do_setuid(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_setuid, (uid_t)a[0]));
}
int64_t sys_do_setgid(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_setgid, (gid_t)a[0]));
}
int64_t sys_do_setreuid(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_setreuid, (uid_t)a[0], (uid_t)a[1]));
}
int64_t sys_do_setregid(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_setregid, (gid_t)a[0], (gid_t)a[1]));
}
int64_t sys_do_setresuid(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_setresuid, (uid_t)a[0], (uid_t)a[1], (uid_t)a[2]));
}
int64_t sys_do_setresgid(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_setresgid, (gid_t)a[0], (gid_t)a[1], (gid_t)a[2]));
}
/* setfsuid/setfsgid return the previous id, never an error. */
int64_t sys_do_setfsuid(SysCtx *c, const uint64_t *a)
{
    return syscall(SYS_setfsuid, (uid_t)a[0]);
}
int64_t sys_do_setfsgid(SysCtx *c, const uint64_t *a)
{
    return syscall(SYS_setfsgid, (gid_t)a[0]);
}

int64_t sys_do_setgroups(SysCtx *c, const uint64_t *a)
{
    if (a[0] > SYS_NGROUPS_MAX)
        return -EINVAL;
    const gid_t *list = gmem_ptr(c->mem, a[1], a[0] * sizeof(gid_t), PROT_READ);
    if (!list)
        return -EFAULT;
    return sys_ret(syscall(SYS_setgroups, (size_t)a[0], list));
}

/* Raw getpriority returns 20 - nice (never negative), as the guest's libc expects. */
int64_t sys_do_getpriority(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_getpriority, (int)a[0], (unsigned)a[1]));
}
int64_t sys_do_setpriority(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_setpriority, (int)a[0], (unsigned)a[1], (int)a[2]));
}

/* capget/capset: a {version, pid} header and 1 (v1) or 2 (v2, v3) {effective, permitted,
 * inheritable} words; the same on every guest. */
static int64_t sys_cap(SysCtx *c, const uint64_t *a, bool set)
{
    struct __user_cap_header_struct *hdr = gmem_ptr(c->mem, a[0], sizeof(*hdr), PROT_WRITE);
    if (!hdr)
        return -EFAULT;
    size_t n = hdr->version == _LINUX_CAPABILITY_VERSION_1 ? 1 : 2;
    void *data = NULL;
    if (a[1] && !(data = gmem_ptr(c->mem, a[1], n * sizeof(struct __user_cap_data_struct),
                                  set ? PROT_READ : PROT_WRITE)))
        return -EFAULT;
    return sys_ret(syscall(set ? SYS_capset : SYS_capget, hdr, data));
}
int64_t sys_do_capget(SysCtx *c, const uint64_t *a)
{
    return sys_cap(c, a, false);
}
int64_t sys_do_capset(SysCtx *c, const uint64_t *a)
{
    return sys_cap(c, a, true);
}

/* personality: the flags go to the host (what a child inherits); the guest sees its answer. */
int64_t sys_do_personality(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_personality, (unsigned long)(uint32_t)a[0]));
}

static int64_t sys_set_name(SysCtx *c, const uint64_t *a, long nr)
{
    if ((int64_t)a[1] < 0 || a[1] > 64)
        return -EINVAL;
    const char *name = gmem_ptr(c->mem, a[0], a[1], PROT_READ);
    if (!name)
        return -EFAULT;
    return sys_ret(syscall(nr, name, (size_t)a[1]));
}
int64_t sys_do_sethostname(SysCtx *c, const uint64_t *a)
{
    return sys_set_name(c, a, SYS_sethostname);
}
int64_t sys_do_setdomainname(SysCtx *c, const uint64_t *a)
{
    return sys_set_name(c, a, SYS_setdomainname);
}

/* Guest threads are host threads and guest fds host fds: namespaces apply as they would. */
int64_t sys_do_unshare(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_unshare, (int)a[0]));
}

int64_t sys_do_setns(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_setns, sys_fd(a[0]), (int)a[1]));
}

int64_t sys_do_kcmp(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_kcmp, (pid_t)a[0], (pid_t)a[1], (int)a[2], (unsigned long)a[3],
                           (unsigned long)a[4]));
}

/* syslog(type, buf, len): the kernel log buffer (dmesg). */
int64_t sys_do_syslog(SysCtx *c, const uint64_t *a)
{
    int len = (int)a[2];
    void *buf = len > 0 ? sys_buf(c, a[1], (uint64_t)len, PROT_WRITE) : NULL;
    if (len > 0 && !buf)
        return -EFAULT;
    return sys_ret(syscall(SYS_syslog, (int)a[0], buf, len));
}

int64_t sys_do_vhangup(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_vhangup));
}

int64_t sys_do_acct(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r = a[0] ? sys_get_path(c, a[0], path) : 0;
    return r < 0 ? r : sys_ret(syscall(SYS_acct, a[0] ? path : NULL));
}
