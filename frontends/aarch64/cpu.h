/*
 * AArch64 guest CPU state (user mode, EL0).
 *
 * Starts with CPUCommon; generated code addresses every field relative to
 * the same base register.  Flags are kept in a form that is cheap to
 * produce from IR and lets dead flag computations be removed:
 *   N = bit 63 of nf,  Z = (zf == 0),  C = (cf != 0) with cf in {0, 1},
 *   V = bit 63 of vf.
 * 32-bit flag-setting instructions sign-extend their nf/vf values.
 */
#ifndef FERRY_FRONTENDS_AARCH64_CPU_H
#define FERRY_FRONTENDS_AARCH64_CPU_H

#include <stdint.h>

#include "translator/cpu.h"

typedef struct A64CPU {
    CPUCommon common;
    uint64_t x[32]; /* x[31] is SP; XZR is never stored */
    uint64_t nf, zf, cf, vf;
    uint64_t tpidr_el0;
    uint64_t tpidrro_el0;
    uint32_t fpcr, fpsr;
    /* exclusive monitor (LDXR/STXR): address, size in bytes (0: clear), values seen */
    uint64_t excl_addr;
    uint64_t excl_size;
    uint64_t excl_val, excl_val2;
    const struct A64CpuModel *model; /* -cpu model (cpu_model.h); NULL: max */
    uint64_t pstate_ext;             /* PSTATE.SSBS (bit 12) and DIT (bit 24), as MRS reads them */
    /* scratch for helpers that return more than one value */
    uint64_t scratch[2];
    /* V registers: element 0 in the low bytes (little-endian lane order) */
    _Alignas(16) uint64_t v[32][2];
    /* LD2..LD4 / ST2..ST4: the interleaved bytes in memory order (simd_ldst_gen.c) */
    _Alignas(16) uint64_t vscratch[4][2];
} A64CPU;

/* Guest exceptions raised by translated code (IR_EXIT_EXCP + n). */
enum {
    A64_EXCP_SYSCALL = 0, /* SVC #0; cpu pc = next instruction */
    A64_EXCP_UDEF,        /* unallocated or unimplemented encoding -> SIGILL, pc = insn */
    A64_EXCP_BRK,         /* BRK #imm -> SIGTRAP, pc = insn */
    A64_EXCP_FETCH,       /* instruction fetch from unmapped/non-exec memory -> SIGSEGV */
    A64_EXCP_HLT,         /* HLT -> SIGILL */
};

static inline A64CPU *a64_cpu(CPUCommon *c)
{
    return (A64CPU *)c;
}

#endif
