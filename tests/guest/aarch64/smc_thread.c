// cflags: -pthread
/* Self-modifying code across threads: a worker calls generated code (a
 * loop chained to itself, and a plain function) many times per round; the
 * main thread patches it between rounds (barriers order the writes), so the
 * worker's translations, jump cache and chains must be dropped. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>

typedef long (*fn_t)(long);

#define RET 0xd65f03c0u
#define ROUNDS 20

static uint32_t *code;
static pthread_barrier_t bar;
static long results[ROUNDS];

static uint32_t movz_x0(unsigned imm)
{
    return 0xd2800000u | (imm & 0xffff) << 5;
}

static void *worker(void *arg)
{
    (void)arg;
    for (int r = 0; r < ROUNDS; r++) {
        pthread_barrier_wait(&bar); /* code for round r written */
        long s = 0;
        for (int i = 0; i < 200; i++)
            s += ((fn_t)code)(0) + ((fn_t)(code + 16))(0);
        results[r] = s;
        pthread_barrier_wait(&bar); /* round r done */
    }
    return NULL;
}

int main(void)
{
    code = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED)
        return 1;
    pthread_barrier_init(&bar, NULL, 2);
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    /* code[0..]: x0 = 0; x1 = N; loop: add x0, x0, #K; subs x1, x1, #1; b.ne loop; ret */
    code[0] = movz_x0(0);
    code[3] = 0xf1000421u; /* subs x1, x1, #1 */
    code[4] = 0x54ffffc1u; /* b.ne -8 */
    code[5] = RET;
    code[17] = RET;
    for (int r = 0; r < ROUNDS; r++) {
        code[1] = 0xd2800001u | (unsigned)(r + 1) << 5;      /* mov x1, #(r+1) */
        code[2] = 0x91000000u | (unsigned)(r % 5 + 1) << 10; /* add x0, x0, #(r%5+1) */
        code[16] = movz_x0((unsigned)r * 1000);
        __builtin___clear_cache((char *)code, (char *)(code + 18));
        pthread_barrier_wait(&bar);
        pthread_barrier_wait(&bar);
    }
    pthread_join(t, NULL);
    for (int r = 0; r < ROUNDS; r++)
        printf("round %d: %ld\n", r, results[r]);
    return 0;
}
