/*
 * The AArch64 CPU model table and what is derived from a model's feature
 * set: HWCAPs, the EL0 view of the ID registers and /proc/cpuinfo.  Field
 * positions are those of the Arm ARM (DDI 0487) register descriptions; the
 * HWCAP bits and cpuinfo names are Linux's (arch/arm64 uapi hwcap.h), so a
 * guest's getauxval(), MRS probes and cpuinfo parsers agree with each other.
 */
#include "frontends/aarch64/cpu_model.h"

#include <stddef.h>
#include <string.h>

#include "frontends/aarch64/helper_dp.h"

/* Features ferry implements; models never advertise anything else. */
#define A64_IMPLEMENTED                                                                            \
    (A64_F(AES) | A64_F(PMULL) | A64_F(SHA1) | A64_F(SHA256) | A64_F(SHA512) | A64_F(SHA3) |       \
     A64_F(SM3) | A64_F(SM4) | A64_F(CRC32) | A64_F(LSE) | A64_F(LRCPC) | A64_F(LRCPC2) |          \
     A64_F(DPB) | A64_F(DPB2) | A64_F(SB) | A64_F(DOTPROD) | A64_F(I8MM) | A64_F(FP16) |           \
     A64_F(RDM) | A64_F(BF16) | A64_F(FHM) | A64_F(SSBS) | A64_F(DIT) | A64_F(FCMA) |              \
     A64_F(FRINTTS) | A64_F(JSCVT) | A64_F(FLAGM) | A64_F(FLAGM2) | A64_F(RNG))

#define A64_V80_CRYPTO (A64_F(AES) | A64_F(PMULL) | A64_F(SHA1) | A64_F(SHA256) | A64_F(CRC32))
/* Armv8.2 cores of the Cortex-A76 generation. */
#define A64_V82_A76                                                                                \
    (A64_V80_CRYPTO | A64_F(LSE) | A64_F(FP16) | A64_F(RDM) | A64_F(DOTPROD) | A64_F(LRCPC) |      \
     A64_F(DPB) | A64_F(SSBS))

/* A model's features as far as ferry implements them. */
#define MODEL_FEATURES(f) ((f)&A64_IMPLEMENTED)

/* Sorted by name, as -cpu help lists them (a64_cpu_model_names). */
static const A64CpuModel a64_models[] = {
    {"cortex-a35", 0x410fd040, MODEL_FEATURES(A64_V80_CRYPTO)},
    {"cortex-a53", 0x410fd034, MODEL_FEATURES(A64_V80_CRYPTO)},
    {"cortex-a55", 0x412fd050, MODEL_FEATURES(A64_V82_A76 & ~A64_F(SSBS))},
    {"cortex-a57", 0x411fd070, MODEL_FEATURES(A64_V80_CRYPTO)},
    {"cortex-a72", 0x410fd083, MODEL_FEATURES(A64_V80_CRYPTO)},
    {"cortex-a76", 0x414fd0b1, MODEL_FEATURES(A64_V82_A76)},
    {"max", 0x000f0510, A64_IMPLEMENTED},
    {"neoverse-n1", 0x414fd0c1, MODEL_FEATURES(A64_V82_A76)},
};
#define A64_NMODELS (sizeof(a64_models) / sizeof(a64_models[0]))

const char *const a64_cpu_model_names[] = {
    "cortex-a35", "cortex-a53", "cortex-a55",  "cortex-a57", "cortex-a72",
    "cortex-a76", "max",        "neoverse-n1", NULL,
};

const char *const a64_cpu_props[] = {
    "pauth=off", "pauth-impdef", "pauth-qarma3", "sve=off", "sme=off", "mte=off", "lpa2=off", NULL,
};

const A64CpuModel *a64_cpu_model_find(const char *name)
{
    if (!name)
        name = "max";
    size_t len = strcspn(name, ",");
    for (size_t i = 0; i < A64_NMODELS; i++)
        if (strlen(a64_models[i].name) == len && !strncmp(a64_models[i].name, name, len))
            return &a64_models[i];
    return NULL;
}

const A64CpuModel *a64_cpu_model(const CPUCommon *cpu)
{
    const A64CpuModel *m = ((const A64CPU *)cpu)->model;
    return m ? m : a64_cpu_model_find(NULL);
}

/* ---- HWCAPs and cpuinfo names ---- */

/* Linux's names of the AT_HWCAP bits, then of the AT_HWCAP2 bits (cpuinfo "Features"). */
static const char *const hwcap_names[2][32] = {
    {"fp",      "asimd", "evtstrm", "aes",   "pmull",    "sha1",   "sha2", "crc32",
     "atomics", "fphp",  "asimdhp", "cpuid", "asimdrdm", "jscvt",  "fcma", "lrcpc",
     "dcpop",   "sha3",  "sm3",     "sm4",   "asimddp",  "sha512", "sve",  "asimdfhm",
     "dit",     "uscat", "ilrcpc",  "flagm", "ssbs",     "sb",     "paca", "pacg"},
    {"dcpodp", "sve2", "sveaes", "svepmull", "svebitperm", "svesha3", "svesm4", "flagm2", "frint",
     "svei8mm", "svef32mm", "svef64mm", "svebf16", "i8mm", "bf16", "dgh", "rng", "bti"},
};

/* Feature -> HWCAP word (1 or 2) and bit; a feature may set several bits. */
static const struct {
    A64Feature feat;
    uint8_t word, bit;
} hwcap_map[] = {
    {A64_FEAT_AES, 1, 3},     {A64_FEAT_PMULL, 1, 4},    {A64_FEAT_SHA1, 1, 5},
    {A64_FEAT_SHA256, 1, 6},  {A64_FEAT_CRC32, 1, 7},    {A64_FEAT_LSE, 1, 8},
    {A64_FEAT_FP16, 1, 9},    {A64_FEAT_FP16, 1, 10},    {A64_FEAT_RDM, 1, 12},
    {A64_FEAT_JSCVT, 1, 13},  {A64_FEAT_FCMA, 1, 14},    {A64_FEAT_LRCPC, 1, 15},
    {A64_FEAT_DPB, 1, 16},    {A64_FEAT_SHA3, 1, 17},    {A64_FEAT_SM3, 1, 18},
    {A64_FEAT_SM4, 1, 19},    {A64_FEAT_DOTPROD, 1, 20}, {A64_FEAT_SHA512, 1, 21},
    {A64_FEAT_SVE, 1, 22},    {A64_FEAT_FHM, 1, 23},     {A64_FEAT_DIT, 1, 24},
    {A64_FEAT_LRCPC2, 1, 26}, {A64_FEAT_FLAGM, 1, 27},   {A64_FEAT_SSBS, 1, 28},
    {A64_FEAT_SB, 1, 29},     {A64_FEAT_PAUTH, 1, 30},   {A64_FEAT_PAUTH, 1, 31},
    {A64_FEAT_DPB2, 2, 0},    {A64_FEAT_FLAGM2, 2, 7},   {A64_FEAT_FRINTTS, 2, 8},
    {A64_FEAT_I8MM, 2, 13},   {A64_FEAT_BF16, 2, 14},    {A64_FEAT_RNG, 2, 16},
    {A64_FEAT_BTI, 2, 17},
};

uint64_t a64_model_hwcap(const A64CpuModel *m, int which)
{
    /* FP, ASIMD and CPUID (MRS emulation of the ID registers) are always there. */
    uint64_t v = which == 1 ? (1u << 0 | 1u << 1 | 1u << 11) : 0;
    for (size_t i = 0; i < sizeof(hwcap_map) / sizeof(hwcap_map[0]); i++)
        if (hwcap_map[i].word == which && (m->features >> hwcap_map[i].feat & 1))
            v |= 1ull << hwcap_map[i].bit;
    return v;
}

void a64_model_cpuinfo(const A64CpuModel *m, int ncpus, FILE *out)
{
    for (int cpu = 0; cpu < ncpus; cpu++) {
        fprintf(out, "processor\t: %d\nBogoMIPS\t: 2000.00\nFeatures\t:", cpu);
        for (int w = 0; w < 2; w++) {
            uint64_t caps = a64_model_hwcap(m, w + 1);
            for (int b = 0; b < 32; b++)
                if ((caps >> b & 1) && hwcap_names[w][b])
                    fprintf(out, " %s", hwcap_names[w][b]);
        }
        fprintf(out,
                "\nCPU implementer\t: 0x%02x\nCPU architecture: 8\nCPU variant\t: 0x%x\n"
                "CPU part\t: 0x%03x\nCPU revision\t: %u\n\n",
                m->midr >> 24, (m->midr >> 20) & 15, (m->midr >> 4) & 0xfff, m->midr & 15);
    }
}

/* ---- ID registers ---- */

static uint64_t field(const A64CpuModel *m, A64Feature f, int shift, uint64_t val)
{
    return (m->features >> f & 1) ? val << shift : 0;
}

/* ID_AA64ISAR0_EL1: AES 7:4, SHA1 11:8, SHA2 15:12, CRC32 19:16, Atomic 23:20, RDM 31:28,
 * SHA3 35:32, SM3 39:36, SM4 43:40, DP 47:44, FHM 51:48, TS 55:52, RNDR 63:60. */
static uint64_t isar0(const A64CpuModel *m)
{
    uint64_t v = field(m, A64_FEAT_AES, 4, 1) | field(m, A64_FEAT_SHA1, 8, 1) |
                 field(m, A64_FEAT_SHA256, 12, 1) | field(m, A64_FEAT_CRC32, 16, 1) |
                 field(m, A64_FEAT_LSE, 20, 2) | field(m, A64_FEAT_RDM, 28, 1) |
                 field(m, A64_FEAT_SHA3, 32, 1) | field(m, A64_FEAT_SM3, 36, 1) |
                 field(m, A64_FEAT_SM4, 40, 1) | field(m, A64_FEAT_DOTPROD, 44, 1) |
                 field(m, A64_FEAT_FHM, 48, 1) | field(m, A64_FEAT_FLAGM, 52, 1) |
                 field(m, A64_FEAT_RNG, 60, 1);
    if (m->features & A64_F(PMULL))
        v += 1ull << 4; /* AES = 2: AES and PMULL */
    if (m->features & A64_F(SHA512))
        v += 1ull << 12; /* SHA2 = 2: SHA256 and SHA512 */
    if (m->features & A64_F(FLAGM2))
        v += 1ull << 52; /* TS = 2: FlagM2 */
    return v;
}

/* ID_AA64ISAR1_EL1: DPB 3:0, JSCVT 15:12, FCMA 19:16, LRCPC 23:20, FRINTTS 35:32, SB 39:36,
 * BF16 47:44, I8MM 55:52. */
static uint64_t isar1(const A64CpuModel *m)
{
    uint64_t v = field(m, A64_FEAT_DPB, 0, 1) | field(m, A64_FEAT_JSCVT, 12, 1) |
                 field(m, A64_FEAT_FCMA, 16, 1) | field(m, A64_FEAT_LRCPC, 20, 1) |
                 field(m, A64_FEAT_FRINTTS, 32, 1) | field(m, A64_FEAT_SB, 36, 1) |
                 field(m, A64_FEAT_BF16, 44, 1) | field(m, A64_FEAT_I8MM, 52, 1);
    if (m->features & A64_F(LRCPC2))
        v += 1ull << 20; /* LRCPC = 2: LDAPUR/STLUR */
    if (m->features & A64_F(DPB2))
        v += 1; /* DPB = 2: DC CVADP */
    return v;
}

/* ID_AA64PFR0_EL1 as Linux shows it: EL0 = EL1 = 1 (AArch64 only), FP 19:16 and AdvSIMD 23:20
 * (1 with half precision), SVE 35:32, DIT 51:48.  ID_AA64PFR1_EL1: BT 3:0, SSBS 7:4. */
static uint64_t pfr(const A64CpuModel *m, int n)
{
    if (n == 1)
        return field(m, A64_FEAT_BTI, 0, 1) | field(m, A64_FEAT_SSBS, 4, 2);
    return 0x11 | field(m, A64_FEAT_FP16, 16, 1) | field(m, A64_FEAT_FP16, 20, 1) |
           field(m, A64_FEAT_SVE, 32, 1) | field(m, A64_FEAT_DIT, 48, 1);
}

/* ID_AA64* registers (op1=0, CRn=0, CRm=4..7); the others in that space read as zero. */
static uint64_t id_aa64(const A64CpuModel *m, int crm, int op2)
{
    switch (crm << 3 | op2) {
    case 4 << 3 | 0:
        return pfr(m, 0);
    case 4 << 3 | 1:
        return pfr(m, 1);
    case 6 << 3 | 0:
        return isar0(m);
    case 6 << 3 | 1:
        return isar1(m);
    default: /* ISAR2, ZFR0 (no SVE), MMFR*, DFR*, AFR*: zero in Linux's EL0 view */
        return 0;
    }
}

uint64_t a64_model_id_reg(const A64CpuModel *m, int op1, int crn, int crm, int op2, bool *known)
{
    *known = true;
    if (op1 == 3 && crn == 0 && crm == 0 && op2 == 1)
        return 0x8444c004; /* CTR_EL0: 64-byte I/D lines, PIPT I-cache, CWG = ERG = 64 */
    if (op1 == 3 && crn == 0 && crm == 0 && op2 == 7)
        return 4; /* DCZID_EL0: DC ZVA allowed, 64-byte blocks */
    if (op1 == 3 && crn == 14 && crm == 0 && op2 == 0)
        return A64_CNTFRQ; /* CNTFRQ_EL0 */
    if (op1 == 0 && crn == 0 && crm >= 4 && crm <= 7)
        return id_aa64(m, crm, op2);
    if (op1 == 0 && crn == 0 && crm == 0) {
        if (op2 == 0)
            return m->midr; /* MIDR_EL1 */
        if (op2 == 5)
            return 0x80000000; /* MPIDR_EL1: as Linux reports it (RES1 bit only) */
        if (op2 == 6)
            return 0; /* REVIDR_EL1 */
    }
    *known = false;
    return 0;
}

/* ---- optional encodings inside the base decoders ---- */

bool a64_model_allows(const A64CpuModel *m, uint32_t insn)
{
    enum { BASE = -1 }; /* always allowed */
    static const struct {
        uint32_t mask, value;
        int feat; /* A64Feature or BASE */
    } gates[] = {
        {0x3fbffc00, 0x38bfc000, A64_FEAT_LRCPC},  /* LDAPR (before the LSE group it sits in) */
        {0x3f200c00, 0x38200000, A64_FEAT_LSE},    /* LDADD..LDUMIN, SWP */
        {0x3fa07c00, 0x08a07c00, A64_FEAT_LSE},    /* CAS */
        {0xbfa07c00, 0x08207c00, A64_FEAT_LSE},    /* CASP */
        {0x3f200c00, 0x19000000, A64_FEAT_LRCPC2}, /* LDAPUR*, STLUR* */
        {0xffffffff, 0xd50330ff, A64_FEAT_SB},     /* SB */
        {0xffffffe0, 0xd50b7c20, A64_FEAT_DPB},    /* DC CVAP */
        {0xffffffe0, 0xd50b7d20, A64_FEAT_DPB2},   /* DC CVADP */
        /* scalar FP with type = 11 (half): FCVT to single/double is base FP, the rest FP16 */
        {0xffff7c00, 0x1ee24000, BASE},          /* FCVT Sd/Dd, Hn */
        {0x7fe00000, 0x1ee00000, A64_FEAT_FP16}, /* 1-/2-source, compare, select, int conversions */
        {0x7fe00000, 0x1ec00000, A64_FEAT_FP16}, /* fixed-point conversions */
        {0xffc00000, 0x1fc00000, A64_FEAT_FP16}, /* 3-source */
    };
    enum { NGATES = sizeof(gates) / sizeof(gates[0]) };
    /* A model with every gated feature (the default, max) allows everything: the mask of those
     * features is found once, so that the common case costs no table walk per instruction. */
    static uint64_t gated; /* 0: not computed yet; racing threads store the same value */
    uint64_t need = __atomic_load_n(&gated, __ATOMIC_RELAXED);
    if (!need) {
        need = 1ull << 63; /* no A64Feature: marks the mask computed */
        for (size_t i = 0; i < NGATES; i++)
            if (gates[i].feat >= 0)
                need |= 1ull << gates[i].feat;
        __atomic_store_n(&gated, need, __ATOMIC_RELAXED);
    }
    if (((m->features | 1ull << 63) & need) == need)
        return true;
    for (size_t i = 0; i < NGATES; i++)
        if ((insn & gates[i].mask) == gates[i].value)
            return gates[i].feat == BASE ||
                   (gates[i].feat >= 0 && (m->features >> gates[i].feat & 1));
    return true;
}
