/* Ordinary double and float code as static glibc runs it: arithmetic,
 * conversions, printf/strtod of floating values, libm basics. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static volatile double dv[] = {0.0, -0.0, 1.0, -2.5, 3.141592653589793, 1e300, 1e-300, 123456.789};
static volatile float fv[] = {0.0f, 1.5f, -3.25f, 1e30f, 7.0f / 3.0f};

int main(void)
{
    double acc = 0;
    for (int i = 0; i < 8; i++) {
        for (int j = 0; j < 8; j++)
            acc += dv[i] * 0.5 - dv[j] / 3.0;
        printf("%g %.17g %e %a\n", dv[i], dv[i] * 1.5, dv[i] + 1, dv[i]);
    }
    printf("acc=%.10g\n", acc);
    for (int i = 0; i < 5; i++)
        printf("f: %f %.9g %d %u\n", fv[i], (double)(fv[i] * fv[i]), (int)fv[i],
               (unsigned)(fv[i] > 0 ? fv[i] : 0));
    long l = -123456789012345;
    printf("conv: %f %ld %lu %d\n", (double)l, (long)(dv[4] * 1e9), (unsigned long)(dv[7] * 1000),
           (int)-dv[3]);
    printf("strtod: %.17g %.17g %g\n", strtod("0.1", NULL), strtod("1e-5", NULL),
           strtod("-inf", NULL));
    printf("libm: %.15g %.15g %.15g %.15g\n", sqrt(2.0), floor(-2.5), ceil(2.1), fabs(-7.75));
    printf("cmp: %d %d %d\n", dv[2] < dv[3], dv[4] >= 3.14, dv[0] == dv[1]);
    double h = 0;
    for (int i = 1; i <= 1000; i++)
        h += 1.0 / i;
    printf("harmonic=%.15f\n", h);
    return 0;
}
