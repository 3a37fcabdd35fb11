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
 * Loads the static program in `fd` (named `name` in messages) into p->mem,
 * which must be initialised.  Sets p->arch and p->elf (entry, phdr, code
 * and data bounds, brk start) and the brk of p->mem.  Returns 0, or -errno
 * (-ENOEXEC for format errors) with *err set; guest memory may then hold
 * part of the image.
 */
int elf_load(Process *p, int fd, const char *name, ElfError *err);

#endif
