// cflags: -pthread
/* recvmmsg's timeout, as Linux applies it: checked after each datagram, so a batch of 16 ends
 * early once the timeout has passed while another thread sends one datagram every 40 ms; the
 * time left written back is then zero.  Without a timeout all 16 arrive; MSG_WAITFORONE
 * returns what is queued.
 * The expected output is this program built natively for the host and run there: Debian's
 * qemu-aarch64 returns 0 from the first, timed recvmmsg (Linux returns the datagrams received:
 * the call blocks for the first one, net/socket.c do_recvmmsg), then blocks for ever. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define N 16
static int sv[2];

static void *sender(void *arg)
{
    for (int i = 0; i < N; i++) {
        usleep(40000);
        (void)!send(sv[1], &i, sizeof(i), 0);
    }
    return NULL;
}

static int batch(struct timespec *t, int flags)
{
    static int bufs[N];
    struct iovec iov[N];
    struct mmsghdr m[N];
    memset(m, 0, sizeof(m));
    for (int i = 0; i < N; i++) {
        iov[i].iov_base = &bufs[i];
        iov[i].iov_len = sizeof(bufs[i]);
        m[i].msg_hdr.msg_iov = &iov[i];
        m[i].msg_hdr.msg_iovlen = 1;
    }
    return recvmmsg(sv[0], m, N, flags, t);
}

int main(void)
{
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    pthread_t th;
    pthread_create(&th, NULL, sender, NULL);
    struct timespec t = {0, 100 * 1000 * 1000};
    int n = batch(&t, 0);
    printf("with a 100 ms timeout: %s of %d; time left %ld.%09ld\n",
           n >= 1 && n < N / 2 ? "fewer than half" : "too many", N, (long)t.tv_sec, t.tv_nsec);
    pthread_join(th, NULL);
    int rest = batch(NULL, MSG_WAITFORONE);
    printf("the rest with MSG_WAITFORONE: %d\n", n + rest);
    for (int i = 0; i < N; i++)
        (void)!send(sv[1], &i, sizeof(i), 0);
    printf("without a timeout: %d\n", batch(NULL, 0));
    struct timespec bad = {0, 1000000000};
    printf("bad timeout: %d\n", batch(&bad, 0));
    return 0;
}
