/*
 * Scalar FP instruction helpers (FP data processing 1/2/3 source, compares,
 * conversions to and from general registers): unpack the descriptor, read the
 * operands from the V registers and run the a64_fp_* operations of helper_fp.c
 * inside an a64_fp_begin / a64_fp_end bracket.
 */
#pragma GCC optimize("rounding-math")
#include "frontends/aarch64/fp_internal.h"
#include "frontends/aarch64/helper_simd.h"

/* FP type field -> fsz (0 S, 1 D, 3 H). */
static int fp_type_fsz(int type)
{
    return type == 0 ? 2 : type == 1 ? 3 : 1;
}

static uint64_t fp_read(A64CPU *cpu, int fsz, int r)
{
    return cpu->v[r][0] & fp_width_mask(fsz);
}

static void fp_write(A64CPU *cpu, int fsz, int r, uint64_t v)
{
    cpu->v[r][0] = v & fp_width_mask(fsz);
    cpu->v[r][1] = 0;
}

uint64_t helper_fp_1src(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int fsz = fp_type_fsz(d.size);
    uint64_t a = fp_read(cpu, fsz, d.rn), r;
    switch (d.opc) {
    case 0: /* FMOV */
        r = a;
        break;
    case 1: /* FABS */
        r = a & ~fp_sign_bit[fsz];
        break;
    case 2: /* FNEG */
        r = a ^ fp_sign_bit[fsz];
        break;
    case 3: /* FSQRT */
        a64_fp_begin(cpu);
        r = a64_fp_sqrt(cpu, fsz, a);
        a64_fp_end(cpu);
        break;
    case 4:
    case 5:
    case 7: { /* FCVT to S, D, H */
        int to = fp_type_fsz(d.opc & 3);
        a64_fp_begin(cpu);
        r = a64_fp_convert(cpu, fsz, to, a);
        a64_fp_end(cpu);
        fp_write(cpu, to, d.rd, r);
        return 0;
    }
    case 8:
    case 9:
    case 10:
    case 11:
    case 12: /* FRINTN P M Z A */
        r = a64_fp_round_int(cpu, fsz, a, (A64FpRound)(d.opc - 8), false);
        break;
    case 14: /* FRINTX */
        r = a64_fp_round_int(cpu, fsz, a, A64_RND_CUR, true);
        break;
    default: /* FRINTI */
        r = a64_fp_round_int(cpu, fsz, a, A64_RND_CUR, false);
        break;
    }
    fp_write(cpu, fsz, d.rd, r);
    return 0;
}

static const A64FpOp fp_2src_ops[9] = {
    A64_FP_MUL, A64_FP_DIV,   A64_FP_ADD,   A64_FP_SUB,  A64_FP_MAX,
    A64_FP_MIN, A64_FP_MAXNM, A64_FP_MINNM, A64_FP_NMUL,
};

uint64_t helper_fp_2src(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int fsz = fp_type_fsz(d.size);
    a64_fp_begin(cpu);
    uint64_t r = a64_fp_binop(cpu, fp_2src_ops[d.opc], fsz, fp_read(cpu, fsz, d.rn),
                              fp_read(cpu, fsz, d.rm));
    a64_fp_end(cpu);
    fp_write(cpu, fsz, d.rd, r);
    return 0;
}

uint64_t helper_fp_3src(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int fsz = fp_type_fsz(d.size);
    uint64_t a = fp_read(cpu, fsz, d.ra), n = fp_read(cpu, fsz, d.rn);
    if (d.opc & 2) /* FNMADD, FNMSUB: negated addend */
        a ^= fp_sign_bit[fsz];
    if ((d.opc & 1) != (d.opc >> 1)) /* FMSUB, FNMADD: negated product */
        n ^= fp_sign_bit[fsz];
    a64_fp_begin(cpu);
    uint64_t r = a64_fp_muladd(cpu, fsz, a, n, fp_read(cpu, fsz, d.rm));
    a64_fp_end(cpu);
    fp_write(cpu, fsz, d.rd, r);
    return 0;
}

/* opc: bit 4 = signalling (FCMPE), bit 3 = compare with zero. */
uint64_t helper_fp_cmp(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int fsz = fp_type_fsz(d.size);
    uint64_t b = (d.opc & 8) ? 0 : fp_read(cpu, fsz, d.rm);
    return a64_fp_compare(cpu, fsz, fp_read(cpu, fsz, d.rn), b, d.opc & 16);
}

/* opc = op (1: FCCMPE), imm = nzcv used when the condition fails. */
uint64_t helper_fp_ccmp(CPUCommon *c, uint64_t desc, uint64_t cond)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int fsz = fp_type_fsz(d.size);
    if (!cond)
        return d.imm;
    return a64_fp_compare(cpu, fsz, fp_read(cpu, fsz, d.rn), fp_read(cpu, fsz, d.rm), d.opc);
}

/* opc = rmode:opcode (opcode bit 0: unsigned; rmode 0 with opcode 4/5: ties away). */
uint64_t helper_fp_to_int(CPUCommon *c, uint64_t desc)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int fsz = fp_type_fsz(d.size);
    int rmode = d.opc >> 3;
    A64FpRound rm = (d.opc & 4) ? A64_RND_A : (A64FpRound)rmode;
    return a64_fp_to_int(cpu, fsz, fp_read(cpu, fsz, d.rn), rm, d.opc & 1, d.imm, d.q ? 3 : 2);
}

/* u = unsigned, q = sf (64-bit source), imm = fbits. */
uint64_t helper_fp_from_int(CPUCommon *c, uint64_t desc, uint64_t value)
{
    A64CPU *cpu = a64_cpu(c);
    A64SimdDesc d = a64_simd_desc_unpack(desc);
    int fsz = fp_type_fsz(d.size);
    if (!d.q)
        value = d.u ? (uint32_t)value : (uint64_t)(int64_t)(int32_t)value;
    a64_fp_begin(cpu);
    uint64_t r = a64_fp_from_int(cpu, fsz, value, d.u, d.imm);
    a64_fp_end(cpu);
    fp_write(cpu, fsz, d.rd, r);
    return 0;
}
