/*
 * C helpers of the AArch64 load/store translator: the 128-bit
 * compare-and-swap (the IR's cmpxchg stops at 64 bits, so CASP and STXP of
 * X pairs call a64_helper_cmpxchg128, which uses the host's
 * `lock cmpxchg16b` directly on guest memory) and the alignment fault of
 * exclusives.
 */
#include "frontends/aarch64/helper_ldst.h"

#include <signal.h>
#include <stdbool.h>

#include "frontends/aarch64/cpu.h"
#include "loader/process.h"
#include "signals/signals.h"

/* lock cmpxchg16b on a 16-byte aligned host address; the old value goes to lo, hi. */
static bool cas16(void *p, uint64_t *lo, uint64_t *hi, uint64_t nlo, uint64_t nhi)
{
    bool ok;
    __asm__ volatile("lock cmpxchg16b %1"
                     : "=@ccz"(ok), "+m"(*(volatile __int128 *)p), "+a"(*lo), "+d"(*hi)
                     : "b"(nlo), "c"(nhi)
                     : "memory");
    return ok;
}

uint64_t a64_helper_cmpxchg128(CPUCommon *cpu, uint64_t addr, uint64_t cmp_lo, uint64_t cmp_hi,
                               uint64_t new_lo, uint64_t new_hi)
{
    A64CPU *c = a64_cpu(cpu);
    if (addr & 15)
        sig_guest_fault(cpu, SIGBUS, BUS_ADRALN, addr);
    if (!gmem_in_window(&cpu->proc->mem, addr, 16))
        sig_guest_fault(cpu, SIGSEGV, SEGV_MAPERR, addr);
    uint64_t lo = cmp_lo, hi = cmp_hi;
    bool ok = cas16(cpu->guest_base + addr, &lo, &hi, new_lo, new_hi);
    c->scratch[0] = lo;
    c->scratch[1] = hi;
    return ok;
}

uint64_t a64_helper_align_fault(CPUCommon *cpu, uint64_t addr)
{
    sig_guest_fault(cpu, SIGBUS, BUS_ADRALN, addr);
}
