/*
 * Unit tests for binfmt/binfmt.c: the magic and mask of 64-bit
 * little-endian and 32-bit big-endian guests (from the ELF header layout),
 * the registration line and its errors, the flag rules, the parsing of a
 * handler's status file and the rewriting of binfmt_misc's arguments.
 * Registering for real needs root: tests/binfmt/run.sh does it.
 *
 * The test brings its own GuestArch list so it does not depend on a frontend.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "binfmt/binfmt.h"

static const GuestArch test_a64 = {
    .name = "aarch64",
    .elf_machine = EM_AARCH64,
    .elf_class = ELFCLASS64,
    .elf_data = ELFDATA2LSB,
};

static const GuestArch test_be32 = {
    .name = "mips",
    .elf_machine = EM_MIPS,
    .elf_class = ELFCLASS32,
    .elf_data = ELFDATA2MSB,
};

static const GuestArch test_riscv = {
    .name = "riscv64",
    .elf_machine = EM_RISCV,
    .elf_class = ELFCLASS64,
    .elf_data = ELFDATA2LSB,
};

const GuestArch *const guest_arches[] = {&test_a64, &test_be32, NULL};

#define A64_MAGIC                                                                                  \
    "\\x7f\\x45\\x4c\\x46\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00"   \
    "\\xb7\\x00"
#define A64_MASK                                                                                   \
    "\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfe\\xff"   \
    "\\xff\\xff"

/* The identity matches ET_EXEC and ET_DYN headers and nothing else. */
static bool matches(const GuestArch *a, const uint8_t *hdr)
{
    uint8_t magic[BINFMT_MAGIC_LEN], mask[BINFMT_MAGIC_LEN];
    binfmt_magic(a, magic, mask);
    for (int i = 0; i < BINFMT_MAGIC_LEN; i++)
        if ((hdr[i] & mask[i]) != magic[i])
            return false;
    return true;
}

static void test_magic_aarch64(void **state)
{
    static const uint8_t want_magic[] = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0,    0,
                                         0,    0,   0,   0,   0, 0, 2, 0, 0xb7, 0};
    static const uint8_t want_mask[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0xff, 0xff,
                                        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xff, 0xff};
    uint8_t magic[BINFMT_MAGIC_LEN], mask[BINFMT_MAGIC_LEN];
    binfmt_magic(&test_a64, magic, mask);
    assert_memory_equal(magic, want_magic, BINFMT_MAGIC_LEN);
    assert_memory_equal(mask, want_mask, BINFMT_MAGIC_LEN);

    uint8_t hdr[BINFMT_MAGIC_LEN];
    memcpy(hdr, want_magic, sizeof(hdr));
    assert_true(matches(&test_a64, hdr)); /* ET_EXEC */
    hdr[16] = ET_DYN;
    assert_true(matches(&test_a64, hdr));
    hdr[EI_OSABI] = ELFOSABI_GNU; /* any OS ABI */
    assert_true(matches(&test_a64, hdr));
    hdr[16] = ET_REL;
    assert_false(matches(&test_a64, hdr));
    hdr[16] = ET_CORE;
    assert_false(matches(&test_a64, hdr));
    hdr[16] = ET_EXEC;
    hdr[18] = EM_X86_64;
    assert_false(matches(&test_a64, hdr));
    hdr[18] = EM_AARCH64;
    hdr[EI_CLASS] = ELFCLASS32;
    assert_false(matches(&test_a64, hdr));
}

static void test_magic_be32_and_wide_machine(void **state)
{
    uint8_t magic[BINFMT_MAGIC_LEN], mask[BINFMT_MAGIC_LEN];
    binfmt_magic(&test_be32, magic, mask);
    assert_int_equal(magic[EI_CLASS], ELFCLASS32);
    assert_int_equal(magic[EI_DATA], ELFDATA2MSB);
    /* Big-endian e_type 00 02 / mask ff fe, e_machine 00 08. */
    assert_int_equal(magic[16], 0);
    assert_int_equal(magic[17], ET_EXEC);
    assert_int_equal(mask[16], 0xff);
    assert_int_equal(mask[17], 0xfe);
    assert_int_equal(magic[18], 0);
    assert_int_equal(magic[19], EM_MIPS);
    uint8_t hdr[BINFMT_MAGIC_LEN] = {0x7f, 'E', 'L', 'F', 1, 2, 1, 0, 0, 0,
                                     0,    0,   0,   0,   0, 0, 0, 3, 0, 8};
    assert_true(matches(&test_be32, hdr));
    assert_false(matches(&test_a64, hdr));

    binfmt_magic(&test_riscv, magic, mask); /* EM_RISCV = 243 fits one byte; high byte 0 */
    assert_int_equal(magic[18], EM_RISCV);
    assert_int_equal(magic[19], 0);
    GuestArch wide = test_be32;
    wide.elf_machine = 0x1234;
    binfmt_magic(&wide, magic, mask);
    assert_int_equal(magic[18], 0x12);
    assert_int_equal(magic[19], 0x34);
}

static void test_entry(void **state)
{
    char buf[2048];
    int n = binfmt_entry(&test_a64, "ferry", "/usr/bin/ferry-static", "POCF", buf, sizeof(buf));
    const char *want = ":ferry-aarch64:M::" A64_MAGIC ":" A64_MASK ":/usr/bin/ferry-static:POCF";
    assert_string_equal(buf, want);
    assert_int_equal(n, (int)strlen(want));
    n = binfmt_entry(&test_be32, "ferry-test-1", "/f", "PO", buf, sizeof(buf));
    assert_true(n > 0);
    assert_true(strncmp(buf, ":ferry-test-1-mips:M::\\x7f\\x45\\x4c\\x46\\x01\\x02", 46) == 0);
    assert_true(strstr(buf, ":/f:PO") != NULL);

    assert_int_equal(binfmt_entry(&test_a64, "ferry", "ferry", "POCF", buf, sizeof(buf)), -EINVAL);
    assert_int_equal(binfmt_entry(&test_a64, "ferry", "/a:b", "POCF", buf, sizeof(buf)), -EINVAL);
    assert_int_equal(binfmt_entry(&test_a64, "ferry", "/a\nb", "POCF", buf, sizeof(buf)), -EINVAL);
    assert_int_equal(binfmt_entry(&test_a64, "ferry", "/f", "POCF", buf, 40), -ENAMETOOLONG);
    char *longpath = malloc(2000);
    memset(longpath, 'a', 1999);
    longpath[0] = '/';
    longpath[1999] = 0;
    char *big = malloc(8192);
    assert_int_equal(binfmt_entry(&test_a64, "ferry", longpath, "POCF", big, 8192), -ENAMETOOLONG);
    free(big);
    free(longpath);
}

static void test_flags(void **state)
{
    char err[256];
    assert_true(binfmt_check_flags("POCF", err, sizeof(err)));
    assert_true(binfmt_check_flags("PO", err, sizeof(err)));
    assert_true(binfmt_check_flags("PC", err, sizeof(err)));
    assert_true(binfmt_check_flags("FCP", err, sizeof(err)));
    assert_false(binfmt_check_flags("OCF", err, sizeof(err)));
    assert_non_null(strstr(err, "must contain P and O"));
    assert_false(binfmt_check_flags("PF", err, sizeof(err)));
    assert_false(binfmt_check_flags("", err, sizeof(err)));
    assert_false(binfmt_check_flags("POCFx", err, sizeof(err)));
    assert_non_null(strstr(err, "unknown flag 'x'"));
    assert_false(binfmt_check_flags("poc", err, sizeof(err)));
}

static void test_parse_status(void **state)
{
    BinfmtStatus st;
    assert_true(binfmt_parse_status("enabled\ninterpreter /usr/bin/ferry-static\nflags: POCF\n"
                                    "offset 0\nmagic 7f454c46\nmask ffffffff\n",
                                    &st));
    assert_true(st.enabled);
    assert_string_equal(st.interpreter, "/usr/bin/ferry-static");
    assert_string_equal(st.flags, "POCF");
    assert_true(binfmt_parse_status("disabled\ninterpreter /x\nflags: \noffset 0\n", &st));
    assert_false(st.enabled);
    assert_string_equal(st.interpreter, "/x");
    assert_string_equal(st.flags, "");
    assert_true(binfmt_parse_status("enabled\ninterpreter /y\nflags:", &st));
    assert_string_equal(st.flags, "");
    assert_false(binfmt_parse_status("enabled\n", &st));
    assert_false(binfmt_parse_status("", &st));
    assert_false(binfmt_parse_status("interpreter /x\n", &st));
}

static void test_run_argv(void **state)
{
    char *in[] = {"/usr/bin/ferry-static", "/tmp/prog", "prog", "-L", "x", NULL};
    int argc;
    char **v = binfmt_run_argv(5, in, &argc);
    assert_non_null(v);
    assert_int_equal(argc, 7);
    const char *want[] = {"/usr/bin/ferry-static", "-0", "prog", "--", "/tmp/prog", "-L", "x"};
    for (int i = 0; i < 7; i++)
        assert_string_equal(v[i], want[i]);
    assert_null(v[7]);
    free(v);

    /* An empty argv: the kernel passes only [ferry, path]. */
    v = binfmt_run_argv(2, in, &argc);
    assert_int_equal(argc, 3);
    assert_string_equal(v[1], "--");
    assert_string_equal(v[2], "/tmp/prog");
    assert_null(v[3]);
    free(v);

    assert_ptr_equal(binfmt_run_argv(1, in, &argc), in);
    assert_int_equal(argc, 1);
}

static void test_not_binfmt(void **state)
{
    assert_int_equal(binfmt_exec_fd(), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_magic_aarch64), cmocka_unit_test(test_magic_be32_and_wide_machine),
        cmocka_unit_test(test_entry),         cmocka_unit_test(test_flags),
        cmocka_unit_test(test_parse_status),  cmocka_unit_test(test_run_argv),
        cmocka_unit_test(test_not_binfmt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
