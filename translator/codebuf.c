/*
 * The code buffer: one read-write-execute mapping for all generated code.
 * See codebuf.h.  The buffer is placed near ferry's own text when possible
 * so generated code can reach helpers with rel32 calls, but the backend
 * never relies on that (it falls back to absolute calls).
 */
#include "translator/codebuf.h"

#include <errno.h>
#include <sys/mman.h>

/* Maps size bytes at want exactly; NULL if the range is taken. */
static void *map_at(uintptr_t want, size_t size)
{
    void *p = mmap((void *)want, size, PROT_READ | PROT_WRITE | PROT_EXEC,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    if (p != (void *)want) { /* kernels before 4.17 treat the flag as a hint */
        munmap(p, size);
        return NULL;
    }
    return p;
}

/*
 * Maps size bytes just below ferry's text, so helpers are within rel32 reach, or, when
 * ferry is linked low (a static non-PIE ferry-static at 0x400000), 1 GiB above it, which
 * leaves the brk heap that follows the program 1 GiB to grow; NULL if neither is free.
 */
static void *map_near_text(size_t size)
{
    uintptr_t text = (uintptr_t)(void *)codebuf_init & ~(uintptr_t)0xfff;
    uintptr_t gap = 16u << 20, above = 1u << 30;
    if (text >= size + gap)
        return map_at(text - size - gap, size);
    if (size <= (512u << 20))
        return map_at(text + above, size);
    return NULL;
}

int codebuf_init(CodeBuf *cb, size_t size)
{
    void *p = map_near_text(size);
    if (!p)
        p = mmap(NULL, size, PROT_READ | PROT_WRITE | PROT_EXEC,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return -errno;
    cb->base = p;
    cb->code_start = p;
    cb->ptr = p;
    cb->end = (uint8_t *)p + size;
    return 0;
}

void codebuf_destroy(CodeBuf *cb)
{
    if (cb->base)
        munmap(cb->base, (size_t)(cb->end - cb->base));
    cb->base = cb->code_start = cb->ptr = cb->end = NULL;
}
