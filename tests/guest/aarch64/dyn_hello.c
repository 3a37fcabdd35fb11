// link: dynamic
/* A dynamically linked program: ld.so from the sysroot loads libc.so.6;
 * printf, malloc, strings, qsort, TLS, the auxiliary vector, dlopen. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <unistd.h>

static __thread int tls_counter = 5;

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int saw_libc;

static int phdr_cb(struct dl_phdr_info *info, size_t size, void *data)
{
    const char *slash = strrchr(info->dlpi_name, '/');
    const char *base = slash ? slash + 1 : info->dlpi_name;
    if (!strcmp(base, "libc.so.6"))
        saw_libc = 1;
    return 0;
}

extern void _start(void);

int main(int argc, char **argv)
{
    char *s = malloc(64);
    strcpy(s, "hello");
    strcat(s, ", dynamic world");
    printf("%s (%zu chars)\n", s, strlen(s));
    char *big = calloc(1 << 20, 1);
    big[(1 << 20) - 1] = 'x';
    printf("calloc 1 MiB: %c %d\n", big[(1 << 20) - 1], big[12345]);
    free(big);
    s = realloc(s, 4096);
    printf("realloc kept: %s\n", s);
    free(s);

    int v[] = {42, -7, 13, 0, 99, 5, -100, 8};
    qsort(v, 8, sizeof(v[0]), cmp_int);
    for (int i = 0; i < 8; i++)
        printf("%d%c", v[i], i == 7 ? '\n' : ' ');

    char buf[128];
    snprintf(buf, sizeof(buf), "%08.3f|%-6s|%x|%ld", 3.14159, "ab", 0xbeef,
             strtol("-12345", NULL, 10));
    printf("%s\n", buf);
    printf("strtok:");
    char text[] = "a,bb,,ccc";
    for (char *t = strtok(text, ","); t; t = strtok(NULL, ","))
        printf(" [%s]", t);
    printf("\n");

    tls_counter += 10;
    printf("tls: %d\n", tls_counter);

    unsigned long base = getauxval(AT_BASE), entry = getauxval(AT_ENTRY);
    printf("AT_BASE set: %d, page aligned: %d\n", base != 0, (base & 0xfff) == 0);
    printf("AT_ENTRY is _start: %d\n", entry == (unsigned long)&_start);
    printf("AT_PHDR set: %d\n", getauxval(AT_PHDR) != 0);

    dl_iterate_phdr(phdr_cb, NULL);
    printf("libc.so.6 loaded: %d\n", saw_libc);

    void *h = dlopen("libm.so.6", RTLD_NOW);
    if (!h) {
        printf("dlopen failed: %s\n", dlerror());
        return 1;
    }
    double (*cbrt_fn)(double) = (double (*)(double))dlsym(h, "cbrt");
    printf("dlsym cbrt(27) = %.3f\n", cbrt_fn ? cbrt_fn(27.0) : -1.0);
    printf("dlopen missing: %s\n", dlopen("libferry-none.so", RTLD_NOW) ? "found" : "not found");
    dlclose(h);

    /* absolute paths come from the sysroot when they exist there */
    struct stat st;
    int r = stat("/lib/ld-linux-aarch64.so.1", &st);
    printf("stat ld.so: %d, regular %d, executable %d\n", r, S_ISREG(st.st_mode),
           (st.st_mode & 0111) != 0);
    FILE *f = fopen("/lib/libc.so.6", "rb");
    unsigned char ehdr[20] = {0};
    if (f) {
        printf("libc.so.6 read: %zu bytes,", fread(ehdr, 1, sizeof(ehdr), f));
        fclose(f);
    }
    printf(" ELF %d, machine %d\n", !memcmp(ehdr, "\177ELF", 4), ehdr[18] | ehdr[19] << 8);
    printf("access /proc/self/maps: %d, /dev/null: %d\n", access("/proc/self/maps", R_OK),
           access("/dev/null", W_OK));
    fflush(stdout);
    return 0;
}
