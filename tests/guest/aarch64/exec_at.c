/* execveat: a path relative to a directory fd, fexecve of a close-on-exec memfd holding a
 * copy of this program (AT_EMPTY_PATH), and the errors for an empty path without
 * AT_EMPTY_PATH (ENOENT), a bad dirfd (EBADF), unknown flags (EINVAL) and AT_SYMLINK_NOFOLLOW
 * on a symlink (ELOOP).
 * XXX: qemu-aarch64 has no execveat (ENOSYS) and cannot exec a foreign binary without
 * binfmt_misc, so this .ref was written by hand from what arm64 Linux prints. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int my_execveat(int dirfd, const char *path, char **argv, char **envp, int flags)
{
    return (int)syscall(SYS_execveat, dirfd, path, argv, envp, flags);
}

/* Runs the execveat in a child; prints its exit status or the error. */
static void run(const char *what, int dirfd, const char *path, int flags)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char *argv[] = {"at-child", "child", (char *)what, NULL};
        char *envp[] = {NULL};
        my_execveat(dirfd, path, argv, envp, flags);
        printf("%s: %s\n", what, strerror(errno));
        fflush(stdout);
        _exit(99);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("%s: exit %d\n", what, WIFEXITED(st) ? WEXITSTATUS(st) : -1);
}

int main(int argc, char **argv)
{
    if (argc > 2 && !strcmp(argv[1], "child")) {
        printf("child for %s: argv0 %s\n", argv[2], argv[0]);
        return 5;
    }
    char self[PATH_MAX], link[PATH_MAX + 16];
    if (!realpath(argv[0], self))
        return 1;
    char *slash = strrchr(self, '/');
    *slash = 0;
    int dirfd = open(self, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    run("dirfd-relative", dirfd, slash + 1, 0);

    int mfd = memfd_create("exec_at_copy", MFD_CLOEXEC);
    int in = openat(dirfd, slash + 1, O_RDONLY);
    char buf[65536];
    ssize_t n;
    while ((n = read(in, buf, sizeof(buf))) > 0)
        if (write(mfd, buf, (size_t)n) != n)
            return 1;
    close(in);
    run("memfd", mfd, "", AT_EMPTY_PATH);

    run("empty path", dirfd, "", 0);
    run("bad dirfd", 1000, "x", 0);
    run("bad flags", dirfd, slash + 1, 0x2);
    snprintf(link, sizeof(link), "/tmp/exec_at_link_%d", (int)getpid());
    *slash = '/';
    if (symlink(self, link) == 0) {
        run("nofollow symlink", AT_FDCWD, link, AT_SYMLINK_NOFOLLOW);
        run("followed symlink", AT_FDCWD, link, 0);
        unlink(link);
    }
    return 0;
}
