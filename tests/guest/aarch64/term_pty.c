/*
 * Guest test of terminals through a pseudo-terminal: posix_openpt,
 * grantpt/unlockpt/ptsname (TIOCGPTN, TIOCSPTLCK), termios get/set (raw
 * and canonical modes, echo), window size, FIONREAD, TIOCOUTQ, tcflush,
 * a child that makes the pty its controlling terminal (setsid, TIOCSCTTY)
 * and its foreground process group (tcsetpgrp / tcgetpgrp, TIOCGSID).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static void check(const char *what, int ok)
{
    printf("%s: %s\n", what, ok ? "ok" : "FAIL");
}

/* Reads what is there within a short time (non-blocking reads). */
static int read_some(int fd, char *buf, int max)
{
    int n = 0, fl = fcntl(fd, F_GETFL);
    fcntl(fd, F_SETFL, fl | O_NONBLOCK);
    for (int tries = 0; tries < 50 && n < max; tries++) {
        int r = (int)read(fd, buf + n, max - n);
        if (r > 0)
            n += r;
        else if (n)
            break;
        else
            usleep(10000);
    }
    fcntl(fd, F_SETFL, fl);
    return n;
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    check("posix_openpt", m >= 0);
    check("grantpt", grantpt(m) == 0);
    check("unlockpt", unlockpt(m) == 0);
    const char *name = ptsname(m);
    check("ptsname", name && !strncmp(name, "/dev/pts/", 9));
    int s = open(name, O_RDWR | O_NOCTTY);
    check("open slave", s >= 0);
    check("isatty", isatty(s) && !isatty(1 + 100));
    char tn[64];
    check("ttyname_r", ttyname_r(s, tn, sizeof(tn)) == 0 && !strcmp(tn, name));

    struct termios t;
    check("tcgetattr", tcgetattr(s, &t) == 0);
    check("default canonical echo", (t.c_lflag & ICANON) && (t.c_lflag & ECHO));
    struct winsize ws = {.ws_row = 33, .ws_col = 101};
    check("TIOCSWINSZ", ioctl(s, TIOCSWINSZ, &ws) == 0);
    memset(&ws, 0, sizeof(ws));
    check("TIOCGWINSZ", ioctl(m, TIOCGWINSZ, &ws) == 0 && ws.ws_row == 33 && ws.ws_col == 101);

    /* Canonical mode: a line arrives after the newline, echoed back to the master. */
    write(m, "line one\n", 9);
    char buf[64] = {0};
    int n = (int)read(s, buf, sizeof(buf));
    check("canonical read", n == 9 && !memcmp(buf, "line one\n", 9));
    memset(buf, 0, sizeof(buf));
    n = read_some(m, buf, sizeof(buf) - 1);
    check("echo", n == 10 && !strcmp(buf, "line one\r\n"));

    /* Raw mode, no echo. */
    cfmakeraw(&t);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    check("tcsetattr raw", tcsetattr(s, TCSANOW, &t) == 0);
    struct termios t2;
    tcgetattr(s, &t2);
    check("raw read back", !(t2.c_lflag & (ICANON | ECHO)) && t2.c_cc[VMIN] == 1);
    check("cfsetspeed", cfsetispeed(&t2, B9600) == 0 && cfgetispeed(&t2) == B9600);
    write(m, "abc", 3);
    usleep(20000);
    int avail = -1;
    check("FIONREAD", ioctl(s, FIONREAD, &avail) == 0 && avail == 3);
    n = (int)read(s, buf, 3);
    check("raw read", n == 3 && !memcmp(buf, "abc", 3));
    int outq = -1;
    check("TIOCOUTQ", ioctl(s, TIOCOUTQ, &outq) == 0 && outq >= 0);
    write(m, "zz", 2);
    usleep(20000);
    check("tcflush", tcflush(s, TCIFLUSH) == 0 && ioctl(s, FIONREAD, &avail) == 0 && avail == 0);
    check("tcdrain", tcdrain(s) == 0);

    /* A child session with the pty as its controlling terminal. */
    pid_t pid = fork();
    if (pid == 0) {
        close(m);
        int ok = setsid() == getpid();
        ok = ok && ioctl(s, TIOCSCTTY, 0) == 0;
        ok = ok && tcgetpgrp(s) == getpid();
        ok = ok && tcgetsid(s) == getpid();
        pid_t g = -1;
        ok = ok && ioctl(s, TIOCGPGRP, &g) == 0 && g == getpid();
        ok = ok && tcsetpgrp(s, getpid()) == 0;
        int fd = open("/dev/tty", O_RDWR);
        ok = ok && fd >= 0;
        _exit(ok ? 0 : 1);
    }
    int st;
    waitpid(pid, &st, 0);
    check("controlling terminal in child", WIFEXITED(st) && WEXITSTATUS(st) == 0);
    check("not our ctty", tcgetpgrp(s) < 0 && errno == ENOTTY);
    close(s);
    close(m);
    return 0;
}
