/*
 * ferry's entry point: parse the options, reserve the guest address space,
 * load the program, build its stack and run its first thread.
 *
 * User errors (bad options, a program that cannot be run) are one line on
 * stderr with the exit status a shell would give; from cpu_loop on, the
 * guest decides the exit status (its exit_group calls exit()).
 *
 * `ferry binfmt ...` is the binfmt_misc command (binfmt/).  A ferry started
 * by binfmt_misc (it has an AT_EXECFD) takes its arguments in the layout of
 * flag P and its options from FERRY_* / QEMU_* variables only.
 */
#include <elf.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "binfmt/binfmt.h"
#include "loader/elf.h"
#include "loader/options.h"
#include "loader/process.h"
#include "loader/stack.h"
#include "signals/signals.h"
#include "translator/exec.h"

#define WINDOW_WANT (1ull << 40)
#define WINDOW_MIN (1ull << 32)

extern char **environ;

static void __attribute__((noreturn)) die(int status, const char *fmt, ...)
{
    va_list ap;
    fputs("ferry: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(status);
}

/* Reserves the guest window: -R, else 4 GiB for 32-bit guests, else 1 TiB (at least 4 GiB). */
static void main_reserve(Process *p, int fd)
{
    uint64_t want = WINDOW_WANT, min = WINDOW_MIN;
    if (p->opts.reserved_va)
        want = min = p->opts.reserved_va;
    else if (elf_peek_class(fd) == ELFCLASS32)
        want = min = 1ull << 32;
    int rc = gmem_init(&p->mem, want, min, p->opts.guest_base);
    if (rc < 0)
        die(1, "cannot reserve the guest address space (0x%llx bytes%s): %s",
            (unsigned long long)want, p->opts.guest_base ? " at the -B address" : "",
            strerror(-rc));
    stack_plan(p);
}

/* Opens the program (or takes binfmt's AT_EXECFD); exits with the shell's status on failure. */
static int main_open(Process *p)
{
    ElfError err = {0};
    int execfd = binfmt_exec_fd();
    p->opts.exec_fd = execfd;
    int fd = execfd >= 0 ? execfd : elf_open(p->opts.program, &err);
    if (fd < 0)
        die(err.status, "%s", err.msg + strlen("ferry: "));
    return fd;
}

/*
 * -L as an absolute path (the guest may chdir); "" and "/" mean none.  A
 * sysroot that does not exist stays as given: nothing is found under it.
 */
static void main_sysroot(Process *p)
{
    const char *s = p->opts.sysroot;
    if (!s || !s[0] || !strcmp(s, "/")) {
        p->opts.sysroot = NULL;
        return;
    }
    char *real = realpath(s, NULL);
    if (real)
        p->opts.sysroot = strcmp(real, "/") ? real : NULL;
}

static void main_load(Process *p, int fd)
{
    ElfError err = {0};
    main_sysroot(p);
    if (elf_load(p, fd, p->opts.program, &err) < 0)
        die(err.status, "%s", err.msg + strlen("ferry: "));
    close(fd);
    char *real = realpath(p->opts.program, NULL);
    p->exe_path = real ? real : p->opts.program;
    /* A program inside the sysroot is named by the guest without the sysroot's prefix. */
    char *root = p->opts.sysroot ? realpath(p->opts.sysroot, NULL) : NULL;
    size_t n = root ? strlen(root) : 0;
    if (n > 1 && !strncmp(p->exe_path, root, n) && p->exe_path[n] == '/')
        p->exe_guest = p->exe_path + n;
    free(root);
    /* The task's name, as exec gives it: what ps, pgrep and /proc/<pid>/comm show. */
    const char *base = strrchr(p->opts.program, '/');
    prctl(PR_SET_NAME, base ? base + 1 : p->opts.program);
}

static void main_open_log(Process *p)
{
    p->log = stderr;
    if (!p->opts.log_file)
        return;
    p->log = fopen(p->opts.log_file, "w");
    if (!p->log)
        die(1, "-D %s: %s", p->opts.log_file, strerror(errno));
    setvbuf(p->log, NULL, _IOLBF, 0);
}

/* argv for the guest: argv0 (-0, else the program path) and the arguments. */
static char **main_guest_argv(const Options *o)
{
    size_t n = 0;
    while (o->guest_argv[n])
        n++;
    char **v = calloc(n + 2, sizeof(*v));
    if (!v)
        die(1, "out of memory");
    v[0] = (char *)(o->argv0 ? o->argv0 : o->program);
    memcpy(v + 1, o->guest_argv, n * sizeof(*v));
    return v;
}

static void print_region(const GuestRegion *r, void *opaque)
{
    FILE *f = opaque;
    fprintf(f, "%016llx-%016llx %016llx %c%c%c%s\n", (unsigned long long)r->start,
            (unsigned long long)r->end, (unsigned long long)(r->end - r->start),
            r->prot & PROT_READ ? 'r' : '-', r->prot & PROT_WRITE ? 'w' : '-',
            r->prot & PROT_EXEC ? 'x' : '-',
            r->flags & GMEM_STACK ? " [stack]"
            : r->flags & GMEM_BRK ? " [heap]"
                                  : "");
}

/* -d page: the guest memory map and the loader's addresses. */
static void main_dump_pages(Process *p)
{
    FILE *f = p->log;
    const ElfInfo *e = &p->elf;
    fprintf(f, "guest_base  %p\nwindow      0x%llx\n", (void *)p->mem.base,
            (unsigned long long)p->mem.size);
    fprintf(f, "%-16s %-16s %-16s prot\n", "start", "end", "size");
    gmem_foreach(&p->mem, print_region, f);
    fprintf(f,
            "start_code  0x%llx\nend_code    0x%llx\nstart_data  0x%llx\n"
            "end_data    0x%llx\nstart_brk   0x%llx\nentry       0x%llx\n"
            "interp_base 0x%llx\ninterp_entry 0x%llx\n"
            "stack_top   0x%llx\nsp          0x%llx\narg_start   0x%llx\n"
            "env_start   0x%llx\nauxv_start  0x%llx\n",
            (unsigned long long)e->start_code, (unsigned long long)e->end_code,
            (unsigned long long)e->start_data, (unsigned long long)e->end_data,
            (unsigned long long)e->start_brk, (unsigned long long)e->entry,
            (unsigned long long)e->interp_base, (unsigned long long)e->interp_entry,
            (unsigned long long)e->stack_top, (unsigned long long)e->sp,
            (unsigned long long)e->arg_start, (unsigned long long)e->env_start,
            (unsigned long long)e->auxv_start);
}

int main(int argc, char **argv)
{
    Process proc;
    Process *p = &proc;
    char err[512];
    memset(p, 0, sizeof(*p));
    if (binfmt_exec_fd() < 0 && argc >= 2 && !strcmp(argv[1], "binfmt"))
        return binfmt_main(argc - 1, argv + 1);
    if (binfmt_exec_fd() >= 0 && !(argv = binfmt_run_argv(argc, argv, &argc)))
        die(1, "out of memory");
    switch (options_parse(&p->opts, argc, argv, environ, stdout, err, sizeof(err))) {
    case OPTIONS_EXIT_OK:
        return 0;
    case OPTIONS_ERROR:
        die(1, "%s", err);
    case OPTIONS_RUN:
        break;
    }
    int fd = main_open(p);
    main_reserve(p, fd);
    main_load(p, fd);
    main_open_log(p);
    int rc = sig_init();
    if (rc < 0)
        die(1, "cannot install signal handlers: %s", strerror(-rc));
    if ((rc = translator_init(p)) < 0)
        die(1, "cannot set up the translator: %s", strerror(-rc));
    CPUCommon *cpu = cpu_new(p);
    if (!cpu)
        die(1, "out of memory");
    rc = stack_setup(p, cpu, main_guest_argv(&p->opts), p->opts.guest_envp, p->opts.program);
    if (rc < 0)
        die(1, "%s: cannot build the initial stack: %s", p->opts.program, strerror(-rc));
    if (p->opts.log_mask & LOG_PAGE)
        main_dump_pages(p);
    uint64_t pc = p->elf.interp_entry ? p->elf.interp_entry : p->elf.entry;
    p->arch->cpu_set_entry(cpu, pc, p->elf.sp);
    cpu_loop(cpu);
    return 0;
}
