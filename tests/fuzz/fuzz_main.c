/*
 * The fuzzer harness: `fuzz exec|sys SEED PAGES` runs PAGES pages (random
 * code, or SYS_PER_PAGE random system calls) in a forked child with fatal
 * signals caught (siglongjmp back, one outcome per page) and checks a canary
 * region of its own memory after each page.  A child the page ends (exit,
 * fatal signal) or that stops making progress is replaced by a new one that
 * goes on with the next page.  The parent prints one line per page and a
 * summary; the same seed gives the same pages under ferry and under the
 * reference.  The child's stdin and stdout are /dev/null.
 */
#define _GNU_SOURCE
#include "fuzz.h"

#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#define MAX_PAGES 1000000
#define SYS_PER_PAGE 16
#define PAGE_TIMER_US 50000
#define HANG_MS 10000
#define CANARY_WORDS 8192

typedef struct Shared {
    volatile int cur; /* the page the child is at */
    volatile unsigned long sys_calls, sys_ok, sys_err, sys_odd;
    unsigned char result[MAX_PAGES]; /* 0: not run */
    uint64_t last_pc;                /* FUZZ_DEBUG: the pc of the page's last signal */
} Shared;

static const int caught[] = {SIGILL,  SIGSEGV, SIGBUS,  SIGTRAP, SIGFPE,
                             SIGALRM, SIGPIPE, SIGXFSZ, SIGSYS};

static sigjmp_buf page_jmp;
static volatile int in_page;
static uint64_t saved_tp;
static uint64_t canary[CANARY_WORDS];
static uint64_t ret_stack[8192] __attribute__((aligned(16)));
uint64_t fuzz_ret_sp;

/* Puts back what the page may have changed that the harness's C code relies on. */
static void restore_env(void)
{
    __asm__ volatile("msr tpidr_el0, %0" ::"r"(saved_tp));
    __asm__ volatile("msr fpcr, xzr");
}

static Shared *shared;

static void on_signal(int sig, siginfo_t *si, void *uc)
{
    restore_env();
    shared->last_pc = ((ucontext_t *)uc)->uc_mcontext.pc;
    if (!in_page) {
        if (sig == SIGALRM || sig == SIGPIPE)
            return;
        _exit(99); /* a fault in the harness itself */
    }
    in_page = 0;
    siglongjmp(page_jmp, sig);
}

void fuzz_returned(void)
{
    restore_env();
    in_page = 0;
    siglongjmp(page_jmp, FUZZ_NORMAL);
}

static void set_timer(long us)
{
    struct itimerval it = {{0, 0}, {0, us}};
    setitimer(ITIMER_REAL, &it, NULL);
}

static void canary_fill(uint64_t seed)
{
    Rng r;
    rng_seed(&r, seed, ~0ULL);
    for (int i = 0; i < CANARY_WORDS; i++)
        canary[i] = rng_next(&r);
}

static int canary_ok(uint64_t seed)
{
    Rng r;
    rng_seed(&r, seed, ~0ULL);
    for (int i = 0; i < CANARY_WORDS; i++)
        if (canary[i] != rng_next(&r))
            return 0;
    return 1;
}

/* Maps the code page and the scratch region afresh at the same places
 * (the page may have unmapped or protected them); 0 or -1.  Both lie in an
 * 8 MiB PROT_NONE reservation, so that PC-relative (+-1 MiB) and slightly
 * out-of-bounds accesses fault the same way wherever the emulator placed
 * the reservation. */
static int map_area(FuzzArea *a)
{
    int fl = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED;
    if (!a->code) {
        uint8_t *res = mmap(NULL, 8 << 20, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (res == MAP_FAILED)
            return -1;
        a->code = (uint32_t *)(res + (4 << 20));
        a->scratch = res + (6 << 20);
    }
    void *c = mmap(a->code, FUZZ_PAGE_WORDS * 4, PROT_READ | PROT_WRITE | PROT_EXEC, fl, -1, 0);
    void *s = mmap(a->scratch, FUZZ_SCRATCH_SIZE, PROT_READ | PROT_WRITE, fl, -1, 0);
    return c == MAP_FAILED || s == MAP_FAILED ? -1 : 0;
}

static void fill_scratch(Rng *r, const FuzzArea *a)
{
    uint64_t *s = (uint64_t *)a->scratch;
    for (size_t i = 0; i < FUZZ_SCRATCH_SIZE / 8; i++)
        s[i] = rng_below(r, 2) ? fuzz_value(r, a) : rng_next(r);
}

static int run_exec_page(Rng *r, const FuzzArea *a)
{
    static FuzzRegs regs;
    uint32_t *code = a->code;
    fuzz_gen_page(r, code);
    uint64_t back = (uint64_t)fuzz_return;
    code[FUZZ_PAGE_WORDS - 4] = 0x58000050; /* LDR x16, .+8 */
    code[FUZZ_PAGE_WORDS - 3] = 0xd61f0200; /* BR x16 */
    code[FUZZ_PAGE_WORDS - 2] = (uint32_t)back;
    code[FUZZ_PAGE_WORDS - 1] = (uint32_t)(back >> 32);
    fuzz_gen_regs(r, a, &regs);
    regs.x[16] = (uint64_t)code;
    __builtin___clear_cache((char *)code, (char *)(code + FUZZ_PAGE_WORDS));
    int s = sigsetjmp(page_jmp, 1);
    if (s == 0) {
        in_page = 1;
        set_timer(PAGE_TIMER_US);
        fuzz_enter(&regs, code);
    }
    set_timer(0);
    return s;
}

static int run_sys_page(Rng *r, const FuzzArea *a, Shared *sh)
{
    static volatile int outcome;
    static volatile int i;
    outcome = FUZZ_NORMAL;
    for (i = 0; i < SYS_PER_PAGE; i++) {
        long arg[6];
        long nr = fuzz_sys_prepare(r, a, arg);
        int s = sigsetjmp(page_jmp, 1);
        if (s == 0) {
            in_page = 1;
            set_timer(PAGE_TIMER_US / 4);
            long ret = fuzz_syscall(nr, arg[0], arg[1], arg[2], arg[3], arg[4], arg[5]);
            in_page = 0;
            set_timer(0);
            sh->sys_calls++;
            if (ret < 0 && ret >= -4095) {
                sh->sys_err++;
                if (ret < -133) /* no errno Linux returns to a program */
                    sh->sys_odd++;
            } else {
                sh->sys_ok++;
            }
        } else {
            set_timer(0);
            sh->sys_calls++;
            if (s != SIGALRM)
                outcome = s;
        }
        restore_env();
    }
    return outcome;
}

static void child_setup(void)
{
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    setpgid(0, 0);
    int fd = open("/dev/null", O_RDWR);
    for (int i = 0; i < 2; i++) /* stderr stays: ferry reports internal errors there */
        dup2(fd, i);
    if (fd > 1)
        close(fd);
    /* Objects for small file descriptors to name: a pipe, a socket pair, a file, an eventfd. */
    int fds[2];
    pipe(fds);
    socketpair(AF_UNIX, SOCK_STREAM, 0, fds);
    open("fuzz-file", O_RDWR | O_CREAT | O_TRUNC, 0600);
    eventfd(0, 0);
    static char alt[64 * 1024];
    stack_t ss = {.ss_sp = alt, .ss_size = sizeof(alt)};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigfillset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
        sigaction(caught[i], &sa, NULL);
    __asm__ volatile("mrs %0, tpidr_el0" : "=r"(saved_tp));
    fuzz_ret_sp = (uint64_t)(ret_stack + 8192);
}

static void __attribute__((noreturn))
child(Shared *sh, int sys, uint64_t seed, int first, int pages)
{
    FuzzArea a = {0, 0};
    child_setup();
    canary_fill(seed);
    for (int p = first; p < pages; p++) {
        Rng r;
        sh->cur = p;
        rng_seed(&r, seed, p);
        if (map_area(&a) < 0)
            _exit(98);
        fill_scratch(&r, &a);
        int out = sys ? run_sys_page(&r, &a, sh) : run_exec_page(&r, &a);
        if (!canary_ok(seed)) {
            sh->result[p] = FUZZ_CANARY;
            _exit(97);
        }
        sh->result[p] = out;
    }
    sh->cur = pages;
    _exit(0);
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Waits for the child, killing it when its page does not change for
 * HANG_MS; then kills what is left of its process group. */
static void watch(Shared *sh, pid_t pid)
{
    int last = sh->cur;
    long since = now_ms();
    struct timespec tick = {0, 1000000};
    for (;;) {
        if (waitpid(pid, NULL, WNOHANG) == pid)
            break;
        if (sh->cur != last) {
            last = sh->cur;
            since = now_ms();
        } else if (now_ms() - since > HANG_MS) {
            sh->result[last] = FUZZ_HUNG;
            kill(pid, SIGKILL);
            kill(-pid, SIGKILL);
        }
        nanosleep(&tick, NULL);
    }
    kill(-pid, SIGKILL);
    while (waitpid(-1, NULL, WNOHANG) > 0)
        ;
}

static const char *outcome_name(int o, char *buf)
{
    switch (o) {
    case FUZZ_NORMAL:
        return "normal";
    case FUZZ_DIED:
        return "died";
    case FUZZ_HUNG:
        return "hung";
    case FUZZ_CANARY:
        return "canary";
    case SIGALRM:
        return "timeout";
    default:
        snprintf(buf, 16, "SIG%s", sigabbrev_np(o) ? sigabbrev_np(o) : "?");
        return buf;
    }
}

static void report(const Shared *sh, const char *mode, uint64_t seed, int first, int pages,
                   int verbose)
{
    int count[128] = {0};
    char buf[16];
    for (int p = first; p < pages; p++) {
        count[sh->result[p]]++;
        if (verbose)
            printf("page %d: %s\n", p, outcome_name(sh->result[p], buf));
        if (getenv("FUZZ_DEBUG"))
            printf("  last signal at pc %#llx\n", (unsigned long long)sh->last_pc);
    }
    printf("%s seed %llu: %d pages", mode, (unsigned long long)seed, pages - first);
    for (int o = 1; o < 128; o++)
        if (count[o])
            printf(", %s %d", outcome_name(o, buf), count[o]);
    printf("\n");
    if (sh->sys_calls)
        printf("%s seed %llu: %lu calls, %lu returned, %lu errors, %lu odd errors\n", mode,
               (unsigned long long)seed, sh->sys_calls, sh->sys_ok, sh->sys_err, sh->sys_odd);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: fuzz exec|sys SEED PAGES [-v|-q [FIRST]]\n");
        return 2;
    }
    int sys = strcmp(argv[1], "sys") == 0;
    uint64_t seed = strtoull(argv[2], NULL, 0);
    int pages = atoi(argv[3]);
    int verbose = argc > 4 && strcmp(argv[4], "-v") == 0;
    int next = argc > 5 ? atoi(argv[5]) : 0; /* start there (to reproduce one page) */
    if (pages < 1 || pages > MAX_PAGES || next < 0 || next >= pages)
        return 2;
    Shared *sh =
        mmap(NULL, sizeof(Shared), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (sh == MAP_FAILED)
        return 1;
    shared = sh;
    sigset_t all;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, NULL);
    int first = next;
    while (next < pages) {
        sh->cur = next;
        fflush(stdout);
        pid_t pid = fork();
        if (pid < 0)
            return 1;
        if (pid == 0)
            child(sh, sys, seed, next, pages);
        setpgid(pid, pid);
        watch(sh, pid);
        next = sh->cur;
        if (next < pages) {
            if (!sh->result[next])
                sh->result[next] = FUZZ_DIED;
            next++;
        }
    }
    report(sh, argv[1], seed, first, pages, verbose);
    return 0;
}
