/*
 * Per-process and per-thread state the syscall layer records for the guest:
 * signal dispositions, signal masks, the alternate signal stack, the
 * set_tid_address / set_robust_list pointers, and which unsupported calls
 * were already logged.  The signals code reads the dispositions and masks
 * from here when it delivers.
 *
 * XXX: Process and CPUCommon have no slot for this state yet, so the process
 * part is one instance owned by the last Process that asked (one process
 * per ferry run) and the thread part is thread-local.
 */
#ifndef FERRY_SYSCALLS_STATE_H
#define FERRY_SYSCALLS_STATE_H

#include <pthread.h>
#include <stdint.h>

#include "loader/process.h"

#define SYS_NSIG 64            /* guest signals 1..64 */
#define SYS_MAX_NR 1024        /* syscall numbers tracked for the once-only log */
#define SYS_MAX_LOGGED_KEYS 64 /* other once-only log keys (ioctl commands, ...) */

/* Guest (asm-generic) values of SIG_DFL/SIG_IGN and the sigaltstack flags. */
#define GUEST_SIG_DFL 0
#define GUEST_SIG_IGN 1
#define GUEST_SS_ONSTACK 1
#define GUEST_SS_DISABLE 2
#define GUEST_SS_AUTODISARM (1u << 31)

/* The bit of guest signal `sig` (1..64) in a guest sigset. */
static inline uint64_t sig_bit(int sig)
{
    return 1ull << (sig - 1);
}

/* SIGKILL and SIGSTOP: never blocked, caught or ignored. */
#define SIG_UNBLOCKABLE (sig_bit(SIGKILL) | sig_bit(SIGSTOP))

/* A guest's kernel struct sigaction, in host byte order. */
typedef struct GuestSigaction {
    uint64_t handler;
    uint64_t flags;
    uint64_t restorer;
    uint64_t mask; /* guest sigset bits: bit n-1 is signal n */
} GuestSigaction;

typedef struct SysProcState {
    const Process *owner;
    pthread_mutex_t lock;
    GuestSigaction sigact[SYS_NSIG + 1]; /* index = signal number */
    uint64_t sig_tramp;                  /* guest sigreturn trampoline, 0 until mapped */
    uint8_t nr_logged[SYS_MAX_NR / 8];
    uint64_t keys_logged[SYS_MAX_LOGGED_KEYS];
    unsigned nkeys_logged;
} SysProcState;

typedef struct SysThread {
    uint64_t clear_child_tid; /* guest address from set_tid_address */
    uint64_t robust_list, robust_len;
    uint64_t sigmask; /* blocked guest signals */
    uint64_t altstack_sp, altstack_size;
    int altstack_flags;
} SysThread;

/* The state of process p (created zeroed on first use). */
SysProcState *sys_proc_state(const Process *p);
/* The calling thread's state. */
SysThread *sys_thread_state(void);

#endif
