/* A guest load faults inside a loop whose vector registers were just computed (held in
 * host registers by the JIT): the SIGSEGV handler's ucontext has their exact values, and
 * so does the code after the handler returns through the faulting instruction. */
#include <asm/sigcontext.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

static char *page;

static void print_v(const char *name, const void *v)
{
    float f[4];
    memcpy(f, v, 16);
    printf("%s %g %g %g %g\n", name, f[0], f[1], f[2], f[3]);
}

static void on_segv(int sig, siginfo_t *si, void *uc_)
{
    ucontext_t *uc = uc_;
    struct _aarch64_ctx *h = (struct _aarch64_ctx *)uc->uc_mcontext.__reserved;
    printf("SIGSEGV at page+%ld, x0 = page+%ld, x2 = %lld\n", (long)((char *)si->si_addr - page),
           (long)((char *)uc->uc_mcontext.regs[0] - page), (long long)uc->uc_mcontext.regs[2]);
    for (; h->magic; h = (struct _aarch64_ctx *)((char *)h + h->size)) {
        if (h->magic != FPSIMD_MAGIC)
            continue;
        struct fpsimd_context *fp = (struct fpsimd_context *)h;
        print_v("v0", &fp->vregs[0]);
        print_v("v1", &fp->vregs[1]);
        print_v("v2", &fp->vregs[2]);
        print_v("v3", &fp->vregs[3]);
    }
    /* Makes the faulting load succeed when the handler returns. */
    mprotect(page + 4096, 4096, PROT_READ | PROT_WRITE);
    float *next = (float *)(page + 4096);
    for (int i = 0; i < 4; i++)
        next[i] = 100 + i;
}

int main(void)
{
    page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    mprotect(page + 4096, 4096, PROT_NONE);
    float *a = (float *)(page + 4096 - 64); /* four vectors before the protected page */
    for (int i = 0; i < 16; i++)
        a[i] = (float)(i + 1) * 0.5f;
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    float out[12];
    __asm__ volatile("fmov v0.4s, #1.0\n"
                     "fmov v1.4s, #2.0\n"
                     "fmov v2.4s, #0.5\n"
                     "fmov v3.4s, #3.0\n"
                     "mov x0, %[a]\n"
                     "mov x2, #6\n"
                     "1: fadd v1.4s, v1.4s, v0.4s\n"
                     "fmul v2.4s, v2.4s, v0.4s\n"
                     "fmla v3.4s, v1.4s, v2.4s\n"
                     "ldr q0, [x0], #16\n"
                     "subs x2, x2, #1\n"
                     "b.ne 1b\n"
                     "st1 {v1.4s, v2.4s, v3.4s}, [%[out]]\n"
                     :
                     : [a] "r"(a), [out] "r"(out)
                     : "x0", "x2", "v0", "v1", "v2", "v3", "memory", "cc");
    print_v("out v1", &out[0]);
    print_v("out v2", &out[4]);
    print_v("out v3", &out[8]);
    return 0;
}
