/*
 * Tests for the decoder generator (frontends/decodegen): runs build/decodegen on
 * the sample specs in tests/unit/decodegen/.  Valid specs must generate code;
 * invalid ones must fail with `file:line: error:` and leave no output.  One
 * valid spec's decoder is compiled with a small driver and run on a table of
 * instruction words to check dispatch, field extraction and group fallthrough.
 * Run from the repository root after `make build/decodegen`; the generator path
 * can be overridden with argv[1] or $DECODEGEN.
 */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#define SPEC_DIR "tests/unit/decodegen/"
#define TMP_DIR "build/tmp/decodegen"

static const char *decodegen = "build/decodegen";

/* Runs cmd through the shell, capturing stdout and stderr; returns the exit status. */
static int run(const char *cmd, char *out, size_t size)
{
    char full[1024];
    FILE *p;
    size_t n = 0;
    int status;

    snprintf(full, sizeof(full), "%s 2>&1", cmd);
    p = popen(full, "r");
    assert_non_null(p);
    while (n + 1 < size && !feof(p)) {
        n += fread(out + n, 1, size - 1 - n, p);
    }
    out[n] = '\0';
    status = pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static bool file_exists(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "r");
    char *buf;
    long len;

    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    rewind(f);
    buf = malloc(len + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, len, f), (size_t)len);
    buf[len] = '\0';
    fclose(f);
    return buf;
}

/* Generates SPEC_DIR spec into TMP_DIR/out; returns the exit status. */
static int generate(const char *spec, const char *out, char *msg, size_t size)
{
    char cmd[1024];

    snprintf(cmd, sizeof(cmd), "mkdir -p " TMP_DIR " && %s --decode decode_test -o %s %s%s",
             decodegen, out, SPEC_DIR, spec);
    return run(cmd, msg, size);
}

static void test_valid_spec_generates(void **state)
{
    const char *out = TMP_DIR "/valid_basic.c.inc";
    char msg[4096];
    char *text;

    (void)state;
    assert_int_equal(generate("valid_basic.decode", out, msg, sizeof(msg)), 0);
    assert_string_equal(msg, "");
    text = read_all(out);
    assert_non_null(strstr(text, "static bool decode_test(DisasContext *ctx, uint32_t insn)"));
    assert_non_null(strstr(text, "typedef struct {\n    int rd;\n    int rn;\n    int rm;\n"
                                 "} arg_rrr;"));
    assert_non_null(strstr(text, "static bool trans_ADD(DisasContext *ctx, arg_rrr *a);"));
    assert_non_null(strstr(text, "static bool trans_NOP(DisasContext *ctx, arg_NOP *a);"));
    assert_non_null(strstr(text, "static int times_4k(DisasContext *ctx, int x);"));
    assert_non_null(strstr(text, "decode_test_extract_rrr(DisasContext *ctx, arg_rrr *a,"));
    assert_non_null(strstr(text, "switch ("));
    assert_null(strstr(text, "} arg_ext;")); /* !extern */
    /* one prototype per trans_ name even when the name is used twice */
    assert_null(strstr(strstr(text, "trans_ADD(DisasContext") + 1, "trans_ADD(DisasContext"));
    free(text);
}

/* The other valid specs generate a decoder too. */
static void test_other_valid_specs(void **state)
{
    static const char *const specs[] = {"valid_nested.decode", "valid_empty.decode"};
    const char *out = TMP_DIR "/valid_other.c.inc";
    char msg[4096];
    char *text;

    (void)state;
    for (size_t i = 0; i < sizeof(specs) / sizeof(specs[0]); i++) {
        assert_int_equal(generate(specs[i], out, msg, sizeof(msg)), 0);
        text = read_all(out);
        assert_non_null(strstr(text, "static bool decode_test(DisasContext *ctx, uint32_t insn)"));
        free(text);
    }
}

typedef struct BadSpec {
    const char *file;
    const char *where;   /* expected "file:line: error:" suffix after SPEC_DIR */
    const char *message; /* substring of the message */
} BadSpec;

static const BadSpec bad_specs[] = {
    {"bad_syntax.decode", "bad_syntax.decode:2: error:", "invalid bit token"},
    {"bad_assign.decode", "bad_assign.decode:3: error:", "invalid value"},
    {"unknown_field.decode", "unknown_field.decode:3: error:", "unknown field 'rn'"},
    {"unknown_argset.decode", "unknown_argset.decode:2: error:", "unknown argument set"},
    {"unknown_format.decode", "unknown_format.decode:2: error:", "unknown format"},
    {"dup_field.decode", "dup_field.decode:4: error:", "duplicate field 'rd'"},
    {"dup_argset.decode", "dup_argset.decode:3: error:", "duplicate argument set 'rr'"},
    {"dup_format.decode", "dup_format.decode:3: error:", "duplicate format 'r'"},
    {"bit_count.decode", "bit_count.decode:2: error:", "31 bits given, expected 32"},
    {"bit_count_long.decode", "bit_count_long.decode:2: error:", "33 bits given"},
    {"format_conflict.decode", "format_conflict.decode:3: error:", "conflict with format"},
    {"field_range.decode", "field_range.decode:3: error:", "beyond bit 31"},
    {"member_not_set.decode", "member_not_set.decode:4: error:", "'rm'"},
    {"member_unknown.decode", "member_unknown.decode:3: error:", "'x' is not in argument"},
    {"overlap.decode", "overlap.decode:3: error:", "overlaps pattern 'FOO'"},
    {"overlap_brackets.decode", "overlap_brackets.decode:6: error:", "inside []"},
    {"unclosed_group.decode", "unclosed_group.decode:2: error:", "unclosed group"},
    {"unmatched_bracket.decode", "unmatched_bracket.decode:5: error:", "unmatched ']'"},
    {"dup_member.decode", "dup_member.decode:3: error:", "'rd' set twice"},
    {"bad_sign.decode", "bad_sign.decode:3: error:", "first segment"},
    {"empty_group.decode", "empty_group.decode:4: error:", "empty group"},
    {"bad_name.decode", "bad_name.decode:3: error:", "invalid pattern name '1BAD'"},
    {"name_argset_mismatch.decode", "name_argset_mismatch.decode:5: error:", "argument set"},
};

static void test_invalid_specs_fail(void **state)
{
    const char *out = TMP_DIR "/invalid.c.inc";
    char msg[4096];

    (void)state;
    for (size_t i = 0; i < sizeof(bad_specs) / sizeof(bad_specs[0]); i++) {
        const BadSpec *b = &bad_specs[i];
        char where[256];
        unlink(out);
        snprintf(where, sizeof(where), SPEC_DIR "%s", b->where);
        assert_int_equal(generate(b->file, out, msg, sizeof(msg)), 1);
        if (strncmp(msg, where, strlen(where)) != 0 || !strstr(msg, b->message)) {
            fail_msg("%s: got '%s', want '%s ... %s'", b->file, msg, where, b->message);
        }
        assert_false(file_exists(out));
    }
}

static void test_error_removes_stale_output(void **state)
{
    const char *out = TMP_DIR "/stale.c.inc";
    char msg[4096];

    (void)state;
    assert_int_equal(generate("valid_basic.decode", out, msg, sizeof(msg)), 0);
    assert_true(file_exists(out));
    assert_int_equal(generate("overlap.decode", out, msg, sizeof(msg)), 1);
    assert_false(file_exists(out));
}

/* Driver compiled against the decoder of valid_basic.decode. */
static const char driver_src[] =
    "#include <stdio.h>\n"
    "#include <stdlib.h>\n"
    "typedef struct DisasContext { int unused; } DisasContext;\n"
    "typedef struct { int rd; } arg_ext;\n"
    "#include \"valid_basic.c.inc\"\n"
    "static int times_4k(DisasContext *ctx, int x) { (void)ctx; return x * 4096; }\n"
    "#define RRR(N) static bool trans_##N(DisasContext *c, arg_rrr *a) \\\n"
    "    { (void)c; printf(#N \" %d %d %d\\n\", a->rd, a->rn, a->rm); return true; }\n"
    "#define RI(N) static bool trans_##N(DisasContext *c, arg_ri *a) \\\n"
    "    { (void)c; printf(#N \" %d %d\\n\", a->rd, a->imm); return true; }\n"
    "RRR(ADD) RRR(SUB) RI(MOVI) RI(CBZ) RI(ADR) RI(SEXT) RI(SHIFT) RI(CONST)\n"
    "static bool trans_NOP(DisasContext *c, arg_NOP *a)\n"
    "    { (void)c; (void)a; printf(\"NOP\\n\"); return true; }\n"
    "static bool trans_EMPTY(DisasContext *c, arg_empty *a)\n"
    "    { (void)c; (void)a; printf(\"EMPTY\\n\"); return true; }\n"
    "static bool trans_WIDE(DisasContext *c, arg_wide *a)\n"
    "    { (void)c; printf(\"WIDE %d %d %d\\n\", a->rd, a->imm, a->extra); return true; }\n"
    "static bool trans_EXT(DisasContext *c, arg_ext *a)\n"
    "    { (void)c; printf(\"EXT %d\\n\", a->rd); return true; }\n"
    "static bool trans_INL(DisasContext *c, arg_INL *a)\n"
    "    { (void)c; printf(\"INL %d %d %d\\n\", a->sh, a->a, a->b); return true; }\n"
    "static bool trans_SPECIAL(DisasContext *c, arg_SPECIAL *a)\n"
    "    { (void)c; printf(\"SPECIAL %d\\n\", a->rd); return a->rd != 1; }\n"
    "static bool trans_PICKY(DisasContext *c, arg_PICKY *a)\n"
    "    { (void)c; printf(\"PICKY %d\\n\", a->rd); return a->rd != 2; }\n"
    "static bool trans_GENERAL(DisasContext *c, arg_GENERAL *a)\n"
    "    { (void)c; printf(\"GENERAL %d\\n\", a->rd); return true; }\n"
    "int main(int argc, char **argv)\n"
    "{\n"
    "    DisasContext ctx = { 0 };\n"
    "    for (int i = 1; i < argc; i++) {\n"
    "        printf(\"%s:\\n\", argv[i]);\n"
    "        printf(\"-> %d\\n\", decode_test(&ctx, (uint32_t)strtoul(argv[i], NULL, 16)));\n"
    "    }\n"
    "    return 0;\n"
    "}\n";

typedef struct Case {
    const char *insn;
    const char *expect; /* trans_ calls in order, then the decode result */
} Case;

static const Case cases[] = {
    {"8b030041", "ADD 1 2 3\n-> 1\n"},
    {"8b230041", "ADD 1 2 3\n-> 1\n"}, /* second ADD pattern */
    {"cb030041", "SUB 1 2 3\n-> 1\n"},
    {"8b030441", "-> 0\n"},               /* fixed bits 15:10 wrong */
    {"15ffff27", "MOVI 7 -1\n-> 1\n"},    /* signed inline field */
    {"b4ffffc3", "CBZ 3 -2\n-> 1\n"},     /* signed field via name=%field */
    {"500000a4", "ADR 4 22\n-> 1\n"},     /* two segments */
    {"ff800c05", "SEXT 5 -29\n-> 1\n"},   /* signed first segment */
    {"fe400009", "SHIFT 9 4096\n-> 1\n"}, /* !function */
    {"d503201f", "NOP\n-> 1\n"},
    {"d503301f", "CONST 31 -7\n-> 1\n"},   /* constants */
    {"d6805f42", "INL -128 5 66\n-> 1\n"}, /* inline fields, '-' bits */
    {"d6805042", "INL -128 5 66\n-> 1\n"},
    {"e0000003", "SPECIAL 3\n-> 1\n"},
    {"e0000001", "SPECIAL 1\nGENERAL 1\n-> 1\n"}, /* {} fallthrough */
    {"e0000082", "PICKY 2\nGENERAL 2\n-> 1\n"},   /* [] inside {} falls through */
    {"e0010083", "PICKY 3\n-> 1\n"},
    {"e0ffff64", "GENERAL 4\n-> 1\n"},
    {"f0000000", "EMPTY\n-> 1\n"},
    {"f0000001", "-> 0\n"},
    {"b5ffffc3", "WIDE 3 -2 5\n-> 1\n"}, /* format with another argset */
    {"f1000009", "EXT 9\n-> 1\n"},       /* !extern argset */
    {"00000000", "-> 0\n"},
};

static void test_generated_decoder_runs(void **state)
{
    char msg[8192], cmd[2048], expect[8192];
    size_t n = 0, cmdlen;
    FILE *f;

    (void)state;
    assert_int_equal(generate("valid_basic.decode", TMP_DIR "/valid_basic.c.inc", msg, sizeof(msg)),
                     0);
    f = fopen(TMP_DIR "/driver.c", "w");
    assert_non_null(f);
    fputs(driver_src, f);
    fclose(f);
    assert_int_equal(run("cc -std=gnu11 -O2 -Wall -Wextra -Werror -o " TMP_DIR "/driver " TMP_DIR
                         "/driver.c",
                         msg, sizeof(msg)),
                     0);
    cmdlen = snprintf(cmd, sizeof(cmd), TMP_DIR "/driver");
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        cmdlen += snprintf(cmd + cmdlen, sizeof(cmd) - cmdlen, " %s", cases[i].insn);
        n += snprintf(expect + n, sizeof(expect) - n, "%s:\n%s", cases[i].insn, cases[i].expect);
    }
    assert_int_equal(run(cmd, msg, sizeof(msg)), 0);
    assert_string_equal(msg, expect);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_spec_generates),
        cmocka_unit_test(test_other_valid_specs),
        cmocka_unit_test(test_invalid_specs_fail),
        cmocka_unit_test(test_error_removes_stale_output),
        cmocka_unit_test(test_generated_decoder_runs),
    };

    if (argc > 1) {
        decodegen = argv[1];
    } else if (getenv("DECODEGEN")) {
        decodegen = getenv("DECODEGEN");
    }
    return cmocka_run_group_tests(tests, NULL, NULL);
}
