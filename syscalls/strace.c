/*
 * -strace output in qemu's style: "PID name(arg, arg) = ret" on the log,
 * strings quoted and truncated, pointers in hex, errors as
 * "-1 errno=N (Text)", flag words by name.  The argument formats come from
 * sys_list.def.
 */
#include "syscalls/internal.h"

#include <ctype.h>
#include <string.h>
#include <unistd.h>

#define STRACE_STR_MAX 64

static const char *const sys_arg_formats[SYS_ID_COUNT] = {
#define SYS(name, args) [SYS_ID_##name] = args,
#include "syscalls/sys_list.def"
#undef SYS
};

typedef struct StraceFlag {
    uint64_t bit;
    const char *name;
} StraceFlag;

/* mount(2) flags (the same values for every Linux guest), in bit order. */
static const StraceFlag mount_flags[] = {
    {1u << 0, "MS_RDONLY"},      {1u << 1, "MS_NOSUID"},
    {1u << 2, "MS_NODEV"},       {1u << 3, "MS_NOEXEC"},
    {1u << 4, "MS_SYNCHRONOUS"}, {1u << 5, "MS_REMOUNT"},
    {1u << 6, "MS_MANDLOCK"},    {1u << 7, "MS_DIRSYNC"},
    {1u << 8, "MS_NOSYMFOLLOW"}, {1u << 10, "MS_NOATIME"},
    {1u << 11, "MS_NODIRATIME"}, {1u << 12, "MS_BIND"},
    {1u << 13, "MS_MOVE"},       {1u << 14, "MS_REC"},
    {1u << 15, "MS_SILENT"},     {1u << 16, "MS_POSIXACL"},
    {1u << 17, "MS_UNBINDABLE"}, {1u << 18, "MS_PRIVATE"},
    {1u << 19, "MS_SLAVE"},      {1u << 20, "MS_SHARED"},
    {1u << 21, "MS_RELATIME"},   {1u << 22, "MS_KERNMOUNT"},
    {1u << 23, "MS_I_VERSION"},  {1u << 24, "MS_STRICTATIME"},
    {1u << 25, "MS_LAZYTIME"},   {0, NULL},
};

/* umount2(2) flags. */
static const StraceFlag umount_flags[] = {
    {1u << 0, "MNT_FORCE"},
    {1u << 1, "MNT_DETACH"},
    {1u << 2, "MNT_EXPIRE"},
    {1u << 3, "UMOUNT_NOFOLLOW"},
    {0, NULL},
};

/* "A|B|0x..." for the flags of v, "0" for none. */
static void strace_flags(FILE *log, const StraceFlag *t, uint64_t v)
{
    if (!v) {
        fputc('0', log);
        return;
    }
    const char *sep = "";
    for (; t->name; t++) {
        if (v & t->bit) {
            fprintf(log, "%s%s", sep, t->name);
            sep = "|";
            v &= ~t->bit;
        }
    }
    if (v)
        fprintf(log, "%s0x%llx", sep, (unsigned long long)v);
}

bool sys_strace_on(const SysCtx *c)
{
    return c->p && (c->p->opts.strace || (c->p->opts.log_mask & LOG_STRACE));
}

static void strace_string(SysCtx *c, FILE *log, uint64_t gaddr)
{
    if (!gaddr) {
        fputs("NULL", log);
        return;
    }
    int64_t len = gmem_strlen(c->mem, gaddr, PATH_MAX);
    if (len < 0) {
        fprintf(log, "0x%llx", (unsigned long long)gaddr);
        return;
    }
    char buf[STRACE_STR_MAX];
    size_t n = len < STRACE_STR_MAX ? (size_t)len : STRACE_STR_MAX;
    if (gmem_read(c->mem, buf, gaddr, n) < 0)
        n = 0;
    fputc('"', log);
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)buf[i];
        if (ch == '"' || ch == '\\')
            fprintf(log, "\\%c", ch);
        else if (ch == '\n')
            fputs("\\n", log);
        else if (isprint(ch))
            fputc(ch, log);
        else
            fprintf(log, "\\%03o", ch);
    }
    fputs(len > (int64_t)n ? "\"..." : "\"", log);
}

static void strace_arg(SysCtx *c, FILE *log, char fmt, uint64_t v)
{
    switch (fmt) {
    case 'd':
        fprintf(log, "%d", (int)v);
        break;
    case 'l':
        fprintf(log, "%lld", (long long)v);
        break;
    case 'u':
        fprintf(log, "%llu", (unsigned long long)v);
        break;
    case 'o':
        fprintf(log, "0%llo", (unsigned long long)v);
        break;
    case 's':
        strace_string(c, log, v);
        break;
    case 'm': /* the legacy magic MS_MGC_VAL in bits 31:16 is ignored by the kernel */
        if ((v & 0xffff0000u) == 0xc0ed0000u) {
            fputs("MS_MGC_VAL|", log);
            v &= 0xffff;
        }
        strace_flags(log, mount_flags, v);
        break;
    case 'M':
        strace_flags(log, umount_flags, (uint32_t)v);
        break;
    case 'f':
        if ((int)v == -100)
            fputs("AT_FDCWD", log);
        else
            fprintf(log, "%d", (int)v);
        break;
    case 'p':
        if (!v) {
            fputs("NULL", log);
            break;
        }
        /* fallthrough */
    default:
        fprintf(log, "0x%llx", (unsigned long long)v);
        break;
    }
}

void sys_strace_enter(SysCtx *c, uint64_t nr, const SysEntry *e, const uint64_t *a)
{
    FILE *log = sys_log(c);
    const char *fmt = e && e->id < SYS_ID_COUNT ? sys_arg_formats[e->id] : NULL;
    fprintf(log, "%d ", (int)getpid());
    if (e)
        fprintf(log, "%s(", e->name);
    else
        fprintf(log, "syscall_%llu(", (unsigned long long)nr);
    if (!fmt)
        fmt = "xxxxxx";
    for (int i = 0; fmt[i] && i < 6; i++) {
        if (i)
            fputs(",", log);
        strace_arg(c, log, fmt[i], a[i]);
    }
    fputc(')', log);
    /* Calls that do not return on success end their line now; a failed
     * execve then reports its result on a line of its own. */
    if (e && (e->id == SYS_ID_exit || e->id == SYS_ID_exit_group || e->id == SYS_ID_execve ||
              e->id == SYS_ID_execveat))
        fputc('\n', log);
    fflush(log);
}

void sys_strace_exit(SysCtx *c, int64_t ret)
{
    FILE *log = sys_log(c);
    if (ret < 0 && ret >= -4095) {
        int e = (int)-ret;
        fprintf(log, " = -1 errno=%d (%s)\n", sys_errno_h2g(c->abi, e), strerror(e));
    } else if ((uint64_t)ret > 0xffffffffull) {
        fprintf(log, " = 0x%llx\n", (unsigned long long)ret);
    } else {
        fprintf(log, " = %lld\n", (long long)ret);
    }
    fflush(log);
}
