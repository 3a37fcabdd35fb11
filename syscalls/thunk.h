/*
 * Struct and flag thunks between host and guest layouts.
 *
 * A ThunkDesc lists the fields of one struct as the host and one guest lay
 * it out: offset, size and signedness on each side, optionally an array
 * count.  The converter copies field by field, widening or narrowing each
 * integer, in the guest's byte order; guest padding is zeroed.  A guest
 * field may leave its size to the guest word size (THUNK_WORD) and its
 * offset to natural alignment after the previous field (THUNK_AUTO), so one
 * descriptor serves 32- and 64-bit guests of the same C declaration.
 * Flag maps translate bit sets whose bits differ between guest and host.
 */
#ifndef FERRY_SYSCALLS_THUNK_H
#define FERRY_SYSCALLS_THUNK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "loader/guest_mem.h"

#define THUNK_WORD 0       /* guest_size: the guest's word size (C long) */
#define THUNK_AUTO 0xffffu /* guest_off: naturally aligned after the previous field */
#define THUNK_MAX_SIZE 512 /* largest guest struct the helpers buffer */

typedef struct ThunkField {
    uint16_t host_off, guest_off;
    uint8_t host_size, guest_size; /* bytes: 1, 2, 4 or 8 (guest: or THUNK_WORD) */
    bool is_signed;                /* sign-extend when widening */
    uint16_t count;                /* array elements; 0 means 1 */
} ThunkField;

typedef struct ThunkDesc {
    const char *name;
    uint16_t host_size;
    uint16_t guest_size; /* 0: computed from the fields, aligned to the largest field */
    uint16_t nfields;
    const ThunkField *fields;
} ThunkDesc;

/* What the converter needs to know about a guest. */
typedef struct ThunkTarget {
    uint8_t word_size; /* 4 or 8 */
    uint8_t max_align; /* largest natural alignment of a scalar (i386: 4) */
    bool big_endian;
} ThunkTarget;

/* A field of host struct T copied to guest offset goff with guest size gsize. */
#define THUNK_F(T, m, goff, gsize, sgn)                                                            \
    {                                                                                              \
        offsetof(T, m), (goff), sizeof(((T *)0)->m), (gsize), (sgn), 0                             \
    }
/* An array member of host struct T (element size esize) copied element-wise. */
#define THUNK_A(T, m, esize, goff, gsize, sgn)                                                     \
    {                                                                                              \
        offsetof(T, m), (goff), (esize), (gsize), (sgn), sizeof(((T *)0)->m) / (esize)             \
    }
#define THUNK_DESC(nm, T, gsize, flds)                                                             \
    {                                                                                              \
        (nm), sizeof(T), (gsize), sizeof(flds) / sizeof((flds)[0]), (flds)                         \
    }

/* Size of the guest struct for target t. */
size_t thunk_guest_size(const ThunkDesc *d, const ThunkTarget *t);

/* Converts host struct `host` to guest bytes `guest` (thunk_guest_size bytes). */
void thunk_h2g(const ThunkDesc *d, const ThunkTarget *t, void *guest, const void *host);
/* Converts guest bytes to the host struct; host fields not described are zeroed. */
void thunk_g2h(const ThunkDesc *d, const ThunkTarget *t, void *host, const void *guest);

/* Converts and copies to / from guest memory. Returns 0 or -EFAULT. */
int thunk_put(GuestMem *m, uint64_t gaddr, const ThunkDesc *d, const ThunkTarget *t,
              const void *host);
int thunk_get(GuestMem *m, uint64_t gaddr, const ThunkDesc *d, const ThunkTarget *t, void *host);

/* Reads / writes one guest integer of `size` bytes in the target's byte order. */
uint64_t thunk_load(const ThunkTarget *t, const void *p, unsigned size, bool is_signed);
void thunk_store(const ThunkTarget *t, void *p, unsigned size, uint64_t v);

/*
 * A flag map: bits that differ between guest and host, as {guest, host}
 * pairs terminated by {0, 0}.  Bits no entry mentions pass through
 * unchanged; a pair with host 0 drops a guest-only bit (and guest 0 a
 * host-only one).
 */
typedef struct ThunkFlag {
    uint64_t guest, host;
} ThunkFlag;

uint64_t thunk_flags_g2h(const ThunkFlag *map, uint64_t v);
uint64_t thunk_flags_h2g(const ThunkFlag *map, uint64_t v);

#endif
