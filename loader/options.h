/*
 * ferry's command line (`ferry [options] PROGRAM [ARGS...]`, the options of
 * qemu-user) and the FERRY_* / QEMU_* environment variables that give
 * their defaults.  Parsing stops at the first non-option, the program.
 */
#ifndef FERRY_LOADER_OPTIONS_H
#define FERRY_LOADER_OPTIONS_H

#include <stddef.h>
#include <stdio.h>

#include "loader/process.h"

#define FERRY_VERSION "0.1.0"

typedef enum OptionsResult {
    OPTIONS_RUN,     /* o is filled: run o->program */
    OPTIONS_EXIT_OK, /* help, version or a list was printed: exit 0 */
    OPTIONS_ERROR,   /* err holds a one-line message (without "ferry: "): exit 1 */
} OptionsResult;

/*
 * Fills o from argv and envp (ferry's own environment, which is also the
 * base of the guest's).  Variables are read first, then the command line,
 * which wins.  Help and lists go to `out`.
 */
OptionsResult options_parse(Options *o, int argc, char **argv, char **envp, FILE *out, char *err,
                            size_t errlen);

/* Frees what options_parse allocated (the guest environment). */
void options_free(Options *o);

/*
 * The command-line options that give o again (-L, -cpu, -d, -D, -strace,
 * -no-jit, -one-insn-per-tb, -s, -B, -R, -r, -seed), for re-running ferry on another
 * program (execve): a malloc'd NULL-terminated vector of malloc'd strings,
 * or NULL when out of memory.  -E/-U are not included (they are already in
 * the guest environment), nor -0 and the program.  Free with
 * options_argv_free.
 */
char **options_to_argv(const Options *o);
void options_argv_free(char **v);

/* Parses a size with an optional k/M/G suffix; false when malformed. */
bool options_parse_size(const char *s, uint64_t *out);

#endif
