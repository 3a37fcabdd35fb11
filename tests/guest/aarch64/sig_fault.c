/* Synchronous signals with guest handlers: SIGSEGV on an alternate stack
 * left with siglongjmp, si_addr / si_code, SIGILL and SIGTRAP handlers, a
 * handler that moves the ucontext pc past the faulting instruction (as
 * JITs and VMs do), and registers restored by sigreturn. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

static sigjmp_buf jb;
static volatile uintptr_t fault_addr;
static volatile int fault_code, on_alt, nskip;
static char altstack[64 * 1024];

static void on_segv(int sig, siginfo_t *si, void *uc)
{
    char here;
    fault_addr = (uintptr_t)si->si_addr;
    fault_code = si->si_code;
    on_alt = &here >= altstack && &here < altstack + sizeof(altstack);
    siglongjmp(jb, sig);
}

/* Skips the faulting instruction: the handler edits the saved pc. */
static void on_skip(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    nskip++;
    fault_code = si->si_code;
    fault_addr = (uintptr_t)si->si_addr == uc->uc_mcontext.pc;
    uc->uc_mcontext.pc += 4;
    uc->uc_mcontext.regs[0] = 77; /* seen by the code after the fault */
}

static long load_skipped(volatile long *p)
{
    register long x0 __asm__("x0") = 5;
    __asm__ volatile("ldr %0, [%1]" : "+r"(x0) : "r"(p) : "memory");
    return x0;
}

int main(void)
{
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof(altstack)};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGTRAP, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);

    int r = sigsetjmp(jb, 1);
    if (r == 0)
        *(volatile int *)(uintptr_t)0x1230 = 1;
    printf("segv: sig=%d addr=%#lx code=%d on_alt=%d\n", r, (unsigned long)fault_addr, fault_code,
           on_alt);

    /* a write to a read-only page: SEGV_ACCERR */
    char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    r = sigsetjmp(jb, 1);
    if (r == 0)
        *(volatile char *)(ro + 8) = 1;
    printf("segv ro: sig=%d off=%ld code=%d\n", r, (long)(fault_addr - (uintptr_t)ro), fault_code);

    r = sigsetjmp(jb, 1);
    if (r == 0)
        __asm__ volatile(".inst 0x00000000"); /* udf #0 */
    /* Linux says ILL_ILLOPC (1), qemu-user ILL_ILLOPN (2) */
    printf("sigill: sig=%d code_ok=%d\n", r, fault_code == 1 || fault_code == 2);

    r = sigsetjmp(jb, 1);
    if (r == 0)
        __asm__ volatile("brk #7");
    printf("sigtrap: sig=%d code=%d\n", r, fault_code);

    /* the mask was restored by siglongjmp: a second SIGSEGV still reaches the handler */
    r = sigsetjmp(jb, 1);
    if (r == 0)
        *(volatile int *)(uintptr_t)0x40 = 1;
    printf("segv again: sig=%d addr=%#lx\n", r, (unsigned long)fault_addr);

    /* skip the faulting load */
    sa.sa_sigaction = on_skip;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    long v = load_skipped((volatile long *)(uintptr_t)0x2000);
    printf("skip: x0=%ld nskip=%d code=%d\n", v, nskip, fault_code);
    sigaction(SIGILL, &sa, NULL);
    double d = 1.5;
    register double keep __asm__("d8") = 2.25;
    __asm__ volatile(".inst 0x00000000" : "+w"(keep));
    d += keep;
    printf("skip udf: nskip=%d fp=%g code_ok=%d pc_is_addr=%d\n", nskip, d,
           fault_code == 1 || fault_code == 2, (int)fault_addr);

    /* SIGSEGV raised by kill still goes to the handler */
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    r = sigsetjmp(jb, 1);
    if (r == 0)
        kill(getpid(), SIGSEGV);
    printf("kill segv: sig=%d code=%d\n", r, fault_code);
    return 0;
}
