/*
 * Private to the scalar FP code (helper_fp*.c): the layout of half (fsz 1),
 * single (2) and double (3) precision bit patterns.
 */
#ifndef FERRY_FRONTENDS_AARCH64_FP_INTERNAL_H
#define FERRY_FRONTENDS_AARCH64_FP_INTERNAL_H

#include <stdint.h>

static const uint64_t fp_sign_bit[4] = {0, 1ull << 15, 1ull << 31, 1ull << 63};
static const uint64_t fp_exp_mask[4] = {0, 0x7c00, 0x7f800000, 0x7ff0000000000000ull};
static const uint64_t fp_quiet_bit[4] = {0, 1ull << 9, 1ull << 22, 1ull << 51};
static const int fp_mant_bits[4] = {0, 10, 23, 52};

static inline uint64_t fp_mant_mask(int fsz)
{
    return (1ull << fp_mant_bits[fsz]) - 1;
}

static inline uint64_t fp_width_mask(int fsz)
{
    return fsz == 3 ? ~0ull : (1ull << (8 << fsz)) - 1;
}

#endif
