// cflags: -O3 -march=armv8-a+crypto
/*
 * AdvSIMD state across asynchronous signals: a 1 kHz ITIMER_REAL interrupts
 * NEON kernels (saturating arithmetic that sets FPSR.QC, FP arithmetic that
 * depends on FPCR rounding, AES rounds, table lookups) whose result must be
 * the same every round.  The handler clobbers every vector register, sets
 * FPCR to round-towards-zero and FPSR.QC, and runs NEON code of its own;
 * the kernel result, FPCR and FPSR must come out as without signals.
 * Prints the number of mismatching rounds (0) and the kernel hashes.
 */
#include <arm_neon.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>

static volatile int nsig;
static uint8_t buf[4096];
static float fbuf[1024];

static void handler(int s)
{
    (void)s;
    uint64_t fpcr;
    __asm__ volatile("mrs %0, fpcr" : "=r"(fpcr));
    __asm__ volatile("msr fpcr, %0" ::"r"(3ull << 22));
    __asm__ volatile("mov x9, #0x08000000\n msr fpsr, x9" ::: "x9");
    __asm__ volatile("movi v0.16b, #0xff\n movi v1.16b, #0xee\n movi v2.16b, #0xdd\n"
                     "movi v3.16b, #0xcc\n movi v4.16b, #0xbb\n movi v5.16b, #0xaa\n"
                     "movi v6.16b, #0x99\n movi v7.16b, #0x88\n movi v8.16b, #0x77\n"
                     "movi v9.16b, #0x66\n movi v10.16b, #0x55\n movi v11.16b, #0x44\n"
                     "movi v12.16b, #0x33\n movi v13.16b, #0x22\n movi v14.16b, #0x11\n"
                     "movi v15.16b, #0x01\n movi v16.16b, #0x02\n movi v17.16b, #0x03\n"
                     "movi v18.16b, #0x04\n movi v19.16b, #0x05\n movi v20.16b, #0x06\n"
                     "movi v21.16b, #0x07\n movi v22.16b, #0x08\n movi v23.16b, #0x09\n"
                     "movi v24.16b, #0x0a\n movi v25.16b, #0x0b\n movi v26.16b, #0x0c\n"
                     "movi v27.16b, #0x0d\n movi v28.16b, #0x0e\n movi v29.16b, #0x0f\n"
                     "movi v30.16b, #0x10\n movi v31.16b, #0x12\n" ::
                         : "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11",
                           "v12", "v13", "v14", "v15", "v16", "v17", "v18", "v19", "v20", "v21",
                           "v22", "v23", "v24", "v25", "v26", "v27", "v28", "v29", "v30", "v31");
    float32x4_t a = vdupq_n_f32(1.0f / 3.0f);
    for (int i = 0; i < 64; i++)
        a = vfmaq_f32(a, a, vdupq_n_f32(0.999f));
    vst1q_f32(fbuf + 1000, a);
    __asm__ volatile("msr fpcr, %0" ::"r"(fpcr));
    nsig++;
}

static uint64_t kernel(void)
{
    uint8x16_t acc8 = vdupq_n_u8(0);
    int16x8_t acc16 = vdupq_n_s16(0);
    float32x4_t accf = vdupq_n_f32(0.0f);
    uint8x16_t key = vdupq_n_u8(0x5c), st = vdupq_n_u8(0);
    uint8x16x4_t tab = vld1q_u8_x4(buf + 64);
    for (int i = 0; i < 4096 - 16; i += 16) {
        uint8x16_t v = vld1q_u8(buf + i);
        acc8 = vqaddq_u8(acc8, v);
        acc16 = vqdmulhq_s16(vaddq_s16(acc16, vreinterpretq_s16_u8(v)), vdupq_n_s16(0x7ff0));
        accf = vaddq_f32(vmulq_f32(accf, vdupq_n_f32(1.0001f)),
                         vcvtq_f32_u32(vreinterpretq_u32_u8(v)));
        st = vaesmcq_u8(vaeseq_u8(veorq_u8(st, v), key));
        st = veorq_u8(st, vqtbl4q_u8(tab, vandq_u8(v, vdupq_n_u8(0x3f))));
    }
    uint64_t fpsr;
    __asm__ volatile("mrs %0, fpsr" : "=r"(fpsr));
    uint8_t out[16 * 4];
    vst1q_u8(out, acc8);
    vst1q_s16((int16_t *)(out + 16), acc16);
    vst1q_f32((float *)(out + 32), accf);
    vst1q_u8(out + 48, st);
    uint64_t h = 0xcbf29ce484222325ull ^ (fpsr >> 27 & 1);
    for (int i = 0; i < 64; i++)
        h = (h ^ out[i]) * 0x100000001b3ull;
    return h;
}

int main(void)
{
    for (int i = 0; i < 4096; i++)
        buf[i] = (uint8_t)(i * 37 + (i >> 5));
    __asm__ volatile("msr fpcr, %0" ::"r"(1ull << 22)); /* round towards +inf */
    __asm__ volatile("msr fpsr, xzr");
    uint64_t ref = kernel();
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigaction(SIGALRM, &sa, 0);
    struct itimerval it = {{0, 1000}, {0, 1000}};
    setitimer(ITIMER_REAL, &it, 0);
    int bad = 0, rounds = 0;
    while (nsig < 50 && rounds < 200000) {
        __asm__ volatile("msr fpsr, xzr");
        if (kernel() != ref)
            bad++;
        rounds++;
    }
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, 0);
    uint64_t fpcr;
    __asm__ volatile("mrs %0, fpcr" : "=r"(fpcr));
    printf("kernel %016llx\n", (unsigned long long)ref);
    printf("signals >= 50: %s\n", nsig >= 50 ? "yes" : "no");
    printf("mismatching rounds: %d\n", bad);
    printf("fpcr after: %08llx\n", (unsigned long long)fpcr);
    return 0;
}
