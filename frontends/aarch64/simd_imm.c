/*
 * AArch64 immediate expansion for the FP and AdvSIMD translation: the Arm
 * pseudocode functions VFPExpandImm (FMOV immediate) and AdvSIMDExpandImm
 * (MOVI/MVNI/ORR/BIC/FMOV vector immediate).  Pure functions of the
 * encoding fields, used by trans_simd.c.
 */
#include "frontends/aarch64/simd_imm.h"

/* Arm VFPExpandImm for fsz 1 (half), 2 (single), 3 (double). */
uint64_t a64_vfp_expand_imm(int imm8, int fsz)
{
    int e = fsz == 1 ? 5 : fsz == 2 ? 8 : 11, f = (8 << fsz) - e - 1;
    uint64_t b6 = (imm8 >> 6) & 1;
    uint64_t exp =
        (b6 ^ 1) << (e - 1) | (b6 ? ((1ull << (e - 3)) - 1) << 2 : 0) | ((imm8 >> 4) & 3);
    return (uint64_t)(imm8 >> 7) << (e + f) | exp << f | (uint64_t)(imm8 & 15) << (f - 4);
}

static uint64_t rep32(uint64_t x)
{
    return x << 32 | (x & 0xffffffffu);
}
static uint64_t rep16(uint64_t x)
{
    return rep32(x << 16 | (x & 0xffff));
}

/* Arm AdvSIMDExpandImm; *ok false for reserved encodings. */
uint64_t a64_simd_expand_imm(int op, int cmode, int o2, uint64_t i, bool *ok)
{
    *ok = o2 == 0 || (cmode == 15 && op == 0);
    switch (cmode >> 1) {
    case 0:
    case 1:
    case 2:
    case 3:
        return rep32(i << (8 * (cmode >> 1)));
    case 4:
    case 5:
        return rep16(i << (8 * (cmode & 2 ? 1 : 0)));
    case 6:
        return rep32(cmode & 1 ? (i << 16 | 0xffff) : (i << 8 | 0xff));
    }
    if (!(cmode & 1) && !op)
        return i * 0x0101010101010101ull;
    if (!(cmode & 1)) {
        uint64_t r = 0;
        for (int b = 0; b < 8; b++)
            if (i >> b & 1)
                r |= 0xffull << (8 * b);
        return r;
    }
    if (!op)
        return o2 ? rep16(a64_vfp_expand_imm(i, 1)) : rep32(a64_vfp_expand_imm(i, 2));
    return a64_vfp_expand_imm(i, 3);
}
