/*
 * C helpers of the AArch64 load/store translator (trans_ldst.c): the
 * 128-bit compare-and-swap behind CASP (X pairs) and STXP (X pairs), which
 * the IR has no op for.  Called from generated code as fn(cpu, args...).
 */
#ifndef FERRY_FRONTENDS_AARCH64_HELPER_LDST_H
#define FERRY_FRONTENDS_AARCH64_HELPER_LDST_H

#include <stdint.h>

#include "translator/cpu.h"

/*
 * Atomically replaces the 16 bytes at guest `addr` (lo at addr, hi at
 * addr + 8) with new_lo:new_hi if they equal cmp_lo:cmp_hi.  Returns 1 when
 * it swapped, else 0; the old value is left in A64CPU.scratch[0..1].  An
 * address that is not 16-byte aligned raises SIGBUS (as the Arm alignment
 * check does); one outside the guest window raises SIGSEGV.  cpu->pc must
 * hold the instruction's pc.
 */
uint64_t a64_helper_cmpxchg128(CPUCommon *cpu, uint64_t addr, uint64_t cmp_lo, uint64_t cmp_hi,
                               uint64_t new_lo, uint64_t new_hi);

/* Raises SIGBUS (BUS_ADRALN) at guest `addr`: an exclusive access not aligned to its size.
 * Never returns; cpu->pc must hold the instruction's pc. */
uint64_t a64_helper_align_fault(CPUCommon *cpu, uint64_t addr);

#endif
