/* A mix of ordinary integer C: recursion, jump tables, function pointers,
 * varargs, setjmp/longjmp, malloc/realloc, qsort/bsearch on strings,
 * strtol, bit tricks and a CRC-32 table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long ackermann(unsigned long m, unsigned long n)
{
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ackermann(m - 1, 1);
    return ackermann(m - 1, ackermann(m, n - 1));
}

static int hanoi(int n, int from, int to, int via)
{
    if (n == 0)
        return 0;
    return hanoi(n - 1, from, via, to) + 1 + hanoi(n - 1, via, to, from);
}

static const char *classify(int x)
{
    switch (x % 9) {
    case 0:
        return "zero";
    case 1:
        return "one";
    case 2:
        return "two";
    case 3:
        return "three";
    case 4:
        return "four";
    case 5:
        return "five";
    case 6:
        return "six";
    case 7:
        return "seven";
    default:
        return "many";
    }
}

static long sum_va(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    long s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, long) * (i + 1);
    va_end(ap);
    return s;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static uint32_t crc_table[256];

static uint32_t crc32_sw(const unsigned char *p, size_t n)
{
    uint32_t c = ~0u;
    while (n--)
        c = crc_table[(c ^ *p++) & 0xff] ^ (c >> 8);
    return ~c;
}

static jmp_buf jb;

static void deep(int n)
{
    if (n == 0)
        longjmp(jb, 42);
    deep(n - 1);
}

typedef int (*binop)(int, int);
static int op_add(int a, int b)
{
    return a + b;
}
static int op_sub(int a, int b)
{
    return a - b;
}
static int op_mul(int a, int b)
{
    return a * b;
}
static int op_shl(int a, int b)
{
    return a << (b & 31);
}

int main(void)
{
    printf("ackermann(2,3)=%lu ackermann(3,5)=%lu\n", ackermann(2, 3), ackermann(3, 5));
    printf("hanoi(16)=%d\n", hanoi(16, 1, 3, 2));
    for (int i = 0; i < 12; i++)
        printf("%s%c", classify(i * 7), i == 11 ? '\n' : ' ');
    printf("sum_va=%ld\n", sum_va(6, 1L, -2L, 3L, 1L << 40, -5L, 6L));
    const char *words[] = {"pear", "apple", "fig",   "banana",    "cherry", "date",
                           "kiwi", "lemon", "mango", "nectarine", "orange", "grape"};
    size_t nw = sizeof(words) / sizeof(words[0]);
    qsort(words, nw, sizeof(words[0]), cmp_str);
    for (size_t i = 0; i < nw; i++)
        printf("%s%c", words[i], i + 1 == nw ? '\n' : ',');
    const char *key = "kiwi";
    const char **hit = bsearch(&key, words, nw, sizeof(words[0]), cmp_str);
    printf("bsearch kiwi -> %td\n", hit ? hit - words : (ptrdiff_t)-1);
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        crc_table[i] = c;
    }
    const char *text = "The quick brown fox jumps over the lazy dog";
    printf("crc32=%08x\n", crc32_sw((const unsigned char *)text, strlen(text)));
    int r = setjmp(jb);
    if (r == 0)
        deep(50);
    printf("longjmp returned %d\n", r);
    binop ops[] = {op_add, op_sub, op_mul, op_shl};
    int acc = 3;
    for (int i = 0; i < 40; i++)
        acc = ops[i & 3](acc, i + 1) ^ (acc >> 3);
    printf("binops=%d\n", acc);
    size_t cap = 1;
    long *arr = malloc(cap * sizeof(*arr));
    for (size_t i = 0; i < 5000; i++) {
        if (i == cap) {
            cap *= 2;
            arr = realloc(arr, cap * sizeof(*arr));
        }
        arr[i] = (long)(i * i) - 12345;
    }
    long s = 0;
    for (size_t i = 0; i < 5000; i++)
        s += arr[i] % 977;
    free(arr);
    printf("realloc sum=%ld cap=%zu\n", s, cap);
    const char *nums[] = {"12345", "-0x1f", "0777", "9223372036854775807", "  +42abc", "zz"};
    for (int i = 0; i < 6; i++) {
        char *end;
        long v = strtol(nums[i], &end, 0);
        printf("strtol(%s)=%ld rest=\"%s\"\n", nums[i], v, end);
    }
    uint64_t x = 0x0123456789abcdefull;
    printf("bits: pop=%d clz=%d ctz=%d rot=%016llx bswap=%016llx parity=%d\n",
           __builtin_popcountll(x), __builtin_clzll(x >> 3), __builtin_ctzll(x << 9),
           (unsigned long long)((x << 13) | (x >> 51)), (unsigned long long)__builtin_bswap64(x),
           __builtin_parityll(x));
    int16_t h = -12345;
    uint8_t b = 250;
    int8_t sb = -100;
    printf("narrow: %d %u %d %d %u\n", h >> 3, (uint8_t)(b + 10), sb * 2, (int8_t)(sb - 100),
           (uint16_t)h);
    return 0;
}
