// args: one two-words 3
/* argv, the environment and the exit status reach the guest as on Linux. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

int main(int argc, char **argv)
{
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    printf("argv[argc]=%s\n", argv[argc] ? "non-null" : "null");
    const char *base = strrchr(argv[0], '/');
    printf("argv0 base=%s\n", base ? base + 1 : argv[0]);
    printf("pagesz=%lu secure=%lu\n", getauxval(AT_PAGESZ), getauxval(AT_SECURE));
    printf("random=%s platform=%s\n", getauxval(AT_RANDOM) ? "set" : "unset",
           (const char *)getauxval(AT_PLATFORM));
    return argc + 4;
}
