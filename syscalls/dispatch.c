/*
 * sys_dispatch: guest syscall number -> generic handler through the guest's
 * SysAbi table, with -strace lines, the once-per-call log of unsupported
 * calls, errno translation, and the helpers every handler family shares
 * (guest paths, struct copies, the recorded process/thread state).
 */
#include "syscalls/syscalls.h"

#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "frontends/guest_arch.h"
#include "signals/signals.h"
#include "syscalls/internal.h"

static SysHandler *const sys_handlers[SYS_ID_COUNT] = {
#define SYS(name, args) [SYS_ID_##name] = sys_do_##name,
#include "syscalls/sys_list.def"
#undef SYS
};

static SysProcState sys_proc;
static pthread_mutex_t sys_proc_init_lock = PTHREAD_MUTEX_INITIALIZER;
static __thread SysThread sys_thread;

SysProcState *sys_proc_state(const Process *p)
{
    pthread_mutex_lock(&sys_proc_init_lock);
    if (sys_proc.owner != p) {
        memset(&sys_proc, 0, sizeof(sys_proc));
        pthread_mutex_init(&sys_proc.lock, NULL);
        sys_proc.owner = p;
    }
    pthread_mutex_unlock(&sys_proc_init_lock);
    return &sys_proc;
}

SysThread *sys_thread_state(void)
{
    return &sys_thread;
}

int sys_get_str(SysCtx *c, uint64_t gaddr, char *buf, size_t size)
{
    int64_t len = gmem_strlen(c->mem, gaddr, size);
    if (len < 0)
        return (int)len;
    int r = gmem_read(c->mem, buf, gaddr, (size_t)len + 1);
    if (r < 0)
        return r;
    buf[len] = 0;
    return 0;
}

int sys_get_path_raw(SysCtx *c, uint64_t gaddr, char *buf)
{
    return sys_get_str(c, gaddr, buf, PATH_MAX);
}

/* sys_get_path (the rewriting: /proc/self/exe, the sysroot) is in path.c. */

/* Marks key as logged; true the first time. */
static bool sys_first_time(SysProcState *s, uint64_t key)
{
    bool first = true;
    pthread_mutex_lock(&s->lock);
    for (unsigned i = 0; i < s->nkeys_logged; i++)
        if (s->keys_logged[i] == key)
            first = false;
    if (first && s->nkeys_logged < SYS_MAX_LOGGED_KEYS)
        s->keys_logged[s->nkeys_logged++] = key;
    pthread_mutex_unlock(&s->lock);
    return first;
}

/*
 * Unsupported calls and ioctls are reported only with -d unimp or -strace:
 * on the guest's stderr by default, they would change what the program
 * prints (a script running `tar ... 2>&1` sees ferry's line).
 */
static bool sys_unimp_on(const SysCtx *c)
{
    return c->p && ((c->p->opts.log_mask & LOG_UNIMP) || sys_strace_on(c));
}

void sys_log_once(SysCtx *c, uint64_t key, const char *fmt, ...)
{
    if (!sys_unimp_on(c) || !sys_first_time(sys_proc_state(c->p), key))
        return;
    FILE *log = sys_log(c);
    va_list ap;
    va_start(ap, fmt);
    fputs("ferry: ", log);
    vfprintf(log, fmt, ap);
    fputc('\n', log);
    va_end(ap);
    fflush(log);
}

int sys_put_struct(SysCtx *c, uint64_t gaddr, const ThunkDesc *d, const void *host,
                   size_t host_size)
{
    if (d)
        return thunk_put(c->mem, gaddr, d, &c->abi->target, host);
    return gmem_write(c->mem, gaddr, host, host_size);
}

int sys_get_struct(SysCtx *c, uint64_t gaddr, const ThunkDesc *d, void *host, size_t host_size)
{
    if (d)
        return thunk_get(c->mem, gaddr, d, &c->abi->target, host);
    return gmem_read(c->mem, host, gaddr, host_size);
}

int sys_put_timespec(SysCtx *c, uint64_t gaddr, const struct timespec *ts)
{
    return sys_put_struct(c, gaddr, c->abi->layout.timespec, ts, sizeof(*ts));
}

int sys_get_timespec(SysCtx *c, uint64_t gaddr, struct timespec *ts)
{
    return sys_get_struct(c, gaddr, c->abi->layout.timespec, ts, sizeof(*ts));
}

/*
 * Calls Linux restarts after a SA_RESTART handler (signal(7)); the others
 * (waits with timeouts, sleeps, sigsuspend, SysV IPC waits) report EINTR.
 */
static bool sys_restartable(unsigned id)
{
    switch (id) {
    case SYS_ID_ppoll:
    case SYS_ID_pselect6:
    case SYS_ID_epoll_pwait:
    case SYS_ID_epoll_pwait2:
    case SYS_ID_nanosleep:
    case SYS_ID_clock_nanosleep:
    case SYS_ID_rt_sigsuspend:
    case SYS_ID_rt_sigtimedwait:
    case SYS_ID_semop:
    case SYS_ID_semtimedop:
    case SYS_ID_msgrcv:
    case SYS_ID_msgsnd:
    case SYS_ID_NONE:
        return false;
    default:
        return true;
    }
}

/* An unimplemented or unknown call: -ENOSYS, logged once per number. */
static int64_t sys_unsupported(SysCtx *c, uint64_t nr, const SysEntry *e)
{
    SysProcState *s = sys_proc_state(c->p);
    bool first;
    if (nr >= SYS_MAX_NR) {
        first = sys_first_time(s, 0x700000000ull | (nr > 0xffffffffull ? 0xffffffffull : nr));
    } else {
        pthread_mutex_lock(&s->lock);
        first = !(s->nr_logged[nr / 8] & (1u << (nr % 8)));
        s->nr_logged[nr / 8] |= (uint8_t)(1u << (nr % 8));
        pthread_mutex_unlock(&s->lock);
    }
    if (first && sys_unimp_on(c)) {
        FILE *log = sys_log(c);
        fprintf(log, "ferry: unsupported syscall %s (%llu)\n", e ? e->name : "unknown",
                (unsigned long long)nr);
        fflush(log);
    }
    return -ENOSYS;
}

int64_t sys_dispatch(CPUCommon *cpu, uint64_t nr, const uint64_t args[6])
{
    Process *p = cpu->proc;
    const GuestArch *arch = cpu->arch ? cpu->arch : p->arch;
    SysCtx c = {cpu, p, &p->mem, arch->sys};
    const SysEntry *e = nr < c.abi->ntable && c.abi->table[nr].name ? &c.abi->table[nr] : NULL;
    bool trace = sys_strace_on(&c);
    if (trace)
        sys_strace_enter(&c, nr, e, args);
    int64_t r;
    if (e && e->id > SYS_ID_NONE && e->id < SYS_ID_COUNT)
        r = sys_handlers[e->id](&c, args);
    else
        r = sys_unsupported(&c, nr, e);
    if (r == -EINTR && e && sys_restartable(e->id) && sig_interrupt_restarts(cpu))
        r = SYS_RESTART;
    if (trace)
        sys_strace_exit(&c, r);
    if (r == SYS_RESTART)
        return r;
    if (r < 0 && r >= -4095)
        r = -sys_errno_h2g(c.abi, (int)-r);
    return r;
}
