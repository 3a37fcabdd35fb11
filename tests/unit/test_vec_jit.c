/*
 * Integer AdvSIMD on the IR `vec` op: every instruction the frontend maps
 * onto `vec` (simd_vec.c) is run, on random and corner-value V registers,
 * under the JIT with the host's SSE features, under the JIT restricted to
 * SSE2 (the fallback calls), and under the IR interpreter, and compared bit
 * for bit (all 32 V registers and FPSR.QC) with the exact C helper that
 * implements the encoding class (helper_simd*.c); random four-instruction
 * sequences compare the JIT with the interpreter.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <cmocka.h>

#include "frontends/aarch64/cpu.h"
#include "frontends/aarch64/helper_ext.h"
#include "frontends/aarch64/helper_simd.h"
#include "frontends/guest_arch.h"
#include "loader/process.h"
#include "tests/unit/a64_fixture.h"
#include "translator/interp.h"
#include "translator/ir_vec.h"
#include "translator/tb.h"
#include "translator/x86_64/backend.h"

#define DATA_PC 0x20000ull
#define ROUNDS 8

typedef uint64_t (*Helper)(CPUCommon *cpu, uint64_t desc);

typedef struct Fixture {
    A64Jit j;
    X86Features host, sse2;
    X86Features mid[3]; /* the host's features cut at SSSE3, at SSE4.1, and without AVX2 */
    uint64_t seed;
    int checked; /* cases compared (allocated encodings) */
    int ninsns;  /* words at A64_CODE_PC */
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(*f));
    if (!f || a64_jit_init(&f->j) < 0)
        return -1;
    if (gmem_mmap(&f->j.p.mem, DATA_PC, GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0, GMEM_ANON) < 0)
        return -1;
    x86_detect_features(&f->host);
    f->sse2 = (X86Features){0};
    f->mid[0] = (X86Features){.ssse3 = f->host.ssse3};
    f->mid[1] = (X86Features){.ssse3 = f->host.ssse3, .sse41 = f->host.sse41};
    f->mid[2] = f->host;
    f->mid[2].avx2 = false;
    f->seed = 0x2545f4914f6cdd1dull;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    a64_jit_destroy(&f->j);
    free(f);
    return 0;
}

static uint64_t rnd(Fixture *f)
{
    f->seed ^= f->seed << 13;
    f->seed ^= f->seed >> 7;
    f->seed ^= f->seed << 17;
    return f->seed;
}

/* 64 bits of lanes that are random or corner values (0, 1, max, min, -1, -min). */
static uint64_t corner_word(Fixture *f)
{
    static const uint64_t pat[] = {0,
                                   0x0101010101010101ull,
                                   0x7f7f7f7f7f7f7f7full,
                                   0x8080808080808080ull,
                                   ~0ull,
                                   0x7fff80007fff8000ull,
                                   0x800000017fffffffull,
                                   0x8000000000000000ull,
                                   0x7fffffffffffffffull,
                                   0x0f1e2d3c4b5a6978ull,
                                   0x8000800080008000ull,
                                   0x8000000080000000ull};
    uint64_t r = rnd(f);
    switch (r % 4) {
    case 0:
        return pat[(r >> 8) % (sizeof(pat) / sizeof(pat[0]))];
    case 1: /* mix of a pattern and random bytes */
        return pat[(r >> 8) % (sizeof(pat) / sizeof(pat[0]))] ^ (rnd(f) & rnd(f) & rnd(f));
    case 2: /* small bytes: table indices in and out of range */
        return rnd(f) & 0x3f3f3f3f3f3f3f3full;
    default:
        return rnd(f);
    }
}

static void random_state(Fixture *f, A64CPU *cpu)
{
    for (int r = 0; r < 32; r++) {
        cpu->v[r][0] = corner_word(f);
        cpu->v[r][1] = corner_word(f);
    }
    cpu->fpsr = (rnd(f) & 1) ? A64_FPSR_QC : 0;
}

/* Places n words at A64_CODE_PC; later translations cover all of them. */
static void put_code(Fixture *f, const uint32_t *words, int n)
{
    a64_put_code(&f->j, words, n);
    f->ninsns = n;
}

/* Translates the words at A64_CODE_PC into one TB; false if one is unallocated (SIGILL exit). */
static bool translate(Fixture *f)
{
    ArchTranslateOpts o = {.max_insns = f->ninsns};
    ir_reset(f->j.ir, A64_CODE_PC);
    f->j.cpu->common.pc = A64_CODE_PC;
    guest_arch_aarch64.translate(f->j.ir, &f->j.cpu->common, &o);
    ir_optimize(f->j.ir);
    for (uint32_t i = 0; i < f->j.ir->nops; i++) {
        const IrOp *op = &f->j.ir->ops[i];
        if (op->opc == IR_OP_exit_tb && op->args[0] >= IR_EXIT_EXCP)
            return false;
    }
    return true;
}

static void run_jit(Fixture *f, const X86Features *feat)
{
    X86TbEnterFn enter = x86_init(&f->j.cb, feat);
    assert_true(translate(f));
    TB tb = {.pc = A64_CODE_PC};
    assert_int_equal(x86_codegen(f->j.ir, &tb, &f->j.cb), 0);
    enter(&f->j.cpu->common, tb.code);
    free(tb.insn_host_off);
    free(tb.insn_guest_pc);
}

static void run_interp(Fixture *f)
{
    assert_true(translate(f));
    ir_interp_prepare(f->j.ir);
    TB tb = {.pc = A64_CODE_PC, .ir = f->j.ir};
    ir_interp_run(&f->j.cpu->common, &tb);
}

static void expect_same(const A64CPU *want, const A64CPU *got, uint32_t word, const char *who)
{
    for (int r = 0; r < 32; r++)
        if (memcmp(want->v[r], got->v[r], 16) != 0) {
            print_error("%08x under %s: v%d = %016llx:%016llx, reference %016llx:%016llx\n", word,
                        who, r, (unsigned long long)got->v[r][1], (unsigned long long)got->v[r][0],
                        (unsigned long long)want->v[r][1], (unsigned long long)want->v[r][0]);
            fail();
        }
    if ((want->fpsr ^ got->fpsr) & A64_FPSR_QC) {
        print_error("%08x under %s: QC %x, reference %x\n", word, who, got->fpsr & A64_FPSR_QC,
                    want->fpsr & A64_FPSR_QC);
        fail();
    }
}

/* The JIT with the host's features cut at SSSE3, at SSE4.1 and without AVX2, from start,
 * against want. */
static void run_mid(Fixture *f, const A64CPU *start, const A64CPU *want, uint32_t word)
{
    static const char *const who[3] = {"the SSSE3 JIT", "the SSE4.1 JIT", "the JIT without AVX2"};
    for (int i = 0; i < 3; i++) {
        memcpy(f->j.cpu, start, sizeof(A64CPU));
        run_jit(f, &f->mid[i]);
        expect_same(want, f->j.cpu, word, who[i]);
    }
}

/* Every element of v[r] (8 << esz bits) equal, with a low byte that is a small signed
 * number: a shift count in and around the element size, as compilers DUP it. */
static void uniform_lanes(Fixture *f, A64CPU *cpu, int r, int esz)
{
    int bits = 8 << esz;
    uint64_t e = rnd(f) & (esz == 3 ? ~0ull : (1ull << bits) - 1);
    e = (e & ~0xffull) | (uint8_t)((int)(rnd(f) % (2 * bits + 5)) - bits - 2);
    for (int i = 0; i < 16 >> esz; i++)
        memcpy((uint8_t *)cpu->v[r] + (i << esz), &e, 1u << esz);
}

/* Runs one encoding ROUNDS times under each backend against fn(desc). */
static void check(Fixture *f, uint32_t word, Helper fn, const A64SimdDesc *d)
{
    put_code(f, &word, 1);
    if (!translate(f))
        return;
    A64CPU *start = malloc(sizeof(A64CPU)), *want = malloc(sizeof(A64CPU));
    assert_non_null(start);
    assert_non_null(want);
    for (int round = 0; round < ROUNDS; round++) {
        random_state(f, f->j.cpu);
        if (round & 1)
            uniform_lanes(f, f->j.cpu, d->rm, d->size);
        if (round % 4 == 2) /* small low halves: saturation only in the upper lanes */
            for (int r = 0; r < 32; r++) {
                f->j.cpu->v[r][0] &= 0x003f003f003f003full;
                f->j.cpu->fpsr = 0;
            }
        memcpy(start, f->j.cpu, sizeof(A64CPU));
        fn(&f->j.cpu->common, a64_simd_desc(d));
        memcpy(want, f->j.cpu, sizeof(A64CPU));
        memcpy(f->j.cpu, start, sizeof(A64CPU));
        run_jit(f, &f->host);
        expect_same(want, f->j.cpu, word, "the JIT");
        memcpy(f->j.cpu, start, sizeof(A64CPU));
        run_jit(f, &f->sse2);
        expect_same(want, f->j.cpu, word, "the SSE2-only JIT");
        run_mid(f, start, want, word);
        memcpy(f->j.cpu, start, sizeof(A64CPU));
        run_interp(f);
        expect_same(want, f->j.cpu, word, "the interpreter");
    }
    f->checked++;
    free(start);
    free(want);
}

/* The reference for AND BIC ORR ORN EOR BSL BIT BIF (opc 0x03), which helper_simd_3same
 * leaves to the translator: op = U:size, per the Arm ARM's pseudocode. */
static uint64_t ref_logic(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = (A64CPU *)c;
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    uint64_t r[2] = {0, 0};
    for (int h = 0; h <= d.q; h++) {
        uint64_t n = cpu->v[d.rn][h], m = cpu->v[d.rm][h], old = cpu->v[d.rd][h];
        switch (d.u << 2 | d.size) {
        case 0:
            r[h] = n & m;
            break;
        case 1:
            r[h] = n & ~m;
            break;
        case 2:
            r[h] = n | m;
            break;
        case 3:
            r[h] = n | ~m;
            break;
        case 4:
            r[h] = n ^ m;
            break;
        case 5: /* BSL */
            r[h] = (old & n) | (~old & m);
            break;
        case 6: /* BIT */
            r[h] = (m & n) | (~m & old);
            break;
        default: /* BIF */
            r[h] = (~m & n) | (m & old);
            break;
        }
    }
    cpu->v[d.rd][0] = r[0];
    cpu->v[d.rd][1] = r[1];
    return 0;
}

static int reg(Fixture *f)
{
    return (int)(rnd(f) % 32);
}

static void test_three_same(void **state)
{
    Fixture *f = *state;
    static const int opcs[] = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
                               0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
                               0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17};
    for (size_t i = 0; i < sizeof(opcs) / sizeof(opcs[0]); i++)
        for (int u = 0; u < 2; u++)
            for (int size = 0; size < 4; size++)
                for (int form = 0; form < 3; form++) { /* 64-bit, 128-bit, scalar */
                    int q = form == 1, sc = form == 2;
                    A64SimdDesc d = {.rd = reg(f),
                                     .rn = reg(f),
                                     .rm = reg(f),
                                     .size = size,
                                     .q = q,
                                     .scalar = sc,
                                     .u = u,
                                     .opc = opcs[i]};
                    uint32_t w = (uint32_t)(q | sc) << 30 | (uint32_t)sc << 28 | (uint32_t)u << 29 |
                                 0x0eu << 24 | (uint32_t)size << 22 | 1u << 21 |
                                 (uint32_t)d.rm << 16 | (uint32_t)d.opc << 11 | 1u << 10 |
                                 (uint32_t)d.rn << 5 | d.rd;
                    check(f, w, opcs[i] == 0x03 ? ref_logic : helper_simd_3same, &d);
                }
    assert_true(f->checked >= 220);
}

static void test_three_different(void **state)
{
    Fixture *f = *state;
    static const int opcs[] = {0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0x7,
                               0x8, 0x9, 0xa, 0xb, 0xc, 0xd, 0xe};
    for (size_t i = 0; i < sizeof(opcs) / sizeof(opcs[0]); i++)
        for (int u = 0; u < 2; u++)
            for (int size = 0; size < 3; size++)
                for (int q = 0; q < 2; q++) {
                    A64SimdDesc d = {.rd = reg(f),
                                     .rn = reg(f),
                                     .rm = reg(f),
                                     .size = size,
                                     .q = q,
                                     .u = u,
                                     .opc = opcs[i]};
                    uint32_t w = (uint32_t)q << 30 | (uint32_t)u << 29 | 0x0eu << 24 |
                                 (uint32_t)size << 22 | 1u << 21 | (uint32_t)d.rm << 16 |
                                 (uint32_t)d.opc << 12 | (uint32_t)d.rn << 5 | d.rd;
                    check(f, w, helper_simd_3diff, &d);
                }
    /* SQDMLAL, SQDMLSL, SQDMULL: U = 0 and 16- or 32-bit elements only */
    /* ... and PMULL (here) U = 0 and 8-bit elements */
    assert_int_equal(f->checked, 11 * 2 * 3 * 2 + 3 * 2 * 2 + 2);
    static const int sqd[] = {0x9, 0xb, 0xd}; /* their scalar forms */
    for (size_t i = 0; i < sizeof(sqd) / sizeof(sqd[0]); i++)
        for (int size = 1; size < 3; size++) {
            A64SimdDesc d = {
                .rd = reg(f), .rn = reg(f), .rm = reg(f), .size = size, .scalar = 1, .opc = sqd[i]};
            uint32_t w = 0x5e200000u | (uint32_t)size << 22 | (uint32_t)d.rm << 16 |
                         (uint32_t)d.opc << 12 | (uint32_t)d.rn << 5 | d.rd;
            check(f, w, helper_simd_3diff, &d);
        }
    assert_int_equal(f->checked, 11 * 2 * 3 * 2 + 3 * 2 * 2 + 2 + 6);
}

static void test_by_element(void **state)
{
    Fixture *f = *state;
    static const int keys[] = {0x08, 0x10, 0x14, 0x02, 0x12, 0x06, 0x16,
                               0x0a, 0x1a, 0x0c, 0x0d, 0x03, 0x07, 0x0b};
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
        for (int size = 1; size < 3; size++)
            for (int q = 0; q < 2; q++)
                for (int hlm = 0; hlm < 8; hlm++) {
                    int h = hlm >> 2, l = (hlm >> 1) & 1, m = hlm & 1, rm4 = reg(f) & 15;
                    A64SimdDesc d = {.rd = reg(f),
                                     .rn = reg(f),
                                     .size = size,
                                     .q = q,
                                     .u = keys[i] >> 4,
                                     .opc = keys[i] & 15};
                    d.rm = size == 1 ? rm4 : rm4 | m << 4;
                    d.imm = size == 1 ? (h << 2 | l << 1 | m) : (h << 1 | l);
                    uint32_t w = (uint32_t)q << 30 | (uint32_t)d.u << 29 | 0x0fu << 24 |
                                 (uint32_t)size << 22 | (uint32_t)l << 21 | (uint32_t)m << 20 |
                                 (uint32_t)rm4 << 16 | (uint32_t)d.opc << 12 | (uint32_t)h << 11 |
                                 (uint32_t)d.rn << 5 | d.rd;
                    check(f, w, helper_simd_indexed, &d);
                }
    assert_int_equal(f->checked, 14 * 2 * 2 * 8);
    static const int sq[] = {0x0c, 0x0d, 0x03, 0x07, 0x0b}; /* the scalar forms */
    for (size_t i = 0; i < sizeof(sq) / sizeof(sq[0]); i++)
        for (int size = 1; size < 3; size++)
            for (int hlm = 0; hlm < 8; hlm++) {
                int h = hlm >> 2, l = (hlm >> 1) & 1, m = hlm & 1, rm4 = reg(f) & 15;
                A64SimdDesc d = {
                    .rd = reg(f), .rn = reg(f), .size = size, .scalar = 1, .opc = sq[i] & 15};
                d.rm = size == 1 ? rm4 : rm4 | m << 4;
                d.imm = size == 1 ? (h << 2 | l << 1 | m) : (h << 1 | l);
                uint32_t w = 0x5f000000u | (uint32_t)size << 22 | (uint32_t)l << 21 |
                             (uint32_t)m << 20 | (uint32_t)rm4 << 16 | (uint32_t)d.opc << 12 |
                             (uint32_t)h << 11 | (uint32_t)d.rn << 5 | d.rd;
                check(f, w, helper_simd_indexed, &d);
            }
    assert_int_equal(f->checked, 14 * 2 * 2 * 8 + 5 * 2 * 8);
}

static void test_two_reg_misc(void **state)
{
    Fixture *f = *state;
    static const int keys[] = {0x00, 0x20, 0x01, 0x05, 0x25, 0x08, 0x28, 0x09, 0x29,
                               0x0a, 0x0b, 0x2b, 0x12, 0x14, 0x34, 0x32, 0x02, 0x22,
                               0x06, 0x26, 0x04, 0x24, 0x07, 0x27, 0x33};
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
        for (int size = 0; size < 4; size++)
            for (int form = 0; form < 3; form++) { /* 64-bit, 128-bit, scalar */
                int q = form == 1, sc = form == 2;
                A64SimdDesc d = {.rd = reg(f),
                                 .rn = reg(f),
                                 .size = size,
                                 .q = q,
                                 .scalar = sc,
                                 .u = keys[i] >> 5,
                                 .opc = keys[i] & 31};
                uint32_t w = (uint32_t)(q | sc) << 30 | (uint32_t)sc << 28 | (uint32_t)d.u << 29 |
                             0x0eu << 24 | (uint32_t)size << 22 | 0x10u << 17 |
                             (uint32_t)d.opc << 12 | 2u << 10 | (uint32_t)d.rn << 5 | d.rd;
                check(f, w, helper_simd_2misc, &d);
            }
    assert_true(f->checked >= 100);
}

static void test_across_lanes(void **state)
{
    Fixture *f = *state;
    static const int opcs[] = {0x03, 0x0a, 0x1a, 0x1b};
    for (size_t i = 0; i < sizeof(opcs) / sizeof(opcs[0]); i++)
        for (int u = 0; u < 2; u++)
            for (int size = 0; size < 3; size++)
                for (int q = 0; q < 2; q++) {
                    A64SimdDesc d = {
                        .rd = reg(f), .rn = reg(f), .size = size, .q = q, .u = u, .opc = opcs[i]};
                    uint32_t w = (uint32_t)q << 30 | (uint32_t)u << 29 | 0x0eu << 24 |
                                 (uint32_t)size << 22 | 0x18u << 17 | (uint32_t)d.opc << 12 |
                                 2u << 10 | (uint32_t)d.rn << 5 | d.rd;
                    check(f, w, helper_simd_across, &d);
                }
    assert_int_equal(f->checked, 35); /* 4 ops x 2 U x 5 arrangements, minus ADDV with U */
    static const int pair_opcs[] = {0x1b, 0x0c, 0x0d, 0x0f}; /* scalar pairwise: ADDP, FP ones */
    for (size_t i = 0; i < sizeof(pair_opcs) / sizeof(pair_opcs[0]); i++)
        for (int u = 0; u < 2; u++)
            for (int size = 0; size < 4; size++) {
                if (pair_opcs[i] != 0x1b && !u)
                    continue; /* the half-precision forms (FEAT_FP16) have their own helper */
                A64SimdDesc d = {
                    .rd = reg(f), .rn = reg(f), .size = size, .u = u, .opc = pair_opcs[i]};
                uint32_t w = 1u << 30 | (uint32_t)u << 29 | 0x1eu << 24 | (uint32_t)size << 22 |
                             0x18u << 17 | (uint32_t)d.opc << 12 | 2u << 10 | (uint32_t)d.rn << 5 |
                             d.rd;
                check(f, w, helper_simd_pair_scalar, &d);
            }
    assert_true(f->checked > 35);
}

static void test_shift_immediate(void **state)
{
    Fixture *f = *state;
    static const int opcs[] = {0x00, 0x02, 0x04, 0x06, 0x08, 0x0a, 0x0c,
                               0x0e, 0x10, 0x11, 0x12, 0x13, 0x14};
    for (size_t i = 0; i < sizeof(opcs) / sizeof(opcs[0]); i++)
        for (int u = 0; u < 2; u++)
            for (int imm = 8; imm < 128; imm++)
                for (int form = 0; form < 3; form++) { /* 64-bit, 128-bit, scalar */
                    int q = form == 1, sc = form == 2;
                    A64SimdDesc d = {.rd = reg(f),
                                     .rn = reg(f),
                                     .q = q,
                                     .scalar = sc,
                                     .u = u,
                                     .opc = opcs[i],
                                     .imm = imm};
                    uint32_t w = (uint32_t)(q | sc) << 30 | (uint32_t)sc << 28 | (uint32_t)u << 29 |
                                 0x1eu << 23 | (uint32_t)imm << 16 | (uint32_t)d.opc << 11 |
                                 1u << 10 | (uint32_t)d.rn << 5 | d.rd;
                    check(f, w, helper_simd_shift_imm, &d);
                }
    assert_true(f->checked >= 1000);
}

static void test_permutes_and_tables(void **state)
{
    Fixture *f = *state;
    for (int opc = 1; opc < 8; opc++)
        for (int size = 0; size < 4; size++)
            for (int q = 0; q < 2; q++) {
                A64SimdDesc d = {
                    .rd = reg(f), .rn = reg(f), .rm = reg(f), .size = size, .q = q, .opc = opc};
                uint32_t w = (uint32_t)q << 30 | 0x0eu << 24 | (uint32_t)size << 22 |
                             (uint32_t)d.rm << 16 | (uint32_t)opc << 12 | 2u << 10 |
                             (uint32_t)d.rn << 5 | d.rd;
                check(f, w, helper_simd_permute, &d);
            }
    int permutes = f->checked;
    assert_int_equal(permutes, 6 * 7);
    for (int len = 0; len < 4; len++)
        for (int tbx = 0; tbx < 2; tbx++)
            for (int q = 0; q < 2; q++)
                for (int k = 0; k < 3; k++) {
                    /* k == 0: the table wraps from v31 to v0 */
                    A64SimdDesc d = {.rd = reg(f),
                                     .rn = k ? reg(f) : 31 - len / 2,
                                     .rm = reg(f),
                                     .ra = len,
                                     .q = q,
                                     .u = tbx};
                    uint32_t w = (uint32_t)q << 30 | 0x0eu << 24 | (uint32_t)d.rm << 16 |
                                 (uint32_t)len << 13 | (uint32_t)tbx << 12 | (uint32_t)d.rn << 5 |
                                 d.rd;
                    check(f, w, helper_simd_tbl, &d);
                }
    assert_int_equal(f->checked - permutes, 4 * 2 * 2 * 3);
}

/* A random word of a class simd_vec.c maps (3same, 2misc, shift by immediate, permute) on
 * v0..v3, so that results feed the next instruction. */
static uint32_t random_vec_word(Fixture *f)
{
    static const int opcs[] = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
                               0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
                               0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17};
    static const int keys[] = {0x00, 0x20, 0x01, 0x05, 0x25, 0x08, 0x28, 0x09, 0x29,
                               0x0a, 0x0b, 0x2b, 0x12, 0x14, 0x34, 0x32, 0x02, 0x22,
                               0x06, 0x26, 0x04, 0x24, 0x07, 0x27, 0x33};
    uint64_t r = rnd(f);
    uint32_t regs = (uint32_t)(r & 3) | (uint32_t)((r >> 2) & 3) << 5;
    uint32_t q = (r >> 6) & 1, u = (r >> 7) & 1, size = (r >> 8) & 3;
    switch ((r >> 10) % 4) {
    case 0:
        return q << 30 | u << 29 | 0x0eu << 24 | size << 22 | 1u << 21 |
               (uint32_t)((r >> 4) & 3) << 16 | (uint32_t)opcs[(r >> 12) % 24] << 11 | 1u << 10 |
               regs;
    case 1: {
        int key = keys[(r >> 12) % 25];
        return q << 30 | (uint32_t)(key >> 5) << 29 | 0x0eu << 24 | size << 22 | 0x10u << 17 |
               (uint32_t)(key & 31) << 12 | 2u << 10 | regs;
    }
    case 2: {
        static const int sh[] = {0x00, 0x02, 0x04, 0x06, 0x08, 0x0a, 0x0c,
                                 0x0e, 0x10, 0x11, 0x12, 0x13, 0x14};
        return q << 30 | u << 29 | 0x1eu << 23 | (uint32_t)(8 + (r >> 20) % 120) << 16 |
               (uint32_t)sh[(r >> 12) % 13] << 11 | 1u << 10 | regs;
    }
    default:
        return q << 30 | 0x0eu << 24 | size << 22 | (uint32_t)((r >> 4) & 3) << 16 |
               (uint32_t)(1 + (r >> 12) % 7) << 12 | 2u << 10 | regs;
    }
}

/* Four-instruction TBs (the JIT keeps a result in its xmm register for the next op) against
 * the interpreter. */
static void test_sequences(void **state)
{
    Fixture *f = *state;
    A64CPU *start = malloc(sizeof(A64CPU)), *want = malloc(sizeof(A64CPU));
    assert_non_null(start);
    assert_non_null(want);
    for (int n = 0; n < 600; n++) {
        uint32_t w[4];
        for (int k = 0; k < 4;) {
            w[k] = random_vec_word(f);
            put_code(f, &w[k], 1);
            k += translate(f);
        }
        put_code(f, w, 4);
        random_state(f, f->j.cpu);
        memcpy(start, f->j.cpu, sizeof(A64CPU));
        run_interp(f);
        memcpy(want, f->j.cpu, sizeof(A64CPU));
        memcpy(f->j.cpu, start, sizeof(A64CPU));
        run_jit(f, &f->host);
        expect_same(want, f->j.cpu, w[0], "the JIT (sequence)");
        memcpy(f->j.cpu, start, sizeof(A64CPU));
        run_jit(f, &f->sse2);
        expect_same(want, f->j.cpu, w[0], "the SSE2-only JIT (sequence)");
        run_mid(f, start, want, w[0]);
    }
    free(start);
    free(want);
}

/* USHL / SSHL by lanes of different counts run the C definition on an out-of-line path:
 * here with both sources loaded from memory into the JIT's vector-register cache (newer
 * than the CPU state) and read again after it, against the interpreter. */
static void test_shift_by_register_cached(void **state)
{
    Fixture *f = *state;
    A64CPU *start = malloc(sizeof(A64CPU)), *want = malloc(sizeof(A64CPU));
    uint8_t *mem = g2h(&f->j.p.mem, DATA_PC);
    assert_non_null(start);
    assert_non_null(want);
    for (int n = 0; n < 64; n++) {
        uint32_t u = (uint32_t)(n & 1), size = (uint32_t)(n >> 1) & 3, q = (uint32_t)(n >> 3) & 1;
        uint32_t w[4] = {
            0xad400000u | 21u << 10 | 9u << 5 | 20u,          /* ldp q20, q21, [x9] */
            0xad400000u | 2u << 15 | 5u << 10 | 9u << 5 | 1u, /* ldp q1, q5, [x9, #32] */
            q << 30 | u << 29 | 0x0e204400u | size << 22 | 5u << 16 | 1u << 5 | 4u, /* v4 */
            0x4e208400u | 5u << 16 | 1u << 5 | 6u, /* add v6.16b, v1.16b, v5.16b */
        };
        put_code(f, w, 4);
        if (!translate(f))
            continue; /* 64-bit lanes need Q */
        random_state(f, f->j.cpu);
        f->j.cpu->x[9] = DATA_PC;
        for (int b = 0; b < 64; b++)
            mem[b] = (uint8_t)rnd(f);
        memcpy(start, f->j.cpu, sizeof(A64CPU));
        run_interp(f);
        memcpy(want, f->j.cpu, sizeof(A64CPU));
        for (int who = 0; who < 2; who++) {
            memcpy(f->j.cpu, start, sizeof(A64CPU));
            run_jit(f, who ? &f->sse2 : &f->host);
            expect_same(want, f->j.cpu, w[2], who ? "the SSE2-only JIT" : "the JIT");
        }
        run_mid(f, start, want, w[2]);
        f->checked++;
    }
    assert_int_equal(f->checked, 56);
    free(start);
    free(want);
}

/* EXT: bytes [imm, imm + 8 << q) of Vn:Vm; DUP (element): element imm of Vn (size esz)
 * everywhere.  References for the encodings the translator expands without a helper. */
static uint64_t ref_ext(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = (A64CPU *)c;
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int bytes = 8 << d.q;
    uint8_t cat[32], r[16] = {0};
    memcpy(cat, cpu->v[d.rn], (size_t)bytes);
    memcpy(cat + bytes, cpu->v[d.rm], (size_t)bytes);
    memcpy(r, cat + d.imm, (size_t)bytes);
    memcpy(cpu->v[d.rd], r, 16);
    return 0;
}

static uint64_t ref_dup_elem(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = (A64CPU *)c;
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int e = 1 << d.size;
    uint8_t r[16] = {0};
    for (int j = 0; j < 8 << d.q; j++)
        r[j] = ((uint8_t *)cpu->v[d.rn])[d.imm * e + j % e];
    memcpy(cpu->v[d.rd], r, 16);
    return 0;
}

static void test_ext_and_dup(void **state)
{
    Fixture *f = *state;
    for (int q = 0; q < 2; q++)
        for (int imm = 0; imm < 16; imm++) {
            A64SimdDesc d = {.rd = reg(f), .rn = reg(f), .rm = reg(f), .q = q, .imm = imm};
            uint32_t w = (uint32_t)q << 30 | 0x2eu << 24 | (uint32_t)d.rm << 16 |
                         (uint32_t)imm << 11 | (uint32_t)d.rn << 5 | (uint32_t)d.rd;
            check(f, w, ref_ext, &d);
        }
    assert_int_equal(f->checked, 8 + 16);
    for (int q = 0; q < 2; q++)
        for (int imm5 = 1; imm5 < 32; imm5++) {
            int esz = __builtin_ctz((unsigned)imm5);
            A64SimdDesc d = {
                .rd = reg(f), .rn = reg(f), .q = q, .size = esz & 3, .imm = imm5 >> (esz + 1)};
            uint32_t w = (uint32_t)q << 30 | 0x0eu << 24 | (uint32_t)imm5 << 16 | 1u << 10 |
                         (uint32_t)d.rn << 5 | (uint32_t)d.rd;
            check(f, w, ref_dup_elem, &d);
        }
    assert_int_equal(f->checked, 24 + 62 - 4); /* imm5 = 16 is reserved, .1D needs Q */
}

/* LDn/STn (multiple structures) per the Arm ARM's pseudocode: element e of register
 * Vt+k <-> memory[base + (e * n + k) * esize]; loads of 64-bit vectors zero the upper half. */
static void ref_ldst_struct(A64CPU *cpu, uint8_t *mem, bool load, int n, int esz, int q, int rt)
{
    int e = 1 << esz;
    for (int el = 0; el < (8 << q) / e; el++)
        for (int k = 0; k < n; k++) {
            uint8_t *v = (uint8_t *)cpu->v[(rt + k) % 32] + el * e;
            uint8_t *m = mem + (el * n + k) * e;
            if (load)
                memcpy(v, m, (size_t)e);
            else
                memcpy(m, v, (size_t)e);
        }
    if (load && !q)
        for (int k = 0; k < n; k++)
            cpu->v[(rt + k) % 32][1] = 0;
}

static void test_structure_loads_stores(void **state)
{
    Fixture *f = *state;
    static const int opcs[] = {0x0, 0x4, 0x8}; /* LD4/ST4, LD3/ST3, LD2/ST2 */
    uint8_t *mem = g2h(&f->j.p.mem, DATA_PC), mem0[64], want_mem[64];
    A64CPU *start = malloc(sizeof(A64CPU)), *want = malloc(sizeof(A64CPU));
    assert_non_null(start);
    assert_non_null(want);
    for (int l = 0; l < 2; l++)
        for (int i = 0; i < 3; i++)
            for (int size = 0; size < 4; size++)
                for (int q = 0; q < 2; q++) {
                    if (size == 3 && !q)
                        continue; /* reserved */
                    int rt = reg(f), rn = (int)(rnd(f) % 31), n = 4 - opcs[i] / 4;
                    uint32_t w = (uint32_t)q << 30 | 0x18u << 23 | (uint32_t)l << 22 |
                                 (uint32_t)opcs[i] << 12 | (uint32_t)size << 10 |
                                 (uint32_t)rn << 5 | (uint32_t)rt;
                    put_code(f, &w, 1);
                    for (int round = 0; round < 4; round++) {
                        random_state(f, f->j.cpu);
                        f->j.cpu->x[rn] = DATA_PC + 8 * (rnd(f) % 8);
                        for (int b = 0; b < 64; b++)
                            mem0[b] = (uint8_t)rnd(f);
                        uint8_t *m = mem + (f->j.cpu->x[rn] - DATA_PC);
                        memcpy(start, f->j.cpu, sizeof(A64CPU));
                        memcpy(want, f->j.cpu, sizeof(A64CPU));
                        memcpy(want_mem, mem0, 64);
                        ref_ldst_struct(want, want_mem, l, n, size, q, rt);
                        for (int who = 0; who < 3; who++) {
                            memcpy(f->j.cpu, start, sizeof(A64CPU));
                            memcpy(m, mem0, 64);
                            if (who < 2)
                                run_jit(f, who ? &f->sse2 : &f->host);
                            else
                                run_interp(f);
                            expect_same(want, f->j.cpu, w, who < 2 ? "the JIT" : "the interpreter");
                            assert_memory_equal(m, want_mem, 64);
                        }
                    }
                }
    free(start);
    free(want);
}

/* The same cases with the code buffer more than 2 GiB away from ferry's text and data: the
 * constants cannot be RIP-relative operands and are built through a register. */
/* SDOT / UDOT, vector and by element, 2 and 4 lanes, against the dot-product helper. */
static void test_dot_products(void **state)
{
    Fixture *f = *state;
    for (int u = 0; u < 2; u++)
        for (int q = 0; q < 2; q++)
            for (int idx = -1; idx < 4; idx++) {
                A64SimdDesc d = {.rd = reg(f),
                                 .rn = reg(f),
                                 .rm = reg(f),
                                 .q = q,
                                 .opc = u ? A64_DOT_UU : A64_DOT_SS};
                uint32_t w = (uint32_t)q << 30 | (uint32_t)u << 29 | (uint32_t)d.rn << 5 | d.rd;
                if (idx < 0) { /* 0 Q U 01110 10 0 Rm 1 0010 1 Rn Rd */
                    w |= 0x0e809400u | (uint32_t)d.rm << 16;
                } else { /* 0 Q U 01111 10 L M Rm 1110 H 0 Rn Rd */
                    d.scalar = 1;
                    d.imm = (uint32_t)idx;
                    w |= 0x0f80e000u | (uint32_t)(idx & 1) << 21 | (uint32_t)d.rm << 16 |
                         (uint32_t)(idx >> 1) << 11;
                }
                check(f, w, helper_ext_dot, &d);
            }
    assert_int_equal(f->checked, 2 * 2 * 5);
}

static void test_far_code_buffer(void **state)
{
    Fixture *f = *state;
    size_t size = 8u << 20;
    uintptr_t text = (uintptr_t)(void *)ir_vec_helper;
    uintptr_t far = text > (64ull << 30) ? text - (64ull << 30) : text + (64ull << 30);
    void *p = mmap((void *)(far & ~(uintptr_t)0xfff), size, PROT_READ | PROT_WRITE | PROT_EXEC,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
    if (p == MAP_FAILED)
        skip();
    codebuf_destroy(&f->j.cb);
    f->j.cb = (CodeBuf){.base = p, .code_start = p, .ptr = p, .end = (uint8_t *)p + size};
    test_three_same(state);
    f->checked = 0;
    test_permutes_and_tables(state);
    test_sequences(state);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_three_same, setup, teardown),
        cmocka_unit_test_setup_teardown(test_three_different, setup, teardown),
        cmocka_unit_test_setup_teardown(test_by_element, setup, teardown),
        cmocka_unit_test_setup_teardown(test_two_reg_misc, setup, teardown),
        cmocka_unit_test_setup_teardown(test_across_lanes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shift_immediate, setup, teardown),
        cmocka_unit_test_setup_teardown(test_permutes_and_tables, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ext_and_dup, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sequences, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shift_by_register_cached, setup, teardown),
        cmocka_unit_test_setup_teardown(test_structure_loads_stores, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dot_products, setup, teardown),
        cmocka_unit_test_setup_teardown(test_far_code_buffer, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
