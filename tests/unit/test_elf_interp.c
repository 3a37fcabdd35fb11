/*
 * Unit tests for what the loader does around the ELF image: the
 * interpreter of dynamically linked programs (in a temporary sysroot) and
 * sysroot lookups (loader/elf.c), the initial stack (loader/stack.c) and
 * the command line (loader/options.c). Images and guests come from
 * elf_fixture.h; plain ELF loading and corrupt files are in test_elf.c.
 */
#include "elf_fixture.h"

/* ---- interpreter and sysroot ---- */

static uint64_t auxv_get(Process *p, uint64_t type);

/* A temporary sysroot directory with lib/ in it. */
static void root_make(char *root)
{
    strcpy(root, "/tmp/ferry_test_root_XXXXXX");
    assert_non_null(mkdtemp(root));
    char lib[128];
    snprintf(lib, sizeof(lib), "%s/lib", root);
    assert_int_equal(mkdir(lib, 0755), 0);
}

/* Writes im to root/rel with the given mode. */
static void root_put(const char *root, const char *rel, const Image *im, mode_t mode)
{
    char path[256];
    snprintf(path, sizeof(path), "%s%s", root, rel);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(im->b, 1, im->len, f), im->len);
    fclose(f);
    assert_int_equal(chmod(path, mode), 0);
}

static void root_remove(const char *root)
{
    char cmd[256];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
    assert_int_equal(system(cmd), 0);
}

/* The static test program with a PT_INTERP naming `interp`. */
static void img_build_dynamic(Image *im, const char *interp)
{
    img_build(im);
    img_eh(im)->e_phnum = 4;
    size_t n = strlen(interp) + 1;
    *img_ph(im, 3) = (Elf64_Phdr){PT_INTERP, PF_R, 0x800, 0, 0, n, n, 1};
    memcpy(im->b + 0x800, interp, n);
}

/* A position-independent interpreter: text at 0 (entry 0x1000), data at 0x10000. */
static void img_build_interp(Image *im)
{
    img_build(im);
    img_eh(im)->e_type = ET_DYN;
    img_eh(im)->e_entry = 0x1000;
    img_ph(im, 0)->p_vaddr = 0;
    img_ph(im, 1)->p_vaddr = 0x10000;
    memcpy(im->b + DATA_OFF, "interpreter!", 13);
}

static void test_interp(void **state)
{
    char root[64];
    root_make(root);
    Image interp, im;
    img_build_interp(&interp);
    root_put(root, "/lib/ld-test.so.1", &interp, 0755);
    img_build_dynamic(&im, "/lib/ld-test.so.1");
    Process *p = proc_new();
    p->opts.sysroot = root;
    ElfError err;
    assert_int_equal(img_load(&im, p, &err), 0);
    assert_string_equal(p->opts.sysroot, root);
    uint64_t b = p->elf.interp_base;
    assert_true(b != 0 && (b & (GUEST_PAGE_SIZE - 1)) == 0);
    assert_int_equal(p->elf.interp_entry, b + 0x1000);
    assert_int_equal(p->elf.entry, 0x401000); /* AT_ENTRY: the program's */
    assert_int_equal(p->elf.phdr, 0x400040);
    assert_int_equal(p->elf.phnum, 4);
    assert_int_equal(p->mem.brk_start, 0x413000); /* after the program, not the interpreter */
    assert_string_equal((char *)g2h(&p->mem, b + 0x10000), "interpreter!");
    assert_string_equal((char *)g2h(&p->mem, 0x410000), "data segment!");
    assert_true(gmem_check(&p->mem, b + 0x1000, 0x100, PROT_READ | PROT_EXEC));
    assert_false(gmem_check(&p->mem, b + 0x2000, 1, 0));
    GuestRegion r;
    assert_true(gmem_find(&p->mem, b, &r));
    assert_false(r.flags & GMEM_IMAGE); /* /proc/self/maps does not name it as the program */

    /* the stack gets AT_BASE; the guest starts in the interpreter */
    char *argv[] = {"prog", NULL};
    char *envp[] = {NULL};
    assert_int_equal(stack_setup(p, NULL, argv, envp, "prog"), 0);
    assert_int_equal(auxv_get(p, AT_BASE), b);
    assert_int_equal(auxv_get(p, AT_ENTRY), 0x401000);
    proc_free(p);

    /* a PIE program goes to the arch's base, the interpreter elsewhere */
    img_eh(&im)->e_type = ET_DYN;
    img_eh(&im)->e_entry = 0x1000;
    img_ph(&im, 0)->p_vaddr = 0;
    img_ph(&im, 1)->p_vaddr = 0x10000;
    p = proc_new();
    p->opts.sysroot = root;
    assert_int_equal(img_load(&im, p, &err), 0);
    assert_int_equal(p->elf.load_bias, 0x5500000000ull);
    assert_int_equal(p->elf.entry, 0x5500001000ull);
    assert_true(p->elf.interp_base + 0x13000 <= 0x5500000000ull ||
                p->elf.interp_base >= 0x5500013000ull);
    assert_string_equal((char *)g2h(&p->mem, p->elf.interp_base + 0x10000), "interpreter!");
    proc_free(p);
    root_remove(root);
}

static void expect_interp_error(const Image *im, const char *sysroot, int status, const char *msg)
{
    Process *p = proc_new();
    p->opts.sysroot = sysroot;
    ElfError err;
    assert_true(img_load(im, p, &err) < 0);
    assert_int_equal(err.status, status);
    assert_string_equal(err.msg, msg);
    assert_null(strchr(err.msg, '\n'));
    proc_free(p);
}

/* Installs `interp` as root/lib/ld-test.so.1 with `mode` and expects loading
 * im to fail with 126 and "ferry: prog: interpreter ROOT/lib/ld-test.so.1"
 * followed by `rest`. */
static void expect_bad_interp(const Image *im, const char *root, const Image *interp, mode_t mode,
                              const char *rest)
{
    char msg[512];
    root_put(root, "/lib/ld-test.so.1", interp, mode);
    snprintf(msg, sizeof(msg), "ferry: prog: interpreter %s/lib/ld-test.so.1%s", root, rest);
    expect_interp_error(im, root, 126, msg);
}

static void test_interp_errors(void **state)
{
    char root[64], rest[128];
    root_make(root);
    Image interp, im;
    img_build_dynamic(&im, "/ferry-none/ld.so");
    expect_interp_error(&im, root, 127,
                        "ferry: prog: interpreter /ferry-none/ld.so not found (use -L SYSROOT)");

    img_build_dynamic(&im, "/lib/ld-test.so.1");
    img_build_interp(&interp);
    snprintf(rest, sizeof(rest), ": %s", strerror(EACCES));
    expect_bad_interp(&im, root, &interp, 0644, rest);

    img_eh(&interp)->e_type = ET_EXEC;
    expect_bad_interp(&im, root, &interp, 0755, " is not position-independent");

    img_build_interp(&interp);
    img_eh(&interp)->e_machine = EM_X86_64;
    expect_bad_interp(&im, root, &interp, 0755,
                      ": ELF machine x86-64 is the host; run it directly");

    Image be;
    memset(&be, 0, sizeof(be));
    Elf32_Ehdr *eh = (Elf32_Ehdr *)be.b;
    memcpy(eh->e_ident, ELFMAG, SELFMAG);
    eh->e_ident[EI_CLASS] = ELFCLASS32;
    eh->e_ident[EI_DATA] = ELFDATA2MSB;
    eh->e_ident[EI_VERSION] = EV_CURRENT;
    eh->e_type = htobe16(ET_DYN);
    eh->e_machine = htobe16(EM_MIPS);
    eh->e_version = htobe32(EV_CURRENT);
    eh->e_entry = htobe32(0x100);
    eh->e_phoff = htobe32(52);
    eh->e_ehsize = htobe16(sizeof(Elf32_Ehdr));
    eh->e_phentsize = htobe16(sizeof(Elf32_Phdr));
    eh->e_phnum = htobe16(1);
    Elf32_Phdr *ph = (Elf32_Phdr *)(be.b + 52);
    ph->p_type = htobe32(PT_LOAD);
    ph->p_flags = htobe32(PF_R | PF_X);
    ph->p_filesz = ph->p_memsz = htobe32(0x200);
    ph->p_align = htobe32(0x1000);
    be.len = 0x200;
    expect_bad_interp(&im, root, &be, 0755, " is not an aarch64 program");

    img_build_interp(&interp);
    interp.len = 40;
    expect_bad_interp(&im, root, &interp, 0755, ": corrupt ELF: truncated ELF header");

    img_build_dynamic(&interp, "/lib/ld-test.so.1");
    img_eh(&interp)->e_type = ET_DYN;
    expect_bad_interp(&im, root, &interp, 0755, " has an interpreter itself");
    root_remove(root);
}

/* Without -L, an interpreter for the guest on the host is used from there. */
static void test_interp_host(void **state)
{
    char root[64], path[128];
    root_make(root);
    Image interp, im;
    img_build_interp(&interp);
    root_put(root, "/lib/ld-test.so.1", &interp, 0755);
    snprintf(path, sizeof(path), "%s/lib/ld-test.so.1", root);
    img_build_dynamic(&im, path);
    Process *p = proc_new();
    ElfError err;
    assert_int_equal(img_load(&im, p, &err), 0);
    assert_null(p->opts.sysroot);
    assert_string_equal((char *)g2h(&p->mem, p->elf.interp_base + 0x10000), "interpreter!");
    proc_free(p);
    root_remove(root);
}

/* Without -L, a host without the interpreter selects Debian's cross sysroot. */
static void test_interp_default_sysroot(void **state)
{
    struct stat st;
    if (stat("/usr/aarch64-linux-gnu", &st) != 0 || !S_ISDIR(st.st_mode))
        skip();
    Image im;
    img_build_dynamic(&im, "/ferry-none/ld.so");
    Process *p = proc_new();
    ElfError err;
    assert_true(img_load(&im, p, &err) < 0);
    assert_int_equal(err.status, 127);
    assert_string_equal(p->opts.sysroot, "/usr/aarch64-linux-gnu");
    proc_free(p);
    /* a static program leaves it unset */
    img_build(&im);
    p = proc_new();
    assert_int_equal(img_load(&im, p, &err), 0);
    assert_null(p->opts.sysroot);
    proc_free(p);
}

static void test_sysroot_path(void **state)
{
    char root[64], out[PATH_MAX], want[256];
    root_make(root);
    Image im;
    img_build(&im);
    root_put(root, "/lib/libc.so.6", &im, 0644);
    char link[128];
    snprintf(link, sizeof(link), "%s/lib/dangling", root);
    assert_int_equal(symlink("/ferry-none/target", link), 0);

    snprintf(want, sizeof(want), "%s/lib/libc.so.6", root);
    assert_true(elf_sysroot_path(root, "/lib/libc.so.6", out, sizeof(out)));
    assert_string_equal(out, want);
    snprintf(want, sizeof(want), "%s/lib", root);
    assert_true(elf_sysroot_path(root, "/lib", out, sizeof(out)));
    assert_string_equal(out, want);
    assert_true(elf_sysroot_path(root, "/lib/dangling", out, sizeof(out)));
    assert_false(elf_sysroot_path(root, "/lib/missing.so", out, sizeof(out)));
    assert_false(elf_sysroot_path(root, "lib/libc.so.6", out, sizeof(out))); /* relative */
    assert_false(elf_sysroot_path(NULL, "/lib/libc.so.6", out, sizeof(out)));
    assert_false(elf_sysroot_path("", "/lib/libc.so.6", out, sizeof(out)));
    assert_false(elf_sysroot_path("/", "/lib", out, sizeof(out)));
    assert_false(elf_sysroot_path(root, "/lib/libc.so.6", out, 10)); /* does not fit */

    /* the kernel's filesystems are the host's even when the sysroot has them */
    static const char *const kernel[] = {"/proc", "/proc/self/maps", "//dev/null",
                                         "/sys",  "/sys/kernel",     "/dev"};
    for (size_t i = 0; i < sizeof(kernel) / sizeof(kernel[0]); i++) {
        char dir[256];
        snprintf(dir, sizeof(dir), "%s/%s", root, kernel[i] + strspn(kernel[i], "/"));
        mkdir(dir, 0755);
        assert_false(elf_sysroot_path(root, kernel[i], out, sizeof(out)));
    }
    snprintf(want, sizeof(want), "%s/procfs", root);
    assert_int_equal(mkdir(want, 0755), 0);
    assert_true(elf_sysroot_path(root, "/procfs", out, sizeof(out)));
    root_remove(root);
}

/* ---- initial stack ---- */

static uint64_t rd64(Process *p, uint64_t a)
{
    uint64_t v;
    assert_int_equal(gmem_read(&p->mem, &v, a, 8), 0);
    return v;
}

static uint64_t auxv_get(Process *p, uint64_t type)
{
    for (uint64_t a = p->elf.auxv_start; a < p->elf.auxv_start + p->elf.auxv_len; a += 16)
        if (rd64(p, a) == type)
            return rd64(p, a + 8);
    return UINT64_MAX;
}

static void test_stack(void **state)
{
    Image im;
    img_build(&im);
    Process *p = proc_new();
    ElfError err;
    assert_int_equal(img_load(&im, p, &err), 0);
    char *argv[] = {"prog", "one", "two words", NULL};
    char *envp[] = {"A=1", "PATH=/bin", NULL};
    assert_int_equal(stack_setup(p, NULL, argv, envp, "./prog"), 0);
    uint64_t sp = p->elf.sp;
    assert_int_equal(sp & 15, 0);
    assert_true(sp < p->elf.stack_top && p->elf.stack_top <= p->mem.size);
    GuestRegion r;
    assert_true(gmem_find(&p->mem, sp, &r));
    assert_true(r.flags & GMEM_STACK);
    assert_int_equal(r.end - r.start, STACK_DEFAULT_SIZE);
    assert_true(p->mem.mmap_next < r.start);
    assert_int_equal(rd64(p, sp), 3);
    assert_string_equal(g2h(&p->mem, rd64(p, sp + 8)), "prog");
    assert_string_equal(g2h(&p->mem, rd64(p, sp + 24)), "two words");
    assert_int_equal(rd64(p, sp + 32), 0);
    assert_string_equal(g2h(&p->mem, rd64(p, sp + 40)), "A=1");
    assert_string_equal(g2h(&p->mem, rd64(p, sp + 48)), "PATH=/bin");
    assert_int_equal(rd64(p, sp + 56), 0);
    assert_int_equal(p->elf.auxv_start, sp + 64);
    assert_int_equal(p->elf.arg_start, rd64(p, sp + 8));
    assert_int_equal(p->elf.env_start, rd64(p, sp + 40));
    assert_int_equal(p->elf.arg_end, p->elf.env_start);
    assert_int_equal(auxv_get(p, AT_ENTRY), 0x401000);
    assert_int_equal(auxv_get(p, AT_PHDR), 0x400040);
    assert_int_equal(auxv_get(p, AT_PHNUM), 3);
    assert_int_equal(auxv_get(p, AT_PAGESZ), 4096);
    assert_int_equal(auxv_get(p, AT_HWCAP), 0x1234);
    assert_int_equal(auxv_get(p, AT_HWCAP2), 0x56);
    assert_int_equal(auxv_get(p, AT_UID), getuid());
    assert_int_equal(auxv_get(p, AT_BASE), 0);
    assert_string_equal(g2h(&p->mem, auxv_get(p, AT_EXECFN)), "./prog");
    assert_string_equal(g2h(&p->mem, auxv_get(p, AT_PLATFORM)), "aarch64");
    assert_true(gmem_check(&p->mem, auxv_get(p, AT_RANDOM), 16, PROT_READ));
    uint64_t last = p->elf.auxv_start + p->elf.auxv_len - 16;
    assert_int_equal(rd64(p, last), AT_NULL);
    proc_free(p);
}

static void test_stack_be32(void **state)
{
    Process *p = calloc(1, sizeof(*p));
    assert_int_equal(gmem_init(&p->mem, 1ull << 32, 1ull << 24, 0), 0);
    p->arch = &test_be32;
    p->elf.entry = 0x10001234;
    p->opts.stack_size = 64 * 1024;
    char *argv[] = {"x", NULL};
    char *envp[] = {NULL};
    assert_int_equal(stack_setup(p, NULL, argv, envp, "x"), 0);
    uint8_t *h = g2h(&p->mem, p->elf.sp);
    assert_int_equal(p->elf.sp & 7, 0);
    assert_memory_equal(h, "\0\0\0\1", 4); /* argc, big-endian 32-bit */
    uint32_t a0 = (uint32_t)h[4] << 24 | h[5] << 16 | h[6] << 8 | h[7];
    assert_string_equal(g2h(&p->mem, a0), "x");
    assert_memory_equal(h + 8, "\0\0\0\0", 4);  /* argv NULL */
    assert_memory_equal(h + 12, "\0\0\0\0", 4); /* envp NULL */
    assert_int_equal(p->elf.auxv_start, p->elf.sp + 16);
    assert_true(p->elf.stack_top <= (1ull << 32));
    proc_free(p);
}

static void test_stack_too_big(void **state)
{
    Process *p = proc_new();
    p->arch = &test_a64;
    p->opts.stack_size = 64 * 1024;
    static char big[20000];
    memset(big, 'a', sizeof(big) - 1);
    char *argv[] = {big, NULL};
    char *envp[] = {NULL};
    assert_int_equal(stack_setup(p, NULL, argv, envp, "x"), -E2BIG);
    proc_free(p);
}

/* ---- options ---- */

static OptionsResult parse(Options *o, char **argv, char **envp, char *err)
{
    int argc = 0;
    while (argv[argc])
        argc++;
    FILE *out = fopen("/dev/null", "w");
    OptionsResult r = options_parse(o, argc, argv, envp, out, err, 256);
    fclose(out);
    return r;
}

static void test_options(void **state)
{
    Options o;
    char err[256];
    char *argv[] = {"ferry",       "-L",      "/sys",        "--s",       "1M",   "-d",
                    "in_asm,page", "-no-jit", "-E",          "A=2,NEW=x", "-U",   "GONE",
                    "-0",          "name",    "-singlestep", "prog",      "-arg", NULL};
    char *envp[] = {"A=1", "GONE=1", "KEEP=1", "FERRY_STRACE=1", "QEMU_CPU=max", NULL};
    assert_int_equal(parse(&o, argv, envp, err), OPTIONS_RUN);
    assert_string_equal(o.program, "prog");
    assert_string_equal(o.guest_argv[0], "-arg");
    assert_null(o.guest_argv[1]);
    assert_string_equal(o.sysroot, "/sys");
    assert_int_equal(o.stack_size, 1 << 20);
    assert_int_equal(o.log_mask, LOG_IN_ASM | LOG_PAGE | LOG_STRACE);
    assert_true(o.no_jit && o.strace && o.one_insn_per_tb);
    assert_string_equal(o.argv0, "name");
    assert_string_equal(o.cpu_model, "max");
    assert_int_equal(o.exec_fd, -1);
    assert_string_equal(o.guest_envp[0], "A=2");
    assert_string_equal(o.guest_envp[1], "KEEP=1");
    assert_string_equal(o.guest_envp[4], "NEW=x");
    assert_null(o.guest_envp[5]);
    options_free(&o);
}

static void test_options_errors(void **state)
{
    Options o;
    char err[256];
    char *envp[] = {NULL};
    char *a1[] = {"ferry", "-bogus", "prog", NULL};
    assert_int_equal(parse(&o, a1, envp, err), OPTIONS_ERROR);
    assert_string_equal(err, "unknown option '-bogus' (try --help)");
    char *a2[] = {"ferry", "-d", "nonsense", "prog", NULL};
    assert_int_equal(parse(&o, a2, envp, err), OPTIONS_ERROR);
    char *a3[] = {"ferry", "-L", NULL};
    assert_int_equal(parse(&o, a3, envp, err), OPTIONS_ERROR);
    char *a4[] = {"ferry", NULL};
    assert_int_equal(parse(&o, a4, envp, err), OPTIONS_ERROR);
    char *a5[] = {"ferry", "-s", "12X", "p", NULL};
    assert_int_equal(parse(&o, a5, envp, err), OPTIONS_ERROR);
    char *a6[] = {"ferry", "--help", NULL};
    assert_int_equal(parse(&o, a6, envp, err), OPTIONS_EXIT_OK);
    char *a7[] = {"ferry", "-version", "prog", NULL};
    assert_int_equal(parse(&o, a7, envp, err), OPTIONS_EXIT_OK);
    char *a8[] = {"ferry", "-d", "help", NULL};
    assert_int_equal(parse(&o, a8, envp, err), OPTIONS_EXIT_OK);
    char *a9[] = {"ferry", "-B", "0x1001", "p", NULL};
    assert_int_equal(parse(&o, a9, envp, err), OPTIONS_ERROR);
    char *bad_env[] = {"FERRY_STACK_SIZE=zz", NULL};
    char *a10[] = {"ferry", "p", NULL};
    assert_int_equal(parse(&o, a10, bad_env, err), OPTIONS_ERROR);
    assert_non_null(strstr(err, "FERRY_STACK_SIZE"));
    char *env_s[] = {"FERRY_STACK_SIZE=2M", "QEMU_STACK_SIZE=1M", NULL};
    char *a11[] = {"ferry", "--", "p", NULL};
    assert_int_equal(parse(&o, a11, env_s, err), OPTIONS_RUN);
    assert_int_equal(o.stack_size, 2 << 20);
    options_free(&o);
    char *a12[] = {"ferry", "-s", "4k", "p", NULL};
    assert_int_equal(parse(&o, a12, env_s, err), OPTIONS_RUN);
    assert_int_equal(o.stack_size, 4096);
    options_free(&o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_interp),       cmocka_unit_test(test_interp_errors),
        cmocka_unit_test(test_interp_host),  cmocka_unit_test(test_interp_default_sysroot),
        cmocka_unit_test(test_sysroot_path), cmocka_unit_test(test_stack),
        cmocka_unit_test(test_stack_be32),   cmocka_unit_test(test_stack_too_big),
        cmocka_unit_test(test_options),      cmocka_unit_test(test_options_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
