/*
 * Guest test of sockets: AF_UNIX socketpair (stream and datagram), a named
 * AF_UNIX listener, SCM_RIGHTS fd passing and SCM_CREDENTIALS, AF_INET
 * TCP and UDP over loopback, sendmmsg/recvmmsg, shutdown, socket options,
 * and poll/epoll readiness.  Prints deterministic facts only.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static void check(const char *what, int ok)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
}

static void test_pair(void)
{
    int sv[2];
    char buf[32] = {0};
    check("socketpair stream", socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
    check("send", send(sv[0], "hello", 5, 0) == 5);
    check("recv", recv(sv[1], buf, sizeof(buf), 0) == 5 && !memcmp(buf, "hello", 5));
    check("shutdown wr", shutdown(sv[0], SHUT_WR) == 0);
    check("recv eof", recv(sv[1], buf, sizeof(buf), 0) == 0);
    close(sv[0]);
    close(sv[1]);
    check("socketpair dgram", socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) == 0);
    send(sv[0], "a", 1, 0);
    send(sv[0], "bc", 2, 0);
    int n1 = (int)recv(sv[1], buf, sizeof(buf), 0), n2 = (int)recv(sv[1], buf, sizeof(buf), 0);
    check("dgram boundaries", n1 == 1 && n2 == 2);
    close(sv[0]);
    close(sv[1]);
}

static void test_rights(void)
{
    int sv[2], p[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    pipe(p);
    write(p[1], "through", 7);
    char data = 'x';
    struct iovec iov = {&data, 1};
    union {
        char buf[CMSG_SPACE(2 * sizeof(int))];
        struct cmsghdr align;
    } u;
    memset(&u, 0, sizeof(u));
    struct msghdr m = {0};
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    m.msg_control = u.buf;
    m.msg_controllen = CMSG_SPACE(2 * sizeof(int));
    struct cmsghdr *cm = CMSG_FIRSTHDR(&m);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(2 * sizeof(int));
    int fds[2] = {p[0], p[1]};
    memcpy(CMSG_DATA(cm), fds, sizeof(fds));
    check("sendmsg rights", sendmsg(sv[0], &m, 0) == 1);
    close(p[0]);
    close(p[1]);
    memset(&u, 0, sizeof(u));
    data = 0;
    m.msg_controllen = sizeof(u.buf);
    check("recvmsg rights", recvmsg(sv[1], &m, MSG_CMSG_CLOEXEC) == 1 && data == 'x');
    cm = CMSG_FIRSTHDR(&m);
    int ok = cm && cm->cmsg_type == SCM_RIGHTS && cm->cmsg_len == CMSG_LEN(2 * sizeof(int));
    check("cmsg", ok);
    if (ok) {
        memcpy(fds, CMSG_DATA(cm), sizeof(fds));
        char buf[16] = {0};
        check("passed fd reads", read(fds[0], buf, sizeof(buf)) == 7 && !strcmp(buf, "through"));
        check("passed fd cloexec", fcntl(fds[0], F_GETFD) == FD_CLOEXEC);
        close(fds[0]);
        close(fds[1]);
    }
    /* SCM_CREDENTIALS: the sender's pid. */
    int on = 1;
    setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof(on));
    send(sv[0], "c", 1, 0);
    union {
        char buf[CMSG_SPACE(sizeof(struct ucred))];
        struct cmsghdr align;
    } cu;
    m.msg_control = cu.buf;
    m.msg_controllen = sizeof(cu.buf);
    recvmsg(sv[1], &m, 0);
    cm = CMSG_FIRSTHDR(&m);
    struct ucred cred = {0};
    if (cm && cm->cmsg_type == SCM_CREDENTIALS)
        memcpy(&cred, CMSG_DATA(cm), sizeof(cred));
    check("scm credentials pid", cred.pid == getpid() && cred.uid == getuid());
    close(sv[0]);
    close(sv[1]);
}

static void test_named(void)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    snprintf(sa.sun_path, sizeof(sa.sun_path), "/tmp/ferry-sock-%d", (int)getpid());
    unlink(sa.sun_path);
    int l = socket(AF_UNIX, SOCK_STREAM, 0);
    check("bind unix", bind(l, (struct sockaddr *)&sa, sizeof(sa)) == 0);
    check("listen", listen(l, 4) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        int c = socket(AF_UNIX, SOCK_STREAM, 0);
        if (connect(c, (struct sockaddr *)&sa, sizeof(sa)) < 0)
            _exit(1);
        write(c, "from child", 10);
        close(c);
        _exit(0);
    }
    struct sockaddr_un peer;
    socklen_t len = sizeof(peer);
    int a = accept4(l, (struct sockaddr *)&peer, &len, SOCK_CLOEXEC);
    char buf[32] = {0};
    int n = 0, r;
    while ((r = (int)read(a, buf + n, sizeof(buf) - 1 - n)) > 0)
        n += r;
    int st;
    waitpid(pid, &st, 0);
    check("accept and read", a >= 0 && !strcmp(buf, "from child") && st == 0);
    struct sockaddr_un me;
    len = sizeof(me);
    getsockname(l, (struct sockaddr *)&me, &len);
    check("getsockname unix", !strcmp(me.sun_path, sa.sun_path));
    close(a);
    close(l);
    unlink(sa.sun_path);
}

static void test_inet(void)
{
    int l = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    check("bind inet", bind(l, (struct sockaddr *)&sa, sizeof(sa)) == 0);
    socklen_t len = sizeof(sa);
    getsockname(l, (struct sockaddr *)&sa, &len);
    listen(l, 1);
    int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int r = connect(c, (struct sockaddr *)&sa, sizeof(sa));
    check("connect nonblocking", r == 0 || errno == EINPROGRESS);
    struct pollfd pf = {c, POLLOUT, 0};
    check("poll connected", poll(&pf, 1, 5000) == 1 && (pf.revents & POLLOUT));
    int a = accept(l, NULL, NULL);
    int v = 0;
    len = sizeof(v);
    setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    getsockopt(c, IPPROTO_TCP, TCP_NODELAY, &v, &len);
    check("tcp nodelay", v != 0 && len == sizeof(int));
    send(c, "tcp data", 8, 0);
    int ep = epoll_create1(EPOLL_CLOEXEC);
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 0x1122334455667788ull}, out[2];
    epoll_ctl(ep, EPOLL_CTL_ADD, a, &ev);
    int n = epoll_wait(ep, out, 2, 5000);
    check("epoll data", n == 1 && out[0].data.u64 == 0x1122334455667788ull);
    char buf[16] = {0};
    check("tcp recv", recv(a, buf, sizeof(buf), 0) == 8 && !strcmp(buf, "tcp data"));
    struct sockaddr_in peer;
    len = sizeof(peer);
    getpeername(a, (struct sockaddr *)&peer, &len);
    check("getpeername", peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK) && len == sizeof(peer));
    close(ep);
    close(a);
    close(c);
    close(l);
}

static void test_udp_mmsg(void)
{
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    bind(u, (struct sockaddr *)&sa, sizeof(sa));
    socklen_t len = sizeof(sa);
    getsockname(u, (struct sockaddr *)&sa, &len);
    check("sendto", sendto(u, "one", 3, 0, (struct sockaddr *)&sa, sizeof(sa)) == 3);
    char buf[8] = {0};
    struct sockaddr_in from;
    len = sizeof(from);
    check("recvfrom", recvfrom(u, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len) == 3 &&
                          from.sin_port == sa.sin_port);
    connect(u, (struct sockaddr *)&sa, sizeof(sa));
    struct mmsghdr mm[3];
    struct iovec iov[3];
    char *msgs[3] = {"a", "bb", "ccc"};
    memset(mm, 0, sizeof(mm));
    for (int i = 0; i < 3; i++) {
        iov[i].iov_base = msgs[i];
        iov[i].iov_len = strlen(msgs[i]);
        mm[i].msg_hdr.msg_iov = &iov[i];
        mm[i].msg_hdr.msg_iovlen = 1;
    }
    check("sendmmsg", sendmmsg(u, mm, 3, 0) == 3 && mm[2].msg_len == 3);
    char rb[3][8];
    memset(mm, 0, sizeof(mm));
    for (int i = 0; i < 3; i++) {
        iov[i].iov_base = rb[i];
        iov[i].iov_len = sizeof(rb[i]);
        mm[i].msg_hdr.msg_iov = &iov[i];
        mm[i].msg_hdr.msg_iovlen = 1;
    }
    int n = recvmmsg(u, mm, 3, MSG_WAITFORONE, NULL);
    check("recvmmsg", n == 3 && mm[0].msg_len == 1 && mm[1].msg_len == 2 && mm[2].msg_len == 3);
    close(u);
}

int main(void)
{
    test_pair();
    test_rights();
    test_named();
    test_inet();
    test_udp_mmsg();
    return 0;
}
