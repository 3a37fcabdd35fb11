/*
 * AdvSIMD run-time helpers that rearrange elements without arithmetic:
 * UZP/TRN/ZIP permutes and the TBL/TBX table lookups.
 */
#include "frontends/aarch64/helper_simd_internal.h"

/* UZP1/2, TRN1/2, ZIP1/2 (opc = the 3-bit opcode). */
uint64_t helper_simd_permute(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t n[4], m[2], r[2] = {0, 0};
    int esz = d.size, ne = (8 << d.q) >> esz, hi = d.opc >> 2;
    vload(cpu, d.rm, m);
    concat_pair(cpu, &d, n);
    for (int i = 0; i < ne; i++) {
        uint64_t x;
        switch (d.opc & 3) {
        case 1: /* UZP */
            x = vget(n, esz, 2 * i + hi);
            break;
        case 2: /* TRN */
            x = vget(i & 1 ? m : n, esz, (i & ~1) + hi);
            break;
        default: /* ZIP */
            x = i & 1 ? vget(m, esz, hi * ne / 2 + i / 2) : vget(n, esz, hi * ne / 2 + i / 2);
            break;
        }
        vset(r, esz, i, x);
    }
    vstore(cpu, d.rd, r, d.q);
    return 0;
}

uint64_t helper_simd_tbl(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint8_t table[64];
    uint64_t idx[2], r[2];
    int nregs = d.ra + 1;
    for (int i = 0; i < nregs; i++)
        memcpy(table + 16 * i, cpu->v[(d.rn + i) & 31], 16);
    vload(cpu, d.rm, idx);
    if (d.u)
        vload(cpu, d.rd, r);
    else
        r[0] = r[1] = 0;
    for (int i = 0; i < (8 << d.q); i++) {
        unsigned k = ((uint8_t *)idx)[i];
        if (k < 16u * nregs)
            ((uint8_t *)r)[i] = table[k];
    }
    vstore(cpu, d.rd, r, d.q);
    return 0;
}
