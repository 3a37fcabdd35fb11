/*
 * The code buffer: one read-write-execute mapping for all generated code.
 * See codebuf.h.  The buffer is placed near ferry's own text when possible
 * so generated code can reach helpers with rel32 calls, but the backend
 * never relies on that (it falls back to absolute calls).
 */
#include "translator/codebuf.h"

#include <errno.h>
#include <sys/mman.h>

int codebuf_init(CodeBuf *cb, size_t size)
{
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE | PROT_EXEC,
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
