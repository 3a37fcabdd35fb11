/*
 * The vector encoders of translator/x86_64/emit_vec.h, byte for byte, on
 * registers that need REX/VEX extension bits and on those that do not
 * (expected bytes from GNU as).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "translator/x86_64/emit_vec.h"

typedef struct Emit {
    uint8_t buf[64];
    CodeBuf cb;
} Emit;

static CodeBuf *start(Emit *e)
{
    memset(e, 0, sizeof(*e));
    e->cb.base = e->cb.code_start = e->cb.ptr = e->buf;
    e->cb.end = e->buf + sizeof(e->buf);
    return &e->cb;
}

static void expect(Emit *e, const uint8_t *want, size_t n)
{
    assert_int_equal((size_t)(e->cb.ptr - e->buf), n);
    assert_memory_equal(e->buf, want, n);
}

static void test_vex_variable_shifts(void **state)
{
    Emit e;
    x86_vex38(start(&e), X86_VEX_PSLLV, false, 5, 0, 1); /* vpsllvd xmm5, xmm0, xmm1 */
    expect(&e, (const uint8_t[]){0xc4, 0xe2, 0x79, 0x47, 0xe9}, 5);
    x86_vex38(start(&e), X86_VEX_PSRLV, true, 6, 0, 3); /* vpsrlvq xmm6, xmm0, xmm3 */
    expect(&e, (const uint8_t[]){0xc4, 0xe2, 0xf9, 0x45, 0xf3}, 5);
    x86_vex38(start(&e), X86_VEX_PSRAV, false, 12, 9, 11); /* vpsravd xmm12, xmm9, xmm11 */
    expect(&e, (const uint8_t[]){0xc4, 0x42, 0x31, 0x46, 0xe3}, 5);
}

static void test_sse_forms(void **state)
{
    Emit e;
    CodeBuf *cb = start(&e);
    x86_vop_rip(cb, X86_OPC_PSHUFB, 8, e.buf + 10 + 0x10); /* pshufb xmm8, [rip + 0x10] */
    expect(&e, (const uint8_t[]){0x66, 0x44, 0x0f, 0x38, 0x00, 0x05, 0x10, 0x00, 0x00, 0x00}, 10);
    x86_movq_x_r(start(&e), 7, X86_RSI);
    expect(&e, (const uint8_t[]){0x66, 0x48, 0x0f, 0x6e, 0xfe}, 5);
    x86_movq_r_x(start(&e), X86_R10, 1);
    expect(&e, (const uint8_t[]){0x66, 0x49, 0x0f, 0x7e, 0xca}, 5);
    x86_pmovmskb(start(&e), X86_R9, 3);
    expect(&e, (const uint8_t[]){0x66, 0x44, 0x0f, 0xd7, 0xcb}, 5);
    x86_vsrldq(start(&e), 3, 8);
    expect(&e, (const uint8_t[]){0x66, 0x0f, 0x73, 0xdb, 0x08}, 5);
    x86_vop_i(start(&e), X86_OPC_PSHUFD, 3, 3, 0xf5);
    expect(&e, (const uint8_t[]){0x66, 0x0f, 0x70, 0xdb, 0xf5}, 5);
    x86_vop(start(&e), X86_OPC_MOVQ_XX, 0, 0);
    expect(&e, (const uint8_t[]){0xf3, 0x0f, 0x7e, 0xc0}, 4);
    x86_vop(start(&e), X86_OPC_PACKUSDW, 2, 9);
    expect(&e, (const uint8_t[]){0x66, 0x41, 0x0f, 0x38, 0x2b, 0xd1}, 6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vex_variable_shifts),
        cmocka_unit_test(test_sse_forms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
