/*
 * Socket syscalls.  Socket addresses, options and control messages are
 * passed in the guest's bytes: the sockaddr families, SOL_SOCKET options
 * and cmsg layouts of 64-bit little-endian guests equal x86-64's.
 * struct msghdr holds guest pointers and is rebuilt for the host.
 *
 * XXX: big-endian or 32-bit guests need sockaddr/option/cmsg thunks.
 */
#include "syscalls/internal.h"

#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define SYS_MAX_IOV 1024

int64_t sys_do_socket(SysCtx *c, const uint64_t *a)
{
    /* SOCK_NONBLOCK / SOCK_CLOEXEC are O_NONBLOCK / O_CLOEXEC. */
    int type = (int)thunk_flags_g2h(c->abi->open_flags, (uint32_t)a[1]);
    return sys_ret(socket((int)a[0], type, (int)a[2]));
}

int64_t sys_do_socketpair(SysCtx *c, const uint64_t *a)
{
    int sv[2];
    int type = (int)thunk_flags_g2h(c->abi->open_flags, (uint32_t)a[1]);
    if (!gmem_check(c->mem, a[3], sizeof(sv), PROT_WRITE))
        return -EFAULT;
    if (socketpair((int)a[0], type, (int)a[2], sv) < 0)
        return -errno;
    if (gmem_write(c->mem, a[3], sv, sizeof(sv)) < 0) {
        close(sv[0]);
        close(sv[1]);
        return -EFAULT;
    }
    return 0;
}

/* A guest sockaddr argument of len bytes; NULL with *err set when invalid. */
static const struct sockaddr *sys_addr_in(SysCtx *c, uint64_t gaddr, uint64_t len, int *err)
{
    *err = 0;
    if (len > sizeof(struct sockaddr_storage)) {
        *err = -EINVAL;
        return NULL;
    }
    const struct sockaddr *sa = gmem_ptr(c->mem, gaddr, len, PROT_READ);
    if (!sa)
        *err = -EFAULT;
    return sa;
}

int64_t sys_do_bind(SysCtx *c, const uint64_t *a)
{
    int err;
    const struct sockaddr *sa = sys_addr_in(c, a[1], (uint32_t)a[2], &err);
    return sa ? sys_ret(bind(sys_fd(a[0]), sa, (socklen_t)a[2])) : err;
}

int64_t sys_do_connect(SysCtx *c, const uint64_t *a)
{
    int err;
    const struct sockaddr *sa = sys_addr_in(c, a[1], (uint32_t)a[2], &err);
    return sa ? sys_ret(connect(sys_fd(a[0]), sa, (socklen_t)a[2])) : err;
}

int64_t sys_do_listen(SysCtx *c, const uint64_t *a)
{
    return sys_ret(listen(sys_fd(a[0]), (int)a[1]));
}

int64_t sys_do_shutdown(SysCtx *c, const uint64_t *a)
{
    return sys_ret(shutdown(sys_fd(a[0]), (int)a[1]));
}

/*
 * An address result: `addr`/`lenp` are the guest's buffer and in/out
 * length; host_len is what the host call returned.  0 or -EFAULT.
 */
static int sys_addr_out(SysCtx *c, uint64_t addr, uint64_t lenp, const struct sockaddr_storage *ss,
                        socklen_t host_len)
{
    uint32_t glen;
    if (!addr || !lenp)
        return 0;
    if (gmem_read(c->mem, &glen, lenp, sizeof(glen)) < 0)
        return -EFAULT;
    size_t n = host_len < glen ? host_len : glen;
    if (gmem_write(c->mem, addr, ss, n) < 0)
        return -EFAULT;
    return gmem_write(c->mem, lenp, &host_len, sizeof(host_len));
}

/* Checks the guest's in/out address length before a call. 0 or -errno. */
static int sys_addr_len_ok(SysCtx *c, uint64_t addr, uint64_t lenp)
{
    int32_t glen;
    if (!addr)
        return 0;
    if (gmem_read(c->mem, &glen, lenp, sizeof(glen)) < 0)
        return -EFAULT;
    if (glen < 0)
        return -EINVAL;
    return gmem_check(c->mem, addr, (uint32_t)glen, PROT_WRITE) ? 0 : -EFAULT;
}

int64_t sys_do_accept4(SysCtx *c, const uint64_t *a)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    int flags = (int)thunk_flags_g2h(c->abi->open_flags, (uint32_t)a[3]);
    int r = sys_addr_len_ok(c, a[1], a[2]);
    if (r < 0)
        return r;
    int fd = accept4(sys_fd(a[0]), (struct sockaddr *)&ss, &len, flags);
    if (fd < 0)
        return -errno;
    if (sys_addr_out(c, a[1], a[2], &ss, len) < 0) {
        close(fd);
        return -EFAULT;
    }
    return fd;
}

int64_t sys_do_accept(SysCtx *c, const uint64_t *a)
{
    const uint64_t b[6] = {a[0], a[1], a[2], 0, 0, 0};
    return sys_do_accept4(c, b);
}

typedef int SysNameFn(int fd, struct sockaddr *sa, socklen_t *len);

static int64_t sys_sock_name(SysCtx *c, const uint64_t *a, SysNameFn *fn)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    if (!a[1] || !a[2])
        return -EFAULT;
    int r = sys_addr_len_ok(c, a[1], a[2]);
    if (r < 0)
        return r;
    if (fn(sys_fd(a[0]), (struct sockaddr *)&ss, &len) < 0)
        return -errno;
    return sys_addr_out(c, a[1], a[2], &ss, len);
}

int64_t sys_do_getsockname(SysCtx *c, const uint64_t *a)
{
    return sys_sock_name(c, a, getsockname);
}

int64_t sys_do_getpeername(SysCtx *c, const uint64_t *a)
{
    return sys_sock_name(c, a, getpeername);
}

int64_t sys_do_sendto(SysCtx *c, const uint64_t *a)
{
    int err = 0;
    const void *buf = gmem_ptr(c->mem, a[1], a[2], PROT_READ);
    const struct sockaddr *sa = a[4] ? sys_addr_in(c, a[4], (uint32_t)a[5], &err) : NULL;
    if (!buf)
        return -EFAULT;
    if (err)
        return err;
    return sys_ret(sendto(sys_fd(a[0]), buf, a[2], (int)a[3], sa, (socklen_t)a[5]));
}

int64_t sys_do_recvfrom(SysCtx *c, const uint64_t *a)
{
    struct sockaddr_storage ss;
    socklen_t len = sizeof(ss);
    void *buf = gmem_ptr(c->mem, a[1], a[2], PROT_WRITE);
    if (!buf)
        return -EFAULT;
    int r = sys_addr_len_ok(c, a[4], a[5]);
    if (r < 0)
        return r;
    ssize_t n = recvfrom(sys_fd(a[0]), buf, a[2], (int)a[3], a[4] ? (struct sockaddr *)&ss : NULL,
                         a[4] ? &len : NULL);
    if (n < 0)
        return -errno;
    if (a[4] && sys_addr_out(c, a[4], a[5], &ss, len) < 0)
        return -EFAULT;
    return n;
}

int64_t sys_do_setsockopt(SysCtx *c, const uint64_t *a)
{
    const void *val = gmem_ptr(c->mem, a[3], (uint32_t)a[4], PROT_READ);
    if (!val)
        return -EFAULT;
    return sys_ret(setsockopt(sys_fd(a[0]), (int)a[1], (int)a[2], val, (socklen_t)a[4]));
}

int64_t sys_do_getsockopt(SysCtx *c, const uint64_t *a)
{
    int32_t glen;
    if (gmem_read(c->mem, &glen, a[4], sizeof(glen)) < 0)
        return -EFAULT;
    if (glen < 0)
        return -EINVAL;
    void *val = gmem_ptr(c->mem, a[3], (uint32_t)glen, PROT_WRITE);
    if (!val)
        return -EFAULT;
    socklen_t len = (socklen_t)glen;
    if (getsockopt(sys_fd(a[0]), (int)a[1], (int)a[2], val, &len) < 0)
        return -errno;
    return gmem_write(c->mem, a[4], &len, sizeof(len));
}

/* Guest struct msghdr: word-sized fields at multiples of the word size. */
enum { MSG_NAME, MSG_NAMELEN, MSG_IOV, MSG_IOVLEN, MSG_CONTROL, MSG_CONTROLLEN, MSG_FLAGS };

static uint64_t sys_msg_field(SysCtx *c, const uint8_t *g, int field)
{
    unsigned w = c->abi->target.word_size;
    unsigned size = field == MSG_NAMELEN || field == MSG_FLAGS ? 4 : w;
    return thunk_load(&c->abi->target, g + field * w, size, false);
}

/* Builds a host msghdr (iov: SYS_MAX_IOV entries) from the guest's at gaddr. */
static int sys_get_msghdr(SysCtx *c, uint64_t gaddr, struct msghdr *m, struct iovec *iov, int prot)
{
    unsigned w = c->abi->target.word_size;
    const uint8_t *g = gmem_ptr(c->mem, gaddr, 7 * w, PROT_READ);
    if (!g)
        return -EFAULT;
    uint64_t iovlen = sys_msg_field(c, g, MSG_IOVLEN);
    if (iovlen > SYS_MAX_IOV)
        return -EMSGSIZE;
    m->msg_namelen = (socklen_t)sys_msg_field(c, g, MSG_NAMELEN);
    m->msg_controllen = sys_msg_field(c, g, MSG_CONTROLLEN);
    m->msg_flags = 0;
    m->msg_name = gmem_ptr(c->mem, sys_msg_field(c, g, MSG_NAME), m->msg_namelen, prot);
    m->msg_control = gmem_ptr(c->mem, sys_msg_field(c, g, MSG_CONTROL), m->msg_controllen, prot);
    if (!m->msg_name || !m->msg_control)
        return -EFAULT;
    if (!sys_msg_field(c, g, MSG_NAME))
        m->msg_name = NULL;
    if (!sys_msg_field(c, g, MSG_CONTROL))
        m->msg_control = NULL;
    m->msg_iov = iov;
    m->msg_iovlen = iovlen;
    return sys_get_iovec(c, sys_msg_field(c, g, MSG_IOV), (int64_t)iovlen, prot, iov);
}

static int64_t sys_sendmsg_at(SysCtx *c, int fd, uint64_t gmsg, int flags)
{
    struct msghdr m;
    struct iovec iov[SYS_MAX_IOV];
    int r = sys_get_msghdr(c, gmsg, &m, iov, PROT_READ);
    if (r < 0)
        return r;
    return sys_ret(sendmsg(fd, &m, flags));
}

int64_t sys_do_sendmsg(SysCtx *c, const uint64_t *a)
{
    return sys_sendmsg_at(c, sys_fd(a[0]), a[1], (int)a[2]);
}

static int64_t sys_recvmsg_at(SysCtx *c, int fd, uint64_t gmsg, int flags)
{
    struct msghdr m;
    struct iovec iov[SYS_MAX_IOV];
    const ThunkTarget *t = &c->abi->target;
    unsigned w = t->word_size;
    int r = sys_get_msghdr(c, gmsg, &m, iov, PROT_WRITE);
    if (r < 0)
        return r;
    ssize_t n = recvmsg(fd, &m, flags);
    if (n < 0)
        return -errno;
    uint8_t *g = gmem_ptr(c->mem, gmsg, 7 * w, PROT_WRITE);
    if (!g)
        return -EFAULT;
    thunk_store(t, g + MSG_NAMELEN * w, 4, m.msg_namelen);
    thunk_store(t, g + MSG_CONTROLLEN * w, w, m.msg_controllen);
    thunk_store(t, g + MSG_FLAGS * w, 4, (uint32_t)m.msg_flags);
    return n;
}

int64_t sys_do_recvmsg(SysCtx *c, const uint64_t *a)
{
    return sys_recvmsg_at(c, sys_fd(a[0]), a[1], (int)a[2]);
}

/* The time left until end into *left; false (and zero) once it has passed. */
static bool mmsg_time_left(const struct timespec *end, struct timespec *left)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    int64_t ns = (int64_t)(end->tv_sec - now.tv_sec) * 1000000000 + (end->tv_nsec - now.tv_nsec);
    if (ns <= 0) {
        left->tv_sec = left->tv_nsec = 0;
        return false;
    }
    left->tv_sec = ns / 1000000000;
    left->tv_nsec = ns % 1000000000;
    return true;
}

/*
 * sendmmsg / recvmmsg: struct mmsghdr is a msghdr (7 words) and the
 * unsigned msg_len, padded to a word.  One sendmsg/recvmsg per entry; an
 * error after the first entry ends the batch with the count so far.
 * recvmmsg's timeout is Linux's: checked after each datagram (a receive
 * still blocks), the batch ends once it has passed, and the time left is
 * written back.
 */
static int64_t sys_mmsg(SysCtx *c, const uint64_t *a, bool send)
{
    unsigned w = c->abi->target.word_size;
    uint64_t stride = 8 * (uint64_t)w, vlen = a[2] > SYS_MAX_IOV ? SYS_MAX_IOV : a[2];
    int flags = (int)a[3];
    struct timespec end, left;
    bool timed = !send && a[4];
    if (timed) {
        if (sys_get_timespec(c, a[4], &left) < 0)
            return -EFAULT;
        if (left.tv_sec < 0 || left.tv_nsec < 0 || left.tv_nsec >= 1000000000)
            return -EINVAL;
        clock_gettime(CLOCK_MONOTONIC, &end);
        end.tv_sec += left.tv_sec;
        end.tv_nsec += left.tv_nsec;
        if (end.tv_nsec >= 1000000000) {
            end.tv_sec++;
            end.tv_nsec -= 1000000000;
        }
    }
    uint64_t i;
    for (i = 0; i < vlen; i++) {
        uint64_t g = a[1] + i * stride;
        int fl = flags;
        if (!send && i > 0 && (flags & MSG_WAITFORONE))
            fl |= MSG_DONTWAIT;
        int64_t n = send ? sys_sendmsg_at(c, sys_fd(a[0]), g, fl & ~MSG_WAITFORONE)
                         : sys_recvmsg_at(c, sys_fd(a[0]), g, fl & ~MSG_WAITFORONE);
        if (n < 0)
            return i ? (int64_t)i : n;
        uint32_t len = (uint32_t)n;
        if (gmem_write(c->mem, g + 7 * (uint64_t)w, &len, sizeof(len)) < 0)
            return i ? (int64_t)i : -EFAULT;
        if (timed && !mmsg_time_left(&end, &left)) {
            i++;
            break;
        }
    }
    if (timed && sys_put_timespec(c, a[4], &left) < 0)
        return -EFAULT;
    return (int64_t)i;
}

int64_t sys_do_sendmmsg(SysCtx *c, const uint64_t *a)
{
    return sys_mmsg(c, a, true);
}

int64_t sys_do_recvmmsg(SysCtx *c, const uint64_t *a)
{
    return sys_mmsg(c, a, false);
}
