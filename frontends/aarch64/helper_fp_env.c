/*
 * The host FP environment while AArch64 code runs (lazy FPSR).
 *
 * Generated code computes common FP operations on the host's SSE/AVX units
 * (translator/x86_64/codegen_fp.c), so the host MXCSR holds the guest's
 * state: its rounding control is FPCR.RMode, and its exception flags are
 * FPSR cumulative flags that have not been folded into cpu->fpsr yet.  They
 * are folded wherever FPSR is observed: leaving generated code (the exec loop,
 * a host fault), MRS FPSR, and the exact helpers (a64_fp_begin).  Host code of
 * ferry runs with the default MXCSR; a64_fp_enter restores the guest's before
 * generated code runs again, dropping any flags host code raised.
 */
#include "frontends/aarch64/helper_simd.h"

#include <xmmintrin.h>

#define MXCSR_DEFAULT 0x1f80u /* all exceptions masked, round to nearest */
#define MXCSR_FLAGS 0x3fu
#define MXCSR_DE 0x02u /* denormal operand: no Arm counterpart (IDC is for flushed inputs) */

uint32_t a64_fp_host_fpsr_flags(uint32_t mxcsr)
{
    uint32_t f = 0;
    if (mxcsr & 0x01)
        f |= A64_FPSR_IOC;
    if (mxcsr & 0x04)
        f |= A64_FPSR_DZC;
    if (mxcsr & 0x08)
        f |= A64_FPSR_OFC;
    if (mxcsr & 0x10)
        f |= A64_FPSR_UFC;
    if (mxcsr & 0x20)
        f |= A64_FPSR_IXC;
    return f;
}

uint32_t a64_fp_host_mxcsr(const A64CPU *cpu)
{
    static const uint32_t rc[4] = {0x0000, 0x4000, 0x2000, 0x6000}; /* RN RP RM RZ */
    return MXCSR_DEFAULT | rc[(cpu->fpcr >> A64_FPCR_RMODE_SHIFT) & 3];
}

void a64_fp_fold(A64CPU *cpu)
{
    uint32_t csr = _mm_getcsr();
    if (csr & MXCSR_FLAGS) {
        cpu->fpsr |= a64_fp_host_fpsr_flags(csr);
        _mm_setcsr(csr & ~MXCSR_FLAGS);
    }
}

void a64_fp_sync(A64CPU *cpu)
{
    a64_fp_fold(cpu);
    uint32_t want = a64_fp_host_mxcsr(cpu);
    if (_mm_getcsr() != want)
        _mm_setcsr(want);
}

void a64_fp_enter(CPUCommon *c)
{
    uint32_t want = a64_fp_host_mxcsr(a64_cpu(c));
    if (_mm_getcsr() != want)
        _mm_setcsr(want);
}

void a64_fp_leave(CPUCommon *c, uint32_t mxcsr)
{
    a64_cpu(c)->fpsr |= a64_fp_host_fpsr_flags(mxcsr & ~MXCSR_DE);
    if (_mm_getcsr() != MXCSR_DEFAULT)
        _mm_setcsr(MXCSR_DEFAULT);
}

void a64_fp_set_fpcr(A64CPU *cpu, uint32_t fpcr)
{
    cpu->fpcr = fpcr;
    cpu->common.tb_flags &= ~A64_TBF_FZ;
    if (fpcr & A64_FPCR_FZ)
        cpu->common.tb_flags |= A64_TBF_FZ;
}

uint64_t a64_helper_get_fpsr(CPUCommon *c)
{
    A64CPU *cpu = a64_cpu(c);
    a64_fp_fold(cpu);
    return cpu->fpsr;
}
