// cflags: -march=armv8.5-a+rng
/* Flag manipulation (CFINV, RMIF, SETF8/16, AXFLAG, XAFLAG), FRINT32Z/X and
 * FRINT64Z/X (scalar and vector, with FPSR), FJCVTZS (result, Z flag, FPSR)
 * and RNDR/RNDRRS (flags, two different values), with the FPCR rounding
 * modes that the X forms use; PSTATE.SSBS and PSTATE.DIT through MSR/MRS. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t nzcv(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, nzcv" : "=r"(v));
    return v >> 28;
}

static void set_nzcv(uint64_t f)
{
    __asm__ volatile("msr nzcv, %0" ::"r"(f << 28));
}

static unsigned fpsr_take(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr\n\tmsr fpsr, xzr" : "=r"(v));
    return (unsigned)v;
}

static void set_rmode(int r)
{
    __asm__ volatile("msr fpcr, %0" ::"r"((uint64_t)r << 22));
}

static void test_flags(void)
{
    for (uint64_t f = 0; f < 16; f++) {
        uint64_t r[4];
        set_nzcv(f);
        __asm__ volatile("cfinv" ::: "cc");
        r[0] = nzcv();
        set_nzcv(f);
        __asm__ volatile("axflag" ::: "cc");
        r[1] = nzcv();
        set_nzcv(f);
        __asm__ volatile("xaflag" ::: "cc");
        r[2] = nzcv();
        set_nzcv(f);
        __asm__ volatile("rmif %0, #3, #0b1010" ::"r"(0x5555aaaa3333cccdull * f) : "cc");
        r[3] = nzcv();
        printf("nzcv %2llu: cfinv %2llu axflag %2llu xaflag %2llu rmif %2llu\n",
               (unsigned long long)f, (unsigned long long)r[0], (unsigned long long)r[1],
               (unsigned long long)r[2], (unsigned long long)r[3]);
    }
    static const uint32_t vals[] = {0, 0x80, 0x7f, 0x100, 0x180, 0xff00, 0x8000, 0x17f80, 0x10000};
    for (unsigned i = 0; i < sizeof(vals) / sizeof(vals[0]); i++) {
        uint64_t a, b;
        set_nzcv(2);
        __asm__ volatile("setf8 %w0" ::"r"(vals[i]) : "cc");
        a = nzcv();
        set_nzcv(0xf);
        __asm__ volatile("setf16 %w0" ::"r"(vals[i]) : "cc");
        b = nzcv();
        printf("setf8/16 %05x: %2llu %2llu\n", vals[i], (unsigned long long)a,
               (unsigned long long)b);
    }
    __asm__ volatile("msr nzcv, xzr\n\tmov x0, #0x3f\n\trmif x0, #63, #15" ::: "x0", "cc");
    printf("rmif rotate 63: %llu\n", (unsigned long long)nzcv());
}

static void test_frint(void)
{
    static const double dv[] = {0.0,
                                -0.0,
                                2.5,
                                -2.5,
                                3.7,
                                -1e-300,
                                2147483647.4,
                                2147483647.6,
                                -2147483648.9,
                                2147483648.0,
                                -2147483649.0,
                                9.3e18,
                                -9.2233720368547758e18,
                                1e19,
                                INFINITY,
                                NAN};
    for (int mode = 0; mode < 4; mode += 3) {
        set_rmode(mode);
        for (unsigned i = 0; i < sizeof(dv) / sizeof(dv[0]); i++) {
            double d = dv[i], r[4];
            unsigned fl[4];
            fpsr_take();
            __asm__ volatile("frint32z %d0, %d1" : "=w"(r[0]) : "w"(d));
            fl[0] = fpsr_take();
            __asm__ volatile("frint32x %d0, %d1" : "=w"(r[1]) : "w"(d));
            fl[1] = fpsr_take();
            __asm__ volatile("frint64z %d0, %d1" : "=w"(r[2]) : "w"(d));
            fl[2] = fpsr_take();
            __asm__ volatile("frint64x %d0, %d1" : "=w"(r[3]) : "w"(d));
            fl[3] = fpsr_take();
            printf("rm%d frint %-14a:", mode, d);
            for (int k = 0; k < 4; k++)
                printf(" %a/%x", r[k], fl[k]);
            printf("\n");
        }
    }
    set_rmode(0);
    float f4[4] = {1.5f, -2.5f, 3e9f, NAN}, o4[4], o2[2];
    __asm__ volatile("ldr q0, [%1]\n\tfrint32x v1.4s, v0.4s\n\tstr q1, [%0]" ::"r"(o4), "r"(f4)
                     : "v0", "v1", "memory");
    printf("frint32x.4s %a %a %a %a fpsr %x\n", o4[0], o4[1], o4[2], o4[3], fpsr_take());
    __asm__ volatile("ldr q0, [%1]\n\tfrint64z v1.2s, v0.2s\n\tstr d1, [%0]" ::"r"(o2), "r"(f4)
                     : "v0", "v1", "memory");
    printf("frint64z.2s %a %a fpsr %x\n", o2[0], o2[1], fpsr_take());
    float s = -7.5f, sr;
    __asm__ volatile("frint32z %s0, %s1" : "=w"(sr) : "w"(s));
    printf("frint32z s %a fpsr %x\n", sr, fpsr_take());
    double d2[2] = {-0.5, 1e20}, o[2];
    __asm__ volatile("ldr q0, [%1]\n\tfrint64x v1.2d, v0.2d\n\tstr q1, [%0]" ::"r"(o), "r"(d2)
                     : "v0", "v1", "memory");
    printf("frint64x.2d %a %a fpsr %x\n", o[0], o[1], fpsr_take());
}

static void test_fjcvtzs(void)
{
    static const double dv[] = {
        0.0,          -0.0,         1.0,           -1.0,          1.5,  -2.75, 4294967296.0 + 5,
        2147483647.0, 2147483648.0, -2147483648.0, -2147483649.0, 1e20, -1e20, 1e-310,
        3e9,          INFINITY,     NAN,           123456789.0};
    for (unsigned i = 0; i < sizeof(dv) / sizeof(dv[0]); i++) {
        int32_t r;
        uint64_t f;
        fpsr_take();
        __asm__ volatile("fjcvtzs %w0, %d2\n\tmrs %1, nzcv" : "=r"(r), "=r"(f) : "w"(dv[i]) : "cc");
        printf("fjcvtzs %-22a = %11d nzcv %llx fpsr %x\n", dv[i], r, (unsigned long long)(f >> 28),
               fpsr_take());
    }
}

static void test_rndr(void)
{
    uint64_t a, b, fa, fb;
    __asm__ volatile("mrs %0, s3_3_c2_c4_0\n\tmrs %1, nzcv" : "=r"(a), "=r"(fa)::"cc");
    __asm__ volatile("mrs %0, s3_3_c2_c4_1\n\tmrs %1, nzcv" : "=r"(b), "=r"(fb)::"cc");
    printf("rndr nzcv %llx rndrrs nzcv %llx different %d\n", (unsigned long long)(fa >> 28),
           (unsigned long long)(fb >> 28), a != b);
}

static void test_pstate(void)
{
    uint64_t r[6];
    __asm__ volatile("mrs %0, s3_3_c4_c2_6\n\t" /* SSBS */
                     "msr ssbs, #1\n\t"
                     "mrs %1, s3_3_c4_c2_6\n\t"
                     "msr s3_3_c4_c2_6, xzr\n\t"
                     "mrs %2, s3_3_c4_c2_6\n\t"
                     "mrs %3, s3_3_c4_c2_5\n\t" /* DIT */
                     "msr dit, #1\n\t"
                     "mrs %4, s3_3_c4_c2_5\n\t"
                     "mov x9, #-1\n\t"
                     "msr s3_3_c4_c2_5, xzr\n\t"
                     "msr s3_3_c4_c2_5, x9\n\t"
                     "mrs %5, s3_3_c4_c2_5\n\t"
                     "msr dit, #0"
                     : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3]), "=r"(r[4]), "=r"(r[5])
                     :
                     : "x9");
    printf("ssbs %llx %llx %llx dit %llx %llx %llx\n", (unsigned long long)r[0],
           (unsigned long long)r[1], (unsigned long long)r[2], (unsigned long long)r[3],
           (unsigned long long)r[4], (unsigned long long)r[5]);
}

int main(void)
{
    test_pstate();
    test_flags();
    test_frint();
    test_fjcvtzs();
    test_rndr();
    return 0;
}
