/*
 * Unit tests of self-modifying code handling (translator/smc.c) on a small
 * guest window with the AArch64 frontend and the JIT: translating from a
 * guest-writable page write-protects its host page, a write fault
 * invalidates the page's TBs and restores write access, read-only code
 * pages stay as they are, invalidation unchains predecessors, munmap-style
 * range invalidation, the syscall-layer write hook, and flushes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <cmocka.h>

#include "loader/process.h"
#include "translator/exec.h"
#include "translator/smc.h"
#include "translator/translator.h"
#include "tests/unit/a64_fixture.h"

#define CODE_PC 0x10000ull
#define RO_PC 0x20000ull
#define RET 0xd65f03c0u

typedef struct Fixture {
    Process p;
    CPUCommon *cpu;
} Fixture;

static uint32_t movz_w0(unsigned imm)
{
    return 0x52800000u | (imm & 0xffff) << 5;
}

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof(*f));
    if (!f)
        return -1;
    if (a64_test_process(&f->p) < 0)
        return -1;
    if (gmem_mmap(&f->p.mem, CODE_PC, 2 * GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0, GMEM_ANON) < 0)
        return -1;
    if (gmem_mmap(&f->p.mem, RO_PC, GUEST_PAGE_SIZE, PROT_READ | PROT_EXEC,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0, GMEM_ANON) < 0)
        return -1;
    if (translator_init(&f->p) < 0)
        return -1;
    f->cpu = cpu_new(&f->p);
    if (!f->cpu)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    cpu_free(f->cpu);
    gmem_destroy(&f->p.mem);
    free(f);
    return 0;
}

/* Host permissions ("rw-p"...) of the mapping holding host address h, from /proc/self/maps. */
static void host_perms(const void *h, char out[5])
{
    FILE *fp = fopen("/proc/self/maps", "r");
    assert_non_null(fp);
    char line[512];
    strcpy(out, "????");
    while (fgets(line, sizeof(line), fp)) {
        unsigned long lo, hi;
        char perms[5];
        if (sscanf(line, "%lx-%lx %4s", &lo, &hi, perms) == 3 && (uintptr_t)h >= lo &&
            (uintptr_t)h < hi) {
            memcpy(out, perms, 5);
            break;
        }
    }
    fclose(fp);
}

static void assert_host_writable(Fixture *f, uint64_t gaddr, bool writable)
{
    char perms[5];
    host_perms(g2h(&f->p.mem, gaddr), perms);
    assert_int_equal(perms[1] == 'w', writable);
}

/* Writes code through the host mapping, whatever its protection. */
static void put_code(Fixture *f, uint64_t gaddr, uint32_t w0, uint32_t w1)
{
    uint8_t *h = g2h(&f->p.mem, gaddr & GUEST_PAGE_MASK);
    char perms[5];
    host_perms(h, perms);
    mprotect(h, GUEST_PAGE_SIZE, PROT_READ | PROT_WRITE);
    uint32_t w[2] = {w0, w1};
    memcpy(g2h(&f->p.mem, gaddr), w, sizeof(w));
    if (perms[1] != 'w')
        mprotect(h, GUEST_PAGE_SIZE, PROT_READ);
}

static void test_write_fault_invalidates(void **state)
{
    Fixture *f = *state;
    put_code(f, CODE_PC, movz_w0(1), RET);
    assert_host_writable(f, CODE_PC, true);
    TB *tb = tb_find(f->cpu, CODE_PC, 0);
    assert_non_null(tb);
    assert_host_writable(f, CODE_PC, false);
    assert_ptr_equal(tb_find(f->cpu, CODE_PC, 0), tb);
    assert_true(smc_write_fault(&f->p, CODE_PC + 4));
    assert_int_equal(tb->flags, TB_FLAGS_INVALID);
    assert_host_writable(f, CODE_PC, true);
    put_code(f, CODE_PC, movz_w0(2), RET);
    TB *tb2 = tb_find(f->cpu, CODE_PC, 0);
    assert_ptr_not_equal(tb2, tb);
    assert_int_equal(tb2->flags, 0);
    /* A second fault on an unprotected page (another thread was first) retries too. */
    assert_true(smc_write_fault(&f->p, CODE_PC));
    assert_true(smc_write_fault(&f->p, CODE_PC));
}

static void test_readonly_code_untouched(void **state)
{
    Fixture *f = *state;
    put_code(f, RO_PC, movz_w0(3), RET);
    TB *tb = tb_find(f->cpu, RO_PC, 0);
    assert_non_null(tb);
    assert_host_writable(f, RO_PC, false);
    assert_int_equal(f->p.tr->smc_nprotected, 0);
    /* A real write fault on read-only code: not retried. */
    assert_false(smc_write_fault(&f->p, RO_PC));
    assert_host_writable(f, RO_PC, false);
    assert_int_equal(tb->flags, 0);
    assert_ptr_equal(tb_find(f->cpu, RO_PC, 0), tb);
}

static void test_invalidate_unchains(void **state)
{
    Fixture *f = *state;
    uint64_t b_pc = CODE_PC + GUEST_PAGE_SIZE;
    put_code(f, CODE_PC, movz_w0(4), RET);
    put_code(f, b_pc, movz_w0(5), RET);
    TB *a = tb_find(f->cpu, CODE_PC, 0);
    TB *b = tb_find(f->cpu, b_pc, 0);
    tb_chain(f->p.tr, a, 0, b);
    assert_ptr_equal(a->jmp_dest[0], b);
    assert_int_equal(b->njmp_in, 1);
    smc_invalidate_range(&f->p, b_pc, 1);
    assert_int_equal(b->flags, TB_FLAGS_INVALID);
    assert_null(a->jmp_dest[0]);
    assert_int_equal(a->flags, 0);
    assert_host_writable(f, b_pc, true);
    assert_host_writable(f, CODE_PC, false);
    /* Chaining to an invalidated TB is refused. */
    tb_chain(f->p.tr, a, 0, b);
    assert_null(a->jmp_dest[0]);
}

static void test_write_hook(void **state)
{
    Fixture *f = *state;
    put_code(f, CODE_PC, movz_w0(6), RET);
    TB *tb = tb_find(f->cpu, CODE_PC, 0);
    assert_host_writable(f, CODE_PC, false);
    /* The syscall layer asks for a writable buffer that overlaps the code. */
    assert_non_null(gmem_ptr(&f->p.mem, CODE_PC + 4, 16, PROT_WRITE));
    assert_int_equal(tb->flags, TB_FLAGS_INVALID);
    assert_host_writable(f, CODE_PC, true);
    assert_int_equal(f->p.tr->smc_nprotected, 0);
}

static void test_flush_keeps_protection(void **state)
{
    Fixture *f = *state;
    put_code(f, CODE_PC, movz_w0(7), RET);
    assert_non_null(tb_find(f->cpu, CODE_PC, 0));
    assert_host_writable(f, CODE_PC, false);
    tb_flush(&f->p);
    assert_host_writable(f, CODE_PC, false);
    assert_true(smc_write_fault(&f->p, CODE_PC));
    assert_host_writable(f, CODE_PC, true);
    assert_non_null(tb_find(f->cpu, CODE_PC, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_write_fault_invalidates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_readonly_code_untouched, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalidate_unchains, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_hook, setup, teardown),
        cmocka_unit_test_setup_teardown(test_flush_keeps_protection, setup, teardown),
    };
    setenv("FERRY_CODE_BUFFER_SIZE", "1048576", 1); /* one buffer per test, never freed */
    return cmocka_run_group_tests(tests, NULL, NULL);
}
