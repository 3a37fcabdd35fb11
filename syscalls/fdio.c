/*
 * More data transfer on fds: positioned vectored I/O (preadv, pwritev and
 * their *2 forms with RWF_* flags), splice, tee and vmsplice, and the
 * write-back and read-ahead hints (sync_file_range, syncfs, readahead).
 * Offsets are one 64-bit register on 64-bit guests (the high half the
 * kernel takes for 32-bit guests is ignored there).
 */
#include "syscalls/internal.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#define SYS_IOV_MAX 1024

/* preadv/pwritev (flags 0) and preadv2/pwritev2: a[3] the offset (-1: the file position). */
static int64_t sys_rw_vec(SysCtx *c, const uint64_t *a, bool write, uint64_t flags, bool v2)
{
    struct iovec iov[SYS_IOV_MAX];
    int r = sys_get_iovec(c, a[1], (int64_t)a[2], write ? PROT_READ : PROT_WRITE, iov);
    if (r < 0)
        return r;
    long nr = write ? (v2 ? SYS_pwritev2 : SYS_pwritev) : (v2 ? SYS_preadv2 : SYS_preadv);
    return sys_ret(syscall(nr, sys_fd(a[0]), iov, (int)a[2], (long)a[3], 0L, (int)flags));
}

int64_t sys_do_preadv(SysCtx *c, const uint64_t *a)
{
    return sys_rw_vec(c, a, false, 0, false);
}

int64_t sys_do_pwritev(SysCtx *c, const uint64_t *a)
{
    return sys_rw_vec(c, a, true, 0, false);
}

int64_t sys_do_preadv2(SysCtx *c, const uint64_t *a)
{
    return sys_rw_vec(c, a, false, a[5], true);
}

int64_t sys_do_pwritev2(SysCtx *c, const uint64_t *a)
{
    return sys_rw_vec(c, a, true, a[5], true);
}

/* splice(fd_in, loff_t *off_in, fd_out, loff_t *off_out, len, flags) */
int64_t sys_do_splice(SysCtx *c, const uint64_t *a)
{
    loff_t *off_in = NULL, *off_out = NULL;
    if (a[1] && !(off_in = gmem_ptr(c->mem, a[1], sizeof(loff_t), PROT_READ | PROT_WRITE)))
        return -EFAULT;
    if (a[3] && !(off_out = gmem_ptr(c->mem, a[3], sizeof(loff_t), PROT_READ | PROT_WRITE)))
        return -EFAULT;
    return sys_ret(
        splice(sys_fd(a[0]), off_in, sys_fd(a[2]), off_out, (size_t)a[4], (unsigned)a[5]));
}

int64_t sys_do_tee(SysCtx *c, const uint64_t *a)
{
    return sys_ret(tee(sys_fd(a[0]), sys_fd(a[1]), (size_t)a[2], (unsigned)a[3]));
}

/* vmsplice(fd, iov, nr, flags): to a pipe the buffers are read, from a pipe written. */
int64_t sys_do_vmsplice(SysCtx *c, const uint64_t *a)
{
    struct iovec iov[SYS_IOV_MAX];
    int fl = fcntl(sys_fd(a[0]), F_GETFL);
    if (fl < 0)
        return -errno;
    int prot = (fl & O_ACCMODE) == O_RDONLY ? PROT_WRITE : PROT_READ;
    int r = sys_get_iovec(c, a[1], (int64_t)a[2], prot, iov);
    if (r < 0)
        return r;
    /* SPLICE_F_GIFT would hand guest pages to the pipe: copy semantics are kept. */
    return sys_ret(vmsplice(sys_fd(a[0]), iov, (size_t)a[2], (unsigned)a[3] & ~SPLICE_F_GIFT));
}

int64_t sys_do_sync_file_range(SysCtx *c, const uint64_t *a)
{
    return sys_ret(
        syscall(SYS_sync_file_range, sys_fd(a[0]), (loff_t)a[1], (loff_t)a[2], (unsigned)a[3]));
}

int64_t sys_do_syncfs(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syncfs(sys_fd(a[0])));
}

int64_t sys_do_readahead(SysCtx *c, const uint64_t *a)
{
    return sys_ret(readahead(sys_fd(a[0]), (off64_t)a[1], (size_t)a[2]));
}
