/* fork + waitpid exit statuses, fork + pipe communication, vfork, clone3 as fork + waitid
 * (falling back to fork where clone3 is missing, as glibc does: qemu-aarch64 lacks it). */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    int shared = 1;
    for (int code = 0; code < 3; code++) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid < 0) {
            printf("fork failed\n");
            return 1;
        }
        if (pid == 0) {
            shared = 100; /* the parent's copy is unchanged */
            _exit(code * 20 + 3);
        }
        int st;
        pid_t w = waitpid(pid, &st, 0);
        printf("child %d: waited %s, exited %d status %d, shared %d\n", code,
               w == pid ? "ok" : "wrong", WIFEXITED(st), WEXITSTATUS(st), shared);
    }

    int p2c[2], c2p[2];
    if (pipe(p2c) < 0 || pipe(c2p) < 0)
        return 1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(p2c[1]);
        close(c2p[0]);
        char buf[64];
        ssize_t n = read(p2c[0], buf, sizeof(buf) - 1);
        buf[n > 0 ? n : 0] = 0;
        char out[128];
        int len = snprintf(out, sizeof(out), "child got '%s' (%zd bytes)", buf, n);
        if (write(c2p[1], out, (size_t)len) != len)
            _exit(2);
        exit(0); /* flushes nothing of the parent's: stdout was flushed before fork */
    }
    close(p2c[0]);
    close(c2p[1]);
    if (write(p2c[1], "hello child", 11) != 11)
        return 1;
    close(p2c[1]);
    char buf[128];
    ssize_t n, total = 0;
    while ((n = read(c2p[0], buf + total, sizeof(buf) - 1 - (size_t)total)) > 0)
        total += n;
    buf[total] = 0;
    int st;
    waitpid(pid, &st, 0);
    printf("parent read: %s; child status %d\n", buf, WEXITSTATUS(st));

    fflush(stdout);
    pid = vfork();
    if (pid == 0)
        _exit(42);
    waitpid(pid, &st, 0);
    printf("vfork child status %d\n", WEXITSTATUS(st));

    /* A child killed by a signal. */
    fflush(stdout);
    pid = fork();
    if (pid == 0)
        raise(SIGTERM);
    waitpid(pid, &st, 0);
    printf("signaled %d sig %d\n", WIFSIGNALED(st), WTERMSIG(st));

    /* clone3 as fork, reaped with waitid. */
    struct {
        uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
    } ca;
    memset(&ca, 0, sizeof(ca));
    ca.exit_signal = SIGCHLD;
    fflush(stdout);
    long r = syscall(SYS_clone3, &ca, sizeof(ca));
    if (r < 0 && errno == ENOSYS)
        r = fork();
    if (r == 0)
        _exit(77);
    siginfo_t si;
    memset(&si, 0, sizeof(si));
    int wr = waitid(P_PID, (id_t)r, &si, WEXITED);
    printf("clone3 fork: %s, waitid %d, code %s, status %d, pid %s\n", r > 0 ? "ok" : "failed", wr,
           si.si_code == CLD_EXITED ? "exited" : "other", si.si_status,
           si.si_pid == r ? "matches" : "differs");
    errno = 0;
    r = syscall(SYS_clone3, &ca, (size_t)32);
    printf("clone3 with a short struct: %ld, EINVAL (or ENOSYS) %d\n", r,
           errno == EINVAL || errno == ENOSYS);
    return 0;
}
