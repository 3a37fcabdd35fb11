/*
 * C helpers of the AArch64 integer and system translators (trans_dp.c,
 * trans_branch.c): CRC32, the virtual counter, FPCR/FPSR writes, and the
 * table of the constant and ID system registers that user space may read
 * (as Linux emulates them).
 * Helpers follow the IR call convention: fn(cpu, args...) -> uint64_t.
 */
#ifndef FERRY_FRONTENDS_AARCH64_HELPER_DP_H
#define FERRY_FRONTENDS_AARCH64_HELPER_DP_H

#include <stdbool.h>
#include <stdint.h>

#include "translator/cpu.h"

/* CNTFRQ_EL0: the virtual counter ticks at 1 GHz (one tick per nanosecond). */
#define A64_CNTFRQ 1000000000ull

/* CRC32{B,H,W,X} / CRC32C{B,H,W,X}: folds the low `bytes` bytes of val into acc. */
uint64_t a64_helper_crc32(CPUCommon *cpu, uint64_t acc, uint64_t val, uint64_t bytes);
uint64_t a64_helper_crc32c(CPUCommon *cpu, uint64_t acc, uint64_t val, uint64_t bytes);
/* CNTVCT_EL0: monotonic time in CNTFRQ ticks. */
uint64_t a64_helper_cntvct(CPUCommon *cpu);
/* The FPCR / FPSR bits ferry implements for cpu's model (the others read as zero). */
uint32_t a64_fpcr_implemented(const CPUCommon *cpu);
uint32_t a64_fpsr_implemented(void);
/* MSR FPCR / FPSR: stores the implemented bits; returns 0. */
uint64_t a64_helper_set_fpcr(CPUCommon *cpu, uint64_t val);
uint64_t a64_helper_set_fpsr(CPUCommon *cpu, uint64_t val);

#endif
