/* shmat at a given address: a range already mapped is EINVAL unless SHM_REMAP asks to replace
 * it; a free range is taken as is; SHM_RND rounds an unaligned address down. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <unistd.h>

static void check(const char *what, int ok)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAILED");
}

int main(void)
{
    long pg = sysconf(_SC_PAGESIZE);
    int id = shmget(IPC_PRIVATE, 2 * pg, IPC_CREAT | 0600);
    check("shmget", id >= 0);
    char *p = shmat(id, NULL, 0);
    check("shmat anywhere", p != (void *)-1);
    strcpy(p, "shared words");

    char *q = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    q[0] = 'x';
    errno = 0;
    check("over a mapping without SHM_REMAP: EINVAL",
          shmat(id, q, 0) == (void *)-1 && errno == EINVAL);
    check("the mapping is intact", q[0] == 'x');
    char *r = shmat(id, q, SHM_REMAP);
    check("over a mapping with SHM_REMAP", r == q && strcmp(r, "shared words") == 0);
    check("the rest of the mapping stays", (q[2 * pg] = 'y') == 'y');

    /* A free range (unmapped just before) is taken without SHM_REMAP. */
    munmap(q + 2 * pg, 2 * pg);
    char *s = shmat(id, q + 2 * pg + 5, SHM_RND);
    check("free range, SHM_RND", s == q + 2 * pg && strcmp(s, "shared words") == 0);
    errno = 0;
    check("unaligned without SHM_RND: EINVAL",
          shmat(id, q + 5, 0) == (void *)-1 && errno == EINVAL);
    p[0] = 'S';
    check("one segment, three views", q[0] == 'S' && s[0] == 'S');
    check("shmdt", shmdt(p) == 0 && shmdt(r) == 0 && shmdt(s) == 0);
    check("IPC_RMID", shmctl(id, IPC_RMID, NULL) == 0);
    return 0;
}
