/*
 * Guest test: ~60 common syscalls called raw with bad pointers (a low
 * unmapped address, an unmapped page in the middle of user space, a
 * kernel address).  Each must fail with the errno Linux gives (EFAULT,
 * or the error Linux reports before touching the pointer) and ferry must
 * neither crash nor hang.  Prints `name: ERRNO ERRNO ERRNO`.
 * The expected output is this program built natively for the host and run
 * on its Linux kernel (the generic syscall code orders its checks the same
 * on every architecture).  qemu-user is not the reference here: it checks
 * guest buffers before the kernel's own checks (pwrite64 on a pipe says
 * EFAULT, Linux ESPIPE; shmctl of a bad id EFAULT, Linux EINVAL) and says
 * EFAULT for clock_getres and EINVAL for nanosleep where Linux differs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/shm.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <time.h>
#include <unistd.h>

static long bad[3];
static int zero_fd, dir_fd, pipe_fd[2], sock_fd, sock_pair[2], ep_fd;

static const char *ename(long r)
{
    if (r >= 0)
        return "OK";
    switch (errno) {
    case EFAULT: return "EFAULT";
    case EINVAL: return "EINVAL";
    case ENOENT: return "ENOENT";
    case EBADF: return "EBADF";
    case ENOTTY: return "ENOTTY";
    case ECHILD: return "ECHILD";
    case EPERM: return "EPERM";
    case ENOSYS: return "ENOSYS";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case EAGAIN: return "EAGAIN";
    case ENODATA: return "ENODATA";
    case EOPNOTSUPP: return "EOPNOTSUPP";
    case ENOTCONN: return "ENOTCONN";
    default: return "OTHER";
    }
}

/* Runs the call with each bad pointer p; prints the errors. */
#define T(name, call)                                                                              \
    do {                                                                                           \
        printf("%s:", name);                                                                       \
        for (int i_ = 0; i_ < 3; i_++) {                                                           \
            long p = bad[i_];                                                                      \
            (void)p;                                                                               \
            errno = 0;                                                                             \
            long r_ = (call);                                                                      \
            printf(" %s", ename(r_));                                                              \
        }                                                                                          \
        printf("\n");                                                                              \
    } while (0)

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    /* An address inside user space that is certainly unmapped. */
    char *hole = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(hole, 4096);
    bad[0] = 1;
    bad[1] = (long)hole;
    bad[2] = (long)0xffff800000001000ull;
    zero_fd = open("/dev/zero", O_RDONLY);
    dir_fd = open("/", O_RDONLY | O_DIRECTORY);
    pipe(pipe_fd);
    write(pipe_fd[1], "x", 1);
    sock_fd = socket(AF_INET, SOCK_DGRAM, 0);
    socketpair(AF_UNIX, SOCK_STREAM, 0, sock_pair);
    send(sock_pair[0], "data", 4, 0);
    ep_fd = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN};
    epoll_ctl(ep_fd, EPOLL_CTL_ADD, pipe_fd[0], &ev);
    struct timespec ts0 = {0, 0};

    T("read", syscall(SYS_read, zero_fd, p, 16));
    T("write", syscall(SYS_write, pipe_fd[1], p, 16));
    T("pread64", syscall(SYS_pread64, zero_fd, p, 16, 0));
    T("pwrite64", syscall(SYS_pwrite64, pipe_fd[1], p, 16, 0));
    T("readv", syscall(SYS_readv, zero_fd, p, 1));
    T("writev", syscall(SYS_writev, pipe_fd[1], p, 1));
    T("openat", syscall(SYS_openat, AT_FDCWD, p, O_RDONLY));
    T("newfstatat path", syscall(SYS_newfstatat, AT_FDCWD, p, NULL, 0));
    char st[256];
    T("newfstatat buf", syscall(SYS_newfstatat, AT_FDCWD, "/", p, 0));
    T("fstat", syscall(SYS_fstat, zero_fd, p));
    T("statx", syscall(SYS_statx, AT_FDCWD, "/", 0, 0x7ff, p));
    T("statfs", syscall(SYS_statfs, "/", p));
    T("fstatfs", syscall(SYS_fstatfs, dir_fd, p));
    T("faccessat", syscall(SYS_faccessat, AT_FDCWD, p, F_OK));
    T("readlinkat path", syscall(SYS_readlinkat, AT_FDCWD, p, st, sizeof(st)));
    T("readlinkat buf", syscall(SYS_readlinkat, AT_FDCWD, "/proc/self/exe", p, 64));
    T("getcwd", syscall(SYS_getcwd, p, 256));
    T("chdir", syscall(SYS_chdir, p));
    T("mkdirat", syscall(SYS_mkdirat, AT_FDCWD, p, 0700));
    T("unlinkat", syscall(SYS_unlinkat, AT_FDCWD, p, 0));
    T("renameat", syscall(SYS_renameat, AT_FDCWD, p, AT_FDCWD, p));
    T("symlinkat", syscall(SYS_symlinkat, p, AT_FDCWD, p));
    T("fchmodat", syscall(SYS_fchmodat, AT_FDCWD, p, 0644));
    T("getdents64", syscall(SYS_getdents64, dir_fd, p, 256));
    T("pipe2", syscall(SYS_pipe2, p, 0));
    T("fcntl F_GETLK", syscall(SYS_fcntl, zero_fd, F_GETLK, p));
    T("ioctl FIONREAD", syscall(SYS_ioctl, pipe_fd[0], FIONREAD, p));
    T("ioctl TCGETS", syscall(SYS_ioctl, pipe_fd[0], TCGETS, p));
    T("clock_gettime", syscall(SYS_clock_gettime, CLOCK_MONOTONIC, p));
    T("clock_getres", syscall(SYS_clock_getres, CLOCK_MONOTONIC, p));
    T("gettimeofday", syscall(SYS_gettimeofday, p, NULL));
    T("nanosleep", syscall(SYS_nanosleep, p, NULL));
    T("clock_nanosleep", syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, p, NULL));
    T("uname", syscall(SYS_uname, p));
    T("sysinfo", syscall(SYS_sysinfo, p));
    T("getrlimit", syscall(SYS_getrlimit, RLIMIT_NOFILE, p));
    T("setrlimit", syscall(SYS_setrlimit, RLIMIT_NOFILE, p));
    T("prlimit64", syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, p));
    T("getrusage", syscall(SYS_getrusage, RUSAGE_SELF, p));
    T("getresuid", syscall(SYS_getresuid, p, p, p));
    T("getrandom", syscall(SYS_getrandom, p, 16, 0));
    T("rt_sigaction new", syscall(SYS_rt_sigaction, SIGUSR1, p, NULL, 8));
    T("rt_sigaction old", syscall(SYS_rt_sigaction, SIGUSR1, NULL, p, 8));
    T("rt_sigprocmask", syscall(SYS_rt_sigprocmask, SIG_BLOCK, p, NULL, 8));
    T("rt_sigpending", syscall(SYS_rt_sigpending, p, 8));
    T("rt_sigtimedwait", syscall(SYS_rt_sigtimedwait, p, NULL, &ts0, 8));
    T("sigaltstack", syscall(SYS_sigaltstack, p, NULL));
    T("setitimer", syscall(SYS_setitimer, ITIMER_REAL, p, NULL));
    T("getitimer", syscall(SYS_getitimer, ITIMER_REAL, p));
    T("futex wait", syscall(SYS_futex, p, FUTEX_WAIT, 0, NULL, NULL, 0));
    T("sched_getaffinity", syscall(SYS_sched_getaffinity, 0, 128, p));
    T("prctl PR_SET_NAME", syscall(SYS_prctl, PR_SET_NAME, p, 0, 0, 0));
    T("prctl PR_GET_NAME", syscall(SYS_prctl, PR_GET_NAME, p, 0, 0, 0));
    T("ppoll", syscall(SYS_ppoll, p, 1, &ts0, NULL, 8));
    T("pselect6", syscall(SYS_pselect6, 4, p, NULL, NULL, &ts0, NULL));
    T("epoll_ctl", syscall(SYS_epoll_ctl, ep_fd, EPOLL_CTL_MOD, pipe_fd[0], p));
    T("epoll_pwait", syscall(SYS_epoll_pwait, ep_fd, p, 1, 0, NULL, 8));
    T("socketpair", syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, p));
    T("bind", syscall(SYS_bind, sock_fd, p, sizeof(struct sockaddr_in)));
    T("connect", syscall(SYS_connect, sock_fd, p, sizeof(struct sockaddr_in)));
    T("sendto buf", syscall(SYS_sendto, sock_pair[0], p, 4, 0, NULL, 0));
    T("recvfrom buf", syscall(SYS_recvfrom, sock_pair[1], p, 4, MSG_PEEK, NULL, NULL));
    T("sendmsg", syscall(SYS_sendmsg, sock_pair[0], p, 0));
    T("recvmsg", syscall(SYS_recvmsg, sock_pair[1], p, MSG_PEEK));
    T("setsockopt", syscall(SYS_setsockopt, sock_fd, SOL_SOCKET, SO_REUSEADDR, p, 4));
    T("getsockname", syscall(SYS_getsockname, sock_fd, p, p));
    T("memfd_create", syscall(SYS_memfd_create, p, 0));
    T("execve", syscall(SYS_execve, p, NULL, NULL));
    T("getxattr name", syscall(SYS_getxattr, "/", p, NULL, 0));
    T("timer_create", syscall(SYS_timer_create, CLOCK_MONOTONIC, NULL, p));
    T("timerfd_settime", syscall(SYS_timerfd_settime, -1, 0, p, NULL));
    T("sched_getparam", syscall(SYS_sched_getparam, 0, p));
    T("preadv", syscall(SYS_preadv, zero_fd, p, 1, 0, 0));
    T("inotify_add_watch", syscall(SYS_inotify_add_watch, -1, p, 0));
    T("shmat shmctl", syscall(SYS_shmctl, 0x7fffffff, IPC_STAT, p));
    T("capget", syscall(SYS_capget, p, NULL));
    T("wait4 no child", syscall(SYS_wait4, -1, p, WNOHANG, NULL));
    printf("still alive\n");
    return 0;
}
