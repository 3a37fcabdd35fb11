/*
 * Loading ELF programs into guest memory.
 *
 * elf_parse reads and checks the headers with libelf (any class and byte
 * order: libelf converts) and picks the GuestArch; elf_map_image maps the
 * PT_LOAD segments at a bias (0 for ET_EXEC), their file data mapped from
 * the file (private, as the kernel does) or, when the layout does not allow
 * that, read into anonymous memory; bss is anonymous zero memory; then it
 * sets the final protections.  A program interpreter (PT_INTERP, the dynamic
 * linker) is a second image, found under the sysroot (-L, or the Debian cross
 * sysroot /usr/<triplet> when the host has no usable interpreter), parsed and
 * mapped the same way top-down in the window; the guest starts at its entry
 * with AT_BASE its load bias.
 */
#include "loader/elf.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define ELF_MAX_PHDRS 4096
#define ELF_MAX_INTERP 4096

/* A parsed program or interpreter, before mapping. */
typedef struct ElfImage {
    const GuestArch *arch;
    GElf_Ehdr eh;
    GElf_Phdr *ph; /* all program headers */
    size_t phnum;
    uint64_t file_size;
    char *interp;    /* PT_INTERP path, or NULL */
    unsigned gflags; /* region flags: GMEM_IMAGE for the program (named in /proc/self/maps) */
} ElfImage;

/* Sets *err to "ferry: NAME: <fmt>" and returns -ENOEXEC (or `rc`). */
static int elf_fail(ElfError *err, int status, int rc, const char *name, const char *fmt, ...)
{
    va_list ap;
    int n = snprintf(err->msg, sizeof(err->msg), "ferry: %s: ", name);
    if (n < 0 || (size_t)n >= sizeof(err->msg))
        n = 0;
    va_start(ap, fmt);
    vsnprintf(err->msg + n, sizeof(err->msg) - n, fmt, ap);
    va_end(ap);
    err->status = status;
    return rc;
}

#define elf_corrupt(err, name, ...) elf_fail(err, 126, -ENOEXEC, name, "corrupt ELF: " __VA_ARGS__)

int elf_open(const char *path, ElfError *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        return elf_fail(err, e == ENOENT || e == ENOTDIR ? 127 : 126, -e, path, "%s", strerror(e));
    }
    struct stat st;
    int e = 0;
    if (fstat(fd, &st) < 0)
        e = errno;
    else if (S_ISDIR(st.st_mode))
        e = EISDIR;
    else if (!S_ISREG(st.st_mode) || !(st.st_mode & 0111))
        e = EACCES;
    if (e) {
        close(fd);
        return elf_fail(err, 126, -e, path, "%s", strerror(e));
    }
    return fd;
}

int elf_peek_class(int fd)
{
    unsigned char id[EI_NIDENT];
    if (pread(fd, id, sizeof(id), 0) != (ssize_t)sizeof(id) || memcmp(id, ELFMAG, SELFMAG))
        return 0;
    return id[EI_CLASS] == ELFCLASS32 || id[EI_CLASS] == ELFCLASS64 ? id[EI_CLASS] : 0;
}

/* ---- identity ---- */

static const char *elf_machine_name(unsigned machine)
{
    static const struct {
        unsigned em;
        const char *name;
    } names[] = {
        {EM_386, "i386"},      {EM_68K, "m68k"},        {EM_SPARC, "sparc"},
        {EM_MIPS, "mips"},     {EM_PARISC, "hppa"},     {EM_PPC, "ppc"},
        {EM_PPC64, "ppc64"},   {EM_S390, "s390"},       {EM_ARM, "arm"},
        {EM_SH, "sh"},         {EM_SPARCV9, "sparc64"}, {EM_IA_64, "ia64"},
        {EM_X86_64, "x86-64"}, {EM_AARCH64, "aarch64"}, {EM_RISCV, "riscv"},
        {258, "loongarch"},    {EM_ALPHA, "alpha"},     {EM_MICROBLAZE, "microblaze"},
    };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (names[i].em == machine)
            return names[i].name;
    return "unknown";
}

/* True when some frontend handles `machine` in any class or byte order. */
static bool elf_machine_known(unsigned machine)
{
    for (int c = ELFCLASS32; c <= ELFCLASS64; c++)
        for (int d = ELFDATA2LSB; d <= ELFDATA2MSB; d++)
            if (guest_arch_find(machine, c, d))
                return true;
    return false;
}

static int elf_pick_arch(ElfImage *img, const char *name, ElfError *err)
{
    const unsigned char *id = img->eh.e_ident;
    unsigned machine = img->eh.e_machine;
    img->arch = guest_arch_find(machine, id[EI_CLASS], id[EI_DATA]);
    if (img->arch)
        return 0;
    if (machine == EM_X86_64 && id[EI_CLASS] == ELFCLASS64)
        return elf_fail(err, 126, -ENOEXEC, name,
                        "ELF machine x86-64 is the host; run it directly");
    if (!elf_machine_known(machine))
        return elf_fail(err, 126, -ENOEXEC, name, "ELF machine 0x%x (%s) is not a supported guest",
                        machine, elf_machine_name(machine));
    return elf_fail(err, 126, -ENOEXEC, name,
                    "ELF machine 0x%x (%s) is not a supported guest as %d-bit %s-endian", machine,
                    elf_machine_name(machine), id[EI_CLASS] == ELFCLASS64 ? 64 : 32,
                    id[EI_DATA] == ELFDATA2MSB ? "big" : "little");
}

/* ---- header checks ---- */

static int elf_check_ident(int fd, ElfImage *img, const char *name, ElfError *err)
{
    unsigned char id[EI_NIDENT];
    ssize_t n = pread(fd, id, sizeof(id), 0);
    if (n < 0)
        return elf_fail(err, 126, -errno, name, "%s", strerror(errno));
    if (n < SELFMAG || memcmp(id, ELFMAG, SELFMAG) != 0)
        return elf_fail(err, 126, -ENOEXEC, name, "not an ELF file");
    if (n < EI_NIDENT)
        return elf_corrupt(err, name, "truncated ELF header");
    if (id[EI_CLASS] != ELFCLASS32 && id[EI_CLASS] != ELFCLASS64)
        return elf_corrupt(err, name, "bad ELF class %u", id[EI_CLASS]);
    if (id[EI_DATA] != ELFDATA2LSB && id[EI_DATA] != ELFDATA2MSB)
        return elf_corrupt(err, name, "bad ELF byte order %u", id[EI_DATA]);
    uint64_t ehsize = id[EI_CLASS] == ELFCLASS64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
    if (img->file_size < ehsize)
        return elf_corrupt(err, name, "truncated ELF header");
    return 0;
}

static int elf_check_type(ElfImage *img, const char *name, ElfError *err)
{
    const GElf_Ehdr *eh = &img->eh;
    if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
        return elf_fail(err, 126, -ENOEXEC, name, "not an executable ELF file (type %u)",
                        eh->e_type);
    uint64_t phsize = eh->e_ident[EI_CLASS] == ELFCLASS64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
    if (eh->e_phentsize != phsize)
        return elf_corrupt(err, name, "bad e_phentsize %u", eh->e_phentsize);
    return 0;
}

static bool elf_phdrs_in_file(const ElfImage *img, uint64_t phnum)
{
    uint64_t off = img->eh.e_phoff, len = phnum * img->eh.e_phentsize;
    return off <= img->file_size && len <= img->file_size - off;
}

static int elf_read_phdrs(Elf *e, ElfImage *img, const char *name, ElfError *err)
{
    size_t phnum = img->eh.e_phnum; /* PN_XNUM: the count is in section 0 */
    if (phnum == 0)
        return elf_corrupt(err, name, "no PT_LOAD segment");
    if (phnum != PN_XNUM && !elf_phdrs_in_file(img, phnum))
        return elf_corrupt(err, name, "program headers beyond end of file");
    if (elf_getphdrnum(e, &phnum) != 0 || phnum == 0 || phnum > ELF_MAX_PHDRS)
        return elf_corrupt(err, name, "bad program header count");
    if (!elf_phdrs_in_file(img, phnum))
        return elf_corrupt(err, name, "program headers beyond end of file");
    img->ph = calloc(phnum, sizeof(*img->ph));
    if (!img->ph)
        return elf_fail(err, 126, -ENOMEM, name, "%s", strerror(ENOMEM));
    for (size_t i = 0; i < phnum; i++)
        if (!gelf_getphdr(e, (int)i, &img->ph[i]))
            return elf_corrupt(err, name, "bad program header %zu", i);
    img->phnum = phnum;
    return 0;
}

/* ---- segment checks ---- */

static int elf_check_load(const ElfImage *img, const GElf_Phdr *ph, const char *name, ElfError *err)
{
    if (ph->p_filesz > ph->p_memsz)
        return elf_corrupt(err, name, "segment at 0x%llx has p_filesz > p_memsz",
                           (unsigned long long)ph->p_vaddr);
    /* A segment with no file contents (only bss) may name any offset. */
    if (ph->p_filesz &&
        (ph->p_offset > img->file_size || ph->p_filesz > img->file_size - ph->p_offset))
        return elf_corrupt(err, name, "segment at 0x%llx beyond end of file",
                           (unsigned long long)ph->p_vaddr);
    if (ph->p_vaddr + ph->p_memsz < ph->p_vaddr || ph->p_vaddr + ph->p_memsz > (1ull << 62))
        return elf_corrupt(err, name, "segment at 0x%llx wraps the address space",
                           (unsigned long long)ph->p_vaddr);
    return 0;
}

static int elf_read_interp(int fd, ElfImage *img, const GElf_Phdr *ph, const char *name,
                           ElfError *err)
{
    if (img->interp || ph->p_filesz < 2 || ph->p_filesz > ELF_MAX_INTERP ||
        ph->p_offset > img->file_size || ph->p_filesz > img->file_size - ph->p_offset)
        return elf_corrupt(err, name, "bad PT_INTERP");
    img->interp = calloc(1, ph->p_filesz + 1);
    if (!img->interp)
        return elf_fail(err, 126, -ENOMEM, name, "%s", strerror(ENOMEM));
    if (pread(fd, img->interp, ph->p_filesz, ph->p_offset) != (ssize_t)ph->p_filesz ||
        img->interp[ph->p_filesz - 1] != 0)
        return elf_corrupt(err, name, "bad PT_INTERP");
    return 0;
}

/* Checks every program header: loads sorted and disjoint, entry inside one. */
static int elf_check_segments(int fd, ElfImage *img, const char *name, ElfError *err)
{
    uint64_t prev_end = 0, entry = img->eh.e_entry;
    bool any = false, entry_ok = false;
    for (size_t i = 0; i < img->phnum; i++) {
        const GElf_Phdr *ph = &img->ph[i];
        int rc = 0;
        if (ph->p_type == PT_INTERP && (rc = elf_read_interp(fd, img, ph, name, err)) < 0)
            return rc;
        if (ph->p_type != PT_LOAD)
            continue;
        if ((rc = elf_check_load(img, ph, name, err)) < 0)
            return rc;
        if (ph->p_memsz == 0)
            continue;
        if (any && ph->p_vaddr < prev_end)
            return elf_corrupt(err, name, "overlapping or unsorted PT_LOAD segments");
        prev_end = ph->p_vaddr + ph->p_memsz;
        any = true;
        entry_ok |= entry >= ph->p_vaddr && entry < prev_end;
    }
    if (!any)
        return elf_corrupt(err, name, "no PT_LOAD segment");
    if (!entry_ok)
        return elf_corrupt(err, name, "entry point 0x%llx outside the segments",
                           (unsigned long long)entry);
    return 0;
}

/* Reads and checks the headers of fd into img. */
static int elf_parse(int fd, ElfImage *img, const char *name, ElfError *err)
{
    struct stat st;
    if (fstat(fd, &st) < 0)
        return elf_fail(err, 126, -errno, name, "%s", strerror(errno));
    img->file_size = (uint64_t)st.st_size;
    int rc = elf_check_ident(fd, img, name, err);
    if (rc < 0)
        return rc;
    elf_version(EV_CURRENT);
    Elf *e = elf_begin(fd, ELF_C_READ, NULL);
    if (!e || elf_kind(e) != ELF_K_ELF || !gelf_getehdr(e, &img->eh)) {
        rc = elf_corrupt(err, name, "bad ELF header");
        goto out;
    }
    if ((rc = elf_pick_arch(img, name, err)) < 0 || (rc = elf_check_type(img, name, err)) < 0)
        goto out;
    if ((rc = elf_read_phdrs(e, img, name, err)) < 0)
        goto out;
    rc = elf_check_segments(fd, img, name, err);
out:
    if (e)
        elf_end(e);
    return rc;
}

/* ---- mapping ---- */

static uint64_t page_down(uint64_t x)
{
    return x & GUEST_PAGE_MASK;
}
static uint64_t page_up(uint64_t x)
{
    return (x + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
}

static int elf_prot(uint32_t flags)
{
    return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) |
           (flags & PF_X ? PROT_EXEC : 0);
}

static bool elf_is_load(const GElf_Phdr *ph)
{
    return ph->p_type == PT_LOAD && ph->p_memsz;
}

/* Lowest and highest (page-rounded) addresses of the loadable segments. */
static void elf_span(const ElfImage *img, uint64_t *lo, uint64_t *hi)
{
    *lo = UINT64_MAX;
    *hi = 0;
    for (size_t i = 0; i < img->phnum; i++) {
        const GElf_Phdr *ph = &img->ph[i];
        if (!elf_is_load(ph))
            continue;
        if (page_down(ph->p_vaddr) < *lo)
            *lo = page_down(ph->p_vaddr);
        if (page_up(ph->p_vaddr + ph->p_memsz) > *hi)
            *hi = page_up(ph->p_vaddr + ph->p_memsz);
    }
}

static int pread_full(int fd, void *buf, uint64_t len, uint64_t off)
{
    while (len) {
        ssize_t n = pread(fd, buf, len, (off_t)off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n < 0 ? -errno : -EIO;
        buf = (char *)buf + n;
        len -= (uint64_t)n;
        off += (uint64_t)n;
    }
    return 0;
}

/*
 * Maps the file part of a segment from the file itself (MAP_PRIVATE, writable until
 * elf_protect), so only the pages the guest touches are read, from the page cache, instead
 * of copying the whole file at start-up.  Needs the segment's first page to itself and
 * p_offset congruent to p_vaddr modulo the page size; false (nothing done) otherwise, or
 * when the file cannot be mapped.  Bytes of the last file page past p_filesz are zeroed, as
 * the copy leaves them; *file_end is the end of the file pages.
 */
static bool elf_map_file(GuestMem *m, int fd, const ElfImage *img, const GElf_Phdr *ph, uint64_t va,
                         uint64_t *file_end)
{
    uint64_t start = page_down(va), end = page_up(va + ph->p_filesz);
    if (!ph->p_filesz || ((va ^ ph->p_offset) & (GUEST_PAGE_SIZE - 1)))
        return false;
    if (gmem_mmap(m, start, end - start, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, fd,
                  (int64_t)(ph->p_offset - (va - start)), img->gflags) < 0)
        return false;
    memset(g2h(m, va + ph->p_filesz), 0, end - (va + ph->p_filesz));
    *file_end = end;
    return true;
}

/* Maps and fills one segment; pages below *mapped_end are already there. */
static int elf_map_segment(GuestMem *m, int fd, const ElfImage *img, const GElf_Phdr *ph,
                           uint64_t bias, uint64_t *mapped_end)
{
    uint64_t va = ph->p_vaddr + bias;
    uint64_t start = page_down(va), end = page_up(va + ph->p_memsz);
    bool mapped = false;
    if (start >= *mapped_end && elf_map_file(m, fd, img, ph, va, &start))
        mapped = true;
    else if (start < *mapped_end)
        start = *mapped_end;
    if (start < end) {
        int64_t a = gmem_mmap(m, start, end - start, PROT_READ | PROT_WRITE,
                              MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0, img->gflags);
        if (a < 0)
            return (int)a;
    }
    *mapped_end = end;
    return mapped ? 0 : pread_full(fd, g2h(m, va), ph->p_filesz, ph->p_offset);
}

/* Final protections; a page shared by two segments gets both. */
static int elf_protect(GuestMem *m, const ElfImage *img, uint64_t bias)
{
    const GElf_Phdr *prev = NULL;
    for (size_t i = 0; i < img->phnum; i++) {
        const GElf_Phdr *ph = &img->ph[i];
        if (!elf_is_load(ph))
            continue;
        uint64_t va = ph->p_vaddr + bias;
        uint64_t start = page_down(va), end = page_up(va + ph->p_memsz);
        int prot = elf_prot(ph->p_flags), rc;
        if ((rc = gmem_mprotect(m, start, end - start, prot)) < 0)
            return rc;
        if (prev && page_up(prev->p_vaddr + prev->p_memsz + bias) > start)
            rc = gmem_mprotect(m, start, GUEST_PAGE_SIZE, prot | elf_prot(prev->p_flags));
        if (rc < 0)
            return rc;
        prev = ph;
    }
    return 0;
}

/* Unmaps the parts of an ET_DYN reservation between segments. */
static void elf_unmap_gaps(GuestMem *m, const ElfImage *img, uint64_t bias)
{
    uint64_t prev_end = 0;
    for (size_t i = 0; i < img->phnum; i++) {
        const GElf_Phdr *ph = &img->ph[i];
        if (!elf_is_load(ph))
            continue;
        uint64_t start = page_down(ph->p_vaddr + bias);
        if (prev_end && start > prev_end)
            gmem_munmap(m, prev_end, start - prev_end);
        prev_end = page_up(ph->p_vaddr + ph->p_memsz + bias);
    }
}

/*
 * Chooses the load bias: 0 for ET_EXEC, for ET_DYN a free range at `hint`
 * if possible (0: the top-down mmap area).
 */
static int elf_choose_bias(GuestMem *m, const ElfImage *img, uint64_t hint, uint64_t *bias)
{
    uint64_t lo, hi;
    elf_span(img, &lo, &hi);
    *bias = 0;
    if (img->eh.e_type == ET_EXEC)
        return gmem_in_window(m, lo, hi - lo) && lo >= GUEST_PAGE_SIZE ? 0 : -ENOMEM;
    int64_t a = gmem_mmap(m, hint, hi - lo, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                          -1, 0, img->gflags);
    if (a < 0)
        return (int)a;
    *bias = (uint64_t)a - lo;
    return 0;
}

static int elf_map_image(GuestMem *m, int fd, const ElfImage *img, uint64_t bias)
{
    uint64_t mapped_end = 0;
    for (size_t i = 0; i < img->phnum; i++) {
        if (!elf_is_load(&img->ph[i]))
            continue;
        int rc = elf_map_segment(m, fd, img, &img->ph[i], bias, &mapped_end);
        if (rc < 0)
            return rc;
    }
    if (img->eh.e_type == ET_DYN)
        elf_unmap_gaps(m, img, bias);
    return elf_protect(m, img, bias);
}

/* AT_PHDR: PT_PHDR, else the PT_LOAD whose file range holds the headers. */
static uint64_t elf_phdr_addr(const ElfImage *img)
{
    uint64_t off = img->eh.e_phoff;
    for (size_t i = 0; i < img->phnum; i++)
        if (img->ph[i].p_type == PT_PHDR)
            return img->ph[i].p_vaddr;
    for (size_t i = 0; i < img->phnum; i++) {
        const GElf_Phdr *ph = &img->ph[i];
        if (ph->p_type == PT_LOAD && off >= ph->p_offset && off - ph->p_offset < ph->p_filesz)
            return ph->p_vaddr + (off - ph->p_offset);
    }
    return 0;
}

/* Code/data/brk bounds the way the kernel computes them for mm_struct. */
static void elf_fill_info(const ElfImage *img, uint64_t bias, ElfInfo *info)
{
    uint64_t start_code = UINT64_MAX, end_code = 0, start_data = 0, end_data = 0, brk = 0;
    for (size_t i = 0; i < img->phnum; i++) {
        const GElf_Phdr *ph = &img->ph[i];
        if (!elf_is_load(ph))
            continue;
        uint64_t fend = ph->p_vaddr + ph->p_filesz, mend = ph->p_vaddr + ph->p_memsz;
        if ((ph->p_flags & PF_X) && ph->p_vaddr < start_code)
            start_code = ph->p_vaddr;
        if ((ph->p_flags & PF_X) && fend > end_code)
            end_code = fend;
        if (ph->p_vaddr > start_data)
            start_data = ph->p_vaddr;
        if (fend > end_data)
            end_data = fend;
        if (mend > brk)
            brk = mend;
    }
    if (start_code == UINT64_MAX)
        start_code = 0;
    info->entry = img->eh.e_entry + bias;
    info->load_bias = bias;
    uint64_t phdr = elf_phdr_addr(img);
    info->phdr = phdr ? phdr + bias : 0;
    info->phent = img->eh.e_phentsize;
    info->phnum = img->phnum;
    info->start_code = start_code + bias;
    info->end_code = end_code + bias;
    info->start_data = start_data + bias;
    info->end_data = end_data + bias;
    info->start_brk = page_up(brk + bias);
}

static void elf_image_free(ElfImage *img)
{
    free(img->ph);
    free(img->interp);
}

/* ---- sysroot and interpreter ---- */

/* Debian's cross sysroot for an architecture (where its cross libc lives), or NULL. */
static const char *elf_default_sysroot(const GuestArch *arch)
{
    static const struct {
        uint16_t machine;
        uint8_t elf_class, elf_data;
        const char *dir;
    } roots[] = {
        {EM_AARCH64, ELFCLASS64, ELFDATA2LSB, "/usr/aarch64-linux-gnu"},
        {EM_AARCH64, ELFCLASS64, ELFDATA2MSB, "/usr/aarch64_be-linux-gnu"},
        {EM_RISCV, ELFCLASS64, ELFDATA2LSB, "/usr/riscv64-linux-gnu"},
        {EM_ARM, ELFCLASS32, ELFDATA2LSB, "/usr/arm-linux-gnueabihf"},
        {EM_MIPS, ELFCLASS32, ELFDATA2MSB, "/usr/mips-linux-gnu"},
    };
    for (size_t i = 0; i < sizeof(roots) / sizeof(roots[0]); i++)
        if (roots[i].machine == arch->elf_machine && roots[i].elf_class == arch->elf_class &&
            roots[i].elf_data == arch->elf_data)
            return roots[i].dir;
    return NULL;
}

/* True when the host file `path` is an ELF file for `arch`. */
static bool elf_file_is_arch(const char *path, const GuestArch *arch)
{
    unsigned char h[EI_NIDENT + 4];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool ok = pread(fd, h, sizeof(h), 0) == (ssize_t)sizeof(h);
    close(fd);
    if (!ok || memcmp(h, ELFMAG, SELFMAG) || h[EI_CLASS] != arch->elf_class ||
        h[EI_DATA] != arch->elf_data)
        return false;
    /* e_machine follows e_type, in the file's byte order */
    unsigned machine = h[EI_DATA] == ELFDATA2MSB ? (h[EI_NIDENT + 2] << 8) | h[EI_NIDENT + 3]
                                                 : h[EI_NIDENT + 2] | (h[EI_NIDENT + 3] << 8);
    return machine == arch->elf_machine;
}

static bool elf_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/*
 * Opens the interpreter of `prog` into *fd and its host path into `path`
 * (PATH_MAX bytes).  Without a sysroot, a host interpreter that is not a
 * program of the guest's architecture selects the default sysroot, which
 * then also serves the guest's own paths (p->opts.sysroot).
 */
static int elf_open_interp(Process *p, const ElfImage *prog, const char *name, char *path, int *fd,
                           ElfError *err)
{
    const char *interp = prog->interp;
    if (!p->opts.sysroot && !elf_file_is_arch(interp, prog->arch)) {
        const char *def = elf_default_sysroot(prog->arch);
        if (def && elf_is_dir(def))
            p->opts.sysroot = def;
    }
    if (!elf_sysroot_resolve(p->opts.sysroot, interp, true, path, PATH_MAX))
        snprintf(path, PATH_MAX, "%s", interp);
    ElfError open_err;
    *fd = elf_open(path, &open_err);
    if (*fd == -ENOENT || *fd == -ENOTDIR || *fd == -ELOOP)
        return elf_fail(err, 127, *fd, name, "interpreter %s not found (use -L SYSROOT)", interp);
    if (*fd < 0)
        return elf_fail(err, 126, *fd, name, "interpreter %s: %s", path, strerror(-*fd));
    return 0;
}

/* Checks that the interpreter `img` (at `path`) can serve `prog`. */
static int elf_check_interp(const ElfImage *prog, const ElfImage *img, const char *name,
                            const char *path, ElfError *err)
{
    if (img->arch != prog->arch)
        return elf_fail(err, 126, -ENOEXEC, name, "interpreter %s is not an %s program", path,
                        prog->arch->name);
    if (img->interp)
        return elf_fail(err, 126, -ELIBBAD, name, "interpreter %s has an interpreter itself", path);
    if (img->eh.e_type != ET_DYN)
        return elf_fail(err, 126, -ELIBBAD, name, "interpreter %s is not position-independent",
                        path);
    return 0;
}

/*
 * Loads the interpreter of `prog` top-down in the window; sets
 * p->elf.interp_base (AT_BASE) and interp_entry (where the guest starts).
 */
static int elf_load_interp(Process *p, const ElfImage *prog, const char *name, int fd,
                           const char *path, ElfError *err)
{
    ElfImage img = {0};
    uint64_t bias = 0;
    int rc = elf_parse(fd, &img, path, err);
    if (rc < 0) {
        char why[sizeof(err->msg)];
        snprintf(why, sizeof(why), "%s", err->msg + strlen("ferry: "));
        rc = elf_fail(err, err->status, rc, name, "interpreter %s", why);
        goto out;
    }
    if ((rc = elf_check_interp(prog, &img, name, path, err)) < 0)
        goto out;
    if ((rc = elf_choose_bias(&p->mem, &img, 0, &bias)) < 0) {
        rc = elf_fail(err, 126, rc, name, "cannot place the interpreter %s: %s", path,
                      strerror(-rc));
        goto out;
    }
    if ((rc = elf_map_image(&p->mem, fd, &img, bias)) < 0) {
        rc =
            elf_fail(err, 126, rc, name, "cannot load the interpreter %s: %s", path, strerror(-rc));
        goto out;
    }
    p->elf.interp_base = bias;
    p->elf.interp_entry = img.eh.e_entry + bias;
out:
    elf_image_free(&img);
    return rc;
}

int elf_load(Process *p, int fd, const char *name, ElfError *err)
{
    ElfImage img = {.gflags = GMEM_IMAGE};
    uint64_t bias = 0;
    char *interp_path = NULL;
    int interp_fd = -1;
    memset(err, 0, sizeof(*err));
    int rc = elf_parse(fd, &img, name, err);
    if (rc < 0)
        goto out;
    if (img.interp) {
        if (!(interp_path = malloc(PATH_MAX))) {
            rc = elf_fail(err, 126, -ENOMEM, name, "%s", strerror(ENOMEM));
            goto out;
        }
        if ((rc = elf_open_interp(p, &img, name, interp_path, &interp_fd, err)) < 0)
            goto out;
    }
    if ((rc = elf_choose_bias(&p->mem, &img, img.arch->default_load_base, &bias)) < 0) {
        rc = elf_fail(err, 126, rc, name,
                      "cannot place the program in the guest address "
                      "space: %s",
                      strerror(-rc));
        goto out;
    }
    if ((rc = elf_map_image(&p->mem, fd, &img, bias)) < 0) {
        rc = elf_fail(err, 126, rc, name, "cannot load: %s", strerror(-rc));
        goto out;
    }
    p->arch = img.arch;
    elf_fill_info(&img, bias, &p->elf);
    p->elf.interp_base = p->elf.interp_entry = 0;
    p->mem.brk_start = p->mem.brk_cur = p->elf.start_brk;
    if (img.interp)
        rc = elf_load_interp(p, &img, name, interp_fd, interp_path, err);
out:
    if (interp_fd >= 0)
        close(interp_fd);
    free(interp_path);
    elf_image_free(&img);
    return rc;
}
