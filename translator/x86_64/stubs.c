/*
 * Fixed code at the start of the code buffer and the backend's global
 * services: the prologue that enters generated code (x86_tb_enter), the
 * epilogue every exit jumps to, the IR_EXIT_NEXT stub for lookup_and_goto
 * misses, host feature detection, and patching of goto_tb jumps.
 *
 * Frame: the prologue pushes rbx rbp r12-r15 and reserves X86_FRAME_SIZE
 * bytes, so rsp is 16-byte aligned inside generated code; spill slot s is
 * at s * 8(%rsp).  Chained TBs share the frame.
 */
#include "translator/x86_64/codegen.h"

#include <string.h>

const uint8_t *x86_exit_next_stub;
const uint8_t *x86_epilogue;
static X86Features x86_feat;

const X86Features *x86_features(void)
{
    return &x86_feat;
}

uint64_t x86_helper_ctpop(CPUCommon *cpu, uint64_t v)
{
    (void)cpu;
    return (uint64_t)__builtin_popcountll(v);
}

/* From the feature bits libgcc's start-up code already read with cpuid (AVX and FMA only
 * when the OS saves ymm state): cpuid traps to the hypervisor in a virtual machine, where
 * each one costs microseconds at every process start. */
void x86_detect_features(X86Features *f)
{
    __builtin_cpu_init();
    *f = (X86Features){
        .bmi1 = __builtin_cpu_supports("bmi"),
        .bmi2 = __builtin_cpu_supports("bmi2"),
        .lzcnt = __builtin_cpu_supports("lzcnt"),
        .popcnt = __builtin_cpu_supports("popcnt"),
        .movbe = __builtin_cpu_supports("movbe"),
        .sse41 = __builtin_cpu_supports("sse4.1"),
        .avx2 = __builtin_cpu_supports("avx2"),
        .avx = __builtin_cpu_supports("avx"),
        .fma = __builtin_cpu_supports("fma"),
        .ssse3 = __builtin_cpu_supports("ssse3"),
        .sse42 = __builtin_cpu_supports("sse4.2"),
    };
}

static const int8_t x86_saved_regs[] = {X86_RBX, X86_RBP, X86_R12, X86_R13, X86_R14, X86_R15};
#define X86_NSAVED ((int)sizeof(x86_saved_regs))

static void x86_emit_prologue(CodeBuf *cb)
{
    for (int i = 0; i < X86_NSAVED; i++)
        x86_push(cb, x86_saved_regs[i]);
    x86_op_rr(cb, 0x81u | X86_P_W, X86_SUB, X86_RSP);
    x86_u32(cb, X86_FRAME_SIZE);
    x86_mov_rr(cb, true, X86_REG_CPU, X86_RDI);
    x86_load(cb, true, X86_REG_GBASE, X86_RDI, 0); /* CPUCommon.guest_base */
    x86_jmp_r(cb, X86_RSI);
}

/* Expects the TBExit in rax:rdx. */
static void x86_emit_epilogue(CodeBuf *cb)
{
    x86_op_rr(cb, 0x81u | X86_P_W, X86_ADD, X86_RSP);
    x86_u32(cb, X86_FRAME_SIZE);
    for (int i = X86_NSAVED; i-- > 0;)
        x86_pop(cb, x86_saved_regs[i]);
    x86_ret(cb);
}

static void x86_align(CodeBuf *cb, unsigned n)
{
    while ((uintptr_t)cb->ptr % n)
        x86_u8(cb, 0xcc);
}

X86TbEnterFn x86_init(CodeBuf *cb, const X86Features *f)
{
    x86_feat = *f;
    cb->ptr = cb->base;
    uint8_t *enter = cb->ptr;
    x86_emit_prologue(cb);
    x86_align(cb, 16);
    x86_epilogue = cb->ptr;
    x86_emit_epilogue(cb);
    x86_align(cb, 16);
    x86_exit_next_stub = cb->ptr;
    x86_movi(cb, false, X86_RAX, 0);
    x86_movi(cb, false, X86_RDX, IR_EXIT_NEXT);
    x86_jmp_to(cb, x86_epilogue);
    x86_align(cb, 64);
    cb->code_start = cb->ptr;
    return (X86TbEnterFn)(void *)enter;
}

static void x86_set_jump(TB *tb, int slot, const uint8_t *target)
{
    uint32_t off = tb->jmp_patch_offset[slot];
    if (off == ~0u)
        return;
    uint8_t *d = tb->code + off;
    int32_t rel = (int32_t)(target - (d + 4));
    __atomic_store_n((int32_t *)(void *)d, rel, __ATOMIC_RELEASE);
}

void x86_patch_jump(TB *tb, int slot, const uint8_t *target)
{
    x86_set_jump(tb, slot, target);
}

void x86_reset_jump(TB *tb, int slot)
{
    uint32_t off = tb->jmp_patch_offset[slot];
    if (off != ~0u)
        x86_set_jump(tb, slot, tb->code + off + 4);
}
