/*
 * execve / execveat: how a guest program runs another program.
 *
 * The file's first bytes decide, as in the kernel: an ELF for one of
 * ferry's guests re-executes ferry itself with the same options
 * (options_to_argv), `-0 argv[0]` and the program; a `#!` script is
 * rewritten to [interpreter, optional argument, script, argv[1..]] and its
 * interpreter (looked up under the sysroot) decided the same way; anything
 * else (a host program) is handed to the host's execve as it is, which also
 * gives the kernel's errno for what nobody can run.
 *
 * exec_plan is the decision without the exec, so it can be tested alone.
 */
#ifndef FERRY_SYSCALLS_EXECVE_H
#define FERRY_SYSCALLS_EXECVE_H

#include <stdbool.h>
#include <stddef.h>

#include "loader/process.h"

#define EXEC_BUF_SIZE 256 /* bytes the kernel reads to pick a format (BINPRM_BUF_SIZE) */
#define EXEC_MAX_DEPTH 5  /* interpreter rewrites before ELOOP */

/* What to pass to the host's execve. */
typedef struct ExecPlan {
    char *path;  /* host file to execute */
    char **argv; /* NULL-terminated; every string malloc'd */
} ExecPlan;

/*
 * Parses the `#!` line in buf (n bytes read from the file, `full` when n
 * is the whole EXEC_BUF_SIZE so the line may be cut) as the kernel does:
 * *interp and *arg (NULL when absent) are malloc'd.  Returns 0, -ENOEXEC
 * (no interpreter, or its name cut by the buffer end) or -ENOMEM.
 */
int exec_parse_shebang(const char *buf, size_t n, bool full, char **interp, char **arg);

/*
 * Decides how to run the host file `file` (spelt `name` by the guest, what
 * a script's interpreter gets as its script argument) with `argv` (argc
 * strings, argc >= 1) for a process with options o; `self` is ferry's own
 * host path.  Returns 0 with *plan filled, or -errno (ENOENT, EACCES,
 * ENOEXEC, ELOOP, ENOMEM, ...) with *plan untouched.
 */
int exec_plan(const Options *o, const char *self, const char *file, const char *name,
              char *const *argv, size_t argc, ExecPlan *plan);
void exec_plan_free(ExecPlan *plan);

#endif
