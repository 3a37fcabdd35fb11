// args: alpha beta
/* The guest's own /proc view: cmdline (also as /proc/<pid>/ and /proc/thread-self/), exe,
 * auxv, environ, stat (pid, comm, state, startstack in the stack), comm, maps (the stack and
 * this program's text) and the "Features" line of /proc/cpuinfo.
 * XXX: the .ref is what arm64 Linux prints; qemu-aarch64 differs where it shows the host's
 * view (/proc/thread-self/cmdline, environ, comm, cpuinfo) and prints state 0 in stat. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

extern char **environ;

static size_t slurp(const char *path, char *buf, size_t len)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    size_t n = fread(buf, 1, len - 1, f);
    fclose(f);
    buf[n] = 0;
    return n;
}

static const char *base(const char *p)
{
    return strrchr(p, '/') ? strrchr(p, '/') + 1 : p;
}

static void cmdline(const char *path, const char *self)
{
    char buf[4096];
    size_t n = slurp(path, buf, sizeof(buf));
    printf("%s:", path[6] == 's' ? path : "/proc/<pid or thread-self>/cmdline");
    for (size_t i = 0; i < n; i += strlen(buf + i) + 1)
        printf(" [%s]", i == 0 && !strcmp(buf, self) ? "ARGV0" : buf + i);
    printf("\n");
}

/* True when the maps line for the region holding addr has `name` (NULL: any) as its name. */
static int maps_has(uintptr_t addr, const char *name)
{
    static char maps[65536];
    slurp("/proc/self/maps", maps, sizeof(maps));
    for (char *line = strtok(maps, "\n"); line; line = strtok(NULL, "\n")) {
        unsigned long lo, hi;
        if (sscanf(line, "%lx-%lx", &lo, &hi) != 2 || addr < lo || addr >= hi)
            continue;
        const char *slash = strchr(line, '/'), *br = strchr(line, '[');
        const char *got = slash ? slash : br ? br : "";
        return !name || !strcmp(got, name);
    }
    return 0;
}

int main(int argc, char **argv)
{
    char path[64], buf[8192], exe[PATH_MAX], real[PATH_MAX];
    cmdline("/proc/self/cmdline", argv[0]);
    snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)getpid());
    cmdline(path, argv[0]);
    cmdline("/proc/thread-self/cmdline", argv[0]);

    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    exe[n > 0 ? n : 0] = 0;
    printf("exe is this program: %s\n",
           realpath(argv[0], real) && !strcmp(exe, real) ? "yes" : "no");

    uint64_t aux[512] = {0}, pagesz = 0, entry = 0;
    slurp("/proc/self/auxv", (char *)aux, sizeof(aux));
    for (int i = 0; i < 510 && aux[i]; i += 2) {
        if (aux[i] == AT_PAGESZ)
            pagesz = aux[i + 1];
        if (aux[i] == AT_ENTRY)
            entry = aux[i + 1];
    }
    printf("auxv: pagesz %llu, entry matches %s\n", (unsigned long long)pagesz,
           entry && entry == getauxval(AT_ENTRY) ? "yes" : "no");

    n = (ssize_t)slurp("/proc/self/environ", buf, sizeof(buf));
    printf("environ starts with environ[0]: %s\n", !environ[0] ? (n == 0 ? "yes" : "no")
                                                   : !strcmp(buf, environ[0]) ? "yes"
                                                                              : "no");

    slurp("/proc/self/stat", buf, sizeof(buf));
    int pid = 0;
    char comm[32] = "", state = '?';
    sscanf(buf, "%d (%31[^)]) %c", &pid, comm, &state);
    char *p = strrchr(buf, ')');
    unsigned long long startstack = 0;
    for (int field = 3; p && field <= 28; field++) {
        p = strchr(p + 1, ' ');
        if (p && field == 28)
            startstack = strtoull(p + 1, NULL, 10);
    }
    int local = 0;
    printf("stat: pid %s, comm %s, state %c, startstack in [stack] above sp: %s\n",
           pid == getpid() ? "ok" : "wrong", comm, state,
           maps_has((uintptr_t)startstack, "[stack]") && startstack > (uintptr_t)&local ? "yes"
                                                                                        : "no");
    slurp("/proc/self/comm", buf, sizeof(buf));
    printf("comm: %s", buf);
    slurp("/proc/thread-self/comm", buf, sizeof(buf));
    printf("thread-self comm: %s", buf);

    printf("maps: local in [stack]: %s\n", maps_has((uintptr_t)&local, "[stack]") ? "yes" : "no");
    printf("maps: main in %s: %s\n", base(exe), maps_has((uintptr_t)main, exe) ? "yes" : "no");

    slurp("/proc/cpuinfo", buf, sizeof(buf));
    char *feat = strstr(buf, "Features");
    if (feat)
        feat[strcspn(feat, "\n")] = 0;
    printf("cpuinfo Features: %s, fp %s, asimd %s\n", feat ? "present" : "missing",
           feat && strstr(feat, " fp") ? "yes" : "no",
           feat && strstr(feat, " asimd") ? "yes" : "no");
    return 0;
}
