// cflags: -D_GNU_SOURCE
/* Raw thread creation without pthread: clone3 (falling back to clone where it is missing, as in
 * qemu-aarch64) with CLONE_SETTLS, CLONE_PARENT_SETTID and CLONE_CHILD_CLEARTID; the parent
 * waits on the cleared tid with futex, as pthread_join does. */
#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define NCHILD 3
#define STACK_SIZE (64 * 1024)

static char stacks[NCHILD][STACK_SIZE] __attribute__((aligned(16)));
static volatile uint32_t child_tid[NCHILD];
static volatile uint32_t parent_tid[NCHILD];
static volatile uint64_t child_result[NCHILD];
static volatile uint64_t child_tls[NCHILD];
static uint64_t fake_tls[NCHILD][4];

struct clone_args_v0 {
    uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
};

/* Runs on the child's stack; must not use glibc's thread state. */
static void child_main(uint64_t idx)
{
    uint64_t tp;
    __asm__ volatile("mrs %0, tpidr_el0" : "=r"(tp));
    child_tls[idx] = tp;
    uint64_t s = idx;
    for (int i = 0; i < 100000; i++)
        s = s * 6364136223846793005ull + 1442695040888963407ull;
    child_result[idx] = s;
}

/* The syscall; in the child, calls fn(arg) and exits the thread. */
static long raw_clone(long nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
                      void (*fn)(uint64_t), uint64_t arg)
{
    register uint64_t x0 __asm__("x0") = a0;
    register uint64_t x1 __asm__("x1") = a1;
    register uint64_t x2 __asm__("x2") = a2;
    register uint64_t x3 __asm__("x3") = a3;
    register uint64_t x4 __asm__("x4") = a4;
    register uint64_t x8 __asm__("x8") = (uint64_t)nr;
    register uint64_t x10 __asm__("x10") = (uint64_t)fn;
    register uint64_t x11 __asm__("x11") = arg;
    __asm__ volatile("svc #0\n"
                     "cbnz x0, 1f\n"
                     "mov x0, x11\n"
                     "blr x10\n"
                     "mov x0, #0\n"
                     "mov x8, #93\n" /* exit */
                     "svc #0\n"
                     "1:\n"
                     : "+r"(x0)
                     : "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x8), "r"(x10), "r"(x11)
                     : "memory", "x30");
    return (long)x0;
}

int main(void)
{
    const uint64_t flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                           CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID |
                           CLONE_CHILD_CLEARTID;
    for (int i = 0; i < NCHILD; i++) {
        child_tid[i] = 0xffffffff;
        struct clone_args_v0 ca;
        memset(&ca, 0, sizeof(ca));
        ca.flags = flags;
        ca.child_tid = (uintptr_t)&child_tid[i];
        ca.parent_tid = (uintptr_t)&parent_tid[i];
        ca.stack = (uintptr_t)stacks[i];
        ca.stack_size = STACK_SIZE;
        ca.tls = (uintptr_t)fake_tls[i];
        long tid = raw_clone(SYS_clone3, (uintptr_t)&ca, sizeof(ca), 0, 0, 0, child_main, i);
        if (tid == -ENOSYS) /* clone: flags, stack, parent_tid, tls, child_tid */
            tid = raw_clone(SYS_clone, flags, (uintptr_t)(stacks[i] + STACK_SIZE),
                            (uintptr_t)&parent_tid[i], (uintptr_t)fake_tls[i],
                            (uintptr_t)&child_tid[i], child_main, i);
        if (tid < 0) {
            printf("clone failed: %ld\n", tid);
            return 1;
        }
        printf("child %d: parent_tid %s\n", i, parent_tid[i] == (uint32_t)tid ? "set" : "wrong");
    }
    for (int i = 0; i < NCHILD; i++) {
        uint32_t v;
        while ((v = child_tid[i]) != 0)
            syscall(SYS_futex, &child_tid[i], FUTEX_WAIT, v, NULL, NULL, 0);
        printf("child %d: result %016llx, tls %s\n", i, (unsigned long long)child_result[i],
               child_tls[i] == (uintptr_t)fake_tls[i] ? "set" : "wrong");
    }
    return 0;
}
