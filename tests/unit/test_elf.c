/*
 * Unit tests for ELF loading (loader/elf.c): handcrafted images written to
 * temporary files (elf_fixture.h), every corrupt-input error with its exit
 * status and message, opening the program, and a small fuzz run.
 * The interpreter, sysroot lookups, the initial stack and the command line
 * are in test_elf_interp.c.
 */
#include "elf_fixture.h"

static void expect_error(const Image *im, const char *msg)
{
    Process *p = proc_new();
    ElfError err;
    assert_true(img_load(im, p, &err) < 0);
    assert_int_equal(err.status, 126);
    assert_string_equal(err.msg, msg);
    assert_null(strchr(err.msg, '\n'));
    proc_free(p);
}

/* ---- loading ---- */

static void test_load_exec(void **state)
{
    Image im;
    img_build(&im);
    Process *p = proc_new();
    ElfError err;
    assert_int_equal(img_load(&im, p, &err), 0);
    assert_ptr_equal(p->arch, &test_a64);
    assert_int_equal(p->elf.entry, 0x401000);
    assert_int_equal(p->elf.load_bias, 0);
    assert_int_equal(p->elf.phdr, 0x400040);
    assert_int_equal(p->elf.phnum, 3);
    assert_int_equal(p->elf.phent, sizeof(Elf64_Phdr));
    assert_int_equal(p->elf.start_code, 0x400000);
    assert_int_equal(p->elf.end_code, 0x401100);
    assert_int_equal(p->elf.start_data, 0x410000);
    assert_int_equal(p->elf.end_data, 0x410010);
    assert_int_equal(p->elf.start_brk, 0x413000);
    assert_int_equal(p->mem.brk_start, 0x413000);
    uint8_t *h = g2h(&p->mem, 0);
    assert_int_equal(h[0x401000], 0xd5);
    assert_int_equal(h[0x4010ff], 0xd5);
    assert_int_equal(h[0x401100], 0); /* bss in the last file page */
    assert_int_equal(h[0x4017ff], 0);
    assert_string_equal((char *)h + 0x410000, "data segment!");
    assert_int_equal(h[0x412fff], 0);
    assert_true(gmem_check(&p->mem, 0x400000, 0x2000, PROT_READ | PROT_EXEC));
    assert_false(gmem_check(&p->mem, 0x400000, 1, PROT_WRITE));
    assert_true(gmem_check(&p->mem, 0x410000, 0x3000, PROT_READ | PROT_WRITE));
    assert_false(gmem_check(&p->mem, 0x410000, 1, PROT_EXEC));
    assert_false(gmem_check(&p->mem, 0x402000, 1, 0));
    GuestRegion r;
    assert_true(gmem_find(&p->mem, 0x400000, &r));
    assert_true(r.flags & GMEM_IMAGE);
    assert_int_equal(gmem_brk(&p->mem, 0x414000), 0x414000);
    proc_free(p);
}

static void test_load_dyn(void **state)
{
    Image im;
    img_build(&im);
    img_eh(&im)->e_type = ET_DYN;
    img_eh(&im)->e_entry = 0x1000;
    img_ph(&im, 0)->p_vaddr = 0;
    img_ph(&im, 1)->p_vaddr = 0x10000;
    Process *p = proc_new();
    ElfError err;
    assert_int_equal(img_load(&im, p, &err), 0);
    uint64_t b = 0x5500000000ull;
    assert_int_equal(p->elf.load_bias, b);
    assert_int_equal(p->elf.entry, b + 0x1000);
    assert_int_equal(p->elf.phdr, b + 0x40);
    assert_int_equal(p->elf.start_brk, b + 0x13000);
    assert_string_equal((char *)g2h(&p->mem, b + 0x10000), "data segment!");
    assert_false(gmem_check(&p->mem, b + 0x2000, 1, 0)); /* gap between segments unmapped */
    assert_true(gmem_check(&p->mem, b, 0x2000, PROT_EXEC));
    proc_free(p);
}

static void test_load_dyn_small_window(void **state)
{
    Image im;
    img_build(&im);
    img_eh(&im)->e_type = ET_DYN;
    img_eh(&im)->e_entry = 0x1000;
    img_ph(&im, 0)->p_vaddr = 0;
    img_ph(&im, 1)->p_vaddr = 0x10000;
    Process *p = calloc(1, sizeof(*p));
    assert_int_equal(gmem_init(&p->mem, 1ull << 28, 1ull << 28, 0), 0);
    ElfError err;
    assert_int_equal(img_load(&im, p, &err), 0);
    assert_true(p->elf.load_bias + 0x13000 <= p->mem.size);
    assert_int_equal(p->elf.entry, p->elf.load_bias + 0x1000);
    proc_free(p);
}

static void test_shared_page(void **state)
{
    Image im;
    img_build(&im);
    /* data starts inside the last text page: that page gets r-x and rw- */
    img_ph(&im, 1)->p_vaddr = 0x401800;
    img_ph(&im, 1)->p_offset = DATA_OFF + 0x800;
    memcpy(im.b + DATA_OFF + 0x800, "shared", 7);
    Process *p = proc_new();
    ElfError err;
    assert_int_equal(img_load(&im, p, &err), 0);
    assert_string_equal((char *)g2h(&p->mem, 0x401800), "shared");
    assert_int_equal(((uint8_t *)g2h(&p->mem, 0x401000))[0], 0xd5);
    assert_true(gmem_check(&p->mem, 0x401000, 0x1000, PROT_READ | PROT_WRITE | PROT_EXEC));
    assert_false(gmem_check(&p->mem, 0x402000, 0x1000, PROT_EXEC));
    proc_free(p);
}

/* ---- errors ---- */

static void test_not_elf(void **state)
{
    Image im;
    memset(&im, 0, sizeof(im));
    strcpy((char *)im.b, "#!/bin/sh\necho hello\n");
    im.len = strlen((char *)im.b);
    expect_error(&im, "ferry: prog: not an ELF file");
    im.len = 0;
    expect_error(&im, "ferry: prog: not an ELF file");
    im.len = 3;
    memcpy(im.b, ELFMAG, 3);
    expect_error(&im, "ferry: prog: not an ELF file");
}

static void test_truncated_header(void **state)
{
    Image im;
    img_build(&im);
    im.len = 40;
    expect_error(&im, "ferry: prog: corrupt ELF: truncated ELF header");
    im.len = 10;
    expect_error(&im, "ferry: prog: corrupt ELF: truncated ELF header");
}

static void test_bad_phoff(void **state)
{
    Image im;
    img_build(&im);
    img_eh(&im)->e_phoff = IMG_SIZE - 10;
    expect_error(&im, "ferry: prog: corrupt ELF: program headers beyond end of file");
    img_eh(&im)->e_phoff = UINT64_MAX - 8;
    expect_error(&im, "ferry: prog: corrupt ELF: program headers beyond end of file");
    img_build(&im);
    img_eh(&im)->e_phentsize = 12;
    expect_error(&im, "ferry: prog: corrupt ELF: bad e_phentsize 12");
}

static void test_filesz_memsz(void **state)
{
    Image im;
    img_build(&im);
    img_ph(&im, 1)->p_filesz = 0x4000;
    expect_error(&im, "ferry: prog: corrupt ELF: segment at 0x410000 has p_filesz > p_memsz");
}

static void test_past_eof(void **state)
{
    Image im;
    img_build(&im);
    img_ph(&im, 1)->p_filesz = 0x2000;
    expect_error(&im, "ferry: prog: corrupt ELF: segment at 0x410000 beyond end of file");
    img_build(&im);
    im.len = DATA_OFF + 4;
    expect_error(&im, "ferry: prog: corrupt ELF: segment at 0x410000 beyond end of file");
}

static void test_overlap(void **state)
{
    Image im;
    img_build(&im);
    img_ph(&im, 1)->p_vaddr = 0x401000;
    expect_error(&im, "ferry: prog: corrupt ELF: overlapping or unsorted PT_LOAD segments");
}

static void test_entry_outside(void **state)
{
    Image im;
    img_build(&im);
    img_eh(&im)->e_entry = 0x500000;
    expect_error(&im, "ferry: prog: corrupt ELF: entry point 0x500000 outside the segments");
}

static void test_no_load(void **state)
{
    Image im;
    img_build(&im);
    img_ph(&im, 0)->p_type = PT_NOTE;
    img_ph(&im, 1)->p_type = PT_NOTE;
    expect_error(&im, "ferry: prog: corrupt ELF: no PT_LOAD segment");
    img_eh(&im)->e_phnum = 0;
    expect_error(&im, "ferry: prog: corrupt ELF: no PT_LOAD segment");
}

static void test_machines(void **state)
{
    Image im;
    img_build(&im);
    img_eh(&im)->e_machine = EM_X86_64;
    expect_error(&im, "ferry: prog: ELF machine x86-64 is the host; run it directly");
    img_eh(&im)->e_machine = EM_ARM;
    expect_error(&im, "ferry: prog: ELF machine 0x28 (arm) is not a supported guest");
    img_eh(&im)->e_machine = 0x7777;
    expect_error(&im, "ferry: prog: ELF machine 0x7777 (unknown) is not a supported guest");
    img_build(&im);
    img_eh(&im)->e_ident[EI_DATA] = ELFDATA2MSB;
    img_eh(&im)->e_machine = EM_AARCH64 << 8; /* read back big-endian as 0xb7 */
    expect_error(&im, "ferry: prog: ELF machine 0xb7 (aarch64) is not a supported guest as "
                      "64-bit big-endian");
    img_build(&im);
    img_eh(&im)->e_ident[EI_CLASS] = 9;
    expect_error(&im, "ferry: prog: corrupt ELF: bad ELF class 9");
    img_build(&im);
    img_eh(&im)->e_type = ET_REL;
    expect_error(&im, "ferry: prog: not an executable ELF file (type 1)");
}

static void test_segment_outside_window(void **state)
{
    Image im;
    img_build(&im);
    img_ph(&im, 1)->p_vaddr = 0x7fff00000000ull;
    Process *p = proc_new();
    ElfError err;
    assert_true(img_load(&im, p, &err) < 0);
    assert_int_equal(err.status, 126);
    assert_non_null(strstr(err.msg, "cannot place the program"));
    proc_free(p);
}

static void test_open(void **state)
{
    ElfError err;
    assert_int_equal(elf_open("/nonexistent/ferry", &err), -ENOENT);
    assert_int_equal(err.status, 127);
    assert_string_equal(err.msg, "ferry: /nonexistent/ferry: No such file or directory");
    assert_int_equal(elf_open("/tmp", &err), -EISDIR);
    assert_int_equal(err.status, 126);
    char path[] = "/tmp/ferry_test_open_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    chmod(path, 0644);
    assert_int_equal(elf_open(path, &err), -EACCES);
    assert_int_equal(err.status, 126);
    chmod(path, 0755);
    fd = elf_open(path, &err);
    assert_true(fd >= 0);
    close(fd);
    unlink(path);
}

#ifndef FUZZ_ITERS
#define FUZZ_ITERS 400
#endif

/* Random truncations and bit flips: never a crash, always 0 or a 126 error. */
static void test_fuzz(void **state)
{
    srand(12345);
    Process *p = calloc(1, sizeof(*p));
    assert_non_null(p);
    for (int i = 0; i < FUZZ_ITERS; i++) {
        Image im;
        img_build(&im);
        if (i % 3 == 0)
            im.len = (size_t)rand() % IMG_SIZE;
        int flips = 1 + rand() % 8;
        for (int k = 0; k < flips; k++) {
            size_t at = (size_t)rand() % (i % 2 ? 64 + 3 * 56 : IMG_SIZE);
            im.b[at] ^= (uint8_t)(1u << (rand() % 8));
        }
        assert_int_equal(gmem_init(&p->mem, 1ull << 40, 1ull << 32, 0), 0);
        ElfError err;
        int rc = img_load(&im, p, &err);
        if (rc < 0) {
            /* 127: a bit flip made a PT_INTERP naming a file that does not exist */
            assert_true(err.status == 126 || (err.status == 127 && strstr(err.msg, "not found")));
            assert_memory_equal(err.msg, "ferry: prog: ", 13);
            assert_null(strchr(err.msg, '\n'));
        }
        gmem_destroy(&p->mem);
    }
    free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_exec),
        cmocka_unit_test(test_load_dyn),
        cmocka_unit_test(test_load_dyn_small_window),
        cmocka_unit_test(test_shared_page),
        cmocka_unit_test(test_not_elf),
        cmocka_unit_test(test_truncated_header),
        cmocka_unit_test(test_bad_phoff),
        cmocka_unit_test(test_filesz_memsz),
        cmocka_unit_test(test_past_eof),
        cmocka_unit_test(test_overlap),
        cmocka_unit_test(test_entry_outside),
        cmocka_unit_test(test_no_load),
        cmocka_unit_test(test_machines),
        cmocka_unit_test(test_segment_outside_window),
        cmocka_unit_test(test_open),
        cmocka_unit_test(test_fuzz),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
