/*
 * Private to the AdvSIMD helpers (helper_simd*.c): element access on local
 * copies of V registers, saturation and the shift primitive shared by the
 * three-same and shift-by-immediate classes.
 */
#ifndef FERRY_FRONTENDS_AARCH64_HELPER_SIMD_INTERNAL_H
#define FERRY_FRONTENDS_AARCH64_HELPER_SIMD_INTERNAL_H

#include <string.h>

#include "frontends/aarch64/helper_simd.h"

typedef __int128 i128;

static inline uint64_t emask(int esz)
{
    return esz == 3 ? ~0ull : (1ull << (8 << esz)) - 1;
}

static inline int64_t sext(uint64_t x, int esz)
{
    int sh = 64 - (8 << esz);
    return (int64_t)(x << sh) >> sh;
}

static inline uint64_t vget(const uint64_t *v, int esz, int i)
{
    switch (esz) {
    case 0:
        return ((const uint8_t *)v)[i];
    case 1:
        return ((const uint16_t *)v)[i];
    case 2:
        return ((const uint32_t *)v)[i];
    default:
        return v[i];
    }
}

static inline void vset(uint64_t *v, int esz, int i, uint64_t x)
{
    switch (esz) {
    case 0:
        ((uint8_t *)v)[i] = (uint8_t)x;
        break;
    case 1:
        ((uint16_t *)v)[i] = (uint16_t)x;
        break;
    case 2:
        ((uint32_t *)v)[i] = (uint32_t)x;
        break;
    default:
        v[i] = x;
        break;
    }
}

static inline void vload(A64CPU *cpu, int r, uint64_t *out)
{
    out[0] = cpu->v[r][0];
    out[1] = cpu->v[r][1];
}

/* Writes a result; `full` false zeroes the upper 64 bits. */
static inline void vstore(A64CPU *cpu, int r, const uint64_t *v, bool full)
{
    cpu->v[r][0] = v[0];
    cpu->v[r][1] = full ? v[1] : 0;
}

static inline int nelem(const A64SimdDesc *d, int esz)
{
    return d->scalar ? 1 : (8 << d->q) >> esz;
}

/* Clamps to the signed/unsigned range of the element size, setting QC. */
static inline uint64_t sat(A64CPU *cpu, i128 v, int esz, bool is_unsigned)
{
    int bits = 8 << esz;
    i128 lo = is_unsigned ? 0 : -((i128)1 << (bits - 1));
    i128 hi = is_unsigned ? ((i128)1 << bits) - 1 : ((i128)1 << (bits - 1)) - 1;
    if (v < lo || v > hi) {
        cpu->fpsr |= A64_FPSR_QC;
        v = v < lo ? lo : hi;
    }
    return (uint64_t)v & emask(esz);
}

static inline i128 elem_val(uint64_t x, int esz, bool is_unsigned)
{
    return is_unsigned ? (i128)(x & emask(esz)) : (i128)sext(x, esz);
}

/* Shift by a signed amount (left if positive), optionally rounding, optionally
 * saturating (SSHL, USHL, SRSHL, URSHL, SQSHL, UQSHL, SQRSHL, UQRSHL). */
static inline uint64_t shift_reg(A64CPU *cpu, i128 x, int sh, int esz, bool is_unsigned, bool round,
                                 bool saturate)
{
    int bits = 8 << esz;
    i128 r;
    if (sh >= 0) {
        if (sh >= bits)
            r = x == 0 ? 0 : (x > 0 ? (i128)1 << 100 : -((i128)1 << 100));
        else
            r = x * ((i128)1 << sh);
    } else {
        int s = -sh > 100 ? 100 : -sh;
        r = round ? (x + ((i128)1 << (s - 1))) >> s : x >> s;
    }
    return saturate ? sat(cpu, r, esz, is_unsigned) : (uint64_t)r & emask(esz);
}

/* Concatenation of the used parts of Vn and Vm (pairwise operations). */
static inline void concat_pair(A64CPU *cpu, const A64SimdDesc *d, uint64_t *cat)
{
    int bytes = 8 << d->q;
    memset(cat, 0, 32);
    memcpy(cat, cpu->v[d->rn], bytes);
    memcpy((uint8_t *)cat + bytes, cpu->v[d->rm], bytes);
}

/*
 * One element of the FP forms of three same (key = U:a:opcode<2:0>, acc the destination
 * element for FMLA/FMLS) and two-register misc (key = a:U:opcode), for every FP element size
 * (fsz 1 half, 2 single, 3 double): compares give all ones or zero, conversions to integers
 * saturate to the element size.
 */
uint64_t a64_simd_fp_3same(A64CPU *cpu, int key, int fsz, uint64_t a, uint64_t b, uint64_t acc);
uint64_t a64_simd_fp_2misc(A64CPU *cpu, int key, int fsz, uint64_t a);

#endif
