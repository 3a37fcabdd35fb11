/*
 * The code buffer: one read-write-execute mapping for all generated code.
 * See codebuf.h.  The buffer is placed near ferry's own text when possible
 * so generated code can reach helpers with rel32 calls, but the backend
 * never relies on that (it falls back to absolute calls).
 */
#include "translator/codebuf.h"

#include <errno.h>
#include <sys/mman.h>

/* Maps size bytes just below ferry's text, so helpers are within rel32 reach; NULL if taken. */
static void *map_near_text(size_t size)
{
    uintptr_t text = (uintptr_t)(void *)codebuf_init & ~(uintptr_t)0xfff;
    uintptr_t gap = 16u << 20;
    if (text < size + gap)
        return NULL;
    void *want = (void *)(text - size - gap);
    void *p = mmap(want, size, PROT_READ | PROT_WRITE | PROT_EXEC,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    if (p != want) { /* kernels before 4.17 treat the flag as a hint */
        munmap(p, size);
        return NULL;
    }
    return p;
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
