/*
 * FP and AdvSIMD coverage: scalar float/double arithmetic and conversions
 * (printed with %a and %.17g), FPSR flags and rounding modes, one NEON
 * intrinsic per integer op class, structure loads/stores, and the glibc
 * string functions on unaligned buffers of many lengths.
 */
#define _GNU_SOURCE
#include <arm_neon.h>
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile double vd[] = {0.0,    -0.0,   1.0,     -1.5,   2.5,          3.5,
                               1e308,  -1e308, 1e-310,  0.1,    4294967296.5, -2147483648.7,
                               9.3e18, 1.9e19, -9.3e18, 123.456};
static volatile float vf[] = {0.0f,    -0.0f,   1.0f,   -1.5f, 2.5f,          3.5f,
                              3e38f,   -3e38f,  1e-40f, 0.1f,  4294967296.5f, -2147483648.7f,
                              9.3e18f, 1.9e19f, 0.5f,   7.75f};
#define ND (sizeof(vd) / sizeof(vd[0]))

static uint64_t dbits(double d)
{
    uint64_t x;
    memcpy(&x, &d, 8);
    return x;
}

static unsigned fpsr_read(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr" : "=r"(v)::"memory");
    return (unsigned)v;
}

static void fpsr_clear(void)
{
    __asm__ volatile("msr fpsr, %0" ::"r"(0ull) : "memory");
}

static void test_scalar_double(void)
{
    for (unsigned i = 0; i + 1 < ND; i++) {
        double a = vd[i], b = vd[i + 1];
        fpsr_clear();
        volatile double s = a + b, d = a - b, m = a * b, q = a / b, f = fma(a, b, 0.25);
        unsigned fl = fpsr_read() & 0x9f;
        printf("d%u: %a %a %a %a %a fl=%x\n", i, s, d, m, q, f, fl);
        printf("  %.17g %.17g %.17g %a %a %a %a\n", s, q, sqrt(fabs(a)), fmin(a, b), fmax(a, b),
               -(a * b), fma(-a, b, -1.0));
        printf("  cmp %d %d %d %d\n", a < b, a <= b, a == b, isgreater(a, b));
    }
    volatile double nan = NAN, inf = INFINITY, zero = 0.0;
    printf("special %a %a %a %a\n", inf - inf, zero * inf, sqrt(-1.0 + zero), 1.0 / zero);
    printf("nan %a %a %d %d\n", nan + 1.0, fmin(nan, 1.0), nan == nan, nan < 1.0);
    uint64_t snanbits = 0x7ff0000000000001ull, qnanbits = 0x7ff8000000000002ull;
    double snan, qnan;
    memcpy(&snan, &snanbits, 8);
    memcpy(&qnan, &qnanbits, 8);
    volatile double vs = snan, vq = qnan;
    fpsr_clear();
    volatile double r1 = vq + vs, r2 = vs + vq, r3 = vq * 2.0;
    unsigned fl = fpsr_read() & 0x9f;
    printf("nanprop %016llx %016llx %016llx fl=%x\n", (unsigned long long)dbits(r1),
           (unsigned long long)dbits(r2), (unsigned long long)dbits(r3), fl);
}

static void test_scalar_float(void)
{
    for (unsigned i = 0; i + 1 < ND; i++) {
        float a = vf[i], b = vf[i + 1];
        fpsr_clear();
        volatile float s = a + b, d = a - b, m = a * b, q = a / b, f = fmaf(a, b, 0.25f);
        unsigned fl = fpsr_read() & 0x9f;
        printf("f%u: %a %a %a %a %a fl=%x\n", i, s, d, m, q, f, fl);
        printf("  %.9g %.9g %a %a %a\n", s, sqrtf(fabsf(a)), fminf(a, b), fmaxf(a, b),
               (double)a * b);
    }
}

static void test_conversions(void)
{
    for (unsigned i = 0; i < ND; i++) {
        double a = vd[i];
        float f = vf[i];
        fpsr_clear();
        volatile int i1 = (int)a;
        volatile unsigned u1 = (unsigned)a;
        volatile long long l1 = (long long)a;
        volatile unsigned long long ul1 = (unsigned long long)a;
        unsigned fl = fpsr_read() & 0x9f;
        printf("cvt%u: %d %u %lld %llu fl=%x %ld %d %lld", i, i1, u1, l1, ul1, fl, lround(a),
               (int)f, (long long)f);
        printf(" %a %a %a %a %a %a", rint(a), nearbyint(a), floor(a), ceil(a), trunc(a), round(a));
        printf(" %a %a %a %a\n", (double)f, (float)a, rintf(f), roundf(f));
    }
    volatile double nan = NAN;
    printf("nan->int %d %lld %u\n", (int)nan, (long long)nan, (unsigned)nan);
    volatile long long ll[] = {
        0, 1, -1, 9007199254740993LL, -9007199254740993LL, 0x7fffffffffffffffLL};
    volatile unsigned long long ull = 0xffffffffffffffffULL;
    for (unsigned i = 0; i < 6; i++)
        printf("i2f %a %a\n", (double)ll[i], (float)ll[i]);
    printf("u2f %a %a %a\n", (double)ull, (float)ull, (double)(unsigned)ull);
    static const int modes[4] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
    for (int m = 0; m < 4; m++) {
        fesetround(modes[m]);
        volatile double x = 1.0, y = 3.0;
        printf("round%d %a %a %a %a\n", m, x / y, -x / y, rint(2.5), (double)(float)(x / y));
    }
    fesetround(FE_TONEAREST);
    char buf[64];
    snprintf(buf, sizeof buf, "%f %g %e %.3f", 3.14159, 1e-5, 6.02e23, -0.0005);
    printf("fmt %s %.17g %g\n", buf, strtod("2.718281828459045", NULL), strtof("1e-3", NULL));
}

#define PV(name, v)                                                                                \
    do {                                                                                           \
        uint8_t b_[16];                                                                            \
        vst1q_u8(b_, vreinterpretq_u8_u64(vreinterpretq_u64_u8((uint8x16_t)(v))));                 \
        printf("%-8s", name);                                                                      \
        for (int i_ = 15; i_ >= 0; i_--)                                                           \
            printf("%02x", b_[i_]);                                                                \
        printf("\n");                                                                              \
    } while (0)
#define PD(name, v) PV(name, vcombine_u8((uint8x8_t)(v), vdup_n_u8(0xee)))

static void test_neon_int(void)
{
    uint8_t src[64];
    for (int i = 0; i < 64; i++)
        src[i] = (uint8_t)(i * 37 + 11) ^ (i & 8 ? 0x80 : 0);
    uint8x16_t a = vld1q_u8(src), b = vld1q_u8(src + 16);
    int16x8_t h = vreinterpretq_s16_u8(a), h2 = vreinterpretq_s16_u8(b);
    int32x4_t w = vreinterpretq_s32_u8(a), w2 = vreinterpretq_s32_u8(b);
    int64x2_t x = vreinterpretq_s64_u8(a), x2 = vreinterpretq_s64_u8(b);
    PV("add8", vaddq_u8(a, b));
    PV("sub16", vsubq_s16(h, h2));
    PV("add64", vaddq_s64(x, x2));
    PV("mul16", vmulq_s16(h, h2));
    PV("mul32", vmulq_s32(w, w2));
    PV("neg32", vnegq_s32(w));
    PV("abs8", vabsq_s8(vreinterpretq_s8_u8(a)));
    PV("and", vandq_u8(a, b));
    PV("bic", vbicq_u8(a, b));
    PV("orr", vorrq_u8(a, b));
    PV("orn", vornq_u8(a, b));
    PV("eor", veorq_u8(a, b));
    PV("bsl", vbslq_u8(vdupq_n_u8(0x0f), a, b));
    PV("not", vmvnq_u8(a));
    PV("cmeq", vceqq_u8(a, vdupq_n_u8(src[3])));
    PV("cmeq0", vceqzq_s8(vreinterpretq_s8_u8(vandq_u8(a, vdupq_n_u8(3)))));
    PV("cmge", vcgeq_s8(vreinterpretq_s8_u8(a), vreinterpretq_s8_u8(b)));
    PV("cmgt", vcgtq_s16(h, h2));
    PV("cmhi", vcgtq_u8(a, b));
    PV("cmhs", vcgeq_u32(vreinterpretq_u32_u8(a), vreinterpretq_u32_u8(b)));
    PV("cmtst", vtstq_u8(a, b));
    PV("cmle0", vclezq_s8(vreinterpretq_s8_u8(a)));
    PV("cmlt0", vcltzq_s16(h));
    PV("umin", vminq_u8(a, b));
    PV("umax", vmaxq_u16(vreinterpretq_u16_u8(a), vreinterpretq_u16_u8(b)));
    PV("smin", vminq_s32(w, w2));
    PV("smax", vmaxq_s8(vreinterpretq_s8_u8(a), vreinterpretq_s8_u8(b)));
    PV("uminp", vpminq_u8(a, b));
    PV("umaxp", vpmaxq_u8(a, b));
    PV("smaxp", vpmaxq_s16(h, h2));
    PV("sminp", vpminq_s32(w, w2));
    PV("addp", vpaddq_u8(a, b));
    PD("addp8b", vpadd_u8(vget_low_u8(a), vget_high_u8(b)));
    printf("uminv %u umaxv %u sminv %d smaxv %d addv %u addv32 %u uaddlv %u\n", vminvq_u8(a),
           vmaxvq_u8(a), vminvq_s16(h), vmaxvq_s16(h), vaddvq_u8(a),
           vaddvq_u32(vreinterpretq_u32_u8(a)), vaddlvq_u8(a));
    printf("addpd %llu\n", (unsigned long long)vpaddd_u64(vreinterpretq_u64_u8(a)));
    PV("cnt", vcntq_u8(a));
    PV("rev16", vrev16q_u8(a));
    PV("rev32", vrev32q_u8(a));
    PV("rev64", vrev64q_u16(vreinterpretq_u16_u8(a)));
    PV("ext3", vextq_u8(a, b, 3));
    PD("ext5d", vext_u8(vget_low_u8(a), vget_low_u8(b), 5));
    PV("zip1", vzip1q_u8(a, b));
    PV("zip2", vzip2q_u16(vreinterpretq_u16_u8(a), vreinterpretq_u16_u8(b)));
    PV("uzp1", vuzp1q_u8(a, b));
    PV("uzp2", vuzp2q_u32(vreinterpretq_u32_u8(a), vreinterpretq_u32_u8(b)));
    PV("trn1", vtrn1q_u8(a, b));
    PV("trn2", vtrn2q_u16(vreinterpretq_u16_u8(a), vreinterpretq_u16_u8(b)));
    uint8x16_t idx = vandq_u8(b, vdupq_n_u8(0x3f));
    PV("tbl1", vqtbl1q_u8(a, idx));
    PV("tbl2", vqtbl2q_u8((uint8x16x2_t){{a, b}}, idx));
    PV("tbx1", vqtbx1q_u8(b, a, idx));
    PV("tbl4", vqtbl4q_u8((uint8x16x4_t){{a, b, a, b}}, vaddq_u8(idx, idx)));
    PV("shl", vshlq_n_u16(vreinterpretq_u16_u8(a), 3));
    PV("ushr", vshrq_n_u8(a, 3));
    PV("sshr", vshrq_n_s32(w, 7));
    PV("usra", vsraq_n_u8(a, b, 2));
    PV("ssra", vsraq_n_s16(h, h2, 5));
    PV("sri", vsriq_n_u8(a, b, 3));
    PV("sli", vsliq_n_u16(vreinterpretq_u16_u8(a), vreinterpretq_u16_u8(b), 4));
    PD("shrn", vshrn_n_u16(vreinterpretq_u16_u8(a), 4));
    PV("shrn2", vshrn_high_n_u16(vget_low_u8(b), vreinterpretq_u16_u8(a), 4));
    PD("rshrn", vrshrn_n_u32(vreinterpretq_u32_u8(a), 5));
    PD("xtn", vmovn_u16(vreinterpretq_u16_u8(a)));
    PV("xtn2", vmovn_high_u32(vget_low_u16(vreinterpretq_u16_u8(b)), vreinterpretq_u32_u8(a)));
    PV("uxtl", vmovl_u8(vget_low_u8(a)));
    PV("sxtl2", vmovl_high_s16(h));
    PV("ushll", vshll_n_u8(vget_high_u8(a), 3));
    PV("uaddl", vaddl_u8(vget_low_u8(a), vget_low_u8(b)));
    PV("uaddw", vaddw_u8(vreinterpretq_u16_u8(a), vget_high_u8(b)));
    PV("usubl",
       vsubl_u16(vget_low_u16(vreinterpretq_u16_u8(a)), vget_low_u16(vreinterpretq_u16_u8(b))));
    PV("smull", vmull_s16(vget_low_s16(h), vget_low_s16(h2)));
    PV("mulidx", vmulq_laneq_s16(h, h2, 5));
    PV("mlaidx", vmlaq_laneq_u32(vreinterpretq_u32_s32(w), vreinterpretq_u32_s32(w2),
                                 vreinterpretq_u32_s32(w), 1));
    PV("umullidx", vmull_high_laneq_u16(vreinterpretq_u16_s16(h), vreinterpretq_u16_s16(h2), 7));
    PV("sqdmulh", vqdmulhq_s16(h, h2));
    PD("addhn", vaddhn_u16(vreinterpretq_u16_u8(a), vreinterpretq_u16_u8(b)));
    PV("uqadd", vqaddq_u8(a, b));
    PV("sqsub", vqsubq_s16(h, h2));
    PV("dupe", vdupq_laneq_u16(vreinterpretq_u16_u8(a), 5));
    PV("dupg", vdupq_n_u32(src[7] * 0x01020304u));
    PV("movi", vdupq_n_u16(0x4500));
    PV("mvni", vdupq_n_u32(0xffff00ff));
    PV("movi64", vdupq_n_u64(0xff00ff0000ffff00ull));
    PV("fmovv", vdupq_n_f32(2.5f));
    PV("fmovv2d", vdupq_n_f64(-0.125));
    uint32x4_t ins = vsetq_lane_u32(0xdeadbeef, vreinterpretq_u32_u8(a), 2);
    ins = vcopyq_laneq_u32(ins, 0, vreinterpretq_u32_u8(b), 3);
    PV("ins", ins);
    printf("umov %u smov %d %lld\n", vgetq_lane_u8(a, 9), vgetq_lane_s8(vreinterpretq_s8_u8(a), 9),
           (long long)vgetq_lane_s16(h, 3));
}

static void test_neon_fp(void)
{
    float32x4_t a = {1.5f, -2.25f, 3e38f, 0.1f}, b = {0.5f, 4.0f, 3e38f, -0.0f};
    float64x2_t c = {1.0 / 3, -7.5}, d = {3.0, 1e-300};
    __asm__("" : "+w"(a), "+w"(b), "+w"(c), "+w"(d)); /* no constant folding */
    PV("fadd", vaddq_f32(a, b));
    PV("fsub", vsubq_f32(a, b));
    PV("fmul", vmulq_f32(a, b));
    PV("fdiv", vdivq_f32(a, b));
    PV("fmla", vfmaq_f32(a, b, a));
    PV("fmls", vfmsq_f64(c, d, c));
    PV("fmax", vmaxq_f32(a, b));
    PV("fmin", vminq_f64(c, d));
    PV("faddp", vpaddq_f32(a, b));
    PV("fdiv2d", vdivq_f64(c, d));
    PV("scvtf", vcvtq_f32_s32(vreinterpretq_s32_f32(a)));
    PV("ucvtf", vcvtq_f64_u64(vreinterpretq_u64_f64(c)));
    PV("fcvtzs", vcvtq_s32_f32(a));
    PV("fcvtzu", vcvtq_u64_f64(d));
    PD("fcvtn", vcvt_f32_f64(c));
    PV("fcvtl", vcvt_f64_f32(vget_low_f32(a)));
    PV("fcmgt", vcgtq_f32(a, b));
    PV("fabs", vabsq_f32(a));
    PV("fsqrt", vsqrtq_f64(d));
    PV("frintn", vrndnq_f32(a));
    printf("fmaxv %a faddp %a\n", vmaxvq_f32(a), vpadds_f32(vget_low_f32(a)));
    PV("fmlaidx", vfmaq_laneq_f32(a, b, a, 3));
    PV("fmulidx", vmulq_laneq_f64(c, d, 1));
    PV("frecpe", vrecpeq_f32(a));
    PV("frsqrte", vrsqrteq_f64(d));
    PV("frecps", vrecpsq_f32(a, b));
    PD("fcvt16", vcvt_f16_f32(a));
    PV("fcvt16l", vcvt_f32_f16(vcvt_f16_f32(b)));
}

static void test_ldst_struct(void)
{
    uint8_t buf[128], out[128];
    for (int i = 0; i < 128; i++)
        buf[i] = (uint8_t)(i * 7 + 1);
    uint8x16x2_t l2 = vld2q_u8(buf + 1);
    uint16x8x3_t l3 = vld3q_u16((uint16_t *)(buf + 2));
    uint32x4x4_t l4 = vld4q_u32((uint32_t *)(buf + 4));
    uint8x8x4_t l1x4 = vld1_u8_x4(buf + 3);
    PV("ld2a", l2.val[0]);
    PV("ld2b", l2.val[1]);
    PV("ld3c", l3.val[2]);
    PV("ld4d", l4.val[3]);
    PD("ld1x4", l1x4.val[2]);
    PV("ld1r", vld1q_dup_u16((uint16_t *)(buf + 6)));
    PV("ld1ln", vld1q_lane_u32((uint32_t *)(buf + 8), vreinterpretq_u32_u8(l2.val[0]), 2));
    uint8x16x2_t l2r = vld2q_dup_u8(buf + 9);
    PV("ld2r", l2r.val[1]);
    memset(out, 0, sizeof out);
    vst2q_u8(out + 1, l2);
    vst3q_u16((uint16_t *)(out + 40), l3);
    vst4q_lane_u32((uint32_t *)(out + 100), l4, 1);
    vst1q_lane_u8(out + 127, l2.val[1], 7);
    vst1_u8_x4(out + 90, l1x4);
    unsigned sum = 0;
    for (int i = 0; i < 128; i++)
        sum = sum * 31 + out[i];
    printf("st %08x %d\n", sum, memcmp(out + 1, buf + 1, 32));
}

static unsigned hash_int(unsigned h, long v)
{
    return h * 1000003u ^ (unsigned)v;
}

static void test_strings(void)
{
    static char a[320], b[320];
    unsigned h[12] = {0};
    for (int len = 0; len < 140; len++) {
        for (int al = 0; al < 16; al++) {
            for (int i = 0; i < 320; i++)
                a[i] = b[i] = (char)('a' + (i * 7 + len) % 26);
            char *p = a + al, *q = b + (al * 3) % 16;
            memset(p, 'x', len);
            p[len] = 0;
            memcpy(q, p, len + 1);
            h[0] = hash_int(h[0], strlen(p));
            h[1] = hash_int(h[1], strnlen(p, len / 2 + 1));
            h[2] = hash_int(h[2], strcmp(p, q));
            if (len) {
                q[len - 1] = 'y';
                h[3] = hash_int(h[3], strcmp(p, q) > 0 ? 1 : -1);
                h[4] = hash_int(h[4], strncmp(p, q, len - 1));
                h[5] = hash_int(h[5], memcmp(p, q, len) < 0);
                p[len / 2] = 'z';
                h[6] = hash_int(h[6], strchr(p, 'z') - p);
                h[7] = hash_int(h[7], (char *)memchr(p, 'z', len) - p);
                h[8] = hash_int(h[8], strrchr(p, 'x') ? strrchr(p, 'x') - p : -1);
                h[9] = hash_int(h[9], (char *)rawmemchr(p, 0) - p);
            }
            char *e = stpcpy(b + al + 1, p);
            h[10] = hash_int(h[10], e - b);
            memmove(a + al + 3, a + al, len);
            memset(a + 5, al, len / 3);
            strcpy(b + 7, a + al + 3);
            for (int i = 0; i < 320; i++)
                h[11] = hash_int(h[11], a[i] + b[i]);
        }
    }
    for (int i = 0; i < 12; i++)
        printf("str%d %08x\n", i, h[i]);
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

static void test_qsort(void)
{
    double v[50];
    for (int i = 0; i < 50; i++)
        v[i] = sin(i * 1.7) * 100;
    qsort(v, 50, sizeof v[0], cmp_double);
    printf("qsort %.6f %.6f %.6f %a\n", v[0], v[25], v[49], v[13]);
    char *m = malloc(1000);
    memset(m, 0x5a, 1000);
    printf("malloc %d\n", m[999]);
    free(m);
}

int main(void)
{
    test_scalar_double();
    test_scalar_float();
    test_conversions();
    test_neon_int();
    test_neon_fp();
    test_ldst_struct();
    test_strings();
    test_qsort();
    return 0;
}
