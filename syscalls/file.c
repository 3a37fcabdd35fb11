/*
 * File descriptor syscalls: read/write and their vector and positioned
 * forms, openat/close/lseek, dup, pipes, fcntl, ioctl, getdents64.
 * Guest fds are host fds (no remapping).
 */
#include "syscalls/internal.h"

#include <fcntl.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#define SYS_IOV_MAX 1024

int64_t sys_do_read(SysCtx *c, const uint64_t *a)
{
    void *buf = sys_buf(c, a[1], a[2], PROT_WRITE);
    if (!buf)
        return -EFAULT;
    return sys_ret(read(sys_fd(a[0]), buf, a[2]));
}

int64_t sys_do_write(SysCtx *c, const uint64_t *a)
{
    void *buf = sys_buf(c, a[1], a[2], PROT_READ);
    if (!buf)
        return -EFAULT;
    return sys_ret(write(sys_fd(a[0]), buf, a[2]));
}

int64_t sys_do_pread64(SysCtx *c, const uint64_t *a)
{
    void *buf = sys_buf(c, a[1], a[2], PROT_WRITE);
    if (!buf)
        return -EFAULT;
    return sys_ret(pread(sys_fd(a[0]), buf, a[2], (off_t)a[3]));
}

int64_t sys_do_pwrite64(SysCtx *c, const uint64_t *a)
{
    void *buf = sys_buf(c, a[1], a[2], PROT_READ);
    if (!buf)
        return -EFAULT;
    return sys_ret(pwrite(sys_fd(a[0]), buf, a[2], (off_t)a[3]));
}

int sys_get_iovec(SysCtx *c, uint64_t gaddr, int64_t cnt, int prot, struct iovec *out)
{
    const ThunkTarget *t = &c->abi->target;
    unsigned w = t->word_size;
    if (cnt < 0 || cnt > SYS_IOV_MAX)
        return -EINVAL;
    const uint8_t *g = gmem_ptr(c->mem, gaddr, (uint64_t)cnt * 2 * w, PROT_READ);
    if (!g)
        return -EFAULT;
    for (int64_t i = 0; i < cnt; i++) {
        uint64_t base = thunk_load(t, g + i * 2 * w, w, false);
        uint64_t len = thunk_load(t, g + i * 2 * w + w, w, false);
        if ((int64_t)len < 0)
            return -EINVAL;
        out[i].iov_base = gmem_ptr(c->mem, base, len, prot);
        out[i].iov_len = len;
        if (!out[i].iov_base && len)
            return -EFAULT;
    }
    return 0;
}

int64_t sys_do_readv(SysCtx *c, const uint64_t *a)
{
    struct iovec iov[SYS_IOV_MAX];
    int r = sys_get_iovec(c, a[1], (int64_t)a[2], PROT_WRITE, iov);
    if (r < 0)
        return r;
    return sys_ret(readv(sys_fd(a[0]), iov, (int)a[2]));
}

int64_t sys_do_writev(SysCtx *c, const uint64_t *a)
{
    struct iovec iov[SYS_IOV_MAX];
    int r = sys_get_iovec(c, a[1], (int64_t)a[2], PROT_READ, iov);
    if (r < 0)
        return r;
    return sys_ret(writev(sys_fd(a[0]), iov, (int)a[2]));
}

int64_t sys_do_openat(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int flags = (int)thunk_flags_g2h(c->abi->open_flags, (uint32_t)a[2]);
    bool follow = !(flags & O_NOFOLLOW) && (flags & (O_CREAT | O_EXCL)) != (O_CREAT | O_EXCL);
    int r = sys_get_path_follow(c, a[1], path, follow);
    if (r < 0)
        return r;
    if (!(flags & (O_WRONLY | O_RDWR))) {
        r = sys_open_emulated(c, path, flags);
        if (r != -ENOENT)
            return r;
    }
    return sys_ret(openat(sys_fd(a[0]), path, flags, (mode_t)a[3]));
}

/* openat2(dirfd, path, struct open_how *, size): {flags, mode, resolve}, u64 each. */
int64_t sys_do_openat2(SysCtx *c, const uint64_t *a)
{
    uint64_t how[3] = {0, 0, 0};
    if (a[3] < sizeof(how))
        return -EINVAL;
    if (a[3] > 4096)
        return -E2BIG;
    if (gmem_read(c->mem, how, a[2], sizeof(how)) < 0)
        return -EFAULT;
    how[0] = thunk_flags_g2h(c->abi->open_flags, how[0]);
    char path[PATH_MAX];
    int r = sys_get_path_follow(c, a[1], path, !(how[0] & O_NOFOLLOW));
    if (r < 0)
        return r;
    return sys_ret(syscall(SYS_openat2, sys_fd(a[0]), path, how, sizeof(how)));
}

int64_t sys_do_close(SysCtx *c, const uint64_t *a)
{
    /* ferry's own fd (the -D log) is not the guest's: as if not open. */
    if (sys_fd(a[0]) == sys_own_fd(c) && sys_own_fd(c) >= 0)
        return -EBADF;
    return sys_ret(close(sys_fd(a[0])));
}

int64_t sys_do_lseek(SysCtx *c, const uint64_t *a)
{
    return sys_ret(lseek(sys_fd(a[0]), (off_t)a[1], (int)a[2]));
}

int64_t sys_do_dup(SysCtx *c, const uint64_t *a)
{
    return sys_ret(dup(sys_fd(a[0])));
}

int64_t sys_do_dup3(SysCtx *c, const uint64_t *a)
{
    int flags = (int)thunk_flags_g2h(c->abi->open_flags, (uint32_t)a[2]);
    return sys_ret(dup3(sys_fd(a[0]), sys_fd(a[1]), flags));
}

int64_t sys_do_pipe2(SysCtx *c, const uint64_t *a)
{
    int fds[2];
    int flags = (int)thunk_flags_g2h(c->abi->open_flags, (uint32_t)a[1]);
    if (!gmem_check(c->mem, a[0], sizeof(fds), PROT_WRITE))
        return -EFAULT;
    if (pipe2(fds, flags) < 0)
        return -errno;
    if (gmem_write(c->mem, a[0], fds, sizeof(fds)) < 0) {
        close(fds[0]);
        close(fds[1]);
        return -EFAULT;
    }
    return 0;
}

/* fcntl with a struct flock-like pointer argument of `size` bytes (same layout). */
static int64_t sys_fcntl_ptr(SysCtx *c, int fd, int cmd, uint64_t gaddr, size_t size)
{
    /* XXX: struct flock and f_owner_ex are copied as is: right for 64-bit LE guests. */
    void *p = gmem_ptr(c->mem, gaddr, size, PROT_READ | PROT_WRITE);
    if (!p)
        return -EFAULT;
    return sys_ret(fcntl(fd, cmd, p));
}

int64_t sys_do_fcntl(SysCtx *c, const uint64_t *a)
{
    int fd = sys_fd(a[0]), cmd = (int)a[1];
    switch (cmd) {
    case F_GETFL: {
        int r = fcntl(fd, F_GETFL);
        return r < 0 ? -errno : (int64_t)thunk_flags_h2g(c->abi->open_flags, (uint32_t)r);
    }
    case F_SETFL:
        return sys_ret(
            fcntl(fd, F_SETFL, (int)thunk_flags_g2h(c->abi->open_flags, (uint32_t)a[2])));
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
    case F_GETFD:
    case F_SETFD:
    case F_SETOWN:
    case F_GETOWN:
    case F_SETSIG:
    case F_GETSIG:
    case F_SETLEASE:
    case F_GETLEASE:
    case F_NOTIFY:
    case F_SETPIPE_SZ:
    case F_GETPIPE_SZ:
    case F_ADD_SEALS:
    case F_GET_SEALS:
        return sys_ret(fcntl(fd, cmd, (int)a[2]));
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW:
    case F_OFD_GETLK:
    case F_OFD_SETLK:
    case F_OFD_SETLKW:
        return sys_fcntl_ptr(c, fd, cmd, a[2], sizeof(struct flock));
    case F_GETOWN_EX:
    case F_SETOWN_EX:
        return sys_fcntl_ptr(c, fd, cmd, a[2], sizeof(struct f_owner_ex));
    default:
        sys_log_once(c, 0x100000000ull | (uint32_t)cmd, "unsupported fcntl command %d", cmd);
        return -EINVAL;
    }
}

/* ioctls ferry passes through: how the argument is used, and its size. */
enum { SYS_IOC_NONE, SYS_IOC_INT, SYS_IOC_IN, SYS_IOC_OUT, SYS_IOC_INOUT };
typedef struct SysIoctl {
    uint32_t cmd;
    uint8_t kind;
    uint8_t size;
} SysIoctl;

/* asm-generic numbers and layouts (x86-64 uses the same). */
static const SysIoctl sys_ioctls[] = {
    {0x5401, SYS_IOC_OUT, 36},     /* TCGETS: kernel struct termios, NCCS 19 */
    {0x5402, SYS_IOC_IN, 36},      /* TCSETS */
    {0x5403, SYS_IOC_IN, 36},      /* TCSETSW */
    {0x5404, SYS_IOC_IN, 36},      /* TCSETSF */
    {0x5409, SYS_IOC_INT, 0},      /* TCSBRK */
    {0x540A, SYS_IOC_INT, 0},      /* TCXONC */
    {0x540B, SYS_IOC_INT, 0},      /* TCFLSH */
    {0x540E, SYS_IOC_INT, 0},      /* TIOCSCTTY */
    {0x540F, SYS_IOC_OUT, 4},      /* TIOCGPGRP */
    {0x5410, SYS_IOC_IN, 4},       /* TIOCSPGRP */
    {0x5411, SYS_IOC_OUT, 4},      /* TIOCOUTQ */
    {0x5413, SYS_IOC_OUT, 8},      /* TIOCGWINSZ */
    {0x5414, SYS_IOC_IN, 8},       /* TIOCSWINSZ */
    {0x541B, SYS_IOC_OUT, 4},      /* FIONREAD */
    {0x5421, SYS_IOC_IN, 4},       /* FIONBIO */
    {0x5422, SYS_IOC_NONE, 0},     /* TIOCNOTTY */
    {0x5429, SYS_IOC_OUT, 4},      /* TIOCGSID */
    {0x5450, SYS_IOC_NONE, 0},     /* FIONCLEX */
    {0x5451, SYS_IOC_NONE, 0},     /* FIOCLEX */
    {0x5452, SYS_IOC_IN, 4},       /* FIOASYNC */
    {0x80045430, SYS_IOC_OUT, 4},  /* TIOCGPTN */
    {0x40045431, SYS_IOC_IN, 4},   /* TIOCSPTLCK */
    {0x40049409, SYS_IOC_INT, 0},  /* FICLONE: the source fd */
    {0x540C, SYS_IOC_NONE, 0},     /* TIOCEXCL */
    {0x540D, SYS_IOC_NONE, 0},     /* TIOCNXCL */
    {0x5412, SYS_IOC_IN, 1},       /* TIOCSTI: one char */
    {0x5415, SYS_IOC_OUT, 4},      /* TIOCMGET */
    {0x5418, SYS_IOC_IN, 4},       /* TIOCMSET */
    {0x5423, SYS_IOC_IN, 4},       /* TIOCSETD */
    {0x5424, SYS_IOC_OUT, 4},      /* TIOCGETD */
    {0x5441, SYS_IOC_INT, 0},      /* TIOCGPTPEER: open flags */
    {0x5460, SYS_IOC_OUT, 8},      /* FIOQSIZE */
    {0x80045440, SYS_IOC_OUT, 4},  /* TIOCGEXCL */
    {0x00000002, SYS_IOC_OUT, 4},  /* FIGETBSZ */
    {0x80081272, SYS_IOC_OUT, 8},  /* BLKGETSIZE64 */
    {0x80086601, SYS_IOC_OUT, 4},  /* FS_IOC_GETFLAGS: the kernel copies an int */
    {0x40086602, SYS_IOC_IN, 4},   /* FS_IOC_SETFLAGS */
    {0x40086d01, SYS_IOC_IN, 8},   /* MTIOCTOP: struct mtop (tar asks any archive) */
    {0x80306d02, SYS_IOC_OUT, 48}, /* MTIOCGET: struct mtget */
};

static const SysIoctl *sys_ioctl_find(uint32_t cmd)
{
    for (size_t i = 0; i < sizeof(sys_ioctls) / sizeof(sys_ioctls[0]); i++)
        if (sys_ioctls[i].cmd == cmd)
            return &sys_ioctls[i];
    return NULL;
}

int64_t sys_do_ioctl(SysCtx *c, const uint64_t *a)
{
    int fd = sys_fd(a[0]);
    uint32_t cmd = (uint32_t)a[1];
    const SysIoctl *io = sys_ioctl_find(cmd);
    if (!io) {
        sys_log_once(c, 0x200000000ull | cmd, "unsupported ioctl 0x%x", cmd);
        return -ENOTTY;
    }
    if (io->kind == SYS_IOC_NONE)
        return sys_ret(ioctl(fd, cmd));
    if (io->kind == SYS_IOC_INT)
        return sys_ret(ioctl(fd, cmd, (unsigned long)a[2]));
    /* The host checks the fd and command first (ENOTTY before EFAULT, as Linux). */
    uint8_t buf[64] = {0};
    void *arg = buf;
    if ((io->kind == SYS_IOC_IN || io->kind == SYS_IOC_INOUT) &&
        gmem_read(c->mem, buf, a[2], io->size) < 0 &&
        !(arg = gmem_fault_ptr(c->mem, a[2], io->size)))
        return -EFAULT;
    int r = ioctl(fd, cmd, arg);
    if (r < 0)
        return -errno;
    if (io->kind != SYS_IOC_IN && gmem_write(c->mem, a[2], buf, io->size))
        return -EFAULT;
    return r;
}

int64_t sys_do_getdents64(SysCtx *c, const uint64_t *a)
{
    void *buf = gmem_ptr(c->mem, a[1], a[2], PROT_WRITE);
    if (!buf)
        return -EFAULT;
    return sys_ret(syscall(SYS_getdents64, sys_fd(a[0]), buf, (unsigned)a[2]));
}

int64_t sys_do_fsync(SysCtx *c, const uint64_t *a)
{
    return sys_ret(fsync(sys_fd(a[0])));
}

int64_t sys_do_fdatasync(SysCtx *c, const uint64_t *a)
{
    return sys_ret(fdatasync(sys_fd(a[0])));
}

int64_t sys_do_ftruncate(SysCtx *c, const uint64_t *a)
{
    return sys_ret(ftruncate(sys_fd(a[0]), (off_t)a[1]));
}

int64_t sys_do_truncate(SysCtx *c, const uint64_t *a)
{
    char path[PATH_MAX];
    int r = sys_get_path(c, a[0], path);
    if (r < 0)
        return r;
    return sys_ret(truncate(path, (off_t)a[1]));
}

int64_t sys_do_fallocate(SysCtx *c, const uint64_t *a)
{
    return sys_ret(fallocate(sys_fd(a[0]), (int)a[1], (off_t)a[2], (off_t)a[3]));
}

int64_t sys_do_flock(SysCtx *c, const uint64_t *a)
{
    return sys_ret(flock(sys_fd(a[0]), (int)a[1]));
}

int64_t sys_do_sync(SysCtx *c, const uint64_t *a)
{
    sync();
    return 0;
}

int64_t sys_do_sendfile(SysCtx *c, const uint64_t *a)
{
    /* XXX: the loff_t offset is used in place: right for 64-bit LE guests. */
    off_t *off = NULL;
    if (a[2] && !(off = gmem_ptr(c->mem, a[2], sizeof(*off), PROT_READ | PROT_WRITE)))
        return -EFAULT;
    return sys_ret(sendfile(sys_fd(a[0]), sys_fd(a[1]), off, a[3]));
}

int64_t sys_do_eventfd2(SysCtx *c, const uint64_t *a)
{
    /* EFD_CLOEXEC / EFD_NONBLOCK are O_CLOEXEC / O_NONBLOCK. */
    int flags = (int)thunk_flags_g2h(c->abi->open_flags, (uint32_t)a[1]);
    return sys_ret(eventfd((unsigned)a[0], flags));
}

int64_t sys_do_memfd_create(SysCtx *c, const uint64_t *a)
{
    char name[PATH_MAX];
    int r = sys_get_path_raw(c, a[0], name); /* a name, not a path */
    return r < 0 ? r : sys_ret(memfd_create(name, (unsigned)a[1]));
}

/* fadvise64(fd, offset, len, advice): POSIX_FADV_* values are the same on every guest. */
int64_t sys_do_fadvise64(SysCtx *c, const uint64_t *a)
{
    int r = posix_fadvise((int)a[0], (off_t)a[1], (off_t)a[2], (int)a[3]);
    return r ? -r : 0;
}

/* copy_file_range(fd_in, off_in*, fd_out, off_out*, len, flags): the offsets are 64-bit
 * in guest memory (NULL: use and advance the file position). */
int64_t sys_do_copy_file_range(SysCtx *c, const uint64_t *a)
{
    loff_t in, out;
    if (a[1] && gmem_read(c->mem, &in, a[1], sizeof(in)) < 0)
        return -EFAULT;
    if (a[3] && gmem_read(c->mem, &out, a[3], sizeof(out)) < 0)
        return -EFAULT;
    ssize_t n = copy_file_range((int)a[0], a[1] ? &in : NULL, (int)a[2], a[3] ? &out : NULL,
                                (size_t)a[4], (unsigned)a[5]);
    if (n < 0)
        return -errno;
    if (a[1] && gmem_write(c->mem, a[1], &in, sizeof(in)) < 0)
        return -EFAULT;
    if (a[3] && gmem_write(c->mem, a[3], &out, sizeof(out)) < 0)
        return -EFAULT;
    return n;
}
