/*
 * The execution and syscall fuzzer's guest harness (an AArch64 program run
 * under ferry and under the reference): shared declarations.  fuzz_main.c
 * runs pages in forked children and prints the outcome of each,
 * fuzz_gen.c fills a code page with random, mostly well-formed A64 words,
 * fuzz_sys.c makes random system calls, fuzz_entry.S loads the random
 * register state and jumps into the page.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stdint.h>

/* Outcome of one page besides a signal number (1..64). */
enum {
    FUZZ_NORMAL = 100, /* the page's code reached its end (or the syscalls all returned) */
    FUZZ_DIED = 101,   /* the child ended during the page (exit, fatal signal, ...) */
    FUZZ_HUNG = 102,   /* no progress for the watchdog's time: the parent killed the child */
    FUZZ_CANARY = 103, /* the harness's own canary memory changed: state was corrupted */
};

#define FUZZ_PAGE_WORDS 1024
#define FUZZ_SCRATCH_SIZE (64 * 1024)

/* A xorshift64* stream: the same seed gives the same page everywhere. */
typedef struct Rng {
    uint64_t s;
} Rng;

static inline uint64_t rng_next(Rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 0x2545F4914F6CDD1DULL;
}

/* Uniform in [0, n); n > 0. */
static inline uint32_t rng_below(Rng *r, uint32_t n)
{
    return (uint32_t)(rng_next(r) >> 32) % n;
}

static inline void rng_seed(Rng *r, uint64_t seed, uint64_t page)
{
    r->s = (seed * 0x9E3779B97F4A7C15ULL) ^ (page * 0xD1B54A32D192ED03ULL) ^ 0x1234567;
    if (!r->s)
        r->s = 1;
    for (int i = 0; i < 4; i++)
        rng_next(r);
}

/* The register state fuzz_enter loads (offsets are fuzz_entry.S's). */
typedef struct FuzzRegs {
    uint64_t x[31];
    uint64_t sp;
    uint64_t nzcv;
    uint64_t fpcr;
    uint64_t v[64]; /* q0..q31, low then high half */
} FuzzRegs;

/* Where random values point: the page's code and the scratch region. */
typedef struct FuzzArea {
    uint32_t *code;
    uint8_t *scratch;
} FuzzArea;

/* A random 64-bit value of an interesting kind: small, pointer into the
 * scratch region or the code page, wild pointer outside the guest window, ... */
uint64_t fuzz_value(Rng *r, const FuzzArea *a);

/* Fills code[0..FUZZ_PAGE_WORDS-4] with random words; the last four words
 * (written by the caller) branch to fuzz_return. */
void fuzz_gen_page(Rng *r, uint32_t *code);

/* Random registers for a page. */
void fuzz_gen_regs(Rng *r, const FuzzArea *a, FuzzRegs *regs);

/* Picks a system call and its arguments (arg[6]) for the syscall fuzzer;
 * returns the call number. */
long fuzz_sys_prepare(Rng *r, const FuzzArea *a, long *arg);

/* A raw system call (no errno). */
long fuzz_syscall(long nr, long a0, long a1, long a2, long a3, long a4, long a5);

/* fuzz_entry.S: loads *regs and branches to code; never returns (the page
 * ends in fuzz_return or a signal). */
void fuzz_enter(const FuzzRegs *regs, const void *code) __attribute__((noreturn));
void fuzz_return(void);

/* Where fuzz_return puts the stack before calling fuzz_returned(). */
extern uint64_t fuzz_ret_sp;
void fuzz_returned(void) __attribute__((noreturn));

#endif
