/*
 * Guest test of System V IPC: a shared memory segment attached twice and
 * across fork (shmat/shmdt/shmctl), a semaphore set (semop, semctl with
 * SETALL/GETALL/GETVAL/IPC_STAT, a timed wait that times out), and a
 * message queue (typed messages, IPC_NOWAIT, msgctl IPC_STAT).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

static void check(const char *what, int ok)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
}

static void test_shm(void)
{
    int id = shmget(IPC_PRIVATE, 10000, IPC_CREAT | 0600);
    check("shmget", id >= 0);
    char *p = shmat(id, NULL, 0), *q = shmat(id, NULL, SHM_RDONLY);
    check("shmat twice", p != (void *)-1 && q != (void *)-1 && p != q);
    strcpy(p, "shared");
    p[9999] = 'z';
    check("same memory", !strcmp(q, "shared") && q[9999] == 'z');
    struct shmid_ds ds;
    check("IPC_STAT", shmctl(id, IPC_STAT, &ds) == 0 && ds.shm_segsz == 10000 &&
                          ds.shm_nattch == 2 && (ds.shm_perm.mode & 0777) == 0600);
    pid_t pid = fork();
    if (pid == 0) {
        strcpy(p, "from child");
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    check("child wrote", !strcmp(q, "from child"));
    check("shmdt", shmdt(q) == 0 && shmdt(p) == 0);
    check("shmdt again fails", shmdt(p) < 0 && errno == EINVAL);
    char *r = shmat(id, NULL, 0);
    check("reattach keeps data", r != (void *)-1 && !strcmp(r, "from child"));
    shmdt(r);
    check("IPC_RMID", shmctl(id, IPC_RMID, NULL) == 0);
    check("gone", shmat(id, NULL, 0) == (void *)-1 && (errno == EINVAL || errno == EIDRM));
}

static void test_sem(void)
{
    int id = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
    check("semget", id >= 0);
    unsigned short init[3] = {1, 0, 5}, back[3] = {0, 0, 0};
    union semun arg = {.array = init};
    check("SETALL", semctl(id, 0, SETALL, arg) == 0);
    arg.array = back;
    check("GETALL", semctl(id, 0, GETALL, arg) == 0 && back[0] == 1 && back[2] == 5);
    struct sembuf ops[2] = {{0, -1, 0}, {2, -2, 0}};
    check("semop", semop(id, ops, 2) == 0);
    check("GETVAL", semctl(id, 0, GETVAL) == 0 && semctl(id, 2, GETVAL) == 3);
    struct sembuf wait0 = {0, -1, 0};
    struct timespec ts = {0, 20000000};
    check("semtimedop times out", semtimedop(id, &wait0, 1, &ts) < 0 && errno == EAGAIN);
    struct sembuf nowait = {1, -1, IPC_NOWAIT};
    check("IPC_NOWAIT", semop(id, &nowait, 1) < 0 && errno == EAGAIN);
    pid_t pid = fork();
    if (pid == 0) {
        struct sembuf post = {1, 1, 0};
        usleep(20000);
        semop(id, &post, 1);
        _exit(0);
    }
    struct sembuf take = {1, -1, 0};
    check("wait for child's post", semop(id, &take, 1) == 0);
    waitpid(pid, NULL, 0);
    struct semid_ds ds;
    arg.buf = &ds;
    check("IPC_STAT", semctl(id, 0, IPC_STAT, arg) == 0 && ds.sem_nsems == 3 &&
                          (ds.sem_perm.mode & 0777) == 0600 && ds.sem_otime != 0);
    ds.sem_perm.mode = 0640;
    check("IPC_SET", semctl(id, 0, IPC_SET, arg) == 0);
    semctl(id, 0, IPC_STAT, arg);
    check("mode changed", (ds.sem_perm.mode & 0777) == 0640);
    arg.val = 7;
    check("SETVAL", semctl(id, 1, SETVAL, arg) == 0 && semctl(id, 1, GETVAL) == 7);
    check("GETPID", semctl(id, 1, GETPID) == getpid());
    check("IPC_RMID", semctl(id, 0, IPC_RMID) == 0);
}

struct msg {
    long type;
    char text[32];
};

static void test_msg(void)
{
    int id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    check("msgget", id >= 0);
    struct msg m1 = {1, "first"}, m2 = {2, "second"}, m3 = {1, "third"}, in;
    check("msgsnd", msgsnd(id, &m1, 6, 0) == 0 && msgsnd(id, &m2, 7, 0) == 0 &&
                        msgsnd(id, &m3, 6, 0) == 0);
    struct msqid_ds ds;
    check("IPC_STAT", msgctl(id, IPC_STAT, &ds) == 0 && ds.msg_qnum == 3 && ds.msg_cbytes == 19);
    check("msgrcv type 2", msgrcv(id, &in, sizeof(in.text), 2, 0) == 7 && !strcmp(in.text, "second"));
    check("msgrcv any", msgrcv(id, &in, sizeof(in.text), 0, 0) == 6 && !strcmp(in.text, "first"));
    check("msgrcv E2BIG", msgrcv(id, &in, 2, 0, 0) < 0 && errno == E2BIG);
    check("msgrcv last", msgrcv(id, &in, sizeof(in.text), 1, 0) == 6 && !strcmp(in.text, "third"));
    check("empty nowait", msgrcv(id, &in, sizeof(in.text), 0, IPC_NOWAIT) < 0 && errno == ENOMSG);
    check("IPC_RMID", msgctl(id, IPC_RMID, NULL) == 0);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    test_shm();
    test_sem();
    test_msg();
    return 0;
}
