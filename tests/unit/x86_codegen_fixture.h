/*
 * Shared fixture of the x86-64 backend tests (test_x86_codegen.c and
 * test_x86_codegen_flow.c): a fake CPU state (a CPUCommon followed by
 * fields registered as globals), the IR context and code buffer, helpers
 * that compile IR and run it through the enter stub, and the edge-case
 * values.
 */
#ifndef FERRY_TESTS_UNIT_X86_CODEGEN_FIXTURE_H
#define FERRY_TESTS_UNIT_X86_CODEGEN_FIXTURE_H

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "translator/codebuf.h"
#include "translator/ir.h"
#include "translator/tb.h"
#include "translator/x86_64/backend.h"

#define NG64 16
#define NG32 6

typedef struct TestCPU {
    CPUCommon common;
    uint64_t r[NG64];
    uint32_t w[NG32];
    uint64_t seen[6]; /* written by the test helper */
    uint64_t env[4];
    _Alignas(16) uint8_t vec[2][16];
} TestCPU;

static IrGlobals globals;
static IrTemp gr[NG64], gw[NG32];
static IrTemp gpc; /* CPUCommon.pc */
static IrContext *ctx;
static CodeBuf cb;
static X86TbEnterFn enter;
static TestCPU cpu;
static uint8_t *guest;
static const char *names[NG64 + NG32] = {
    "r0",  "r1",  "r2",  "r3",  "r4",  "r5", "r6", "r7", "r8", "r9", "r10",
    "r11", "r12", "r13", "r14", "r15", "w0", "w1", "w2", "w3", "w4", "w5",
};

static void init_backend(bool host_features)
{
    X86Features f;
    memset(&f, 0, sizeof(f));
    if (host_features)
        x86_detect_features(&f);
    enter = x86_init(&cb, &f);
}

static int setup(void **state)
{
    (void)state;
    memset(&globals, 0, sizeof(globals));
    for (int i = 0; i < NG64; i++)
        gr[i] = ir_globals_add(&globals, IR_I64, (int32_t)offsetof(TestCPU, r[i]), names[i]);
    for (int i = 0; i < NG32; i++)
        gw[i] = ir_globals_add(&globals, IR_I32, (int32_t)offsetof(TestCPU, w[i]), names[NG64 + i]);
    gpc = ir_globals_add(&globals, IR_I64, (int32_t)offsetof(CPUCommon, pc), "pc");
    ctx = ir_context_new(&globals);
    assert_non_null(ctx);
    assert_int_equal(codebuf_init(&cb, 4u << 20), 0);
    guest = calloc(1, 1 << 16);
    assert_non_null(guest);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ir_context_free(ctx);
    codebuf_destroy(&cb);
    free(guest);
    return 0;
}

static void reset_ir(void)
{
    ir_reset(ctx, 0x1000);
    memset(&cpu, 0, sizeof(cpu));
    cpu.common.guest_base = guest;
    cpu.common.mem_size = 1 << 16;
}

/* Compiles ctx into a fresh TB (caller frees with free_tb). */
static TB *compile(void)
{
    TB *tb = calloc(1, sizeof(*tb));
    assert_non_null(tb);
    tb->jmp_patch_offset[0] = tb->jmp_patch_offset[1] = ~0u;
    if (codebuf_room(&cb) < (1u << 16))
        codebuf_reset(&cb);
    assert_int_equal(x86_codegen(ctx, tb, &cb), 0);
    return tb;
}

static void free_tb(TB *tb)
{
    free(tb->insn_host_off);
    free(tb->insn_guest_pc);
    free(tb->live);
    free(tb);
}

static TBExit run(TB *tb)
{
    return enter(&cpu.common, tb->code);
}

/* Compiles and runs ctx; checks it left through exit_tb `code`. */
static void compile_run(uint32_t code)
{
    TB *tb = compile();
    TBExit e = run(tb);
    assert_ptr_equal(e.tb, tb);
    assert_int_equal(e.code, code);
    free_tb(tb);
}

/* ---- edge-case values ---- */

static const uint64_t vals[] = {
    0,
    1,
    2,
    5,
    31,
    32,
    63,
    64,
    0x7f,
    0x80,
    0xff,
    0x8000,
    0xffff,
    0x7fffffff,
    0x80000000,
    0xffffffff,
    0x100000000ull,
    0x7fffffffffffffffull,
    0x8000000000000000ull,
    0x123456789abcdef0ull,
    ~0ull,
    (uint64_t)-5,
    (uint64_t)-0x80000000ll,
    0xfedcba9876543210ull,
};
#define NVALS (sizeof(vals) / sizeof(vals[0]))

#endif
