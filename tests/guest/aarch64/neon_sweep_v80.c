// cflags: -O3 -march=armv8-a+crc+crypto
/* The arm_neon.h sweep of neon_sweep.h (base AdvSIMD and the v8.0 crypto
   intrinsics) built at -O3 for ARMv8.0-A with the CRC32 and crypto extensions. */
#define SWEEP_CRYPTO
#include "neon_sweep.h"
