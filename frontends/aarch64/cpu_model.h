/*
 * AArch64 CPU models (-cpu): which optional architecture features a guest
 * sees, and everything derived from that one feature set: AT_HWCAP /
 * AT_HWCAP2, the ID registers EL0 reads with MRS (the sanitised view Linux
 * emulates), MIDR_EL1 and the /proc/cpuinfo text.  The decoders ask
 * a64_have() before accepting an instruction of an optional feature, so an
 * instruction the selected model lacks raises SIGILL.
 *
 * The model is chosen per process (Options.cpu_model, default "max") and
 * bound to each CPU state at reset; `max` is exactly what ferry implements.
 */
#ifndef FERRY_FRONTENDS_AARCH64_CPU_MODEL_H
#define FERRY_FRONTENDS_AARCH64_CPU_MODEL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "frontends/aarch64/cpu.h"

/* Optional features (Arm ARM FEAT_* names), bit numbers of A64CpuModel.features. */
typedef enum A64Feature {
    A64_FEAT_AES,     /* AESE AESD AESMC AESIMC */
    A64_FEAT_PMULL,   /* PMULL/PMULL2 with 64-bit elements */
    A64_FEAT_SHA1,    /* SHA1C/P/M/H/SU0/SU1 */
    A64_FEAT_SHA256,  /* SHA256H/H2/SU0/SU1 */
    A64_FEAT_SHA512,  /* SHA512H/H2/SU0/SU1 */
    A64_FEAT_SHA3,    /* EOR3 RAX1 XAR BCAX */
    A64_FEAT_SM3,     /* SM3SS1 SM3TT* SM3PARTW* */
    A64_FEAT_SM4,     /* SM4E SM4EKEY */
    A64_FEAT_CRC32,   /* CRC32* CRC32C* */
    A64_FEAT_LSE,     /* atomics, CAS, CASP */
    A64_FEAT_FP16,    /* half-precision arithmetic (scalar and vector) */
    A64_FEAT_RDM,     /* SQRDMLAH SQRDMLSH */
    A64_FEAT_FHM,     /* FMLAL FMLSL FMLAL2 FMLSL2 */
    A64_FEAT_DOTPROD, /* SDOT UDOT */
    A64_FEAT_LRCPC,   /* LDAPR */
    A64_FEAT_LRCPC2,  /* LDAPUR STLUR */
    A64_FEAT_DPB,     /* DC CVAP */
    A64_FEAT_DPB2,    /* DC CVADP */
    A64_FEAT_JSCVT,   /* FJCVTZS */
    A64_FEAT_FCMA,    /* FCMLA FCADD */
    A64_FEAT_FLAGM,   /* CFINV RMIF SETF8 SETF16 */
    A64_FEAT_FLAGM2,  /* AXFLAG XAFLAG */
    A64_FEAT_FRINTTS, /* FRINT32Z/X FRINT64Z/X */
    A64_FEAT_SB,      /* SB */
    A64_FEAT_RNG,     /* RNDR RNDRRS */
    A64_FEAT_I8MM,    /* SMMLA UMMLA USMMLA USDOT SUDOT */
    A64_FEAT_BF16,    /* BFCVT BFCVTN BFDOT BFMMLA BFMLAL */
    A64_FEAT_BTI,     /* BTI landing pads (hint space: execute as NOP) */
    A64_FEAT_SSBS,    /* PSTATE.SSBS */
    A64_FEAT_DIT,     /* PSTATE.DIT */
    A64_FEAT_PAUTH,   /* pointer authentication */
    A64_FEAT_SVE,     /* scalable vectors */
    A64_NFEATURES
} A64Feature;

#define A64_F(f) (1ull << A64_FEAT_##f)

typedef struct A64CpuModel {
    const char *name;
    uint32_t midr;     /* MIDR_EL1: implementer, variant, architecture, part, revision */
    uint64_t features; /* A64_F() bits, already limited to what ferry implements */
} A64CpuModel;

/* The model called `name`, which may be followed by ",properties" (NULL: the default, "max");
 * NULL when unknown. */
const A64CpuModel *a64_cpu_model_find(const char *name);
/* The model bound to cpu; "max" for a CPU that was never reset (unit tests). */
const A64CpuModel *a64_cpu_model(const CPUCommon *cpu);
/* Model names for -cpu help, NULL-terminated. */
extern const char *const a64_cpu_model_names[];
/* qemu CPU properties accepted (and without effect) after the model name: they only tune or
 * turn off features no ferry model has (GuestArch.cpu_props). */
extern const char *const a64_cpu_props[];

/* True when the CPU the translation is for has feature f. */
static inline bool a64_cpu_has(const CPUCommon *cpu, A64Feature f)
{
    return a64_cpu_model(cpu)->features >> f & 1;
}

/* AT_HWCAP (which = 1) or AT_HWCAP2 (which = 2) of the model. */
uint64_t a64_model_hwcap(const A64CpuModel *m, int which);
/* The value EL0 reads with MRS from system register op0=3 op1:CRn:CRm:op2, when it is one of
 * the constant or ID registers; *known = false (and 0) for any other register. */
uint64_t a64_model_id_reg(const A64CpuModel *m, int op1, int crn, int crm, int op2, bool *known);
/* False when insn belongs to an optional feature the model lacks, among the encodings the
 * base decoders (trans_dp/ldst/branch/simd.c) accept: LSE, RCpc, SB, DC CVAP... */
bool a64_model_allows(const A64CpuModel *m, uint32_t insn);
/* /proc/cpuinfo as Linux prints it for `ncpus` identical cores of the model. */
void a64_model_cpuinfo(const A64CpuModel *m, int ncpus, FILE *out);

#endif
