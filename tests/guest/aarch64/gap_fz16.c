// cflags: -march=armv8.2-a+fp16fml
/* FPCR.FZ16 (FEAT_FP16): half-precision data processing flushes denormal
 * inputs (without IDC) and results tiny before rounding (raising only UFC);
 * conversions between half and other formats ignore it; FPCR.FZ does not
 * flush half precision and FZ16 does not flush single.  Each probe runs
 * under FPCR = 0, FZ16, FZ and FZ|FZ16 and prints the result and FPSR. */
#include <stdint.h>
#include <stdio.h>

#define FZ16 (1u << 19)
#define FZ (1u << 24)

static void set_fpcr(uint64_t v)
{
    __asm__ volatile("msr fpcr, %0\n\tmsr fpsr, xzr" ::"r"(v));
}

static unsigned get_fpcr(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpcr" : "=r"(v));
    return (unsigned)v;
}

static unsigned fpsr_take(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr\n\tmsr fpsr, xzr" : "=r"(v));
    return (unsigned)v;
}

/* Scalar half ops on bit patterns: H2 (two sources), H1 (one), HCMP (NZCV of FCMP). */
#define H2(insn, a, b)                                                                             \
    ({                                                                                             \
        uint32_t r_;                                                                               \
        __asm__ volatile("fmov h1, %w1\n\tfmov h2, %w2\n\t" insn " h0, h1, h2\n\tfmov %w0, h0"     \
                         : "=r"(r_)                                                                \
                         : "r"(a), "r"(b)                                                          \
                         : "v0", "v1", "v2");                                                      \
        r_;                                                                                        \
    })
#define H1(insn, a)                                                                                \
    ({                                                                                             \
        uint32_t r_;                                                                               \
        __asm__ volatile("fmov h1, %w1\n\t" insn "\n\tfmov %w0, s0"                                \
                         : "=r"(r_)                                                                \
                         : "r"(a)                                                                  \
                         : "v0", "v1", "v2", "x2", "x3");                                          \
        r_;                                                                                        \
    })

static void show(const char *name, uint64_t r)
{
    printf("  %-16s %8llx fpsr %02x\n", name, (unsigned long long)r, fpsr_take());
}

static void probes(void)
{
    /* 0x0001 smallest denormal, 0x03ff largest denormal, 0x0400 smallest normal */
    show("fadd den+0", H2("fadd", 0x0001, 0x0000));
    show("fadd den+den", H2("fadd", 0x0200, 0x0100));
    show("fsub n-n", H2("fsub", 0x0600, 0x0500));
    show("fmul tiny", H2("fmul", 0x0400, 0x3800));
    show("fmul tiny inexact", H2("fmul", 0x0401, 0x3001));
    show("fmul up to normal", H2("fmul", 0x07ff, 0x37ff));
    show("fmul den*big", H2("fmul", 0x0001, 0x7000));
    show("fdiv tiny", H2("fdiv", 0x0400, 0x4000));
    show("fmax den,0", H2("fmax", 0x0001, 0x8000));
    show("fmin -den,0", H2("fmin", 0x8001, 0x0000));
    show("fabd", H2("fabd", 0x0401, 0x0400));
    show("fmulx den", H2("fmulx", 0x0002, 0x4000));
    show("frecps den", H2("frecps", 0x0001, 0x3c00));
    show("fsqrt den", H1("fsqrt h0, h1", 0x0100));
    show("fneg den", H1("fneg h0, h1", 0x0100));
    show("fabs -den", H1("fabs h0, h1", 0x8100));
    show("frintx den", H1("frintx h0, h1", 0x0100));
    show("frecpe big", H1("frecpe h0, h1", 0x7000));
    show("frecpe huge", H1("frecpe h0, h1", 0x7800));
    show("frecpe den", H1("frecpe h0, h1", 0x0200));
    show("frsqrte den", H1("frsqrte h0, h1", 0x0200));
    show("frecpx den", H1("frecpx h0, h1", 0x0200));
    show("fcvtzs den", H1("fcvtzs h0, h1", 0x0100));
    show("fcvtps den", H1("fcvtps h0, h1", 0x0100));
    show("fcvt h->s den", H1("fcvt s0, h1", 0x0100));
    show("fcvt h->d den", H1("fcvt d0, h1\n\tfcvt s0, d0", 0x8100));
    show("fcvt s->h tiny", H1("fmov s1, %w1\n\tfcvt h0, s1", 0x33800000u));
    show("fcvt s->h den", H1("fmov s1, %w1\n\tfcvt h0, s1", 0x00400000u));
    show("fadd s den", H1("fmov s1, %w1\n\tfadd s0, s1, s1", 0x00400000u));
    show("scvtf #24", H1("fmov w2, s1\n\tscvtf h0, w2, #24", 0x0001));
    show("scvtf #32", H1("fmov w2, s1\n\tscvtf h0, w2, #32", 0x0003));
    show("fmla vec", H1("movi v0.8h, #0\n\tdup v2.8h, v1.h[0]\n\tfmla v0.8h, v2.8h, v2.8h\n\t"
                        "umov w3, v0.h[7]\n\tfmov s0, w3",
                        0x1400));
    show("fadd vec", H1("dup v2.8h, v1.h[0]\n\tfadd v0.8h, v2.8h, v2.8h\n\t"
                        "umov w3, v0.h[5]\n\tfmov s0, w3",
                        0x0100));
    show("faddp", H1("dup v2.4h, v1.h[0]\n\tfaddp h0, v2.2h\n\tfmov s0, s0", 0x0100));
    show("fmaxv", H1("dup v2.4h, v1.h[0]\n\tfmaxv h0, v2.4h\n\tfmov s0, s0", 0x0100));
    show("fmlal den", H1("movi v0.4s, #0\n\tdup v2.4h, v1.h[0]\n\tfmlal v0.2s, v2.2h, v2.2h\n\t"
                         "fadd s0, s0, s0",
                         0x0300));
    show("fmlal normal",
         H1("movi v0.4s, #0\n\tdup v2.4h, v1.h[0]\n\tfmlal v0.2s, v2.2h, v2.2h", 0x0400));
}

static void fcmp(uint32_t a, uint32_t b)
{
    uint64_t nzcv;
    __asm__ volatile("fmov h1, %w1\n\tfmov h2, %w2\n\tfcmp h1, h2\n\tmrs %0, nzcv"
                     : "=r"(nzcv)
                     : "r"(a), "r"(b)
                     : "v1", "v2", "cc");
    show("fcmp den,0", nzcv >> 28);
}

int main(void)
{
    static const uint32_t modes[4] = {0, FZ16, FZ, FZ | FZ16};
    for (int i = 0; i < 4; i++) {
        set_fpcr(modes[i]);
        printf("fpcr %08x (read back %08x)\n", modes[i], get_fpcr());
        probes();
        fcmp(0x0001, 0x0000);
    }
    set_fpcr(0);
    return 0;
}
