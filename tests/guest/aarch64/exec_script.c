/* execve of scripts and programs by path: a `#!/bin/sh` script (a host interpreter: it runs
 * natively) with its arguments, a script whose interpreter is this (foreign) program with an
 * optional argument, this program by its own path, and the errors for a text file without
 * `#!` (ENOEXEC), a file without execute permission (EACCES) and an empty `#!` line.
 * XXX: qemu-aarch64 without binfmt_misc cannot exec a foreign binary, so this .ref was
 * written by hand from what arm64 Linux prints. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[64];

static void write_file(const char *name, const char *text, mode_t mode)
{
    char path[128];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        printf("cannot write %s\n", name);
        exit(1);
    }
    fputs(text, f);
    fclose(f);
    chmod(path, mode);
}

/* Runs path with argv in a child; prints its exit status or the execve error. */
static void run(const char *what, const char *path, char **argv)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char *env[] = {"SCRIPT_VAR=from-parent", "PATH=/usr/bin:/bin", NULL};
        execve(path, argv, env);
        printf("%s: execve: %s\n", what, strerror(errno));
        fflush(stdout);
        _exit(99);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("%s: exit %d\n", what, WIFEXITED(st) ? WEXITSTATUS(st) : -1);
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "child")) {
        printf("child: argc %d", argc);
        for (int i = 2; i < argc; i++)
            printf(" [%s]", strstr(argv[i], "/exec_script_") ? "SCRIPT" : argv[i]);
        printf(" var %s\n", getenv("SCRIPT_VAR") ? getenv("SCRIPT_VAR") : "(unset)");
        return argc;
    }
    char self[PATH_MAX], path[160], text[PATH_MAX + 64];
    if (!realpath(argv[0], self))
        return 1;
    snprintf(dir, sizeof(dir), "/tmp/exec_script_%d", (int)getpid());
    mkdir(dir, 0700);

    write_file("hello.sh", "#!/bin/sh\necho \"sh: $# args: $1 $2 var $SCRIPT_VAR\"\nexit 7\n",
               0755);
    snprintf(path, sizeof(path), "%s/hello.sh", dir);
    char *sh_args[] = {"hello.sh", "one", "two", NULL};
    run("host script", path, sh_args);

    snprintf(text, sizeof(text), "#!%s child\nnot read by the interpreter\n", self);
    write_file("foreign.sh", text, 0755);
    snprintf(path, sizeof(path), "%s/foreign.sh", dir);
    char *f_args[] = {"foreign.sh", "a1", "a2", NULL};
    run("foreign interpreter", path, f_args);

    char *p_args[] = {"by-path", "child", "x", NULL};
    run("foreign program", argv[0], p_args);

    write_file("plain.txt", "echo not a script\n", 0755);
    snprintf(path, sizeof(path), "%s/plain.txt", dir);
    run("no #!", path, sh_args);
    write_file("noexec.sh", "#!/bin/sh\nexit 0\n", 0644);
    snprintf(path, sizeof(path), "%s/noexec.sh", dir);
    run("not executable", path, sh_args);
    write_file("empty.sh", "#!   \nexit 0\n", 0755);
    snprintf(path, sizeof(path), "%s/empty.sh", dir);
    run("empty #!", path, sh_args);

    const char *names[] = {"hello.sh", "foreign.sh", "plain.txt", "noexec.sh", "empty.sh"};
    for (int i = 0; i < 5; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
    return 0;
}
