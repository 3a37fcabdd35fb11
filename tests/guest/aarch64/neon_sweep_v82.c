// cflags: -O2 -march=armv8.2-a+dotprod+fp16+fp16fml+rdma+crypto+sha3+sm4
/* The arm_neon.h sweep of neon_sweep.h with the ARMv8.2-A groups: SHA512,
   SHA3, SM3/SM4, dot product, FP16 vectors and FMLAL, at -O2. */
#define SWEEP_CRYPTO
#define SWEEP_V82
#include "neon_sweep.h"
