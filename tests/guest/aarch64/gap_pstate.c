/* PSTATE.SSBS and PSTATE.DIT across signal delivery: the signal frame's
 * pstate shows them, a handler inherits them, and sigreturn restores them
 * from the frame (also when the handler edits the saved pstate or changes
 * the live bits).  FPCR and FPSR written into the frame come back through
 * sigreturn with the bits MSR would keep (FZ16 with FEAT_FP16).  Only the
 * AArch64 bits are compared: FPCR.Len/Stride and FPSR.NZCV exist for AArch32
 * alone (RES0 otherwise, Arm ARM C5.2.7/C5.2.8), and qemu keeps them. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

#define SSBS (1u << 12)
#define DIT (1u << 24)

static uint64_t get_ext(void)
{
    uint64_t s, d;
    __asm__ volatile("mrs %0, s3_3_c4_c2_6\n\tmrs %1, s3_3_c4_c2_5" : "=r"(s), "=r"(d));
    return s | d;
}

static void set_ext(uint64_t v)
{
    __asm__ volatile("msr s3_3_c4_c2_6, %0\n\tmsr s3_3_c4_c2_5, %0" ::"r"(v));
}

static volatile uint64_t seen_frame, seen_live;
static volatile uint64_t frame_xor, handler_sets;

static void on_usr1(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    (void)sig;
    (void)si;
    seen_frame = uc->uc_mcontext.pstate & (SSBS | DIT);
    seen_live = get_ext();
    uc->uc_mcontext.pstate ^= frame_xor;
    set_ext(handler_sets);
}

static void probe(uint64_t before, uint64_t xor, uint64_t in_handler)
{
    set_ext(before);
    frame_xor = xor;
    handler_sets = in_handler;
    raise(SIGUSR1);
    uint64_t after = get_ext();
    printf("before %08llx xor %08llx handler-sets %08llx: frame %08llx live %08llx after %08llx\n",
           (unsigned long long)before, (unsigned long long)xor, (unsigned long long)in_handler,
           (unsigned long long)seen_frame, (unsigned long long)seen_live,
           (unsigned long long)after);
}

#define FPCR_A64 0x07c80000u /* AHP DN FZ RMode FZ16 */
#define FPSR_A64 0x0800009fu /* QC IDC IXC UFC OFC DZC IOC */

static void on_usr2(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    struct fpsimd_context *f = (struct fpsimd_context *)uc->uc_mcontext.__reserved;
    (void)sig;
    (void)si;
    printf("frame fpcr %08x fpsr %08x\n", f->fpcr & FPCR_A64, f->fpsr & FPSR_A64);
    f->fpcr = 0xffffffffu;
    f->fpsr = 0xffffffffu;
}

static void fp_regs_through_sigreturn(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_usr2;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR2, &sa, NULL);
    __asm__ volatile("msr fpcr, %0\n\tmsr fpsr, %1" ::"r"((uint64_t)1 << 19 | 1u << 25),
                     "r"((uint64_t)0x10));
    raise(SIGUSR2);
    uint64_t fpcr, fpsr;
    __asm__ volatile("mrs %0, fpcr\n\tmrs %1, fpsr" : "=r"(fpcr), "=r"(fpsr));
    __asm__ volatile("msr fpcr, xzr\n\tmsr fpsr, xzr");
    printf("after sigreturn: fpcr %08llx fpsr %08llx\n", (unsigned long long)(fpcr & FPCR_A64),
           (unsigned long long)(fpsr & FPSR_A64));
    printf("bits outside the AArch64 ones: fpcr %s\n", fpcr & ~0x07ff0000ull ? "set" : "clear");
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    static const uint64_t v[4] = {0, SSBS, DIT, SSBS | DIT};
    for (int i = 0; i < 4; i++) {
        probe(v[i], 0, 0);
        probe(v[i], 0, SSBS | DIT);
        probe(v[i], SSBS, 0);
        probe(v[i], DIT, v[3 - i]);
        probe(v[i], SSBS | DIT, v[i]);
    }
    set_ext(0);
    fp_regs_through_sigreturn();
    return 0;
}
