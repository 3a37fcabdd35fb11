// cflags: -pthread
/* fork while another thread keeps translating fresh code (it writes new instructions into an
 * executable buffer and runs them): the child must not inherit a lock that thread held (the
 * translator's, the memory map's), and runs generated code itself before it exits. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define NFORKS 60

static uint32_t *code;
static volatile int stop;

/* Writes `mov w0, #imm; ret` at slot and runs it. */
static unsigned run_fresh(uint32_t *slot, unsigned imm)
{
    slot[0] = 0x52800000u | ((imm & 0xffffu) << 5); /* movz w0, #imm */
    slot[1] = 0xd65f03c0u;                          /* ret */
    __builtin___clear_cache((char *)slot, (char *)(slot + 2));
    return ((unsigned (*)(void))slot)();
}

static void *translator_thread(void *arg)
{
    unsigned long sum = 0, i = 0;
    while (!stop) {
        sum += run_fresh(code + 2 * (i % 512), (unsigned)i);
        i++;
    }
    return (void *)(uintptr_t)(sum != 0);
}

int main(void)
{
    code = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1,
                0);
    pthread_t th;
    pthread_create(&th, NULL, translator_thread, NULL);
    int good = 0;
    for (int n = 0; n < NFORKS; n++) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0)
            _exit(run_fresh(code + 1024 + 2 * (n % 64), 40 + n) == 40u + n ? 0 : 1);
        int st = -1;
        waitpid(pid, &st, 0);
        good += WIFEXITED(st) && WEXITSTATUS(st) == 0;
    }
    stop = 1;
    void *r;
    pthread_join(th, &r);
    printf("%d of %d children ran fresh code; the thread ran %s\n", good, NFORKS,
           r ? "fresh code" : "nothing");
    return 0;
}
