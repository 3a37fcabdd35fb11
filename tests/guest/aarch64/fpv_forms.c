// cflags: -march=armv8.5-a+fp16+fp16fml+bf16
/*
 * AdvSIMD and scalar-SIMD FP instruction forms: by element, pairwise, across
 * lanes, conversions, estimates, rounding, FMLAL/FCMLA/FCADD, BFloat16, in
 * every arrangement, on random lane values mixed with special ones (zeros,
 * subnormals, infinities, NaNs, integer limits) under several FPCR values.
 * One hash of the destination register and FPSR per form and FPCR; any
 * argument prints every result.
 */
#include <stdint.h>
#include <stdio.h>

static uint64_t hash;
static void mix(uint64_t v)
{
    hash = (hash ^ v) * 0x100000001b3ull;
    hash ^= hash >> 29;
}

/* v1, v2 = operands, v0 = v3 = the accumulator; INSN; result v0 and FPSR. */
#define FN(name, insn)                                                                             \
    static void name(uint64_t fpcr, const uint64_t *in, uint64_t *out)                             \
    {                                                                                              \
        asm volatile(                                                                              \
            "msr fpcr, %2\n\tmsr fpsr, xzr\n\tldp q1, q2, [%1]\n\tldr q0, [%1, #32]\n\t" insn      \
            "\n\tstr q0, [%0]\n\tmrs x9, fpsr\n\tstr x9, [%0, #16]\n\tmsr fpcr, xzr"               \
            :                                                                                      \
            : "r"(out), "r"(in), "r"(fpcr)                                                         \
            : "x9", "v0", "v1", "v2", "memory");                                                   \
    }

#define FORMS                                                                                      \
    X(f0, "fmla v0.4h, v1.4h, v2.h[7]")                                                            \
    X(f1, "fmla v0.4h, v1.4h, v2.h[0]")                                                            \
    X(f2, "fmls v0.4h, v1.4h, v2.h[7]")                                                            \
    X(f3, "fmls v0.4h, v1.4h, v2.h[0]")                                                            \
    X(f4, "fmul v0.4h, v1.4h, v2.h[7]")                                                            \
    X(f5, "fmul v0.4h, v1.4h, v2.h[0]")                                                            \
    X(f6, "fmulx v0.4h, v1.4h, v2.h[7]")                                                           \
    X(f7, "fmulx v0.4h, v1.4h, v2.h[0]")                                                           \
    X(f8, "fabd v0.4h, v1.4h, v2.4h")                                                              \
    X(f9, "facge v0.4h, v1.4h, v2.4h")                                                             \
    X(f10, "facgt v0.4h, v1.4h, v2.4h")                                                            \
    X(f11, "fcmeq v0.4h, v1.4h, v2.4h")                                                            \
    X(f12, "fcmge v0.4h, v1.4h, v2.4h")                                                            \
    X(f13, "fcmgt v0.4h, v1.4h, v2.4h")                                                            \
    X(f14, "frecps v0.4h, v1.4h, v2.4h")                                                           \
    X(f15, "frsqrts v0.4h, v1.4h, v2.4h")                                                          \
    X(f16, "faddp v0.4h, v1.4h, v2.4h")                                                            \
    X(f17, "fmaxp v0.4h, v1.4h, v2.4h")                                                            \
    X(f18, "fminp v0.4h, v1.4h, v2.4h")                                                            \
    X(f19, "fmaxnmp v0.4h, v1.4h, v2.4h")                                                          \
    X(f20, "fminnmp v0.4h, v1.4h, v2.4h")                                                          \
    X(f21, "fmax v0.4h, v1.4h, v2.4h")                                                             \
    X(f22, "fminnm v0.4h, v1.4h, v2.4h")                                                           \
    X(f23, "fmulx v0.4h, v1.4h, v2.4h")                                                            \
    X(f24, "fdiv v0.4h, v1.4h, v2.4h")                                                             \
    X(f25, "fsub v0.4h, v1.4h, v2.4h")                                                             \
    X(f26, "fcvtas v0.4h, v1.4h")                                                                  \
    X(f27, "fcvtau v0.4h, v1.4h")                                                                  \
    X(f28, "fcvtms v0.4h, v1.4h")                                                                  \
    X(f29, "fcvtmu v0.4h, v1.4h")                                                                  \
    X(f30, "fcvtns v0.4h, v1.4h")                                                                  \
    X(f31, "fcvtnu v0.4h, v1.4h")                                                                  \
    X(f32, "fcvtps v0.4h, v1.4h")                                                                  \
    X(f33, "fcvtpu v0.4h, v1.4h")                                                                  \
    X(f34, "fcvtzs v0.4h, v1.4h")                                                                  \
    X(f35, "fcvtzu v0.4h, v1.4h")                                                                  \
    X(f36, "scvtf v0.4h, v1.4h")                                                                   \
    X(f37, "ucvtf v0.4h, v1.4h")                                                                   \
    X(f38, "frecpe v0.4h, v1.4h")                                                                  \
    X(f39, "frsqrte v0.4h, v1.4h")                                                                 \
    X(f40, "fsqrt v0.4h, v1.4h")                                                                   \
    X(f41, "frinta v0.4h, v1.4h")                                                                  \
    X(f42, "frinti v0.4h, v1.4h")                                                                  \
    X(f43, "frintm v0.4h, v1.4h")                                                                  \
    X(f44, "frintn v0.4h, v1.4h")                                                                  \
    X(f45, "frintp v0.4h, v1.4h")                                                                  \
    X(f46, "frintx v0.4h, v1.4h")                                                                  \
    X(f47, "frintz v0.4h, v1.4h")                                                                  \
    X(f48, "fabs v0.4h, v1.4h")                                                                    \
    X(f49, "fneg v0.4h, v1.4h")                                                                    \
    X(f50, "fcmeq v0.4h, v1.4h, #0.0")                                                             \
    X(f51, "fcmge v0.4h, v1.4h, #0.0")                                                             \
    X(f52, "fcmgt v0.4h, v1.4h, #0.0")                                                             \
    X(f53, "fcmle v0.4h, v1.4h, #0.0")                                                             \
    X(f54, "fcmlt v0.4h, v1.4h, #0.0")                                                             \
    X(f55, "fmla v0.8h, v1.8h, v2.h[7]")                                                           \
    X(f56, "fmla v0.8h, v1.8h, v2.h[0]")                                                           \
    X(f57, "fmls v0.8h, v1.8h, v2.h[7]")                                                           \
    X(f58, "fmls v0.8h, v1.8h, v2.h[0]")                                                           \
    X(f59, "fmul v0.8h, v1.8h, v2.h[7]")                                                           \
    X(f60, "fmul v0.8h, v1.8h, v2.h[0]")                                                           \
    X(f61, "fmulx v0.8h, v1.8h, v2.h[7]")                                                          \
    X(f62, "fmulx v0.8h, v1.8h, v2.h[0]")                                                          \
    X(f63, "fabd v0.8h, v1.8h, v2.8h")                                                             \
    X(f64, "facge v0.8h, v1.8h, v2.8h")                                                            \
    X(f65, "facgt v0.8h, v1.8h, v2.8h")                                                            \
    X(f66, "fcmeq v0.8h, v1.8h, v2.8h")                                                            \
    X(f67, "fcmge v0.8h, v1.8h, v2.8h")                                                            \
    X(f68, "fcmgt v0.8h, v1.8h, v2.8h")                                                            \
    X(f69, "frecps v0.8h, v1.8h, v2.8h")                                                           \
    X(f70, "frsqrts v0.8h, v1.8h, v2.8h")                                                          \
    X(f71, "faddp v0.8h, v1.8h, v2.8h")                                                            \
    X(f72, "fmaxp v0.8h, v1.8h, v2.8h")                                                            \
    X(f73, "fminp v0.8h, v1.8h, v2.8h")                                                            \
    X(f74, "fmaxnmp v0.8h, v1.8h, v2.8h")                                                          \
    X(f75, "fminnmp v0.8h, v1.8h, v2.8h")                                                          \
    X(f76, "fmax v0.8h, v1.8h, v2.8h")                                                             \
    X(f77, "fminnm v0.8h, v1.8h, v2.8h")                                                           \
    X(f78, "fmulx v0.8h, v1.8h, v2.8h")                                                            \
    X(f79, "fdiv v0.8h, v1.8h, v2.8h")                                                             \
    X(f80, "fsub v0.8h, v1.8h, v2.8h")                                                             \
    X(f81, "fcvtas v0.8h, v1.8h")                                                                  \
    X(f82, "fcvtau v0.8h, v1.8h")                                                                  \
    X(f83, "fcvtms v0.8h, v1.8h")                                                                  \
    X(f84, "fcvtmu v0.8h, v1.8h")                                                                  \
    X(f85, "fcvtns v0.8h, v1.8h")                                                                  \
    X(f86, "fcvtnu v0.8h, v1.8h")                                                                  \
    X(f87, "fcvtps v0.8h, v1.8h")                                                                  \
    X(f88, "fcvtpu v0.8h, v1.8h")                                                                  \
    X(f89, "fcvtzs v0.8h, v1.8h")                                                                  \
    X(f90, "fcvtzu v0.8h, v1.8h")                                                                  \
    X(f91, "scvtf v0.8h, v1.8h")                                                                   \
    X(f92, "ucvtf v0.8h, v1.8h")                                                                   \
    X(f93, "frecpe v0.8h, v1.8h")                                                                  \
    X(f94, "frsqrte v0.8h, v1.8h")                                                                 \
    X(f95, "fsqrt v0.8h, v1.8h")                                                                   \
    X(f96, "frinta v0.8h, v1.8h")                                                                  \
    X(f97, "frinti v0.8h, v1.8h")                                                                  \
    X(f98, "frintm v0.8h, v1.8h")                                                                  \
    X(f99, "frintn v0.8h, v1.8h")                                                                  \
    X(f100, "frintp v0.8h, v1.8h")                                                                 \
    X(f101, "frintx v0.8h, v1.8h")                                                                 \
    X(f102, "frintz v0.8h, v1.8h")                                                                 \
    X(f103, "fabs v0.8h, v1.8h")                                                                   \
    X(f104, "fneg v0.8h, v1.8h")                                                                   \
    X(f105, "fcmeq v0.8h, v1.8h, #0.0")                                                            \
    X(f106, "fcmge v0.8h, v1.8h, #0.0")                                                            \
    X(f107, "fcmgt v0.8h, v1.8h, #0.0")                                                            \
    X(f108, "fcmle v0.8h, v1.8h, #0.0")                                                            \
    X(f109, "fcmlt v0.8h, v1.8h, #0.0")                                                            \
    X(f110, "fmla h0, h1, v2.h[7]")                                                                \
    X(f111, "fmls h0, h1, v2.h[7]")                                                                \
    X(f112, "fmul h0, h1, v2.h[7]")                                                                \
    X(f113, "fmulx h0, h1, v2.h[7]")                                                               \
    X(f114, "fabd h0, h1, h2")                                                                     \
    X(f115, "facge h0, h1, h2")                                                                    \
    X(f116, "facgt h0, h1, h2")                                                                    \
    X(f117, "fcmeq h0, h1, h2")                                                                    \
    X(f118, "fcmge h0, h1, h2")                                                                    \
    X(f119, "fcmgt h0, h1, h2")                                                                    \
    X(f120, "frecps h0, h1, h2")                                                                   \
    X(f121, "frsqrts h0, h1, h2")                                                                  \
    X(f122, "fmulx h0, h1, h2")                                                                    \
    X(f123, "fcvtas h0, h1")                                                                       \
    X(f124, "fcvtau h0, h1")                                                                       \
    X(f125, "fcvtms h0, h1")                                                                       \
    X(f126, "fcvtmu h0, h1")                                                                       \
    X(f127, "fcvtns h0, h1")                                                                       \
    X(f128, "fcvtnu h0, h1")                                                                       \
    X(f129, "fcvtps h0, h1")                                                                       \
    X(f130, "fcvtpu h0, h1")                                                                       \
    X(f131, "fcvtzs h0, h1")                                                                       \
    X(f132, "fcvtzu h0, h1")                                                                       \
    X(f133, "scvtf h0, h1")                                                                        \
    X(f134, "ucvtf h0, h1")                                                                        \
    X(f135, "frecpe h0, h1")                                                                       \
    X(f136, "frsqrte h0, h1")                                                                      \
    X(f137, "frecpx h0, h1")                                                                       \
    X(f138, "fcmeq h0, h1, #0.0")                                                                  \
    X(f139, "fcmge h0, h1, #0.0")                                                                  \
    X(f140, "fcmgt h0, h1, #0.0")                                                                  \
    X(f141, "fcmle h0, h1, #0.0")                                                                  \
    X(f142, "fcmlt h0, h1, #0.0")                                                                  \
    X(f143, "faddp h0, v1.2h")                                                                     \
    X(f144, "fmaxp h0, v1.2h")                                                                     \
    X(f145, "fminp h0, v1.2h")                                                                     \
    X(f146, "fmaxnmp h0, v1.2h")                                                                   \
    X(f147, "fminnmp h0, v1.2h")                                                                   \
    X(f148, "fmla v0.2s, v1.2s, v2.s[3]")                                                          \
    X(f149, "fmla v0.2s, v1.2s, v2.s[0]")                                                          \
    X(f150, "fmls v0.2s, v1.2s, v2.s[3]")                                                          \
    X(f151, "fmls v0.2s, v1.2s, v2.s[0]")                                                          \
    X(f152, "fmul v0.2s, v1.2s, v2.s[3]")                                                          \
    X(f153, "fmul v0.2s, v1.2s, v2.s[0]")                                                          \
    X(f154, "fmulx v0.2s, v1.2s, v2.s[3]")                                                         \
    X(f155, "fmulx v0.2s, v1.2s, v2.s[0]")                                                         \
    X(f156, "fabd v0.2s, v1.2s, v2.2s")                                                            \
    X(f157, "facge v0.2s, v1.2s, v2.2s")                                                           \
    X(f158, "facgt v0.2s, v1.2s, v2.2s")                                                           \
    X(f159, "fcmeq v0.2s, v1.2s, v2.2s")                                                           \
    X(f160, "fcmge v0.2s, v1.2s, v2.2s")                                                           \
    X(f161, "fcmgt v0.2s, v1.2s, v2.2s")                                                           \
    X(f162, "frecps v0.2s, v1.2s, v2.2s")                                                          \
    X(f163, "frsqrts v0.2s, v1.2s, v2.2s")                                                         \
    X(f164, "faddp v0.2s, v1.2s, v2.2s")                                                           \
    X(f165, "fmaxp v0.2s, v1.2s, v2.2s")                                                           \
    X(f166, "fminp v0.2s, v1.2s, v2.2s")                                                           \
    X(f167, "fmaxnmp v0.2s, v1.2s, v2.2s")                                                         \
    X(f168, "fminnmp v0.2s, v1.2s, v2.2s")                                                         \
    X(f169, "fmax v0.2s, v1.2s, v2.2s")                                                            \
    X(f170, "fminnm v0.2s, v1.2s, v2.2s")                                                          \
    X(f171, "fmulx v0.2s, v1.2s, v2.2s")                                                           \
    X(f172, "fdiv v0.2s, v1.2s, v2.2s")                                                            \
    X(f173, "fsub v0.2s, v1.2s, v2.2s")                                                            \
    X(f174, "fcvtas v0.2s, v1.2s")                                                                 \
    X(f175, "fcvtau v0.2s, v1.2s")                                                                 \
    X(f176, "fcvtms v0.2s, v1.2s")                                                                 \
    X(f177, "fcvtmu v0.2s, v1.2s")                                                                 \
    X(f178, "fcvtns v0.2s, v1.2s")                                                                 \
    X(f179, "fcvtnu v0.2s, v1.2s")                                                                 \
    X(f180, "fcvtps v0.2s, v1.2s")                                                                 \
    X(f181, "fcvtpu v0.2s, v1.2s")                                                                 \
    X(f182, "fcvtzs v0.2s, v1.2s")                                                                 \
    X(f183, "fcvtzu v0.2s, v1.2s")                                                                 \
    X(f184, "scvtf v0.2s, v1.2s")                                                                  \
    X(f185, "ucvtf v0.2s, v1.2s")                                                                  \
    X(f186, "frecpe v0.2s, v1.2s")                                                                 \
    X(f187, "frsqrte v0.2s, v1.2s")                                                                \
    X(f188, "fsqrt v0.2s, v1.2s")                                                                  \
    X(f189, "frinta v0.2s, v1.2s")                                                                 \
    X(f190, "frinti v0.2s, v1.2s")                                                                 \
    X(f191, "frintm v0.2s, v1.2s")                                                                 \
    X(f192, "frintn v0.2s, v1.2s")                                                                 \
    X(f193, "frintp v0.2s, v1.2s")                                                                 \
    X(f194, "frintx v0.2s, v1.2s")                                                                 \
    X(f195, "frintz v0.2s, v1.2s")                                                                 \
    X(f196, "fabs v0.2s, v1.2s")                                                                   \
    X(f197, "fneg v0.2s, v1.2s")                                                                   \
    X(f198, "fcmeq v0.2s, v1.2s, #0.0")                                                            \
    X(f199, "fcmge v0.2s, v1.2s, #0.0")                                                            \
    X(f200, "fcmgt v0.2s, v1.2s, #0.0")                                                            \
    X(f201, "fcmle v0.2s, v1.2s, #0.0")                                                            \
    X(f202, "fcmlt v0.2s, v1.2s, #0.0")                                                            \
    X(f203, "frint32x v0.2s, v1.2s")                                                               \
    X(f204, "frint32z v0.2s, v1.2s")                                                               \
    X(f205, "frint64x v0.2s, v1.2s")                                                               \
    X(f206, "frint64z v0.2s, v1.2s")                                                               \
    X(f207, "fmla v0.4s, v1.4s, v2.s[3]")                                                          \
    X(f208, "fmla v0.4s, v1.4s, v2.s[0]")                                                          \
    X(f209, "fmls v0.4s, v1.4s, v2.s[3]")                                                          \
    X(f210, "fmls v0.4s, v1.4s, v2.s[0]")                                                          \
    X(f211, "fmul v0.4s, v1.4s, v2.s[3]")                                                          \
    X(f212, "fmul v0.4s, v1.4s, v2.s[0]")                                                          \
    X(f213, "fmulx v0.4s, v1.4s, v2.s[3]")                                                         \
    X(f214, "fmulx v0.4s, v1.4s, v2.s[0]")                                                         \
    X(f215, "fabd v0.4s, v1.4s, v2.4s")                                                            \
    X(f216, "facge v0.4s, v1.4s, v2.4s")                                                           \
    X(f217, "facgt v0.4s, v1.4s, v2.4s")                                                           \
    X(f218, "fcmeq v0.4s, v1.4s, v2.4s")                                                           \
    X(f219, "fcmge v0.4s, v1.4s, v2.4s")                                                           \
    X(f220, "fcmgt v0.4s, v1.4s, v2.4s")                                                           \
    X(f221, "frecps v0.4s, v1.4s, v2.4s")                                                          \
    X(f222, "frsqrts v0.4s, v1.4s, v2.4s")                                                         \
    X(f223, "faddp v0.4s, v1.4s, v2.4s")                                                           \
    X(f224, "fmaxp v0.4s, v1.4s, v2.4s")                                                           \
    X(f225, "fminp v0.4s, v1.4s, v2.4s")                                                           \
    X(f226, "fmaxnmp v0.4s, v1.4s, v2.4s")                                                         \
    X(f227, "fminnmp v0.4s, v1.4s, v2.4s")                                                         \
    X(f228, "fmax v0.4s, v1.4s, v2.4s")                                                            \
    X(f229, "fminnm v0.4s, v1.4s, v2.4s")                                                          \
    X(f230, "fmulx v0.4s, v1.4s, v2.4s")                                                           \
    X(f231, "fdiv v0.4s, v1.4s, v2.4s")                                                            \
    X(f232, "fsub v0.4s, v1.4s, v2.4s")                                                            \
    X(f233, "fcvtas v0.4s, v1.4s")                                                                 \
    X(f234, "fcvtau v0.4s, v1.4s")                                                                 \
    X(f235, "fcvtms v0.4s, v1.4s")                                                                 \
    X(f236, "fcvtmu v0.4s, v1.4s")                                                                 \
    X(f237, "fcvtns v0.4s, v1.4s")                                                                 \
    X(f238, "fcvtnu v0.4s, v1.4s")                                                                 \
    X(f239, "fcvtps v0.4s, v1.4s")                                                                 \
    X(f240, "fcvtpu v0.4s, v1.4s")                                                                 \
    X(f241, "fcvtzs v0.4s, v1.4s")                                                                 \
    X(f242, "fcvtzu v0.4s, v1.4s")                                                                 \
    X(f243, "scvtf v0.4s, v1.4s")                                                                  \
    X(f244, "ucvtf v0.4s, v1.4s")                                                                  \
    X(f245, "frecpe v0.4s, v1.4s")                                                                 \
    X(f246, "frsqrte v0.4s, v1.4s")                                                                \
    X(f247, "fsqrt v0.4s, v1.4s")                                                                  \
    X(f248, "frinta v0.4s, v1.4s")                                                                 \
    X(f249, "frinti v0.4s, v1.4s")                                                                 \
    X(f250, "frintm v0.4s, v1.4s")                                                                 \
    X(f251, "frintn v0.4s, v1.4s")                                                                 \
    X(f252, "frintp v0.4s, v1.4s")                                                                 \
    X(f253, "frintx v0.4s, v1.4s")                                                                 \
    X(f254, "frintz v0.4s, v1.4s")                                                                 \
    X(f255, "fabs v0.4s, v1.4s")                                                                   \
    X(f256, "fneg v0.4s, v1.4s")                                                                   \
    X(f257, "fcmeq v0.4s, v1.4s, #0.0")                                                            \
    X(f258, "fcmge v0.4s, v1.4s, #0.0")                                                            \
    X(f259, "fcmgt v0.4s, v1.4s, #0.0")                                                            \
    X(f260, "fcmle v0.4s, v1.4s, #0.0")                                                            \
    X(f261, "fcmlt v0.4s, v1.4s, #0.0")                                                            \
    X(f262, "frint32x v0.4s, v1.4s")                                                               \
    X(f263, "frint32z v0.4s, v1.4s")                                                               \
    X(f264, "frint64x v0.4s, v1.4s")                                                               \
    X(f265, "frint64z v0.4s, v1.4s")                                                               \
    X(f266, "fmla s0, s1, v2.s[3]")                                                                \
    X(f267, "fmls s0, s1, v2.s[3]")                                                                \
    X(f268, "fmul s0, s1, v2.s[3]")                                                                \
    X(f269, "fmulx s0, s1, v2.s[3]")                                                               \
    X(f270, "fabd s0, s1, s2")                                                                     \
    X(f271, "facge s0, s1, s2")                                                                    \
    X(f272, "facgt s0, s1, s2")                                                                    \
    X(f273, "fcmeq s0, s1, s2")                                                                    \
    X(f274, "fcmge s0, s1, s2")                                                                    \
    X(f275, "fcmgt s0, s1, s2")                                                                    \
    X(f276, "frecps s0, s1, s2")                                                                   \
    X(f277, "frsqrts s0, s1, s2")                                                                  \
    X(f278, "fmulx s0, s1, s2")                                                                    \
    X(f279, "fcvtas s0, s1")                                                                       \
    X(f280, "fcvtau s0, s1")                                                                       \
    X(f281, "fcvtms s0, s1")                                                                       \
    X(f282, "fcvtmu s0, s1")                                                                       \
    X(f283, "fcvtns s0, s1")                                                                       \
    X(f284, "fcvtnu s0, s1")                                                                       \
    X(f285, "fcvtps s0, s1")                                                                       \
    X(f286, "fcvtpu s0, s1")                                                                       \
    X(f287, "fcvtzs s0, s1")                                                                       \
    X(f288, "fcvtzu s0, s1")                                                                       \
    X(f289, "scvtf s0, s1")                                                                        \
    X(f290, "ucvtf s0, s1")                                                                        \
    X(f291, "frecpe s0, s1")                                                                       \
    X(f292, "frsqrte s0, s1")                                                                      \
    X(f293, "frecpx s0, s1")                                                                       \
    X(f294, "fcmeq s0, s1, #0.0")                                                                  \
    X(f295, "fcmge s0, s1, #0.0")                                                                  \
    X(f296, "fcmgt s0, s1, #0.0")                                                                  \
    X(f297, "fcmle s0, s1, #0.0")                                                                  \
    X(f298, "fcmlt s0, s1, #0.0")                                                                  \
    X(f299, "faddp s0, v1.2s")                                                                     \
    X(f300, "fmaxp s0, v1.2s")                                                                     \
    X(f301, "fminp s0, v1.2s")                                                                     \
    X(f302, "fmaxnmp s0, v1.2s")                                                                   \
    X(f303, "fminnmp s0, v1.2s")                                                                   \
    X(f304, "fmla v0.2d, v1.2d, v2.d[1]")                                                          \
    X(f305, "fmla v0.2d, v1.2d, v2.d[0]")                                                          \
    X(f306, "fmls v0.2d, v1.2d, v2.d[1]")                                                          \
    X(f307, "fmls v0.2d, v1.2d, v2.d[0]")                                                          \
    X(f308, "fmul v0.2d, v1.2d, v2.d[1]")                                                          \
    X(f309, "fmul v0.2d, v1.2d, v2.d[0]")                                                          \
    X(f310, "fmulx v0.2d, v1.2d, v2.d[1]")                                                         \
    X(f311, "fmulx v0.2d, v1.2d, v2.d[0]")                                                         \
    X(f312, "fabd v0.2d, v1.2d, v2.2d")                                                            \
    X(f313, "facge v0.2d, v1.2d, v2.2d")                                                           \
    X(f314, "facgt v0.2d, v1.2d, v2.2d")                                                           \
    X(f315, "fcmeq v0.2d, v1.2d, v2.2d")                                                           \
    X(f316, "fcmge v0.2d, v1.2d, v2.2d")                                                           \
    X(f317, "fcmgt v0.2d, v1.2d, v2.2d")                                                           \
    X(f318, "frecps v0.2d, v1.2d, v2.2d")                                                          \
    X(f319, "frsqrts v0.2d, v1.2d, v2.2d")                                                         \
    X(f320, "faddp v0.2d, v1.2d, v2.2d")                                                           \
    X(f321, "fmaxp v0.2d, v1.2d, v2.2d")                                                           \
    X(f322, "fminp v0.2d, v1.2d, v2.2d")                                                           \
    X(f323, "fmaxnmp v0.2d, v1.2d, v2.2d")                                                         \
    X(f324, "fminnmp v0.2d, v1.2d, v2.2d")                                                         \
    X(f325, "fmax v0.2d, v1.2d, v2.2d")                                                            \
    X(f326, "fminnm v0.2d, v1.2d, v2.2d")                                                          \
    X(f327, "fmulx v0.2d, v1.2d, v2.2d")                                                           \
    X(f328, "fdiv v0.2d, v1.2d, v2.2d")                                                            \
    X(f329, "fsub v0.2d, v1.2d, v2.2d")                                                            \
    X(f330, "fcvtas v0.2d, v1.2d")                                                                 \
    X(f331, "fcvtau v0.2d, v1.2d")                                                                 \
    X(f332, "fcvtms v0.2d, v1.2d")                                                                 \
    X(f333, "fcvtmu v0.2d, v1.2d")                                                                 \
    X(f334, "fcvtns v0.2d, v1.2d")                                                                 \
    X(f335, "fcvtnu v0.2d, v1.2d")                                                                 \
    X(f336, "fcvtps v0.2d, v1.2d")                                                                 \
    X(f337, "fcvtpu v0.2d, v1.2d")                                                                 \
    X(f338, "fcvtzs v0.2d, v1.2d")                                                                 \
    X(f339, "fcvtzu v0.2d, v1.2d")                                                                 \
    X(f340, "scvtf v0.2d, v1.2d")                                                                  \
    X(f341, "ucvtf v0.2d, v1.2d")                                                                  \
    X(f342, "frecpe v0.2d, v1.2d")                                                                 \
    X(f343, "frsqrte v0.2d, v1.2d")                                                                \
    X(f344, "fsqrt v0.2d, v1.2d")                                                                  \
    X(f345, "frinta v0.2d, v1.2d")                                                                 \
    X(f346, "frinti v0.2d, v1.2d")                                                                 \
    X(f347, "frintm v0.2d, v1.2d")                                                                 \
    X(f348, "frintn v0.2d, v1.2d")                                                                 \
    X(f349, "frintp v0.2d, v1.2d")                                                                 \
    X(f350, "frintx v0.2d, v1.2d")                                                                 \
    X(f351, "frintz v0.2d, v1.2d")                                                                 \
    X(f352, "fabs v0.2d, v1.2d")                                                                   \
    X(f353, "fneg v0.2d, v1.2d")                                                                   \
    X(f354, "fcmeq v0.2d, v1.2d, #0.0")                                                            \
    X(f355, "fcmge v0.2d, v1.2d, #0.0")                                                            \
    X(f356, "fcmgt v0.2d, v1.2d, #0.0")                                                            \
    X(f357, "fcmle v0.2d, v1.2d, #0.0")                                                            \
    X(f358, "fcmlt v0.2d, v1.2d, #0.0")                                                            \
    X(f359, "frint32x v0.2d, v1.2d")                                                               \
    X(f360, "frint32z v0.2d, v1.2d")                                                               \
    X(f361, "frint64x v0.2d, v1.2d")                                                               \
    X(f362, "frint64z v0.2d, v1.2d")                                                               \
    X(f363, "fmla d0, d1, v2.d[1]")                                                                \
    X(f364, "fmls d0, d1, v2.d[1]")                                                                \
    X(f365, "fmul d0, d1, v2.d[1]")                                                                \
    X(f366, "fmulx d0, d1, v2.d[1]")                                                               \
    X(f367, "fabd d0, d1, d2")                                                                     \
    X(f368, "facge d0, d1, d2")                                                                    \
    X(f369, "facgt d0, d1, d2")                                                                    \
    X(f370, "fcmeq d0, d1, d2")                                                                    \
    X(f371, "fcmge d0, d1, d2")                                                                    \
    X(f372, "fcmgt d0, d1, d2")                                                                    \
    X(f373, "frecps d0, d1, d2")                                                                   \
    X(f374, "frsqrts d0, d1, d2")                                                                  \
    X(f375, "fmulx d0, d1, d2")                                                                    \
    X(f376, "fcvtas d0, d1")                                                                       \
    X(f377, "fcvtau d0, d1")                                                                       \
    X(f378, "fcvtms d0, d1")                                                                       \
    X(f379, "fcvtmu d0, d1")                                                                       \
    X(f380, "fcvtns d0, d1")                                                                       \
    X(f381, "fcvtnu d0, d1")                                                                       \
    X(f382, "fcvtps d0, d1")                                                                       \
    X(f383, "fcvtpu d0, d1")                                                                       \
    X(f384, "fcvtzs d0, d1")                                                                       \
    X(f385, "fcvtzu d0, d1")                                                                       \
    X(f386, "scvtf d0, d1")                                                                        \
    X(f387, "ucvtf d0, d1")                                                                        \
    X(f388, "frecpe d0, d1")                                                                       \
    X(f389, "frsqrte d0, d1")                                                                      \
    X(f390, "frecpx d0, d1")                                                                       \
    X(f391, "fcmeq d0, d1, #0.0")                                                                  \
    X(f392, "fcmge d0, d1, #0.0")                                                                  \
    X(f393, "fcmgt d0, d1, #0.0")                                                                  \
    X(f394, "fcmle d0, d1, #0.0")                                                                  \
    X(f395, "fcmlt d0, d1, #0.0")                                                                  \
    X(f396, "faddp d0, v1.2d")                                                                     \
    X(f397, "fmaxp d0, v1.2d")                                                                     \
    X(f398, "fminp d0, v1.2d")                                                                     \
    X(f399, "fmaxnmp d0, v1.2d")                                                                   \
    X(f400, "fminnmp d0, v1.2d")                                                                   \
    X(f401, "fmaxv h0, v1.4h")                                                                     \
    X(f402, "fminv h0, v1.4h")                                                                     \
    X(f403, "fmaxnmv h0, v1.4h")                                                                   \
    X(f404, "fminnmv h0, v1.4h")                                                                   \
    X(f405, "fmaxv h0, v1.8h")                                                                     \
    X(f406, "fminv h0, v1.8h")                                                                     \
    X(f407, "fmaxnmv h0, v1.8h")                                                                   \
    X(f408, "fminnmv h0, v1.8h")                                                                   \
    X(f409, "fmaxv s0, v1.4s")                                                                     \
    X(f410, "fminv s0, v1.4s")                                                                     \
    X(f411, "fmaxnmv s0, v1.4s")                                                                   \
    X(f412, "fminnmv s0, v1.4s")                                                                   \
    X(f413, "fcvtl v0.4s, v1.4h")                                                                  \
    X(f414, "fcvtl2 v0.4s, v1.8h")                                                                 \
    X(f415, "fcvtl v0.2d, v1.2s")                                                                  \
    X(f416, "fcvtl2 v0.2d, v1.4s")                                                                 \
    X(f417, "fcvtn v0.4h, v1.4s")                                                                  \
    X(f418, "fcvtn2 v0.8h, v1.4s")                                                                 \
    X(f419, "fcvtn v0.2s, v1.2d")                                                                  \
    X(f420, "fcvtn2 v0.4s, v1.2d")                                                                 \
    X(f421, "fcvtxn v0.2s, v1.2d")                                                                 \
    X(f422, "fcvtxn2 v0.4s, v1.2d")                                                                \
    X(f423, "fcvtxn s0, d1")                                                                       \
    X(f424, "fmlal v0.2s, v1.2h, v2.2h")                                                           \
    X(f425, "fmlal2 v0.4s, v1.4h, v2.4h")                                                          \
    X(f426, "fmlsl v0.4s, v1.4h, v2.4h")                                                           \
    X(f427, "fmlsl2 v0.2s, v1.2h, v2.2h")                                                          \
    X(f428, "fmlal v0.4s, v1.4h, v2.h[7]")                                                         \
    X(f429, "fmlsl2 v0.4s, v1.4h, v2.h[3]")                                                        \
    X(f430, "fcmla v0.4s, v1.4s, v2.4s, #90")                                                      \
    X(f431, "fcmla v0.8h, v1.8h, v2.h[3], #270")                                                   \
    X(f432, "fcmla v0.2d, v1.2d, v2.2d, #180")                                                     \
    X(f433, "fcadd v0.4h, v1.4h, v2.4h, #90")                                                      \
    X(f434, "fcadd v0.2d, v1.2d, v2.2d, #270")                                                     \
    X(f435, "bfcvt h0, s1")                                                                        \
    X(f436, "bfcvtn v0.4h, v1.4s")                                                                 \
    X(f437, "bfcvtn2 v0.8h, v1.4s")                                                                \
    X(f438, "bfdot v0.4s, v1.8h, v2.8h")                                                           \
    X(f439, "bfmlalb v0.4s, v1.8h, v2.8h")                                                         \
    X(f440, "bfmlalt v0.4s, v1.8h, v2.h[5]")                                                       \
    X(f441, "bfmmla v0.4s, v1.8h, v2.8h")

#define X(name, insn) FN(name, insn)
FORMS
#undef X
static const struct {
    const char *n;
    void (*f)(uint64_t, const uint64_t *, uint64_t *);
} ops[] = {
#define X(name, insn) {insn, name},
    FORMS
#undef X
};

static uint64_t rng;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
/* 64 bits of lanes: each 16-bit piece random, special, or part of a special single/double. */
static uint64_t lanes(void)
{
    static const uint64_t sp64[] = {0,
                                    0x8000000000000000,
                                    0x3ff0000000000000,
                                    0x0010000000000000,
                                    0x000fffffffffffff,
                                    0x7ff0000000000000,
                                    0x7ff8000000000001,
                                    0x7ff0000000000002,
                                    0x43e0000000000000,
                                    0x41dfffffffe00000,
                                    0xc1e0000000000000,
                                    0x3fe0000000000000};
    static const uint32_t sp32[] = {0,          0x80000000, 0x3f800000, 0x00800000, 0x007fffff,
                                    0x7f800000, 0x7fc00001, 0x7f800002, 0x4f000000, 0xcf000000,
                                    0x3f000000, 0x4effffff, 0x3fc00000, 0x00000001};
    static const uint16_t sp16[] = {0,      0x8000, 0x3c00, 0x0400, 0x03ff, 0x7c00, 0x7e01,
                                    0x7c02, 0x7bff, 0x3800, 0x3e00, 0x0001, 0xfbff, 0x4900};
    uint64_t r = next(), k = next() % 8;
    if (k == 0)
        return sp64[next() % 12];
    if (k == 1)
        return (uint64_t)sp32[next() % 14] << 32 | sp32[next() % 14];
    if (k == 2)
        return (uint64_t)sp16[next() % 14] << 48 | (uint64_t)sp16[next() % 14] << 32 |
               (uint64_t)sp16[next() % 14] << 16 | sp16[next() % 14];
    if (k == 3) /* moderate exponents in every lane size */
        return r & 0x3fff3fff3fff3fffull | 0x3000300030003000ull;
    if (k == 4)
        return r & 0xbfffffffbfffffffull | 0x3c0000003c000000ull;
    if (k == 5)
        return (r & 0x800fffffffffffffull) | (0x3c0ull + next() % 0x80) << 52;
    return r;
}

int main(int argc, char **argv)
{
    static const uint64_t fpcrs[] = {
        0, 1 << 22, 2 << 22, 3 << 22, 1 << 24 | 1 << 19 | 1 << 25, 1 << 26 | 1 << 24 | 2 << 22};
    for (unsigned k = 0; k < sizeof ops / sizeof ops[0]; k++)
        for (unsigned f = 0; f < sizeof fpcrs / 8; f++) {
            hash = 0;
            rng = 0x2545f4914f6cdd1dull + k * 77;
            for (int i = 0; i < 40; i++) {
                uint64_t in[6], out[3];
                for (int j = 0; j < 6; j++)
                    in[j] = lanes();
                ops[k].f(fpcrs[f], in, out);
                mix(out[0]);
                mix(out[1]);
                mix(out[2]);
                if (argc > 1)
                    printf("%s %llx: %016llx%016llx %016llx%016llx %016llx%016llx -> "
                           "%016llx%016llx %llx\n",
                           ops[k].n, (unsigned long long)fpcrs[f], (unsigned long long)in[1],
                           (unsigned long long)in[0], (unsigned long long)in[3],
                           (unsigned long long)in[2], (unsigned long long)in[5],
                           (unsigned long long)in[4], (unsigned long long)out[1],
                           (unsigned long long)out[0], (unsigned long long)out[2]);
            }
            printf("%-34s fpcr=%08llx %016llx\n", ops[k].n, (unsigned long long)fpcrs[f],
                   (unsigned long long)hash);
        }
    return 0;
}
