// cflags: -O3 -ffast-math
/* The loops of fpv_vec_loops.c built with -ffast-math (reassociated reductions, reciprocal
 * approximations, contracted multiply-adds). */
#include "fpv_vec_loops.c"
