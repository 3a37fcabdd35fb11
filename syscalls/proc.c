/*
 * Process and thread syscalls: exit_group, wait4 / waitid, ids, uname,
 * resource limits and usage, scheduling, futex (passed to the host futex on
 * the host address of the guest word), randomness, the set_tid_address /
 * robust-list records.  clone and the exit of one thread are in clone.c.
 */
#include "syscalls/internal.h"

#include <linux/futex.h>
#include <sched.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "frontends/guest_arch.h"

/* exit (one thread) is in clone.c, with thread creation. */
int64_t sys_do_exit_group(SysCtx *c, const uint64_t *a)
{
    sys_robust_exit_group(c);
    fflush(NULL);
    _exit((int)a[0]);
}

int64_t sys_do_getpid(SysCtx *c, const uint64_t *a)
{
    return getpid();
}
int64_t sys_do_gettid(SysCtx *c, const uint64_t *a)
{
    return gettid();
}
int64_t sys_do_getppid(SysCtx *c, const uint64_t *a)
{
    return getppid();
}
int64_t sys_do_getuid(SysCtx *c, const uint64_t *a)
{
    return getuid();
}
int64_t sys_do_geteuid(SysCtx *c, const uint64_t *a)
{
    return geteuid();
}
int64_t sys_do_getgid(SysCtx *c, const uint64_t *a)
{
    return getgid();
}
int64_t sys_do_getegid(SysCtx *c, const uint64_t *a)
{
    return getegid();
}
int64_t sys_do_getpgid(SysCtx *c, const uint64_t *a)
{
    return sys_ret(getpgid((pid_t)a[0]));
}
int64_t sys_do_getsid(SysCtx *c, const uint64_t *a)
{
    return sys_ret(getsid((pid_t)a[0]));
}
int64_t sys_do_setsid(SysCtx *c, const uint64_t *a)
{
    return sys_ret(setsid());
}

/* Writes three uint32 ids (getresuid/getresgid). */
static int64_t sys_put_ids(SysCtx *c, const uint64_t *a, const uint32_t ids[3])
{
    for (int i = 0; i < 3; i++)
        if (gmem_write(c->mem, a[i], &ids[i], sizeof(ids[i])) < 0)
            return -EFAULT;
    return 0;
}

int64_t sys_do_getresuid(SysCtx *c, const uint64_t *a)
{
    uid_t r, e, s;
    getresuid(&r, &e, &s);
    const uint32_t ids[3] = {r, e, s};
    return sys_put_ids(c, a, ids);
}

int64_t sys_do_getresgid(SysCtx *c, const uint64_t *a)
{
    gid_t r, e, s;
    getresgid(&r, &e, &s);
    const uint32_t ids[3] = {r, e, s};
    return sys_put_ids(c, a, ids);
}

int64_t sys_do_uname(SysCtx *c, const uint64_t *a)
{
    struct utsname u;
    if (uname(&u) < 0)
        return -errno;
    const GuestArch *arch = c->cpu->arch ? c->cpu->arch : c->p->arch;
    if (arch && arch->uname_machine)
        snprintf(u.machine, sizeof(u.machine), "%s", arch->uname_machine);
    if (c->p->opts.uname) /* -r */
        snprintf(u.release, sizeof(u.release), "%s", c->p->opts.uname);
    return gmem_write(c->mem, a[0], &u, sizeof(u));
}

int64_t sys_do_sysinfo(SysCtx *c, const uint64_t *a)
{
    struct sysinfo si;
    if (sysinfo(&si) < 0)
        return -errno;
    return sys_put_struct(c, a[0], c->abi->layout.sysinfo, &si, sizeof(si));
}

/* Limits the guest may not lower for ferry itself (its window reservation). */
static bool sys_rlimit_kept(int resource)
{
    return resource == RLIMIT_AS || resource == RLIMIT_DATA;
}

int64_t sys_do_prlimit64(SysCtx *c, const uint64_t *a)
{
    int resource = (int)a[1];
    struct rlimit newl, oldl;
    /* struct rlimit64 is two u64 on every guest. */
    if (a[2] && gmem_read(c->mem, &newl, a[2], sizeof(newl)) < 0)
        return -EFAULT;
    bool set = a[2] && !(sys_rlimit_kept(resource) && (a[0] == 0 || (pid_t)a[0] == getpid()));
    if (prlimit((pid_t)a[0], resource, set ? &newl : NULL, &oldl) < 0)
        return -errno;
    if (a[3] && gmem_write(c->mem, a[3], &oldl, sizeof(oldl)) < 0)
        return -EFAULT;
    return 0;
}

int64_t sys_do_getrlimit(SysCtx *c, const uint64_t *a)
{
    struct rlimit rl;
    if (getrlimit((int)a[0], &rl) < 0)
        return -errno;
    return sys_put_struct(c, a[1], c->abi->layout.rlimit, &rl, sizeof(rl));
}

int64_t sys_do_setrlimit(SysCtx *c, const uint64_t *a)
{
    struct rlimit rl;
    if (sys_get_struct(c, a[1], c->abi->layout.rlimit, &rl, sizeof(rl)) < 0)
        return -EFAULT;
    if (sys_rlimit_kept((int)a[0]))
        return 0;
    return sys_ret(setrlimit((int)a[0], &rl));
}

int64_t sys_do_getrusage(SysCtx *c, const uint64_t *a)
{
    struct rusage ru;
    if (getrusage((int)a[0], &ru) < 0)
        return -errno;
    return sys_put_struct(c, a[1], c->abi->layout.rusage, &ru, sizeof(ru));
}

int64_t sys_do_times(SysCtx *c, const uint64_t *a)
{
    struct tms t;
    clock_t r = times(&t);
    if (a[0] && sys_put_struct(c, a[0], c->abi->layout.tms, &t, sizeof(t)) < 0)
        return -EFAULT;
    return (int64_t)r;
}

int64_t sys_do_getrandom(SysCtx *c, const uint64_t *a)
{
    void *buf = gmem_ptr(c->mem, a[0], a[1], PROT_WRITE);
    if (!buf)
        return -EFAULT;
    return sys_ret(getrandom(buf, a[1], (unsigned)a[2]));
}

int64_t sys_do_set_tid_address(SysCtx *c, const uint64_t *a)
{
    SysThread *t = sys_thread_state();
    t->clear_child_tid = a[0];
    return gettid();
}

int64_t sys_do_set_robust_list(SysCtx *c, const uint64_t *a)
{
    /* struct robust_list_head: three guest words. */
    if (a[1] != 3u * c->abi->target.word_size)
        return -EINVAL;
    sys_robust_set(a[0], a[1]);
    return 0;
}

int64_t sys_do_rseq(SysCtx *c, const uint64_t *a)
{
    return -ENOSYS;
}

int64_t sys_do_sched_getaffinity(SysCtx *c, const uint64_t *a)
{
    void *buf = gmem_ptr(c->mem, a[2], a[1], PROT_WRITE);
    if (!buf)
        return -EFAULT;
    return sys_ret(syscall(SYS_sched_getaffinity, (pid_t)a[0], (size_t)a[1], buf));
}

int64_t sys_do_sched_yield(SysCtx *c, const uint64_t *a)
{
    return sys_ret(sched_yield());
}

/* Host pointer of a guest futex word: 4-byte aligned and readable. */
static uint32_t *sys_futex_word(SysCtx *c, uint64_t gaddr)
{
    if (gaddr & 3)
        return NULL;
    return gmem_ptr(c->mem, gaddr, 4, PROT_READ);
}

int64_t sys_do_futex(SysCtx *c, const uint64_t *a)
{
    int op = (int)a[1], cmd = op & FUTEX_CMD_MASK;
    uint32_t *uaddr = sys_futex_word(c, a[0]), *uaddr2 = NULL;
    struct timespec ts, *tsp = NULL;
    uintptr_t arg4 = (uintptr_t)a[3]; /* val2 for the requeue and wake-op forms */
    if (!uaddr)
        return a[0] & 3 ? -EINVAL : -EFAULT;
    switch (cmd) {
    case FUTEX_WAIT:
    case FUTEX_WAIT_BITSET:
    case FUTEX_LOCK_PI:
    case FUTEX_LOCK_PI2:
    case FUTEX_TRYLOCK_PI:
    case FUTEX_UNLOCK_PI:
    case FUTEX_WAKE:
    case FUTEX_WAKE_BITSET:
        if (cmd != FUTEX_WAKE && cmd != FUTEX_WAKE_BITSET && a[3]) {
            if (sys_get_timespec(c, a[3], &ts) < 0)
                return -EFAULT;
            tsp = &ts;
        }
        arg4 = (uintptr_t)tsp;
        break;
    case FUTEX_REQUEUE:
    case FUTEX_CMP_REQUEUE:
    case FUTEX_WAKE_OP:
    case FUTEX_CMP_REQUEUE_PI:
        uaddr2 = sys_futex_word(c, a[4]);
        if (!uaddr2)
            return a[4] & 3 ? -EINVAL : -EFAULT;
        break;
    default:
        sys_log_once(c, 0x400000000ull | (uint32_t)cmd, "unsupported futex op %d", cmd);
        return -ENOSYS;
    }
    return sys_ret(syscall(SYS_futex, uaddr, op, (uint32_t)a[2], arg4, uaddr2, (uint32_t)a[5]));
}

int64_t sys_do_setpgid(SysCtx *c, const uint64_t *a)
{
    return sys_ret(setpgid((pid_t)a[0], (pid_t)a[1]));
}

int64_t sys_do_wait4(SysCtx *c, const uint64_t *a)
{
    int status = 0;
    struct rusage ru;
    /* As in Linux, the child is reaped before the status is stored (ECHILD before EFAULT). */
    pid_t r = wait4((pid_t)a[0], &status, (int)a[2], a[3] ? &ru : NULL);
    if (r < 0)
        return -errno;
    if (r > 0 && a[1] && gmem_write(c->mem, a[1], &status, sizeof(status)) < 0)
        return -EFAULT;
    if (r > 0 && a[3] && sys_put_struct(c, a[3], c->abi->layout.rusage, &ru, sizeof(ru)) < 0)
        return -EFAULT;
    return r;
}

int64_t sys_do_waitid(SysCtx *c, const uint64_t *a)
{
    /* siginfo_t and its SIGCHLD fields have the same layout on every 64-bit guest. */
    siginfo_t si;
    struct rusage ru;
    memset(&si, 0, sizeof(si));
    long r = syscall(SYS_waitid, (int)a[0], (pid_t)a[1], a[2] ? &si : NULL, (int)a[3],
                     a[4] ? &ru : NULL);
    if (r < 0)
        return -errno;
    if (a[2] && gmem_write(c->mem, a[2], &si, sizeof(si)) < 0)
        return -EFAULT;
    if (a[4] && sys_put_struct(c, a[4], c->abi->layout.rusage, &ru, sizeof(ru)) < 0)
        return -EFAULT;
    return r;
}

#define SYS_TASK_COMM_LEN 16

/* Copies a thread name (at most 15 bytes, NUL-terminated). 0 or -EFAULT. */
static int sys_get_comm(SysCtx *c, uint64_t gaddr, char *name)
{
    for (int i = 0; i < SYS_TASK_COMM_LEN - 1; i++) {
        if (gmem_read(c->mem, &name[i], gaddr + i, 1) < 0)
            return -EFAULT;
        if (!name[i])
            return 0;
    }
    name[SYS_TASK_COMM_LEN - 1] = 0;
    return 0;
}

int64_t sys_do_prctl(SysCtx *c, const uint64_t *a)
{
    char name[SYS_TASK_COMM_LEN];
    int option = (int)a[0];
    switch (option) {
    case PR_SET_NAME:
        if (sys_get_comm(c, a[1], name) < 0)
            return -EFAULT;
        return sys_ret(prctl(PR_SET_NAME, name));
    case PR_GET_NAME:
        if (prctl(PR_GET_NAME, name) < 0)
            return -errno;
        return gmem_write(c->mem, a[1], name, sizeof(name));
    case PR_GET_PDEATHSIG: {
        int sig = 0;
        if (prctl(PR_GET_PDEATHSIG, &sig) < 0)
            return -errno;
        return gmem_write(c->mem, a[1], &sig, sizeof(sig));
    }
    case PR_CAPBSET_READ:
        return sys_ret(prctl(PR_CAPBSET_READ, (unsigned long)a[1], 0, 0, 0));
    case PR_SET_PDEATHSIG:
    case PR_GET_DUMPABLE:
    case PR_SET_DUMPABLE:
    case PR_GET_NO_NEW_PRIVS:
    case PR_SET_NO_NEW_PRIVS:
    case PR_GET_KEEPCAPS:
    case PR_SET_KEEPCAPS:
    case PR_GET_CHILD_SUBREAPER:
    case PR_SET_CHILD_SUBREAPER:
        if (option == PR_GET_CHILD_SUBREAPER) {
            int v = 0;
            if (prctl(option, &v) < 0)
                return -errno;
            return gmem_write(c->mem, a[1], &v, sizeof(v));
        }
        return sys_ret(prctl(option, (unsigned long)a[1], (unsigned long)a[2], (unsigned long)a[3],
                             (unsigned long)a[4]));
    default:
        sys_log_once(c, 0x600000000ull | (uint32_t)option, "unsupported prctl option %d", option);
        return -EINVAL;
    }
}

int64_t sys_do_sched_setaffinity(SysCtx *c, const uint64_t *a)
{
    const void *mask = gmem_ptr(c->mem, a[2], a[1], PROT_READ);
    if (!mask)
        return -EFAULT;
    return sys_ret(syscall(SYS_sched_setaffinity, (pid_t)a[0], (size_t)a[1], mask));
}

int64_t sys_do_getgroups(SysCtx *c, const uint64_t *a)
{
    /* gid_t is 32 bits on every Linux guest. */
    int size = (int)a[0];
    if (size < 0)
        return -EINVAL;
    gid_t *list = gmem_ptr(c->mem, a[1], (uint64_t)size * sizeof(gid_t), PROT_WRITE);
    if (!list)
        return -EFAULT;
    return sys_ret(getgroups(size, list));
}
