/*
 * Guest test of the basic Linux syscalls, through libc and raw syscall():
 * files, pipes, directories, fcntl/ioctl, memory, ids, time, limits,
 * signals bookkeeping, futex.  Prints only deterministic facts (no pids,
 * times or host paths), one line per check.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static char tmpdir[64];

static void check(const char *what, long got, long want)
{
    printf("%-28s %s", what, got == want ? "ok" : "BAD");
    if (got != want)
        printf(" (got %ld want %ld, errno %d)", got, want, errno);
    putchar('\n');
}

/* -errno of a failed libc call, or its result. */
static long res(long r)
{
    return r < 0 ? -errno : r;
}

static void test_write(void)
{
    static const char msg[] = "raw syscall write\n";
    fflush(stdout);
    check("write.raw", syscall(SYS_write, 1, msg, sizeof(msg) - 1), sizeof(msg) - 1);
    check("write.efault", res(syscall(SYS_write, 1, (void *)16, 4)), -EFAULT);
    check("read.badfd", res(read(-1, tmpdir, 1)), -EBADF);
}

static void test_file(void)
{
    char path[128];
    snprintf(path, sizeof(path), "%s/f", tmpdir);
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    check("open.create", fd >= 0, 1);
    check("write.file", write(fd, "0123456789", 10), 10);
    check("lseek.cur", lseek(fd, 0, SEEK_CUR), 10);
    check("lseek.set", lseek(fd, 2, SEEK_SET), 2);
    char buf[16] = {0};
    check("read.file", read(fd, buf, 3), 3);
    check("read.data", strcmp(buf, "234"), 0);
    check("pwrite", pwrite(fd, "AB", 2, 8), 2);
    check("pread", pread(fd, buf, 4, 7), 3);
    check("pread.data", memcmp(buf, "7AB\0", 3), 0);
    struct iovec iov[2] = {{"xy", 2}, {"z", 1}};
    check("writev", writev(fd, iov, 2), 3);
    char r1[2], r2[3];
    struct iovec riov[2] = {{r1, 2}, {r2, 3}};
    lseek(fd, 0, SEEK_SET);
    check("readv", readv(fd, riov, 2), 5);
    check("readv.data", memcmp(r1, "01", 2) || memcmp(r2, "234", 3), 0);
    struct stat st;
    check("fstat", fstat(fd, &st), 0);
    check("fstat.size", st.st_size, 10);
    check("fstat.mode", st.st_mode & 07777, 0640);
    check("fstat.isreg", S_ISREG(st.st_mode), 1);
    check("fstat.nlink", st.st_nlink, 1);
    check("stat", stat(path, &st), 0);
    check("stat.size", st.st_size, 10);
    struct statx sx;
    check("statx", statx(AT_FDCWD, path, 0, STATX_SIZE, &sx), 0);
    check("statx.size", sx.stx_size, 10);
    check("ftruncate", ftruncate(fd, 4), 0);
    check("fstatat.empty", fstatat(fd, "", &st, AT_EMPTY_PATH), 0);
    check("fstatat.size", st.st_size, 4);
    check("fcntl.getfd", fcntl(fd, F_GETFD), FD_CLOEXEC);
    check("fcntl.setfd", fcntl(fd, F_SETFD, 0), 0);
    check("fcntl.getfd0", fcntl(fd, F_GETFD), 0);
    check("fcntl.getfl", fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK), O_RDWR);
    check("fcntl.setfl", fcntl(fd, F_SETFL, O_APPEND), 0);
    check("fcntl.getfl2", fcntl(fd, F_GETFL) & (O_ACCMODE | O_APPEND), O_RDWR | O_APPEND);
    int fd2 = fcntl(fd, F_DUPFD_CLOEXEC, 50);
    check("fcntl.dupfd", fd2 >= 50, 1);
    check("dup3", dup3(fd, 60, O_CLOEXEC), 60);
    check("dup3.cloexec", fcntl(60, F_GETFD), FD_CLOEXEC);
    check("close", close(60) | close(fd2) | close(fd), 0);
    check("close.again", res(close(fd)), -EBADF);
    check("open.notdir", res(open(path, O_RDONLY | O_DIRECTORY)), -ENOTDIR);
    check("open.nofollow", res(open(path, O_RDONLY | O_NOFOLLOW)) >= 0, 1);
    check("access", access(path, R_OK | W_OK), 0);
    check("faccessat.enoent", res(faccessat(AT_FDCWD, "/nonexistent", F_OK, 0)), -ENOENT);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_dirs(void)
{
    char path[128], path2[128];
    snprintf(path, sizeof(path), "%s/d", tmpdir);
    check("mkdir", mkdir(path, 0755), 0);
    check("mkdir.exists", res(mkdir(path, 0755)), -EEXIST);
    snprintf(path2, sizeof(path2), "%s/d/a", tmpdir);
    close(open(path2, O_CREAT | O_WRONLY, 0600));
    snprintf(path2, sizeof(path2), "%s/d/b", tmpdir);
    close(open(path2, O_CREAT | O_WRONLY, 0600));
    char to[128];
    snprintf(to, sizeof(to), "%s/d/b2", tmpdir);
    snprintf(path2, sizeof(path2), "%s/d/b", tmpdir);
    check("renameat2", res(syscall(SYS_renameat2, AT_FDCWD, path2, AT_FDCWD, to, 0)), 0);
    DIR *d = opendir(path);
    check("opendir", d != NULL, 1);
    char *names[8];
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) && n < 8)
        names[n++] = strdup(e->d_name);
    if (d)
        closedir(d);
    qsort(names, n, sizeof(names[0]), cmp_str);
    printf("dir:");
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    putchar('\n');
    int dfd = open(path, O_RDONLY | O_DIRECTORY);
    check("open.dir", dfd >= 0, 1);
    check("unlinkat", unlinkat(dfd, "a", 0) | unlinkat(dfd, "b2", 0), 0);
    check("unlinkat.enoent", res(unlinkat(dfd, "a", 0)), -ENOENT);
    check("symlinkat", symlinkat("target", dfd, "l"), 0);
    char lbuf[32] = {0};
    check("readlinkat", readlinkat(dfd, "l", lbuf, sizeof(lbuf)), 6);
    check("readlinkat.data", strcmp(lbuf, "target"), 0);
    check("unlink.link", unlinkat(dfd, "l", 0), 0);
    close(dfd);
    char cwd[256];
    check("chdir", chdir(path), 0);
    check("getcwd", getcwd(cwd, sizeof(cwd)) != NULL, 1);
    check("getcwd.data", strcmp(cwd, path), 0);
    check("chdir.up", chdir("/"), 0);
    check("rmdir", rmdir(path), 0);
    check("umask", umask(022) >= 0, 1);
    check("umask.old", umask(077), 022);
    umask(022);
    char exe[512];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    exe[len > 0 ? len : 0] = 0;
    check("readlink.exe", len > 9 && !strcmp(exe + len - 9, "sys_basic") && exe[0] == '/', 1);
}

/* Reads a whole small file into buf (NUL-terminated); length or -errno. */
static long slurp(const char *path, char *buf, size_t size)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -errno;
    size_t n = 0;
    ssize_t r;
    while (n + 1 < size && (r = read(fd, buf + n, size - 1 - n)) > 0)
        n += (size_t)r;
    buf[n] = 0;
    close(fd);
    return (long)n;
}

static void test_proc(void)
{
    static char buf[65536];
    check("proc.maps", slurp("/proc/self/maps", buf, sizeof(buf)) > 0, 1);
    check("proc.maps.stack", strstr(buf, "[stack]") != NULL, 1);
    check("proc.maps.exe", strstr(buf, "sys_basic\n") != NULL, 1);
    check("proc.cpuinfo", slurp("/proc/cpuinfo", buf, sizeof(buf)) > 0, 1);
    check("proc.exe.open", slurp("/proc/self/exe", buf, 4) == 3 && !memcmp(buf, "\177EL", 3), 1);
}

static void test_pipe(void)
{
    int p[2];
    check("pipe2", pipe2(p, O_CLOEXEC), 0);
    check("pipe.write", write(p[1], "hello", 5), 5);
    int avail = -1;
    check("ioctl.fionread", ioctl(p[0], FIONREAD, &avail), 0);
    check("fionread.value", avail, 5);
    char buf[8] = {0};
    check("pipe.read", read(p[0], buf, sizeof(buf)), 5);
    check("pipe.data", strcmp(buf, "hello"), 0);
    check("pipe.cloexec", fcntl(p[0], F_GETFD), FD_CLOEXEC);
    check("fcntl.nonblock", fcntl(p[0], F_SETFL, O_NONBLOCK), 0);
    check("pipe.eagain", res(read(p[0], buf, 1)), -EAGAIN);
    struct winsize ws;
    check("ioctl.notty", res(ioctl(p[0], TIOCGWINSZ, &ws)), -ENOTTY);
    close(p[1]);
    check("pipe.eof", read(p[0], buf, 1), 0);
    close(p[0]);
}

static void test_poll(void)
{
    int p[2];
    pipe(p);
    struct pollfd pf = {p[0], POLLIN, 0};
    check("poll.empty", poll(&pf, 1, 0), 0);
    write(p[1], "x", 1);
    check("poll.ready", poll(&pf, 1, 1000), 1);
    check("poll.revents", pf.revents, POLLIN);
    fd_set rs;
    FD_ZERO(&rs);
    FD_SET(p[0], &rs);
    struct timeval tv = {1, 0};
    check("select", select(p[0] + 1, &rs, NULL, NULL, &tv), 1);
    check("select.set", FD_ISSET(p[0], &rs) != 0, 1);
    int ep = epoll_create1(EPOLL_CLOEXEC);
    check("epoll_create1", ep >= 0, 1);
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 0x1122334455667788ull};
    check("epoll_ctl", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), 0);
    struct epoll_event out[4];
    memset(out, 0, sizeof(out));
    check("epoll_wait", epoll_wait(ep, out, 4, 1000), 1);
    check("epoll.events", out[0].events, EPOLLIN);
    check("epoll.data", out[0].data.u64 == 0x1122334455667788ull, 1);
    char ch;
    read(p[0], &ch, 1);
    check("epoll_wait.none", epoll_wait(ep, out, 4, 0), 0);
    check("epoll_ctl.del", epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL), 0);
    close(ep);
    close(p[0]);
    close(p[1]);
}

static void test_sockets(void)
{
    int sv[2];
    check("socketpair", socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
    check("send", send(sv[0], "ping", 4, 0), 4);
    char buf[16] = {0};
    check("recv", recv(sv[1], buf, sizeof(buf), 0), 4);
    check("recv.data", strcmp(buf, "ping"), 0);
    char a[3] = "ab", b[3] = "cd";
    struct iovec iov[2] = {{a, 2}, {b, 2}};
    struct msghdr mh = {.msg_iov = iov, .msg_iovlen = 2};
    check("sendmsg", sendmsg(sv[1], &mh, 0), 4);
    char r1[3] = {0}, r2[3] = {0};
    struct iovec riov[2] = {{r1, 1}, {r2, 3}};
    struct msghdr rh = {.msg_iov = riov, .msg_iovlen = 2};
    check("recvmsg", recvmsg(sv[0], &rh, 0), 4);
    check("recvmsg.data", !strcmp(r1, "a") && !strcmp(r2, "bcd"), 1);
    close(sv[0]);
    close(sv[1]);

    int ls = socket(AF_INET, SOCK_STREAM, 0);
    check("socket", ls >= 0, 1);
    int one = 1;
    check("setsockopt", setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)), 0);
    int got = 0;
    socklen_t gl = sizeof(got);
    check("getsockopt", getsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &got, &gl), 0);
    check("getsockopt.value", got != 0 && gl == sizeof(int), 1);
    struct sockaddr_in sin = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    check("bind", bind(ls, (struct sockaddr *)&sin, sizeof(sin)), 0);
    check("listen", listen(ls, 1), 0);
    socklen_t sl = sizeof(sin);
    check("getsockname", getsockname(ls, (struct sockaddr *)&sin, &sl), 0);
    check("getsockname.port", sin.sin_port != 0 && sl == sizeof(sin), 1);
    int cs = socket(AF_INET, SOCK_STREAM, 0);
    check("connect", connect(cs, (struct sockaddr *)&sin, sizeof(sin)), 0);
    struct sockaddr_in peer;
    socklen_t pl = sizeof(peer);
    int as = accept4(ls, (struct sockaddr *)&peer, &pl, SOCK_CLOEXEC);
    check("accept4", as >= 0, 1);
    check("accept4.peer", peer.sin_family == AF_INET && pl == sizeof(peer), 1);
    check("sendto", sendto(cs, "tcp", 3, 0, NULL, 0), 3);
    check("recvfrom", recvfrom(as, buf, sizeof(buf), 0, NULL, NULL), 3);
    check("shutdown", shutdown(cs, SHUT_WR), 0);
    check("recv.eof", recv(as, buf, sizeof(buf), 0), 0);
    close(as);
    close(cs);
    close(ls);
}

static void test_memory(void)
{
    size_t pg = (size_t)sysconf(_SC_PAGESIZE);
    char *m = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    check("mmap", m != MAP_FAILED, 1);
    check("mmap.zero", m[0] | m[4 * pg - 1], 0);
    memset(m, 7, 4 * pg);
    check("madvise", madvise(m, pg, MADV_DONTNEED), 0);
    check("madvise.zeroed", m[0] + m[pg], 7);
    check("mprotect", mprotect(m, pg, PROT_READ), 0);
    check("mprotect.rw", mprotect(m, pg, PROT_READ | PROT_WRITE), 0);
    check("munmap", munmap(m + 3 * pg, pg), 0);
    char *r = mremap(m, 3 * pg, 8 * pg, MREMAP_MAYMOVE);
    check("mremap", r != MAP_FAILED, 1);
    if (r == MAP_FAILED)
        return;
    check("mremap.data", r[pg], 7);
    check("munmap.all", munmap(r, 8 * pg), 0);
    check("mmap.einval", res((long)mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)),
          -EINVAL);
    char *b0 = sbrk(0);
    check("sbrk.grow", sbrk(3 * pg) == b0, 1);
    b0[3 * pg - 1] = 1;
    check("sbrk.now", sbrk(0) == b0 + 3 * pg, 1);
    char *big = malloc(1 << 20);
    big[(1 << 20) - 1] = 2;
    check("malloc.big", big[(1 << 20) - 1], 2);
    free(big);
}

static void test_ids_time(void)
{
    struct utsname u;
    check("uname", uname(&u), 0);
    printf("uname: %s %s\n", u.sysname, u.machine);
    check("gettid==getpid", syscall(SYS_gettid) == getpid(), 1);
    check("getppid", getppid() > 0, 1);
    check("uid", getuid() == geteuid() && getgid() == getegid(), 1);
    struct timespec a, b;
    check("clock_gettime", clock_gettime(CLOCK_MONOTONIC, &a), 0);
    struct timespec req = {0, 2000000};
    check("nanosleep", nanosleep(&req, NULL), 0);
    clock_gettime(CLOCK_MONOTONIC, &b);
    long ns = (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec);
    check("nanosleep.slept", ns >= 2000000, 1);
    check("clock_nanosleep", clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL), 0);
    check("clock_getres", clock_getres(CLOCK_MONOTONIC, &a), 0);
    check("clock_getres.value", a.tv_sec == 0 && a.tv_nsec > 0, 1);
    check("clock_gettime.einval", res(clock_gettime(12345, &a)), -EINVAL);
    struct timeval tv;
    check("gettimeofday", gettimeofday(&tv, NULL), 0);
    check("gettimeofday.sane", tv.tv_sec > 1600000000 && tv.tv_usec < 1000000, 1);
    check("realtime.sane", time(NULL) > 1600000000, 1);
    char rnd[16];
    check("getrandom", getrandom(rnd, sizeof(rnd), 0), 16);
    struct rlimit rl;
    check("getrlimit", getrlimit(RLIMIT_NOFILE, &rl), 0);
    check("getrlimit.value", rl.rlim_cur > 0 && rl.rlim_cur <= rl.rlim_max, 1);
    struct rlimit nl = {rl.rlim_cur / 2, rl.rlim_max};
    check("prlimit", prlimit(0, RLIMIT_NOFILE, &nl, &rl), 0);
    check("getrlimit.new", getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur == nl.rlim_cur, 1);
    struct sysinfo si;
    check("sysinfo", sysinfo(&si), 0);
    check("sysinfo.value", si.mem_unit > 0 && si.totalram > 0, 1);
    struct rusage ru;
    check("getrusage", getrusage(RUSAGE_SELF, &ru), 0);
    struct tms t;
    check("times", times(&t) != (clock_t)-1, 1);
    cpu_set_t set;
    check("sched_getaffinity", sched_getaffinity(0, sizeof(set), &set), 0);
    check("affinity.count", CPU_COUNT(&set) > 0, 1);
    check("sched_yield", sched_yield(), 0);
}

static volatile int got_usr1;
static void on_usr1(int sig)
{
    got_usr1 = sig;
}

static void test_signals(void)
{
    struct sigaction sa, old;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_usr1;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR2);
    check("sigaction", sigaction(SIGUSR1, &sa, NULL), 0);
    check("sigaction.get", sigaction(SIGUSR1, NULL, &old), 0);
    check("sigaction.handler", old.sa_handler == on_usr1, 1);
    check("sigaction.mask", sigismember(&old.sa_mask, SIGUSR2), 1);
    check("sigaction.kill", res(sigaction(SIGKILL, &sa, NULL)), -EINVAL);
    sigset_t s, o;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR2);
    check("sigprocmask", sigprocmask(SIG_BLOCK, &s, NULL), 0);
    check("sigprocmask.get", sigprocmask(SIG_BLOCK, NULL, &o), 0);
    check("sigprocmask.usr2", sigismember(&o, SIGUSR2), 1);
    check("sigprocmask.unblock", sigprocmask(SIG_UNBLOCK, &s, NULL), 0);
    static char altstack[16384];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof(altstack)}, os;
    check("sigaltstack", sigaltstack(&ss, NULL), 0);
    check("sigaltstack.get", sigaltstack(NULL, &os), 0);
    check("sigaltstack.value", os.ss_sp == altstack && os.ss_size == sizeof(altstack), 1);
    signal(SIGUSR2, SIG_IGN);
    check("raise.ignored", raise(SIGUSR2), 0);
    check("raise.chld", raise(SIGCHLD), 0);
    check("kill.0", kill(getpid(), 0), 0);
    signal(SIGPIPE, SIG_IGN);
    int p[2];
    pipe(p);
    close(p[0]);
    check("write.epipe", res(write(p[1], "x", 1)), -EPIPE);
    close(p[1]);
}

static void test_futex(void)
{
    static uint32_t word = 5;
    check("futex.wake", syscall(SYS_futex, &word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0), 0);
    check("futex.eagain", res(syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 4, NULL, NULL, 0)),
          -EAGAIN);
    struct timespec to = {0, 1000000};
    check("futex.timeout", res(syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 5, &to, NULL, 0)),
          -ETIMEDOUT);
    check("futex.efault", res(syscall(SYS_futex, (void *)16, FUTEX_WAKE, 1, NULL, NULL, 0)),
          -EFAULT);
    check("enosys", res(syscall(1000)), -ENOSYS);
}

int main(void)
{
    snprintf(tmpdir, sizeof(tmpdir), "/tmp/ferry_sys_basic.%d", (int)getpid());
    printf("sys_basic\n");
    if (mkdir(tmpdir, 0700) < 0) {
        printf("cannot create the test directory\n");
        return 1;
    }
    test_write();
    test_file();
    test_dirs();
    test_proc();
    test_pipe();
    test_poll();
    test_sockets();
    test_memory();
    test_ids_time();
    test_signals();
    test_futex();
    char path[128];
    snprintf(path, sizeof(path), "%s/f", tmpdir);
    unlink(path);
    check("rmdir.tmp", rmdir(tmpdir), 0);
    printf("done\n");
    return 0;
}
