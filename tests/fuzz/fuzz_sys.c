/*
 * The syscall fuzzer: random call numbers 0..450 with random arguments
 * (small integers, -1, pointers into the scratch region, wild and kernel
 * addresses).  Calls that would end, fork or signal the harness, change its
 * signal state or timers, or reach the whole machine are not made; calls
 * that change mappings get an address in the scratch region or outside any
 * mapping, never the harness's own.
 */
#include "fuzz.h"

#include <stddef.h>

#define MAX_NR 450

/* Never made: exit, exit_group, kill, tkill, tgkill, clone, clone3, execve,
 * execveat, reboot, ptrace, rt_sigreturn, the set*id family, seccomp,
 * sigaltstack, rt_sigsuspend/action/procmask/timedwait/queueinfo,
 * rt_tgsigqueueinfo, pidfd_send_signal, setitimer, sync, clock/time setting,
 * sethostname/setdomainname, mount family, module and kexec loading, swap,
 * acct, chroot, pivot_root. */
static const uint16_t never[] = {
    93,  94,  129, 130, 131, 220, 435, 221, 281, 142, 117, 139, 143, 144, 145, 146, 147, 149, 151,
    152, 159, 277, 132, 133, 134, 135, 137, 138, 240, 424, 103, 81,  112, 170, 171, 266, 161, 162,
    39,  40,  41,  51,  89,  104, 105, 106, 273, 224, 225, 294, 428, 429, 430, 431, 432, 433, 442};

/* Calls whose first argument is an address the call maps, unmaps or changes. */
static const uint16_t addr_calls[] = {215, 216, 226, 227, 228, 229, 232,
                                      233, 234, 235, 237, 288, 222, 196};

static int in_list(const uint16_t *l, size_t n, long nr)
{
    for (size_t i = 0; i < n; i++)
        if (l[i] == nr)
            return 1;
    return 0;
}

/* An address a mapping call may use: a page of the scratch region or a
 * place outside every mapping the harness has. */
static long safe_addr(Rng *r, const FuzzArea *a)
{
    static const uint64_t away[] = {0x7ffffff00000ULL, 0x800000000000ULL, 0xffff800000000000ULL,
                                    0x100000000000ULL, 0x10000,           0};
    if (rng_below(r, 2))
        return (long)(a->scratch + (rng_below(r, FUZZ_SCRATCH_SIZE / 4096) * 4096));
    return (long)away[rng_below(r, sizeof(away) / sizeof(away[0]))];
}

static long gen_nr(Rng *r)
{
    long nr;
    do
        nr = rng_below(r, MAX_NR + 1);
    while (in_list(never, sizeof(never) / sizeof(never[0]), nr));
    return nr;
}

/* Makes the arguments of `nr` harmless to the harness where they must be. */
static void tame_args(Rng *r, const FuzzArea *a, long nr, long *arg)
{
    if (in_list(addr_calls, sizeof(addr_calls) / sizeof(addr_calls[0]), nr)) {
        int i = nr == 196 ? 1 : 0;              /* shmat(id, addr, flags) */
        if (nr != 222 || (arg[3] & 0x100010)) { /* mmap: only MAP_FIXED(_NOREPLACE) */
            arg[i] = safe_addr(r, a);
            if (nr != 196) /* a length within the scratch region */
                arg[1] = rng_below(r, FUZZ_SCRATCH_SIZE / 2);
        }
        if (nr == 216) {
            arg[2] = rng_below(r, FUZZ_SCRATCH_SIZE / 2); /* mremap's new length and address */
            arg[4] = safe_addr(r, a);
        }
        if (nr == 196)
            arg[2] &= ~0x4000L; /* no SHM_REMAP */
    }
    if ((nr == 57 || nr == 436) && (unsigned long)arg[0] < 3) /* close, close_range */
        arg[0] = 3 + rng_below(r, 64);
    if (nr == 167 && (arg[0] == 22 || (arg[0] & 0xffffffff) == 22)) /* PR_SET_SECCOMP */
        arg[0] = 0;
    if (nr == 261 || nr == 164) /* prlimit64/setrlimit: keep the limits */
        arg[nr == 261 ? 2 : 1] = 0;
}

long fuzz_sys_prepare(Rng *r, const FuzzArea *a, long *arg)
{
    long nr = gen_nr(r);
    for (int i = 0; i < 6; i++)
        arg[i] = (long)fuzz_value(r, a);
    tame_args(r, a, nr, arg);
    return nr;
}

long fuzz_syscall(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
    register long x8 __asm__("x8") = nr;
    register long x0 __asm__("x0") = a0;
    register long x1 __asm__("x1") = a1;
    register long x2 __asm__("x2") = a2;
    register long x3 __asm__("x3") = a3;
    register long x4 __asm__("x4") = a4;
    register long x5 __asm__("x5") = a5;
    __asm__ volatile("svc #0"
                     : "+r"(x0)
                     : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
                     : "memory");
    return x0;
}
