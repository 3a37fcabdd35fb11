/*
 * The code buffer: one executable region shared by all threads, filled
 * linearly with host code; when full, the whole TB cache is flushed and
 * filling starts again (tb_flush in exec.c does this in an exclusive section).
 */
#ifndef FERRY_TRANSLATOR_CODEBUF_H
#define FERRY_TRANSLATOR_CODEBUF_H

#include <stddef.h>
#include <stdint.h>

typedef struct CodeBuf {
    uint8_t *base;       /* start of the mapping */
    uint8_t *code_start; /* first byte after the fixed stubs (prologue, exits) */
    uint8_t *ptr;        /* next free byte */
    uint8_t *end;        /* end of the mapping */
} CodeBuf;

/* Maps a read-write-execute buffer of `size` bytes. Returns 0 or -errno. */
int codebuf_init(CodeBuf *cb, size_t size);
void codebuf_destroy(CodeBuf *cb);
/* Forgets all translated code; the stubs before code_start stay. */
static inline void codebuf_reset(CodeBuf *cb)
{
    cb->ptr = cb->code_start;
}
static inline size_t codebuf_room(const CodeBuf *cb)
{
    return (size_t)(cb->end - cb->ptr);
}

#endif
