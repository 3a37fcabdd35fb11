/*
 * Building the initial guest stack (see stack.h).  The layout follows
 * Linux's create_elf_tables, from the top down:
 *   [word of zeros] execfn, env strings, argv strings (argv[0] lowest),
 *   platform string, 16 random bytes, padding to stack_align,
 *   auxv pairs ... AT_NULL, envp[] NULL, argv[] NULL, argc  <- sp
 */
#include "loader/stack.h"

#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <unistd.h>

#define STACK_MAX_AUXV 24
#define STACK_MMAP_GAP (16 * GUEST_PAGE_SIZE)

/* Writes words and strings downwards from sp, in the guest's word size and byte order. */
typedef struct StackWriter {
    GuestMem *mem;
    uint64_t sp;
    uint64_t limit; /* lowest usable address */
    unsigned word;  /* 4 or 8 */
    bool big_endian;
} StackWriter;

/* Pushes len bytes; returns their guest address, or 0 when the stack is full. */
static uint64_t stack_push(StackWriter *w, const void *data, uint64_t len)
{
    if (w->sp - w->limit < len)
        return 0;
    w->sp -= len;
    memcpy(g2h(w->mem, w->sp), data, len);
    return w->sp;
}

static uint64_t stack_push_str(StackWriter *w, const char *s)
{
    return stack_push(w, s, strlen(s) + 1);
}

/* Stores one guest word at gaddr. */
static void stack_put_word(const StackWriter *w, uint64_t gaddr, uint64_t v)
{
    uint8_t b[8];
    for (unsigned i = 0; i < w->word; i++) {
        unsigned shift = 8 * (w->big_endian ? w->word - 1 - i : i);
        b[i] = (uint8_t)(v >> shift);
    }
    memcpy(g2h(w->mem, gaddr), b, w->word);
}

static size_t count_strings(char *const v[])
{
    size_t n = 0;
    while (v && v[n])
        n++;
    return n;
}

/* Pushes strings last to first; addrs[i] gets the address of v[i]. */
static int stack_push_strings(StackWriter *w, char *const v[], size_t n, uint64_t *addrs)
{
    for (size_t i = n; i-- > 0;) {
        addrs[i] = stack_push_str(w, v[i]);
        if (!addrs[i])
            return -E2BIG;
    }
    return 0;
}

static uint64_t stack_size(const Process *p)
{
    uint64_t size = p->opts.stack_size ? p->opts.stack_size : STACK_DEFAULT_SIZE;
    return (size + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
}

void stack_plan(Process *p)
{
    GuestMem *m = &p->mem;
    uint64_t top = m->size - GUEST_PAGE_SIZE, size = stack_size(p);
    if (size + STACK_MMAP_GAP < top && m->mmap_next > top - size - STACK_MMAP_GAP)
        m->mmap_next = top - size - STACK_MMAP_GAP;
}

/* Maps the stack region at the top of the window; returns its top or 0. */
static uint64_t stack_map(Process *p, int *err)
{
    GuestMem *m = &p->mem;
    uint64_t size = stack_size(p);
    uint64_t top = m->size - GUEST_PAGE_SIZE;
    if (size < 4 * GUEST_PAGE_SIZE || size > m->size / 2) {
        *err = -ENOMEM;
        return 0;
    }
    int64_t a = gmem_mmap(m, top - size, size, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0,
                          GMEM_STACK);
    if (a < 0) {
        *err = (int)a;
        return 0;
    }
    if (m->mmap_next > (uint64_t)a - STACK_MMAP_GAP)
        m->mmap_next = (uint64_t)a - STACK_MMAP_GAP;
    return top;
}

typedef struct AuxvBuilder {
    uint64_t v[STACK_MAX_AUXV * 2];
    size_t n;
} AuxvBuilder;

static void auxv_add(AuxvBuilder *a, uint64_t type, uint64_t val)
{
    if (a->n + 2 <= STACK_MAX_AUXV * 2) {
        a->v[a->n++] = type;
        a->v[a->n++] = val;
    }
}

static void stack_auxv(Process *p, const CPUCommon *cpu, AuxvBuilder *a, uint64_t platform,
                       uint64_t random)
{
    const ElfInfo *e = &p->elf;
    const GuestArch *arch = p->arch;
    auxv_add(a, AT_PHDR, e->phdr);
    auxv_add(a, AT_PHENT, e->phent);
    auxv_add(a, AT_PHNUM, e->phnum);
    auxv_add(a, AT_PAGESZ, GUEST_PAGE_SIZE);
    auxv_add(a, AT_BASE, e->interp_base);
    auxv_add(a, AT_FLAGS, 0);
    auxv_add(a, AT_ENTRY, e->entry);
    auxv_add(a, AT_UID, getuid());
    auxv_add(a, AT_EUID, geteuid());
    auxv_add(a, AT_GID, getgid());
    auxv_add(a, AT_EGID, getegid());
    auxv_add(a, AT_SECURE, 0);
    auxv_add(a, AT_RANDOM, random);
    auxv_add(a, AT_HWCAP, arch->hwcap ? arch->hwcap(cpu, 1) : 0);
    auxv_add(a, AT_HWCAP2, arch->hwcap ? arch->hwcap(cpu, 2) : 0);
    auxv_add(a, AT_CLKTCK, 100);
    if (platform)
        auxv_add(a, AT_PLATFORM, platform);
    auxv_add(a, AT_EXECFN, e->execfn);
    /* XXX: AT_MINSIGSTKSZ and AT_SYSINFO_EHDR (no vDSO yet). */
    auxv_add(a, AT_NULL, 0);
}

/* -seed: n bytes from seed (splitmix64), the same for the same seed. */
static void stack_seeded_bytes(uint64_t seed, uint8_t *out, size_t n)
{
    for (size_t i = 0; i < n; i += 8) {
        uint64_t z = (seed += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        z ^= z >> 31;
        memcpy(out + i, &z, n - i < 8 ? n - i : 8);
    }
}

/* Pushes the strings and random bytes; records their addresses in p->elf. */
static int stack_strings(Process *p, StackWriter *w, char *const argv[], char *const envp[],
                         const char *execfn, uint64_t *addrs, uint64_t *platform, uint64_t *random)
{
    size_t argc = count_strings(argv), envc = count_strings(envp);
    uint64_t zero = 0;
    stack_push(w, &zero, sizeof(zero));
    if (!(p->elf.execfn = stack_push_str(w, execfn)))
        return -E2BIG;
    p->elf.env_end = p->elf.execfn;
    if (stack_push_strings(w, envp, envc, addrs + argc + 1) < 0 ||
        stack_push_strings(w, argv, argc, addrs) < 0)
        return -E2BIG;
    p->elf.env_start = envc ? addrs[argc + 1] : p->elf.env_end;
    p->elf.arg_start = argc ? addrs[0] : p->elf.env_start;
    p->elf.arg_end = p->elf.env_start;
    *platform = p->arch->platform ? stack_push_str(w, p->arch->platform) : 0;
    uint8_t rnd[16];
    if (p->opts.has_seed)
        stack_seeded_bytes(p->opts.rand_seed, rnd, sizeof(rnd));
    else if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd))
        memset(rnd, 0x5a, sizeof(rnd));
    *random = stack_push(w, rnd, sizeof(rnd));
    return *random ? 0 : -E2BIG;
}

/* Writes argc, argv[], envp[] and auxv below the strings; sets p->elf.sp. */
static int stack_tables(Process *p, StackWriter *w, size_t argc, size_t envc, const uint64_t *addrs,
                        const AuxvBuilder *a)
{
    uint64_t align = p->arch->stack_align ? p->arch->stack_align : 16;
    uint64_t words = 1 + (argc + 1) + (envc + 1) + a->n;
    uint64_t sp = (w->sp & ~(align - 1));
    if (sp - w->limit < words * w->word + align)
        return -E2BIG;
    sp = (sp - words * w->word) & ~(align - 1);
    uint64_t at = sp;
    stack_put_word(w, at, argc);
    at += w->word;
    for (size_t i = 0; i < argc + 1 + envc + 1; i++, at += w->word)
        stack_put_word(w, at, (i == argc || i == argc + 1 + envc) ? 0 : addrs[i]);
    p->elf.auxv_start = at;
    p->elf.auxv_len = a->n * w->word;
    for (size_t i = 0; i < a->n; i++, at += w->word)
        stack_put_word(w, at, a->v[i]);
    p->elf.sp = sp;
    w->sp = sp;
    return 0;
}

int stack_setup(Process *p, const CPUCommon *cpu, char *const argv[], char *const envp[],
                const char *execfn)
{
    int err = 0;
    uint64_t top = stack_map(p, &err);
    if (!top)
        return err;
    uint64_t size = p->opts.stack_size ? p->opts.stack_size : STACK_DEFAULT_SIZE;
    StackWriter w = {
        .mem = &p->mem,
        .sp = top,
        .limit = top - ((size / 4) & GUEST_PAGE_MASK),
        .word = p->arch->elf_class == ELFCLASS32 ? 4 : 8,
        .big_endian = p->arch->elf_data == ELFDATA2MSB,
    };
    p->elf.stack_top = top;
    size_t argc = count_strings(argv), envc = count_strings(envp);
    uint64_t *addrs = calloc(argc + envc + 2, sizeof(*addrs));
    if (!addrs)
        return -ENOMEM;
    uint64_t platform = 0, random = 0;
    int rc = stack_strings(p, &w, argv, envp, execfn, addrs, &platform, &random);
    if (rc == 0) {
        AuxvBuilder a = {.n = 0};
        stack_auxv(p, cpu, &a, platform, random);
        rc = stack_tables(p, &w, argc, envc, addrs, &a);
    }
    free(addrs);
    return rc;
}
