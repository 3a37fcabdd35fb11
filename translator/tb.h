/*
 * Translation blocks and the TB cache.
 *
 * A TB is the translation of a run of guest instructions starting at a
 * guest pc.  The cache maps (pc, flags) to TBs through a hash table that is
 * read without locks (entries published with release stores) and written
 * under a mutex.  Each TB has either host code (JIT) or a copy of its IR
 * (interpreter, -no-jit), plus the insn_start records that map host code
 * offsets back to guest pcs for precise faults.
 */
#ifndef FERRY_TRANSLATOR_TB_H
#define FERRY_TRANSLATOR_TB_H

#include <stdbool.h>
#include <stdint.h>

#include "translator/cpu.h"
#include "translator/ir.h"

typedef struct TB {
    uint64_t pc;         /* guest pc of the first instruction */
    uint32_t flags;      /* CPUCommon.tb_flags at translation */
    uint32_t guest_size; /* bytes of guest code */
    uint32_t ninsns;
    /* JIT */
    uint8_t *code; /* host code start, NULL under the interpreter */
    uint32_t code_size;
    uint32_t jmp_patch_offset[2]; /* offsets of goto_tb jump displacement (rel32), ~0 if none */
    struct TB *jmp_dest[2];       /* chained successors (interpreter and JIT) */
    /* precise state: host code offset of each insn_start, and its guest pc */
    uint32_t ninsn_starts;
    uint32_t *insn_host_off;
    uint64_t *insn_guest_pc;
    /* guest vector registers held only in host vector registers at faulting ops (TBVecLive) */
    uint32_t nvec_live;
    struct TBVecLive *vec_live;
    /* interpreter */
    IrContext *ir; /* private copy of the optimized IR, NULL under the JIT */
    struct TB *hash_next;
    /* TBs chained to this one: (TB pointer | slot), for unchaining on invalidation */
    uintptr_t *jmp_in;
    uint32_t njmp_in, jmp_in_cap;
} TB;

/*
 * While host code offsets [start, end) run (a guest memory access that may fault), host
 * vector register i of the backend's cache (x86-64: xmm8 + i) holds the current value of the
 * 16 CPU-state bytes at off[i] for each bit i of mask; the CPU state's copy is stale.  The
 * host fault handler copies them into the CPU state before the guest sees it.
 */
typedef struct TBVecLive {
    uint32_t start, end;
    uint32_t mask;
    int32_t off[8];
} TBVecLive;

/* The record covering host_pc in tb, or NULL (the CPU state is current). */
const TBVecLive *tb_vec_live_at(const TB *tb, uintptr_t host_pc);

/* TB.flags of an invalidated TB (its guest code changed): no lookup matches it. */
#define TB_FLAGS_INVALID 0xffffffffu

/* Result of generated code / the interpreter: an IR_EXIT_* code, combined with
 * the TB pointer for chain exits (tb | (code)) as returned by tb_exec. */
typedef struct TBExit {
    TB *tb;        /* the TB that exited */
    uint32_t code; /* IR_EXIT_* */
} TBExit;

/*
 * Called from generated code for lookup_and_goto: finds (or translates) the
 * TB for cpu->pc and returns its host code, or the exit stub that returns
 * IR_EXIT_NEXT to the exec loop.
 */
const void *tb_lookup_for_jump(CPUCommon *cpu);
#endif
