/*
 * `ferry binfmt install|uninstall|status|config`: registers ferry with the
 * kernel's binfmt_misc so that foreign programs run by their own path, and
 * the other side of it: recognising that ferry was started by binfmt_misc.
 *
 * One handler per guest (guest_arches[]), named ferry-<arch>, matching the
 * first 20 bytes of the ELF header: class, data, version, e_type (ET_EXEC or
 * ET_DYN) and e_machine.  The flags must contain P and O (C implies O):
 * ferry knows it was started by binfmt_misc by the AT_EXECFD the O flag
 * gives it, and then reads its arguments with P's layout.
 */
#ifndef FERRY_BINFMT_BINFMT_H
#define FERRY_BINFMT_BINFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "frontends/guest_arch.h"

#define BINFMT_DIR "/proc/sys/fs/binfmt_misc"
#define BINFMT_MAGIC_LEN 20
#define BINFMT_DEFAULT_FLAGS "POCF"
#define BINFMT_PREFIX "ferry"

/* What /proc/sys/fs/binfmt_misc/<name> says about one handler. */
typedef struct BinfmtStatus {
    bool enabled;
    char interpreter[4096];
    char flags[16];
} BinfmtStatus;

/* The magic and mask matching a's executables (ET_EXEC and ET_DYN). */
void binfmt_magic(const GuestArch *a, uint8_t magic[BINFMT_MAGIC_LEN],
                  uint8_t mask[BINFMT_MAGIC_LEN]);

/*
 * Checks registration flags: letters of POCF only, with P and O or C.
 * Returns false with a one-line reason in err.
 */
bool binfmt_check_flags(const char *flags, char *err, size_t errlen);

/*
 * Writes the registration line ":<prefix>-<arch>:M::magic:mask:interp:flags"
 * (also the format of a systemd binfmt.d line) into buf.  Returns its length,
 * -EINVAL when interp is not absolute or holds ':' or a newline, or
 * -ENAMETOOLONG when the line does not fit in buf or in the kernel's limit.
 */
int binfmt_entry(const GuestArch *a, const char *prefix, const char *interp, const char *flags,
                 char *buf, size_t len);

/* Parses the text of a handler's file; false when it is not one. */
bool binfmt_parse_status(const char *text, BinfmtStatus *st);

/* The AT_EXECFD binfmt_misc passed (flag O), or -1: not started by binfmt_misc. */
int binfmt_exec_fd(void);

/*
 * Turns the arguments binfmt_misc gives with flag P, [ferry, path, argv0,
 * args...], into ferry's own command line [ferry, -0, argv0, --, path,
 * args...], so options come only from FERRY_* / QEMU_* variables.  Returns
 * a new NULL-terminated vector (argv itself when there is nothing to
 * rewrite, NULL when out of memory) and its length in *out_argc.
 */
char **binfmt_run_argv(int argc, char **argv, int *out_argc);

/* `ferry binfmt ARGS...` with argv[0] = "binfmt"; returns the exit status. */
int binfmt_main(int argc, char **argv);

#endif
