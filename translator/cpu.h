/*
 * The guest-independent head of every guest CPU state.
 *
 * Each frontend's CPU struct (e.g. A64CPU) starts with a CPUCommon, so the
 * exec loop, the TB cache, signals and the syscall layer can work on any
 * guest through a CPUCommon pointer, and generated code reaches both parts
 * through one base register.  One CPU state per guest thread.
 */
#ifndef FERRY_TRANSLATOR_CPU_H
#define FERRY_TRANSLATOR_CPU_H

#include <stdint.h>

struct Process;
struct GuestArch;
struct TB;

#define CPU_JMP_CACHE_BITS 12
#define CPU_JMP_CACHE_SIZE (1u << CPU_JMP_CACHE_BITS)

typedef struct CPUCommon {
    uint8_t *guest_base;           /* host address of guest address 0 (fixed offset 0) */
    volatile int32_t exit_request; /* nonzero: leave generated code at the next TB entry */
    uint32_t tb_flags;             /* translation-relevant mode bits (part of the TB key) */
    uint64_t pc;                   /* guest pc when outside generated code */
    uint64_t excp_addr;            /* fault address of the pending exception */
    uint64_t insn_pc;              /* interpreter: guest pc of the executing instruction */
    struct Process *proc;          /* the process this thread belongs to */
    const struct GuestArch *arch;
    struct TB **jmp_cache;    /* per-thread indirect-branch cache, CPU_JMP_CACHE_SIZE */
    uint64_t host_scratch[4]; /* scratch for generated code (spills of fixed regs) */
    /* Guest addresses are < mem_size (the window).  Generated code checks the address of
     * every guest access against it; for one outside, it stores the address in wild_addr
     * and accesses guest_base + CPU_WILD_TRAP instead, a non-canonical host address whose
     * fault (#GP: SIGSEGV, SI_KERNEL, no address) the host fault handler turns into the
     * guest's SIGSEGV at wild_addr.  The interpreter checks and raises directly. */
    uint64_t mem_size;
    uint64_t wild_addr;
} CPUCommon;

#define CPU_WILD_TRAP (1ull << 63)

/* Index into CPUCommon.jmp_cache for a guest pc. */
static inline uint32_t cpu_jmp_cache_hash(uint64_t pc)
{
    return (uint32_t)((pc >> 2) ^ (pc >> (2 + CPU_JMP_CACHE_BITS))) & (CPU_JMP_CACHE_SIZE - 1);
}

#endif
