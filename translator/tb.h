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
    /* guest state held only in host registers at faulting ops (TBLive, in host code order),
     * and the records' entries: one allocation, live_regs points into live's block */
    uint32_t nlive;
    struct TBLive *live;
    struct TBLiveReg *live_regs;
    /* interpreter */
    IrContext *ir; /* private copy of the optimized IR, NULL under the JIT */
    struct TB *hash_next;
    /* TBs chained to this one: (TB pointer | slot), for unchaining on invalidation; jmp_in
     * is jmp_in_first (no allocation) until more than two TBs chain here */
    uintptr_t *jmp_in;
    uint32_t njmp_in, jmp_in_cap;
    uintptr_t jmp_in_first[2];
} TB;

/*
 * While host code offsets [start, end) run (an op with a guest memory access that may
 * fault), each entry live_regs[first, first + n) names a host register (numbered by the
 * backend) that holds the current value of CPU-state bytes [off, off + size); the CPU
 * state's copy is stale.  The backend's fault hook copies them from the signal context into
 * the CPU state before the guest sees it.  trap_reg: the host register the window check's
 * failure path overwrote with CPU_WILD_TRAP (its value is then in CPUCommon.wild_addr), or -1.
 */
typedef struct TBLive {
    uint32_t start, end;
    uint32_t first;
    uint16_t n;
    int8_t trap_reg;
} TBLive;

typedef struct TBLiveReg {
    uint16_t off;
    uint8_t reg;
    uint8_t size; /* 4, 8 or 16 */
} TBLiveReg;

/* The record covering host_pc in tb, or NULL (the CPU state is current). */
const TBLive *tb_live_at(const TB *tb, uintptr_t host_pc);

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
