/* A JIT loop: 1000 small functions generated one after another into the
 * same buffer (slots reused), each called right after it is written; then a
 * function with an internal loop (a TB chained to itself) whose trip count
 * is patched between calls. */
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>

typedef long (*fn_t)(long);

#define RET 0xd65f03c0u

static uint32_t movz_x0(unsigned imm)
{
    return 0xd2800000u | (imm & 0xffff) << 5;
}
static uint32_t movz_x1(unsigned imm)
{
    return 0xd2800001u | (imm & 0xffff) << 5;
}

int main(void)
{
    uint32_t *buf = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
                         MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (buf == MAP_FAILED)
        return 1;
    long sum = 0;
    for (unsigned i = 0; i < 1000; i++) {
        /* slots of 4 instructions, straddling the page boundary too */
        uint32_t *f = buf + (i % 300) * 4;
        f[0] = movz_x0(i);
        f[1] = 0x8b000000u;                 /* add x0, x0, x0 */
        f[2] = 0x91000000u | (i % 7) << 10; /* add x0, x0, #(i%7) */
        f[3] = RET;
        __builtin___clear_cache((char *)f, (char *)(f + 4));
        sum += ((fn_t)f)(0);
    }
    printf("sum of 1000 functions: %ld\n", sum);

    /* x0 = 0; x1 = N; loop: add x0, x0, #3; subs x1, x1, #1; b.ne loop; ret */
    uint32_t *g = buf + 1500;
    g[0] = movz_x0(0);
    g[1] = movz_x1(10);
    g[2] = 0x91000c00u; /* add x0, x0, #3 */
    g[3] = 0xf1000421u; /* subs x1, x1, #1 */
    g[4] = 0x54ffffc1u; /* b.ne -8 */
    g[5] = RET;
    for (unsigned n = 1; n <= 5; n++) {
        g[1] = movz_x1(n * 100);
        __builtin___clear_cache((char *)g, (char *)(g + 6));
        long a = ((fn_t)g)(0);
        long b = ((fn_t)g)(0);
        printf("loop %u: %ld %ld\n", n, a, b);
    }
    g[2] = 0x91001400u; /* add x0, x0, #5 */
    __builtin___clear_cache((char *)g, (char *)(g + 6));
    printf("loop body patched: %ld\n", ((fn_t)g)(0));
    return 0;
}
