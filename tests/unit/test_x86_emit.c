/*
 * Byte-exact encodings of the x86-64 emitters (translator/x86_64/emit.h).
 * The expected bytes were checked once against objdump -D -b binary
 * -mi386:x86-64; each case is named after the instruction it encodes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include <cmocka.h>

#include "translator/x86_64/emit.h"

static void check_bytes(const char *name, const uint8_t *got, size_t ngot, const uint8_t *want,
                        size_t nwant)
{
    if (ngot != nwant || memcmp(got, want, nwant) != 0) {
        fprintf(stderr, "%s: got", name);
        for (size_t i = 0; i < ngot; i++)
            fprintf(stderr, " %02x", got[i]);
        fprintf(stderr, "\n");
        fail_msg("encoding of %s differs", name);
    }
}

#define EXPECT(name, stmt, ...)                                                                    \
    do {                                                                                           \
        static const uint8_t want[] = {__VA_ARGS__};                                               \
        cb->ptr = buf;                                                                             \
        stmt;                                                                                      \
        check_bytes(name, buf, (size_t)(cb->ptr - buf), want, sizeof(want));                       \
    } while (0)

static void test_encodings(void **state)
{
    (void)state;
    static uint8_t buf[512];
    CodeBuf c = {buf, buf, buf, buf + sizeof(buf)};
    CodeBuf *cb = &c;
    EXPECT("mov_rr64", x86_mov_rr(cb, true, X86_RAX, X86_RBX), 0x48, 0x8b, 0xc3);
    EXPECT("mov_rr32_r8_r15", x86_mov_rr(cb, false, X86_R8, X86_R15), 0x45, 0x8b, 0xc7);
    EXPECT("load_rbp_disp8", x86_load(cb, true, X86_RCX, X86_RBP, 16), 0x48, 0x8b, 0x4d, 0x10);
    EXPECT("load_rsp_disp32", x86_load(cb, true, X86_R9, X86_RSP, 4096), 0x4c, 0x8b, 0x8c, 0x24,
           0x00, 0x10, 0x00, 0x00);
    EXPECT("load_r13_0", x86_load(cb, false, X86_RDX, X86_R13, 0), 0x41, 0x8b, 0x55, 0x00);
    EXPECT("load_r12_0", x86_load(cb, true, X86_RAX, X86_R12, 0), 0x49, 0x8b, 0x04, 0x24);
    EXPECT("store_rbp", x86_store(cb, true, X86_RSI, X86_RBP, 0x108), 0x48, 0x89, 0xb5, 0x08, 0x01,
           0x00, 0x00);
    EXPECT("mem_r14_index_r13",
           x86_op_mem(cb, X86_OPC_MOV_LOAD | X86_P_W, X86_RAX, X86_R14, X86_R13, 0, 0), 0x4b, 0x8b,
           0x04, 0x2e);
    EXPECT("mem_r14_index_rsi_disp",
           x86_op_mem(cb, X86_OPC_MOVZBL, X86_RDI, X86_R14, X86_RSI, 0, -8), 0x41, 0x0f, 0xb6, 0x7c,
           0x36, 0xf8);
    EXPECT("movb_store_sil", x86_op_mem(cb, X86_OPC_MOVB_STORE, X86_RSI, X86_R14, X86_RAX, 0, 0),
           0x41, 0x88, 0x34, 0x06);
    EXPECT("movi_zero", x86_movi(cb, true, X86_R10, 0), 0x45, 0x33, 0xd2);
    EXPECT("movi_u32", x86_movi(cb, true, X86_RAX, 0x80000000u), 0xb8, 0x00, 0x00, 0x00, 0x80);
    EXPECT("movi_neg", x86_movi(cb, true, X86_RCX, (uint64_t)-5), 0x48, 0xc7, 0xc1, 0xfb, 0xff,
           0xff, 0xff);
    EXPECT("movi_abs", x86_movi(cb, true, X86_R11, 0x123456789abcdef0ull), 0x49, 0xbb, 0xf0, 0xde,
           0xbc, 0x9a, 0x78, 0x56, 0x34, 0x12);
    EXPECT("lea_disp", x86_lea(cb, true, X86_RAX, X86_RBX, X86_NO_REG, 0, -1), 0x48, 0x8d, 0x43,
           0xff);
    EXPECT("lea_idx32", x86_lea(cb, false, X86_R8, X86_RSI, X86_RDI, 0, 0), 0x44, 0x8d, 0x04, 0x3e);
    EXPECT("add_rr", x86_alu_rr(cb, X86_ADD, true, X86_RAX, X86_R9), 0x49, 0x03, 0xc1);
    EXPECT("sub_ri8", x86_alu_ri(cb, X86_SUB, false, X86_RDX, 8), 0x83, 0xea, 0x08);
    EXPECT("and_ri32", x86_alu_ri(cb, X86_AND, true, X86_R12, 0x12345), 0x49, 0x81, 0xe4, 0x45,
           0x23, 0x01, 0x00);
    EXPECT("cmp_mi", x86_alu_mi(cb, X86_CMP, false, X86_RBP, 8, 0), 0x83, 0x7d, 0x08, 0x00);
    EXPECT("test_rr", x86_test_rr(cb, true, X86_RSI, X86_RSI), 0x48, 0x85, 0xf6);
    EXPECT("test_ri", x86_test_ri(cb, false, X86_RBX, 0x100), 0xf7, 0xc3, 0x00, 0x01, 0x00, 0x00);
    EXPECT("neg64", x86_grp3(cb, 3, true, X86_R15), 0x49, 0xf7, 0xdf);
    EXPECT("idiv32", x86_grp3(cb, 7, false, X86_RCX), 0xf7, 0xf9);
    EXPECT("imul_rr", x86_imul_rr(cb, true, X86_RAX, X86_RDX), 0x48, 0x0f, 0xaf, 0xc2);
    EXPECT("imul_rri", x86_imul_rri(cb, false, X86_RSI, X86_RDI, 1000), 0x69, 0xf7, 0xe8, 0x03,
           0x00, 0x00);
    EXPECT("cqo", x86_cqo(cb, true), 0x48, 0x99);
    EXPECT("shl_ri", x86_shift_ri(cb, X86_SHL, true, X86_RAX, 3), 0x48, 0xc1, 0xe0, 0x03);
    EXPECT("sar_1", x86_shift_ri(cb, X86_SAR, false, X86_R8, 1), 0x41, 0xd1, 0xf8);
    EXPECT("ror_cl", x86_shift_cl(cb, X86_ROR, true, X86_RBX), 0x48, 0xd3, 0xcb);
    EXPECT("shld", x86_shld_ri(cb, true, X86_RAX, X86_RCX, 7), 0x48, 0x0f, 0xa4, 0xc8, 0x07);
    EXPECT("shlx", x86_shiftx(cb, X86_SHL, true, X86_RAX, X86_RBX, X86_RCX), 0xc4, 0xe2, 0xf1, 0xf7,
           0xc3);
    EXPECT("sarx32", x86_shiftx(cb, X86_SAR, false, X86_R9, X86_R10, X86_R11), 0xc4, 0x42, 0x22,
           0xf7, 0xca);
    EXPECT("shrx", x86_shiftx(cb, X86_SHR, true, X86_RDX, X86_RSI, X86_R8), 0xc4, 0xe2, 0xbb, 0xf7,
           0xd6);
    EXPECT("andn", x86_andn(cb, true, X86_RAX, X86_RBX, X86_R12), 0xc4, 0xc2, 0xe0, 0xf2, 0xc4);
    EXPECT("bswap32_r9", x86_bswap(cb, false, X86_R9), 0x41, 0x0f, 0xc9);
    EXPECT("bswap64", x86_bswap(cb, true, X86_RAX), 0x48, 0x0f, 0xc8);
    EXPECT("bt_ri", x86_bt_ri(cb, true, X86_RDX, 40), 0x48, 0x0f, 0xba, 0xe2, 0x28);
    EXPECT("setcc_sil", x86_setcc(cb, X86_CC_L, X86_RSI), 0x40, 0x0f, 0x9c, 0xc6);
    EXPECT("setcc_al", x86_setcc(cb, X86_CC_E, X86_RAX), 0x0f, 0x94, 0xc0);
    EXPECT("cmov", x86_cmov(cb, X86_CC_A, true, X86_R10, X86_RAX), 0x4c, 0x0f, 0x47, 0xd0);
    EXPECT("movzbl_dil", x86_op_rr(cb, X86_OPC_MOVZBL, X86_RAX, X86_RDI), 0x40, 0x0f, 0xb6, 0xc7);
    EXPECT("movsbq", x86_op_rr(cb, X86_OPC_MOVSBL | X86_P_W, X86_RCX, X86_RDX), 0x48, 0x0f, 0xbe,
           0xca);
    EXPECT("movswl", x86_op_rr(cb, X86_OPC_MOVSWL, X86_RCX, X86_R8), 0x41, 0x0f, 0xbf, 0xc8);
    EXPECT("movslq", x86_op_rr(cb, X86_OPC_MOVSLQ, X86_RAX, X86_RAX), 0x48, 0x63, 0xc0);
    EXPECT("lzcnt", x86_op_rr(cb, X86_OPC_LZCNT | X86_P_W, X86_RAX, X86_RBX), 0xf3, 0x48, 0x0f,
           0xbd, 0xc3);
    EXPECT("tzcnt32", x86_op_rr(cb, X86_OPC_TZCNT, X86_R8, X86_RCX), 0xf3, 0x44, 0x0f, 0xbc, 0xc1);
    EXPECT("popcnt", x86_op_rr(cb, X86_OPC_POPCNT | X86_P_W, X86_RDX, X86_R15), 0xf3, 0x49, 0x0f,
           0xb8, 0xd7);
    EXPECT("bsr", x86_op_rr(cb, X86_OPC_BSR, X86_RAX, X86_RBX), 0x0f, 0xbd, 0xc3);
    EXPECT("movbe_load",
           x86_op_mem(cb, X86_OPC_MOVBE_LOAD | X86_P_W, X86_RAX, X86_R14, X86_RBX, 0, 0), 0x49,
           0x0f, 0x38, 0xf0, 0x04, 0x1e);
    EXPECT("movbe_store16",
           x86_op_mem(cb, X86_OPC_MOVBE_STORE | X86_P_66, X86_RCX, X86_R14, X86_RBX, 0, 0), 0x66,
           0x41, 0x0f, 0x38, 0xf1, 0x0c, 0x1e);
    EXPECT("movdqu_load", x86_op_md(cb, X86_OPC_MOVDQU_LOAD, 0, X86_RBP, 0x200), 0xf3, 0x0f, 0x6f,
           0x85, 0x00, 0x02, 0x00, 0x00);
    EXPECT("movdqu_store", x86_op_mem(cb, X86_OPC_MOVDQU_STORE, 0, X86_R14, X86_R9, 0, 0), 0xf3,
           0x43, 0x0f, 0x7f, 0x04, 0x0e);
    EXPECT("lock_cmpxchg",
           x86_op_mem(cb, X86_OPC_CMPXCHG | X86_P_W | X86_P_LOCK, X86_RSI, X86_R14, X86_RDI, 0, 0),
           0xf0, 0x49, 0x0f, 0xb1, 0x34, 0x3e);
    EXPECT("lock_cmpxchgb",
           x86_op_mem(cb, X86_OPC_CMPXCHGB | X86_P_LOCK, X86_RSI, X86_R14, X86_RDI, 0, 0), 0xf0,
           0x41, 0x0f, 0xb0, 0x34, 0x3e);
    EXPECT("lock_xadd16",
           x86_op_mem(cb, X86_OPC_XADD | X86_P_66 | X86_P_LOCK, X86_RDX, X86_R14, X86_RAX, 0, 0),
           0xf0, 0x66, 0x41, 0x0f, 0xc1, 0x14, 0x06);
    EXPECT("xchg", x86_op_mem(cb, X86_OPC_XCHG, X86_R8, X86_R14, X86_RAX, 0, 0), 0x45, 0x87, 0x04,
           0x06);
    EXPECT("mfence", x86_mfence(cb), 0x0f, 0xae, 0xf0);
    EXPECT("call_rel32", x86_call_abs(cb, buf + 0x100, X86_RAX), 0xe8, 0xfb, 0x00, 0x00, 0x00);
    EXPECT("jmp_rel32", x86_jmp_to(cb, buf), 0xe9, 0xfb, 0xff, 0xff, 0xff);
    EXPECT("movi_keepflags_zero", x86_movi_keepflags(cb, true, X86_R9, 0), 0x41, 0xb9, 0x00, 0x00,
           0x00, 0x00);
    EXPECT("push_r12", x86_push(cb, X86_R12), 0x41, 0x54);
    EXPECT("pop_rbx", x86_pop(cb, X86_RBX), 0x5b);
    EXPECT("call_r", x86_call_r(cb, X86_RAX), 0xff, 0xd0);
    EXPECT("jmp_r_rsi", x86_jmp_r(cb, X86_RSI), 0xff, 0xe6);
    EXPECT("jcc32", x86_jcc32(cb, X86_CC_NE), 0x0f, 0x85, 0x00, 0x00, 0x00, 0x00);
    EXPECT("jmp8", x86_jmp8(cb), 0xeb, 0x00);
    EXPECT("store_imm", x86_store_imm(cb, true, X86_RBP, 0x10, -1), 0x48, 0xc7, 0x45, 0x10, 0xff,
           0xff, 0xff, 0xff);
}

static void test_patch(void **state)
{
    (void)state;
    static uint8_t buf[64];
    CodeBuf c = {buf, buf, buf, buf + sizeof(buf)};
    uint8_t *rel = x86_jmp32(&c);
    x86_nop(&c);
    x86_patch32(rel, c.ptr);
    assert_int_equal(rel[0], 1);
    assert_int_equal(rel[3], 0);
    uint8_t *r8 = x86_jcc8(&c, X86_CC_E);
    x86_patch8(r8, buf);
    assert_int_equal((int8_t)*r8, -(int)(r8 + 1 - buf));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_encodings),
        cmocka_unit_test(test_patch),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
