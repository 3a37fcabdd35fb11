/*
 * Shared state and small generators of the AArch64 translator.
 *
 * translate.c runs the per-TB loop: for each instruction it emits
 * insn_start, fetches the word and offers it to the generated decoders
 * (a64_decode_dp, a64_decode_ldst, a64_decode_simd).  Each decoder lives in
 * the trans_*.c file that includes its generated code and implements its
 * trans_<insn>() handlers; a handler returns false for an unallocated
 * encoding, which becomes SIGILL.
 */
#ifndef FERRY_FRONTENDS_AARCH64_TRANSLATE_H
#define FERRY_FRONTENDS_AARCH64_TRANSLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "frontends/aarch64/cpu.h"
#include "frontends/guest_arch.h"
#include "translator/ir.h"

/* How the current instruction ends the TB. */
typedef enum DisasJump {
    DISAS_NEXT,     /* fall through to the next instruction */
    DISAS_TOO_MANY, /* stop after this instruction; pc = next_pc not yet written */
    DISAS_UPDATE,   /* stop; cpu pc already written (e.g. after a system register write) */
    DISAS_NORETURN, /* the instruction already emitted its exit (branch, exception) */
} DisasJump;

/*
 * What the previous instruction's flags came from, when it was a compare
 * (SUBS/CMP: a - b) or a logical flag setter (ANDS/TST: res, C = V = 0).
 * A condition tested by the very next instruction compares these operands
 * directly instead of decoding NZCV (the flags are still written).
 */
typedef struct A64LastCc {
    uint64_t pc; /* the flag-setting instruction; 0: none */
    bool logic;  /* res in a; b unused */
    bool sf;
    IrTemp a, b; /* copies of the operands (I64, not yet extended for 32-bit ops) */
} A64LastCc;

typedef struct DisasContext {
    IrContext *ir;
    CPUCommon *cpu;   /* for the CPU model (ID registers); translation must not read regs */
    uint64_t pc;      /* address of the current instruction */
    uint64_t next_pc; /* pc + 4; a handler that also translates the next word adds 4 */
    uint32_t insn;
    DisasJump is_jmp;
    A64LastCc last_cc;
    const uint8_t *page; /* host address of the TB's first page once fetched, else NULL */
} DisasContext;

/* Globals registered by a64_init_globals (frontends/aarch64/cpu.c). */
typedef struct A64Globals {
    IrTemp x[32]; /* x[31] = SP */
    IrTemp pc;    /* CPUCommon.pc */
    IrTemp nf, zf, cf, vf;
    IrTemp excl_addr, excl_val, excl_val2, excl_size;
} A64Globals;
extern A64Globals a64_g;

/* Register access.  Reads return I64 temps; 31 means XZR (zero) for
 * a64_reg and SP for a64_reg_sp.  Writes with sf == false zero-extend the
 * low 32 bits; writes to 31 via a64_set_reg are discarded (XZR). */
IrTemp a64_reg(DisasContext *s, int r);
IrTemp a64_reg_sp(DisasContext *s, int r);
void a64_set_reg(DisasContext *s, int r, IrTemp v, bool sf);
void a64_set_reg_sp(DisasContext *s, int r, IrTemp v, bool sf);

/* Byte offset of V register `r` (its low 64 bits at +0, high at +8). */
static inline int32_t a64_vreg_offset(int r)
{
    return (int32_t)(offsetof(A64CPU, v) + 16 * r);
}

/* Ends the TB with a jump to `dest`, chained through goto_tb slot `slot`. */
void a64_gen_goto(DisasContext *s, int slot, uint64_t dest);
/* Ends the TB with an indirect jump to the I64 temp `dest`. */
void a64_gen_jump_reg(DisasContext *s, IrTemp dest);
/* Ends the TB raising A64_EXCP_* with cpu pc = `pc`. */
void a64_gen_exception(DisasContext *s, int excp, uint64_t pc);
/* Raises A64_EXCP_UDEF for the current instruction; returns true (handled). */
bool a64_unallocated(DisasContext *s);

/* Records that the current instruction set NZCV from a - b (logic: from a, C = V = 0). */
void a64_note_cc(DisasContext *s, bool logic, IrTemp a, IrTemp b, bool sf);

/* Branch conditions: emits a brcond to `label` taken when A64 cond `cond` holds. */
void a64_gen_brcond(DisasContext *s, int cond, uint32_t label);
/* Returns an I64 temp that is 1 when A64 condition `cond` holds, else 0. */
IrTemp a64_gen_cond_value(DisasContext *s, int cond);

/* The GuestArch translate hook (translate.c). */
void a64_translate(IrContext *ctx, CPUCommon *cpu, const ArchTranslateOpts *o);

/* Decoders generated from the .decode specs; each returns false when no pattern matched
 * or the handler rejected the encoding. */
bool a64_decode_dp(DisasContext *s, uint32_t insn);   /* data processing, branches, system */
bool a64_decode_ldst(DisasContext *s, uint32_t insn); /* loads/stores, atomics, exclusives */
bool a64_decode_simd(DisasContext *s, uint32_t insn); /* FP and AdvSIMD, structure ld/st */
/* Optional extensions, offered what the decoders above rejected (they check the CPU model). */
bool a64_decode_crypto(DisasContext *s, uint32_t insn); /* AES, SHA, SHA3, 64-bit PMULL */
bool a64_decode_ext(DisasContext *s, uint32_t insn);    /* dot product, FCMA, FlagM, RNG... */
bool a64_decode_fp16(DisasContext *s, uint32_t insn);   /* AdvSIMD half precision */

#endif
