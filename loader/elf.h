/*
 * The ELF loader: opens the guest program the way execve(2) checks it,
 * picks the frontend from the ELF identity and maps the PT_LOAD segments
 * into guest memory, filling Process.elf.
 *
 * Errors are returned, not printed: ElfError carries the exit status a
 * shell would give (127 missing, 126 unusable) and the one-line message
 * ("ferry: PROG: ..."), so main prints it and the unit tests check it.
 */
#ifndef FERRY_LOADER_ELF_H
#define FERRY_LOADER_ELF_H

#include <stdbool.h>
#include <stddef.h>

#include "loader/process.h"

typedef struct ElfError {
    int status;    /* exit status for main: 126 or 127 */
    char msg[512]; /* one line, no trailing newline */
} ElfError;

/*
 * Opens `path` read-only after the checks execve makes (exists, regular
 * file, executable by someone).  Returns the fd, or -errno with *err set.
 */
int elf_open(const char *path, ElfError *err);

/* ELFCLASS32/ELFCLASS64 of the file in fd, or 0: sizes the window before elf_load. */
int elf_peek_class(int fd);

/*
 * Loads the program in `fd` (named `name` in messages) into p->mem, which
 * must be initialised.  Sets p->arch and p->elf (entry, phdr, code and data
 * bounds, brk start) and the brk of p->mem.  A program with PT_INTERP also
 * gets its interpreter, looked up under p->opts.sysroot (an absolute path
 * or NULL): p->elf.interp_base is its load bias (AT_BASE) and
 * p->elf.interp_entry where the guest starts.  Without a sysroot, when the
 * host has no interpreter for the guest's architecture at that path, the
 * Debian cross sysroot (/usr/aarch64-linux-gnu, ...) is used if present
 * and p->opts.sysroot is set to it.  Returns 0, or -errno (-ENOEXEC for
 * format errors) with *err set (status 127 for a missing interpreter);
 * guest memory may then hold part of the image.
 */
int elf_load(Process *p, int fd, const char *name, ElfError *err);

/*
 * The host path of the guest path `path` under `sysroot` (loader/sysroot.c):
 * true with the path in out (outlen bytes) when path is absolute, not under
 * /proc, /dev or /sys, and its lookup inside the sysroot, chroot-like
 * (symlinks on the way followed inside the sysroot; the last one too when
 * `follow`), finds an entry there; also true when a symlink there leads
 * into /proc, /dev or /sys (out is that host path).  False otherwise (use
 * path as is), also for no sysroot or /.  elf_sysroot_path: follow false.
 */
bool elf_sysroot_resolve(const char *sysroot, const char *path, bool follow, char *out,
                         size_t outlen);
bool elf_sysroot_path(const char *sysroot, const char *path, char *out, size_t outlen);

#endif
