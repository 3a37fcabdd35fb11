/*
 * The AArch64 translation loop and the small generators every trans_*.c
 * file shares: register access, block exits, exceptions and condition
 * codes over the flag representation of cpu.h.
 */
#include "frontends/aarch64/translate.h"

#include <string.h>
#include <sys/mman.h>

#include "frontends/aarch64/cpu_model.h"
#include "frontends/guest_arch.h"
#include "loader/process.h"

IrTemp a64_reg(DisasContext *s, int r)
{
    return r == 31 ? ir_const_i64(s->ir, 0) : a64_g.x[r];
}

IrTemp a64_reg_sp(DisasContext *s, int r)
{
    return a64_g.x[r];
}

void a64_set_reg_sp(DisasContext *s, int r, IrTemp v, bool sf)
{
    if (sf)
        ir_gen_mov(s->ir, IR_I64, a64_g.x[r], v);
    else
        ir_gen_unop(s->ir, IR_OP_ext32u, IR_I64, a64_g.x[r], v);
}

void a64_set_reg(DisasContext *s, int r, IrTemp v, bool sf)
{
    if (r != 31)
        a64_set_reg_sp(s, r, v, sf);
}

/* How an instruction uses NZCV, for the successor scan below. */
typedef enum A64FlagUse { FLAGS_NONE, FLAGS_WRITE, FLAGS_READ_OR_UNKNOWN } A64FlagUse;

/* SIMD and FP data processing: only the scalar FP compares (FCMP/FCMPE write NZCV, FCCMP and
 * FCSEL read it) and FJCVTZS (writes it) touch the flags; other classes of the scalar FP group
 * (bits 31-24 = 0x1e) are treated as unknown. */
static A64FlagUse fp_flag_use(uint32_t insn)
{
    if ((insn & 0xff000000) != 0x1e000000)
        return FLAGS_NONE; /* vector, scalar AdvSIMD, FMADD group (0x1f), crypto */
    if ((insn & 0xff20fc07) == 0x1e202000)
        return FLAGS_WRITE; /* FCMP, FCMPE (register or zero) */
    if ((insn & 0xfffffc00) == 0x1e7e0000)
        return FLAGS_WRITE; /* FJCVTZS */
    if ((insn & 0xff200c00) == 0x1e200800)
        return FLAGS_NONE; /* 2-source */
    if ((insn & 0xff207c00) == 0x1e204000)
        return FLAGS_NONE; /* 1-source */
    if ((insn & 0xff201c00) == 0x1e201000)
        return FLAGS_NONE; /* FMOV (immediate) */
    if ((insn & 0xff20fc00) == 0x1e200000)
        return FLAGS_NONE;        /* conversions between FP and integer (FJCVTZS above) */
    return FLAGS_READ_OR_UNKNOWN; /* FCCMP, FCSEL, fixed-point conversions */
}

static A64FlagUse insn_flag_use(uint32_t insn)
{
    if ((insn & 0x0a000000) == 0x08000000) /* loads and stores */
        return FLAGS_NONE;
    if ((insn & 0x1c000000) == 0x10000000) {   /* data processing, immediate */
        if ((insn & 0x3f800000) == 0x31000000) /* ADDS/SUBS (immediate) */
            return FLAGS_WRITE;
        if ((insn & 0x7f800000) == 0x72000000) /* ANDS (immediate) */
            return FLAGS_WRITE;
        return FLAGS_NONE;
    }
    if ((insn & 0x0e000000) == 0x0a000000) { /* data processing, register */
        if (!(insn & 0x10000000)) {          /* logical / add-sub, shifted or extended register */
            bool sets = (insn & 0x01000000) ? (insn & 0x20000000) != 0           /* ADDS/SUBS */
                                            : (insn & 0x60000000) == 0x60000000; /* ANDS/BICS */
            return sets ? FLAGS_WRITE : FLAGS_NONE;
        }
        if ((insn & 0x1fe00000) == 0x1ac00000 || (insn & 0x1f000000) == 0x1b000000)
            return FLAGS_NONE; /* 1-/2-source, 3-source (multiply) */
    }
    if ((insn & 0x0e000000) == 0x0e000000) /* SIMD and FP data processing */
        return fp_flag_use(insn);
    return FLAGS_READ_OR_UNKNOWN; /* branches, system, flag readers */
}

/*
 * True when every path from guest pc `dest` writes NZCV before reading it
 * (checked over a straight run of instructions), so the flags need not be
 * kept for it.  Interrupted at a fault, the guest re-executes from the
 * faulting instruction and still writes NZCV before reading it.
 */
static bool fetch(CPUCommon *cpu, uint64_t pc, const uint8_t **page, uint32_t *insn);

static bool flags_dead_at(DisasContext *s, uint64_t dest)
{
    /* host address of the page of dest + 4 * i, checked once (the TB's page already was) */
    const uint8_t *page = !((dest ^ s->ir->guest_pc) & GUEST_PAGE_MASK) ? s->page : NULL;
    for (int i = 0; i < 32; i++) {
        uint32_t insn;
        uint64_t pc = dest + 4 * i;
        if (i && !(pc & (GUEST_PAGE_SIZE - 1)))
            page = NULL;
        if (!fetch(s->cpu, pc, &page, &insn))
            return false;
        switch (insn_flag_use(insn)) {
        case FLAGS_WRITE:
            return true;
        case FLAGS_READ_OR_UNKNOWN:
            return false;
        default:
            break;
        }
    }
    return false;
}

void a64_gen_goto(DisasContext *s, int slot, uint64_t dest)
{
    if (flags_dead_at(s, dest)) {
        ir_gen_discard(s->ir, a64_g.nf);
        ir_gen_discard(s->ir, a64_g.zf);
        ir_gen_discard(s->ir, a64_g.cf);
        ir_gen_discard(s->ir, a64_g.vf);
    }
    ir_gen_movi(s->ir, IR_I64, a64_g.pc, dest);
    ir_gen_goto_tb(s->ir, slot);
}

void a64_gen_jump_reg(DisasContext *s, IrTemp dest)
{
    ir_gen_mov(s->ir, IR_I64, a64_g.pc, dest);
    ir_gen_lookup_and_goto(s->ir);
}

void a64_gen_exception(DisasContext *s, int excp, uint64_t pc)
{
    ir_gen_movi(s->ir, IR_I64, a64_g.pc, pc);
    ir_gen_exit_tb(s->ir, IR_EXIT_EXCP + excp);
    s->is_jmp = DISAS_NORETURN;
}

bool a64_unallocated(DisasContext *s)
{
    Process *p = s->cpu->proc;
    if (p && (p->opts.log_mask & LOG_UNIMP))
        fprintf(p->log ? p->log : stderr,
                "ferry: unallocated or unimplemented A64 insn "
                "0x%08x at 0x%llx\n",
                s->insn, (unsigned long long)s->pc);
    a64_gen_exception(s, A64_EXCP_UDEF, s->pc);
    return true;
}

void a64_note_cc(DisasContext *s, bool logic, IrTemp a, IrTemp b, bool sf)
{
    A64LastCc *l = &s->last_cc;
    l->pc = s->pc;
    l->logic = logic;
    l->sf = sf;
    l->a = ir_new_temp(s->ir, IR_I64);
    ir_gen_mov(s->ir, IR_I64, l->a, a);
    l->b = IR_TEMP_NONE;
    if (!logic) {
        l->b = ir_new_temp(s->ir, IR_I64);
        ir_gen_mov(s->ir, IR_I64, l->b, b);
    }
}

/* The operand of a 32-bit compare widened for an I64 comparison of kind c. */
static IrTemp cc_operand(DisasContext *s, IrTemp v, IrCond c)
{
    if (s->last_cc.sf)
        return v;
    bool sign = c == IR_COND_LT || c == IR_COND_GE || c == IR_COND_LE || c == IR_COND_GT;
    IrTemp t = ir_new_temp(s->ir, IR_I64);
    ir_gen_unop(s->ir, sign ? IR_OP_ext32s : IR_OP_ext32u, IR_I64, t, v);
    return t;
}

/*
 * Condition `cond` as a comparison of the operands of the previous
 * instruction's compare; false when that is not possible.
 */
static bool cond_from_last_cc(DisasContext *s, int cond, IrTemp *a, IrTemp *b, IrCond *c)
{
    static const IrCond sub_cond[16] = {
        IR_COND_EQ,    IR_COND_NE,    IR_COND_GEU,    IR_COND_LTU,    IR_COND_NEVER, IR_COND_NEVER,
        IR_COND_NEVER, IR_COND_NEVER, IR_COND_GTU,    IR_COND_LEU,    IR_COND_GE,    IR_COND_LT,
        IR_COND_GT,    IR_COND_LE,    IR_COND_ALWAYS, IR_COND_ALWAYS,
    };
    static const IrCond logic_cond[16] = {
        IR_COND_EQ,    IR_COND_NE,     IR_COND_NEVER,  IR_COND_ALWAYS, IR_COND_LT, IR_COND_GE,
        IR_COND_NEVER, IR_COND_ALWAYS, IR_COND_NEVER,  IR_COND_ALWAYS, IR_COND_GE, IR_COND_LT,
        IR_COND_GT,    IR_COND_LE,     IR_COND_ALWAYS, IR_COND_ALWAYS,
    };
    const A64LastCc *l = &s->last_cc;
    if (!l->pc || l->pc + 4 != s->pc)
        return false;
    if (l->logic) {
        *c = logic_cond[cond];
        *a = cc_operand(s, l->a, IR_COND_LT); /* sign-extend: N is bit 31 */
        *b = ir_const_i64(s->ir, 0);
        return true;
    }
    *c = sub_cond[cond];
    if (*c == IR_COND_NEVER && cond < 8)
        return false; /* MI PL VS VC: from the flags */
    *a = cc_operand(s, l->a, *c);
    *b = cc_operand(s, l->b, *c);
    return true;
}

/*
 * Reduces A64 condition `cond` (0-13; 14/15 are "always") to a comparison
 * of two I64 temps: *a tested with *c against *b.
 */
static void cond_test(DisasContext *s, int cond, IrTemp *a, IrTemp *b, IrCond *c)
{
    IrContext *ir = s->ir;
    IrTemp t;
    if (cond_from_last_cc(s, cond, a, b, c))
        return;
    *b = ir_const_i64(ir, 0);
    bool inv = cond & 1;
    switch (cond >> 1) {
    case 0: /* EQ: Z */
        *a = a64_g.zf;
        *c = IR_COND_EQ;
        break;
    case 1: /* CS: C */
        *a = a64_g.cf;
        *c = IR_COND_NE;
        break;
    case 2: /* MI: N */
        *a = a64_g.nf;
        *c = IR_COND_LT;
        break;
    case 3: /* VS: V */
        *a = a64_g.vf;
        *c = IR_COND_LT;
        break;
    case 4: /* HI: C && !Z */
        t = ir_new_temp(ir, IR_I64);
        ir_gen_unop(ir, IR_OP_neg, IR_I64, t, a64_g.cf);
        ir_gen_binop(ir, IR_OP_and, IR_I64, t, t, a64_g.zf);
        *a = t;
        *c = IR_COND_NE;
        break;
    case 5: /* GE: N == V */
        t = ir_new_temp(ir, IR_I64);
        ir_gen_binop(ir, IR_OP_xor, IR_I64, t, a64_g.nf, a64_g.vf);
        *a = t;
        *c = IR_COND_GE;
        break;
    case 6: /* GT: !Z && N == V */
        t = ir_new_temp(ir, IR_I64);
        ir_gen_binop(ir, IR_OP_xor, IR_I64, t, a64_g.nf, a64_g.vf);
        ir_gen_binopi(ir, IR_OP_sar, IR_I64, t, t, 63);
        ir_gen_binop(ir, IR_OP_andc, IR_I64, t, a64_g.zf, t);
        *a = t;
        *c = IR_COND_NE;
        break;
    default: /* AL, NV */
        *a = ir_const_i64(ir, 0);
        *c = IR_COND_ALWAYS;
        return;
    }
    if (inv)
        *c = ir_cond_invert(*c);
}

void a64_gen_brcond(DisasContext *s, int cond, uint32_t label)
{
    IrTemp a, b;
    IrCond c;
    cond_test(s, cond, &a, &b, &c);
    if (c == IR_COND_ALWAYS)
        ir_gen_br(s->ir, label);
    else if (c != IR_COND_NEVER)
        ir_gen_brcond(s->ir, IR_I64, c, a, b, label);
}

IrTemp a64_gen_cond_value(DisasContext *s, int cond)
{
    IrTemp a, b, r = ir_new_temp(s->ir, IR_I64);
    IrCond c;
    cond_test(s, cond, &a, &b, &c);
    if (c == IR_COND_ALWAYS || c == IR_COND_NEVER)
        ir_gen_movi(s->ir, IR_I64, r, c == IR_COND_ALWAYS);
    else
        ir_gen_setcond(s->ir, IR_I64, c, r, a, b);
    return r;
}

/*
 * Reads the instruction word at pc; false when it is not mapped readable and executable.
 * A block stays in the page of its first instruction (a64_translate stops at the page end),
 * so the page is checked on the first fetch only: *page is its host address, NULL before.
 */
static bool fetch(CPUCommon *cpu, uint64_t pc, const uint8_t **page, uint32_t *insn)
{
    uint64_t off = pc & (GUEST_PAGE_SIZE - 1);
    if (off > GUEST_PAGE_SIZE - 4) { /* a misaligned pc whose word crosses the page end */
        GuestMem *m = &cpu->proc->mem;
        return gmem_check(m, pc, 4, PROT_EXEC) && gmem_read(m, insn, pc, 4) == 0;
    }
    if (!*page)
        *page =
            gmem_ptr(&cpu->proc->mem, pc & GUEST_PAGE_MASK, GUEST_PAGE_SIZE, PROT_READ | PROT_EXEC);
    if (!*page)
        return false;
    memcpy(insn, *page + off, 4);
    return true;
}

/* Offers insn to the decoders, base ISA first; false when it is unallocated for the CPU model. */
static bool decode_insn(DisasContext *s, uint32_t insn)
{
    if (!a64_model_allows(a64_cpu_model(s->cpu), insn))
        return false;
    return a64_decode_dp(s, insn) || a64_decode_ldst(s, insn) || a64_decode_simd(s, insn) ||
           a64_decode_crypto(s, insn) || a64_decode_ext(s, insn) || a64_decode_fp16(s, insn);
}

void a64_translate(IrContext *ctx, CPUCommon *cpu, const ArchTranslateOpts *o)
{
    DisasContext s = {.ir = ctx, .cpu = cpu};
    uint64_t pc = ctx->guest_pc;
    uint32_t n = 0;
    for (;;) {
        s.pc = pc;
        s.next_pc = pc + 4;
        s.is_jmp = DISAS_NEXT;
        uint32_t insn;
        if (!fetch(cpu, pc, &s.page, &insn)) {
            if (n == 0) {
                ir_gen_insn_start(ctx, pc);
                a64_gen_exception(&s, A64_EXCP_FETCH, pc);
            } else {
                s.is_jmp = DISAS_TOO_MANY;
            }
            break;
        }
        ir_gen_insn_start(ctx, pc);
        s.insn = insn;
        if ((pc & 3) || !decode_insn(&s, insn))
            a64_unallocated(&s);
        n += (uint32_t)((s.next_pc - pc) / 4); /* a handler may fuse the next words */
        pc = s.next_pc;
        if (s.is_jmp != DISAS_NEXT)
            break;
        if ((int)n >= o->max_insns || (pc & (GUEST_PAGE_SIZE - 1)) == 0) {
            s.is_jmp = DISAS_TOO_MANY;
            break;
        }
    }
    if (s.is_jmp != DISAS_NORETURN)
        a64_gen_goto(&s, 0, pc);
    ctx->guest_size = (uint32_t)(pc - ctx->guest_pc);
    if (ctx->guest_size == 0)
        ctx->guest_size = 4;
    ctx->ninsns = n;
}
