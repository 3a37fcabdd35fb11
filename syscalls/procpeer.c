/*
 * Other ferry processes seen through /proc.  A guest that reads
 * /proc/<pid>/cmdline or /proc/<pid>/exe of another process running under
 * ferry (its parent shell, a child) would see ferry's command line and
 * ferry itself; natively it sees that program's argv and executable, and
 * tools rely on it (ps, pgrep, shells checking $PPID).  A process is a
 * ferry peer when its /proc/<pid>/exe is the same file as ours; its guest
 * argv and program come from parsing its command line with ferry's option
 * parser, the program named without the sysroot prefix.
 * XXX: a ferry started by binfmt_misc (flag P's argv layout) is not
 * recognised; other /proc/<pid>/ files (maps, stat) show the host's.
 */
#include "syscalls/internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader/options.h"

#define PEER_CMDLINE_MAX (1u << 20)

/* "/proc/<pid>/<leaf>" naming another process: its pid, else 0. */
static pid_t peer_pid(const char *path, const char *leaf)
{
    if (strncmp(path, "/proc/", 6))
        return 0;
    char *end;
    long v = strtol(path + 6, &end, 10);
    if (end == path + 6 || *end != '/' || strcmp(end + 1, leaf) || v <= 0 || v == getpid() ||
        path[6] == '0' || path[6] == '+')
        return 0;
    return (pid_t)v;
}

/* True when pid runs the same ferry executable as this process. */
static bool peer_is_ferry(pid_t pid)
{
    char p[64];
    struct stat a, b;
    snprintf(p, sizeof(p), "/proc/%d/exe", (int)pid);
    return stat(p, &a) == 0 && stat("/proc/self/exe", &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

/* A peer's parsed command line; argv and buf own the strings o points into. */
typedef struct Peer {
    Options o;
    char *buf;
    char **argv;
} Peer;

static void peer_free(Peer *pr)
{
    options_free(&pr->o);
    free(pr->argv);
    free(pr->buf);
}

/* Parses pid's ferry command line; false when pid is not a ferry running a program. */
static bool peer_parse(pid_t pid, Peer *pr)
{
    memset(pr, 0, sizeof(*pr));
    if (!peer_is_ferry(pid))
        return false;
    char p[64];
    snprintf(p, sizeof(p), "/proc/%d/cmdline", (int)pid);
    FILE *f = fopen(p, "re");
    if (!f)
        return false;
    pr->buf = malloc(PEER_CMDLINE_MAX + 1);
    size_t n = pr->buf ? fread(pr->buf, 1, PEER_CMDLINE_MAX, f) : 0;
    fclose(f);
    if (!n)
        return peer_free(pr), false;
    pr->buf[n] = 0;
    int argc = 0;
    for (size_t i = 0; i < n; i++)
        argc += !pr->buf[i];
    pr->argv = calloc((size_t)argc + 2, sizeof(char *));
    if (!pr->argv)
        return peer_free(pr), false;
    argc = 0;
    for (size_t i = 0; i < n; i += strlen(pr->buf + i) + 1)
        pr->argv[argc++] = pr->buf + i;
    char *envp[] = {NULL}, err[256];
    FILE *devnull = fopen("/dev/null", "w");
    OptionsResult r = devnull
                          ? options_parse(&pr->o, argc, pr->argv, envp, devnull, err, sizeof(err))
                          : OPTIONS_ERROR;
    if (devnull)
        fclose(devnull);
    if (r != OPTIONS_RUN || !pr->o.program)
        return peer_free(pr), false;
    return true;
}

bool sys_peer_cmdline(const char *path, FILE *out)
{
    Peer pr;
    pid_t pid = peer_pid(path, "cmdline");
    if (!pid || !peer_parse(pid, &pr))
        return false;
    const char *a0 = pr.o.argv0 ? pr.o.argv0 : pr.o.program;
    fwrite(a0, 1, strlen(a0) + 1, out);
    for (char **v = pr.o.guest_argv; v && *v; v++)
        fwrite(*v, 1, strlen(*v) + 1, out);
    peer_free(&pr);
    return true;
}

int64_t sys_peer_exe(const char *path, char *buf, size_t len)
{
    Peer pr;
    pid_t pid = peer_pid(path, "exe");
    if (!pid || !peer_parse(pid, &pr))
        return -ENOENT;
    char host[PATH_MAX], cwd[PATH_MAX + 64], *real = NULL;
    snprintf(cwd, sizeof(cwd), "/proc/%d/cwd/%s", (int)pid, pr.o.program);
    real = realpath(pr.o.program[0] == '/' ? pr.o.program : cwd, NULL);
    snprintf(host, sizeof(host), "%s", real ? real : pr.o.program);
    free(real);
    const char *name = host;
    char *root = pr.o.sysroot ? realpath(pr.o.sysroot, NULL) : NULL;
    size_t n = root ? strlen(root) : 0;
    if (n > 1 && !strncmp(host, root, n) && host[n] == '/')
        name = host + n;
    free(root);
    size_t l = strlen(name);
    l = l < len ? l : len;
    memcpy(buf, name, l);
    peer_free(&pr);
    return (int64_t)l;
}
