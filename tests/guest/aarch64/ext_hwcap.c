/* Consistency of what the CPU model advertises: for each optional feature,
 * the AT_HWCAP/AT_HWCAP2 bit, the ID register field read with MRS (Linux's
 * EL0 view) and whether one of its instructions executes (no SIGILL) must
 * all agree.  Prints one line per feature; the same program is run under
 * every -cpu model by tests/cli/run.sh.
 *
 * The expected output (every feature consistent) follows from the Arm ARM
 * and Linux rather than from qemu-aarch64 7.2 -cpu max, which reports four
 * inconsistencies of its own: its linux-user HWCAPs omit DIT and SSBS
 * although its ID_AA64PFR0.DIT and ID_AA64PFR1.SSBS fields (from which Linux
 * derives HWCAP_DIT and HWCAP_SSBS) are set, and it makes DC CVAP / DC CVADP
 * UNDEFINED at EL0 although ID_AA64ISAR1.DPB advertises them and Linux sets
 * SCTLR_EL1.UCI, which makes them executable at EL0. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <ucontext.h>

enum { PFR0, PFR1, ISAR0, ISAR1 };

static const struct {
    const char *name;
    int word, bit;       /* AT_HWCAP (1) / AT_HWCAP2 (2) bit */
    int reg, shift, min; /* ID register field >= min */
    uint32_t insn;       /* uses only x0 (a scratch address), x1, v0, NZCV */
} feats[] = {
    {"aes", 1, 3, ISAR0, 4, 1, 0x4e284800},        /* aese v0.16b, v0.16b */
    {"pmull", 1, 4, ISAR0, 4, 2, 0x0ee0e000},      /* pmull v0.1q, v0.1d, v0.1d */
    {"sha1", 1, 5, ISAR0, 8, 1, 0x5e280800},       /* sha1h s0, s0 */
    {"sha2", 1, 6, ISAR0, 12, 1, 0x5e282800},      /* sha256su0 v0.4s, v0.4s */
    {"crc32", 1, 7, ISAR0, 16, 1, 0x1ac04000},     /* crc32b w0, w0, w0 */
    {"atomics", 1, 8, ISAR0, 20, 2, 0xb8210001},   /* ldadd w1, w1, [x0] */
    {"fphp", 1, 9, PFR0, 16, 1, 0x1ee02800},       /* fadd h0, h0, h0 */
    {"asimdhp", 1, 10, PFR0, 20, 1, 0x4e401400},   /* fadd v0.8h, v0.8h, v0.8h */
    {"asimdrdm", 1, 12, ISAR0, 28, 1, 0x6e408400}, /* sqrdmlah v0.8h, v0.8h, v0.8h */
    {"jscvt", 1, 13, ISAR1, 12, 1, 0x1e7e0000},    /* fjcvtzs w0, d0 */
    {"fcma", 1, 14, ISAR1, 16, 1, 0x6e80e400},     /* fcadd v0.4s, v0.4s, v0.4s, #90 */
    {"lrcpc", 1, 15, ISAR1, 20, 1, 0xb8bfc001},    /* ldapr w1, [x0] */
    {"dcpop", 1, 16, ISAR1, 0, 1, 0xd50b7c20},     /* dc cvap, x0 */
    {"sha3", 1, 17, ISAR0, 32, 1, 0xce000000},     /* eor3 v0.16b, v0.16b, v0.16b, v0.16b */
    {"sm3", 1, 18, ISAR0, 36, 1, 0xce60c000},      /* sm3partw1 v0.4s, v0.4s, v0.4s */
    {"sm4", 1, 19, ISAR0, 40, 1, 0xcec08400},      /* sm4e v0.4s, v0.4s */
    {"asimddp", 1, 20, ISAR0, 44, 1, 0x4e809400},  /* sdot v0.4s, v0.16b, v0.16b */
    {"sha512", 1, 21, ISAR0, 12, 2, 0xcec08000},   /* sha512su0 v0.2d, v0.2d */
    {"sve", 1, 22, PFR0, 32, 1, 0x2518e3e0},       /* ptrue p0.b */
    {"asimdfhm", 1, 23, ISAR0, 48, 1, 0x4e20ec00}, /* fmlal v0.4s, v0.4h, v0.4h */
    {"dit", 1, 24, PFR0, 48, 1, 0xd503405f},       /* msr dit, #0 */
    {"ilrcpc", 1, 26, ISAR1, 20, 2, 0x99400001},   /* ldapur w1, [x0] */
    {"flagm", 1, 27, ISAR0, 52, 1, 0xd500401f},    /* cfinv */
    {"ssbs", 1, 28, PFR1, 4, 2, 0xd503403f},       /* msr ssbs, #0 (HWCAP_SSBS: SSBS2) */
    {"sb", 1, 29, ISAR1, 36, 1, 0xd50330ff},       /* sb */
    {"paca", 1, 30, ISAR1, 4, 1, 0xdac10001},      /* pacia x1, x0 (APA field) */
    {"dcpodp", 2, 0, ISAR1, 0, 2, 0xd50b7d20},     /* dc cvadp, x0 */
    {"flagm2", 2, 7, ISAR0, 52, 2, 0xd500405f},    /* axflag */
    {"frint", 2, 8, ISAR1, 32, 1, 0x1e284000},     /* frint32z s0, s0 */
    {"i8mm", 2, 13, ISAR1, 52, 1, 0x4e80a400},     /* smmla v0.4s, v0.16b, v0.16b */
    {"bf16", 2, 14, ISAR1, 44, 1, 0x1e634000},     /* bfcvt h0, s0 */
    {"rng", 2, 16, ISAR0, 60, 1, 0xd53b2401},      /* mrs x1, rndr */
};

static volatile int ill;

static void on_ill(int sig, siginfo_t *si, void *uc)
{
    ((ucontext_t *)uc)->uc_mcontext.pc += 4;
    ill = 1;
}

static uint64_t id_reg(int r)
{
    uint64_t v = 0;
    switch (r) {
    case PFR0:
        __asm__ volatile("mrs %0, ID_AA64PFR0_EL1" : "=r"(v));
        break;
    case PFR1:
        __asm__ volatile("mrs %0, ID_AA64PFR1_EL1" : "=r"(v));
        break;
    case ISAR0:
        __asm__ volatile("mrs %0, ID_AA64ISAR0_EL1" : "=r"(v));
        break;
    default:
        __asm__ volatile("mrs %0, ID_AA64ISAR1_EL1" : "=r"(v));
        break;
    }
    return v;
}

int main(void)
{
    static uint64_t scratch[8] __attribute__((aligned(64)));
    uint32_t *stub =
        mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (stub == MAP_FAILED)
        return 1;
    struct sigaction sa = {0};
    sa.sa_sigaction = on_ill;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGILL, &sa, NULL);
    void (*run)(void *) = (void (*)(void *))(uintptr_t)stub;
    int bad = 0;
    for (unsigned i = 0; i < sizeof(feats) / sizeof(feats[0]); i++) {
        int hw = (getauxval(feats[i].word == 1 ? AT_HWCAP : AT_HWCAP2) >> feats[i].bit) & 1;
        int id = (int)((id_reg(feats[i].reg) >> feats[i].shift) & 15) >= feats[i].min;
        stub[0] = feats[i].insn;
        stub[1] = 0xd65f03c0; /* ret */
        __builtin___clear_cache((char *)stub, (char *)(stub + 2));
        ill = 0;
        run(scratch);
        int works = !ill;
        if (hw == id && hw == works) {
            printf("%s: consistent\n", feats[i].name);
        } else {
            printf("%s: INCONSISTENT hwcap=%d idreg=%d executes=%d\n", feats[i].name, hw, id,
                   works);
            bad = 1;
        }
    }
    return bad;
}
