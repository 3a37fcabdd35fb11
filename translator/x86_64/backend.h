/*
 * Interface of the x86-64 backend to the rest of the translator.
 *
 * The backend turns optimized IR into host code in a CodeBuf.  Contract:
 *  - Generated code runs with rbp = CPUCommon* (the whole guest CPU state)
 *    and r14 = guest_base; both fixed for the life of the code.
 *  - Guest globals live in host registers inside a TB and are written back
 *    to the CPU state at every exit, at helper calls whose flags say they
 *    read or write globals, and at basic-block ends.
 *  - Every TB starts with a check of cpu->exit_request; when set, the TB
 *    returns {tb, IR_EXIT_REQUESTED} without executing anything.
 *  - Leaving generated code returns a TBExit {tb, code} in rax:rdx from
 *    x86_tb_enter (the SysV return of a 16-byte struct).
 *  - goto_tb n emits a jmp rel32 whose displacement is 4-byte aligned (so it
 *    can be patched atomically while other threads run); initially it jumps
 *    to the next instruction (the exit_tb that follows).
 *  - lookup_and_goto calls tb_lookup_for_jump(cpu) and jumps to the address
 *    it returns (a TB's code, or a stub that exits with IR_EXIT_NEXT).
 */
#ifndef FERRY_TRANSLATOR_X86_64_BACKEND_H
#define FERRY_TRANSLATOR_X86_64_BACKEND_H

#include "translator/codebuf.h"
#include "translator/ir.h"
#include "translator/tb.h"

/* Enters generated code at `code` for `cpu`; returns how it left. */
typedef TBExit (*X86TbEnterFn)(CPUCommon *cpu, const void *code);

/* Host features used by instruction selection, detected once with cpuid. */
typedef struct X86Features {
    bool bmi1, bmi2, lzcnt, popcnt, movbe, sse41, avx2;
    bool avx, fma; /* AVX with OS support (XSAVE of ymm state), FMA3 */
    bool ssse3, sse42;
} X86Features;
void x86_detect_features(X86Features *f);

/*
 * Emits the fixed stubs (prologue/epilogue, exit stubs) at the start of cb
 * and sets cb->code_start.  Returns the enter function.
 */
X86TbEnterFn x86_init(CodeBuf *cb, const X86Features *f);

/*
 * Compiles ctx into cb for tb: sets tb->code, code_size, jmp_patch_offset,
 * insn_host_off/insn_guest_pc (malloc'd; one entry per insn_start).
 * Returns 0, or -ENOSPC when cb has no room (cb->ptr unchanged).
 */
int x86_codegen(IrContext *ctx, TB *tb, CodeBuf *cb);

/* Points goto_tb slot `slot` of tb at `target` (host code), atomically. */
void x86_patch_jump(TB *tb, int slot, const uint8_t *target);
/* Code that returns {NULL, IR_EXIT_NEXT}: the target of lookup_and_goto misses. */
extern const uint8_t *x86_exit_next_stub;

/* The host FP status word generated code runs with (MXCSR): control and sticky flags. */
static inline uint32_t x86_host_fp_status(void)
{
    return __builtin_ia32_stmxcsr();
}

/* Points goto_tb slot back to its own exit (unchaining). */
void x86_reset_jump(TB *tb, int slot);

/*
 * Host fault hook: for a fault at host_pc inside tb's code (host_uc: the handler's
 * ucontext_t), copies the guest state that generated code held only in host registers there
 * (tb->live) into cpu.  wild_trap: the fault is the #GP of a window-check failure
 * (CPU_WILD_TRAP).  Async-signal-safe; cpu->pc is the caller's.
 */
void x86_fault_restore(CPUCommon *cpu, const TB *tb, uintptr_t host_pc, const void *host_uc,
                       bool wild_trap);

#endif
