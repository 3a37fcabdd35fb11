/*
 * execve and execveat (see execve.h for how the program is chosen).
 *
 * The handlers read the path, argv and envp from guest memory (-EFAULT on a
 * bad pointer, -E2BIG past the kernel's limits), resolve the path the way
 * every other path call does (sys_get_path: sysroot, /proc/self/exe; a
 * dirfd-relative path through the directory's host path, since the dirfd
 * may be close-on-exec), plan the exec and hand it to the host's execve.
 * On success nothing returns: the host replaces the whole process, every
 * guest thread with it.  Signal dispositions and the mask are already the
 * host's (signals/ mirrors them), so the new program inherits them.
 */
#include "syscalls/execve.h"

#include <elf.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "frontends/guest_arch.h"
#include "loader/elf.h"
#include "loader/options.h"
#include "syscalls/internal.h"

#define EXEC_MAX_STRLEN (32 * 4096)     /* MAX_ARG_STRLEN: one string with its NUL */
#define EXEC_MAX_STRINGS 0x7fffffff     /* MAX_ARG_STRINGS */
#define EXEC_ARG_MAX (32 * 4096)        /* the smallest argument space */
#define EXEC_STK_LIM_ARGS (6ull << 20)  /* 3/4 of the kernel's 8 MiB _STK_LIM */
#define EXEC_GUEST_AT_EMPTY_PATH 0x1000 /* asm-generic, as on x86-64 */
#define EXEC_GUEST_AT_SYMLINK_NOFOLLOW 0x100

/* ---- the plan ---- */

static bool exec_is_blank(char ch)
{
    return ch == ' ' || ch == '\t';
}

int exec_parse_shebang(const char *buf, size_t n, bool full, char **interp, char **arg)
{
    if (n < 2 || buf[0] != '#' || buf[1] != '!')
        return -ENOEXEC;
    const char *end = memchr(buf, '\n', n);
    const char *p = buf + 2;
    if (!end) {
        end = buf + n;
        if (full) {
            /* The argument may be cut, the interpreter's name may not. */
            const char *q = p;
            while (q < end && exec_is_blank(*q))
                q++;
            while (q < end && !exec_is_blank(*q) && *q)
                q++;
            if (q == end)
                return -ENOEXEC;
        }
    }
    while (end > p && (exec_is_blank(end[-1]) || end[-1] == '\r' || end[-1] == 0))
        end--;
    while (p < end && exec_is_blank(*p))
        p++;
    const char *i_end = p;
    while (i_end < end && !exec_is_blank(*i_end) && *i_end)
        i_end++;
    if (i_end == p)
        return -ENOEXEC;
    const char *a = i_end;
    while (a < end && exec_is_blank(*a))
        a++;
    size_t alen = a < end ? (size_t)(end - a) : 0;
    const char *a_end = alen ? memchr(a, 0, alen) : NULL;
    if (!a_end)
        a_end = end;
    *interp = strndup(p, (size_t)(i_end - p));
    *arg = a < a_end ? strndup(a, (size_t)(a_end - a)) : NULL;
    if (!*interp || (a < a_end && !*arg)) {
        free(*interp);
        free(*arg);
        return -ENOMEM;
    }
    return 0;
}

/* Opens `path` with execve's checks and reads its first bytes into buf; bytes read or -errno. */
static ssize_t exec_peek(const char *path, char *buf)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    struct stat st;
    ssize_t n;
    if (fstat(fd, &st) < 0)
        n = -errno;
    else if (!S_ISREG(st.st_mode))
        n = -EACCES;
    else if (faccessat(AT_FDCWD, path, X_OK, AT_EACCESS) < 0)
        n = -errno;
    else if ((n = pread(fd, buf, EXEC_BUF_SIZE, 0)) < 0)
        n = -errno;
    close(fd);
    return n;
}

/* The guest frontend for an ELF header in buf (n bytes), or NULL. */
static const GuestArch *exec_guest_arch(const char *buf, size_t n)
{
    const unsigned char *h = (const unsigned char *)buf;
    if (n < EI_NIDENT + 4 || memcmp(h, ELFMAG, SELFMAG))
        return NULL;
    unsigned machine = h[EI_DATA] == ELFDATA2MSB ? (h[EI_NIDENT + 2] << 8) | h[EI_NIDENT + 3]
                                                 : h[EI_NIDENT + 2] | (h[EI_NIDENT + 3] << 8);
    return guest_arch_find((uint16_t)machine, h[EI_CLASS], h[EI_DATA]);
}

/* True when the host file at path is a program for one of ferry's guests. */
static bool exec_is_guest_file(const char *path)
{
    char buf[EXEC_BUF_SIZE];
    ssize_t n = exec_peek(path, buf);
    return n > 0 && exec_guest_arch(buf, (size_t)n);
}

/* A NULL-terminated vector of copies: head[0..nhead) then tail[0..ntail). */
static char **exec_vec(char *const *head, size_t nhead, char *const *tail, size_t ntail)
{
    char **v = calloc(nhead + ntail + 1, sizeof(*v));
    if (!v)
        return NULL;
    for (size_t i = 0; i < nhead + ntail; i++) {
        v[i] = strdup(i < nhead ? head[i] : tail[i - nhead]);
        if (!v[i]) {
            options_argv_free(v);
            return NULL;
        }
    }
    return v;
}

static size_t exec_count(char *const *v)
{
    size_t n = 0;
    while (v && v[n])
        n++;
    return n;
}

/* ferry [options] -0 argv[0] -- file argv[1..] */
static int exec_plan_ferry(const Options *o, const char *self, const char *file, char **args,
                           ExecPlan *plan)
{
    char **opts = options_to_argv(o);
    if (!opts)
        return -ENOMEM;
    size_t nopts = exec_count(opts), nargs = exec_count(args);
    char *head[nopts + 5];
    head[0] = (char *)self;
    memcpy(head + 1, opts, nopts * sizeof(*head));
    head[nopts + 1] = "-0";
    head[nopts + 2] = args[0];
    head[nopts + 3] = "--";
    head[nopts + 4] = (char *)file;
    plan->argv = exec_vec(head, nopts + 5, args + 1, nargs - 1);
    options_argv_free(opts);
    plan->path = strdup(self);
    if (!plan->argv || !plan->path) {
        exec_plan_free(plan);
        return -ENOMEM;
    }
    return 0;
}

/* Rewrites *args for a script: [interp, arg?, script, argv[1..]]. 0 or -ENOMEM. */
static int exec_script_args(char ***args, const char *interp, const char *arg, const char *script)
{
    char *head[3] = {(char *)interp, (char *)arg, (char *)script};
    if (!arg)
        head[1] = head[2];
    char **old = *args;
    size_t nold = exec_count(old);
    char **v = exec_vec(head, arg ? 3 : 2, old + 1, nold - 1);
    if (!v)
        return -ENOMEM;
    options_argv_free(old);
    *args = v;
    return 0;
}

/* One level of #!: *file, *name and *args become the interpreter's. 0 or -errno. */
static int exec_plan_script(const Options *o, const char *buf, size_t n, char **file, char **name,
                            char ***args)
{
    char *interp, *arg, host[PATH_MAX];
    int r = exec_parse_shebang(buf, n, n == EXEC_BUF_SIZE, &interp, &arg);
    if (r < 0)
        return r;
    if (!elf_sysroot_path(o->sysroot, interp, host, sizeof(host)))
        snprintf(host, sizeof(host), "%s", interp);
    /* A guest interpreter opens the script through the sysroot itself; a host one cannot. */
    const char *script = strcmp(*name, *file) && !exec_is_guest_file(host) ? *file : *name;
    r = exec_script_args(args, interp, arg, script);
    char *hcopy = strdup(host);
    if (r < 0 || !hcopy) {
        free(interp);
        free(arg);
        free(hcopy);
        return -ENOMEM;
    }
    free(*file);
    free(*name);
    *file = hcopy;
    *name = interp;
    free(arg);
    return 0;
}

int exec_plan(const Options *o, const char *self, const char *file, const char *name,
              char *const *argv, size_t argc, ExecPlan *plan)
{
    char *f = strdup(file), *nm = strdup(name);
    char **args = exec_vec(argv, argc, NULL, 0);
    int r = f && nm && args ? -ELOOP : -ENOMEM;
    for (int depth = 0; depth < EXEC_MAX_DEPTH && f && nm && args; depth++) {
        char buf[EXEC_BUF_SIZE];
        ssize_t n = exec_peek(f, buf);
        if (n < 0) {
            r = (int)n;
            break;
        }
        if (n >= 2 && buf[0] == '#' && buf[1] == '!') {
            r = exec_plan_script(o, buf, (size_t)n, &f, &nm, &args);
            if (r < 0)
                break;
            r = -ELOOP;
            continue;
        }
        /* Started by binfmt_misc (AT_EXECFD): the host kernel's handler runs guest
         * programs, as it ran this one (inside a chroot ferry itself may not even
         * be reachable by path). */
        bool via_binfmt = o->exec_fd >= 0;
        if (exec_guest_arch(buf, (size_t)n) && !via_binfmt) {
            r = exec_plan_ferry(o, self, f, args, plan);
        } else {
            /* A host program, or something only the host kernel can judge. */
            plan->path = f;
            plan->argv = args;
            f = NULL;
            args = NULL;
            r = 0;
        }
        break;
    }
    free(f);
    free(nm);
    options_argv_free(args);
    return r;
}

void exec_plan_free(ExecPlan *plan)
{
    free(plan->path);
    options_argv_free(plan->argv);
    plan->path = NULL;
    plan->argv = NULL;
}

/* ---- the syscalls ---- */

/* The kernel's room for argument and environment strings plus their pointers. */
static uint64_t exec_arg_limit(void)
{
    struct rlimit rl;
    uint64_t limit = EXEC_STK_LIM_ARGS;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
        rl.rlim_cur / 4 < limit)
        limit = rl.rlim_cur / 4;
    return limit < EXEC_ARG_MAX ? EXEC_ARG_MAX : limit;
}

/*
 * Copies the guest string array at gaddr (NULL: empty) into *out, a
 * NULL-terminated vector; *used grows by the room the strings and pointers
 * take.  Returns the count or -EFAULT / -E2BIG / -ENOMEM.
 */
static int64_t exec_get_strings(SysCtx *c, uint64_t gaddr, char ***out, uint64_t *used,
                                uint64_t limit)
{
    unsigned word = c->abi->target.word_size;
    size_t n = 0, cap = 16;
    char **v = calloc(cap + 1, sizeof(*v));
    int64_t r = v ? 0 : -ENOMEM;
    while (r == 0 && gaddr) {
        uint8_t raw[8];
        if (gmem_read(c->mem, raw, gaddr + n * word, word) < 0) {
            r = -EFAULT;
            break;
        }
        uint64_t s = thunk_load(&c->abi->target, raw, word, false);
        if (!s)
            break;
        int64_t len = gmem_strlen(c->mem, s, EXEC_MAX_STRLEN);
        *used += (uint64_t)(len < 0 ? 0 : len) + 1 + sizeof(char *);
        if (len < 0 || n >= EXEC_MAX_STRINGS || *used > limit) {
            r = len == -EFAULT ? -EFAULT : -E2BIG;
            break;
        }
        if (n == cap) {
            char **nv = realloc(v, (cap * 2 + 1) * sizeof(*v));
            if (!nv) {
                r = -ENOMEM;
                break;
            }
            v = nv;
            cap *= 2;
        }
        v[n] = malloc((size_t)len + 1);
        v[n + 1] = NULL;
        if (!v[n] || gmem_read(c->mem, v[n], s, (size_t)len + 1) < 0) {
            r = v[n] ? -EFAULT : -ENOMEM;
            free(v[n]);
            v[n] = NULL;
            break;
        }
        v[n++][len] = 0;
    }
    if (r < 0) {
        options_argv_free(v);
        return r;
    }
    *out = v;
    return (int64_t)n;
}

/* True when the target of the /proc/self/fd link is a path that still names the file. */
static bool exec_usable_link(const char *link)
{
    char target[PATH_MAX];
    struct stat a, b;
    ssize_t n = readlink(link, target, sizeof(target) - 1);
    if (n <= 0 || target[0] != '/')
        return false;
    target[n] = 0;
    return stat(target, &a) == 0 && stat(link, &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

/*
 * The host path of the guest's (dirfd, path, flags) into host (PATH_MAX
 * bytes) and the guest's spelling into name.  *keep_fd is a descriptor
 * opened to keep the file reachable across the exec (close it if the exec
 * fails), or -1.  Returns 0 or -errno.
 */
static int exec_get_file(SysCtx *c, int dirfd, uint64_t gpath, int flags, char *host, char *name,
                         int *keep_fd)
{
    *keep_fd = -1;
    int r = sys_get_path_raw(c, gpath, name);
    if (r < 0)
        return r;
    if (!name[0] && !(flags & EXEC_GUEST_AT_EMPTY_PATH))
        return -ENOENT;
    if (name[0]) {
        if ((r = sys_get_path(c, gpath, host)) < 0)
            return r;
    }
    if (!name[0] || (host[0] != '/' && dirfd != AT_FDCWD)) {
        /* The dirfd may not survive the exec: name its file or directory by path. */
        char link[64], dir[PATH_MAX];
        int fdflags = fcntl(dirfd, F_GETFD);
        if (fdflags < 0)
            return -EBADF;
        snprintf(link, sizeof(link), "/proc/self/fd/%d", dirfd);
        if (!name[0] && (fdflags & FD_CLOEXEC) && !exec_usable_link(link)) {
            /* A deleted file or a memfd: only a descriptor that stays open names it. */
            *keep_fd = fcntl(dirfd, F_DUPFD, 0);
            if (*keep_fd < 0)
                return -errno;
            snprintf(host, PATH_MAX, "/proc/self/fd/%d", *keep_fd);
        } else if (!name[0] && !(fdflags & FD_CLOEXEC)) {
            snprintf(host, PATH_MAX, "%s", link);
        } else {
            ssize_t n = readlink(link, dir, sizeof(dir) - 1);
            if (n < 0)
                return -EBADF;
            dir[n] = 0;
            size_t dlen = (size_t)n, hlen = name[0] ? strlen(host) : 0;
            if (dlen + 1 + hlen >= PATH_MAX)
                return -ENAMETOOLONG;
            if (name[0]) {
                memmove(host + dlen + 1, host, hlen + 1);
                host[dlen] = '/';
            } else {
                host[dlen] = 0;
            }
            memcpy(host, dir, dlen);
        }
        snprintf(name, PATH_MAX, "%s", host);
    }
    struct stat st;
    if ((flags & EXEC_GUEST_AT_SYMLINK_NOFOLLOW) && lstat(host, &st) == 0 && S_ISLNK(st.st_mode))
        return -ELOOP;
    return stat(host, &st) < 0 ? -errno : 0; /* lookup errors come before argument errors */
}

/* ferry's own host path (not the guest's /proc/self/exe), into buf (PATH_MAX bytes). */
static void exec_self_path(char *buf)
{
    ssize_t n = readlink("/proc/self/exe", buf, PATH_MAX - 1);
    if (n > 0) {
        buf[n] = 0;
        if (access(buf, X_OK) == 0)
            return;
    }
    strcpy(buf, "/proc/self/exe"); /* deleted or replaced: still runs */
}

/* Reads argv and envp, plans and execs; returns only on failure (-errno). */
static int64_t exec_run(SysCtx *c, const char *host, const char *name, uint64_t gargv,
                        uint64_t genvp)
{
    char self[PATH_MAX];
    int64_t r;
    char **argv = NULL, **envp = NULL;
    uint64_t used = 0, limit = exec_arg_limit();
    int64_t argc = exec_get_strings(c, gargv, &argv, &used, limit);
    if (argc < 0)
        return argc;
    r = exec_get_strings(c, genvp, &envp, &used, limit);
    if (r >= 0 && argc == 0) {
        /* Linux runs a program given no argv with argv[0] = "" (argv has room for two). */
        argv[0] = strdup("");
        argv[1] = NULL;
        argc = 1;
        r = argv[0] ? 0 : -ENOMEM;
    }
    ExecPlan plan = {0};
    if (r >= 0) {
        exec_self_path(self);
        r = exec_plan(&c->p->opts, self, host, name, argv, (size_t)argc, &plan);
    }
    if (r >= 0) {
        fflush(NULL);
        if (c->p->log && c->p->log != stderr)
            fcntl(fileno(c->p->log), F_SETFD, FD_CLOEXEC);
        execve(plan.path, plan.argv, envp);
        r = -errno;
        exec_plan_free(&plan);
    }
    options_argv_free(argv);
    options_argv_free(envp);
    return r;
}

static int64_t exec_common(SysCtx *c, int dirfd, uint64_t gpath, uint64_t gargv, uint64_t genvp,
                           int flags)
{
    if (flags & ~(EXEC_GUEST_AT_EMPTY_PATH | EXEC_GUEST_AT_SYMLINK_NOFOLLOW))
        return -EINVAL;
    char host[PATH_MAX], name[PATH_MAX];
    int keep_fd;
    int64_t r = exec_get_file(c, dirfd, gpath, flags, host, name, &keep_fd);
    if (r >= 0)
        r = exec_run(c, host, name, gargv, genvp);
    if (keep_fd >= 0)
        close(keep_fd);
    return r;
}

int64_t sys_do_execve(SysCtx *c, const uint64_t *a)
{
    return exec_common(c, AT_FDCWD, a[0], a[1], a[2], 0);
}

int64_t sys_do_execveat(SysCtx *c, const uint64_t *a)
{
    return exec_common(c, sys_fd(a[0]), a[1], a[2], a[3], (int)a[4]);
}
