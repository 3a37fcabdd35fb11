// cflags: -march=armv8.4-a
/* Every A64 load/store form of the base ISA: immediate, unscaled, pre/post
 * index (with the written-back base), register offsets with extends, sign
 * extension, pairs, literals, SIMD&FP registers (upper bits zeroed),
 * exclusives, acquire/release, RCpc and the LSE atomics.  Prints values. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef uint64_t u64;

static u64 buf[32] __attribute__((aligned(16)));
static unsigned char bytes[64] __attribute__((aligned(16)));

static void fill(void)
{
    for (int i = 0; i < 64; i++)
        bytes[i] = (unsigned char)(0x81 + i * 7);
    for (int i = 0; i < 32; i++)
        buf[i] = 0x1111111111111111ull * (u64)(i + 1) ^ 0x8000000080008080ull;
}

static void test_imm(void)
{
    u64 a, b, c, d, e, f, g, h, base;
    fill();
    __asm__ volatile("ldrb %w0, [%8, #5]\n\t"
                     "ldrh %w1, [%8, #6]\n\t"
                     "ldr %w2, [%8, #12]\n\t"
                     "ldr %3, [%8, #16]\n\t"
                     "ldrsb %w4, [%8, #1]\n\t"
                     "ldrsb %5, [%8, #2]\n\t"
                     "ldrsh %w6, [%8, #4]\n\t"
                     "ldrsh %7, [%8, #8]\n\t"
                     : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(d), "=&r"(e), "=&r"(f), "=&r"(g),
                       "=&r"(h)
                     : "r"(bytes)
                     : "memory");
    printf("imm: %llx %llx %llx %llx %llx %llx %llx %llx\n", (unsigned long long)a,
           (unsigned long long)b, (unsigned long long)c, (unsigned long long)d,
           (unsigned long long)e, (unsigned long long)f, (unsigned long long)g,
           (unsigned long long)h);
    __asm__ volatile("ldrsw %0, [%3, #4]\n\t"
                     "ldrsw %1, [%3, #8]\n\t"
                     "ldr %2, [%3, #4095 * 8 - 4095 * 8]\n\t"
                     : "=&r"(a), "=&r"(b), "=&r"(c)
                     : "r"(buf)
                     : "memory");
    printf("ldrsw: %llx %llx %llx\n", (unsigned long long)a, (unsigned long long)b,
           (unsigned long long)c);
    /* Unscaled, unprivileged. */
    __asm__ volatile("ldur %0, [%4, #3]\n\t"
                     "ldursh %w1, [%4, #-1]\n\t"
                     "ldtrsb %2, [%4, #7]\n\t"
                     "ldtr %w3, [%4, #9]\n\t"
                     : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(d)
                     : "r"(bytes + 8)
                     : "memory");
    printf("ldur: %llx %llx %llx %llx\n", (unsigned long long)a, (unsigned long long)b,
           (unsigned long long)c, (unsigned long long)d);
    /* Stores of every size, scaled, unscaled, unprivileged. */
    memset(buf, 0, sizeof(buf));
    u64 v = 0x0123456789abcdefull;
    __asm__ volatile("strb %w0, [%1, #1]\n\t"
                     "strh %w0, [%1, #4]\n\t"
                     "str %w0, [%1, #8]\n\t"
                     "str %0, [%1, #16]\n\t"
                     "stur %0, [%1, #27]\n\t"
                     "sturh %w0, [%1, #37]\n\t"
                     "sttr %w0, [%1, #41]\n\t"
                     "sttrb %w0, [%1, #47]\n\t"
                     :
                     : "r"(v), "r"(buf)
                     : "memory");
    for (int i = 0; i < 6; i++)
        printf("%016llx ", (unsigned long long)buf[i]);
    printf("\n");
    /* Pre/post-index with writeback. */
    fill();
    base = (u64)bytes;
    __asm__ volatile("ldr %0, [%4, #8]!\n\t"
                     "ldrb %w1, [%4], #3\n\t"
                     "ldrsh %2, [%4, #-2]!\n\t"
                     "ldrsw %3, [%4], #-5\n\t"
                     : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(d), "+r"(base)
                     :
                     : "memory");
    printf("wb: %llx %llx %llx %llx base+%lld\n", (unsigned long long)a, (unsigned long long)b,
           (unsigned long long)c, (unsigned long long)d, (long long)(base - (u64)bytes));
    base = (u64)buf;
    memset(buf, 0, sizeof(buf));
    __asm__ volatile("str %1, [%0, #16]!\n\t"
                     "strh %w1, [%0], #-6\n\t"
                     "strb %w1, [%0, #-1]!\n\t"
                     "str %w1, [%0], #255\n\t"
                     : "+r"(base)
                     : "r"(v)
                     : "memory");
    printf("wb st: base+%lld %016llx %016llx %016llx\n", (long long)(base - (u64)buf),
           (unsigned long long)buf[1], (unsigned long long)buf[2], (unsigned long long)buf[3]);
    /* SP as the base. */
    __asm__ volatile("mov x9, sp\n\t"
                     "sub sp, sp, #32\n\t"
                     "str %2, [sp, #8]\n\t"
                     "ldr %0, [sp, #8]\n\t"
                     "str %2, [sp, #-16]!\n\t"
                     "ldrh %w1, [sp], #16\n\t"
                     "add sp, sp, #32\n\t"
                     "mov x10, sp\n\t"
                     "sub %1, %1, x10\n\t"
                     "add %1, %1, x9\n\t"
                     : "=&r"(a), "=&r"(b)
                     : "r"(v)
                     : "x9", "x10", "memory");
    printf("sp: %llx %llx\n", (unsigned long long)a, (unsigned long long)b);
    /* Register 31 as the data register is XZR. */
    for (int i = 0; i < 4; i++)
        buf[i] = ~0ull;
    base = (u64)buf;
    __asm__ volatile("str xzr, [%0]\n\t"
                     "strb wzr, [%0, #9]\n\t"
                     "stp wzr, wzr, [%0, #16]\n\t"
                     "ldr xzr, [%0, #24]\n\t"
                     "ldp xzr, %1, [%0, #16]\n\t"
                     : "+r"(base), "=&r"(a)
                     :
                     : "memory");
    printf("xzr: %llx %llx %llx %llx %llx\n", (unsigned long long)buf[0],
           (unsigned long long)buf[1], (unsigned long long)buf[2], (unsigned long long)buf[3],
           (unsigned long long)a);
}

static void test_regoff(void)
{
    u64 a, b, c, d, e, f;
    fill();
    u64 i2 = 2, m1 = (u64)-1, w3 = 0xffffffff00000003ull;
    __asm__ volatile("ldr %0, [%6, %7, lsl #3]\n\t"
                     "ldr %1, [%6, %7]\n\t"
                     "ldrb %w2, [%6, %w9, uxtw]\n\t"
                     "ldrsh %3, [%6, %w8, sxtw #1]\n\t"
                     "ldrsb %w4, [%6, %8, sxtx]\n\t"
                     "ldr %w5, [%6, %w9, uxtw #2]\n\t"
                     : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(d), "=&r"(e), "=&r"(f)
                     : "r"(bytes + 16), "r"(i2), "r"(m1), "r"(w3)
                     : "memory");
    printf("reg: %llx %llx %llx %llx %llx %llx\n", (unsigned long long)a, (unsigned long long)b,
           (unsigned long long)c, (unsigned long long)d, (unsigned long long)e,
           (unsigned long long)f);
    __asm__ volatile("ldrsw %0, [%2, %w3, sxtw #2]\n\t"
                     "ldrh %w1, [%2, %3, lsl #1]\n\t"
                     : "=&r"(a), "=&r"(b)
                     : "r"(bytes + 16), "r"(m1)
                     : "memory");
    printf("reg2: %llx %llx\n", (unsigned long long)a, (unsigned long long)b);
    memset(buf, 0, sizeof(buf));
    u64 v = 0xfedcba9876543210ull;
    __asm__ volatile("str %0, [%1, %2, lsl #3]\n\t"
                     "strh %w0, [%1, %w3, sxtw #1]\n\t"
                     "strb %w0, [%1, %2]\n\t"
                     "str %w0, [%1, %w2, uxtw #2]\n\t"
                     :
                     : "r"(v), "r"(buf + 4), "r"(i2), "r"(m1)
                     : "memory");
    for (int i = 3; i < 8; i++)
        printf("%016llx ", (unsigned long long)buf[i]);
    printf("\n");
}

static void test_pairs(void)
{
    u64 a, b, c, d, base;
    fill();
    base = (u64)buf;
    __asm__ volatile("ldp %0, %1, [%4, #16]!\n\t"
                     "ldp %w2, %w3, [%4], #-8\n\t"
                     : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(d), "+r"(base)
                     :
                     : "memory");
    printf("ldp: %llx %llx %llx %llx base+%lld\n", (unsigned long long)a, (unsigned long long)b,
           (unsigned long long)c, (unsigned long long)d, (long long)(base - (u64)buf));
    __asm__ volatile("ldpsw %0, %1, [%4, #-8]\n\t"
                     "ldnp %2, %3, [%4, #8]\n\t"
                     : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(d)
                     : "r"(buf + 4)
                     : "memory");
    printf("ldpsw: %llx %llx %llx %llx\n", (unsigned long long)a, (unsigned long long)b,
           (unsigned long long)c, (unsigned long long)d);
    memset(buf, 0, sizeof(buf));
    base = (u64)(buf + 8);
    u64 x = 0xa5a5a5a5deadbeefull, y = 0x5a5a5a5acafef00dull;
    __asm__ volatile("stp %1, %2, [%0, #-16]!\n\t"
                     "stp %w2, %w1, [%0], #40\n\t"
                     "stnp %w1, %w2, [%0, #-8]\n\t"
                     "stnp %1, %2, [%0, #8]\n\t"
                     : "+r"(base)
                     : "r"(x), "r"(y)
                     : "memory");
    printf("stp: base+%lld", (long long)(base - (u64)buf));
    for (int i = 5; i < 14; i++)
        printf(" %llx", (unsigned long long)buf[i]);
    printf("\n");
    /* SIMD&FP pairs. */
    fill();
    memset(bytes, 0, sizeof(bytes));
    base = (u64)bytes;
    __asm__ volatile("ldp q0, q1, [%1]\n\t"
                     "ldp d2, d3, [%1, #32]\n\t"
                     "ldp s4, s5, [%1, #48]\n\t"
                     "stp q1, q0, [%0], #32\n\t"
                     "stp s5, s4, [%0, #8]!\n\t"
                     "stp d3, d2, [%0, #8]\n\t"
                     "ldnp q6, q7, [%1, #64]\n\t"
                     "stnp q7, q6, [%0, #-32]\n\t"
                     : "+r"(base)
                     : "r"(buf)
                     : "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "memory");
    printf("vpair: base+%lld", (long long)(base - (u64)bytes));
    for (int i = 0; i < 64; i += 8) {
        u64 t;
        memcpy(&t, bytes + i, 8);
        printf(" %llx", (unsigned long long)t);
    }
    printf("\n");
}

static void test_literal(void)
{
    u64 a, b, c;
    __asm__ volatile("b 2f\n\t"
                     ".balign 8\n"
                     "1: .quad 0x8123456789abcdef\n\t"
                     ".quad 0x0fedcba987654321\n"
                     "2: ldr %w0, 1b\n\t"
                     "ldr %1, 1b + 8\n\t"
                     "ldrsw %2, 1b + 4\n\t"
                     "prfm pldl1keep, 1b\n\t"
                     : "=&r"(a), "=&r"(b), "=&r"(c));
    printf("lit: %llx %llx %llx\n", (unsigned long long)a, (unsigned long long)b,
           (unsigned long long)c);
    static const u64 ones[2] = {~0ull, ~0ull};
    u64 out[6];
    __asm__ volatile("b 2f\n\t"
                     ".balign 16\n"
                     "1: .quad 0x1122334455667788\n\t"
                     ".quad 0x99aabbccddeeff00\n"
                     "2: ldr q0, [%1]\n\t"
                     "ldr q1, [%1]\n\t"
                     "ldr q2, 1b\n\t"
                     "ldr s0, 1b + 4\n\t"
                     "ldr d1, 1b + 8\n\t"
                     "str q0, [%0]\n\t"
                     "str q1, [%0, #16]\n\t"
                     "str q2, [%0, #32]\n\t"
                     :
                     : "r"(out), "r"(ones)
                     : "v0", "v1", "v2", "memory");
    printf("vlit:");
    for (int i = 0; i < 6; i++)
        printf(" %llx", (unsigned long long)out[i]);
    printf("\n");
}

static void test_simd(void)
{
    u64 out[12];
    u64 base;
    fill();
    memset(out, 0, sizeof(out));
    base = (u64)bytes;
    __asm__ volatile("ldr q0, [%1, #16]\n\t"
                     "ldr q1, [%1, #16]\n\t"
                     "ldr q2, [%1, #16]\n\t"
                     "ldr q3, [%1, #16]\n\t"
                     "ldr q4, [%1, #16]\n\t"
                     "ldr b0, [%1, #3]\n\t"
                     "ldr h1, [%1, #2]\n\t"
                     "ldur s2, [%1, #5]\n\t"
                     "ldr d3, [%1], #8\n\t"
                     "ldr q4, [%1, #-3]!\n\t"
                     "str q0, [%2]\n\t"
                     "str q1, [%2, #16]\n\t"
                     "str q2, [%2, #32]\n\t"
                     "str q3, [%2, #48]\n\t"
                     "str q4, [%2, #64]\n\t"
                     "str b4, [%2, #80]\n\t"
                     "str h4, [%2, #82]\n\t"
                     "str s4, [%2, #84]\n\t"
                     "stur d4, [%2, #88]\n\t"
                     : "+r"(base)
                     : "r"(base), "r"(out)
                     : "v0", "v1", "v2", "v3", "v4", "memory");
    printf("simd: base+%lld", (long long)(base - (u64)bytes));
    for (int i = 0; i < 12; i++)
        printf(" %llx", (unsigned long long)out[i]);
    printf("\n");
    u64 i1 = 1, m1 = (u64)-1;
    memset(out, 0, sizeof(out));
    __asm__ volatile("ldr q0, [%0, %1, lsl #4]\n\t"
                     "ldr d1, [%0, %w2, sxtw #3]\n\t"
                     "ldr h2, [%0, %1]\n\t"
                     "str q0, [%3, %1, lsl #4]\n\t"
                     "str d1, [%3, %w1, uxtw #3]\n\t"
                     "str s0, [%3, %1, lsl #2]\n\t"
                     "str b2, [%3, %2]\n\t"
                     "str q2, [%3, #32]\n\t"
                     :
                     : "r"(bytes + 16), "r"(i1), "r"(m1), "r"(out + 2)
                     : "v0", "v1", "v2", "memory");
    printf("simd reg:");
    for (int i = 0; i < 8; i++)
        printf(" %llx", (unsigned long long)out[i]);
    printf("\n");
}

static void test_exclusive(void)
{
    static u64 cnt64 __attribute__((aligned(16)));
    static uint32_t cnt32;
    static uint16_t cnt16;
    static uint8_t cnt8;
    static u64 pair[2] __attribute__((aligned(16)));
    static uint32_t wpair[2] __attribute__((aligned(8)));
    u64 old, st, fails = 0, tmp;
    for (int i = 0; i < 100; i++) {
        __asm__ volatile("1: ldaxr %0, [%3]\n\t"
                         "add %2, %0, #3\n\t"
                         "stlxr %w1, %2, [%3]\n\t"
                         "cbnz %w1, 1b\n\t"
                         : "=&r"(old), "=&r"(st), "=&r"(tmp)
                         : "r"(&cnt64)
                         : "memory");
        __asm__ volatile("1: ldxr %w0, [%3]\n\t"
                         "sub %w2, %w0, #1\n\t"
                         "stxr %w1, %w2, [%3]\n\t"
                         "cbnz %w1, 1b\n\t"
                         : "=&r"(old), "=&r"(st), "=&r"(tmp)
                         : "r"(&cnt32)
                         : "memory");
        __asm__ volatile("1: ldxrh %w0, [%3]\n\t"
                         "add %w2, %w0, #0x301\n\t"
                         "stxrh %w1, %w2, [%3]\n\t"
                         "cbnz %w1, 1b\n\t"
                         : "=&r"(old), "=&r"(st), "=&r"(tmp)
                         : "r"(&cnt16)
                         : "memory");
        __asm__ volatile("1: ldaxrb %w0, [%3]\n\t"
                         "add %w2, %w0, #7\n\t"
                         "stlxrb %w1, %w2, [%3]\n\t"
                         "cbnz %w1, 1b\n\t"
                         : "=&r"(old), "=&r"(st), "=&r"(tmp)
                         : "r"(&cnt8)
                         : "memory");
    }
    printf("excl: %llx %x %x %x\n", (unsigned long long)cnt64, cnt32, cnt16, cnt8);
    /* A store-exclusive without a matching load-exclusive fails. */
    __asm__ volatile("ldxr %0, [%2]\n\t"
                     "stxr %w1, %0, [%2]\n\t"
                     "stxr %w1, %0, [%2]\n\t"
                     : "=&r"(old), "=&r"(st)
                     : "r"(&cnt64)
                     : "memory");
    fails += st;
    __asm__ volatile("ldxr %w0, [%2]\n\t"
                     "stxrb %w1, %w0, [%2]\n\t"
                     : "=&r"(old), "=&r"(st)
                     : "r"(&cnt32)
                     : "memory");
    fails += st;
    printf("excl fails: %llu\n", (unsigned long long)fails);
    u64 lo, hi;
    pair[0] = 0xfffffffffffffffeull;
    pair[1] = 7;
    for (int i = 0; i < 5; i++) {
        __asm__ volatile("1: ldaxp %0, %1, [%3]\n\t"
                         "adds %0, %0, #1\n\t"
                         "adc %1, %1, xzr\n\t"
                         "stlxp %w2, %0, %1, [%3]\n\t"
                         "cbnz %w2, 1b\n\t"
                         : "=&r"(lo), "=&r"(hi), "=&r"(st)
                         : "r"(pair)
                         : "memory", "cc");
    }
    wpair[0] = 0xfffffffd;
    wpair[1] = 0x10;
    for (int i = 0; i < 5; i++) {
        __asm__ volatile("1: ldxp %w0, %w1, [%3]\n\t"
                         "adds %w0, %w0, #1\n\t"
                         "adc %w1, %w1, wzr\n\t"
                         "stxp %w2, %w0, %w1, [%3]\n\t"
                         "cbnz %w2, 1b\n\t"
                         : "=&r"(lo), "=&r"(hi), "=&r"(st)
                         : "r"(wpair)
                         : "memory", "cc");
    }
    printf("exclp: %llx %llx %x %x\n", (unsigned long long)pair[0], (unsigned long long)pair[1],
           wpair[0], wpair[1]);
    __asm__ volatile("ldxp %0, %1, [%3]\n\t"
                     "stxp %w2, %0, %1, [%3]\n\t"
                     "stxp %w2, %0, %1, [%3]\n\t"
                     : "=&r"(lo), "=&r"(hi), "=&r"(st)
                     : "r"(pair)
                     : "memory");
    printf("exclp fail: %llu %llx %llx\n", (unsigned long long)st, (unsigned long long)lo,
           (unsigned long long)hi);
}

static void test_acqrel(void)
{
    static u64 m[4] __attribute__((aligned(16)));
    u64 a, b, c, d, e, f;
    u64 v = 0x8899aabbccddeeffull;
    memset(m, 0, sizeof(m));
    __asm__ volatile("stlr %1, [%0]\n\t"
                     "add x9, %0, #8\n\t"
                     "stlr %w1, [x9]\n\t"
                     "add x9, %0, #12\n\t"
                     "stlrh %w1, [x9]\n\t"
                     "add x9, %0, #15\n\t"
                     "stlrb %w1, [x9]\n\t"
                     "add x9, %0, #16\n\t"
                     "stllr %1, [x9]\n\t"
                     "stlur %w1, [%0, #20]\n\t"
                     "stlurb %w1, [%0, #31]\n\t"
                     :
                     : "r"(m), "r"(v)
                     : "x9", "memory");
    printf("stlr: %llx %llx %llx %llx\n", (unsigned long long)m[0], (unsigned long long)m[1],
           (unsigned long long)m[2], (unsigned long long)m[3]);
    __asm__ volatile("ldar %0, [%6]\n\t"
                     "ldarb %w1, [%6]\n\t"
                     "add x9, %6, #8\n\t"
                     "ldarh %w2, [x9]\n\t"
                     "ldapr %w3, [x9]\n\t"
                     "ldlar %4, [x9]\n\t"
                     "ldaprb %w5, [x9]\n\t"
                     : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(d), "=&r"(e), "=&r"(f)
                     : "r"(m)
                     : "x9", "memory");
    printf("ldar: %llx %llx %llx %llx %llx %llx\n", (unsigned long long)a, (unsigned long long)b,
           (unsigned long long)c, (unsigned long long)d, (unsigned long long)e,
           (unsigned long long)f);
    __asm__ volatile("ldapur %0, [%6, #-8]\n\t"
                     "ldapursb %1, [%6, #0]\n\t"
                     "ldapursb %w2, [%6, #0]\n\t"
                     "ldapursh %3, [%6, #-2]\n\t"
                     "ldapursw %4, [%6, #-4]\n\t"
                     "ldapurh %w5, [%6, #-6]\n\t"
                     : "=&r"(a), "=&r"(b), "=&r"(c), "=&r"(d), "=&r"(e), "=&r"(f)
                     : "r"((char *)m + 16)
                     : "memory");
    printf("ldapur: %llx %llx %llx %llx %llx %llx\n", (unsigned long long)a, (unsigned long long)b,
           (unsigned long long)c, (unsigned long long)d, (unsigned long long)e,
           (unsigned long long)f);
}

static void test_cas(void)
{
    static u64 m[4] __attribute__((aligned(16)));
    m[0] = 0x1122334455667788ull;
    m[1] = 0x99aabbccddeeff00ull;
    u64 s1 = 0x1122334455667788ull, s2 = 0x5, s3 = 0xffffff88, s4 = 0x7788;
    __asm__ volatile("cas %0, %4, [%5]\n\t"
                     "casal %1, %4, [%5]\n\t"
                     "casb %w2, %w4, [%5]\n\t"
                     "caslh %w3, %w4, [%5]\n\t"
                     : "+r"(s1), "+r"(s2), "+r"(s3), "+r"(s4)
                     : "r"(0xabcdef0123456789ull), "r"(m)
                     : "memory");
    printf("cas: %llx %llx %llx %llx %llx\n", (unsigned long long)s1, (unsigned long long)s2,
           (unsigned long long)s3, (unsigned long long)s4, (unsigned long long)m[0]);
    u64 w = 0x12345678deadbeefull;
    u64 s5 = 0xaaaaaaaa01234567ull;
    __asm__ volatile("casa %w0, %w1, [%2]\n\t" : "+r"(s5) : "r"(w), "r"(m + 1) : "memory");
    printf("casw: %llx %llx\n", (unsigned long long)s5, (unsigned long long)m[1]);
    s5 = 0xddeeff00;
    __asm__ volatile("cas %w0, %w1, [%2]\n\t" : "+r"(s5) : "r"(w), "r"(m + 1) : "memory");
    printf("casw2: %llx %llx\n", (unsigned long long)s5, (unsigned long long)m[1]);
    /* CASP: X pairs (128-bit) and W pairs. */
    m[0] = 1;
    m[1] = 2;
    register u64 x0 __asm__("x0") = 1, x1 __asm__("x1") = 2;
    register u64 x2 __asm__("x2") = 0x3333, x3 __asm__("x3") = 0x4444;
    __asm__ volatile("caspal x0, x1, x2, x3, [%4]\n\t"
                     : "+r"(x0), "+r"(x1)
                     : "r"(x2), "r"(x3), "r"(m)
                     : "memory");
    printf("casp: %llx %llx %llx %llx\n", (unsigned long long)x0, (unsigned long long)x1,
           (unsigned long long)m[0], (unsigned long long)m[1]);
    x0 = 1;
    x1 = 2;
    __asm__ volatile("casp x0, x1, x2, x3, [%4]\n\t"
                     : "+r"(x0), "+r"(x1)
                     : "r"(x2), "r"(x3), "r"(m)
                     : "memory");
    printf("casp fail: %llx %llx %llx %llx\n", (unsigned long long)x0, (unsigned long long)x1,
           (unsigned long long)m[0], (unsigned long long)m[1]);
    register u64 x4 __asm__("x4") = 0x3333, x5 __asm__("x5") = 0x4444;
    register u64 x6 __asm__("x6") = 0xfffffffff0f0f0f0ull, x7 __asm__("x7") = 0x77;
    __asm__ volatile("caspl w4, w5, w6, w7, [%4]\n\t"
                     : "+r"(x4), "+r"(x5)
                     : "r"(x6), "r"(x7), "r"(m)
                     : "memory");
    printf("caspw: %llx %llx %llx %llx\n", (unsigned long long)x4, (unsigned long long)x5,
           (unsigned long long)m[0], (unsigned long long)m[1]);
}

#define ATOMIC_OP(op, suffix, reg, val, init)                                                      \
    do {                                                                                           \
        mem = (init);                                                                              \
        u64 r, v = (val);                                                                          \
        __asm__ volatile(op suffix " %" reg "1, %" reg "0, [%2]\n\t"                               \
                         : "=&r"(r)                                                                \
                         : "r"(v), "r"(&mem)                                                       \
                         : "memory");                                                              \
        printf(" %s%s:%llx/%llx", op, suffix, (unsigned long long)r, (unsigned long long)mem);     \
    } while (0)

#define ATOMIC_ALL(op)                                                                             \
    do {                                                                                           \
        printf("%s", op);                                                                          \
        ATOMIC_OP(op, "", "", 0x8000000000000001ull, 0x7fffffff00000003ull);                       \
        ATOMIC_OP(op, "a", "w", 0xfffffff0f1234567ull, 0x7fffffff80000003ull);                     \
        ATOMIC_OP(op, "lh", "w", 0x1234ffffff8001ull, 0x5555555555557fffull);                      \
        ATOMIC_OP(op, "alb", "w", 0xffffffffffffff81ull, 0xaaaaaaaaaaaaaa7full);                   \
        ATOMIC_OP(op, "b", "w", 0x02ull, 0x11111111111111feull);                                   \
        printf("\n");                                                                              \
    } while (0)

static void test_lse(void)
{
    static u64 mem;
    ATOMIC_ALL("ldadd");
    ATOMIC_ALL("ldclr");
    ATOMIC_ALL("ldeor");
    ATOMIC_ALL("ldset");
    ATOMIC_ALL("ldsmax");
    ATOMIC_ALL("ldsmin");
    ATOMIC_ALL("ldumax");
    ATOMIC_ALL("ldumin");
    ATOMIC_ALL("swp");
    mem = 10;
    __asm__ volatile("stadd %0, [%1]\n\t"
                     "stclrl %0, [%1]\n\t"
                     "steorb %w0, [%1]\n\t"
                     "stsmaxh %w0, [%1]\n\t"
                     :
                     : "r"((u64)0x1234), "r"(&mem)
                     : "memory");
    printf("st-alias: %llx\n", (unsigned long long)mem);
}

int main(void)
{
    test_imm();
    test_regoff();
    test_pairs();
    test_literal();
    test_simd();
    test_exclusive();
    test_acqrel();
    test_cas();
    test_lse();
    return 0;
}
