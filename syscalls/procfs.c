/*
 * Guest views of /proc files whose host contents would describe ferry
 * instead of the guest: /proc/cpuinfo (the frontend's text), /proc/self/maps
 * (the guest region list) and /proc/self/auxv (the guest's auxv).  openat
 * answers them with a memfd holding the generated text.
 */
#include "syscalls/internal.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "frontends/guest_arch.h"

/* True for "/proc/self/<name>" and "/proc/<own pid>/<name>". */
static bool sys_is_proc_self(const char *path, const char *name)
{
    char own[64];
    snprintf(own, sizeof(own), "/proc/%d/", (int)getpid());
    size_t n = strlen(own);
    if (!strncmp(path, "/proc/self/", 11))
        return !strcmp(path + 11, name);
    return !strncmp(path, own, n) && !strcmp(path + n, name);
}

bool sys_is_proc_exe(const char *path)
{
    return sys_is_proc_self(path, "exe");
}

typedef struct MapsCtx {
    FILE *out;
    const Process *p;
} MapsCtx;

static void sys_maps_line(const GuestRegion *r, void *opaque)
{
    MapsCtx *m = opaque;
    const char *name = "";
    if (r->flags & GMEM_STACK)
        name = "[stack]";
    else if (r->flags & GMEM_BRK)
        name = "[heap]";
    else if ((r->flags & GMEM_IMAGE) && m->p->exe_path)
        name = m->p->exe_path;
    int n = fprintf(m->out, "%08llx-%08llx %c%c%c%c 00000000 00:00 0", (unsigned long long)r->start,
                    (unsigned long long)r->end, r->prot & PROT_READ ? 'r' : '-',
                    r->prot & PROT_WRITE ? 'w' : '-', r->prot & PROT_EXEC ? 'x' : '-', 'p');
    if (*name)
        fprintf(m->out, "%*s%s", n < 73 ? 73 - n : 1, "", name);
    fputc('\n', m->out);
}

/* Writes the generated contents of `path` to out; false when path is not emulated. */
static bool sys_proc_contents(SysCtx *c, const char *path, FILE *out)
{
    const GuestArch *arch = c->cpu->arch ? c->cpu->arch : c->p->arch;
    if (!strcmp(path, "/proc/cpuinfo") && arch && arch->cpuinfo) {
        fputs(arch->cpuinfo, out);
        return true;
    }
    if (sys_is_proc_self(path, "maps")) {
        MapsCtx m = {out, c->p};
        gmem_foreach(c->mem, sys_maps_line, &m);
        return true;
    }
    if (sys_is_proc_self(path, "auxv") && c->p->elf.auxv_len) {
        const void *aux = gmem_ptr(c->mem, c->p->elf.auxv_start, c->p->elf.auxv_len, PROT_READ);
        if (aux)
            fwrite(aux, 1, c->p->elf.auxv_len, out);
        return true;
    }
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
