/* Prints what a program run through binfmt_misc sees: argv, its own path and a variable. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    exe[n > 0 ? n : 0] = 0;
    printf("argc=%d\n", argc);
    for (int i = 0; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    printf("exe=%s\n", exe);
    printf("FOO=%s\n", getenv("FOO") ? getenv("FOO") : "(unset)");
    return 3;
}
