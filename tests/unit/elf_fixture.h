/*
 * Shared fixture of the loader tests (test_elf.c and test_elf_interp.c):
 * handcrafted ELF images written to temporary files, a guest process to
 * load them into, and the test's own GuestArch list (a 64-bit
 * little-endian "aarch64" and a 32-bit big-endian machine) so the tests do
 * not depend on a frontend.
 *
 * guest_arches and guest_arch_find are defined here, not only declared:
 * include this header from exactly one file of each test program.
 */
#ifndef FERRY_TESTS_UNIT_ELF_FIXTURE_H
#define FERRY_TESTS_UNIT_ELF_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <elf.h>
#include <endian.h>
#include <limits.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader/elf.h"
#include "loader/options.h"
#include "loader/stack.h"

/* ---- test guest architectures ---- */

static uint64_t test_hwcap(const CPUCommon *cpu, int which)
{
    return which == 1 ? 0x1234 : 0x56;
}

static const char *const test_cpu_models[] = {"max", NULL};

static const GuestArch test_a64 = {
    .name = "aarch64",
    .elf_machine = EM_AARCH64,
    .elf_class = ELFCLASS64,
    .elf_data = ELFDATA2LSB,
    .stack_align = 16,
    .platform = "aarch64",
    .default_load_base = 0x5500000000ull,
    .hwcap = test_hwcap,
    .cpu_models = test_cpu_models,
};

static const GuestArch test_be32 = {
    .name = "mipsbe",
    .elf_machine = EM_MIPS,
    .elf_class = ELFCLASS32,
    .elf_data = ELFDATA2MSB,
    .stack_align = 8,
    .platform = "mips",
    .default_load_base = 0x10000000ull,
};

const GuestArch *const guest_arches[] = {&test_a64, &test_be32, NULL};

const GuestArch *guest_arch_find(uint16_t machine, uint8_t elf_class, uint8_t elf_data)
{
    for (int i = 0; guest_arches[i]; i++) {
        const GuestArch *a = guest_arches[i];
        if (a->elf_machine == machine && a->elf_class == elf_class && a->elf_data == elf_data)
            return a;
    }
    return NULL;
}

/* ---- building images ---- */

#define IMG_SIZE 0x3000
#define CODE_OFF 0x1000
#define DATA_OFF 0x2000

typedef struct Image {
    uint8_t b[IMG_SIZE];
    size_t len;
} Image;

static Elf64_Ehdr *img_eh(Image *im)
{
    return (Elf64_Ehdr *)im->b;
}
static Elf64_Phdr *img_ph(Image *im, int i)
{
    return (Elf64_Phdr *)(im->b + 64) + i;
}

/* A static ET_EXEC: text at 0x400000 (r-x, bss tail), data at 0x410000 (rw-, bss). */
static void img_build(Image *im)
{
    memset(im, 0, sizeof(*im));
    Elf64_Ehdr *eh = img_eh(im);
    memcpy(eh->e_ident, ELFMAG, SELFMAG);
    eh->e_ident[EI_CLASS] = ELFCLASS64;
    eh->e_ident[EI_DATA] = ELFDATA2LSB;
    eh->e_ident[EI_VERSION] = EV_CURRENT;
    eh->e_type = ET_EXEC;
    eh->e_machine = EM_AARCH64;
    eh->e_version = EV_CURRENT;
    eh->e_entry = 0x401000;
    eh->e_phoff = 64;
    eh->e_ehsize = sizeof(Elf64_Ehdr);
    eh->e_phentsize = sizeof(Elf64_Phdr);
    eh->e_phnum = 3;
    *img_ph(im, 0) =
        (Elf64_Phdr){PT_LOAD, PF_R | PF_X, 0, 0x400000, 0x400000, 0x1100, 0x1800, 0x1000};
    *img_ph(im, 1) =
        (Elf64_Phdr){PT_LOAD, PF_R | PF_W, DATA_OFF, 0x410000, 0x410000, 0x10, 0x3000, 0x1000};
    *img_ph(im, 2) = (Elf64_Phdr){PT_GNU_STACK, PF_R | PF_W | PF_X, 0, 0, 0, 0, 0, 16};
    memset(im->b + CODE_OFF, 0xd5, 0x100);
    memcpy(im->b + DATA_OFF, "data segment!", 14);
    im->len = IMG_SIZE;
}

static int img_fd(const Image *im)
{
    char path[] = "/tmp/ferry_test_elf_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    unlink(path);
    assert_int_equal(write(fd, im->b, im->len), (ssize_t)im->len);
    return fd;
}

static Process *proc_new(void)
{
    Process *p = calloc(1, sizeof(*p));
    assert_non_null(p);
    assert_int_equal(gmem_init(&p->mem, 1ull << 40, 1ull << 32, 0), 0);
    return p;
}

static void proc_free(Process *p)
{
    gmem_destroy(&p->mem);
    free(p);
}

/* Loads im; returns elf_load's result and leaves the message in *err. */
static int img_load(const Image *im, Process *p, ElfError *err)
{
    int fd = img_fd(im);
    int rc = elf_load(p, fd, "prog", err);
    close(fd);
    return rc;
}

#endif
