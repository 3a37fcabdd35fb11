/* execve of /proc/self/exe: the child gets the new argv (argv[0] kept as given) and the
 * environment passed, and its exit status reaches the parent through waitpid; a failing
 * execve returns -1 with errno and the process goes on.
 * XXX: qemu-aarch64 without binfmt_misc cannot exec a foreign binary, so this .ref was
 * written by hand from what arm64 Linux prints. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "child")) {
        const char *v = getenv("EXEC_SELF_VAR");
        printf("child: argc %d argv0 %s argv2 %s var %s\n", argc, argv[0], argc > 2 ? argv[2] : "-",
               v ? v : "(unset)");
        return 42;
    }
    char *bad[] = {"x", NULL};
    errno = 0;
    int r = execve("/nonexistent/prog", bad, NULL);
    printf("missing: %d %s\n", r, strerror(errno));
    r = execve("/tmp", bad, NULL);
    printf("directory: %d %s\n", r, strerror(errno));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char *args[] = {"renamed", "child", "two words", NULL};
        char *env[] = {"EXEC_SELF_VAR=hello", NULL};
        execve("/proc/self/exe", args, env);
        printf("execve failed: %s\n", strerror(errno));
        _exit(1);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("parent: child exited %d with %d\n", WIFEXITED(st), WEXITSTATUS(st));
    fflush(stdout);
    /* The last step replaces this process: its status is the program's exit status. */
    char *args[] = {"again", "child", NULL};
    execv("/proc/self/exe", args);
    return 1;
}
