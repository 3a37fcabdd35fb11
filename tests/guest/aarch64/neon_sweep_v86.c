// cflags: -O3 -march=armv8.6-a+i8mm+bf16+fp16+fp16fml+crypto+sha3+sm4
/* The arm_neon.h sweep of neon_sweep.h with every group, ARMv8.6-A
   (I8MM matrix multiply, BF16, FRINT32/64) included, at -O3. */
#define SWEEP_CRYPTO
#define SWEEP_V82
#define SWEEP_V86
#include "neon_sweep.h"
