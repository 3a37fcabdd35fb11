/* Ordinary libc use: stdio on a temporary file, stat, directories, a large
 * malloc, time conversion, ctype, libm. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <errno.h>
#include <time.h>
#include <ctype.h>
#include <locale.h>
#include <math.h>
int cmp(const void *a, const void *b)
{
    return strcmp(*(char **)a, *(char **)b);
}
int main(int argc, char **argv)
{
    char path[] = "/tmp/ferry_libc1_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) {
        perror("mkstemp");
        return 1;
    }
    FILE *f = fdopen(fd, "w+");
    for (int i = 0; i < 1000; i++)
        fprintf(f, "line %d %x %.3f\n", i, i * 7, i / 7.0);
    fflush(f);
    rewind(f);
    char buf[128];
    long sum = 0;
    int n = 0;
    while (fgets(buf, sizeof buf, f)) {
        int a, b;
        double c;
        if (sscanf(buf, "line %d %x %lf", &a, &b, &c) == 3) {
            sum += a + b + (long)(c * 1000);
            n++;
        }
    }
    printf("lines %d sum %ld\n", n, sum);
    struct stat st;
    fstat(fileno(f), &st);
    printf("size %lld mode %o\n", (long long)st.st_size, st.st_mode & 0777);
    fclose(f);
    struct stat st2;
    printf("stat %d size %lld\n", stat(path, &st2), (long long)st2.st_size);
    unlink(path);
    printf("stat after unlink %d errno %s\n", stat(path, &st2), strerror(errno));
    char *big = malloc(50 << 20);
    memset(big, 7, 50 << 20);
    long s2 = 0;
    for (int i = 0; i < (50 << 20); i += 4096)
        s2 += big[i];
    free(big);
    printf("big %ld\n", s2);
    char d[] = "/tmp/ferry_dir_XXXXXX";
    mkdtemp(d);
    const char *names[] = {"zeta", "alpha", "mid", "beta"};
    for (int i = 0; i < 4; i++) {
        char p[256];
        snprintf(p, sizeof p, "%s/%s", d, names[i]);
        close(open(p, O_CREAT | O_WRONLY, 0644));
    }
    DIR *dir = opendir(d);
    char *ents[16];
    int ne = 0;
    struct dirent *e;
    while ((e = readdir(dir)))
        if (e->d_name[0] != '.')
            ents[ne++] = strdup(e->d_name);
    closedir(dir);
    qsort(ents, ne, sizeof(char *), cmp);
    for (int i = 0; i < ne; i++) {
        printf("%s ", ents[i]);
        char p[256];
        snprintf(p, sizeof p, "%s/%s", d, ents[i]);
        unlink(p);
    }
    printf("\nrmdir %d\n", rmdir(d));
    struct tm tm = {0};
    tm.tm_year = 100;
    tm.tm_mon = 1;
    tm.tm_mday = 29;
    tm.tm_hour = 12;
    time_t t = timegm(&tm);
    char tb[64];
    strftime(tb, sizeof tb, "%Y-%m-%d %H:%M:%S %a %j", gmtime(&t));
    printf("time %lld %s\n", (long long)t, tb);
    printf("toupper %c isalpha %d atof %g strtoul %lu\n", toupper('q'), isalpha('3'), atof("2.5e3"),
           strtoul("ffff", 0, 16));
    printf("math %.10f %.10f %.10f %.10f\n", sin(1.0), exp(2.5), log(10.0), pow(2.0, 0.5));
    printf("getenv HOME set: %d\n", getenv("HOME") != NULL);
    char cwd[512];
    printf("getcwd ok: %d\n", getcwd(cwd, sizeof cwd) != NULL);
    return 0;
}
