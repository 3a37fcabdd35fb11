/*
 * Guest test (found by tests/fuzz): load/store-exclusives at addresses not
 * aligned to their size raise SIGBUS (BUS_ADRALN, si_addr the address),
 * also where plain loads may be unaligned; aligned ones work.  Prints
 * `INSN OFFSET: RESULT`.
 * The expected output is qemu-aarch64's except for the unaligned store-
 * exclusives, which the test runs after a load-exclusive of another
 * address: qemu-user compares the monitor first and just fails them, the
 * Arm ARM (AArch64.ExclusiveMonitorsPass) raises the alignment fault before
 * it looks at the monitor.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static sigjmp_buf jb;
static volatile uint64_t fault_addr;
static volatile int fault_code;
static uint8_t buf[64] __attribute__((aligned(16)));

static void on_sig(int sig, siginfo_t *si, void *uc)
{
    fault_addr = (uint64_t)si->si_addr;
    fault_code = si->si_code;
    siglongjmp(jb, sig);
}

static void ldxr(uint64_t a)
{
    __asm__ volatile("ldxr x1, [%0]\n clrex" ::"r"(a) : "x1", "memory");
}
static void ldaxrw(uint64_t a)
{
    __asm__ volatile("ldaxr w1, [%0]\n clrex" ::"r"(a) : "x1");
}
static void ldxrh(uint64_t a)
{
    __asm__ volatile("ldxrh w1, [%0]\n clrex" ::"r"(a) : "x1");
}
static void ldxrb(uint64_t a)
{
    __asm__ volatile("ldxrb w1, [%0]\n clrex" ::"r"(a) : "x1");
}
static void ldxpw(uint64_t a)
{
    __asm__ volatile("ldxp w1, w2, [%0]\n clrex" ::"r"(a) : "x1", "x2");
}
static void ldxpx(uint64_t a)
{
    __asm__ volatile("ldxp x1, x2, [%0]\n clrex" ::"r"(a) : "x1", "x2");
}
/* A load-exclusive of the aligned address below, then the store-exclusive. */
static void stxr(uint64_t a)
{
    __asm__ volatile("ldxr x1, [%1]\n stxr w3, x1, [%0]" ::"r"(a), "r"(a & ~15ULL)
                     : "x1", "x3", "memory");
}
static void stlxrh(uint64_t a)
{
    __asm__ volatile("ldxrh w1, [%1]\n stlxrh w3, w1, [%0]" ::"r"(a), "r"(a & ~15ULL)
                     : "x1", "x3", "memory");
}
static void stxpx(uint64_t a)
{
    __asm__ volatile("ldxp x1, x2, [%1]\n stxp w3, x1, x2, [%0]" ::"r"(a), "r"(a & ~15ULL)
                     : "x1", "x2", "x3", "memory");
}

int main(void)
{
    static void (*const ops[])(uint64_t) = {ldxr,  ldaxrw, ldxrh,  ldxrb, ldxpw,
                                            ldxpx, stxr,   stlxrh, stxpx};
    static const char *const names[] = {"ldxr x", "ldaxr w", "ldxrh",  "ldxrb", "ldxp w",
                                        "ldxp x", "stxr x",  "stlxrh", "stxp x"};
    static const unsigned offs[] = {0, 1, 2, 4, 8};
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_sig;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGSEGV, &sa, NULL);
    for (unsigned k = 0; k < sizeof(ops) / sizeof(ops[0]); k++)
        for (unsigned i = 0; i < sizeof(offs) / sizeof(offs[0]); i++) {
            uint64_t a = (uint64_t)buf + offs[i];
            volatile int sig = sigsetjmp(jb, 1);
            if (sig == 0)
                ops[k](a);
            if (sig == 0)
                printf("%s +%u: ok\n", names[k], offs[i]);
            else
                printf("%s +%u: %s code %d at +%lld\n", names[k], offs[i],
                       sig == SIGBUS ? "SIGBUS" : "SIGSEGV", fault_code,
                       (long long)(fault_addr - (uint64_t)buf));
        }
    return 0;
}
