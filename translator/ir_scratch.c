/*
 * Per-translation scratch memory of an IrContext.  The optimizer passes and
 * the backend need tables sized by the TB (per temp, per op, per label) for
 * the duration of one translation; taking them from a bump allocator that
 * ir_reset empties avoids a malloc/free pair (and, for larger tables, glibc's
 * consolidation work) per table per TB, and keeps reusing the same cache-warm
 * memory.  When one translation needs more than the current chunk, a chunk of
 * twice the size is added; the reset then keeps only that newest chunk.
 */
#include "translator/ir.h"

#include <stdlib.h>
#include <string.h>

#define IR_SCRATCH_MIN (64u << 10)

typedef struct IrScratch {
    struct IrScratch *prev; /* older, smaller chunks, freed at the next reset */
    size_t cap;
    _Alignas(IR_SCRATCH_ALIGN) unsigned char data[];
} IrScratch;

static IrScratch *scratch_chunk(size_t cap, IrScratch *prev)
{
    IrScratch *s = malloc(sizeof(*s) + cap);
    if (!s) {
        fprintf(stderr, "ferry: out of memory in the translator\n");
        exit(1);
    }
    s->prev = prev;
    s->cap = cap;
    return s;
}

/* ir_scratch (ir.h) found the current chunk too small (or none): size is already rounded. */
void *ir_scratch_grow(IrContext *ctx, size_t size)
{
    IrScratch *s = ctx->scratch;
    size_t cap = s ? 2 * s->cap : IR_SCRATCH_MIN;
    while (cap < size)
        cap *= 2;
    ctx->scratch = s = scratch_chunk(cap, s);
    ctx->scratch_ptr = s->data + size;
    ctx->scratch_end = s->data + cap;
    return s->data;
}

void *ir_scratch_zero(IrContext *ctx, size_t size)
{
    return memset(ir_scratch(ctx, size), 0, size);
}

void ir_scratch_reset(IrContext *ctx)
{
    IrScratch *s = ctx->scratch;
    if (!s)
        return;
    while (s->prev) {
        IrScratch *old = s->prev;
        s->prev = old->prev;
        free(old);
    }
    ctx->scratch_ptr = s->data;
    ctx->scratch_end = s->data + s->cap;
}

void ir_scratch_free(IrContext *ctx)
{
    ir_scratch_reset(ctx);
    free(ctx->scratch);
    ctx->scratch = NULL;
    ctx->scratch_ptr = ctx->scratch_end = NULL;
}
