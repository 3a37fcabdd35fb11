/* Guest loads and stores fault inside a loop that keeps some twenty general registers and the
 * flags modified from one iteration to the next (held in host registers by the JIT across
 * the accesses and the loop's back edge): the SIGSEGV handler's ucontext has their exact
 * values at the faulting instruction (a load, then a store, into protected pages; then a load
 * at a wild address computed into the base register just before), and the loop resumes with
 * them when the handler returns. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

/* x0 = p (3 pages), x1 = wild address, x2 = the counter value at which the second load uses
 * it (never when 0), x3 = out[29]: x0..x28 at the end.  The counter x1 counts bytes. */
void gpr_loop(char *p, uint64_t wild, uint64_t wild_at, uint64_t *out);
__asm__(".text\n"
        ".global gpr_loop\n"
        ".type gpr_loop, %function\n"
        "gpr_loop:\n"
        "stp x19, x20, [sp, #-96]!\n"
        "stp x21, x22, [sp, #16]\n"
        "stp x23, x24, [sp, #32]\n"
        "stp x25, x26, [sp, #48]\n"
        "stp x27, x28, [sp, #64]\n"
        "mov x22, x1\n"
        "mov x27, x3\n"
        "mov x28, x0\n"
        "mov x1, #0\n"
        "mov x3, #0x3333\n"
        "mov x4, #0x4444\n"
        "mov x5, #5\n"
        "mov x6, #0x6666\n"
        "mov x7, #0x7777\n"
        "mov x8, #0x8000\n"
        "mov x9, #9\n"
        "mov x10, #0xa0a\n"
        "mov x11, #0xb0b\n"
        "mov x12, #0xc0c\n"
        "mov x13, #0xd0d\n"
        "mov x14, #0xe0e\n"
        "mov x15, #0xf0f\n"
        "mov x19, #0x1919\n"
        "mov x20, #0x2020\n"
        "mov x23, #0x2323\n"
        "mov x24, #0x2424\n"
        "mov x25, #0x2525\n"
        "mov x26, #0x2626\n"
        "1: ldr x16, [x28], #8\n"
        "add x3, x3, x16\n"
        "eor x4, x4, x3, lsl #3\n"
        "add x5, x5, #7\n"
        "sub x6, x6, x4\n"
        "madd x7, x7, x5, x9\n"
        "orr x8, x8, x5\n"
        "add x9, x9, x1\n"
        "add x1, x1, #8\n"
        "cmp x1, x2\n"
        "csel x21, x22, x28, eq\n"
        "ldr x17, [x21]\n"
        "str x5, [x28, #-8]\n"
        "eor x10, x10, x7\n"
        "add x11, x11, x10, lsr #5\n"
        "sub x12, x12, #1\n"
        "eor x13, x13, x6\n"
        "add x14, x14, x17\n"
        "madd x15, x15, x5, x4\n"
        "add x19, x19, x3\n"
        "eor x20, x20, x19, ror #7\n"
        "add x23, x23, x20\n"
        "sub x24, x24, x23\n"
        "eor x25, x25, x12\n"
        "add x26, x26, x15\n"
        "cmp x1, #2, lsl #12\n"
        "b.ne 1b\n"
        "stp x0, x1, [x27]\n"
        "stp x2, x3, [x27, #16]\n"
        "stp x4, x5, [x27, #32]\n"
        "stp x6, x7, [x27, #48]\n"
        "stp x8, x9, [x27, #64]\n"
        "stp x10, x11, [x27, #80]\n"
        "stp x12, x13, [x27, #96]\n"
        "stp x14, x15, [x27, #112]\n"
        "stp x16, x17, [x27, #128]\n"
        "stp x18, x19, [x27, #144]\n"
        "stp x20, x21, [x27, #160]\n"
        "stp x22, x23, [x27, #176]\n"
        "stp x24, x25, [x27, #192]\n"
        "stp x26, x27, [x27, #208]\n"
        "str x28, [x27, #224]\n"
        "ldp x21, x22, [sp, #16]\n"
        "ldp x23, x24, [sp, #32]\n"
        "ldp x25, x26, [sp, #48]\n"
        "ldp x27, x28, [sp, #64]\n"
        "ldp x19, x20, [sp], #96\n"
        "ret\n"
        ".size gpr_loop, . - gpr_loop\n");

static char *page;
static int faults;
static sigjmp_buf wild_jmp;

/* x18 (not used here), x27 (out) and x29, x30, sp (addresses that differ between runs) are
 * left out; values pointing into the pages print as page offsets. */
static void print_regs(const uint64_t *x)
{
    for (int i = 0; i <= 28; i++) {
        if (i == 18 || i == 27)
            continue;
        uint64_t off = x[i] - (uint64_t)(uintptr_t)page;
        if (off < 3 * 4096)
            printf(" x%d=p+%#llx", i, (unsigned long long)off);
        else
            printf(" x%d=%#llx", i, (unsigned long long)x[i]);
        if (i % 6 == 5)
            printf("\n");
    }
    printf("\n");
}

static void on_segv(int sig, siginfo_t *si, void *uc_)
{
    ucontext_t *uc = uc_;
    uint64_t addr = (uint64_t)(uintptr_t)si->si_addr, off = addr - (uint64_t)(uintptr_t)page;
    faults++;
    if (off < 3 * 4096)
        printf("SIGSEGV %d at p+%#llx", faults, (unsigned long long)off);
    else
        printf("SIGSEGV %d at %#llx", faults, (unsigned long long)addr);
    printf(" pc=gpr_loop+%#llx nzcv=%#llx\n",
           (unsigned long long)(uc->uc_mcontext.pc - (uint64_t)(uintptr_t)gpr_loop),
           (unsigned long long)(uc->uc_mcontext.pstate & 0xf0000000u));
    print_regs((const uint64_t *)uc->uc_mcontext.regs);
    if (off >= 3 * 4096)
        siglongjmp(wild_jmp, 1);
    /* The first fault (a load) makes the page readable, the second (a store) writable. */
    mprotect(page + 4096, 4096, faults == 1 ? PROT_READ : PROT_READ | PROT_WRITE);
}

static void run(uint64_t wild, uint64_t wild_at)
{
    uint64_t out[29];
    mprotect(page, 3 * 4096, PROT_READ | PROT_WRITE);
    for (int i = 0; i < 3 * 4096 / 8; i++)
        ((uint64_t *)page)[i] = (uint64_t)i * 0x9e3779b97f4a7c15ull;
    mprotect(page + 4096, 4096, PROT_NONE);
    faults = 0;
    if (sigsetjmp(wild_jmp, 1)) {
        printf("left the loop\n");
        return;
    }
    gpr_loop(page, wild, wild_at, out);
    printf("end:\n");
    print_regs(out);
}

int main(void)
{
    page = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED)
        return 1;
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGSEGV, &sa, NULL);
    run(0, 0);
    run((1ull << 40) + (5ull << 30) + 0x1230, 0x300); /* far past any mapping */
    run(0xfffffffffffff000ull, 0x7f8);                /* negative */
    return 0;
}
