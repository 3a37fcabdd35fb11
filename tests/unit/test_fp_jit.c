/*
 * Guest FP on the host FPU (fp_env / fp_int, translator/x86_64/codegen_fp.c): every
 * scalar and vector FP instruction with a host fast path runs under the JIT and under
 * the IR interpreter (which calls the exact helpers) on corner inputs -- signalling and
 * quiet NaNs in either operand, infinities, signed zeros, subnormals, the smallest
 * normals, results that overflow or round to the smallest normal -- in every rounding
 * mode with FPCR.FZ and FPCR.DN off and on; the V registers, NZCV and FPSR must agree
 * bit for bit.  Known results pin the helpers themselves.
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
#include "frontends/aarch64/helper_dp.h"
#include "frontends/aarch64/helper_simd.h"
#include "frontends/guest_arch.h"
#include "loader/process.h"
#include "tests/unit/a64_fixture.h"
#include "translator/interp.h"
#include "translator/tb.h"
#include "translator/x86_64/backend.h"

typedef struct Fixture {
    A64Jit j;
    X86Features feat;
    X86TbEnterFn enter;
} Fixture;

/* One instruction (encoding from the GNU assembler) and its element size. */
typedef struct Insn {
    uint32_t word;
    const char *name;
    int esz;
} Insn;

static const Insn insns[] = {
    {0x1e222820, "fadd s0, s1, s2", 2},
    {0x1e223820, "fsub s0, s1, s2", 2},
    {0x1e220820, "fmul s0, s1, s2", 2},
    {0x1e221820, "fdiv s0, s1, s2", 2},
    {0x1e224820, "fmax s0, s1, s2", 2},
    {0x1e225820, "fmin s0, s1, s2", 2},
    {0x1e226820, "fmaxnm s0, s1, s2", 2},
    {0x1e227820, "fminnm s0, s1, s2", 2},
    {0x1e228820, "fnmul s0, s1, s2", 2},
    {0x1e21c020, "fsqrt s0, s1", 2},
    {0x1f020c20, "fmadd s0, s1, s2, s3", 2},
    {0x1f028c20, "fmsub s0, s1, s2, s3", 2},
    {0x1f220c20, "fnmadd s0, s1, s2, s3", 2},
    {0x1f228c20, "fnmsub s0, s1, s2, s3", 2},
    {0x1e622820, "fadd d0, d1, d2", 3},
    {0x1e623820, "fsub d0, d1, d2", 3},
    {0x1e620820, "fmul d0, d1, d2", 3},
    {0x1e621820, "fdiv d0, d1, d2", 3},
    {0x1e624820, "fmax d0, d1, d2", 3},
    {0x1e625820, "fmin d0, d1, d2", 3},
    {0x1e626820, "fmaxnm d0, d1, d2", 3},
    {0x1e627820, "fminnm d0, d1, d2", 3},
    {0x1e61c020, "fsqrt d0, d1", 3},
    {0x1f420c20, "fmadd d0, d1, d2, d3", 3},
    {0x1f428c20, "fmsub d0, d1, d2, d3", 3},
    {0x1f620c20, "fnmadd d0, d1, d2, d3", 3},
    {0x1f628c20, "fnmsub d0, d1, d2, d3", 3},
    {0x1e222020, "fcmp s1, s2", 2},
    {0x1e222030, "fcmpe s1, s2", 2},
    {0x1e202028, "fcmp s1, #0.0", 2},
    {0x1e202038, "fcmpe s1, #0.0", 2},
    {0x1e622020, "fcmp d1, d2", 3},
    {0x1e622030, "fcmpe d1, d2", 3},
    {0x1e602028, "fcmp d1, #0.0", 3},
    {0x4e22d420, "fadd v0.4s, v1.4s, v2.4s", 2},
    {0x0e22d420, "fadd v0.2s, v1.2s, v2.2s", 2},
    {0x4e62d420, "fadd v0.2d, v1.2d, v2.2d", 3},
    {0x4ea2d420, "fsub v0.4s, v1.4s, v2.4s", 2},
    {0x4ee2d420, "fsub v0.2d, v1.2d, v2.2d", 3},
    {0x6e22dc20, "fmul v0.4s, v1.4s, v2.4s", 2},
    {0x2e22dc20, "fmul v0.2s, v1.2s, v2.2s", 2},
    {0x6e62dc20, "fmul v0.2d, v1.2d, v2.2d", 3},
    {0x6e22fc20, "fdiv v0.4s, v1.4s, v2.4s", 2},
    {0x2e22fc20, "fdiv v0.2s, v1.2s, v2.2s", 2},
    {0x6e62fc20, "fdiv v0.2d, v1.2d, v2.2d", 3},
    {0x4e22f420, "fmax v0.4s, v1.4s, v2.4s", 2},
    {0x4ee2f420, "fmin v0.2d, v1.2d, v2.2d", 3},
    {0x0e22c420, "fmaxnm v0.2s, v1.2s, v2.2s", 2},
    {0x4ea2c420, "fminnm v0.4s, v1.4s, v2.4s", 2},
    {0x4e22cc20, "fmla v0.4s, v1.4s, v2.4s", 2},
    {0x0e22cc20, "fmla v0.2s, v1.2s, v2.2s", 2},
    {0x4e62cc20, "fmla v0.2d, v1.2d, v2.2d", 3},
    {0x4ea2cc20, "fmls v0.4s, v1.4s, v2.4s", 2},
    {0x4ee2cc20, "fmls v0.2d, v1.2d, v2.2d", 3},
    {0x4fa29820, "fmul v0.4s, v1.4s, v2.s[3]", 2},
    {0x0fa29020, "fmul v0.2s, v1.2s, v2.s[1]", 2},
    {0x4fc29820, "fmul v0.2d, v1.2d, v2.d[1]", 3},
    {0x4f821820, "fmla v0.4s, v1.4s, v2.s[2]", 2},
    {0x4fc21020, "fmla v0.2d, v1.2d, v2.d[0]", 3},
    {0x0fa25820, "fmls v0.2s, v1.2s, v2.s[3]", 2},
    {0x5f821820, "fmla s0, s1, v2.s[2]", 2},
    {0x5fc29820, "fmul d0, d1, v2.d[1]", 3},
    {0x5fc25020, "fmls d0, d1, v2.d[0]", 3},
    {0x4e21d421, "fadd v1.4s, v1.4s, v1.4s", 2},
    {0x4e62cc42, "fmla v2.2d, v2.2d, v2.2d", 3},
    {0x1e22c020, "fcvt d0, s1", 2},
    {0x1e624020, "fcvt s0, d1", 3},
    {0x1e244020, "frintn s0, s1", 2},
    {0x1e64c020, "frintp d0, d1", 3},
    {0x1e254020, "frintm s0, s1", 2},
    {0x1e65c020, "frintz d0, d1", 3},
    {0x1e264020, "frinta s0, s1", 2},
    {0x1e674020, "frintx d0, d1", 3},
    {0x1e27c020, "frinti s0, s1", 2},
    {0x1e274020, "frintx s0, s1", 2},
    {0x1e380020, "fcvtzs w0, s1", 2},
    {0x9e380020, "fcvtzs x0, s1", 2},
    {0x1e780020, "fcvtzs w0, d1", 3},
    {0x9e780020, "fcvtzs x0, d1", 3},
    {0x1e790020, "fcvtzu w0, d1", 3},
    {0x9e390020, "fcvtzu x0, s1", 2},
    {0x1e220020, "scvtf s0, w1", 2},
    {0x1e620020, "scvtf d0, w1", 3},
    {0x9e220020, "scvtf s0, x1", 2},
    {0x9e620020, "scvtf d0, x1", 3},
    {0x1e230020, "ucvtf s0, w1", 2},
    {0x9e630020, "ucvtf d0, x1", 3},
    {0x9e230020, "ucvtf s0, x1", 2},
    {0x4ea0f820, "fabs v0.4s, v1.4s", 2},
    {0x0ea0f820, "fabs v0.2s, v1.2s", 2},
    {0x6ee0f820, "fneg v0.2d, v1.2d", 3},
    {0x6ea1f820, "fsqrt v0.4s, v1.4s", 2},
    {0x6ee1f820, "fsqrt v0.2d, v1.2d", 3},
    {0x4e619820, "frintm v0.2d, v1.2d", 3},
    {0x6e219820, "frintx v0.4s, v1.4s", 2},
    {0x2ea19820, "frinti v0.2s, v1.2s", 2},
    {0x4e218820, "frintn v0.4s, v1.4s", 2},
    {0x4ee18820, "frintp v0.2d, v1.2d", 3},
    {0x4ea19820, "frintz v0.4s, v1.4s", 2},
    {0x4e21d820, "scvtf v0.4s, v1.4s", 2},
    {0x0e21d820, "scvtf v0.2s, v1.2s", 2},
    {0x4e61d820, "scvtf v0.2d, v1.2d", 3},
    {0x4ea1b820, "fcvtzs v0.4s, v1.4s", 2},
    {0x0ea1b820, "fcvtzs v0.2s, v1.2s", 2},
    {0x6e21d820, "ucvtf v0.4s, v1.4s", 2},
    {0x4ee1b820, "fcvtzs v0.2d, v1.2d", 3},
    {0x4e22e420, "fcmeq v0.4s, v1.4s, v2.4s", 2},
    {0x6e62e420, "fcmge v0.2d, v1.2d, v2.2d", 3},
    {0x2ea2e420, "fcmgt v0.2s, v1.2s, v2.2s", 2},
    {0x6e22ec20, "facge v0.4s, v1.4s, v2.4s", 2},
    {0x6ee2ec20, "facgt v0.2d, v1.2d, v2.2d", 3},
    {0x4ea0c820, "fcmgt v0.4s, v1.4s, #0.0", 2},
    {0x4ee0d820, "fcmeq v0.2d, v1.2d, #0.0", 3},
    {0x0ea0e820, "fcmlt v0.2s, v1.2s, #0.0", 2},
    {0x6ea0c820, "fcmge v0.4s, v1.4s, #0.0", 2},
    {0x6ee0d820, "fcmle v0.2d, v1.2d, #0.0", 3},
    {0x6e22d420, "faddp v0.4s, v1.4s, v2.4s", 2},
    {0x2e22d420, "faddp v0.2s, v1.2s, v2.2s", 2},
    {0x6e62d420, "faddp v0.2d, v1.2d, v2.2d", 3},
    {0x5e22e420, "fcmeq s0, s1, s2", 2},
};

static const uint32_t sv[] = {
    0x00000000, 0x80000000, 0x00000001, 0x807fffff, 0x00800000, 0x80800001, 0x00ffffff,
    0x3f800000, 0xbf800001, 0x40490fdb, 0x7f7fffff, 0xff7ffffe, 0x7f800000, 0xff800000,
    0x7fc00000, 0xffc12345, 0x7f800001, 0xff812345, 0x1f800000, 0x5f800000, 0x3eaaaaab,
    0x3f000001, 0x4b000001, 0x20000000, 0xc2f60000, 0x4f000000, 0xcf000000, 0x5f000000,
    0xdf000000, 0x3f400000, 0xbfc00000, 0x4effffff, 0xcf000001,
};
static const uint64_t dv[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x0000000000000001ull, 0x800fffffffffffffull,
    0x0010000000000000ull, 0x8010000000000001ull, 0x001fffffffffffffull, 0x3ff0000000000000ull,
    0xbff0000000000001ull, 0x400921fb54442d18ull, 0x7fefffffffffffffull, 0xffeffffffffffffeull,
    0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull, 0xfff8123456789abcull,
    0x7ff0000000000001ull, 0xfff0123456789abcull, 0x1ff0000000000000ull, 0x5ff0000000000000ull,
    0x3fd5555555555555ull, 0x2000000000000000ull, 0x3fe0000000000001ull, 0xc05ec00000000000ull,
    0x41e65a0bc0000000ull, 0xc1e0000000000000ull, 0xc1e0000000100000ull, 0x43e0000000000000ull,
    0xc3e0000000000000ull, 0x41dfffffffc00000ull, 0x3ff8000000000000ull, 0xbfe0000000000000ull,
    0x41f0000000000000ull, 0xc3e0000000000001ull,
};
/* integer sources of SCVTF / UCVTF */
static const uint64_t iv[] = {0,
                              1,
                              ~0ull,
                              0x80000000ull,
                              0x7fffffffull,
                              0xffffffff80000000ull,
                              0x8000000000000000ull,
                              0x7fffffffffffffffull,
                              0x20000000000001ull,
                              0x1000001ull,
                              0xffffffffull,
                              0xfffffffffffff801ull,
                              0x123456789abcdefull};
#define NSV (sizeof(sv) / sizeof(sv[0]))
#define NDV (sizeof(dv) / sizeof(dv[0]))

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(*f));
    if (!f || a64_jit_init(&f->j) < 0)
        return -1;
    x86_detect_features(&f->feat);
    f->enter = x86_init(&f->j.cb, &f->feat);
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

/* Translates n words at A64_CODE_PC into one TB, compiles it into tb (tb->ir kept). */
static void translate_n(Fixture *f, TB *tb, const uint32_t *words, int n)
{
    a64_put_code(&f->j, words, n);
    ArchTranslateOpts o = {.max_insns = n};
    ir_reset(f->j.ir, A64_CODE_PC);
    guest_arch_aarch64.translate(f->j.ir, &f->j.cpu->common, &o);
    ir_optimize(f->j.ir);
    memset(tb, 0, sizeof(*tb));
    tb->pc = A64_CODE_PC;
    tb->ir = f->j.ir;
    if (codebuf_room(&f->j.cb) < (1u << 16))
        codebuf_reset(&f->j.cb);
    assert_int_equal(x86_codegen(f->j.ir, tb, &f->j.cb), 0);
}

static void translate(Fixture *f, TB *tb, uint32_t word)
{
    translate_n(f, tb, &word, 1);
}

/* What an instruction leaves: V0..V3, X0, X1, NZCV, FPSR. */
typedef struct State {
    uint64_t v[4][2];
    uint64_t x[2];
    uint64_t nzcv;
    uint32_t fpsr;
} State;

static void capture(const A64CPU *c, State *s)
{
    memset(s, 0, sizeof(*s));
    memcpy(s->v, c->v, sizeof(s->v));
    memcpy(s->x, c->x, sizeof(s->x));
    s->nzcv = (c->nf >> 63) << 3 | (uint64_t)(c->zf == 0) << 2 | (uint64_t)(c->cf != 0) << 1 |
              c->vf >> 63;
    s->fpsr = c->fpsr;
}

/* Runs tb from `in` under the JIT (jit) or the interpreter, with the exec loop's host FP
 * bracket (lazy FPSR). */
static void run(Fixture *f, TB *tb, const A64CPU *in, bool jit, State *out)
{
    A64CPU *c = f->j.cpu;
    memcpy(&c->x, &in->x, sizeof(A64CPU) - offsetof(A64CPU, x));
    guest_arch_aarch64.fp_enter(&c->common);
    if (jit)
        f->enter(&c->common, tb->code);
    else
        ir_interp_run(&c->common, tb);
    guest_arch_aarch64.fp_leave(&c->common, x86_host_fp_status());
    capture(c, out);
}

static uint64_t pick(int esz)
{
    return esz == 3 ? dv[rnd() % NDV] : sv[rnd() % NSV] | (uint64_t)sv[rnd() % NSV] << 32;
}

/* Sequences in one TB: operands and results stay in the backend's vector-register cache. */
static const uint32_t seqs[][3] = {
    {0x1e222820, 0x1e210803, 0x1f020060}, /* fadd s0; fmul s3, s0, s1; fmadd s0, s3, s2, s0 */
    {0x4e22cc20, 0x4e21d403, 0x0fa15060}, /* fmla v0.4s; fadd v3.4s, v0, v1; fmls v0.2s by elem */
    {0x1e22c020, 0x1e602803, 0x9e780060}, /* fcvt d0, s1; fadd d3, d0, d0; fcvtzs x0, d3 */
    {0x9e620022, 0x1e620840, 0x1e622000}, /* scvtf d2, x1; fmul d0, d2, d2; fcmp d0, d2 */
    {0x1e623821, 0x1e634822, 0x1f610c43}, /* fsub d1; fmax d2, d1, d3; fnmadd d3, d2, d1, d3 */
    {0x4ea0f820, 0x4fa21800, 0x4e219803}, /* fabs v0.4s; fmla v0.4s, v0, v2.s[3]; frintm v3 */
    {0x6e62dc22, 0x4fc31042, 0x6e61fc41}, /* fmul v2.2d; fmla v2.2d, v2, v3.d[0]; fdiv v1.2d */
};

static void check_insn(Fixture *f, const Insn *in)
{
    static const uint32_t fpcrs[] = {0,
                                     1u << 22,
                                     2u << 22,
                                     3u << 22,
                                     A64_FPCR_FZ,
                                     A64_FPCR_DN,
                                     A64_FPCR_FZ | A64_FPCR_DN | 3u << 22};
    A64CPU start;
    memset(&start, 0, sizeof(start));
    for (unsigned k = 0; k < sizeof(fpcrs) / sizeof(fpcrs[0]); k++) {
        TB tb;
        f->j.cpu->common.tb_flags = fpcrs[k] & A64_FPCR_FZ ? A64_TBF_FZ : 0;
        translate(f, &tb, in->word);
        for (int rep = 0; rep < 300; rep++) {
            for (int r = 0; r < 4; r++)
                for (int h = 0; h < 2; h++)
                    start.v[r][h] = pick(in->esz);
            start.fpcr = fpcrs[k];
            start.x[0] = rnd();
            start.x[1] = rep & 2 ? iv[rnd() % (sizeof(iv) / sizeof(iv[0]))] : rnd() >> (rnd() & 63);
            start.fpsr = rep & 1 ? A64_FPSR_QC : 0;
            start.nf = rnd(), start.zf = rnd() & 1, start.cf = rnd() & 1, start.vf = rnd();
            State jit, interp;
            run(f, &tb, &start, true, &jit);
            run(f, &tb, &start, false, &interp);
            if (memcmp(&jit, &interp, sizeof(jit)) != 0) {
                fail_msg("%s fpcr=%08x x1=%llx n=%016llx:%016llx m=%016llx:%016llx a=%016llx: jit "
                         "%016llx:%016llx x0 %llx nzcv %llx fpsr %x, interpreter "
                         "%016llx:%016llx x0 %llx nzcv %llx fpsr %x",
                         in->name, start.fpcr, (unsigned long long)start.x[1],
                         (unsigned long long)start.v[1][1], (unsigned long long)start.v[1][0],
                         (unsigned long long)start.v[2][1], (unsigned long long)start.v[2][0],
                         (unsigned long long)start.v[3][0], (unsigned long long)jit.v[0][1],
                         (unsigned long long)jit.v[0][0], (unsigned long long)jit.x[0],
                         (unsigned long long)jit.nzcv, jit.fpsr, (unsigned long long)interp.v[0][1],
                         (unsigned long long)interp.v[0][0], (unsigned long long)interp.x[0],
                         (unsigned long long)interp.nzcv, interp.fpsr);
            }
        }
        free(tb.insn_host_off);
        free(tb.insn_guest_pc);
    }
}

static void test_jit_matches_interpreter_on_corner_inputs(void **state)
{
    Fixture *f = *state;
    for (size_t i = 0; i < sizeof(insns) / sizeof(insns[0]); i++)
        check_insn(f, &insns[i]);
}

/* Hosts without AVX: every fp op is a helper call, the vector cache stays empty. */
static void test_hosts_without_avx(void **state)
{
    Fixture *f = *state;
    X86Features none;
    memset(&none, 0, sizeof(none));
    codebuf_reset(&f->j.cb);
    f->enter = x86_init(&f->j.cb, &none);
    for (size_t i = 0; i < sizeof(insns) / sizeof(insns[0]); i += 3)
        check_insn(f, &insns[i]);
    codebuf_reset(&f->j.cb);
    f->enter = x86_init(&f->j.cb, &f->feat);
}

static void test_sequences_through_the_vector_cache(void **state)
{
    Fixture *f = *state;
    for (size_t i = 0; i < sizeof(seqs) / sizeof(seqs[0]); i++)
        for (int esz = 2; esz <= 3; esz++) {
            TB tb;
            f->j.cpu->common.tb_flags = 0;
            translate_n(f, &tb, seqs[i], 3);
            A64CPU start;
            memset(&start, 0, sizeof(start));
            for (int rep = 0; rep < 2000; rep++) {
                for (int r = 0; r < 4; r++)
                    for (int h = 0; h < 2; h++)
                        start.v[r][h] = pick(esz);
                start.fpcr = (uint32_t)(rep & 3) << 22 | (rep & 4 ? A64_FPCR_DN : 0);
                start.x[1] = iv[rnd() % (sizeof(iv) / sizeof(iv[0]))];
                State jit, interp;
                run(f, &tb, &start, true, &jit);
                run(f, &tb, &start, false, &interp);
                if (memcmp(&jit, &interp, sizeof(jit)) != 0)
                    fail_msg("sequence %zu rep %d: v0 %016llx:%016llx / %016llx:%016llx, v3 "
                             "%016llx / %016llx, x0 %llx / %llx, fpsr %x / %x",
                             i, rep, (unsigned long long)jit.v[0][1],
                             (unsigned long long)jit.v[0][0], (unsigned long long)interp.v[0][1],
                             (unsigned long long)interp.v[0][0], (unsigned long long)jit.v[3][0],
                             (unsigned long long)interp.v[3][0], (unsigned long long)jit.x[0],
                             (unsigned long long)interp.x[0], jit.fpsr, interp.fpsr);
            }
            free(tb.insn_host_off);
            free(tb.insn_guest_pc);
        }
}

/* Known Arm results, checked under both backends. */
typedef struct Known {
    uint32_t word, fpcr;
    uint64_t n, m, a;    /* low 64 bits of V1, V2, V3 (V0 = a too) */
    uint64_t d_lo, d_hi; /* V0 after */
    uint32_t fpsr, nzcv; /* nzcv checked when the instruction is a compare */
} Known;

static const Known known[] = {
    /* fadd s0, s1, s2: 1 + 2 = 3, exact */
    {0x1e222820, 0, 0x3f800000, 0x40000000, 0, 0x40400000, 0, 0, 0},
    /* signalling NaN operand: quietened, IOC; the first operand's NaN wins */
    {0x1e222820, 0, 0x7f800001, 0xffc00000, 0, 0x7fc00001, 0, A64_FPSR_IOC, 0},
    /* DN: the default NaN */
    {0x1e222820, A64_FPCR_DN, 0x7f800001, 0x3f800000, 0, 0x7fc00000, 0, A64_FPSR_IOC, 0},
    /* inf - inf: default NaN, IOC */
    {0x1e223820, 0, 0x7f800000, 0x7f800000, 0, 0x7fc00000, 0, A64_FPSR_IOC, 0},
    /* 1 / 0: inf, DZC */
    {0x1e221820, 0, 0x3f800000, 0x00000000, 0, 0x7f800000, 0, A64_FPSR_DZC, 0},
    /* max * 2: overflow to inf (RN), max in RZ */
    {0x1e220820, 0, 0x7f7fffff, 0x40000000, 0, 0x7f800000, 0, A64_FPSR_OFC | A64_FPSR_IXC, 0},
    {0x1e220820, 3u << 22, 0x7f7fffff, 0x40000000, 0, 0x7f7fffff, 0, A64_FPSR_OFC | A64_FPSR_IXC,
     0},
    /* tiny before rounding, rounds up to the smallest normal: UFC (Arm) */
    {0x1e220820, 0, 0x807fffff, 0xbf800001, 0, 0x00800000, 0, A64_FPSR_UFC | A64_FPSR_IXC, 0},
    /* FZ: subnormal input flushed (IDC); subnormal result flushed (UFC) */
    {0x1e222820, A64_FPCR_FZ, 0x00000001, 0x3f800000, 0, 0x3f800000, 0, A64_FPSR_IDC, 0},
    {0x1e220820, A64_FPCR_FZ, 0x00800000, 0x3f000000, 0, 0x00000000, 0, A64_FPSR_UFC, 0},
    /* fmax(+0, -0) = +0, fmin(-0, +0) = -0, fmaxnm(qNaN, 1) = 1 */
    {0x1e224820, 0, 0x00000000, 0x80000000, 0, 0x00000000, 0, 0, 0},
    {0x1e225820, 0, 0x00000000, 0x80000000, 0, 0x80000000, 0, 0, 0},
    {0x1e226820, 0, 0x7fc00000, 0x3f800000, 0, 0x3f800000, 0, 0, 0},
    /* fmax(qNaN, 1) = qNaN, no IOC */
    {0x1e224820, 0, 0x3f800000, 0x7fc00005, 0, 0x7fc00005, 0, 0, 0},
    /* fadd d: 1/3 + 1/3 in RM vs RP */
    {0x1e622820, 2u << 22, 0x3fd5555555555555ull, 0x3fd5555555555555ull, 0, 0x3fe5555555555555ull,
     0, 0, 0},
    /* fmadd d0, d1, d2, d3: 2 * 3 + 1 = 7 */
    {0x1f420c20, 0, 0x4000000000000000ull, 0x4008000000000000ull, 0x3ff0000000000000ull,
     0x401c000000000000ull, 0, 0, 0},
    /* fmadd: inf * 0 + qNaN: default NaN and IOC (Arm FPMulAdd) */
    {0x1f420c20, 0, 0x7ff0000000000000ull, 0, 0x7ff8000000000001ull, 0x7ff8000000000000ull, 0,
     A64_FPSR_IOC, 0},
    /* fcmp s1, s2: less, equal (+0 = -0), unordered; fcmpe raises IOC on a quiet NaN */
    {0x1e222020, 0, 0x3f800000, 0x40000000, 0, 0, 0, 0, 0x8},
    {0x1e222020, 0, 0x00000000, 0x80000000, 0, 0, 0, 0, 0x6},
    {0x1e222020, 0, 0x7fc00000, 0x40000000, 0, 0, 0, 0, 0x3},
    {0x1e222030, 0, 0x7fc00000, 0x40000000, 0, 0, 0, A64_FPSR_IOC, 0x3},
    /* fcmp d1, #0.0: greater */
    {0x1e602028, 0, 0x3ff0000000000000ull, 0, 0, 0, 0, 0, 0x2},
    /* fadd v0.2s: upper half of the destination cleared */
    {0x0e22d420, 0, 0x400000003f800000ull, 0x3f80000040000000ull, 0, 0x4040000040400000ull, 0, 0,
     0},
};

static void test_known_results(void **state)
{
    Fixture *f = *state;
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
        const Known *k = &known[i];
        TB tb;
        f->j.cpu->common.tb_flags = k->fpcr & A64_FPCR_FZ ? A64_TBF_FZ : 0;
        translate(f, &tb, k->word);
        A64CPU start;
        memset(&start, 0, sizeof(start));
        start.v[0][0] = start.v[3][0] = k->a;
        start.v[0][1] = 0x5555555555555555ull;
        start.v[1][0] = k->n;
        start.v[2][0] = k->m;
        start.fpcr = k->fpcr;
        bool cmp = (k->word & 0xff20fc07) == 0x1e202000;
        for (int jit = 0; jit < 2; jit++) {
            State s;
            run(f, &tb, &start, jit, &s);
            if (!cmp && (s.v[0][0] != k->d_lo || s.v[0][1] != k->d_hi))
                fail_msg("known %zu (%s): %016llx:%016llx", i, jit ? "jit" : "interp",
                         (unsigned long long)s.v[0][1], (unsigned long long)s.v[0][0]);
            if (s.fpsr != k->fpsr || (cmp && s.nzcv != k->nzcv))
                fail_msg("known %zu (%s): fpsr %x nzcv %llx", i, jit ? "jit" : "interp", s.fpsr,
                         (unsigned long long)s.nzcv);
        }
        free(tb.insn_host_off);
        free(tb.insn_guest_pc);
    }
}

/* Lazy FPSR: flags raised by generated code stay in MXCSR until folded; MRS FPSR and the
 * exec loop's fp_leave fold them, MSR FPSR discards them, MSR FPCR sets the rounding. */
static void test_lazy_fpsr(void **state)
{
    Fixture *f = *state;
    A64CPU *c = f->j.cpu;
    memset(&c->x, 0, sizeof(A64CPU) - offsetof(A64CPU, x));
    guest_arch_aarch64.fp_enter(&c->common);
    volatile float x = 1.0f, y = 3.0f;
    volatile float z = x / y; /* host code standing in for generated code: raises PE */
    (void)z;
    assert_int_equal(c->fpsr, 0);
    assert_int_equal(a64_helper_get_fpsr(&c->common), A64_FPSR_IXC);
    assert_int_equal(x86_host_fp_status() & 0x3f, 0);
    z = x / y;
    a64_helper_set_fpsr(&c->common, 0);
    assert_int_equal(a64_helper_get_fpsr(&c->common), 0);
    a64_helper_set_fpcr(&c->common, 3u << 22);
    assert_int_equal(x86_host_fp_status() & 0x6000, 0x6000);
    z = x / 0.0f;
    guest_arch_aarch64.fp_leave(&c->common, x86_host_fp_status());
    assert_int_equal(c->fpsr, A64_FPSR_DZC);
    assert_int_equal(x86_host_fp_status(), 0x1f80);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jit_matches_interpreter_on_corner_inputs),
        cmocka_unit_test(test_sequences_through_the_vector_cache),
        cmocka_unit_test(test_hosts_without_avx),
        cmocka_unit_test(test_known_results),
        cmocka_unit_test(test_lazy_fpsr),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
