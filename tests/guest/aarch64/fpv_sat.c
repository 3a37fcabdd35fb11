// cflags: -march=armv8.2-a+fp16
/*
 * Every FP -> integer conversion (FCVTNS/NU/PS/PU/MS/MU/ZS/ZU/AS/AU) to W and
 * X from half, single and double, over the values at and next to every
 * saturation and rounding boundary (0, 0.5, 1.5, 2.5, 2^15, 2^16, 2^31, 2^32,
 * 2^63, 2^64 with both signs and +-1/2 ulps and +-0.5/1), infinities and
 * NaNs.  One line per instruction: a hash of (result, FPSR) over the values
 * and the results at the 2^31 / 2^63 boundary neighbours.
 */
#include <stdint.h>
#include <stdio.h>

static uint64_t hash;
static void mix(uint64_t v)
{
    hash = (hash ^ v) * 0x100000001b3ull;
    hash ^= hash >> 29;
}

#define FN(name, insn)                                                                             \
    static void name(uint64_t a, uint64_t *r, uint64_t *s)                                         \
    {                                                                                              \
        uint64_t res, st;                                                                          \
        asm volatile("msr fpsr, xzr\n\tfmov d1, %2\n\tmov x0, #-1\n\t" insn "\n\t"                 \
                     "mov %0, x0\n\tmrs %1, fpsr"                                                  \
                     : "=&r"(res), "=&r"(st)                                                       \
                     : "r"(a)                                                                      \
                     : "x0", "v1", "memory");                                                      \
        *r = res;                                                                                  \
        *s = st;                                                                                   \
    }
#define FORMS                                                                                      \
    X(f0, "fcvtns w0, h1", 0)                                                                      \
    X(f1, "fcvtns w0, s1", 1)                                                                      \
    X(f2, "fcvtns w0, d1", 2)                                                                      \
    X(f3, "fcvtns x0, h1", 0)                                                                      \
    X(f4, "fcvtns x0, s1", 1)                                                                      \
    X(f5, "fcvtns x0, d1", 2)                                                                      \
    X(f6, "fcvtnu w0, h1", 0)                                                                      \
    X(f7, "fcvtnu w0, s1", 1)                                                                      \
    X(f8, "fcvtnu w0, d1", 2)                                                                      \
    X(f9, "fcvtnu x0, h1", 0)                                                                      \
    X(f10, "fcvtnu x0, s1", 1)                                                                     \
    X(f11, "fcvtnu x0, d1", 2)                                                                     \
    X(f12, "fcvtps w0, h1", 0)                                                                     \
    X(f13, "fcvtps w0, s1", 1)                                                                     \
    X(f14, "fcvtps w0, d1", 2)                                                                     \
    X(f15, "fcvtps x0, h1", 0)                                                                     \
    X(f16, "fcvtps x0, s1", 1)                                                                     \
    X(f17, "fcvtps x0, d1", 2)                                                                     \
    X(f18, "fcvtpu w0, h1", 0)                                                                     \
    X(f19, "fcvtpu w0, s1", 1)                                                                     \
    X(f20, "fcvtpu w0, d1", 2)                                                                     \
    X(f21, "fcvtpu x0, h1", 0)                                                                     \
    X(f22, "fcvtpu x0, s1", 1)                                                                     \
    X(f23, "fcvtpu x0, d1", 2)                                                                     \
    X(f24, "fcvtms w0, h1", 0)                                                                     \
    X(f25, "fcvtms w0, s1", 1)                                                                     \
    X(f26, "fcvtms w0, d1", 2)                                                                     \
    X(f27, "fcvtms x0, h1", 0)                                                                     \
    X(f28, "fcvtms x0, s1", 1)                                                                     \
    X(f29, "fcvtms x0, d1", 2)                                                                     \
    X(f30, "fcvtmu w0, h1", 0)                                                                     \
    X(f31, "fcvtmu w0, s1", 1)                                                                     \
    X(f32, "fcvtmu w0, d1", 2)                                                                     \
    X(f33, "fcvtmu x0, h1", 0)                                                                     \
    X(f34, "fcvtmu x0, s1", 1)                                                                     \
    X(f35, "fcvtmu x0, d1", 2)                                                                     \
    X(f36, "fcvtzs w0, h1", 0)                                                                     \
    X(f37, "fcvtzs w0, s1", 1)                                                                     \
    X(f38, "fcvtzs w0, d1", 2)                                                                     \
    X(f39, "fcvtzs x0, h1", 0)                                                                     \
    X(f40, "fcvtzs x0, s1", 1)                                                                     \
    X(f41, "fcvtzs x0, d1", 2)                                                                     \
    X(f42, "fcvtzu w0, h1", 0)                                                                     \
    X(f43, "fcvtzu w0, s1", 1)                                                                     \
    X(f44, "fcvtzu w0, d1", 2)                                                                     \
    X(f45, "fcvtzu x0, h1", 0)                                                                     \
    X(f46, "fcvtzu x0, s1", 1)                                                                     \
    X(f47, "fcvtzu x0, d1", 2)                                                                     \
    X(f48, "fcvtas w0, h1", 0)                                                                     \
    X(f49, "fcvtas w0, s1", 1)                                                                     \
    X(f50, "fcvtas w0, d1", 2)                                                                     \
    X(f51, "fcvtas x0, h1", 0)                                                                     \
    X(f52, "fcvtas x0, s1", 1)                                                                     \
    X(f53, "fcvtas x0, d1", 2)                                                                     \
    X(f54, "fcvtau w0, h1", 0)                                                                     \
    X(f55, "fcvtau w0, s1", 1)                                                                     \
    X(f56, "fcvtau w0, d1", 2)                                                                     \
    X(f57, "fcvtau x0, h1", 0)                                                                     \
    X(f58, "fcvtau x0, s1", 1)                                                                     \
    X(f59, "fcvtau x0, d1", 2)

#define X(name, insn, p) FN(name, insn)
FORMS
#undef X
static const uint64_t vh[] = {
    0x0,    0x1,    0x2,    0x37fe, 0x37ff, 0x3800, 0x3801, 0x3802, 0x3bfe, 0x3bff, 0x3c00, 0x3c01,
    0x3c02, 0x3dfe, 0x3dff, 0x3e00, 0x3e01, 0x3e02, 0x4000, 0x40fe, 0x40ff, 0x4100, 0x4101, 0x4102,
    0x4200, 0x42fe, 0x42ff, 0x4300, 0x4301, 0x4302, 0x4400, 0x4480, 0x77fe, 0x77ff, 0x7800, 0x7801,
    0x7802, 0x7bfd, 0x7bfe, 0x7bff, 0x7c00, 0x7c01, 0x8000, 0x8001, 0x8002, 0xb7fe, 0xb7ff, 0xb800,
    0xb801, 0xb802, 0xbbfe, 0xbbff, 0xbc00, 0xbc01, 0xbc02, 0xbdfe, 0xbdff, 0xbe00, 0xbe01, 0xbe02,
    0xc000, 0xc0fe, 0xc0ff, 0xc100, 0xc101, 0xc102, 0xc200, 0xc2fe, 0xc2ff, 0xc300, 0xc301, 0xc302,
    0xc400, 0xc480, 0xf7fe, 0xf7ff, 0xf800, 0xf801, 0xf802, 0xfbfd, 0xfbfe, 0xfbff, 0xfc00, 0xfc03};
static const uint64_t vs[] = {
    0x0,        0x1,        0x2,        0x3efffffe, 0x3effffff, 0x3f000000, 0x3f000001, 0x3f000002,
    0x3f7ffffe, 0x3f7fffff, 0x3f800000, 0x3f800001, 0x3f800002, 0x3fbffffe, 0x3fbfffff, 0x3fc00000,
    0x3fc00001, 0x3fc00002, 0x40000000, 0x401ffffe, 0x401fffff, 0x40200000, 0x40200001, 0x40200002,
    0x40400000, 0x405ffffe, 0x405fffff, 0x40600000, 0x40600001, 0x40600002, 0x40800000, 0x40900000,
    0x46fffe00, 0x46ffff00, 0x46fffffe, 0x46ffffff, 0x47000000, 0x47000001, 0x47000002, 0x47000080,
    0x47000100, 0x477fdf00, 0x477fdf80, 0x477fdffe, 0x477fdfff, 0x477fe000, 0x477fe001, 0x477fe002,
    0x477fe080, 0x477fe100, 0x477fff00, 0x477fff80, 0x477ffffe, 0x477fffff, 0x47800000, 0x47800001,
    0x47800002, 0x47800040, 0x47800080, 0x47c34f80, 0x47c34fc0, 0x47c34ffe, 0x47c34fff, 0x47c35000,
    0x47c35001, 0x47c35002, 0x47c35040, 0x47c35080, 0x4efffffe, 0x4effffff, 0x4f000000, 0x4f000001,
    0x4f000002, 0x4f7ffffe, 0x4f7fffff, 0x4f800000, 0x4f800001, 0x4f800002, 0x5efffffe, 0x5effffff,
    0x5f000000, 0x5f000001, 0x5f000002, 0x5f7ffffe, 0x5f7fffff, 0x5f800000, 0x5f800001, 0x5f800002,
    0x7f7fffff, 0x7f800000, 0x7f800001, 0x80000000, 0x80000001, 0x80000002, 0xbefffffe, 0xbeffffff,
    0xbf000000, 0xbf000001, 0xbf000002, 0xbf7ffffe, 0xbf7fffff, 0xbf800000, 0xbf800001, 0xbf800002,
    0xbfbffffe, 0xbfbfffff, 0xbfc00000, 0xbfc00001, 0xbfc00002, 0xc0000000, 0xc01ffffe, 0xc01fffff,
    0xc0200000, 0xc0200001, 0xc0200002, 0xc0400000, 0xc05ffffe, 0xc05fffff, 0xc0600000, 0xc0600001,
    0xc0600002, 0xc0800000, 0xc0900000, 0xc6fffe00, 0xc6ffff00, 0xc6fffffe, 0xc6ffffff, 0xc7000000,
    0xc7000001, 0xc7000002, 0xc7000080, 0xc7000100, 0xc77fdf00, 0xc77fdf80, 0xc77fdffe, 0xc77fdfff,
    0xc77fe000, 0xc77fe001, 0xc77fe002, 0xc77fe080, 0xc77fe100, 0xc77fff00, 0xc77fff80, 0xc77ffffe,
    0xc77fffff, 0xc7800000, 0xc7800001, 0xc7800002, 0xc7800040, 0xc7800080, 0xc7c34f80, 0xc7c34fc0,
    0xc7c34ffe, 0xc7c34fff, 0xc7c35000, 0xc7c35001, 0xc7c35002, 0xc7c35040, 0xc7c35080, 0xcefffffe,
    0xceffffff, 0xcf000000, 0xcf000001, 0xcf000002, 0xcf7ffffe, 0xcf7fffff, 0xcf800000, 0xcf800001,
    0xcf800002, 0xdefffffe, 0xdeffffff, 0xdf000000, 0xdf000001, 0xdf000002, 0xdf7ffffe, 0xdf7fffff,
    0xdf800000, 0xdf800001, 0xdf800002, 0xff7fffff, 0xff800000, 0xff800003};
static const uint64_t vd[] = {0x0,
                              0x1,
                              0x2,
                              0x3fdffffffffffffe,
                              0x3fdfffffffffffff,
                              0x3fe0000000000000,
                              0x3fe0000000000001,
                              0x3fe0000000000002,
                              0x3feffffffffffffe,
                              0x3fefffffffffffff,
                              0x3ff0000000000000,
                              0x3ff0000000000001,
                              0x3ff0000000000002,
                              0x3ff7fffffffffffe,
                              0x3ff7ffffffffffff,
                              0x3ff8000000000000,
                              0x3ff8000000000001,
                              0x3ff8000000000002,
                              0x4000000000000000,
                              0x4003fffffffffffe,
                              0x4003ffffffffffff,
                              0x4004000000000000,
                              0x4004000000000001,
                              0x4004000000000002,
                              0x4008000000000000,
                              0x400bfffffffffffe,
                              0x400bffffffffffff,
                              0x400c000000000000,
                              0x400c000000000001,
                              0x400c000000000002,
                              0x4010000000000000,
                              0x4012000000000000,
                              0x40dfffc000000000,
                              0x40dfffe000000000,
                              0x40dffffffffffffe,
                              0x40dfffffffffffff,
                              0x40e0000000000000,
                              0x40e0000000000001,
                              0x40e0000000000002,
                              0x40e0001000000000,
                              0x40e0002000000000,
                              0x40effbe000000000,
                              0x40effbf000000000,
                              0x40effbfffffffffe,
                              0x40effbffffffffff,
                              0x40effc0000000000,
                              0x40effc0000000001,
                              0x40effc0000000002,
                              0x40effc1000000000,
                              0x40effc2000000000,
                              0x40efffe000000000,
                              0x40effff000000000,
                              0x40effffffffffffe,
                              0x40efffffffffffff,
                              0x40f0000000000000,
                              0x40f0000000000001,
                              0x40f0000000000002,
                              0x40f0000800000000,
                              0x40f0001000000000,
                              0x40f869f000000000,
                              0x40f869f800000000,
                              0x40f869fffffffffe,
                              0x40f869ffffffffff,
                              0x40f86a0000000000,
                              0x40f86a0000000001,
                              0x40f86a0000000002,
                              0x40f86a0800000000,
                              0x40f86a1000000000,
                              0x41dfffffffc00000,
                              0x41dfffffffe00000,
                              0x41dffffffffffffe,
                              0x41dfffffffffffff,
                              0x41e0000000000000,
                              0x41e0000000000001,
                              0x41e0000000000002,
                              0x41e0000000100000,
                              0x41e0000000200000,
                              0x41efffffffe00000,
                              0x41effffffff00000,
                              0x41effffffffffffe,
                              0x41efffffffffffff,
                              0x41f0000000000000,
                              0x41f0000000000001,
                              0x41f0000000000002,
                              0x41f0000000080000,
                              0x41f0000000100000,
                              0x43dffffffffffffe,
                              0x43dfffffffffffff,
                              0x43e0000000000000,
                              0x43e0000000000001,
                              0x43e0000000000002,
                              0x43effffffffffffe,
                              0x43efffffffffffff,
                              0x43f0000000000000,
                              0x43f0000000000001,
                              0x43f0000000000002,
                              0x7fefffffffffffff,
                              0x7ff0000000000000,
                              0x7ff0000000000001,
                              0x8000000000000000,
                              0x8000000000000001,
                              0x8000000000000002,
                              0xbfdffffffffffffe,
                              0xbfdfffffffffffff,
                              0xbfe0000000000000,
                              0xbfe0000000000001,
                              0xbfe0000000000002,
                              0xbfeffffffffffffe,
                              0xbfefffffffffffff,
                              0xbff0000000000000,
                              0xbff0000000000001,
                              0xbff0000000000002,
                              0xbff7fffffffffffe,
                              0xbff7ffffffffffff,
                              0xbff8000000000000,
                              0xbff8000000000001,
                              0xbff8000000000002,
                              0xc000000000000000,
                              0xc003fffffffffffe,
                              0xc003ffffffffffff,
                              0xc004000000000000,
                              0xc004000000000001,
                              0xc004000000000002,
                              0xc008000000000000,
                              0xc00bfffffffffffe,
                              0xc00bffffffffffff,
                              0xc00c000000000000,
                              0xc00c000000000001,
                              0xc00c000000000002,
                              0xc010000000000000,
                              0xc012000000000000,
                              0xc0dfffc000000000,
                              0xc0dfffe000000000,
                              0xc0dffffffffffffe,
                              0xc0dfffffffffffff,
                              0xc0e0000000000000,
                              0xc0e0000000000001,
                              0xc0e0000000000002,
                              0xc0e0001000000000,
                              0xc0e0002000000000,
                              0xc0effbe000000000,
                              0xc0effbf000000000,
                              0xc0effbfffffffffe,
                              0xc0effbffffffffff,
                              0xc0effc0000000000,
                              0xc0effc0000000001,
                              0xc0effc0000000002,
                              0xc0effc1000000000,
                              0xc0effc2000000000,
                              0xc0efffe000000000,
                              0xc0effff000000000,
                              0xc0effffffffffffe,
                              0xc0efffffffffffff,
                              0xc0f0000000000000,
                              0xc0f0000000000001,
                              0xc0f0000000000002,
                              0xc0f0000800000000,
                              0xc0f0001000000000,
                              0xc0f869f000000000,
                              0xc0f869f800000000,
                              0xc0f869fffffffffe,
                              0xc0f869ffffffffff,
                              0xc0f86a0000000000,
                              0xc0f86a0000000001,
                              0xc0f86a0000000002,
                              0xc0f86a0800000000,
                              0xc0f86a1000000000,
                              0xc1dfffffffc00000,
                              0xc1dfffffffe00000,
                              0xc1dffffffffffffe,
                              0xc1dfffffffffffff,
                              0xc1e0000000000000,
                              0xc1e0000000000001,
                              0xc1e0000000000002,
                              0xc1e0000000100000,
                              0xc1e0000000200000,
                              0xc1efffffffe00000,
                              0xc1effffffff00000,
                              0xc1effffffffffffe,
                              0xc1efffffffffffff,
                              0xc1f0000000000000,
                              0xc1f0000000000001,
                              0xc1f0000000000002,
                              0xc1f0000000080000,
                              0xc1f0000000100000,
                              0xc3dffffffffffffe,
                              0xc3dfffffffffffff,
                              0xc3e0000000000000,
                              0xc3e0000000000001,
                              0xc3e0000000000002,
                              0xc3effffffffffffe,
                              0xc3efffffffffffff,
                              0xc3f0000000000000,
                              0xc3f0000000000001,
                              0xc3f0000000000002,
                              0xffefffffffffffff,
                              0xfff0000000000000,
                              0xfff0000000000003};
static const struct {
    const char *n;
    void (*f)(uint64_t, uint64_t *, uint64_t *);
    int p;
} ops[] = {
#define X(name, insn, p) {insn, name, p},
    FORMS
#undef X
};

int main(int argc, char **argv)
{
    const uint64_t *v[3] = {vh, vs, vd};
    const unsigned n[3] = {sizeof vh / 8, sizeof vs / 8, sizeof vd / 8};
    for (unsigned k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        hash = 0;
        for (unsigned i = 0; i < n[ops[k].p]; i++) {
            uint64_t r, s;
            ops[k].f(v[ops[k].p][i], &r, &s);
            mix(r);
            mix(s);
            if (argc > 1)
                printf("%s %llx -> %llx %llx\n", ops[k].n, (unsigned long long)v[ops[k].p][i],
                       (unsigned long long)r, (unsigned long long)s);
        }
        printf("%-18s %016llx\n", ops[k].n, (unsigned long long)hash);
    }
    return 0;
}
