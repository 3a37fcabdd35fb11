/* ferry's demo: a small integer workload whose output is easy to check. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned fib(unsigned n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static int cmp_desc(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x < y) - (x > y);
}

int main(void)
{
    enum { N = 100000 };
    static char sieve[N + 1];
    int primes = 0;
    for (int i = 2; i <= N; i++) {
        if (sieve[i])
            continue;
        primes++;
        for (int j = 2 * i; j <= N; j += i)
            sieve[j] = 1;
    }
    printf("hello from an aarch64 guest\n");
    printf("primes below %d: %d\n", N, primes);
    printf("fib(25) = %u\n", fib(25));
    const char *msg = "ferry runs foreign binaries";
    printf("fnv1a(\"%s\") = %016llx\n", msg, (unsigned long long)fnv1a(msg, strlen(msg)));
    int v[16];
    uint32_t x = 12345;
    for (int i = 0; i < 16; i++) {
        x = x * 1103515245u + 12345u;
        v[i] = (int)(x >> 16) % 1000 - 500;
    }
    qsort(v, 16, sizeof(v[0]), cmp_desc);
    printf("sorted:");
    for (int i = 0; i < 16; i++)
        printf(" %d", v[i]);
    printf("\n");
    return 0;
}
