/*
 * What the shared syscall layer needs to know about one guest ABI.
 *
 * A frontend points GuestArch.sys at its SysAbi: the syscall table (guest
 * number -> generic handler id and name), word size and byte order, the
 * errno numbering, the layouts of the structs the handlers convert, and the
 * flag maps for bit sets that differ from the host's (x86-64 Linux).
 */
#ifndef FERRY_SYSCALLS_ABI_H
#define FERRY_SYSCALLS_ABI_H

#include <stdint.h>

#include "syscalls/thunk.h"

/* Generic handler ids (sys_list.def); SYS_ID_NONE: not implemented. */
typedef enum SysId {
    SYS_ID_NONE = 0,
#define SYS(name, args) SYS_ID_##name,
#include "syscalls/sys_list.def"
#undef SYS
    SYS_ID_COUNT
} SysId;

/* One guest syscall number. An entry with name NULL is not a syscall. */
typedef struct SysEntry {
    const char *name; /* the guest's name for it (strace, unsupported-call log) */
    uint16_t id;      /* SysId */
} SysEntry;

/* Struct layouts; NULL where the guest layout equals the host's. */
typedef struct SysLayouts {
    const ThunkDesc *stat;
    const ThunkDesc *statfs;
    const ThunkDesc *timespec;
    const ThunkDesc *timeval;
    const ThunkDesc *iovec;
    const ThunkDesc *rlimit;
    const ThunkDesc *sysinfo;
    const ThunkDesc *rusage;
    const ThunkDesc *tms;
    const ThunkDesc *sigaction; /* kernel struct sigaction; the host side is GuestSigaction */
    const ThunkDesc *stack;     /* stack_t (sigaltstack) */
    const ThunkDesc *epoll_event;
} SysLayouts;

typedef struct SysAbi {
    const SysEntry *table;
    uint32_t ntable;          /* table size: numbers >= ntable are unknown */
    ThunkTarget target;       /* word size, alignment, byte order */
    const int16_t *errno_h2g; /* host errno -> guest errno; NULL: identity */
    uint16_t nerrno;          /* entries in errno_h2g */
    unsigned sigset_size;     /* bytes in the kernel sigset_t */
    unsigned min_sigstack;    /* MINSIGSTKSZ: smallest sigaltstack */
    SysLayouts layout;
    const ThunkFlag *open_flags; /* O_* (openat, fcntl F_GETFL/F_SETFL) */
    const ThunkFlag *mmap_flags; /* MAP_* */
    const ThunkFlag *mmap_prot;  /* PROT_* */
} SysAbi;

extern const SysAbi sys_abi_aarch64;

/* Guest errno for host errno e (positive). */
static inline int sys_errno_h2g(const SysAbi *abi, int e)
{
    return abi->errno_h2g && e > 0 && e < abi->nerrno && abi->errno_h2g[e] ? abi->errno_h2g[e] : e;
}

#endif
