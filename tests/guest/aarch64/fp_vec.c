// cflags: -O3
/*
 * FP vector kernels: arm_neon.h intrinsics (fmla by element, fmul, fdiv, fmax/fmin(nm),
 * fabs/fneg, pairwise adds, compares, conversions) and loops the compiler vectorises at
 * -O3 (saxpy, dot products with lane accumulators, stencils, max reductions), over data
 * with ordinary values, signed zeros, subnormals, infinities and NaNs.  Checksums of the
 * result bits.
 */
#include <arm_neon.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N 1024
static float fa[N], fb[N], fc[N];
static double da[N], db[N], dc[N];

static uint64_t hash = 0xcbf29ce484222325ull;
static void mix(const void *p, size_t n)
{
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++)
        hash = (hash ^ b[i]) * 0x100000001b3ull;
}
static void report(const char *what)
{
    printf("%-12s %016llx\n", what, (unsigned long long)hash);
    hash = 0xcbf29ce484222325ull;
}

static void init(int special)
{
    for (int i = 0; i < N; i++) {
        fa[i] = (float)((i * 37) % 101 - 50) * 0.013f;
        fb[i] = (float)((i * 53) % 97 - 48) * 0.021f + 0.5f;
        da[i] = (double)((i * 29) % 89 - 44) * 0.0071;
        db[i] = (double)((i * 31) % 83 - 41) * 0.0133 + 0.25;
    }
    if (special) {
        static const float sf[] = {0.0f,      -0.0f, 1e-40f, -1e-45f, INFINITY,
                                   -INFINITY, NAN,   3e38f,  1.2e-38f};
        static const double sd[] = {0.0,       -0.0, 1e-310,  -5e-324, INFINITY,
                                    -INFINITY, NAN,  1.7e308, 2.3e-308};
        for (int i = 0; i < N; i += 7) {
            fa[i] = sf[(i / 7) % 9];
            fb[(i * 3) % N] = sf[(i / 7 + 4) % 9];
            da[i] = sd[(i / 7) % 9];
            db[(i * 5) % N] = sd[(i / 7 + 2) % 9];
        }
    }
}

__attribute__((noinline)) static void saxpy(float s)
{
    for (int i = 0; i < N; i++)
        fc[i] = fa[i] * s + fb[i];
    mix(fc, sizeof(fc));
}

__attribute__((noinline)) static void daxpy(double s)
{
    for (int i = 0; i < N; i++)
        dc[i] = da[i] * s + db[i];
    mix(dc, sizeof(dc));
}

__attribute__((noinline)) static void stencil(void)
{
    for (int i = 1; i < N - 1; i++)
        fc[i] = (fa[i - 1] + fa[i + 1]) * 0.25f + fa[i] * 0.5f - fb[i] / 3.0f;
    for (int i = 1; i < N - 1; i++)
        dc[i] = (da[i - 1] - da[i + 1]) * db[i] + sqrt(fabs(da[i]));
    mix(fc, sizeof(fc));
    mix(dc, sizeof(dc));
}

__attribute__((noinline)) static void reductions(void)
{
    float m = -INFINITY, mn = INFINITY;
    double dm = -INFINITY;
    for (int i = 0; i < N; i++)
        m = fmaxf(m, fa[i]);
    for (int i = 0; i < N; i++)
        mn = fminf(mn, fb[i]);
    for (int i = 0; i < N; i++)
        dm = fmax(dm, da[i]);
    float acc[8] = {0};
    for (int i = 0; i < N; i += 8)
        for (int j = 0; j < 8; j++)
            acc[j] += fa[i + j] * fb[i + j];
    mix(&m, 4);
    mix(&mn, 4);
    mix(&dm, 8);
    mix(acc, sizeof(acc));
}

__attribute__((noinline)) static void intrinsics(void)
{
    for (int i = 0; i + 4 <= N; i += 4) {
        float32x4_t a = vld1q_f32(fa + i), b = vld1q_f32(fb + i);
        float32x4_t r = vfmaq_laneq_f32(a, b, a, 3);
        r = vmulq_f32(r, vdivq_f32(a, b));
        r = vaddq_f32(r, vmaxnmq_f32(a, b));
        r = vsubq_f32(r, vminq_f32(a, b));
        r = vfmsq_f32(r, a, b);
        r = vaddq_f32(r, vabsq_f32(vnegq_f32(b)));
        r = vaddq_f32(r, vpaddq_f32(a, b));
        uint32x4_t c = vcgtq_f32(a, b);
        int32x4_t cv = vcvtq_s32_f32(vmulq_n_f32(a, 1000.0f));
        float32x2_t h = vfma_lane_f32(vget_low_f32(a), vget_high_f32(b), vget_low_f32(a), 1);
        vst1q_f32(fc + i, r);
        mix(&c, 16);
        mix(&cv, 16);
        mix(&h, 8);
    }
    mix(fc, sizeof(fc));
    for (int i = 0; i + 2 <= N; i += 2) {
        float64x2_t a = vld1q_f64(da + i), b = vld1q_f64(db + i);
        float64x2_t r = vfmaq_laneq_f64(a, b, a, 1);
        r = vmulq_f64(r, vdivq_f64(a, b));
        r = vaddq_f64(r, vmaxq_f64(a, b));
        r = vfmsq_f64(r, a, vminnmq_f64(a, b));
        r = vaddq_f64(r, vsqrtq_f64(vabsq_f64(b)));
        uint64x2_t c = vcleq_f64(a, b);
        float64x1_t s = vfma_laneq_f64(vget_low_f64(a), vget_high_f64(b), a, 0);
        vst1q_f64(dc + i, r);
        mix(&c, 16);
        mix(&s, 8);
    }
    mix(dc, sizeof(dc));
}

static uint32_t fpsr(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr" : "=r"(v));
    return (uint32_t)v & 0x9f;
}

int main(void)
{
    for (int special = 0; special < 2; special++) {
        init(special);
        __asm__ volatile("msr fpsr, %0" ::"r"(0ull));
        saxpy(1.75f);
        daxpy(-0.375);
        report("axpy");
        stencil();
        report("stencil");
        reductions();
        report("reductions");
        intrinsics();
        report("intrinsics");
        printf("fpsr %02x\n", fpsr());
    }
    return 0;
}
