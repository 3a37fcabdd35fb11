// cflags: -march=armv8.2-a+fp16
/*
 * Every immediate of FMOV (scalar, immediate) for half, single and double and
 * of the AdvSIMD modified-immediate class (MOVI, MVNI, ORR, BIC and FMOV
 * (vector, immediate), all cmode/op/Q combinations that are allocated): each
 * instruction runs on a V register preloaded with a pattern and the whole
 * register is hashed; a few encodings are printed.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint8_t out[768 + 65 * 256][16];
static const uint8_t pattern[16] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
                                    0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10};

/* FMOV Hd/Sd/Dd, #imm8 for ftype in {3, 0, 1}, all 256 imm8. */
static void scalar_fmov(uint8_t (*o)[16])
{
    asm volatile(".set ftype, 3\n\t"
                 ".rept 3\n\t"
                 ".set i, 0\n\t"
                 ".rept 256\n\t"
                 "ldr q0, [%1]\n\t"
                 ".inst 0x1e201000 | (ftype << 22) | (i << 13)\n\t"
                 "str q0, [%0], #16\n\t"
                 ".set i, i + 1\n\t"
                 ".endr\n\t"
                 ".set ftype, (ftype + 1) & 3\n\t"
                 ".if ftype == 2\n\t"
                 ".set ftype, 3\n\t"
                 ".endif\n\t"
                 ".endr"
                 : "+r"(o)
                 : "r"(pattern)
                 : "v0", "memory");
}

/* AdvSIMD modified immediate: Q op cmode o2 abcdefgh; all cmode, op, Q (o2 = 0), plus the
 * half-precision FMOV (cmode 1111, o2 1, op 0).  op 1 / cmode 1111 / Q 0 is unallocated. */
#define MODIMM(q, op, cmode, o2)                                                                   \
    ".set i, 0\n\t"                                                                                \
    ".rept 256\n\t"                                                                                \
    "ldr q0, [%1]\n\t"                                                                             \
    ".inst 0x0f000400 | (" #q " << 30) | (" #op " << 29) | ((i >> 5) << 16) | (" #cmode            \
    " << 12) | (" #o2 " << 11) | ((i & 31) << 5)\n\t"                                              \
    "str q0, [%0], #16\n\t"                                                                        \
    ".set i, i + 1\n\t"                                                                            \
    ".endr\n\t"

#define CM(q, op)                                                                                  \
    MODIMM(q, op, 0, 0)                                                                            \
    MODIMM(q, op, 1, 0) MODIMM(q, op, 2, 0) MODIMM(q, op, 3, 0) MODIMM(q, op, 4, 0)                \
        MODIMM(q, op, 5, 0) MODIMM(q, op, 6, 0) MODIMM(q, op, 7, 0) MODIMM(q, op, 8, 0)            \
            MODIMM(q, op, 9, 0) MODIMM(q, op, 10, 0) MODIMM(q, op, 11, 0) MODIMM(q, op, 12, 0)     \
                MODIMM(q, op, 13, 0) MODIMM(q, op, 14, 0)

static void modimm(uint8_t (*o)[16])
{
    asm volatile(CM(0, 0) CM(1, 0) CM(0, 1) CM(1, 1) MODIMM(0, 0, 15, 0) MODIMM(1, 0, 15, 0)
                     MODIMM(1, 1, 15, 0) MODIMM(0, 0, 15, 1) MODIMM(1, 0, 15, 1)
                 : "+r"(o)
                 : "r"(pattern)
                 : "v0", "memory");
}

int main(void)
{
    uint8_t(*o)[16] = out;
    scalar_fmov(o);
    modimm(o + 768);
    unsigned n = 768 + 4 * 15 * 256 + 5 * 256;
    for (unsigned base = 0; base < n; base += 256) {
        uint64_t h = 0;
        for (unsigned i = base; i < base + 256; i++)
            for (int b = 0; b < 16; b++)
                h = ((h ^ out[i][b]) * 0x100000001b3ull) ^ (h >> 29);
        uint64_t w[2];
        memcpy(w, out[base + 0x95], 16);
        printf("group %2u: %016llx  imm 0x95 -> %016llx%016llx\n", base / 256,
               (unsigned long long)h, (unsigned long long)w[1], (unsigned long long)w[0]);
    }
    return 0;
}
