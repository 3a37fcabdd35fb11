// cflags: -pthread
/* Guest threads running much distinct code at once: with the 64 KiB code buffer of the test
 * runner, the translation cache is flushed again and again while the other threads run. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define NTHREADS 4

/* 256 distinct functions, each a few dozen instructions with its own constants. */
#define F(n)                                                                                       \
    static __attribute__((noinline)) uint64_t f##n(uint64_t x)                                     \
    {                                                                                              \
        for (int i = 0; i < 3; i++) {                                                              \
            x = x * (0x9e3779b97f4a7c15ull + n) + (n * 77 + 1);                                    \
            x ^= x >> (n % 29 + 3);                                                                \
            if (x & (1ull << (n % 61)))                                                            \
                x += n * 0x1234567ull;                                                             \
            else                                                                                   \
                x -= (x << 7) | n;                                                                 \
        }                                                                                          \
        return x;                                                                                  \
    }
#define F4(n) F(n##0) F(n##1) F(n##2) F(n##3)
#define F16(n) F4(n##0) F4(n##1) F4(n##2) F4(n##3)
#define F64(n) F16(n##0) F16(n##1) F16(n##2) F16(n##3)
F64(1)
F64(2)
F64(3)
F64(4)

#define P(n) f##n,
#define P4(n) P(n##0) P(n##1) P(n##2) P(n##3)
#define P16(n) P4(n##0) P4(n##1) P4(n##2) P4(n##3)
#define P64(n) P16(n##0) P16(n##1) P16(n##2) P16(n##3)
static uint64_t (*const funcs[])(uint64_t) = {P64(1) P64(2) P64(3) P64(4)};
#define NFUNCS (sizeof(funcs) / sizeof(funcs[0]))

static uint64_t results[NTHREADS];

static void *worker(void *arg)
{
    uint64_t id = (uintptr_t)arg, x = id + 1;
    for (int round = 0; round < 40; round++)
        for (uint64_t i = 0; i < NFUNCS; i++)
            x = funcs[(i * (2 * id + 1) + round) % NFUNCS](x);
    results[id] = x;
    return NULL;
}

int main(void)
{
    pthread_t th[NTHREADS];
    for (uintptr_t i = 0; i < NTHREADS; i++)
        pthread_create(&th[i], NULL, worker, (void *)i);
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(th[i], NULL);
    for (int i = 0; i < NTHREADS; i++)
        printf("thread %d: %016llx\n", i, (unsigned long long)results[i]);
    return 0;
}
