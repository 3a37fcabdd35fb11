/*
 * Struct and flag thunks: the generic converter behind every guest struct
 * whose layout differs from the host's (see thunk.h).
 */
#include "syscalls/thunk.h"

#include <assert.h>
#include <errno.h>
#include <string.h>

static unsigned field_guest_size(const ThunkField *f, const ThunkTarget *t)
{
    return f->guest_size == THUNK_WORD ? t->word_size : f->guest_size;
}

static unsigned field_align(unsigned size, const ThunkTarget *t)
{
    return size > t->max_align ? t->max_align : size;
}

static size_t align_up(size_t v, size_t a)
{
    return (v + a - 1) / a * a;
}

/* Guest offset of each field in turn: `*next` is the end of the previous one. */
static size_t field_guest_off(const ThunkField *f, const ThunkTarget *t, size_t *next)
{
    unsigned size = field_guest_size(f, t);
    size_t off = f->guest_off == THUNK_AUTO ? align_up(*next, field_align(size, t)) : f->guest_off;
    *next = off + (size_t)size * (f->count ? f->count : 1);
    return off;
}

size_t thunk_guest_size(const ThunkDesc *d, const ThunkTarget *t)
{
    if (d->guest_size)
        return d->guest_size;
    size_t next = 0;
    unsigned align = 1;
    for (unsigned i = 0; i < d->nfields; i++) {
        unsigned a = field_align(field_guest_size(&d->fields[i], t), t);
        field_guest_off(&d->fields[i], t, &next);
        if (a > align)
            align = a;
    }
    return align_up(next, align);
}

uint64_t thunk_load(const ThunkTarget *t, const void *p, unsigned size, bool is_signed)
{
    const uint8_t *b = p;
    uint64_t v = 0;
    for (unsigned i = 0; i < size; i++) {
        unsigned byte = t->big_endian ? i : size - 1 - i;
        v = v << 8 | b[byte];
    }
    if (is_signed && size < 8) {
        unsigned sh = 64 - 8 * size;
        v = (uint64_t)((int64_t)(v << sh) >> sh);
    }
    return v;
}

void thunk_store(const ThunkTarget *t, void *p, unsigned size, uint64_t v)
{
    uint8_t *b = p;
    for (unsigned i = 0; i < size; i++) {
        unsigned byte = t->big_endian ? size - 1 - i : i;
        b[byte] = (uint8_t)(v >> (8 * i));
    }
}

/* The host is little-endian x86-64. */
static const ThunkTarget host_target = {8, 8, false};

void thunk_h2g(const ThunkDesc *d, const ThunkTarget *t, void *guest, const void *host)
{
    size_t gsize = thunk_guest_size(d, t), next = 0;
    memset(guest, 0, gsize);
    for (unsigned i = 0; i < d->nfields; i++) {
        const ThunkField *f = &d->fields[i];
        unsigned gs = field_guest_size(f, t);
        size_t goff = field_guest_off(f, t, &next);
        for (unsigned k = 0; k < (f->count ? f->count : 1); k++) {
            const uint8_t *hp = (const uint8_t *)host + f->host_off + (size_t)k * f->host_size;
            uint64_t v = thunk_load(&host_target, hp, f->host_size, f->is_signed);
            assert(goff + (size_t)(k + 1) * gs <= gsize && "thunk: guest field out of struct");
            thunk_store(t, (uint8_t *)guest + goff + (size_t)k * gs, gs, v);
        }
    }
}

void thunk_g2h(const ThunkDesc *d, const ThunkTarget *t, void *host, const void *guest)
{
    size_t next = 0;
    memset(host, 0, d->host_size);
    for (unsigned i = 0; i < d->nfields; i++) {
        const ThunkField *f = &d->fields[i];
        unsigned gs = field_guest_size(f, t);
        size_t goff = field_guest_off(f, t, &next);
        for (unsigned k = 0; k < (f->count ? f->count : 1); k++) {
            const uint8_t *gp = (const uint8_t *)guest + goff + (size_t)k * gs;
            uint64_t v = thunk_load(t, gp, gs, f->is_signed);
            thunk_store(&host_target, (uint8_t *)host + f->host_off + (size_t)k * f->host_size,
                        f->host_size, v);
        }
    }
}

int thunk_put(GuestMem *m, uint64_t gaddr, const ThunkDesc *d, const ThunkTarget *t,
              const void *host)
{
    uint8_t buf[THUNK_MAX_SIZE];
    size_t size = thunk_guest_size(d, t);
    assert(size <= sizeof(buf) && "thunk: guest struct too large");
    thunk_h2g(d, t, buf, host);
    return gmem_write(m, gaddr, buf, size);
}

int thunk_get(GuestMem *m, uint64_t gaddr, const ThunkDesc *d, const ThunkTarget *t, void *host)
{
    uint8_t buf[THUNK_MAX_SIZE];
    size_t size = thunk_guest_size(d, t);
    assert(size <= sizeof(buf) && "thunk: guest struct too large");
    int r = gmem_read(m, buf, gaddr, size);
    if (r < 0)
        return r;
    thunk_g2h(d, t, host, buf);
    return 0;
}

/* Translates v from the `from` side of each pair to the `to` side. */
static uint64_t flags_map(const ThunkFlag *map, uint64_t v, bool g2h)
{
    uint64_t out = v;
    for (const ThunkFlag *e = map; e->guest || e->host; e++)
        out &= ~(g2h ? e->guest : e->host);
    for (const ThunkFlag *e = map; e->guest || e->host; e++) {
        uint64_t from = g2h ? e->guest : e->host, to = g2h ? e->host : e->guest;
        if (from && (v & from) == from)
            out |= to;
    }
    return out;
}

uint64_t thunk_flags_g2h(const ThunkFlag *map, uint64_t v)
{
    return map ? flags_map(map, v, true) : v;
}

uint64_t thunk_flags_h2g(const ThunkFlag *map, uint64_t v)
{
    return map ? flags_map(map, v, false) : v;
}
