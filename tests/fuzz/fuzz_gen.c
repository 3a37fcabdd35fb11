/*
 * Random code pages and register states for the execution fuzzer.  The
 * words are biased towards encodings that decode: the A64 top-level classes
 * with random fields, loads and stores based on registers that point into
 * the scratch region, branches to other words of the page, system-register
 * accesses EL0 may or may not make, exception-generating instructions, and
 * SVC preceded by MOVZ x8 of a call that cannot end the harness.
 */
#include "fuzz.h"

#include <stddef.h>

/* Registers fuzz_gen_regs mostly points into the scratch region. */
static const uint8_t base_regs[] = {1, 2, 3, 4, 5, 6, 7, 19, 20, 21, 22, 23, 31};

/* System calls the page may make (by x8): none ends, forks, signals or blocks the
 * harness's signals; arguments are whatever the registers hold. */
static const uint16_t page_calls[] = {17,  23,  24,  25,  29,  48,  56,  57,  59,  62,  63,  64,
                                      65,  66,  67,  68,  78,  79,  80,  98,  113, 114, 124, 139,
                                      160, 165, 169, 172, 173, 174, 178, 179, 214, 215, 216, 222,
                                      226, 232, 233, 261, 278, 283, 293, 96,  99,  19,  20,  21};

static const uint32_t sys_words[] = {
    0xd53bd040, 0xd51bd040, /* MRS/MSR TPIDR_EL0 */
    0xd53b4200, 0xd51b4200, /* NZCV */
    0xd53b4400, 0xd51b4400, /* FPCR */
    0xd53b4420, 0xd51b4420, /* FPSR */
    0xd53be040, 0xd53be000, /* CNTVCT_EL0, CNTFRQ_EL0 */
    0xd53b0020, 0xd53b00e0, /* CTR_EL0, DCZID_EL0 */
    0xd5380000, 0xd5380600, /* MIDR_EL1, ID_AA64ISAR0_EL1 */
    0xd5380400, 0xd53bd060, /* ID_AA64PFR0_EL1, TPIDRRO_EL0 */
    0xd50b7420, 0xd50b7b20, /* DC ZVA, DC CVAU */
    0xd50b7e20, 0xd50b7520, /* DC CIVAC, IC IVAU */
    0xd5033fdf, 0xd5033f9f, /* ISB, DSB SY */
    0xd5033bbf, 0xd503305f, /* DMB ISH, CLREX */
    0xd503201f, 0xd503203f, /* NOP, YIELD */
    0xd503205f, 0xd503207f, /* WFE, WFI */
    0xd50b7320, 0xd5087620, /* DC GVA (MTE), DC IVAC (EL1 only) */
};

static uint32_t rand_bits(Rng *r)
{
    return (uint32_t)rng_next(r);
}

static uint32_t base_reg(Rng *r)
{
    if (rng_below(r, 10) < 7)
        return base_regs[rng_below(r, sizeof(base_regs))];
    return rng_below(r, 32);
}

/* A load or store whose base is usually a scratch pointer: the common
 * forms (register and immediate offsets, pre/post-index, pairs, exclusives,
 * LSE atomics) or any word of the class (op0 x1x0). */
static uint32_t gen_ldst(Rng *r)
{
    uint32_t w = rand_bits(r);
    switch (rng_below(r, 6)) {
    case 0:
        w = (w & 0xc0ffffff) | 0x39000000; /* LDR/STR (unsigned immediate) */
        break;
    case 1:
        w = (w & 0xc0dfffff) | 0x38000000; /* unscaled, pre/post-index, unprivileged */
        break;
    case 2:
        w = (w & 0x41ffffff) | 0x28000000; /* LDP/STP, LDNP/STNP */
        break;
    case 3:
        w = (w & 0xc0ffffff) | 0x08000000; /* exclusives, acquire/release */
        break;
    case 4:
        w = (w & 0xc0fff3ff) | 0x38200000; /* LSE atomics */
        break;
    default:
        w = (w & ~(1u << 25)) | (1u << 27); /* anything in the class */
        break;
    }
    return (w & ~(31u << 5)) | base_reg(r) << 5;
}

/* A branch from word `pos` to another word of the page (mostly forward). */
static uint32_t gen_branch(Rng *r, int pos)
{
    int last = FUZZ_PAGE_WORDS - 4;
    int to = rng_below(r, 4) ? pos + 1 + (int)rng_below(r, last - pos) : (int)rng_below(r, last);
    int32_t off = to - pos;
    uint32_t rt = rng_below(r, 32);
    switch (rng_below(r, 6)) {
    case 0:
        return 0x14000000 | (off & 0x3ffffff);
    case 1:
        return 0x94000000 | (off & 0x3ffffff);
    case 2:
        return 0x54000000 | (off & 0x7ffff) << 5 | rng_below(r, 16);
    case 3:
        return (rand_bits(r) & 0x81000000) | 0x34000000 | (off & 0x7ffff) << 5 | rt;
    case 4:
        return (rand_bits(r) & 0x81f80000) | 0x36000000 | (off & 0x3fff) << 5 | rt;
    default:
        return 0x58000000 | (off & 0x7ffff) << 5 | rt; /* LDR (literal) of a page word */
    }
}

static uint32_t gen_exception(Rng *r)
{
    uint32_t imm = rng_below(r, 0x10000) << 5;
    static const uint32_t ops[] = {0xd4200000, 0xd4400000, 0xd4000002, 0xd4000003,
                                   0xd4a00001, 0x00000000, 0xd69f03e0, 0xd6bf03e0};
    uint32_t op = ops[rng_below(r, sizeof(ops) / sizeof(ops[0]))];
    if (op == 0)
        return imm >> 5; /* UDF #imm16 */
    return (op & 0xffe0001f) == op ? op | imm : op;
}

static uint32_t gen_system(Rng *r)
{
    switch (rng_below(r, 4)) {
    case 0:
        return 0xd5300000 | (rand_bits(r) & 0xfffff); /* MRS of any register */
    case 1:
        return 0xd5100000 | (rand_bits(r) & 0xfffff); /* MSR of any register */
    case 2:
        return 0xd500401f | (rand_bits(r) & 0x70fe0); /* MSR (immediate) */
    default:
        return sys_words[rng_below(r, sizeof(sys_words) / sizeof(sys_words[0]))] | rng_below(r, 31);
    }
}

static uint32_t gen_indirect(Rng *r)
{
    static const uint32_t ops[] = {0xd61f0000, 0xd63f0000, 0xd65f0000};
    return ops[rng_below(r, 3)] | rng_below(r, 32) << 5;
}

/* A word of one of the A64 top-level classes, other fields random. */
static uint32_t gen_class(Rng *r)
{
    uint32_t w = rand_bits(r);
    switch (rng_below(r, 5)) {
    case 0:
        return (w & ~(7u << 26)) | 4u << 26; /* data processing, immediate */
    case 1:
        return (w & ~(7u << 26)) | 5u << 26; /* branches, exceptions, system */
    case 2:
        return gen_ldst(r);
    case 3:
        return (w & ~(7u << 25)) | 5u << 25; /* data processing, register */
    default:
        return (w & ~(7u << 25)) | 7u << 25; /* SIMD and floating point */
    }
}

/* An integer instruction of the kinds compilers emit most, registers random. */
static uint32_t gen_alu(Rng *r)
{
    static const uint8_t div_shift[] = {2, 3, 8, 9, 10, 11};
    uint32_t w = rand_bits(r);
    switch (rng_below(r, 7)) {
    case 0:
        return (w & 0xe07fffff) | 0x11000000; /* ADD/SUB (immediate) */
    case 1:
        return (w & 0xe0ffffff) | 0x0a000000; /* logical (shifted register) */
    case 2:
        return (w & 0xe01fffff) | 0x0b000000; /* ADD/SUB (shifted register) */
    case 3:
        return (w & 0xe07fffff) | 0x12800000; /* MOVN/MOVZ/MOVK */
    case 4:
        return (w & 0xc01ff7ff) | 0x1a800000; /* CSEL/CSINC/CSINV/CSNEG */
    case 5:
        return (w & 0x801fffff) | 0x1b000000; /* MADD/MSUB */
    default:                                  /* UDIV/SDIV/LSLV/LSRV/ASRV/RORV */
        return (w & 0x801f03ff) | 0x1ac00000 | div_shift[rng_below(r, 6)] << 10;
    }
}

static int is_svc(uint32_t w)
{
    return (w & 0xffe0001f) == 0xd4000001;
}
static int is_movz_x8(uint32_t w)
{
    return (w & 0xffe0001f) == 0xd2800008;
}

void fuzz_gen_page(Rng *r, uint32_t *code)
{
    int last = FUZZ_PAGE_WORDS - 4;
    for (int i = 0; i < last; i++) {
        uint32_t k = rng_below(r, 100);
        if (k < 2)
            code[i] = rand_bits(r);
        else if (k < 12)
            code[i] = gen_class(r);
        else if (k < 50)
            code[i] = gen_alu(r);
        else if (k < 60)
            code[i] = gen_branch(r, i);
        else if (k < 65 && i + 1 < last) {
            uint32_t nr = page_calls[rng_below(r, sizeof(page_calls) / sizeof(page_calls[0]))];
            code[i++] = 0xd2800008 | nr << 5;
            code[i] = 0xd4000001;
        } else if (k < 67)
            code[i] = gen_exception(r);
        else if (k < 70)
            code[i] = gen_system(r);
        else if (k < 72)
            code[i] = gen_indirect(r);
        else
            code[i] = gen_ldst(r);
    }
    /* An SVC the page did not pair with a safe x8 becomes a BRK. */
    for (int i = 0; i < last; i++)
        if (is_svc(code[i]) && (i == 0 || !is_movz_x8(code[i - 1])))
            code[i] = 0xd4200000 | (code[i] & (0xffff << 5));
}

static const uint64_t wild[] = {
    0x0,
    0x1000,
    0x10000,
    0x100000000ULL,
    0x8000000000ULL,
    0x7ffffffff000ULL,
    0x800000000000ULL,
    0x1000000000000ULL,
    0xffff800000000000ULL,
    0xffffffffffff0000ULL,
    0x0000ffff00000000ULL,
    0x00007fff00000000ULL,
    0x8000000000000000ULL,
    0x0000555555550000ULL,
};

uint64_t fuzz_value(Rng *r, const FuzzArea *a)
{
    uint64_t v = rng_next(r);
    switch (rng_below(r, 16)) {
    case 0:
    case 1:
    case 2:
    case 3:
        return (uint64_t)a->scratch + (v % FUZZ_SCRATCH_SIZE & (rng_below(r, 4) ? ~7ULL : ~0ULL));
    case 4:
        return (uint64_t)a->code + (v % (FUZZ_PAGE_WORDS * 4) & ~3ULL);
    case 5:
    case 6:
        return (uint64_t)(int64_t)(int)(v % 72) - 8;
    case 7: {
        static const uint64_t edges[] = {
            0, 1, ~0ULL, 0x7fffffffffffffffULL, 0x8000000000000000ULL, 0xffffffff, 0x80000000};
        return edges[v % 7];
    }
    case 8:
    case 9:
        return wild[v % (sizeof(wild) / sizeof(wild[0]))] + (rng_next(r) & 0xff8);
    case 10:
        return v & 0x7fffffffffffULL;
    case 11:
        return (uint32_t)v;
    default:
        return v;
    }
}

void fuzz_gen_regs(Rng *r, const FuzzArea *a, FuzzRegs *regs)
{
    for (int i = 0; i < 31; i++)
        regs->x[i] = fuzz_value(r, a);
    for (size_t i = 0; i + 1 < sizeof(base_regs); i++)
        if (rng_below(r, 4))
            regs->x[base_regs[i]] =
                (uint64_t)a->scratch + (rng_next(r) % (FUZZ_SCRATCH_SIZE - 64) & ~7ULL);
    regs->sp = (uint64_t)a->scratch + FUZZ_SCRATCH_SIZE / 2 + (rng_below(r, FUZZ_SCRATCH_SIZE / 4));
    regs->sp &= rng_below(r, 16) ? ~15ULL : ~0ULL;
    regs->nzcv = rng_next(r) & 0xf0000000;
    regs->fpcr = rng_next(r) & (0x1fULL << 22 | 1ULL << 19);
    for (int i = 0; i < 64; i++) {
        static const uint64_t fp[] = {0,
                                      0x7ff0000000000000ULL,
                                      0x7ff8000000000001ULL,
                                      0x8000000000000000ULL,
                                      0x0000000000000001ULL,
                                      0x7f8000017f800000ULL};
        regs->v[i] = rng_below(r, 4) ? rng_next(r) : fp[rng_below(r, 6)];
    }
}
