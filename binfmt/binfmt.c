/*
 * `ferry binfmt ...` (see binfmt.h): builds the binfmt_misc registration of
 * each guest from its ELF identity, writes it to (or removes it from)
 * /proc/sys/fs/binfmt_misc, mounting binfmt_misc there when needed, and
 * lists ferry's handlers.  Only handlers whose name starts with "ferry-" are
 * ever touched.  The hidden option --prefix NAME (NAME starting with
 * "ferry-") gives test registrations their own names, NAME-<arch>.
 */
#include "binfmt/binfmt.h"

#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

/* The longest line binfmt_misc's register file accepts. */
#define BINFMT_MAX_LINE 1920

void binfmt_magic(const GuestArch *a, uint8_t magic[BINFMT_MAGIC_LEN],
                  uint8_t mask[BINFMT_MAGIC_LEN])
{
    bool be = a->elf_data == ELFDATA2MSB;
    memset(magic, 0, BINFMT_MAGIC_LEN);
    memset(mask, 0xff, BINFMT_MAGIC_LEN);
    memcpy(magic, ELFMAG, SELFMAG);
    magic[EI_CLASS] = a->elf_class;
    magic[EI_DATA] = a->elf_data;
    magic[EI_VERSION] = EV_CURRENT;
    mask[EI_OSABI] = 0; /* any OS ABI; EI_ABIVERSION and the padding must be 0 */
    /* e_type (offset 16): ET_EXEC (2) or ET_DYN (3), the low bit free. */
    magic[be ? 17 : 16] = ET_EXEC;
    mask[be ? 17 : 16] = 0xfe;
    /* e_machine (offset 18) in the file's byte order. */
    magic[be ? 19 : 18] = a->elf_machine & 0xff;
    magic[be ? 18 : 19] = a->elf_machine >> 8;
}

bool binfmt_check_flags(const char *flags, char *err, size_t errlen)
{
    size_t bad = strspn(flags, "POCF");
    if (flags[bad]) {
        snprintf(err, errlen, "--flags: unknown flag '%c' (known: P, O, C, F)", flags[bad]);
        return false;
    }
    if (!strchr(flags, 'P') || !(strchr(flags, 'O') || strchr(flags, 'C'))) {
        snprintf(err, errlen,
                 "--flags '%s' must contain P and O (or C): ferry recognises a binfmt start by "
                 "the program's file descriptor (AT_EXECFD)",
                 flags);
        return false;
    }
    return true;
}

static size_t binfmt_hex(char *out, const uint8_t *b)
{
    size_t n = 0;
    for (int i = 0; i < BINFMT_MAGIC_LEN; i++)
        n += (size_t)sprintf(out + n, "\\x%02x", b[i]);
    return n;
}

int binfmt_entry(const GuestArch *a, const char *prefix, const char *interp, const char *flags,
                 char *buf, size_t len)
{
    uint8_t magic[BINFMT_MAGIC_LEN], mask[BINFMT_MAGIC_LEN];
    char hmagic[4 * BINFMT_MAGIC_LEN + 1], hmask[4 * BINFMT_MAGIC_LEN + 1];
    if (interp[0] != '/' || strpbrk(interp, ":\n"))
        return -EINVAL;
    binfmt_magic(a, magic, mask);
    binfmt_hex(hmagic, magic);
    binfmt_hex(hmask, mask);
    int n =
        snprintf(buf, len, ":%s-%s:M::%s:%s:%s:%s", prefix, a->name, hmagic, hmask, interp, flags);
    if (n < 0 || (size_t)n >= len || n >= BINFMT_MAX_LINE)
        return -ENAMETOOLONG;
    return n;
}

bool binfmt_parse_status(const char *text, BinfmtStatus *st)
{
    memset(st, 0, sizeof(*st));
    bool state = false;
    for (const char *l = text; *l;) {
        size_t n = strcspn(l, "\n");
        if (n == 7 && !strncmp(l, "enabled", 7))
            state = st->enabled = true;
        else if (n == 8 && !strncmp(l, "disabled", 8))
            state = true;
        else if (n > 12 && !strncmp(l, "interpreter ", 12))
            snprintf(st->interpreter, sizeof(st->interpreter), "%.*s", (int)(n - 12), l + 12);
        else if (n >= 6 && !strncmp(l, "flags:", 6))
            snprintf(st->flags, sizeof(st->flags), "%.*s", (int)(n - 6 - (n > 6)), l + 6 + (n > 6));
        l += n + (l[n] == '\n');
    }
    return state && st->interpreter[0];
}

int binfmt_exec_fd(void)
{
    errno = 0;
    unsigned long fd = getauxval(AT_EXECFD);
    if ((fd == 0 && errno == ENOENT) || fd > INT_MAX)
        return -1;
    return (int)fd;
}

char **binfmt_run_argv(int argc, char **argv, int *out_argc)
{
    *out_argc = argc;
    if (argc < 2)
        return argv;
    char **v = calloc((size_t)argc + 3, sizeof(*v));
    if (!v)
        return NULL;
    int n = 0;
    v[n++] = argv[0];
    if (argc >= 3) {
        v[n++] = "-0";
        v[n++] = argv[2];
    }
    v[n++] = "--";
    v[n++] = argv[1];
    for (int i = 3; i < argc; i++)
        v[n++] = argv[i];
    v[n] = NULL;
    *out_argc = n;
    return v;
}

/* ---- the command ---- */

typedef struct BinfmtCmd {
    const char *verb;
    const char *flags;
    const char *path;   /* --path, or NULL for the default */
    const char *prefix; /* handler names are <prefix>-<arch> */
    bool arch[16];      /* selected entries of guest_arches[] */
    bool any_arch;
    char interp[PATH_MAX];
} BinfmtCmd;

static int binfmt_fail(const char *fmt, ...)
{
    va_list ap;
    fputs("ferry: binfmt: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return 1;
}

static void binfmt_usage(FILE *out)
{
    fprintf(out,
            "usage: ferry binfmt install [ARCH...] [--flags FLAGS] [--path PATH]\n"
            "       ferry binfmt uninstall [ARCH...]\n"
            "       ferry binfmt status\n"
            "       ferry binfmt config [ARCH...] [--flags FLAGS] [--path PATH]\n"
            "Registers ferry with binfmt_misc (handlers ferry-ARCH) so foreign programs run\n"
            "directly.  FLAGS default to " BINFMT_DEFAULT_FLAGS " and must contain P and O (or "
            "C); PATH defaults\nto ferry-static next to ferry, else ferry itself.  config prints "
            "binfmt.d(5) lines.\nGuests:");
    for (size_t i = 0; guest_arches[i]; i++)
        fprintf(out, " %s", guest_arches[i]->name);
    fputc('\n', out);
}

static int binfmt_find_arch(const char *name)
{
    for (int i = 0; guest_arches[i]; i++)
        if (!strcmp(guest_arches[i]->name, name))
            return i;
    return -1;
}

/* Reads --flags/--path/--prefix and ARCH names after the verb; 0, or the exit status. */
static int binfmt_parse(BinfmtCmd *c, int argc, char **argv)
{
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char **dst = !strcmp(a, "--flags")    ? &c->flags
                           : !strcmp(a, "--path")   ? &c->path
                           : !strcmp(a, "--prefix") ? &c->prefix
                                                    : NULL;
        if (dst) {
            if (i + 1 >= argc)
                return binfmt_fail("option '%s' needs an argument", a);
            *dst = argv[++i];
            continue;
        }
        if (a[0] == '-')
            return binfmt_fail("unknown option '%s' (try ferry binfmt --help)", a);
        int idx = binfmt_find_arch(a);
        if (idx < 0 || idx >= (int)(sizeof(c->arch) / sizeof(c->arch[0])))
            return binfmt_fail("unknown guest '%s' (try ferry binfmt --help)", a);
        c->arch[idx] = c->any_arch = true;
    }
    size_t plen = strlen(BINFMT_PREFIX);
    if (strncmp(c->prefix, BINFMT_PREFIX, plen) || (c->prefix[plen] && c->prefix[plen] != '-') ||
        strpbrk(c->prefix, "/:\n"))
        return binfmt_fail("--prefix '%s' must be ferry or start with ferry-", c->prefix);
    char err[256];
    if (!binfmt_check_flags(c->flags, err, sizeof(err)))
        return binfmt_fail("%s", err);
    for (size_t i = 0; !c->any_arch && guest_arches[i] && i < sizeof(c->arch); i++)
        c->arch[i] = true;
    return 0;
}

/* The interpreter: --path, else ferry-static beside this ferry, else this ferry. */
static int binfmt_interp(BinfmtCmd *c)
{
    struct stat st;
    if (c->path) {
        if (!realpath(c->path, c->interp))
            return binfmt_fail("--path %s: %s", c->path, strerror(errno));
        if (stat(c->interp, &st) < 0 || !S_ISREG(st.st_mode) || access(c->interp, X_OK) < 0)
            return binfmt_fail("--path %s: not an executable file", c->path);
        return 0;
    }
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    if (n < 0)
        return binfmt_fail("cannot find ferry's own path (/proc/self/exe): %s", strerror(errno));
    self[n] = 0;
    char *slash = strrchr(self, '/');
    snprintf(c->interp, sizeof(c->interp), "%.*s/ferry-static", (int)(slash - self), self);
    if (stat(c->interp, &st) == 0 && S_ISREG(st.st_mode) && access(c->interp, X_OK) == 0)
        return 0;
    snprintf(c->interp, sizeof(c->interp), "%s", self);
    return 0;
}

/* Mounts binfmt_misc unless its register file is there; 0 or the exit status. */
static int binfmt_mount(void)
{
    if (access(BINFMT_DIR "/register", F_OK) == 0)
        return 0;
    if (mount("binfmt_misc", BINFMT_DIR, "binfmt_misc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0)
        return binfmt_fail("cannot mount binfmt_misc on " BINFMT_DIR ": %s", strerror(errno));
    return 0;
}

/* Writes text to a file of binfmt_misc; 0 or -errno. */
static int binfmt_write(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    ssize_t n = write(fd, text, strlen(text));
    int rc = n < 0 ? -errno : 0;
    close(fd);
    return rc;
}

static int binfmt_need_root(const BinfmtCmd *c)
{
    if (geteuid() == 0)
        return binfmt_mount();
    return binfmt_fail("%s needs root (try: sudo ferry binfmt %s)", c->verb, c->verb);
}

/* True when path is an ELF file with a PT_INTERP (needs shared libraries at run time). */
static bool binfmt_is_dynamic(const char *path)
{
    Elf64_Ehdr eh;
    Elf64_Phdr ph;
    bool dyn = false;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    if (pread(fd, &eh, sizeof(eh), 0) == (ssize_t)sizeof(eh) &&
        !memcmp(eh.e_ident, ELFMAG, SELFMAG) && eh.e_ident[EI_CLASS] == ELFCLASS64 &&
        eh.e_phentsize == sizeof(ph))
        for (unsigned i = 0; i < eh.e_phnum && !dyn; i++)
            dyn = pread(fd, &ph, sizeof(ph), (off_t)(eh.e_phoff + (uint64_t)i * sizeof(ph))) ==
                      (ssize_t)sizeof(ph) &&
                  ph.p_type == PT_INTERP;
    close(fd);
    return dyn;
}

static int binfmt_install(BinfmtCmd *c)
{
    char line[BINFMT_MAX_LINE], file[PATH_MAX];
    int rc = binfmt_need_root(c);
    for (size_t i = 0; !rc && guest_arches[i]; i++) {
        const GuestArch *a = guest_arches[i];
        if (!c->arch[i])
            continue;
        if (binfmt_entry(a, c->prefix, c->interp, c->flags, line, sizeof(line)) < 0)
            return binfmt_fail("cannot register %s as interpreter (':' in it, or too long)",
                               c->interp);
        snprintf(file, sizeof(file), BINFMT_DIR "/%s-%s", c->prefix, a->name);
        int err = binfmt_write(file, "-1");
        if (err < 0 && err != -ENOENT)
            return binfmt_fail("cannot replace %s: %s", file, strerror(-err));
        if ((err = binfmt_write(BINFMT_DIR "/register", line)) < 0)
            return binfmt_fail("cannot register %s-%s: %s", c->prefix, a->name, strerror(-err));
        printf("%s-%s: registered (interpreter %s, flags %s)\n", c->prefix, a->name, c->interp,
               c->flags);
    }
    if (!rc && binfmt_is_dynamic(c->interp))
        printf("note: %s uses shared libraries; in chroots and containers use ferry-static "
               "(make static)\n",
               c->interp);
    return rc;
}

static int binfmt_uninstall(BinfmtCmd *c)
{
    char file[PATH_MAX];
    int rc = binfmt_need_root(c);
    for (size_t i = 0; !rc && guest_arches[i]; i++) {
        if (!c->arch[i])
            continue;
        const char *name = guest_arches[i]->name;
        snprintf(file, sizeof(file), BINFMT_DIR "/%s-%s", c->prefix, name);
        int err = binfmt_write(file, "-1");
        if (err == -ENOENT)
            printf("%s-%s: not registered\n", c->prefix, name);
        else if (err < 0)
            return binfmt_fail("cannot remove %s: %s", file, strerror(-err));
        else
            printf("%s-%s: removed\n", c->prefix, name);
    }
    return rc;
}

static bool binfmt_read(const char *path, char *buf, size_t len)
{
    FILE *f = fopen(path, "re");
    if (!f)
        return false;
    size_t n = fread(buf, 1, len - 1, f);
    buf[n] = 0;
    fclose(f);
    return true;
}

static int binfmt_name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Prints one line per ferry-* handler; returns how many. */
static int binfmt_list(void)
{
    DIR *d = opendir(BINFMT_DIR);
    char *names[256];
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d)) && n < 256;)
        if (!strncmp(e->d_name, BINFMT_PREFIX "-", strlen(BINFMT_PREFIX) + 1) &&
            (names[n] = strdup(e->d_name)))
            n++;
    if (d)
        closedir(d);
    qsort(names, (size_t)n, sizeof(names[0]), binfmt_name_cmp);
    char text[8192], path[PATH_MAX];
    BinfmtStatus st;
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof(path), BINFMT_DIR "/%s", names[i]);
        if (binfmt_read(path, text, sizeof(text)) && binfmt_parse_status(text, &st))
            printf("%s: %s, interpreter %s, flags %s\n", names[i],
                   st.enabled ? "enabled" : "disabled", st.interpreter, st.flags);
        free(names[i]);
    }
    return n;
}

static int binfmt_status(BinfmtCmd *c)
{
    char text[64], path[PATH_MAX];
    if (geteuid() == 0 && binfmt_mount())
        return 1;
    if (!binfmt_read(BINFMT_DIR "/status", text, sizeof(text))) {
        printf("binfmt_misc is not mounted on " BINFMT_DIR " (ferry binfmt install mounts it)\n");
        return 0;
    }
    printf("binfmt_misc: %s", text[0] ? text : "unknown\n");
    binfmt_list();
    for (size_t i = 0; guest_arches[i]; i++) {
        snprintf(path, sizeof(path), BINFMT_DIR "/%s-%s", c->prefix, guest_arches[i]->name);
        if (access(path, F_OK) < 0)
            printf("%s-%s: not registered\n", c->prefix, guest_arches[i]->name);
    }
    return 0;
}

static int binfmt_config(BinfmtCmd *c)
{
    char line[BINFMT_MAX_LINE];
    for (size_t i = 0; guest_arches[i]; i++) {
        if (!c->arch[i])
            continue;
        if (binfmt_entry(guest_arches[i], c->prefix, c->interp, c->flags, line, sizeof(line)) < 0)
            return binfmt_fail("cannot register %s as interpreter (':' in it, or too long)",
                               c->interp);
        printf("%s\n", line);
    }
    return 0;
}

int binfmt_main(int argc, char **argv)
{
    BinfmtCmd c = {.flags = BINFMT_DEFAULT_FLAGS, .prefix = BINFMT_PREFIX};
    if (argc < 2 || !strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") ||
        !strcmp(argv[1], "help")) {
        binfmt_usage(argc < 2 ? stderr : stdout);
        return argc < 2;
    }
    c.verb = argv[1];
    int (*fn)(BinfmtCmd *) = !strcmp(c.verb, "install")     ? binfmt_install
                             : !strcmp(c.verb, "uninstall") ? binfmt_uninstall
                             : !strcmp(c.verb, "status")    ? binfmt_status
                             : !strcmp(c.verb, "config")    ? binfmt_config
                                                            : NULL;
    if (!fn)
        return binfmt_fail("unknown command '%s' (install, uninstall, status, config)", c.verb);
    int rc = binfmt_parse(&c, argc, argv);
    if (!rc && (fn == binfmt_install || fn == binfmt_config))
        rc = binfmt_interp(&c);
    if (!rc)
        rc = fn(&c);
    fflush(stdout);
    return rc;
}
