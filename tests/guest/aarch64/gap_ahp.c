// cflags: -march=armv8.2-a+fp16
/* FPCR.AHP (alternative half precision): FCVT between half and single or
 * double, and FCVTN/FCVTL, read and write exponent 31 as a normal exponent;
 * NaN converts to zero and infinity to the largest value, overflow saturates,
 * each raising only Invalid Operation.  Under FPCR = 0 and AHP, rounding to
 * nearest and toward zero; FPSR after each conversion. */
#include <stdint.h>
#include <stdio.h>

static unsigned fpsr_take(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, fpsr\n\tmsr fpsr, xzr" : "=r"(v));
    return (unsigned)v;
}
int main(void)
{
    static const uint32_t s[] = {0x3f800000, 0x477fe000, 0x47800000, 0x47ffe000, 0x47fff000,
                                 0x48000000, 0x7f800000, 0xff800000, 0x7fc00001, 0x7f800001,
                                 0x33800000, 0x00400000, 0xc7ffefff, 0x387fc000};
    static const uint16_t h[] = {0x7c00, 0xfc00, 0x7e00, 0x7d00, 0x7fff, 0x0001, 0x3c00, 0xffff};
    for (int m = 0; m < 2; m++) {
        for (int rm = 0; rm < 4; rm += 3) {
            uint64_t fpcr = (uint64_t)m << 26 | (uint64_t)rm << 22;
            __asm__ volatile("msr fpcr, %0\n\tmsr fpsr, xzr" ::"r"(fpcr));
            printf("fpcr %08llx\n", (unsigned long long)fpcr);
            for (unsigned i = 0; i < sizeof s / 4; i++) {
                uint32_t r;
                __asm__ volatile("fmov s1, %w1\n\tfcvt h0, s1\n\tfmov %w0, s0"
                                 : "=r"(r)
                                 : "r"(s[i])
                                 : "v0", "v1");
                printf("  s->h %08x -> %04x fpsr %02x\n", s[i], r, fpsr_take());
                uint64_t d;
                __asm__ volatile("fmov s1, %w1\n\tfcvt d1, s1\n\tfcvt h0, d1\n\tfmov %w0, s0"
                                 : "=r"(d)
                                 : "r"(s[i])
                                 : "v0", "v1");
                printf("  d->h %08x -> %04llx fpsr %02x\n", s[i], (unsigned long long)d,
                       fpsr_take());
            }
            for (unsigned i = 0; i < sizeof h / 2; i++) {
                uint32_t r;
                uint64_t d;
                __asm__ volatile("fmov s1, %w1\n\tfcvt s0, h1\n\tfmov %w0, s0"
                                 : "=r"(r)
                                 : "r"((uint32_t)h[i])
                                 : "v0", "v1");
                printf("  h->s %04x -> %08x fpsr %02x\n", h[i], r, fpsr_take());
                __asm__ volatile("fmov s1, %w1\n\tfcvt d0, h1\n\tfmov %0, d0"
                                 : "=r"(d)
                                 : "r"((uint32_t)h[i])
                                 : "v0", "v1");
                printf("  h->d %04x -> %016llx fpsr %02x\n", h[i], (unsigned long long)d,
                       fpsr_take());
            }
            uint64_t lo, hi;
            __asm__ volatile(
                "movi v1.4s, #0\n\tmov v1.s[0], %w2\n\tmov v1.s[1], %w3\n\tmov v1.s[2], "
                "%w4\n\tfcvtn v0.4h, v1.4s\n\tfcvtl v2.4s, v0.4h\n\tfmov %0, d0\n\tmov %1, v2.d[1]"
                : "=r"(lo), "=r"(hi)
                : "r"(0x7f800000u), "r"(0x48000000u), "r"(0x7fc00000u)
                : "v0", "v1", "v2");
            printf("  fcvtn/l %016llx %016llx fpsr %02x\n", (unsigned long long)lo,
                   (unsigned long long)hi, fpsr_take());
        }
    }
    __asm__ volatile("msr fpcr, xzr");
    return 0;
}
