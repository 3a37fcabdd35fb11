/*
 * Private to helper_fp.c: the host FP environment (exception flags and rounding
 * mode).  On x86-64 the SSE MXCSR is used directly: the libm fenv functions also
 * save and restore the x87 environment, which costs hundreds of cycles per call.
 * All host FP work of the helpers is SSE; long double appears only in a check
 * whose x87 flags are not read.
 */
#ifndef FERRY_FRONTENDS_AARCH64_FP_HOST_H
#define FERRY_FRONTENDS_AARCH64_FP_HOST_H

#if defined(__x86_64__)
#include <xmmintrin.h>
enum {
    HOST_INVALID = 0x01,
    HOST_DIVZERO = 0x04,
    HOST_OVERFLOW = 0x08,
    HOST_UNDERFLOW = 0x10,
    HOST_INEXACT = 0x20,
    HOST_ALL = 0x3f,
};
static inline unsigned host_flags(void)
{
    return _mm_getcsr() & HOST_ALL;
}
/* ldmxcsr is slow: write only when something changes. */
static inline void host_clear_flags(unsigned f)
{
    unsigned csr = _mm_getcsr();
    if (csr & f)
        _mm_setcsr(csr & ~f);
}
/* Makes exactly `f` the raised flags. */
static inline void host_restore_flags(unsigned f)
{
    unsigned csr = _mm_getcsr();
    if ((csr & HOST_ALL) != f)
        _mm_setcsr((csr & ~HOST_ALL) | f);
}
static inline void host_raise(unsigned f)
{
    _mm_setcsr(_mm_getcsr() | f);
}
/* The current rounding mode as an Arm RMode. */
static inline int host_round(void)
{
    static const int rmode[4] = {0, 2, 1, 3};
    return rmode[(_mm_getcsr() >> 13) & 3];
}
/* Arm RMode (0 RN, 1 RP, 2 RM, 3 RZ) -> MXCSR.RC. */
static inline void host_set_round(int rmode)
{
    static const unsigned rc[4] = {0x0000, 0x4000, 0x2000, 0x6000};
    _mm_setcsr((_mm_getcsr() & ~0x6000u) | rc[rmode]);
}
#else
#include <fenv.h>
enum {
    HOST_INVALID = FE_INVALID,
    HOST_DIVZERO = FE_DIVBYZERO,
    HOST_OVERFLOW = FE_OVERFLOW,
    HOST_UNDERFLOW = FE_UNDERFLOW,
    HOST_INEXACT = FE_INEXACT,
    HOST_ALL = FE_ALL_EXCEPT,
};
static inline unsigned host_flags(void)
{
    return fetestexcept(FE_ALL_EXCEPT);
}
static inline void host_clear_flags(unsigned f)
{
    feclearexcept(f);
}
static inline void host_restore_flags(unsigned f)
{
    feclearexcept(FE_ALL_EXCEPT & ~f);
}
static inline void host_raise(unsigned f)
{
    feraiseexcept(f);
}
static inline int host_round(void)
{
    int m = fegetround();
    return m == FE_UPWARD ? 1 : m == FE_DOWNWARD ? 2 : m == FE_TOWARDZERO ? 3 : 0;
}
static inline void host_set_round(int rmode)
{
    static const int modes[4] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
    fesetround(modes[rmode]);
}
#endif

#endif
