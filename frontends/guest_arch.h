/*
 * What a frontend provides for one guest architecture.
 *
 * loader/ picks the GuestArch whose ELF identity matches the program, the
 * translator calls translate() to turn guest code into IR, and the exec loop
 * hands guest exceptions (syscalls, undefined instructions, breakpoints,
 * faults) back to handle_exception().  Everything ABI-specific that the
 * shared syscall layer needs is in `sys`.
 */
#ifndef FERRY_FRONTENDS_GUEST_ARCH_H
#define FERRY_FRONTENDS_GUEST_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "translator/cpu.h"
#include "translator/ir.h"

struct SysAbi;
struct SigFrame;

/* What handle_exception tells the exec loop. */
typedef enum ArchExcpResult {
    ARCH_EXCP_CONTINUE, /* resume at cpu->pc */
    ARCH_EXCP_EXIT,     /* the thread is finished (exit already done) */
} ArchExcpResult;

/* Translation limits passed to translate(). */
typedef struct ArchTranslateOpts {
    int max_insns; /* 1 for -one-insn-per-tb */
} ArchTranslateOpts;

typedef struct GuestArch {
    const char *name;     /* "aarch64": -cpu listings, uname machine, binfmt names */
    uint16_t elf_machine; /* EM_* */
    uint8_t elf_class;    /* ELFCLASS32 / ELFCLASS64 */
    uint8_t elf_data;     /* ELFDATA2LSB / ELFDATA2MSB */
    size_t cpu_size;      /* sizeof the frontend's CPU struct (starts with CPUCommon) */
    uint64_t stack_align; /* initial sp alignment */
    const char *platform; /* AT_PLATFORM string */
    const char *uname_machine;
    uint64_t default_load_base; /* where ET_DYN programs go */

    /* Registers the guest-register globals (once). */
    void (*init_globals)(IrGlobals *g);
    /* Resets a freshly zeroed CPU (registers, FPCR, ID registers). */
    void (*cpu_reset)(CPUCommon *cpu);
    /* Sets the entry state of a new process. */
    void (*cpu_set_entry)(CPUCommon *cpu, uint64_t pc, uint64_t sp);
    /* AT_HWCAP / AT_HWCAP2 for the selected CPU model. */
    uint64_t (*hwcap)(const CPUCommon *cpu, int which);

    /*
     * Translates guest code at ctx->guest_pc into ctx (already reset).
     * Fills ctx->guest_size / ctx->ninsns.  An instruction that cannot be
     * fetched or decoded becomes an exception exit, never an error.
     */
    void (*translate)(IrContext *ctx, CPUCommon *cpu, const ArchTranslateOpts *o);

    /* Handles exception number `excp` (from IR_EXIT_EXCP + excp). */
    ArchExcpResult (*handle_exception)(CPUCommon *cpu, int excp);

    /*
     * Signal frames (frontends/<isa>/sigframe.c).  sig_setup_frame builds the
     * guest's rt_sigframe below f->sp_top and enters the handler; returns 0 or
     * -EFAULT (guest state untouched).  sig_restore_frame reads the frame at
     * the guest sp back (rt_sigreturn), fills f->oldmask and f->ss_*, returns 0
     * or -EFAULT.  sig_sp is the guest stack pointer.
     */
    int (*sig_setup_frame)(CPUCommon *cpu, const struct SigFrame *f);
    int (*sig_restore_frame)(CPUCommon *cpu, struct SigFrame *f);
    uint64_t (*sig_sp)(const CPUCommon *cpu);
    /* Code of the sigreturn trampoline ferry maps for handlers without SA_RESTORER. */
    const uint8_t *sig_tramp;
    uint32_t sig_tramp_size;

    /*
     * Host FP state of generated code (optional): fp_enter makes the host FP
     * control state the guest's before generated code or the interpreter runs;
     * fp_leave takes back what guest code left in it (`host_status`: the x86-64
     * MXCSR, live or from a fault's ucontext) and restores the host default.
     */
    void (*fp_enter)(CPUCommon *cpu);
    void (*fp_leave)(CPUCommon *cpu, uint32_t host_status);

    /* Guest-register dump for -d cpu and crash reports. */
    void (*dump_state)(const CPUCommon *cpu, FILE *out);

    const struct SysAbi *sys; /* syscall numbers, struct layouts, flag maps */
    /* Writes the /proc/cpuinfo text of cpu's model. */
    void (*cpuinfo)(const CPUCommon *cpu, FILE *out);
    /* -cpu model names, NULL-terminated; NULL when the option is ignored. */
    const char *const *cpu_models;
    /* Properties accepted after the model (-cpu model,prop,...), NULL-terminated: "name" for any
     * value, "name=value" for one; qemu's, where they ask for what the model already is. */
    const char *const *cpu_props;
} GuestArch;

/* All frontends linked into ferry; NULL-terminated. */
extern const GuestArch *const guest_arches[];
/* Returns the frontend for an ELF identity, or NULL. */
const GuestArch *guest_arch_find(uint16_t machine, uint8_t elf_class, uint8_t elf_data);

#endif
