/*
 * Unit tests of the struct and flag thunks: the AArch64 struct stat
 * conversion field by field, a made-up layout converted for a 32-bit
 * big-endian guest (word-sized fields, natural alignment, arrays, sign
 * extension, round trip), and the O_* / MAP_* / PROT_* flag maps.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "syscalls/abi.h"
#include "syscalls/thunk.h"

static uint64_t le(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = n; i-- > 0;)
        v = v << 8 | p[i];
    return v;
}

static uint64_t be(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++)
        v = v << 8 | p[i];
    return v;
}

static void test_stat_aarch64(void **state)
{
    const SysAbi *abi = &sys_abi_aarch64;
    struct stat st;
    uint8_t g[THUNK_MAX_SIZE];
    memset(&st, 0, sizeof(st));
    st.st_dev = 0x0102030405060708ull;
    st.st_ino = 0x1112131415161718ull;
    st.st_mode = 0100644;
    st.st_nlink = 3;
    st.st_uid = 1000;
    st.st_gid = 1001;
    st.st_rdev = 0x2122;
    st.st_size = -5;
    st.st_blksize = 4096;
    st.st_blocks = 77;
    st.st_atim.tv_sec = 1700000001;
    st.st_atim.tv_nsec = 11;
    st.st_mtim.tv_sec = 1700000002;
    st.st_mtim.tv_nsec = 22;
    st.st_ctim.tv_sec = -3;
    st.st_ctim.tv_nsec = 33;
    memset(g, 0xee, sizeof(g));
    assert_int_equal(thunk_guest_size(abi->layout.stat, &abi->target), 128);
    thunk_h2g(abi->layout.stat, &abi->target, g, &st);
    assert_true(le(g + 0, 8) == 0x0102030405060708ull);
    assert_true(le(g + 8, 8) == 0x1112131415161718ull);
    assert_int_equal(le(g + 16, 4), 0100644);
    assert_int_equal(le(g + 20, 4), 3);
    assert_int_equal(le(g + 24, 4), 1000);
    assert_int_equal(le(g + 28, 4), 1001);
    assert_int_equal(le(g + 32, 8), 0x2122);
    assert_int_equal(le(g + 40, 8), 0); /* __pad1 */
    assert_true(le(g + 48, 8) == (uint64_t)-5);
    assert_int_equal(le(g + 56, 4), 4096);
    assert_int_equal(le(g + 60, 4), 0); /* __pad2 */
    assert_int_equal(le(g + 64, 8), 77);
    assert_int_equal(le(g + 72, 8), 1700000001);
    assert_int_equal(le(g + 80, 8), 11);
    assert_int_equal(le(g + 88, 8), 1700000002);
    assert_int_equal(le(g + 96, 8), 22);
    assert_true(le(g + 104, 8) == (uint64_t)-3);
    assert_int_equal(le(g + 112, 8), 33);
    assert_int_equal(le(g + 120, 8), 0); /* __unused4/5 */
    assert_int_equal(g[128], 0xee);      /* nothing past the struct */
}

static void test_epoll_event_aarch64(void **state)
{
    const SysAbi *abi = &sys_abi_aarch64;
    struct epoll_event ev = {.events = EPOLLIN | EPOLLET, .data.u64 = 0x0102030405060708ull};
    struct epoll_event back;
    uint8_t g[16];
    assert_int_equal(sizeof(ev), 12); /* packed on the host */
    assert_int_equal(thunk_guest_size(abi->layout.epoll_event, &abi->target), 16);
    thunk_h2g(abi->layout.epoll_event, &abi->target, g, &ev);
    assert_int_equal(le(g, 4), EPOLLIN | EPOLLET);
    assert_int_equal(le(g + 4, 4), 0);
    assert_true(le(g + 8, 8) == 0x0102030405060708ull);
    thunk_g2h(abi->layout.epoll_event, &abi->target, &back, g);
    assert_int_equal(back.events, ev.events);
    assert_true(back.data.u64 == ev.data.u64);
}

/* A made-up host struct and its C declaration for another guest. */
typedef struct Made {
    int64_t a;     /* guest: long (word, signed) */
    uint32_t b;    /* guest: unsigned short */
    int16_t c;     /* guest: int (signed, widened) */
    uint64_t d[2]; /* guest: unsigned long d[2] */
    uint64_t e;    /* guest: uint64_t (8-byte, aligned to max_align) */
} Made;

static const ThunkField made_fields[] = {
    THUNK_F(Made, a, THUNK_AUTO, THUNK_WORD, true),
    THUNK_F(Made, b, THUNK_AUTO, 2, false),
    THUNK_F(Made, c, THUNK_AUTO, 4, true),
    THUNK_A(Made, d, 8, THUNK_AUTO, THUNK_WORD, false),
    THUNK_F(Made, e, THUNK_AUTO, 8, false),
};
static const ThunkDesc made_desc = THUNK_DESC("made", Made, 0, made_fields);

static void test_made_up_be32(void **state)
{
    const ThunkTarget t = {.word_size = 4, .max_align = 8, .big_endian = true};
    Made h = {
        .a = -2, .b = 0x12345, .c = -7, .d = {0x11223344, 0x55667788}, .e = 0x0102030405060708ull};
    uint8_t g[64];
    /* a@0(4) b@4(2) c@8(4) d@12(2x4) e@24(8): 32 bytes */
    assert_int_equal(thunk_guest_size(&made_desc, &t), 32);
    thunk_h2g(&made_desc, &t, g, &h);
    assert_int_equal(be(g + 0, 4), 0xfffffffe);
    assert_int_equal(be(g + 4, 2), 0x2345); /* narrowed */
    assert_int_equal(be(g + 6, 2), 0);      /* padding zeroed */
    assert_int_equal(be(g + 8, 4), 0xfffffff9);
    assert_int_equal(be(g + 12, 4), 0x11223344);
    assert_int_equal(be(g + 16, 4), 0x55667788);
    assert_int_equal(be(g + 20, 4), 0);
    assert_true(be(g + 24, 8) == 0x0102030405060708ull);

    Made back;
    memset(&back, 0x55, sizeof(back));
    thunk_g2h(&made_desc, &t, &back, g);
    assert_true(back.a == -2); /* sign-extended from the 32-bit word */
    assert_int_equal(back.b, 0x2345);
    assert_int_equal(back.c, -7);
    assert_true(back.d[0] == 0x11223344 && back.d[1] == 0x55667788);
    assert_true(back.e == 0x0102030405060708ull);
}

static void test_made_up_i386_align(void **state)
{
    /* i386 aligns 8-byte scalars to 4: e moves from 24 to 20. */
    const ThunkTarget t = {.word_size = 4, .max_align = 4, .big_endian = false};
    Made h = {.e = 0xa1a2a3a4a5a6a7a8ull};
    uint8_t g[64];
    assert_int_equal(thunk_guest_size(&made_desc, &t), 28);
    thunk_h2g(&made_desc, &t, g, &h);
    assert_true(le(g + 20, 8) == 0xa1a2a3a4a5a6a7a8ull);
}

static void test_made_up_le64(void **state)
{
    const ThunkTarget t = {.word_size = 8, .max_align = 8, .big_endian = false};
    Made h = {.a = -2, .b = 1, .c = 2, .d = {3, 4}, .e = 5};
    uint8_t g[64];
    /* a@0(8) b@8(2) c@12(4) d@16(2x8) e@32(8) */
    assert_int_equal(thunk_guest_size(&made_desc, &t), 40);
    thunk_h2g(&made_desc, &t, g, &h);
    assert_true(le(g, 8) == (uint64_t)-2);
    assert_int_equal(le(g + 8, 2), 1);
    assert_int_equal(le(g + 12, 4), 2);
    assert_int_equal(le(g + 16, 8), 3);
    assert_int_equal(le(g + 24, 8), 4);
    assert_int_equal(le(g + 32, 8), 5);
}

static void test_open_flags(void **state)
{
    const ThunkFlag *f = sys_abi_aarch64.open_flags;
    /* guest O_RDWR|O_CREAT|O_DIRECTORY|O_CLOEXEC */
    assert_int_equal(thunk_flags_g2h(f, 02 | 0100 | 040000 | 02000000),
                     02 | 0100 | 0200000 | 02000000);
    assert_int_equal(thunk_flags_g2h(f, 0100000), 0400000); /* O_NOFOLLOW */
    assert_int_equal(thunk_flags_g2h(f, 0200000), 040000);  /* O_DIRECT */
    assert_int_equal(thunk_flags_g2h(f, 0400000), 0100000); /* O_LARGEFILE */
    assert_int_equal(thunk_flags_h2g(f, 0100000 | 02), 0400000 | 02);
    assert_int_equal(thunk_flags_h2g(f, 0200000 | 0400000), 040000 | 0100000);
    /* O_TMPFILE = __O_TMPFILE | O_DIRECTORY */
    assert_int_equal(thunk_flags_g2h(f, 020000000 | 040000), 020000000 | 0200000);
    for (uint64_t v = 0; v < (1u << 23); v += 0x1111)
        assert_int_equal(thunk_flags_h2g(f, thunk_flags_g2h(f, v)), v);
    assert_int_equal(thunk_flags_g2h(NULL, 0x1234), 0x1234);
}

static void test_mmap_flags(void **state)
{
    assert_int_equal(thunk_flags_g2h(sys_abi_aarch64.mmap_flags, 0x40 | 0x22), 0x22);
    assert_int_equal(thunk_flags_g2h(sys_abi_aarch64.mmap_prot, 0x10 | 0x20 | 0x5), 0x5);
}

static void test_load_store(void **state)
{
    const ThunkTarget be_t = {4, 4, true}, le_t = {8, 8, false};
    uint8_t b[8];
    thunk_store(&be_t, b, 4, 0x11223344);
    assert_int_equal(b[0], 0x11);
    assert_int_equal(b[3], 0x44);
    assert_int_equal(thunk_load(&be_t, b, 4, false), 0x11223344);
    thunk_store(&le_t, b, 2, 0x8001);
    assert_true(thunk_load(&le_t, b, 2, true) == (uint64_t)(int64_t)(int16_t)0x8001);
    assert_int_equal(thunk_load(&le_t, b, 2, false), 0x8001);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stat_aarch64),       cmocka_unit_test(test_made_up_be32),
        cmocka_unit_test(test_made_up_i386_align), cmocka_unit_test(test_made_up_le64),
        cmocka_unit_test(test_open_flags),         cmocka_unit_test(test_mmap_flags),
        cmocka_unit_test(test_load_store),         cmocka_unit_test(test_epoll_event_aarch64),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
