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
#define IR_SCRATCH_ALIGN 16u

typedef struct IrScratch {
    struct IrScratch *prev; /* older, smaller chunks, freed at the next reset */
    size_t used, cap;
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
    s->used = 0;
    s->cap = cap;
    return s;
}

void *ir_scratch(IrContext *ctx, size_t size)
{
    size = (size + IR_SCRATCH_ALIGN - 1) & ~(size_t)(IR_SCRATCH_ALIGN - 1);
    IrScratch *s = ctx->scratch;
    if (!s || s->cap - s->used < size) {
        size_t cap = s ? 2 * s->cap : IR_SCRATCH_MIN;
        while (cap < size)
            cap *= 2;
        ctx->scratch = s = scratch_chunk(cap, s);
    }
    void *p = s->data + s->used;
    s->used += size;
    return p;
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
    s->used = 0;
}

void ir_scratch_free(IrContext *ctx)
{
    ir_scratch_reset(ctx);
    free(ctx->scratch);
    ctx->scratch = NULL;
}
