/*
 * The state of one emulated process: options from the command line and
 * environment, the guest architecture, guest memory, and what the loader
 * found (entry point, auxv values).  Shared by all guest threads.
 */
#ifndef FERRY_LOADER_PROCESS_H
#define FERRY_LOADER_PROCESS_H

#include <stdbool.h>
#include <stdint.h>

#include "frontends/guest_arch.h"
#include "loader/guest_mem.h"

/* -d log items (bits). */
enum {
    LOG_IN_ASM = 1u << 0,  /* guest instructions of each translated TB */
    LOG_OP = 1u << 1,      /* IR before optimization */
    LOG_OP_OPT = 1u << 2,  /* IR after optimization */
    LOG_OUT_ASM = 1u << 3, /* host code */
    LOG_EXEC = 1u << 4,    /* each TB executed */
    LOG_CPU = 1u << 5,     /* CPU state before each TB */
    LOG_UNIMP = 1u << 6,   /* unimplemented features / syscalls */
    LOG_STRACE = 1u << 7,  /* same as -strace */
    LOG_PAGE = 1u << 8,    /* guest memory map after loading */
};

typedef struct Options {
    const char *program;   /* path given on the command line */
    const char *argv0;     /* -0: argv[0] for the guest, NULL to use program */
    char **guest_argv;     /* arguments after the program (NULL-terminated) */
    char **guest_envp;     /* environment for the guest (NULL-terminated) */
    const char *sysroot;   /* -L */
    const char *cpu_model; /* -cpu */
    const char *log_file;  /* -D */
    unsigned log_mask;     /* -d */
    bool no_jit;           /* -no-jit: run the IR interpreter */
    bool one_insn_per_tb;  /* -one-insn-per-tb */
    bool strace;           /* -strace */
    uint64_t stack_size;   /* -s */
    uintptr_t guest_base;  /* -B (0: choose) */
    uint64_t reserved_va;  /* -R (0: default) */
    const char *uname;     /* -r: uname's release for the guest (NULL: the host's) */
    bool has_seed;         /* -seed given: AT_RANDOM is derived from rand_seed */
    uint64_t rand_seed;    /* -seed */
    int exec_fd;           /* AT_EXECFD from binfmt 'O', or -1 */
} Options;

typedef struct ElfInfo {
    uint64_t entry;     /* entry of the program (after relocation) */
    uint64_t load_bias; /* ET_DYN offset, 0 for ET_EXEC */
    uint64_t phdr, phent, phnum;
    uint64_t start_code, end_code, start_data, end_data, start_brk;
    uint64_t interp_base; /* AT_BASE: 0 without PT_INTERP */
    uint64_t interp_entry;
    uint64_t stack_top, sp;        /* initial stack */
    uint64_t auxv_start, auxv_len; /* guest copy of auxv, for /proc/self/auxv */
    uint64_t arg_start, arg_end, env_start, env_end;
    uint64_t execfn;
} ElfInfo;

typedef struct Process {
    Options opts;
    const GuestArch *arch;
    GuestMem mem;
    ElfInfo elf;
    const char *exe_path;  /* absolute host path of the guest executable (/proc/self/exe) */
    const char *exe_guest; /* the same as the guest names it (without the sysroot), or NULL */
    FILE *log;             /* -D file or stderr */
    struct Translator *tr; /* the translator (TB cache, code buffer) */
} Process;

#endif
