/*
 * Guest test (found by tests/fuzz): rt_sigreturn with frames Linux rejects
 * must raise SIGSEGV (arm64 restore_sigframe: PSTATE with M[4:0], D, A, I
 * or F set; no FP/SIMD record, one of the wrong size, an unknown record, no
 * terminating record), and a well-formed frame built by hand must resume
 * at its pc with its sp.  Prints one line per frame.
 * The expected output is qemu-aarch64's except for the two PSTATE frames:
 * qemu-user takes PSTATE's flags and resumes, Linux (arch/arm64
 * restore_sigframe -> valid_user_regs) rejects a frame whose PSTATE is not
 * AArch64 EL0t with D, A, I and F clear, the only state it runs programs in.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum { SF_SIGMASK = 168, SF_STACK = 144, SF_SP = 560, SF_PC = 568, SF_PSTATE = 576, SF_RES = 592 };

static uint8_t frame[SF_RES + 4096] __attribute__((aligned(16)));
static uint64_t landing_stack[4096] __attribute__((aligned(16)));
static sigjmp_buf jb;
static stack_t alt;

static void on_segv(int sig)
{
    siglongjmp(jb, 1);
}

static void __attribute__((noreturn)) landed(void)
{
    siglongjmp(jb, 2);
}

static void put64(unsigned off, uint64_t v)
{
    memcpy(frame + off, &v, 8);
}
static void put32(unsigned off, uint32_t v)
{
    memcpy(frame + off, &v, 4);
}

/* A frame Linux accepts: resumes in landed() on landing_stack. */
static void good_frame(void)
{
    memset(frame, 0, sizeof(frame));
    put64(SF_STACK, (uint64_t)alt.ss_sp);
    put64(SF_STACK + 16, alt.ss_size);
    put64(SF_SP, (uint64_t)(landing_stack + 4096));
    put64(SF_PC, (uint64_t)landed);
    put32(SF_RES, 0x46508001);
    put32(SF_RES + 4, 528);
}

static void sigreturn_at(void *f)
{
    __asm__ volatile("mov sp, %0\n mov x8, #139\n svc #0" ::"r"(f) : "x8", "memory");
}

static void run(const char *what)
{
    volatile int r = sigsetjmp(jb, 1);
    if (r == 0)
        sigreturn_at(frame);
    printf("%s: %s\n", what, r == 1 ? "SIGSEGV" : r == 2 ? "resumed" : "?");
}

int main(void)
{
    static char altmem[65536];
    alt.ss_sp = altmem;
    alt.ss_size = sizeof(altmem);
    sigaltstack(&alt, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_segv;
    sa.sa_flags = SA_ONSTACK | SA_NODEFER;
    sigaction(SIGSEGV, &sa, NULL);
    good_frame();
    run("well-formed");
    memset(frame, 0, sizeof(frame));
    run("all zero (no FP/SIMD record)");
    good_frame();
    put64(SF_PSTATE, 0x3c5);
    run("PSTATE EL1h, DAIF masked");
    good_frame();
    put64(SF_PSTATE, 0x10);
    run("PSTATE AArch32");
    good_frame();
    put64(SF_PSTATE, 0xf0000000);
    run("PSTATE NZCV only");
    good_frame();
    put32(SF_RES + 4, 512);
    run("FP/SIMD record of 512 bytes");
    good_frame();
    put32(SF_RES + 528, 0x12345678);
    put32(SF_RES + 528 + 4, 16);
    run("unknown record after FP/SIMD");
    good_frame();
    memset(frame + SF_RES + 528, 0xff, 4096 - 528);
    run("no terminating record");
    good_frame();
    put32(SF_RES + 528, 0x46508001);
    put32(SF_RES + 528 + 4, 528);
    run("two FP/SIMD records");
    return 0;
}
