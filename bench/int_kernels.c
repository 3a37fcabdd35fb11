/* Integer benchmark kernels for `make bench`: each prints a checksum so the
 * three runs (ferry, qemu-user, native) can be checked for agreement. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t k_sieve(void)
{
    enum { N = 4000000 };
    static uint8_t s[N + 1];
    uint64_t count = 0;
    for (int rep = 0; rep < 6; rep++) {
        memset(s, 0, sizeof(s));
        count = 0;
        for (int i = 2; i <= N; i++) {
            if (s[i])
                continue;
            count++;
            for (int j = 2 * i; j <= N; j += i)
                s[j] = 1;
        }
    }
    return count;
}

static uint64_t k_hash(void)
{
    enum { N = 1 << 20 };
    static uint8_t buf[N];
    uint32_t x = 1;
    for (int i = 0; i < N; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        buf[i] = (uint8_t)x;
    }
    uint64_t h = 0xcbf29ce484222325ull;
    for (int rep = 0; rep < 40; rep++)
        for (int i = 0; i < N; i++)
            h = (h ^ buf[i]) * 0x100000001b3ull;
    return h;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static uint64_t k_sort(void)
{
    enum { N = 1 << 20 };
    uint32_t *v = malloc(N * sizeof(*v));
    uint64_t sum = 0;
    uint32_t x = 7;
    for (int rep = 0; rep < 3; rep++) {
        for (int i = 0; i < N; i++) {
            x = x * 1664525u + 1013904223u;
            v[i] = x;
        }
        qsort(v, N, sizeof(*v), cmp_u32);
        for (int i = 0; i < N; i += 4096)
            sum = sum * 31 + v[i];
    }
    free(v);
    return sum;
}

static uint64_t k_matmul(void)
{
    enum { N = 160 };
    static int64_t a[N][N], b[N][N], c[N][N];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (i * 7 + j * 3) % 17 - 8;
            b[i][j] = (i * 5 + j * 11) % 13 - 6;
        }
    for (int rep = 0; rep < 3; rep++)
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                int64_t s = 0;
                for (int k = 0; k < N; k++)
                    s += a[i][k] * b[k][j];
                c[i][j] = s + rep;
            }
    uint64_t h = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            h = h * 131 + (uint64_t)c[i][j];
    return h;
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        uint64_t (*fn)(void);
    } k[] = {{"sieve", k_sieve}, {"hash", k_hash}, {"sort", k_sort}, {"matmul", k_matmul}};
    for (size_t i = 0; i < sizeof(k) / sizeof(k[0]); i++)
        if (argc < 2 || strcmp(argv[1], k[i].name) == 0)
            printf("%s %016llx\n", k[i].name, (unsigned long long)k[i].fn());
    return 0;
}
