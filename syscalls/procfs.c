/*
 * Guest views of /proc files whose host contents would describe ferry
 * instead of the guest: /proc/cpuinfo (the frontend's text), and for the
 * process itself /proc/self/maps (the guest region list, with the file,
 * offset, device and inode of the host mapping behind each region), auxv, cmdline
 * and environ (read from the guest's initial stack, so changes the guest
 * makes there show, as on Linux), stat (the host's line with the guest's
 * name and addresses) and comm.  "Itself" is /proc/self/, /proc/<pid>/,
 * /proc/thread-self/ and /proc/<pid or self>/task/<tid>/ for one of its
 * threads.  openat answers them with a memfd holding the generated text;
 * readlink of exe is answered in path.c.
 *
 * XXX: images the loader copied in (the program, its interpreter) are not
 * file mappings on the host: the program's regions are named with offset
 * 0, the interpreter's not at all.
 */
#include "syscalls/internal.h"

#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "frontends/guest_arch.h"

#define PROC_COMM_LEN 16 /* TASK_COMM_LEN */

/* Skips "<number>/" at *p when the number is n; true when it did. */
static bool proc_skip_id(const char **p, long n)
{
    char *end;
    long v = strtol(*p, &end, 10);
    if (end == *p || *end != '/' || v != n || **p == '0' || **p == '-' || **p == '+')
        return false;
    *p = end + 1;
    return true;
}

/* Skips "task/<tid>/" at *p for a thread of this process. */
static bool proc_skip_task(const char **p)
{
    const char *q = *p;
    if (strncmp(q, "task/", 5))
        return false;
    q += 5;
    char *end;
    long tid = strtol(q, &end, 10);
    char dir[64];
    if (end == q || *end != '/' || *q == '0' || *q == '-' || *q == '+')
        return false;
    snprintf(dir, sizeof(dir), "/proc/self/task/%ld", tid);
    if (access(dir, F_OK) < 0)
        return false;
    *p = end + 1;
    return true;
}

/* The file name below this process's (or one of its threads') /proc directory, or NULL. */
static const char *proc_self_file(const char *path)
{
    const char *p = path;
    if (strncmp(p, "/proc/", 6))
        return NULL;
    p += 6;
    if (!strncmp(p, "thread-self/", 12))
        return p + 12;
    if (!strncmp(p, "self/", 5))
        p += 5;
    else if (!proc_skip_id(&p, (long)getpid()))
        return NULL;
    proc_skip_task(&p);
    return strchr(p, '/') ? NULL : p;
}

/* True for "<own /proc directory>/<name>". */
static bool sys_is_proc_self(const char *path, const char *name)
{
    const char *f = proc_self_file(path);
    return f && !strcmp(f, name);
}

bool sys_is_proc_exe(const char *path)
{
    return sys_is_proc_self(path, "exe");
}

/* One line of the host's /proc/self/maps that maps a file. */
typedef struct HostMap {
    uint64_t start, end, offset, inode;
    unsigned dev_major, dev_minor;
    char *path;
} HostMap;

typedef struct MapsCtx {
    FILE *out;
    const Process *p;
    HostMap *host; /* the host's file mappings, in address order */
    size_t nhost;
} MapsCtx;

/* Reads the host's file mappings into m->host (none when out of memory). */
static void proc_host_maps(MapsCtx *m)
{
    FILE *f = fopen("/proc/self/maps", "re");
    if (!f)
        return;
    char *line = NULL;
    size_t cap = 0, room = 0;
    while (getline(&line, &cap, f) > 0) {
        HostMap h;
        int pos = 0;
        if (sscanf(line, "%" SCNx64 "-%" SCNx64 " %*s %" SCNx64 " %x:%x %" SCNu64 " %n", &h.start,
                   &h.end, &h.offset, &h.dev_major, &h.dev_minor, &h.inode, &pos) < 6 ||
            !pos || line[pos] != '/')
            continue;
        line[strcspn(line, "\n")] = 0;
        if (m->nhost == room) {
            HostMap *n = realloc(m->host, (room * 2 + 16) * sizeof(*n));
            if (!n)
                break;
            m->host = n;
            room = room * 2 + 16;
        }
        if (!(h.path = strdup(line + pos)))
            break;
        m->host[m->nhost++] = h;
    }
    free(line);
    fclose(f);
}

static void proc_host_maps_free(MapsCtx *m)
{
    for (size_t i = 0; i < m->nhost; i++)
        free(m->host[i].path);
    free(m->host);
}

/* The host file mapping at host address a, or NULL. */
static const HostMap *proc_host_map_at(const MapsCtx *m, uint64_t a)
{
    for (size_t i = 0; i < m->nhost; i++)
        if (a >= m->host[i].start && a < m->host[i].end)
            return &m->host[i];
    return NULL;
}

/* A host file path as the guest names it: without the sysroot's prefix. */
static const char *proc_guest_name(const Process *p, const char *host)
{
    const char *root = p->opts.sysroot;
    size_t n = root ? strlen(root) : 0;
    if (n > 1 && !strncmp(host, root, n) && host[n] == '/')
        return host + n;
    return host;
}

static void sys_maps_line(const GuestRegion *r, void *opaque)
{
    MapsCtx *m = opaque;
    uint64_t h = (uint64_t)(uintptr_t)m->p->mem.base + r->start;
    const HostMap *hm = proc_host_map_at(m, h);
    const char *name = "";
    if (r->flags & GMEM_STACK)
        name = "[stack]";
    else if (r->flags & GMEM_BRK)
        name = "[heap]";
    else if ((r->flags & GMEM_IMAGE) && m->p->exe_path) /* mapped from its file, or read */
        name = m->p->exe_guest ? m->p->exe_guest : m->p->exe_path;
    else if (hm)
        name = proc_guest_name(m->p, hm->path);
    int n = fprintf(
        m->out, "%08llx-%08llx %c%c%c%c %08llx %02x:%02x %llu ", (unsigned long long)r->start,
        (unsigned long long)r->end, r->prot & PROT_READ ? 'r' : '-',
        r->prot & PROT_WRITE ? 'w' : '-', r->prot & PROT_EXEC ? 'x' : '-', 'p',
        hm ? (unsigned long long)(hm->offset + (h - hm->start)) : 0ull, hm ? hm->dev_major : 0,
        hm ? hm->dev_minor : 0, hm ? (unsigned long long)hm->inode : 0ull);
    if (*name)
        fprintf(m->out, "%*s%s", n < 73 ? 73 - n : 0, "", name);
    fputc('\n', m->out);
}

/* Reads the host file at path into buf (len bytes, NUL-terminated); false on error. */
static bool proc_read_host(const char *path, char *buf, size_t len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    ssize_t n = read(fd, buf, len - 1);
    close(fd);
    if (n < 0)
        return false;
    buf[n] = 0;
    return true;
}

/*
 * The guest's name for a task whose host name is `host`: ferry's own name
 * (what exec'ing ferry set) becomes the guest program's, as exec would
 * have named it; a name the guest set (PR_SET_NAME) stays.
 */
static void proc_guest_comm(const SysCtx *c, const char *host, char *out)
{
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    self[n > 0 ? n : 0] = 0;
    const char *own = strrchr(self, '/') ? strrchr(self, '/') + 1 : self;
    snprintf(out, PROC_COMM_LEN, "%s", host);
    if (c->p->exe_path && !strncmp(host, own, PROC_COMM_LEN - 1)) {
        const char *g = strrchr(c->p->exe_path, '/');
        snprintf(out, PROC_COMM_LEN, "%s", g ? g + 1 : c->p->exe_path);
    }
}

static void proc_add_size(const GuestRegion *r, void *opaque)
{
    *(uint64_t *)opaque += r->end - r->start;
}

/* stat: the host's line with the guest's name, size and addresses (stat fields 23-51). */
static bool proc_stat(SysCtx *c, const char *path, FILE *out)
{
    char line[2048], comm[PROC_COMM_LEN], host_comm[PROC_COMM_LEN];
    if (!proc_read_host(path, line, sizeof(line)))
        return false;
    char *open = strchr(line, '('), *close = strrchr(line, ')');
    if (!open || !close || close < open || close[1] != ' ')
        return false;
    snprintf(host_comm, sizeof(host_comm), "%.*s", (int)(close - open - 1), open + 1);
    proc_guest_comm(c, host_comm, comm);
    const ElfInfo *e = &c->p->elf;
    uint64_t vsize = 0;
    gmem_foreach(c->mem, proc_add_size, &vsize);
    const struct {
        int field;
        uint64_t v;
    } repl[] = {
        {23, vsize},
        {26, e->start_code},
        {27, e->end_code},
        {28, e->sp},
        {29, 0},
        {30, 0},
        {45, e->start_data},
        {46, e->end_data},
        {47, e->start_brk},
        {48, e->arg_start},
        {49, e->arg_end},
        {50, e->env_start},
        {51, e->env_end},
    };
    fprintf(out, "%.*s(%s)", (int)(open - line), line, comm);
    char *save = NULL;
    int field = 3;
    for (char *f = strtok_r(close + 2, " \n", &save); f; f = strtok_r(NULL, " \n", &save)) {
        size_t i = 0;
        while (i < sizeof(repl) / sizeof(repl[0]) && repl[i].field != field)
            i++;
        if (i < sizeof(repl) / sizeof(repl[0]))
            fprintf(out, " %llu", (unsigned long long)repl[i].v);
        else
            fprintf(out, " %s", f);
        field++;
    }
    fputc('\n', out);
    return true;
}

/* comm: the host's, named as proc_guest_comm says. */
static bool proc_comm(SysCtx *c, const char *path, FILE *out)
{
    char host[64], comm[PROC_COMM_LEN];
    if (!proc_read_host(path, host, sizeof(host)))
        return false;
    host[strcspn(host, "\n")] = 0;
    proc_guest_comm(c, host, comm);
    fprintf(out, "%s\n", comm);
    return true;
}

/* Copies guest memory [start, end) (part of the initial stack) to out. */
static void proc_guest_bytes(SysCtx *c, uint64_t start, uint64_t end, FILE *out)
{
    if (end <= start)
        return;
    const void *h = gmem_ptr(c->mem, start, end - start, PROT_READ);
    if (h)
        fwrite(h, 1, end - start, out);
}

/* Writes the generated contents of `path` to out; false when path is not emulated. */
static bool sys_proc_contents(SysCtx *c, const char *path, FILE *out)
{
    const GuestArch *arch = c->cpu->arch ? c->cpu->arch : c->p->arch;
    if (!strcmp(path, "/proc/cpuinfo") && arch && arch->cpuinfo) {
        arch->cpuinfo(c->cpu, out);
        return true;
    }
    const char *f = proc_self_file(path);
    const ElfInfo *e = &c->p->elf;
    if (!f)
        return sys_peer_cmdline(path, out);
    if (!strcmp(f, "maps")) {
        MapsCtx m = {out, c->p, NULL, 0};
        proc_host_maps(&m);
        gmem_foreach(c->mem, sys_maps_line, &m);
        proc_host_maps_free(&m);
        return true;
    }
    if (!strcmp(f, "auxv") && e->auxv_len) {
        proc_guest_bytes(c, e->auxv_start, e->auxv_start + e->auxv_len, out);
        return true;
    }
    if (!strcmp(f, "cmdline") && e->arg_end) {
        proc_guest_bytes(c, e->arg_start, e->arg_end, out);
        return true;
    }
    if (!strcmp(f, "environ") && e->env_end) {
        proc_guest_bytes(c, e->env_start, e->env_end, out);
        return true;
    }
    if (!strcmp(f, "stat") && e->sp)
        return proc_stat(c, path, out);
    if (!strcmp(f, "comm"))
        return proc_comm(c, path, out);
    return false;
}

int sys_open_emulated(SysCtx *c, const char *path, int flags)
{
    if (strncmp(path, "/proc/", 6))
        return -ENOENT;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out)
        return -ENOMEM;
    bool known = sys_proc_contents(c, path, out);
    fclose(out);
    int fd = -ENOENT;
    if (known) {
        fd = memfd_create("ferry-proc", (flags & O_CLOEXEC) ? MFD_CLOEXEC : 0);
        if (fd < 0)
            fd = -errno;
        else if (write(fd, text, len) != (ssize_t)len || lseek(fd, 0, SEEK_SET) < 0) {
            close(fd);
            fd = -EIO;
        }
    }
    free(text);
    return fd;
}
