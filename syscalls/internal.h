/*
 * Shared by the syscall layer's source files: the handler context, the
 * generic handler prototypes (expanded from sys_list.def) and small helpers
 * for guest pointers, paths and logging.  Handlers return a result or a
 * host -errno; sys_dispatch translates the errno for the guest.
 */
#ifndef FERRY_SYSCALLS_INTERNAL_H
#define FERRY_SYSCALLS_INTERNAL_H

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "loader/process.h"
#include "syscalls/abi.h"
#include "syscalls/state.h"
#include "translator/cpu.h"

typedef struct SysCtx {
    CPUCommon *cpu;
    Process *p;
    GuestMem *mem;
    const SysAbi *abi;
} SysCtx;

typedef int64_t SysHandler(SysCtx *c, const uint64_t *a);

#define SYS(name, args) int64_t sys_do_##name(SysCtx *c, const uint64_t *a);
#include "syscalls/sys_list.def"
#undef SYS

/* Result of a host libc call: r, or -errno when r < 0. */
static inline int64_t sys_ret(int64_t r)
{
    return r < 0 ? -errno : r;
}

/* Guest dirfd / fd argument (an int in a 64-bit register). */
static inline int sys_fd(uint64_t a)
{
    return (int)a;
}

/*
 * A guest buffer for a call passed to the host: its host pointer, or for a
 * bad one a pointer the host kernel faults on (gmem_fault_ptr), so the call
 * fails as Linux would; NULL only when neither exists (return -EFAULT).
 */
static inline void *sys_buf(const SysCtx *c, uint64_t gaddr, uint64_t len, int prot)
{
    void *p = gmem_ptr(c->mem, gaddr, len, prot);
    return p ? p : gmem_fault_ptr(c->mem, gaddr, len);
}

/* The guest's name for its executable (readlink of /proc/self/exe, maps). */
static inline const char *sys_exe_guest(const SysCtx *c)
{
    return c->p->exe_guest ? c->p->exe_guest : c->p->exe_path;
}

/* The -d / -D log of the process. */
static inline FILE *sys_log(const SysCtx *c)
{
    return c->p && c->p->log ? c->p->log : stderr;
}

/*
 * Copies the guest path at gaddr into buf (PATH_MAX bytes); /proc/self/exe
 * becomes the guest executable's path.  Returns 0 or -errno.
 */
int sys_get_path(SysCtx *c, uint64_t gaddr, char *buf);
/* The same; `follow` false leaves a symlink as the last component unfollowed in the sysroot. */
int sys_get_path_follow(SysCtx *c, uint64_t gaddr, char *buf, bool follow);
/* The same without rewriting. */
int sys_get_path_raw(SysCtx *c, uint64_t gaddr, char *buf);
/* Copies the NUL-terminated guest string at gaddr into buf (size bytes, NUL
 * included); 0, -EFAULT or -ENAMETOOLONG. */
int sys_get_str(SysCtx *c, uint64_t gaddr, char *buf, size_t size);

/* Logs "ferry: <msg>" once per key (ioctl command, ...) for this process, with -d unimp or
 * -strace. */
void sys_log_once(SysCtx *c, uint64_t key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Converts a host timespec to guest memory / back. 0 or -EFAULT. */
int sys_put_timespec(SysCtx *c, uint64_t gaddr, const struct timespec *ts);
int sys_get_timespec(SysCtx *c, uint64_t gaddr, struct timespec *ts);
/* Puts a host struct through layout d (NULL: same layout, copied raw). */
int sys_put_struct(SysCtx *c, uint64_t gaddr, const ThunkDesc *d, const void *host,
                   size_t host_size);
int sys_get_struct(SysCtx *c, uint64_t gaddr, const ThunkDesc *d, void *host, size_t host_size);

/* True for "/proc/self/exe" and "/proc/<own pid>/exe". */
bool sys_is_proc_exe(const char *path);
/*
 * Opens a guest view of a /proc file (procfs.c): an fd, -ENOENT when
 * `path` is not emulated (open the host file), or another -errno.
 */
int sys_open_emulated(SysCtx *c, const char *path, int flags);

/*
 * Converts the guest iovec array at gaddr (cnt entries, at most 1024) to
 * host iovecs in out, each buffer checked for prot.  Returns 0 or -errno.
 */
struct iovec;
int sys_get_iovec(SysCtx *c, uint64_t gaddr, int64_t cnt, int prot, struct iovec *out);

/*
 * Another ferry process's /proc/<pid>/cmdline and exe as its guest sees
 * them (procpeer.c): sys_peer_cmdline writes the guest argv to out (false:
 * not a peer's file); sys_peer_exe puts the guest program's path in buf
 * (len bytes, not terminated): its length, or -ENOENT when not a peer's.
 */
bool sys_peer_cmdline(const char *path, FILE *out);
int64_t sys_peer_exe(const char *path, char *buf, size_t len);

/*
 * The temporary signal mask of ppoll, pselect6 and epoll_pwait (signal.c):
 * sys_sigmask_begin reads the guest set at gaddr (size bytes), makes it the
 * thread's mask as sigsuspend does (host signals blocked until the wait
 * unblocks them atomically with *hs) and returns 1 when a signal it lets
 * through is already pending (the call then says -EINTR without waiting),
 * 0, or -errno.  sys_sigmask_end(c, result) puts the mask back (after the
 * handler when the result is -EINTR) and returns result.
 */
int sys_sigmask_begin(SysCtx *c, uint64_t gaddr, uint64_t size, sigset_t *hs);
int64_t sys_sigmask_end(SysCtx *c, int64_t r);

/* After a guest mmap of [gaddr, gaddr + len): locked when mlockall asked MCL_FUTURE (sched.c). */
void sys_mlock_new(SysCtx *c, uint64_t gaddr, uint64_t len);
/* ferry's own host fd the guest must not close (the -D log), or -1 (fdkind.c).
 * XXX: dup2/dup3 onto it are not refused. */
int sys_own_fd(const SysCtx *c);
/* Thread exit: the calling thread's robust futex list is walked (robust.c). */
void sys_robust_exit(SysCtx *c);
/* exit_group: the lists of every thread of the process are walked. */
void sys_robust_exit_group(SysCtx *c);
/* set_robust_list for the calling thread (recorded for the other threads too). */
void sys_robust_set(uint64_t head, uint64_t len);
/* In a fork child: only the calling thread's list remains. */
void sys_robust_forked(void);

/* Strace lines (strace.c). */
bool sys_strace_on(const SysCtx *c);
void sys_strace_enter(SysCtx *c, uint64_t nr, const SysEntry *e, const uint64_t *a);
void sys_strace_exit(SysCtx *c, int64_t ret);

#endif
