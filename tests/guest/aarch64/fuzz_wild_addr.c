/*
 * Guest test (found by tests/fuzz): loads and stores, plain and 128-bit
 * (LDR/STR q, LD1), through addresses far outside the program's memory:
 * just below 0, past the address space, non-canonical on the host once
 * offset, kernel addresses.  Each must raise SIGSEGV in the program (under
 * the JIT and under -no-jit alike), never an internal error in ferry.
 * Prints `ADDR OP: SIGSEGV`.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static sigjmp_buf jb;

static void on_segv(int sig)
{
    siglongjmp(jb, sig);
}

static void ld64(uint64_t a)
{
    __asm__ volatile("ldr x9, [%0]" ::"r"(a) : "x9", "memory");
}
static void st64(uint64_t a)
{
    __asm__ volatile("str xzr, [%0]" ::"r"(a) : "memory");
}
static void ldq(uint64_t a)
{
    __asm__ volatile("ldr q9, [%0]" ::"r"(a) : "v9", "memory");
}
static void stq(uint64_t a)
{
    __asm__ volatile("str q9, [%0]" ::"r"(a) : "v9", "memory");
}
static void ld1(uint64_t a)
{
    __asm__ volatile("ld1 {v9.16b, v10.16b}, [%0]" ::"r"(a) : "v9", "v10", "memory");
}
static void ldp(uint64_t a)
{
    __asm__ volatile("ldp x9, x10, [%0]" ::"r"(a) : "x9", "x10");
}
static void cas(uint64_t a)
{
    __asm__ volatile("mov x9, #0\n ldxr x10, [%0]" ::"r"(a) : "x9", "x10", "memory");
}

int main(void)
{
    static const uint64_t addrs[] = {
        0xfffffffffffffff8ULL, 0xffffffffff000000ULL, 0x0000800000000000ULL,
        0x0001000000000000ULL, 0xffff800000000000ULL, 0x7ffffffff000ULL,
        0x8000000000000000ULL, 0x0000400000000000ULL, 0x123456789abcdef0ULL,
    };
    static void (*const ops[])(uint64_t) = {ld64, st64, ldq, stq, ld1, ldp, cas};
    static const char *const names[] = {"ldr", "str", "ldr-q", "str-q", "ld1", "ldp", "ldxr"};
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_segv;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    for (unsigned i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++)
        for (unsigned k = 0; k < sizeof(ops) / sizeof(ops[0]); k++) {
            volatile int sig = sigsetjmp(jb, 1);
            if (sig == 0) {
                ops[k](addrs[i]);
                sig = -1;
            }
            printf("%016llx %s: %s\n", (unsigned long long)addrs[i], names[k],
                   sig == SIGSEGV  ? "SIGSEGV"
                   : sig == SIGBUS ? "SIGBUS"
                                   : "no fault");
        }
    return 0;
}
