/* Self-modifying code: instructions written into an RWX mmap buffer, run,
 * patched (an immediate in a MOVZ) and run again; code written by read()
 * from a pipe; W^X flipping with mprotect; a code page unmapped and mapped
 * again at the same address with new code. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

typedef int (*fn_t)(int);

static uint32_t movz_w0(unsigned imm)
{
    return 0x52800000u | (imm & 0xffff) << 5;
}

#define ADD_W0_W0_W0 0x0b000000u /* add w0, w0, w0 */
#define RET 0xd65f03c0u

static void sync_code(void *p, size_t n)
{
    __builtin___clear_cache((char *)p, (char *)p + n);
}

static int call(void *code, int arg)
{
    return ((fn_t)code)(arg);
}

int main(void)
{
    size_t pg = 4096;
    uint32_t *code =
        mmap(NULL, pg, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    code[0] = movz_w0(42);
    code[1] = RET;
    sync_code(code, 8);
    printf("first: %d\n", call(code, 0));
    code[0] = movz_w0(1234);
    sync_code(code, 8);
    printf("patched: %d\n", call(code, 0));

    /* Patch repeatedly, also a second function on the same page. */
    code[64] = movz_w0(7);
    code[65] = ADD_W0_W0_W0;
    code[66] = RET;
    sync_code(code + 64, 12);
    long sum = 0;
    for (int i = 0; i < 50; i++) {
        code[0] = movz_w0((unsigned)i * 3);
        sync_code(code, 4);
        sum += call(code, 0) + call(code + 64, 0);
    }
    printf("loop sum: %ld\n", sum);

    /* read() from a pipe straight into the code page. */
    int fds[2];
    if (pipe(fds) < 0)
        return 1;
    uint32_t insns[2] = {movz_w0(555), RET};
    if (write(fds[1], insns, sizeof(insns)) != sizeof(insns))
        return 1;
    ssize_t got = read(fds[0], code, sizeof(insns));
    sync_code(code, 8);
    printf("read %zd: %d\n", got, call(code, 0));

    /* W^X: writable without exec, then executable without write. */
    for (int i = 0; i < 3; i++) {
        mprotect(code, pg, PROT_READ | PROT_WRITE);
        code[0] = movz_w0(900 + (unsigned)i);
        mprotect(code, pg, PROT_READ | PROT_EXEC);
        sync_code(code, 4);
        printf("wx %d: %d\n", i, call(code, 0));
    }

    /* munmap, then new code at the same address. */
    void *at = code;
    munmap(code, pg);
    code = mmap(at, pg, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
                -1, 0);
    if (code == MAP_FAILED)
        return 1;
    code[0] = movz_w0(31337);
    code[1] = RET;
    sync_code(code, 8);
    printf("remapped: %d\n", call(code, 0));
    /* MAP_FIXED over code without munmap. */
    code = mmap(at, pg, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
                -1, 0);
    code[0] = movz_w0(4242);
    code[1] = RET;
    sync_code(code, 8);
    printf("mapped over: %d\n", call(code, 0));
    return 0;
}
