/*
 * clone, clone3 and thread exit.
 *
 * A guest thread (CLONE_VM | CLONE_THREAD, what pthread_create asks for)
 * is one host thread running cpu_loop on a copy of the parent's CPU state;
 * every guest thread runs in parallel.  Guest thread ids are host thread
 * ids.  A clone without CLONE_VM is a host fork(): the child continues the
 * same guest thread with x0 = 0, as only the calling thread survives a fork
 * on Linux.  vfork (CLONE_VM | CLONE_VFORK) is a fork whose parent waits
 * until the child execs or exits.
 *
 * exit ends one thread (clear_child_tid is written and woken first); the
 * process ends, with the main thread's status, when the last thread exits.
 *
 * The robust futex list is walked at thread exit (robust.c).
 * XXX: CLONE_VM without CLONE_THREAD or CLONE_VFORK, CLONE_PIDFD,
 * clone3's set_tid and cgroup are refused.
 */
#include "syscalls/internal.h"

#include <elf.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <sched.h>
#include <semaphore.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "frontends/aarch64/cpu.h"
#include "signals/signals.h"
#include "translator/exec.h"

#ifndef CLONE_PIDFD
#define CLONE_PIDFD 0x1000
#endif

#define CLONE_HOST_STACK (8u << 20) /* host stack of a guest thread */
#define CLONE_ALTSTACK (64u << 10)  /* its alternate stack for fault handlers */
#define CLONE_ARGS_SIZE_VER0 64     /* struct clone_args up to tls */

static int clone_live_threads = 1;       /* guest threads of this process */
static int clone_main_status;            /* exit status of the main thread, once it exited */
static __thread jmp_buf *clone_exit_jmp; /* where exit ends a thread made by clone */

/* What a new thread needs from its parent; on the parent's stack until `ready`. */
typedef struct CloneStart {
    CPUCommon *cpu;
    uint64_t flags, ptid, ctid;
    uint64_t sigmask;   /* guest blocked signals, inherited */
    sigset_t host_mask; /* the parent's host mask, restored in the child */
    sem_t ready;
    pid_t tid;
} CloneStart;

/* Sets the registers a clone child gets: return value 0, stack, TLS. */
static void clone_child_regs(CPUCommon *cpu, uint64_t sp, bool set_tls, uint64_t tls)
{
    switch (cpu->arch->elf_machine) {
    case EM_AARCH64: {
        A64CPU *a = a64_cpu(cpu);
        a->x[0] = 0;
        if (sp)
            a->x[31] = sp;
        if (set_tls)
            a->tpidr_el0 = tls;
        a->excl_size = 0;
        break;
    }
    default:
        break;
    }
}

/* A new CPU state copying parent's (pc after the svc, registers), or NULL. */
static CPUCommon *clone_cpu(SysCtx *c)
{
    CPUCommon *child = cpu_new(c->p);
    if (!child)
        return NULL;
    size_t head = sizeof(CPUCommon);
    memcpy((char *)child + head, (const char *)c->cpu + head, c->p->arch->cpu_size - head);
    child->pc = c->cpu->pc;
    child->tb_flags = c->cpu->tb_flags;
    return child;
}

static void clone_put_tid(Process *p, uint64_t gaddr, pid_t tid)
{
    uint32_t v = (uint32_t)tid;
    (void)gmem_write(&p->mem, gaddr, &v, sizeof(v));
}

/* Accounts for a thread that exits; the last one ends the process with the leader's status. */
static void clone_thread_gone(bool is_main, int status)
{
    if (is_main)
        __atomic_store_n(&clone_main_status, status, __ATOMIC_SEQ_CST);
    if (__atomic_sub_fetch(&clone_live_threads, 1, __ATOMIC_SEQ_CST) == 0) {
        fflush(NULL);
        _exit(is_main ? status : __atomic_load_n(&clone_main_status, __ATOMIC_SEQ_CST));
    }
}

static void *clone_thread_main(void *arg)
{
    CloneStart *s = arg;
    CPUCommon *cpu = s->cpu;
    Process *p = cpu->proc;
    SysThread *t = sys_thread_state();
    memset(t, 0, sizeof(*t));
    t->sigmask = s->sigmask;
    if (s->flags & CLONE_CHILD_CLEARTID)
        t->clear_child_tid = s->ctid;
    pid_t tid = gettid();
    if (s->flags & CLONE_CHILD_SETTID)
        clone_put_tid(p, s->ctid, tid);
    if (s->flags & CLONE_PARENT_SETTID)
        clone_put_tid(p, s->ptid, tid);
    sigset_t mask = s->host_mask;
    s->tid = tid;
    sem_post(&s->ready); /* s is gone from here on */

    void *alt = malloc(CLONE_ALTSTACK);
    if (alt) {
        stack_t ss = {.ss_sp = alt, .ss_size = CLONE_ALTSTACK};
        if (sigaltstack(&ss, NULL) < 0) {
            free(alt);
            alt = NULL;
        }
    }
    pthread_sigmask(SIG_SETMASK, &mask, NULL);
    jmp_buf jb;
    if (!setjmp(jb)) {
        clone_exit_jmp = &jb;
        cpu_loop(cpu);
        /* Finished without the exit syscall: counts as exit(0). */
        clone_exit_jmp = NULL;
        clone_thread_gone(false, 0);
    }
    clone_exit_jmp = NULL;
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, NULL);
    if (alt) {
        stack_t ss = {.ss_flags = SS_DISABLE};
        sigaltstack(&ss, NULL);
        free(alt);
    }
    sig_thread()->cpu = NULL;
    cpu_free(cpu);
    return NULL;
}

/* CLONE_VM | CLONE_THREAD: a host thread. Returns the child's tid or -errno. */
static int64_t clone_thread(SysCtx *c, uint64_t flags, uint64_t sp, uint64_t ptid, uint64_t ctid,
                            uint64_t tls)
{
    CPUCommon *child = clone_cpu(c);
    if (!child)
        return -ENOMEM;
    clone_child_regs(child, sp, flags & CLONE_SETTLS, tls);
    CloneStart s = {
        .cpu = child,
        .flags = flags,
        .ptid = ptid,
        .ctid = ctid,
        .sigmask = sys_thread_state()->sigmask,
    };
    if (sem_init(&s.ready, 0, 0) < 0) {
        cpu_free(child);
        return -EAGAIN;
    }
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, CLONE_HOST_STACK);
    /* The new thread starts with every signal blocked until it is set up. */
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &s.host_mask);
    __atomic_add_fetch(&clone_live_threads, 1, __ATOMIC_SEQ_CST);
    pthread_t th;
    int rc = pthread_create(&th, &attr, clone_thread_main, &s);
    sig_host_reclaim(c->p); /* the host glibc takes 32 and 33 at its first thread */
    pthread_sigmask(SIG_SETMASK, &s.host_mask, NULL);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        __atomic_sub_fetch(&clone_live_threads, 1, __ATOMIC_SEQ_CST);
        sem_destroy(&s.ready);
        cpu_free(child);
        return -EAGAIN;
    }
    while (sem_wait(&s.ready) < 0 && errno == EINTR)
        ;
    sem_destroy(&s.ready);
    return s.tid;
}

/* No CLONE_VM (fork) or CLONE_VFORK: a host fork. Returns the child's pid, 0 in the child. */
static int64_t clone_fork(SysCtx *c, uint64_t flags, uint64_t sp, uint64_t ptid, uint64_t ctid,
                          uint64_t tls)
{
    int vfork_pipe[2] = {-1, -1};
    if ((flags & CLONE_VFORK) && pipe2(vfork_pipe, O_CLOEXEC) < 0)
        vfork_pipe[0] = vfork_pipe[1] = -1;
    fflush(NULL);
    /* No other thread may hold a lock in the child: the signal state's lock here (it comes
     * before the translator's and the memory map's, which fork's atfork handlers in
     * translator/exec.c take), the others in those handlers. */
    SysProcState *s = sys_proc_state(c->p);
    pthread_mutex_lock(&s->lock);
    pid_t pid = fork();
    int err = errno;
    if (pid == 0)
        pthread_mutex_init(&s->lock, NULL);
    else
        pthread_mutex_unlock(&s->lock);
    if (pid < 0) {
        if (vfork_pipe[0] >= 0) {
            close(vfork_pipe[0]);
            close(vfork_pipe[1]);
        }
        return -err;
    }
    if (pid == 0) {
        /* The child: the only thread left; the pipe's write end closes at exec or exit. */
        clone_live_threads = 1;
        sys_robust_forked();
        if (vfork_pipe[0] >= 0)
            close(vfork_pipe[0]);
        clone_child_regs(c->cpu, sp, flags & CLONE_SETTLS, tls);
        if (flags & CLONE_CHILD_SETTID)
            clone_put_tid(c->p, ctid, gettid());
        if (flags & CLONE_CHILD_CLEARTID)
            sys_thread_state()->clear_child_tid = ctid;
        return 0;
    }
    if (flags & CLONE_PARENT_SETTID)
        clone_put_tid(c->p, ptid, pid);
    if (vfork_pipe[0] >= 0) {
        close(vfork_pipe[1]);
        char b;
        while (read(vfork_pipe[0], &b, 1) < 0 && errno == EINTR)
            ;
        close(vfork_pipe[0]);
    }
    return pid;
}

/* Common to clone and clone3; `sig` is the exit signal (fork children only). */
static int64_t clone_do(SysCtx *c, uint64_t flags, int sig, uint64_t sp, uint64_t ptid,
                        uint64_t ctid, uint64_t tls)
{
    if (flags & CLONE_PIDFD) {
        sys_log_once(c, 0x800000000ull | CLONE_PIDFD, "clone: CLONE_PIDFD is not supported");
        return -EINVAL;
    }
    if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
        return -EINVAL;
    if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
        return -EINVAL;
    if (flags & CLONE_THREAD)
        return clone_thread(c, flags, sp, ptid, ctid, tls);
    if ((flags & CLONE_VM) && !(flags & CLONE_VFORK)) {
        sys_log_once(c, 0x800000000ull | CLONE_VM,
                     "clone: CLONE_VM without CLONE_THREAD or CLONE_VFORK is not supported");
        return -EINVAL;
    }
    if (sig != SIGCHLD && sig != 0)
        sys_log_once(c, 0x800000000ull, "clone: exit signal %d is delivered as SIGCHLD", sig);
    return clone_fork(c, flags, sp, ptid, ctid, tls);
}

int64_t sys_do_clone(SysCtx *c, const uint64_t *a)
{
    /* AArch64 order (as glibc's clone.S passes it): flags, newsp, parent_tid, tls, child_tid. */
    uint64_t flags = a[0] & ~(uint64_t)CSIGNAL;
    return clone_do(c, flags, (int)(a[0] & CSIGNAL), a[1], a[2], a[4], a[3]);
}

int64_t sys_do_clone3(SysCtx *c, const uint64_t *a)
{
    /* struct clone_args: flags, pidfd, child_tid, parent_tid, exit_signal,
     * stack, stack_size, tls, set_tid, set_tid_size, cgroup (all u64). */
    uint64_t args[11] = {0};
    uint64_t size = a[1];
    if (size < CLONE_ARGS_SIZE_VER0)
        return -EINVAL;
    if (size > 4096)
        return -E2BIG;
    if (gmem_read(c->mem, args, a[0], size < sizeof(args) ? size : sizeof(args)) < 0)
        return -EFAULT;
    for (uint64_t off = sizeof(args); off < size; off += 8) {
        uint64_t v = 0;
        if (gmem_read(c->mem, &v, a[0] + off, size - off < 8 ? size - off : 8) < 0)
            return -EFAULT;
        if (v)
            return -E2BIG;
    }
    uint64_t flags = args[0], sig = args[4], stack = args[5], stack_size = args[6];
    if ((flags & CSIGNAL) || sig > SYS_NSIG || args[9] || (flags >> 32))
        return -EINVAL;
    if ((stack == 0) != (stack_size == 0))
        return -EINVAL;
    uint64_t sp = stack ? stack + stack_size : 0;
    return clone_do(c, flags, (int)sig, sp, args[3], args[2], args[7]);
}

/* Thread exit: clear_child_tid is zeroed and woken as the kernel does. */
static void clone_clear_child_tid(SysCtx *c)
{
    SysThread *t = sys_thread_state();
    uint32_t zero = 0;
    if (t->clear_child_tid && !gmem_write(c->mem, t->clear_child_tid, &zero, sizeof(zero)))
        syscall(SYS_futex, g2h(c->mem, t->clear_child_tid), FUTEX_WAKE, 1, NULL, NULL, 0);
    t->clear_child_tid = 0;
}

int64_t sys_do_exit(SysCtx *c, const uint64_t *a)
{
    int status = (int)(a[0] & 0xff);
    bool is_main = gettid() == getpid();
    sys_robust_exit(c);
    clone_clear_child_tid(c);
    clone_thread_gone(is_main, status);
    if (clone_exit_jmp)
        longjmp(*clone_exit_jmp, 1);
    /* The main host thread ends alone; the others keep the process alive. */
    fflush(NULL);
    syscall(SYS_exit, status);
    return 0;
}
