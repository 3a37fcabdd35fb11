// cflags: -march=armv8.2-a+fp16
/*
 * Fixed-point and integer <-> FP conversions with every useful #fbits:
 * SCVTF/UCVTF from W/X and from the SIMD scalar register, FCVTZS/FCVTZU to
 * W/X and to the SIMD scalar register, for half, single and double, over
 * random operands at every magnitude (and any pattern), under the four
 * rounding modes and FZ|FZ16|DN.  One hash of results and FPSR per
 * instruction and FPCR; any argument prints every result.
 */
#include <stdint.h>
#include <stdio.h>
static uint64_t hash;
static void mix(uint64_t v)
{
    hash = (hash ^ v) * 0x100000001b3ull;
    hash ^= hash >> 29;
}

/* x1 = d1 = the operand; v0 = 0, x0 = -1; then INSN; OUT moves the result to %0. */
#define FN(name, insn, out)                                                                        \
    static void name(uint64_t fpcr, uint64_t a, uint64_t *r, uint64_t *s)                          \
    {                                                                                              \
        uint64_t res, st;                                                                          \
        asm volatile("msr fpcr, %2\n\tmsr fpsr, xzr\n\tfmov d1, %3\n\tmov x1, %3\n\t"              \
                     "movi v0.2d, #0\n\tmov x0, #-1\n\t" insn "\n\t" out "\n\t"                    \
                     "mrs %1, fpsr\n\tmsr fpcr, xzr"                                               \
                     : "=&r"(res), "=&r"(st)                                                       \
                     : "r"(fpcr), "r"(a)                                                           \
                     : "x0", "x1", "v0", "v1", "memory");                                          \
        *r = res;                                                                                  \
        *s = st;                                                                                   \
    }
#define V "fmov %0, d0"
#define X "mov %0, x0"
/* The reference sign-extends this result into bits 31:16 (tests/diff/known-divergences.md):
 * FMOV H0, H0 keeps the architected 16 bits only. */
#define VH "fmov h0, h0\n\tfmov %0, d0"

FN(f0, "scvtf h0, w1, #1", V)
FN(f1, "scvtf h0, w1, #2", V)
FN(f2, "scvtf h0, w1, #5", V)
FN(f3, "scvtf h0, w1, #8", V)
FN(f4, "scvtf h0, w1, #11", V)
FN(f5, "scvtf h0, w1, #15", V)
FN(f6, "scvtf h0, w1, #16", V)
FN(f7, "scvtf h0, w1, #17", V)
FN(f8, "scvtf h0, w1, #24", V)
FN(f9, "scvtf h0, w1, #25", V)
FN(f10, "scvtf h0, w1, #31", V)
FN(f11, "scvtf h0, w1, #32", V)
FN(f12, "scvtf h0, x1, #1", V)
FN(f13, "scvtf h0, x1, #2", V)
FN(f14, "scvtf h0, x1, #5", V)
FN(f15, "scvtf h0, x1, #8", V)
FN(f16, "scvtf h0, x1, #11", V)
FN(f17, "scvtf h0, x1, #15", V)
FN(f18, "scvtf h0, x1, #16", V)
FN(f19, "scvtf h0, x1, #17", V)
FN(f20, "scvtf h0, x1, #24", V)
FN(f21, "scvtf h0, x1, #25", V)
FN(f22, "scvtf h0, x1, #31", V)
FN(f23, "scvtf h0, x1, #32", V)
FN(f24, "scvtf h0, x1, #33", V)
FN(f25, "scvtf h0, x1, #48", V)
FN(f26, "scvtf h0, x1, #52", V)
FN(f27, "scvtf h0, x1, #53", V)
FN(f28, "scvtf h0, x1, #63", V)
FN(f29, "scvtf h0, x1, #64", V)
FN(f30, "scvtf s0, w1, #1", V)
FN(f31, "scvtf s0, w1, #2", V)
FN(f32, "scvtf s0, w1, #5", V)
FN(f33, "scvtf s0, w1, #8", V)
FN(f34, "scvtf s0, w1, #11", V)
FN(f35, "scvtf s0, w1, #15", V)
FN(f36, "scvtf s0, w1, #16", V)
FN(f37, "scvtf s0, w1, #17", V)
FN(f38, "scvtf s0, w1, #24", V)
FN(f39, "scvtf s0, w1, #25", V)
FN(f40, "scvtf s0, w1, #31", V)
FN(f41, "scvtf s0, w1, #32", V)
FN(f42, "scvtf s0, x1, #1", V)
FN(f43, "scvtf s0, x1, #2", V)
FN(f44, "scvtf s0, x1, #5", V)
FN(f45, "scvtf s0, x1, #8", V)
FN(f46, "scvtf s0, x1, #11", V)
FN(f47, "scvtf s0, x1, #15", V)
FN(f48, "scvtf s0, x1, #16", V)
FN(f49, "scvtf s0, x1, #17", V)
FN(f50, "scvtf s0, x1, #24", V)
FN(f51, "scvtf s0, x1, #25", V)
FN(f52, "scvtf s0, x1, #31", V)
FN(f53, "scvtf s0, x1, #32", V)
FN(f54, "scvtf s0, x1, #33", V)
FN(f55, "scvtf s0, x1, #48", V)
FN(f56, "scvtf s0, x1, #52", V)
FN(f57, "scvtf s0, x1, #53", V)
FN(f58, "scvtf s0, x1, #63", V)
FN(f59, "scvtf s0, x1, #64", V)
FN(f60, "scvtf d0, w1, #1", V)
FN(f61, "scvtf d0, w1, #2", V)
FN(f62, "scvtf d0, w1, #5", V)
FN(f63, "scvtf d0, w1, #8", V)
FN(f64, "scvtf d0, w1, #11", V)
FN(f65, "scvtf d0, w1, #15", V)
FN(f66, "scvtf d0, w1, #16", V)
FN(f67, "scvtf d0, w1, #17", V)
FN(f68, "scvtf d0, w1, #24", V)
FN(f69, "scvtf d0, w1, #25", V)
FN(f70, "scvtf d0, w1, #31", V)
FN(f71, "scvtf d0, w1, #32", V)
FN(f72, "scvtf d0, x1, #1", V)
FN(f73, "scvtf d0, x1, #2", V)
FN(f74, "scvtf d0, x1, #5", V)
FN(f75, "scvtf d0, x1, #8", V)
FN(f76, "scvtf d0, x1, #11", V)
FN(f77, "scvtf d0, x1, #15", V)
FN(f78, "scvtf d0, x1, #16", V)
FN(f79, "scvtf d0, x1, #17", V)
FN(f80, "scvtf d0, x1, #24", V)
FN(f81, "scvtf d0, x1, #25", V)
FN(f82, "scvtf d0, x1, #31", V)
FN(f83, "scvtf d0, x1, #32", V)
FN(f84, "scvtf d0, x1, #33", V)
FN(f85, "scvtf d0, x1, #48", V)
FN(f86, "scvtf d0, x1, #52", V)
FN(f87, "scvtf d0, x1, #53", V)
FN(f88, "scvtf d0, x1, #63", V)
FN(f89, "scvtf d0, x1, #64", V)
FN(f90, "ucvtf h0, w1, #1", V)
FN(f91, "ucvtf h0, w1, #2", V)
FN(f92, "ucvtf h0, w1, #5", V)
FN(f93, "ucvtf h0, w1, #8", V)
FN(f94, "ucvtf h0, w1, #11", V)
FN(f95, "ucvtf h0, w1, #15", V)
FN(f96, "ucvtf h0, w1, #16", V)
FN(f97, "ucvtf h0, w1, #17", V)
FN(f98, "ucvtf h0, w1, #24", V)
FN(f99, "ucvtf h0, w1, #25", V)
FN(f100, "ucvtf h0, w1, #31", V)
FN(f101, "ucvtf h0, w1, #32", V)
FN(f102, "ucvtf h0, x1, #1", V)
FN(f103, "ucvtf h0, x1, #2", V)
FN(f104, "ucvtf h0, x1, #5", V)
FN(f105, "ucvtf h0, x1, #8", V)
FN(f106, "ucvtf h0, x1, #11", V)
FN(f107, "ucvtf h0, x1, #15", V)
FN(f108, "ucvtf h0, x1, #16", V)
FN(f109, "ucvtf h0, x1, #17", V)
FN(f110, "ucvtf h0, x1, #24", V)
FN(f111, "ucvtf h0, x1, #25", V)
FN(f112, "ucvtf h0, x1, #31", V)
FN(f113, "ucvtf h0, x1, #32", V)
FN(f114, "ucvtf h0, x1, #33", V)
FN(f115, "ucvtf h0, x1, #48", V)
FN(f116, "ucvtf h0, x1, #52", V)
FN(f117, "ucvtf h0, x1, #53", V)
FN(f118, "ucvtf h0, x1, #63", V)
FN(f119, "ucvtf h0, x1, #64", V)
FN(f120, "ucvtf s0, w1, #1", V)
FN(f121, "ucvtf s0, w1, #2", V)
FN(f122, "ucvtf s0, w1, #5", V)
FN(f123, "ucvtf s0, w1, #8", V)
FN(f124, "ucvtf s0, w1, #11", V)
FN(f125, "ucvtf s0, w1, #15", V)
FN(f126, "ucvtf s0, w1, #16", V)
FN(f127, "ucvtf s0, w1, #17", V)
FN(f128, "ucvtf s0, w1, #24", V)
FN(f129, "ucvtf s0, w1, #25", V)
FN(f130, "ucvtf s0, w1, #31", V)
FN(f131, "ucvtf s0, w1, #32", V)
FN(f132, "ucvtf s0, x1, #1", V)
FN(f133, "ucvtf s0, x1, #2", V)
FN(f134, "ucvtf s0, x1, #5", V)
FN(f135, "ucvtf s0, x1, #8", V)
FN(f136, "ucvtf s0, x1, #11", V)
FN(f137, "ucvtf s0, x1, #15", V)
FN(f138, "ucvtf s0, x1, #16", V)
FN(f139, "ucvtf s0, x1, #17", V)
FN(f140, "ucvtf s0, x1, #24", V)
FN(f141, "ucvtf s0, x1, #25", V)
FN(f142, "ucvtf s0, x1, #31", V)
FN(f143, "ucvtf s0, x1, #32", V)
FN(f144, "ucvtf s0, x1, #33", V)
FN(f145, "ucvtf s0, x1, #48", V)
FN(f146, "ucvtf s0, x1, #52", V)
FN(f147, "ucvtf s0, x1, #53", V)
FN(f148, "ucvtf s0, x1, #63", V)
FN(f149, "ucvtf s0, x1, #64", V)
FN(f150, "ucvtf d0, w1, #1", V)
FN(f151, "ucvtf d0, w1, #2", V)
FN(f152, "ucvtf d0, w1, #5", V)
FN(f153, "ucvtf d0, w1, #8", V)
FN(f154, "ucvtf d0, w1, #11", V)
FN(f155, "ucvtf d0, w1, #15", V)
FN(f156, "ucvtf d0, w1, #16", V)
FN(f157, "ucvtf d0, w1, #17", V)
FN(f158, "ucvtf d0, w1, #24", V)
FN(f159, "ucvtf d0, w1, #25", V)
FN(f160, "ucvtf d0, w1, #31", V)
FN(f161, "ucvtf d0, w1, #32", V)
FN(f162, "ucvtf d0, x1, #1", V)
FN(f163, "ucvtf d0, x1, #2", V)
FN(f164, "ucvtf d0, x1, #5", V)
FN(f165, "ucvtf d0, x1, #8", V)
FN(f166, "ucvtf d0, x1, #11", V)
FN(f167, "ucvtf d0, x1, #15", V)
FN(f168, "ucvtf d0, x1, #16", V)
FN(f169, "ucvtf d0, x1, #17", V)
FN(f170, "ucvtf d0, x1, #24", V)
FN(f171, "ucvtf d0, x1, #25", V)
FN(f172, "ucvtf d0, x1, #31", V)
FN(f173, "ucvtf d0, x1, #32", V)
FN(f174, "ucvtf d0, x1, #33", V)
FN(f175, "ucvtf d0, x1, #48", V)
FN(f176, "ucvtf d0, x1, #52", V)
FN(f177, "ucvtf d0, x1, #53", V)
FN(f178, "ucvtf d0, x1, #63", V)
FN(f179, "ucvtf d0, x1, #64", V)
FN(f180, "fcvtzs w0, h1, #1", X)
FN(f181, "fcvtzs w0, h1, #2", X)
FN(f182, "fcvtzs w0, h1, #5", X)
FN(f183, "fcvtzs w0, h1, #8", X)
FN(f184, "fcvtzs w0, h1, #11", X)
FN(f185, "fcvtzs w0, h1, #15", X)
FN(f186, "fcvtzs w0, h1, #16", X)
FN(f187, "fcvtzs w0, h1, #17", X)
FN(f188, "fcvtzs w0, h1, #24", X)
FN(f189, "fcvtzs w0, h1, #25", X)
FN(f190, "fcvtzs w0, h1, #31", X)
FN(f191, "fcvtzs w0, h1, #32", X)
FN(f192, "fcvtzs x0, h1, #1", X)
FN(f193, "fcvtzs x0, h1, #2", X)
FN(f194, "fcvtzs x0, h1, #5", X)
FN(f195, "fcvtzs x0, h1, #8", X)
FN(f196, "fcvtzs x0, h1, #11", X)
FN(f197, "fcvtzs x0, h1, #15", X)
FN(f198, "fcvtzs x0, h1, #16", X)
FN(f199, "fcvtzs x0, h1, #17", X)
FN(f200, "fcvtzs x0, h1, #24", X)
FN(f201, "fcvtzs x0, h1, #25", X)
FN(f202, "fcvtzs x0, h1, #31", X)
FN(f203, "fcvtzs x0, h1, #32", X)
FN(f204, "fcvtzs x0, h1, #33", X)
FN(f205, "fcvtzs x0, h1, #48", X)
FN(f206, "fcvtzs x0, h1, #52", X)
FN(f207, "fcvtzs x0, h1, #53", X)
FN(f208, "fcvtzs x0, h1, #63", X)
FN(f209, "fcvtzs x0, h1, #64", X)
FN(f210, "fcvtzs w0, s1, #1", X)
FN(f211, "fcvtzs w0, s1, #2", X)
FN(f212, "fcvtzs w0, s1, #5", X)
FN(f213, "fcvtzs w0, s1, #8", X)
FN(f214, "fcvtzs w0, s1, #11", X)
FN(f215, "fcvtzs w0, s1, #15", X)
FN(f216, "fcvtzs w0, s1, #16", X)
FN(f217, "fcvtzs w0, s1, #17", X)
FN(f218, "fcvtzs w0, s1, #24", X)
FN(f219, "fcvtzs w0, s1, #25", X)
FN(f220, "fcvtzs w0, s1, #31", X)
FN(f221, "fcvtzs w0, s1, #32", X)
FN(f222, "fcvtzs x0, s1, #1", X)
FN(f223, "fcvtzs x0, s1, #2", X)
FN(f224, "fcvtzs x0, s1, #5", X)
FN(f225, "fcvtzs x0, s1, #8", X)
FN(f226, "fcvtzs x0, s1, #11", X)
FN(f227, "fcvtzs x0, s1, #15", X)
FN(f228, "fcvtzs x0, s1, #16", X)
FN(f229, "fcvtzs x0, s1, #17", X)
FN(f230, "fcvtzs x0, s1, #24", X)
FN(f231, "fcvtzs x0, s1, #25", X)
FN(f232, "fcvtzs x0, s1, #31", X)
FN(f233, "fcvtzs x0, s1, #32", X)
FN(f234, "fcvtzs x0, s1, #33", X)
FN(f235, "fcvtzs x0, s1, #48", X)
FN(f236, "fcvtzs x0, s1, #52", X)
FN(f237, "fcvtzs x0, s1, #53", X)
FN(f238, "fcvtzs x0, s1, #63", X)
FN(f239, "fcvtzs x0, s1, #64", X)
FN(f240, "fcvtzs w0, d1, #1", X)
FN(f241, "fcvtzs w0, d1, #2", X)
FN(f242, "fcvtzs w0, d1, #5", X)
FN(f243, "fcvtzs w0, d1, #8", X)
FN(f244, "fcvtzs w0, d1, #11", X)
FN(f245, "fcvtzs w0, d1, #15", X)
FN(f246, "fcvtzs w0, d1, #16", X)
FN(f247, "fcvtzs w0, d1, #17", X)
FN(f248, "fcvtzs w0, d1, #24", X)
FN(f249, "fcvtzs w0, d1, #25", X)
FN(f250, "fcvtzs w0, d1, #31", X)
FN(f251, "fcvtzs w0, d1, #32", X)
FN(f252, "fcvtzs x0, d1, #1", X)
FN(f253, "fcvtzs x0, d1, #2", X)
FN(f254, "fcvtzs x0, d1, #5", X)
FN(f255, "fcvtzs x0, d1, #8", X)
FN(f256, "fcvtzs x0, d1, #11", X)
FN(f257, "fcvtzs x0, d1, #15", X)
FN(f258, "fcvtzs x0, d1, #16", X)
FN(f259, "fcvtzs x0, d1, #17", X)
FN(f260, "fcvtzs x0, d1, #24", X)
FN(f261, "fcvtzs x0, d1, #25", X)
FN(f262, "fcvtzs x0, d1, #31", X)
FN(f263, "fcvtzs x0, d1, #32", X)
FN(f264, "fcvtzs x0, d1, #33", X)
FN(f265, "fcvtzs x0, d1, #48", X)
FN(f266, "fcvtzs x0, d1, #52", X)
FN(f267, "fcvtzs x0, d1, #53", X)
FN(f268, "fcvtzs x0, d1, #63", X)
FN(f269, "fcvtzs x0, d1, #64", X)
FN(f270, "fcvtzu w0, h1, #1", X)
FN(f271, "fcvtzu w0, h1, #2", X)
FN(f272, "fcvtzu w0, h1, #5", X)
FN(f273, "fcvtzu w0, h1, #8", X)
FN(f274, "fcvtzu w0, h1, #11", X)
FN(f275, "fcvtzu w0, h1, #15", X)
FN(f276, "fcvtzu w0, h1, #16", X)
FN(f277, "fcvtzu w0, h1, #17", X)
FN(f278, "fcvtzu w0, h1, #24", X)
FN(f279, "fcvtzu w0, h1, #25", X)
FN(f280, "fcvtzu w0, h1, #31", X)
FN(f281, "fcvtzu w0, h1, #32", X)
FN(f282, "fcvtzu x0, h1, #1", X)
FN(f283, "fcvtzu x0, h1, #2", X)
FN(f284, "fcvtzu x0, h1, #5", X)
FN(f285, "fcvtzu x0, h1, #8", X)
FN(f286, "fcvtzu x0, h1, #11", X)
FN(f287, "fcvtzu x0, h1, #15", X)
FN(f288, "fcvtzu x0, h1, #16", X)
FN(f289, "fcvtzu x0, h1, #17", X)
FN(f290, "fcvtzu x0, h1, #24", X)
FN(f291, "fcvtzu x0, h1, #25", X)
FN(f292, "fcvtzu x0, h1, #31", X)
FN(f293, "fcvtzu x0, h1, #32", X)
FN(f294, "fcvtzu x0, h1, #33", X)
FN(f295, "fcvtzu x0, h1, #48", X)
FN(f296, "fcvtzu x0, h1, #52", X)
FN(f297, "fcvtzu x0, h1, #53", X)
FN(f298, "fcvtzu x0, h1, #63", X)
FN(f299, "fcvtzu x0, h1, #64", X)
FN(f300, "fcvtzu w0, s1, #1", X)
FN(f301, "fcvtzu w0, s1, #2", X)
FN(f302, "fcvtzu w0, s1, #5", X)
FN(f303, "fcvtzu w0, s1, #8", X)
FN(f304, "fcvtzu w0, s1, #11", X)
FN(f305, "fcvtzu w0, s1, #15", X)
FN(f306, "fcvtzu w0, s1, #16", X)
FN(f307, "fcvtzu w0, s1, #17", X)
FN(f308, "fcvtzu w0, s1, #24", X)
FN(f309, "fcvtzu w0, s1, #25", X)
FN(f310, "fcvtzu w0, s1, #31", X)
FN(f311, "fcvtzu w0, s1, #32", X)
FN(f312, "fcvtzu x0, s1, #1", X)
FN(f313, "fcvtzu x0, s1, #2", X)
FN(f314, "fcvtzu x0, s1, #5", X)
FN(f315, "fcvtzu x0, s1, #8", X)
FN(f316, "fcvtzu x0, s1, #11", X)
FN(f317, "fcvtzu x0, s1, #15", X)
FN(f318, "fcvtzu x0, s1, #16", X)
FN(f319, "fcvtzu x0, s1, #17", X)
FN(f320, "fcvtzu x0, s1, #24", X)
FN(f321, "fcvtzu x0, s1, #25", X)
FN(f322, "fcvtzu x0, s1, #31", X)
FN(f323, "fcvtzu x0, s1, #32", X)
FN(f324, "fcvtzu x0, s1, #33", X)
FN(f325, "fcvtzu x0, s1, #48", X)
FN(f326, "fcvtzu x0, s1, #52", X)
FN(f327, "fcvtzu x0, s1, #53", X)
FN(f328, "fcvtzu x0, s1, #63", X)
FN(f329, "fcvtzu x0, s1, #64", X)
FN(f330, "fcvtzu w0, d1, #1", X)
FN(f331, "fcvtzu w0, d1, #2", X)
FN(f332, "fcvtzu w0, d1, #5", X)
FN(f333, "fcvtzu w0, d1, #8", X)
FN(f334, "fcvtzu w0, d1, #11", X)
FN(f335, "fcvtzu w0, d1, #15", X)
FN(f336, "fcvtzu w0, d1, #16", X)
FN(f337, "fcvtzu w0, d1, #17", X)
FN(f338, "fcvtzu w0, d1, #24", X)
FN(f339, "fcvtzu w0, d1, #25", X)
FN(f340, "fcvtzu w0, d1, #31", X)
FN(f341, "fcvtzu w0, d1, #32", X)
FN(f342, "fcvtzu x0, d1, #1", X)
FN(f343, "fcvtzu x0, d1, #2", X)
FN(f344, "fcvtzu x0, d1, #5", X)
FN(f345, "fcvtzu x0, d1, #8", X)
FN(f346, "fcvtzu x0, d1, #11", X)
FN(f347, "fcvtzu x0, d1, #15", X)
FN(f348, "fcvtzu x0, d1, #16", X)
FN(f349, "fcvtzu x0, d1, #17", X)
FN(f350, "fcvtzu x0, d1, #24", X)
FN(f351, "fcvtzu x0, d1, #25", X)
FN(f352, "fcvtzu x0, d1, #31", X)
FN(f353, "fcvtzu x0, d1, #32", X)
FN(f354, "fcvtzu x0, d1, #33", X)
FN(f355, "fcvtzu x0, d1, #48", X)
FN(f356, "fcvtzu x0, d1, #52", X)
FN(f357, "fcvtzu x0, d1, #53", X)
FN(f358, "fcvtzu x0, d1, #63", X)
FN(f359, "fcvtzu x0, d1, #64", X)
FN(f360, "scvtf h0, h1, #1", V)
FN(f361, "scvtf h0, h1, #3", V)
FN(f362, "scvtf h0, h1, #8", V)
FN(f363, "scvtf h0, h1, #15", V)
FN(f364, "scvtf h0, h1, #16", V)
FN(f365, "scvtf s0, s1, #1", V)
FN(f366, "scvtf s0, s1, #3", V)
FN(f367, "scvtf s0, s1, #16", V)
FN(f368, "scvtf s0, s1, #31", V)
FN(f369, "scvtf s0, s1, #32", V)
FN(f370, "scvtf d0, d1, #1", V)
FN(f371, "scvtf d0, d1, #3", V)
FN(f372, "scvtf d0, d1, #32", V)
FN(f373, "scvtf d0, d1, #63", V)
FN(f374, "scvtf d0, d1, #64", V)
FN(f375, "ucvtf h0, h1, #1", V)
FN(f376, "ucvtf h0, h1, #3", V)
FN(f377, "ucvtf h0, h1, #8", V)
FN(f378, "ucvtf h0, h1, #15", V)
FN(f379, "ucvtf h0, h1, #16", V)
FN(f380, "ucvtf s0, s1, #1", V)
FN(f381, "ucvtf s0, s1, #3", V)
FN(f382, "ucvtf s0, s1, #16", V)
FN(f383, "ucvtf s0, s1, #31", V)
FN(f384, "ucvtf s0, s1, #32", V)
FN(f385, "ucvtf d0, d1, #1", V)
FN(f386, "ucvtf d0, d1, #3", V)
FN(f387, "ucvtf d0, d1, #32", V)
FN(f388, "ucvtf d0, d1, #63", V)
FN(f389, "ucvtf d0, d1, #64", V)
FN(f390, "fcvtzs h0, h1, #1", VH)
FN(f391, "fcvtzs h0, h1, #3", VH)
FN(f392, "fcvtzs h0, h1, #8", VH)
FN(f393, "fcvtzs h0, h1, #15", VH)
FN(f394, "fcvtzs h0, h1, #16", VH)
FN(f395, "fcvtzs s0, s1, #1", V)
FN(f396, "fcvtzs s0, s1, #3", V)
FN(f397, "fcvtzs s0, s1, #16", V)
FN(f398, "fcvtzs s0, s1, #31", V)
FN(f399, "fcvtzs s0, s1, #32", V)
FN(f400, "fcvtzs d0, d1, #1", V)
FN(f401, "fcvtzs d0, d1, #3", V)
FN(f402, "fcvtzs d0, d1, #32", V)
FN(f403, "fcvtzs d0, d1, #63", V)
FN(f404, "fcvtzs d0, d1, #64", V)
FN(f405, "fcvtzu h0, h1, #1", V)
FN(f406, "fcvtzu h0, h1, #3", V)
FN(f407, "fcvtzu h0, h1, #8", V)
FN(f408, "fcvtzu h0, h1, #15", V)
FN(f409, "fcvtzu h0, h1, #16", V)
FN(f410, "fcvtzu s0, s1, #1", V)
FN(f411, "fcvtzu s0, s1, #3", V)
FN(f412, "fcvtzu s0, s1, #16", V)
FN(f413, "fcvtzu s0, s1, #31", V)
FN(f414, "fcvtzu s0, s1, #32", V)
FN(f415, "fcvtzu d0, d1, #1", V)
FN(f416, "fcvtzu d0, d1, #3", V)
FN(f417, "fcvtzu d0, d1, #32", V)
FN(f418, "fcvtzu d0, d1, #63", V)
FN(f419, "fcvtzu d0, d1, #64", V)
static const struct {
    const char *n;
    void (*f)(uint64_t, uint64_t, uint64_t *, uint64_t *);
    int src;
} ops[] = {
    {"scvtf h0, w1, #1", f0, 0},     {"scvtf h0, w1, #2", f1, 0},
    {"scvtf h0, w1, #5", f2, 0},     {"scvtf h0, w1, #8", f3, 0},
    {"scvtf h0, w1, #11", f4, 0},    {"scvtf h0, w1, #15", f5, 0},
    {"scvtf h0, w1, #16", f6, 0},    {"scvtf h0, w1, #17", f7, 0},
    {"scvtf h0, w1, #24", f8, 0},    {"scvtf h0, w1, #25", f9, 0},
    {"scvtf h0, w1, #31", f10, 0},   {"scvtf h0, w1, #32", f11, 0},
    {"scvtf h0, x1, #1", f12, 0},    {"scvtf h0, x1, #2", f13, 0},
    {"scvtf h0, x1, #5", f14, 0},    {"scvtf h0, x1, #8", f15, 0},
    {"scvtf h0, x1, #11", f16, 0},   {"scvtf h0, x1, #15", f17, 0},
    {"scvtf h0, x1, #16", f18, 0},   {"scvtf h0, x1, #17", f19, 0},
    {"scvtf h0, x1, #24", f20, 0},   {"scvtf h0, x1, #25", f21, 0},
    {"scvtf h0, x1, #31", f22, 0},   {"scvtf h0, x1, #32", f23, 0},
    {"scvtf h0, x1, #33", f24, 0},   {"scvtf h0, x1, #48", f25, 0},
    {"scvtf h0, x1, #52", f26, 0},   {"scvtf h0, x1, #53", f27, 0},
    {"scvtf h0, x1, #63", f28, 0},   {"scvtf h0, x1, #64", f29, 0},
    {"scvtf s0, w1, #1", f30, 0},    {"scvtf s0, w1, #2", f31, 0},
    {"scvtf s0, w1, #5", f32, 0},    {"scvtf s0, w1, #8", f33, 0},
    {"scvtf s0, w1, #11", f34, 0},   {"scvtf s0, w1, #15", f35, 0},
    {"scvtf s0, w1, #16", f36, 0},   {"scvtf s0, w1, #17", f37, 0},
    {"scvtf s0, w1, #24", f38, 0},   {"scvtf s0, w1, #25", f39, 0},
    {"scvtf s0, w1, #31", f40, 0},   {"scvtf s0, w1, #32", f41, 0},
    {"scvtf s0, x1, #1", f42, 0},    {"scvtf s0, x1, #2", f43, 0},
    {"scvtf s0, x1, #5", f44, 0},    {"scvtf s0, x1, #8", f45, 0},
    {"scvtf s0, x1, #11", f46, 0},   {"scvtf s0, x1, #15", f47, 0},
    {"scvtf s0, x1, #16", f48, 0},   {"scvtf s0, x1, #17", f49, 0},
    {"scvtf s0, x1, #24", f50, 0},   {"scvtf s0, x1, #25", f51, 0},
    {"scvtf s0, x1, #31", f52, 0},   {"scvtf s0, x1, #32", f53, 0},
    {"scvtf s0, x1, #33", f54, 0},   {"scvtf s0, x1, #48", f55, 0},
    {"scvtf s0, x1, #52", f56, 0},   {"scvtf s0, x1, #53", f57, 0},
    {"scvtf s0, x1, #63", f58, 0},   {"scvtf s0, x1, #64", f59, 0},
    {"scvtf d0, w1, #1", f60, 0},    {"scvtf d0, w1, #2", f61, 0},
    {"scvtf d0, w1, #5", f62, 0},    {"scvtf d0, w1, #8", f63, 0},
    {"scvtf d0, w1, #11", f64, 0},   {"scvtf d0, w1, #15", f65, 0},
    {"scvtf d0, w1, #16", f66, 0},   {"scvtf d0, w1, #17", f67, 0},
    {"scvtf d0, w1, #24", f68, 0},   {"scvtf d0, w1, #25", f69, 0},
    {"scvtf d0, w1, #31", f70, 0},   {"scvtf d0, w1, #32", f71, 0},
    {"scvtf d0, x1, #1", f72, 0},    {"scvtf d0, x1, #2", f73, 0},
    {"scvtf d0, x1, #5", f74, 0},    {"scvtf d0, x1, #8", f75, 0},
    {"scvtf d0, x1, #11", f76, 0},   {"scvtf d0, x1, #15", f77, 0},
    {"scvtf d0, x1, #16", f78, 0},   {"scvtf d0, x1, #17", f79, 0},
    {"scvtf d0, x1, #24", f80, 0},   {"scvtf d0, x1, #25", f81, 0},
    {"scvtf d0, x1, #31", f82, 0},   {"scvtf d0, x1, #32", f83, 0},
    {"scvtf d0, x1, #33", f84, 0},   {"scvtf d0, x1, #48", f85, 0},
    {"scvtf d0, x1, #52", f86, 0},   {"scvtf d0, x1, #53", f87, 0},
    {"scvtf d0, x1, #63", f88, 0},   {"scvtf d0, x1, #64", f89, 0},
    {"ucvtf h0, w1, #1", f90, 0},    {"ucvtf h0, w1, #2", f91, 0},
    {"ucvtf h0, w1, #5", f92, 0},    {"ucvtf h0, w1, #8", f93, 0},
    {"ucvtf h0, w1, #11", f94, 0},   {"ucvtf h0, w1, #15", f95, 0},
    {"ucvtf h0, w1, #16", f96, 0},   {"ucvtf h0, w1, #17", f97, 0},
    {"ucvtf h0, w1, #24", f98, 0},   {"ucvtf h0, w1, #25", f99, 0},
    {"ucvtf h0, w1, #31", f100, 0},  {"ucvtf h0, w1, #32", f101, 0},
    {"ucvtf h0, x1, #1", f102, 0},   {"ucvtf h0, x1, #2", f103, 0},
    {"ucvtf h0, x1, #5", f104, 0},   {"ucvtf h0, x1, #8", f105, 0},
    {"ucvtf h0, x1, #11", f106, 0},  {"ucvtf h0, x1, #15", f107, 0},
    {"ucvtf h0, x1, #16", f108, 0},  {"ucvtf h0, x1, #17", f109, 0},
    {"ucvtf h0, x1, #24", f110, 0},  {"ucvtf h0, x1, #25", f111, 0},
    {"ucvtf h0, x1, #31", f112, 0},  {"ucvtf h0, x1, #32", f113, 0},
    {"ucvtf h0, x1, #33", f114, 0},  {"ucvtf h0, x1, #48", f115, 0},
    {"ucvtf h0, x1, #52", f116, 0},  {"ucvtf h0, x1, #53", f117, 0},
    {"ucvtf h0, x1, #63", f118, 0},  {"ucvtf h0, x1, #64", f119, 0},
    {"ucvtf s0, w1, #1", f120, 0},   {"ucvtf s0, w1, #2", f121, 0},
    {"ucvtf s0, w1, #5", f122, 0},   {"ucvtf s0, w1, #8", f123, 0},
    {"ucvtf s0, w1, #11", f124, 0},  {"ucvtf s0, w1, #15", f125, 0},
    {"ucvtf s0, w1, #16", f126, 0},  {"ucvtf s0, w1, #17", f127, 0},
    {"ucvtf s0, w1, #24", f128, 0},  {"ucvtf s0, w1, #25", f129, 0},
    {"ucvtf s0, w1, #31", f130, 0},  {"ucvtf s0, w1, #32", f131, 0},
    {"ucvtf s0, x1, #1", f132, 0},   {"ucvtf s0, x1, #2", f133, 0},
    {"ucvtf s0, x1, #5", f134, 0},   {"ucvtf s0, x1, #8", f135, 0},
    {"ucvtf s0, x1, #11", f136, 0},  {"ucvtf s0, x1, #15", f137, 0},
    {"ucvtf s0, x1, #16", f138, 0},  {"ucvtf s0, x1, #17", f139, 0},
    {"ucvtf s0, x1, #24", f140, 0},  {"ucvtf s0, x1, #25", f141, 0},
    {"ucvtf s0, x1, #31", f142, 0},  {"ucvtf s0, x1, #32", f143, 0},
    {"ucvtf s0, x1, #33", f144, 0},  {"ucvtf s0, x1, #48", f145, 0},
    {"ucvtf s0, x1, #52", f146, 0},  {"ucvtf s0, x1, #53", f147, 0},
    {"ucvtf s0, x1, #63", f148, 0},  {"ucvtf s0, x1, #64", f149, 0},
    {"ucvtf d0, w1, #1", f150, 0},   {"ucvtf d0, w1, #2", f151, 0},
    {"ucvtf d0, w1, #5", f152, 0},   {"ucvtf d0, w1, #8", f153, 0},
    {"ucvtf d0, w1, #11", f154, 0},  {"ucvtf d0, w1, #15", f155, 0},
    {"ucvtf d0, w1, #16", f156, 0},  {"ucvtf d0, w1, #17", f157, 0},
    {"ucvtf d0, w1, #24", f158, 0},  {"ucvtf d0, w1, #25", f159, 0},
    {"ucvtf d0, w1, #31", f160, 0},  {"ucvtf d0, w1, #32", f161, 0},
    {"ucvtf d0, x1, #1", f162, 0},   {"ucvtf d0, x1, #2", f163, 0},
    {"ucvtf d0, x1, #5", f164, 0},   {"ucvtf d0, x1, #8", f165, 0},
    {"ucvtf d0, x1, #11", f166, 0},  {"ucvtf d0, x1, #15", f167, 0},
    {"ucvtf d0, x1, #16", f168, 0},  {"ucvtf d0, x1, #17", f169, 0},
    {"ucvtf d0, x1, #24", f170, 0},  {"ucvtf d0, x1, #25", f171, 0},
    {"ucvtf d0, x1, #31", f172, 0},  {"ucvtf d0, x1, #32", f173, 0},
    {"ucvtf d0, x1, #33", f174, 0},  {"ucvtf d0, x1, #48", f175, 0},
    {"ucvtf d0, x1, #52", f176, 0},  {"ucvtf d0, x1, #53", f177, 0},
    {"ucvtf d0, x1, #63", f178, 0},  {"ucvtf d0, x1, #64", f179, 0},
    {"fcvtzs w0, h1, #1", f180, 1},  {"fcvtzs w0, h1, #2", f181, 1},
    {"fcvtzs w0, h1, #5", f182, 1},  {"fcvtzs w0, h1, #8", f183, 1},
    {"fcvtzs w0, h1, #11", f184, 1}, {"fcvtzs w0, h1, #15", f185, 1},
    {"fcvtzs w0, h1, #16", f186, 1}, {"fcvtzs w0, h1, #17", f187, 1},
    {"fcvtzs w0, h1, #24", f188, 1}, {"fcvtzs w0, h1, #25", f189, 1},
    {"fcvtzs w0, h1, #31", f190, 1}, {"fcvtzs w0, h1, #32", f191, 1},
    {"fcvtzs x0, h1, #1", f192, 1},  {"fcvtzs x0, h1, #2", f193, 1},
    {"fcvtzs x0, h1, #5", f194, 1},  {"fcvtzs x0, h1, #8", f195, 1},
    {"fcvtzs x0, h1, #11", f196, 1}, {"fcvtzs x0, h1, #15", f197, 1},
    {"fcvtzs x0, h1, #16", f198, 1}, {"fcvtzs x0, h1, #17", f199, 1},
    {"fcvtzs x0, h1, #24", f200, 1}, {"fcvtzs x0, h1, #25", f201, 1},
    {"fcvtzs x0, h1, #31", f202, 1}, {"fcvtzs x0, h1, #32", f203, 1},
    {"fcvtzs x0, h1, #33", f204, 1}, {"fcvtzs x0, h1, #48", f205, 1},
    {"fcvtzs x0, h1, #52", f206, 1}, {"fcvtzs x0, h1, #53", f207, 1},
    {"fcvtzs x0, h1, #63", f208, 1}, {"fcvtzs x0, h1, #64", f209, 1},
    {"fcvtzs w0, s1, #1", f210, 2},  {"fcvtzs w0, s1, #2", f211, 2},
    {"fcvtzs w0, s1, #5", f212, 2},  {"fcvtzs w0, s1, #8", f213, 2},
    {"fcvtzs w0, s1, #11", f214, 2}, {"fcvtzs w0, s1, #15", f215, 2},
    {"fcvtzs w0, s1, #16", f216, 2}, {"fcvtzs w0, s1, #17", f217, 2},
    {"fcvtzs w0, s1, #24", f218, 2}, {"fcvtzs w0, s1, #25", f219, 2},
    {"fcvtzs w0, s1, #31", f220, 2}, {"fcvtzs w0, s1, #32", f221, 2},
    {"fcvtzs x0, s1, #1", f222, 2},  {"fcvtzs x0, s1, #2", f223, 2},
    {"fcvtzs x0, s1, #5", f224, 2},  {"fcvtzs x0, s1, #8", f225, 2},
    {"fcvtzs x0, s1, #11", f226, 2}, {"fcvtzs x0, s1, #15", f227, 2},
    {"fcvtzs x0, s1, #16", f228, 2}, {"fcvtzs x0, s1, #17", f229, 2},
    {"fcvtzs x0, s1, #24", f230, 2}, {"fcvtzs x0, s1, #25", f231, 2},
    {"fcvtzs x0, s1, #31", f232, 2}, {"fcvtzs x0, s1, #32", f233, 2},
    {"fcvtzs x0, s1, #33", f234, 2}, {"fcvtzs x0, s1, #48", f235, 2},
    {"fcvtzs x0, s1, #52", f236, 2}, {"fcvtzs x0, s1, #53", f237, 2},
    {"fcvtzs x0, s1, #63", f238, 2}, {"fcvtzs x0, s1, #64", f239, 2},
    {"fcvtzs w0, d1, #1", f240, 3},  {"fcvtzs w0, d1, #2", f241, 3},
    {"fcvtzs w0, d1, #5", f242, 3},  {"fcvtzs w0, d1, #8", f243, 3},
    {"fcvtzs w0, d1, #11", f244, 3}, {"fcvtzs w0, d1, #15", f245, 3},
    {"fcvtzs w0, d1, #16", f246, 3}, {"fcvtzs w0, d1, #17", f247, 3},
    {"fcvtzs w0, d1, #24", f248, 3}, {"fcvtzs w0, d1, #25", f249, 3},
    {"fcvtzs w0, d1, #31", f250, 3}, {"fcvtzs w0, d1, #32", f251, 3},
    {"fcvtzs x0, d1, #1", f252, 3},  {"fcvtzs x0, d1, #2", f253, 3},
    {"fcvtzs x0, d1, #5", f254, 3},  {"fcvtzs x0, d1, #8", f255, 3},
    {"fcvtzs x0, d1, #11", f256, 3}, {"fcvtzs x0, d1, #15", f257, 3},
    {"fcvtzs x0, d1, #16", f258, 3}, {"fcvtzs x0, d1, #17", f259, 3},
    {"fcvtzs x0, d1, #24", f260, 3}, {"fcvtzs x0, d1, #25", f261, 3},
    {"fcvtzs x0, d1, #31", f262, 3}, {"fcvtzs x0, d1, #32", f263, 3},
    {"fcvtzs x0, d1, #33", f264, 3}, {"fcvtzs x0, d1, #48", f265, 3},
    {"fcvtzs x0, d1, #52", f266, 3}, {"fcvtzs x0, d1, #53", f267, 3},
    {"fcvtzs x0, d1, #63", f268, 3}, {"fcvtzs x0, d1, #64", f269, 3},
    {"fcvtzu w0, h1, #1", f270, 1},  {"fcvtzu w0, h1, #2", f271, 1},
    {"fcvtzu w0, h1, #5", f272, 1},  {"fcvtzu w0, h1, #8", f273, 1},
    {"fcvtzu w0, h1, #11", f274, 1}, {"fcvtzu w0, h1, #15", f275, 1},
    {"fcvtzu w0, h1, #16", f276, 1}, {"fcvtzu w0, h1, #17", f277, 1},
    {"fcvtzu w0, h1, #24", f278, 1}, {"fcvtzu w0, h1, #25", f279, 1},
    {"fcvtzu w0, h1, #31", f280, 1}, {"fcvtzu w0, h1, #32", f281, 1},
    {"fcvtzu x0, h1, #1", f282, 1},  {"fcvtzu x0, h1, #2", f283, 1},
    {"fcvtzu x0, h1, #5", f284, 1},  {"fcvtzu x0, h1, #8", f285, 1},
    {"fcvtzu x0, h1, #11", f286, 1}, {"fcvtzu x0, h1, #15", f287, 1},
    {"fcvtzu x0, h1, #16", f288, 1}, {"fcvtzu x0, h1, #17", f289, 1},
    {"fcvtzu x0, h1, #24", f290, 1}, {"fcvtzu x0, h1, #25", f291, 1},
    {"fcvtzu x0, h1, #31", f292, 1}, {"fcvtzu x0, h1, #32", f293, 1},
    {"fcvtzu x0, h1, #33", f294, 1}, {"fcvtzu x0, h1, #48", f295, 1},
    {"fcvtzu x0, h1, #52", f296, 1}, {"fcvtzu x0, h1, #53", f297, 1},
    {"fcvtzu x0, h1, #63", f298, 1}, {"fcvtzu x0, h1, #64", f299, 1},
    {"fcvtzu w0, s1, #1", f300, 2},  {"fcvtzu w0, s1, #2", f301, 2},
    {"fcvtzu w0, s1, #5", f302, 2},  {"fcvtzu w0, s1, #8", f303, 2},
    {"fcvtzu w0, s1, #11", f304, 2}, {"fcvtzu w0, s1, #15", f305, 2},
    {"fcvtzu w0, s1, #16", f306, 2}, {"fcvtzu w0, s1, #17", f307, 2},
    {"fcvtzu w0, s1, #24", f308, 2}, {"fcvtzu w0, s1, #25", f309, 2},
    {"fcvtzu w0, s1, #31", f310, 2}, {"fcvtzu w0, s1, #32", f311, 2},
    {"fcvtzu x0, s1, #1", f312, 2},  {"fcvtzu x0, s1, #2", f313, 2},
    {"fcvtzu x0, s1, #5", f314, 2},  {"fcvtzu x0, s1, #8", f315, 2},
    {"fcvtzu x0, s1, #11", f316, 2}, {"fcvtzu x0, s1, #15", f317, 2},
    {"fcvtzu x0, s1, #16", f318, 2}, {"fcvtzu x0, s1, #17", f319, 2},
    {"fcvtzu x0, s1, #24", f320, 2}, {"fcvtzu x0, s1, #25", f321, 2},
    {"fcvtzu x0, s1, #31", f322, 2}, {"fcvtzu x0, s1, #32", f323, 2},
    {"fcvtzu x0, s1, #33", f324, 2}, {"fcvtzu x0, s1, #48", f325, 2},
    {"fcvtzu x0, s1, #52", f326, 2}, {"fcvtzu x0, s1, #53", f327, 2},
    {"fcvtzu x0, s1, #63", f328, 2}, {"fcvtzu x0, s1, #64", f329, 2},
    {"fcvtzu w0, d1, #1", f330, 3},  {"fcvtzu w0, d1, #2", f331, 3},
    {"fcvtzu w0, d1, #5", f332, 3},  {"fcvtzu w0, d1, #8", f333, 3},
    {"fcvtzu w0, d1, #11", f334, 3}, {"fcvtzu w0, d1, #15", f335, 3},
    {"fcvtzu w0, d1, #16", f336, 3}, {"fcvtzu w0, d1, #17", f337, 3},
    {"fcvtzu w0, d1, #24", f338, 3}, {"fcvtzu w0, d1, #25", f339, 3},
    {"fcvtzu w0, d1, #31", f340, 3}, {"fcvtzu w0, d1, #32", f341, 3},
    {"fcvtzu x0, d1, #1", f342, 3},  {"fcvtzu x0, d1, #2", f343, 3},
    {"fcvtzu x0, d1, #5", f344, 3},  {"fcvtzu x0, d1, #8", f345, 3},
    {"fcvtzu x0, d1, #11", f346, 3}, {"fcvtzu x0, d1, #15", f347, 3},
    {"fcvtzu x0, d1, #16", f348, 3}, {"fcvtzu x0, d1, #17", f349, 3},
    {"fcvtzu x0, d1, #24", f350, 3}, {"fcvtzu x0, d1, #25", f351, 3},
    {"fcvtzu x0, d1, #31", f352, 3}, {"fcvtzu x0, d1, #32", f353, 3},
    {"fcvtzu x0, d1, #33", f354, 3}, {"fcvtzu x0, d1, #48", f355, 3},
    {"fcvtzu x0, d1, #52", f356, 3}, {"fcvtzu x0, d1, #53", f357, 3},
    {"fcvtzu x0, d1, #63", f358, 3}, {"fcvtzu x0, d1, #64", f359, 3},
    {"scvtf h0, h1, #1", f360, 0},   {"scvtf h0, h1, #3", f361, 0},
    {"scvtf h0, h1, #8", f362, 0},   {"scvtf h0, h1, #15", f363, 0},
    {"scvtf h0, h1, #16", f364, 0},  {"scvtf s0, s1, #1", f365, 0},
    {"scvtf s0, s1, #3", f366, 0},   {"scvtf s0, s1, #16", f367, 0},
    {"scvtf s0, s1, #31", f368, 0},  {"scvtf s0, s1, #32", f369, 0},
    {"scvtf d0, d1, #1", f370, 0},   {"scvtf d0, d1, #3", f371, 0},
    {"scvtf d0, d1, #32", f372, 0},  {"scvtf d0, d1, #63", f373, 0},
    {"scvtf d0, d1, #64", f374, 0},  {"ucvtf h0, h1, #1", f375, 0},
    {"ucvtf h0, h1, #3", f376, 0},   {"ucvtf h0, h1, #8", f377, 0},
    {"ucvtf h0, h1, #15", f378, 0},  {"ucvtf h0, h1, #16", f379, 0},
    {"ucvtf s0, s1, #1", f380, 0},   {"ucvtf s0, s1, #3", f381, 0},
    {"ucvtf s0, s1, #16", f382, 0},  {"ucvtf s0, s1, #31", f383, 0},
    {"ucvtf s0, s1, #32", f384, 0},  {"ucvtf d0, d1, #1", f385, 0},
    {"ucvtf d0, d1, #3", f386, 0},   {"ucvtf d0, d1, #32", f387, 0},
    {"ucvtf d0, d1, #63", f388, 0},  {"ucvtf d0, d1, #64", f389, 0},
    {"fcvtzs h0, h1, #1", f390, 1},  {"fcvtzs h0, h1, #3", f391, 1},
    {"fcvtzs h0, h1, #8", f392, 1},  {"fcvtzs h0, h1, #15", f393, 1},
    {"fcvtzs h0, h1, #16", f394, 1}, {"fcvtzs s0, s1, #1", f395, 2},
    {"fcvtzs s0, s1, #3", f396, 2},  {"fcvtzs s0, s1, #16", f397, 2},
    {"fcvtzs s0, s1, #31", f398, 2}, {"fcvtzs s0, s1, #32", f399, 2},
    {"fcvtzs d0, d1, #1", f400, 3},  {"fcvtzs d0, d1, #3", f401, 3},
    {"fcvtzs d0, d1, #32", f402, 3}, {"fcvtzs d0, d1, #63", f403, 3},
    {"fcvtzs d0, d1, #64", f404, 3}, {"fcvtzu h0, h1, #1", f405, 1},
    {"fcvtzu h0, h1, #3", f406, 1},  {"fcvtzu h0, h1, #8", f407, 1},
    {"fcvtzu h0, h1, #15", f408, 1}, {"fcvtzu h0, h1, #16", f409, 1},
    {"fcvtzu s0, s1, #1", f410, 2},  {"fcvtzu s0, s1, #3", f411, 2},
    {"fcvtzu s0, s1, #16", f412, 2}, {"fcvtzu s0, s1, #31", f413, 2},
    {"fcvtzu s0, s1, #32", f414, 2}, {"fcvtzu d0, d1, #1", f415, 3},
    {"fcvtzu d0, d1, #3", f416, 3},  {"fcvtzu d0, d1, #32", f417, 3},
    {"fcvtzu d0, d1, #63", f418, 3}, {"fcvtzu d0, d1, #64", f419, 3},
};

static uint64_t rng = 88172645463325252ull;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static uint64_t input(int src, int i)
{
    uint64_t r = next();
    int sh = (int)(next() % 64);
    switch (src) {
    case 0: /* integers of every magnitude, both signs, near powers of two */
        if (i % 4 == 0)
            return (1ull << sh) + (r % 5) - 2;
        if (i % 4 == 1)
            return -(1ull << sh) + (r % 5) - 2;
        return r >> sh;
    case 1: { /* halves: any exponent */
        return r & 0xffff;
    }
    case 2: { /* singles with exponents around the conversion limits */
        uint32_t e = 127 - 40 + (uint32_t)(next() % 120);
        if (i % 16 == 0)
            e = (uint32_t)(next() % 256);
        return (r & 0x807fffff) | (uint64_t)(e & 0xff) << 23;
    }
    default: {
        uint64_t e = 1023 - 70 + next() % 150;
        if (i % 16 == 0)
            e = next() % 2048;
        return (r & 0x800fffffffffffffull) | (e & 0x7ff) << 52;
    }
    }
}
int main(int argc, char **argv)
{
    static const uint64_t fpcrs[] = {0, 1 << 22, 2 << 22, 3 << 22, 1 << 24 | 1 << 19 | 1 << 25};
    int v = argc > 1;
    for (unsigned k = 0; k < sizeof ops / sizeof ops[0]; k++)
        for (unsigned f = 0; f < 5; f++) {
            hash = 0;
            rng = 88172645463325252ull + k;
            for (int i = 0; i < 250; i++) {
                uint64_t a = input(ops[k].src, i), r, s;
                ops[k].f(fpcrs[f], a, &r, &s);
                mix(r);
                mix(s);
                if (v)
                    printf("%s %llx %016llx -> %016llx %llx\n", ops[k].n,
                           (unsigned long long)fpcrs[f], (unsigned long long)a,
                           (unsigned long long)r, (unsigned long long)s);
            }
            printf("%-24s fpcr=%08llx %016llx\n", ops[k].n, (unsigned long long)fpcrs[f],
                   (unsigned long long)hash);
        }
    return 0;
}
