// link: dynamic
/* libm.so.6 through the dynamic loader: elementary functions, rounding,
 * classification, and the FP environment (fenv) as libm sets it. */
#include <fenv.h>
#include <math.h>
#include <stdio.h>

static volatile double vals[] = {0.0, 0.5, 1.0, 2.0, 3.14159265358979, -1.25, 10.0, 1e-300, 1e300};

int main(void)
{
    for (unsigned i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
        double x = vals[i];
        printf("x=%-10g sin=%.15g cos=%.15g tan=%.15g\n", x, sin(x), cos(x), tan(x));
        printf("  exp=%.15g log=%.15g log10=%.15g sqrt=%.15g cbrt=%.15g\n", exp(x), log(fabs(x)),
               log10(fabs(x)), sqrt(fabs(x)), cbrt(x));
        printf("  atan2=%.15g hypot=%.15g pow=%.15g erf=%.15g lgamma=%.15g\n", atan2(x, 1.5),
               hypot(x, 3.0), pow(fabs(x), 1.5), erf(x), lgamma(fabs(x) + 0.5));
        printf("  floor=%g ceil=%g round=%g trunc=%g rint=%g lround=%ld\n", floor(x), ceil(x),
               round(x), trunc(x), rint(x), fabs(x) < 1e18 ? lround(x) : 0L);
    }
    float f = 0.7f;
    printf("float: sinf=%.7g expf=%.7g powf=%.7g sqrtf=%.7g\n", sinf(f), expf(f), powf(f, 3.3f),
           sqrtf(f));
    printf("fmod=%g remainder=%g fma=%.17g copysign=%g nextafter=%.17g\n", fmod(10.5, 3.0),
           remainder(10.5, 3.0), fma(0.1, 10.0, -1.0), copysign(3.0, -0.0), nextafter(1.0, 2.0));
    int e;
    double m = frexp(1234.5, &e);
    printf("frexp=%g*2^%d ldexp=%g modf-int=%g\n", m, e, ldexp(0.75, 10), modf(7.25, &m) + m);
    printf("classify: nan=%d inf=%d normal=%d subnormal=%d zero=%d\n", fpclassify(NAN) == FP_NAN,
           fpclassify(INFINITY) == FP_INFINITE, fpclassify(1.0) == FP_NORMAL,
           fpclassify(1e-310) == FP_SUBNORMAL, fpclassify(0.0) == FP_ZERO);
    printf("log(-1) is nan: %d, log(0)=%g, exp(1000)=%g\n", isnan(log(-1.0)), log(0.0),
           exp(1000.0));

    feclearexcept(FE_ALL_EXCEPT);
    volatile double big = 1e308;
    volatile double r = big * 10.0;
    printf("overflow flag: %d (r=%g)\n", fetestexcept(FE_OVERFLOW) != 0, r);
    static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
    for (int i = 0; i < 4; i++) {
        fesetround(modes[i]);
        volatile double a = 2.5, b = -2.5;
        printf("mode %d: rint(2.5)=%g rint(-2.5)=%g nearbyint(1.5)=%g 1/3=%.17g\n", i, rint(a),
               rint(b), nearbyint(1.5), 1.0 / (a + 0.5));
    }
    fesetround(FE_TONEAREST);
    return 0;
}
