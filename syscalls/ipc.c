/*
 * System V IPC: message queues, semaphores and shared memory, passed to
 * the host kernel.  struct msgbuf, struct sembuf, struct msqid64_ds and
 * struct shmid64_ds have the host's layout on 64-bit asm-generic guests;
 * struct semid64_ds does not (x86-64 pads each time with a word), so
 * semctl converts it.  The IPC_64 bit of a command means nothing to a
 * 64-bit host kernel and is dropped.
 *
 * shmat maps the segment inside the guest window: the range is taken like
 * an anonymous guest mmap, then the host attaches over it (SHM_REMAP);
 * shmdt detaches and gives the range back to the window reservation.
 * shmat at a given address replaces what the guest had mapped there only
 * with SHM_REMAP; without it a range already in use is EINVAL, as in Linux.
 */
#include "syscalls/internal.h"

#include <pthread.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>

#define IPC_CMD(x) ((int)(x) & ~0x100) /* without IPC_64 */
#define IPC_MSG_MAX (1u << 24)
#define IPC_MAX_ATTACH 256
#define IPC_SEMID_GUEST 88   /* asm-generic 64-bit struct semid64_ds */
#define IPC_SEMOPS_MAX 65536 /* operations per semop; the kernel says E2BIG above SEMOPM */

#ifndef SEM_STAT_ANY
#define SEM_STAT_ANY 20
#endif
#ifndef MSG_STAT_ANY
#define MSG_STAT_ANY 13
#endif
#ifndef SHM_STAT_ANY
#define SHM_STAT_ANY 15
#endif

/* ---- message queues ---- */

int64_t sys_do_msgget(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_msgget, (key_t)a[0], (int)a[1]));
}

int64_t sys_do_msgsnd(SysCtx *c, const uint64_t *a)
{
    if (a[2] > IPC_MSG_MAX)
        return -EINVAL;
    const void *msg = gmem_ptr(c->mem, a[1], sizeof(long) + a[2], PROT_READ);
    return msg ? sys_ret(syscall(SYS_msgsnd, (int)a[0], msg, (size_t)a[2], (int)a[3])) : -EFAULT;
}

int64_t sys_do_msgrcv(SysCtx *c, const uint64_t *a)
{
    if (a[2] > IPC_MSG_MAX)
        return -EINVAL;
    void *msg = gmem_ptr(c->mem, a[1], sizeof(long) + a[2], PROT_WRITE);
    if (!msg)
        return -EFAULT;
    return sys_ret(syscall(SYS_msgrcv, (int)a[0], msg, (size_t)a[2], (long)a[3], (int)a[4]));
}

/* msgctl / shmctl: the struct the command reads or writes, and its size (0: none). */
static int64_t ipc_ctl(SysCtx *c, long nr, const uint64_t *a, size_t in_size, size_t out_size)
{
    uint8_t buf[256] = {0};
    void *arg = (in_size || out_size) ? buf : NULL;
    /* A bad pointer: the host checks the id first (EINVAL before EFAULT, as Linux). */
    if (in_size && gmem_read(c->mem, buf, a[2], in_size) < 0 &&
        !(arg = gmem_fault_ptr(c->mem, a[2], in_size)))
        return -EFAULT;
    long r = syscall(nr, (int)a[0], IPC_CMD(a[1]), arg);
    if (r < 0)
        return -errno;
    if (out_size && gmem_write(c->mem, a[2], buf, out_size) < 0)
        return -EFAULT;
    return r;
}

int64_t sys_do_msgctl(SysCtx *c, const uint64_t *a)
{
    switch (IPC_CMD(a[1])) {
    case IPC_STAT:
    case MSG_STAT:
    case MSG_STAT_ANY:
        return ipc_ctl(c, SYS_msgctl, a, 0, sizeof(struct msqid_ds));
    case IPC_SET:
        return ipc_ctl(c, SYS_msgctl, a, sizeof(struct msqid_ds), 0);
    case IPC_INFO:
    case MSG_INFO:
        return ipc_ctl(c, SYS_msgctl, a, 0, sizeof(struct msginfo));
    default:
        return ipc_ctl(c, SYS_msgctl, a, 0, 0);
    }
}

/* ---- semaphores ---- */

int64_t sys_do_semget(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_semget, (key_t)a[0], (int)a[1], (int)a[2]));
}

static int64_t ipc_semop(SysCtx *c, const uint64_t *a, uint64_t timeout)
{
    struct timespec ts;
    if (a[2] > IPC_SEMOPS_MAX)
        return -E2BIG;
    struct sembuf *ops = gmem_ptr(c->mem, a[1], a[2] * sizeof(struct sembuf), PROT_READ);
    if (!ops)
        return -EFAULT;
    if (timeout && sys_get_timespec(c, timeout, &ts) < 0)
        return -EFAULT;
    return sys_ret(syscall(SYS_semtimedop, (int)a[0], ops, (size_t)a[2], timeout ? &ts : NULL));
}

int64_t sys_do_semop(SysCtx *c, const uint64_t *a)
{
    return ipc_semop(c, a, 0);
}

int64_t sys_do_semtimedop(SysCtx *c, const uint64_t *a)
{
    return ipc_semop(c, a, a[3]);
}

/* struct semid64_ds: host (x86-64, 104 bytes) <-> guest (88 bytes): perm, otime, ctime, nsems. */
static void ipc_semid_h2g(const struct semid_ds *h, uint8_t *g)
{
    memset(g, 0, IPC_SEMID_GUEST);
    memcpy(g, &h->sem_perm, sizeof(h->sem_perm));
    uint64_t v[3] = {(uint64_t)h->sem_otime, (uint64_t)h->sem_ctime, (uint64_t)h->sem_nsems};
    memcpy(g + 48, v, sizeof(v));
}

static void ipc_semid_g2h(const uint8_t *g, struct semid_ds *h)
{
    uint64_t v[3];
    memset(h, 0, sizeof(*h));
    memcpy(&h->sem_perm, g, sizeof(h->sem_perm));
    memcpy(v, g + 48, sizeof(v));
    h->sem_otime = (time_t)v[0];
    h->sem_ctime = (time_t)v[1];
    h->sem_nsems = v[2];
}

/* The number of semaphores in set id, or -errno. */
static int64_t ipc_nsems(int id)
{
    struct semid_ds ds;
    if (syscall(SYS_semctl, id, 0, IPC_STAT, &ds) < 0)
        return -errno;
    return (int64_t)ds.sem_nsems;
}

/* semctl(id, num, cmd, union semun arg): arg is a pointer or an int in a[3]. */
int64_t sys_do_semctl(SysCtx *c, const uint64_t *a)
{
    int id = (int)a[0], num = (int)a[1], cmd = IPC_CMD(a[2]);
    uint8_t g[IPC_SEMID_GUEST];
    struct semid_ds ds;
    switch (cmd) {
    case IPC_STAT:
    case SEM_STAT:
    case SEM_STAT_ANY: {
        if (!gmem_check(c->mem, a[3], sizeof(g), PROT_WRITE))
            return -EFAULT;
        long r = syscall(SYS_semctl, id, num, cmd, &ds);
        if (r < 0)
            return -errno;
        ipc_semid_h2g(&ds, g);
        return gmem_write(c->mem, a[3], g, sizeof(g)) < 0 ? -EFAULT : r;
    }
    case IPC_SET:
        if (gmem_read(c->mem, g, a[3], sizeof(g)) < 0)
            return -EFAULT;
        ipc_semid_g2h(g, &ds);
        return sys_ret(syscall(SYS_semctl, id, num, cmd, &ds));
    case IPC_INFO:
    case SEM_INFO: {
        struct seminfo *si = gmem_ptr(c->mem, a[3], sizeof(*si), PROT_WRITE);
        return si ? sys_ret(syscall(SYS_semctl, id, num, cmd, si)) : -EFAULT;
    }
    case GETALL:
    case SETALL: {
        int64_t n = ipc_nsems(id);
        if (n < 0)
            return n;
        void *arr = gmem_ptr(c->mem, a[3], (uint64_t)n * sizeof(unsigned short),
                             cmd == GETALL ? PROT_WRITE : PROT_READ);
        return arr ? sys_ret(syscall(SYS_semctl, id, num, cmd, arr)) : -EFAULT;
    }
    default: /* SETVAL (an int), GETVAL, GETPID, GETNCNT, GETZCNT, IPC_RMID */
        return sys_ret(syscall(SYS_semctl, id, num, cmd, (unsigned long)(uint32_t)a[3]));
    }
}

/* ---- shared memory ---- */

int64_t sys_do_shmget(SysCtx *c, const uint64_t *a)
{
    return sys_ret(syscall(SYS_shmget, (key_t)a[0], (size_t)a[1], (int)a[2]));
}

int64_t sys_do_shmctl(SysCtx *c, const uint64_t *a)
{
    switch (IPC_CMD(a[1])) {
    case IPC_STAT:
    case SHM_STAT:
    case SHM_STAT_ANY:
        return ipc_ctl(c, SYS_shmctl, a, 0, sizeof(struct shmid_ds));
    case IPC_SET:
        return ipc_ctl(c, SYS_shmctl, a, sizeof(struct shmid_ds), 0);
    case IPC_INFO:
        return ipc_ctl(c, SYS_shmctl, a, 0, sizeof(struct shminfo));
    case SHM_INFO:
        return ipc_ctl(c, SYS_shmctl, a, 0, sizeof(struct shm_info));
    default: /* IPC_RMID, SHM_LOCK, SHM_UNLOCK */
        return ipc_ctl(c, SYS_shmctl, a, 0, 0);
    }
}

/* Attached segments: guest address and length, for shmdt. */
static struct {
    uint64_t addr, len;
} ipc_attached[IPC_MAX_ATTACH];
static pthread_mutex_t ipc_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t ipc_atfork_once = PTHREAD_ONCE_INIT;

/* A fork from another thread never leaves ipc_lock taken in the child. */
static void ipc_fork_prepare(void)
{
    pthread_mutex_lock(&ipc_lock);
}

static void ipc_fork_parent(void)
{
    pthread_mutex_unlock(&ipc_lock);
}

static void ipc_fork_child(void)
{
    pthread_mutex_init(&ipc_lock, NULL);
}

static void ipc_atfork(void)
{
    pthread_atfork(ipc_fork_prepare, ipc_fork_parent, ipc_fork_child);
}

int64_t sys_do_shmat(SysCtx *c, const uint64_t *a)
{
    int id = (int)a[0], flags = (int)a[2];
    uint64_t addr = a[1];
    struct shmid_ds ds;
    if (syscall(SYS_shmctl, id, IPC_STAT, &ds) < 0)
        return -errno;
    uint64_t len = (ds.shm_segsz + GUEST_PAGE_SIZE - 1) & GUEST_PAGE_MASK;
    if (addr & (GUEST_PAGE_SIZE - 1)) {
        if (!(flags & SHM_RND))
            return -EINVAL;
        addr &= GUEST_PAGE_MASK; /* SHMLBA is the page size on AArch64 */
    }
    int prot = (flags & SHM_RDONLY) ? PROT_READ : PROT_READ | PROT_WRITE;
    if (flags & SHM_EXEC)
        prot |= PROT_EXEC;
    int fixed = !addr ? 0 : (flags & SHM_REMAP) ? MAP_FIXED : MAP_FIXED_NOREPLACE;
    pthread_once(&ipc_atfork_once, ipc_atfork);
    pthread_mutex_lock(&ipc_lock);
    int slot = 0;
    while (slot < IPC_MAX_ATTACH && ipc_attached[slot].len)
        slot++;
    int64_t ga = slot == IPC_MAX_ATTACH
                     ? -EMFILE
                     : gmem_mmap(c->mem, addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | fixed, -1,
                                 0, GMEM_ANON);
    if (ga == -EEXIST)
        ga = -EINVAL; /* the range is in use and SHM_REMAP was not given */
    if (ga >= 0) {
        void *h = shmat(id, g2h(c->mem, (uint64_t)ga), (flags & (SHM_RDONLY)) | SHM_REMAP);
        if (h == (void *)-1) {
            int err = errno;
            gmem_munmap(c->mem, (uint64_t)ga, len);
            ga = -err;
        } else {
            ipc_attached[slot].addr = (uint64_t)ga;
            ipc_attached[slot].len = len;
        }
    }
    pthread_mutex_unlock(&ipc_lock);
    return ga;
}

int64_t sys_do_shmdt(SysCtx *c, const uint64_t *a)
{
    uint64_t addr = a[0];
    if (!gmem_in_window(c->mem, addr, 1))
        return -EINVAL;
    pthread_once(&ipc_atfork_once, ipc_atfork);
    pthread_mutex_lock(&ipc_lock);
    int r = shmdt(g2h(c->mem, addr)) < 0 ? -errno : 0;
    for (int i = 0; r == 0 && i < IPC_MAX_ATTACH; i++)
        if (ipc_attached[i].len && ipc_attached[i].addr == addr) {
            gmem_munmap(c->mem, addr, ipc_attached[i].len);
            ipc_attached[i].len = 0;
        }
    pthread_mutex_unlock(&ipc_lock);
    return r;
}
