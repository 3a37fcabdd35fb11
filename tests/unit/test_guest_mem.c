/*
 * Unit tests for loader/guest_mem.c: guest mmap/munmap/mprotect/mremap/brk
 * inside the reserved window, region splitting and merging, and the
 * pointer checks the syscall layer relies on.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "loader/guest_mem.h"

#define PG GUEST_PAGE_SIZE
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)
#define RW (PROT_READ | PROT_WRITE)

static int setup(void **state)
{
    GuestMem *m = calloc(1, sizeof(*m));
    if (!m || gmem_init(m, 1ull << 32, 1ull << 24, 0) < 0)
        return -1;
    *state = m;
    return 0;
}

static int teardown(void **state)
{
    gmem_destroy(*state);
    free(*state);
    return 0;
}

static size_t count_regions(GuestMem *m)
{
    return m->nregions;
}

static void test_init(void **state)
{
    GuestMem *m = *state;
    assert_non_null(m->base);
    assert_true(m->size >= (1ull << 24));
    assert_true(m->mmap_next < m->size && m->mmap_next > m->mmap_min);
    assert_int_equal(count_regions(m), 0);
    assert_false(gmem_check(m, 0, 1, 0));
    assert_true(gmem_in_window(m, m->size - 1, 1));
    assert_false(gmem_in_window(m, m->size - 1, 2));
}

static void test_init_bad(void **state)
{
    GuestMem m;
    assert_int_equal(gmem_init(&m, 1ull << 30, 1ull << 20, 0x1234), -EINVAL);
    assert_int_equal(gmem_init(&m, 1ull << 20, 1ull << 30, 0), -EINVAL);
}

static void test_mmap_anon(void **state)
{
    GuestMem *m = *state;
    int64_t a = gmem_mmap(m, 0, 3 * PG + 1, RW, ANON, -1, 0, 0);
    assert_true(a > 0);
    assert_int_equal(a & (PG - 1), 0);
    assert_true((uint64_t)a + 4 * PG <= m->mmap_next);
    GuestRegion r;
    assert_true(gmem_find(m, a + 5, &r));
    assert_int_equal(r.start, a);
    assert_int_equal(r.end, a + 4 * PG);
    assert_int_equal(r.prot, RW);
    assert_true(r.flags & GMEM_ANON);
    uint8_t *h = g2h(m, a);
    h[0] = 1;
    h[4 * PG - 1] = 2;
    assert_true(gmem_check(m, a, 4 * PG, RW));
    assert_false(gmem_check(m, a, 4 * PG + 1, 0));
    int64_t b = gmem_mmap(m, 0, PG, PROT_READ, ANON, -1, 0, 0);
    assert_true(b > 0 && b < a);
}

static void test_mmap_hint(void **state)
{
    GuestMem *m = *state;
    int64_t a = gmem_mmap(m, 0x10000000, PG, RW, ANON, -1, 0, 0);
    assert_int_equal(a, 0x10000000);
    int64_t b = gmem_mmap(m, 0x10000000, PG, RW, ANON, -1, 0, 0);
    assert_true(b > 0 && b != 0x10000000);
    /* hint outside the window is ignored */
    int64_t c = gmem_mmap(m, m->size + PG, PG, RW, ANON, -1, 0, 0);
    assert_true(c > 0 && (uint64_t)c < m->size);
}

static void test_mmap_fixed(void **state)
{
    GuestMem *m = *state;
    uint64_t at = 0x20000000;
    assert_int_equal(gmem_mmap(m, at, 4 * PG, RW, ANON | MAP_FIXED, -1, 0, 0), at);
    memset(g2h(m, at), 0xaa, 4 * PG);
    assert_int_equal(gmem_mmap(m, at + PG, PG, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0, 0), -EEXIST);
    assert_int_equal(gmem_mmap(m, at + PG, PG, PROT_READ, ANON | MAP_FIXED, -1, 0, 0), at + PG);
    assert_int_equal(((uint8_t *)g2h(m, at + PG))[0], 0);
    assert_int_equal(((uint8_t *)g2h(m, at))[0], 0xaa);
    assert_int_equal(count_regions(m), 3);
    GuestRegion r;
    assert_true(gmem_find(m, at + PG, &r));
    assert_int_equal(r.prot, PROT_READ);
    assert_int_equal(r.end, at + 2 * PG);
    assert_int_equal(gmem_mmap(m, at + 1, PG, RW, ANON | MAP_FIXED, -1, 0, 0), -EINVAL);
    assert_int_equal(gmem_mmap(m, 0, PG, RW, ANON | MAP_FIXED, -1, 0, 0), -EPERM);
    assert_int_equal(gmem_mmap(m, m->size - PG, 2 * PG, RW, ANON | MAP_FIXED, -1, 0, 0), -ENOMEM);
    assert_int_equal(gmem_mmap(m, at, 0, RW, ANON, -1, 0, 0), -EINVAL);
    assert_int_equal(gmem_mmap(m, at, PG, RW, ANON, -1, 7, 0), -EINVAL);
}

static void test_mmap_file(void **state)
{
    GuestMem *m = *state;
    FILE *f = tmpfile();
    assert_non_null(f);
    char buf[2 * 4096];
    memset(buf, 'x', sizeof(buf));
    memcpy(buf + 4096, "second page", 12);
    assert_int_equal(fwrite(buf, 1, sizeof(buf), f), sizeof(buf));
    fflush(f);
    int64_t a = gmem_mmap(m, 0, PG, PROT_READ, MAP_PRIVATE, fileno(f), PG, 0);
    assert_true(a > 0);
    assert_string_equal(g2h(m, a), "second page");
    GuestRegion r;
    assert_true(gmem_find(m, a, &r));
    assert_false(r.flags & GMEM_ANON);
    assert_int_equal(gmem_mmap(m, 0, PG, PROT_READ, MAP_PRIVATE, 1000, 0, 0), -EBADF);
    fclose(f);
}

static void test_munmap_split(void **state)
{
    GuestMem *m = *state;
    uint64_t at = 0x30000000;
    assert_int_equal(gmem_mmap(m, at, 8 * PG, RW, ANON | MAP_FIXED, -1, 0, 0), at);
    assert_int_equal(gmem_munmap(m, at + 2 * PG, 3 * PG), 0);
    assert_int_equal(count_regions(m), 2);
    GuestRegion r;
    assert_true(gmem_find(m, at, &r));
    assert_int_equal(r.end, at + 2 * PG);
    assert_false(gmem_find(m, at + 2 * PG, &r));
    assert_true(gmem_find(m, at + 5 * PG, &r));
    assert_int_equal(r.start, at + 5 * PG);
    assert_int_equal(r.end, at + 8 * PG);
    assert_int_equal(gmem_munmap(m, at + 1, PG), -EINVAL);
    assert_int_equal(gmem_munmap(m, at, 0), -EINVAL);
    assert_int_equal(gmem_munmap(m, at + 20 * PG, PG), 0); /* nothing there */
    assert_int_equal(gmem_munmap(m, at, 8 * PG), 0);
    assert_int_equal(count_regions(m), 0);
}

static void test_gap_reuse(void **state)
{
    GuestMem *m = *state;
    int64_t a = gmem_mmap(m, 0, 2 * PG, RW, ANON, -1, 0, 0);
    int64_t b = gmem_mmap(m, 0, 2 * PG, PROT_READ, ANON, -1, 0, 0);
    int64_t c = gmem_mmap(m, 0, 2 * PG, RW, ANON, -1, 0, 0);
    assert_true(a > b && b > c);
    assert_int_equal(gmem_munmap(m, b, 2 * PG), 0);
    int64_t d = gmem_mmap(m, 0, PG, PROT_READ, ANON, -1, 0, 0);
    assert_int_equal(d, b + PG); /* highest fitting gap */
    int64_t e = gmem_mmap(m, 0, 4 * PG, RW, ANON, -1, 0, 0);
    assert_true(e < c);
}

static void test_mprotect(void **state)
{
    GuestMem *m = *state;
    uint64_t at = 0x40000000;
    assert_int_equal(gmem_mmap(m, at, 6 * PG, RW, ANON | MAP_FIXED, -1, 0, 0), at);
    assert_int_equal(gmem_mprotect(m, at + 2 * PG, 2 * PG, PROT_READ | PROT_EXEC), 0);
    assert_int_equal(count_regions(m), 3);
    assert_true(gmem_check(m, at + 2 * PG, 2 * PG, PROT_EXEC));
    assert_false(gmem_check(m, at + PG, 2 * PG, PROT_WRITE));
    assert_true(gmem_check(m, at, 6 * PG, PROT_READ));
    /* host keeps exec pages readable, never executable */
    assert_int_equal(((volatile uint8_t *)g2h(m, at + 2 * PG))[0], 0);
    assert_int_equal(gmem_mprotect(m, at + 2 * PG, 2 * PG, RW), 0);
    assert_int_equal(count_regions(m), 1); /* merged again */
    assert_int_equal(gmem_mprotect(m, at + 5 * PG, 2 * PG, PROT_READ), -ENOMEM);
    assert_int_equal(gmem_mprotect(m, at + 3, PG, PROT_READ), -EINVAL);
    assert_int_equal(gmem_mprotect(m, at, PG, 0x100), -EINVAL);
    assert_int_equal(gmem_mprotect(m, at, 0, PROT_READ), 0);
}

static void test_mremap(void **state)
{
    GuestMem *m = *state;
    uint64_t at = 0x50000000;
    assert_int_equal(gmem_mmap(m, at, 2 * PG, RW, ANON | MAP_FIXED, -1, 0, 0), at);
    strcpy(g2h(m, at), "keep");
    /* grow in place */
    assert_int_equal(gmem_mremap(m, at, 2 * PG, 4 * PG, 0, 0), at);
    assert_true(gmem_check(m, at, 4 * PG, RW));
    /* blocked: needs MAYMOVE */
    assert_int_equal(gmem_mmap(m, at + 4 * PG, PG, RW, ANON | MAP_FIXED, -1, 0, 0), at + 4 * PG);
    assert_int_equal(gmem_mremap(m, at, 4 * PG, 8 * PG, 0, 0), -ENOMEM);
    int64_t n = gmem_mremap(m, at, 4 * PG, 8 * PG, MREMAP_MAYMOVE, 0);
    assert_true(n > 0 && (uint64_t)n != at);
    assert_string_equal(g2h(m, n), "keep");
    assert_false(gmem_check(m, at, PG, 0));
    assert_true(gmem_check(m, n, 8 * PG, RW));
    /* shrink */
    assert_int_equal(gmem_mremap(m, n, 8 * PG, 2 * PG, 0, 0), n);
    assert_false(gmem_check(m, n + 2 * PG, PG, 0));
    /* fixed */
    uint64_t to = 0x60000000;
    assert_int_equal(gmem_mremap(m, n, 2 * PG, 2 * PG, MREMAP_MAYMOVE | MREMAP_FIXED, to), to);
    assert_string_equal(g2h(m, to), "keep");
    assert_int_equal(gmem_mremap(m, to, 2 * PG, 2 * PG, MREMAP_FIXED, 0x70000000), -EINVAL);
    assert_int_equal(gmem_mremap(m, 0x7000000, PG, 2 * PG, MREMAP_MAYMOVE, 0), -EFAULT);
    assert_int_equal(gmem_mremap(m, to, 2 * PG, 0, MREMAP_MAYMOVE, 0), -EINVAL);
}

static void test_mremap_file(void **state)
{
    GuestMem *m = *state;
    FILE *f = tmpfile();
    assert_non_null(f);
    char buf[3 * 4096];
    memset(buf, 'f', sizeof(buf));
    assert_int_equal(fwrite(buf, 1, sizeof(buf), f), sizeof(buf));
    fflush(f);
    uint64_t at = 0x58000000;
    assert_int_equal(gmem_mmap(m, at, PG, PROT_READ, MAP_PRIVATE | MAP_FIXED, fileno(f), 0, 0), at);
    assert_int_equal(gmem_mremap(m, at, PG, 3 * PG, 0, 0), at);
    assert_int_equal(((char *)g2h(m, at))[3 * PG - 1], 'f');
    fclose(f);
}

static void test_brk(void **state)
{
    GuestMem *m = *state;
    uint64_t start = 0x8000000;
    assert_int_equal(gmem_brk(m, start + 100), 0); /* no brk yet */
    m->brk_start = m->brk_cur = start;
    assert_int_equal(gmem_brk(m, 0), start);
    assert_int_equal(gmem_brk(m, start + 5000), start + 5000);
    assert_true(gmem_check(m, start, 2 * PG, RW));
    GuestRegion r;
    assert_true(gmem_find(m, start, &r));
    assert_true(r.flags & GMEM_BRK);
    ((uint8_t *)g2h(m, start))[5000] = 7;
    assert_int_equal(gmem_brk(m, start + 10 * PG), start + 10 * PG);
    assert_int_equal(count_regions(m), 1);
    assert_int_equal(gmem_brk(m, start + PG), start + PG);
    assert_false(gmem_check(m, start + PG, 1, 0));
    assert_int_equal(gmem_brk(m, start - PG), start + PG);
    /* blocked by another mapping */
    assert_int_equal(gmem_mmap(m, start + 4 * PG, PG, RW, ANON | MAP_FIXED, -1, 0, 0),
                     start + 4 * PG);
    assert_int_equal(gmem_brk(m, start + 8 * PG), start + PG);
    assert_int_equal(gmem_brk(m, m->size + PG), start + PG);
}

static void test_access(void **state)
{
    GuestMem *m = *state;
    uint64_t at = 0x9000000;
    assert_int_equal(gmem_mmap(m, at, 2 * PG, RW, ANON | MAP_FIXED, -1, 0, 0), at);
    assert_int_equal(gmem_mmap(m, at + 2 * PG, PG, PROT_READ, ANON | MAP_FIXED, -1, 0, 0),
                     at + 2 * PG);
    char s[8] = "hello";
    assert_int_equal(gmem_write(m, at + PG - 2, s, 6), 0);
    char back[8] = {0};
    assert_int_equal(gmem_read(m, back, at + PG - 2, 6), 0);
    assert_string_equal(back, "hello");
    assert_int_equal(gmem_strlen(m, at + PG - 2, 100), 5);
    assert_int_equal(gmem_write(m, at + 2 * PG, s, 1), -EFAULT);
    assert_int_equal(gmem_read(m, back, at + 3 * PG - 1, 2), -EFAULT);
    assert_int_equal(gmem_read(m, back, UINT64_MAX - 1, 4), -EFAULT);
    assert_null(gmem_ptr(m, at + 3 * PG, 1, 0));
    assert_non_null(gmem_ptr(m, at + 3 * PG, 0, PROT_WRITE));
    assert_non_null(gmem_ptr(m, at + 2 * PG, PG, 0));
    memset(g2h(m, at), 'a', 2 * PG);
    assert_int_equal(gmem_strlen(m, at, 10), -ENAMETOOLONG);
    assert_int_equal(gmem_strlen(m, at, 100000), 2 * PG); /* 0 in the read-only page */
    assert_int_equal(gmem_strlen(m, at + 3 * PG, 10), -EFAULT);
}

static void count_fn(const GuestRegion *r, void *opaque)
{
    (*(int *)opaque)++;
}

static void test_foreach(void **state)
{
    GuestMem *m = *state;
    for (int i = 0; i < 5; i++)
        assert_true(gmem_mmap(m, 0, PG, i & 1 ? PROT_READ : RW, ANON, -1, 0, 0) > 0);
    int n = 0;
    gmem_foreach(m, count_fn, &n);
    assert_int_equal(n, 5);
    assert_int_equal(n, count_regions(m));
}

static void test_many_regions(void **state)
{
    GuestMem *m = *state;
    uint64_t at = 0x1000000;
    for (int i = 0; i < 300; i++)
        assert_int_equal(gmem_mmap(m, at + 2 * i * PG, PG, RW, ANON | MAP_FIXED, -1, 0, 0),
                         at + 2 * i * PG);
    assert_int_equal(count_regions(m), 300);
    for (size_t i = 1; i < m->nregions; i++)
        assert_true(m->regions[i - 1].end <= m->regions[i].start);
    assert_int_equal(gmem_munmap(m, at, 600 * PG), 0);
    assert_int_equal(count_regions(m), 0);
}

/* Splitting one region in three with one free slot left must grow the list. */
static void test_split_at_capacity(void **state)
{
    GuestMem *m = *state;
    uint64_t at = 0x1000000;
    assert_int_equal(gmem_mmap(m, at, 3 * PG, RW, ANON | MAP_FIXED, -1, 0, 0), at);
    for (uint64_t i = 1; count_regions(m) < m->cap - 1; i++)
        assert_true(gmem_mmap(m, at + 2 * i * PG + 2 * PG, PG, RW, ANON | MAP_FIXED, -1, 0, 0) > 0);
    size_t n = count_regions(m);
    assert_int_equal(gmem_munmap(m, at + PG, PG), 0);
    assert_int_equal(count_regions(m), n + 1);
    assert_int_equal(gmem_mprotect(m, at + 2 * 4 * PG + 2 * PG, PG, PROT_READ), 0);
    for (size_t i = 1; i < m->nregions; i++)
        assert_true(m->regions[i - 1].end <= m->regions[i].start);
}

static void test_fixed_base(void **state)
{
    GuestMem a, b;
    assert_int_equal(gmem_init(&a, 1ull << 24, 1ull << 24, 0), 0);
    uintptr_t base = (uintptr_t)a.base;
    gmem_destroy(&a);
    assert_int_equal(gmem_init(&a, 1ull << 24, 1ull << 24, base), 0);
    assert_int_equal((uintptr_t)a.base, base);
    assert_int_not_equal(gmem_init(&b, 1ull << 24, 1ull << 24, base), 0);
    gmem_destroy(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_init, setup, teardown),
        cmocka_unit_test(test_init_bad),
        cmocka_unit_test_setup_teardown(test_mmap_anon, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mmap_hint, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mmap_fixed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mmap_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_munmap_split, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gap_reuse, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mprotect, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mremap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mremap_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_brk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_access, setup, teardown),
        cmocka_unit_test_setup_teardown(test_foreach, setup, teardown),
        cmocka_unit_test_setup_teardown(test_many_regions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_split_at_capacity, setup, teardown),
        cmocka_unit_test(test_fixed_base),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
