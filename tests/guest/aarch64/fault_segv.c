/* A load from an unmapped address kills the guest with SIGSEGV (exit 139
 * in the shell), after the output it made so far. */
#include <stdint.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    printf("before the fault\n");
    fflush(stdout);
    volatile int *p = (volatile int *)(uintptr_t)(16 * argc);
    return *p;
}
