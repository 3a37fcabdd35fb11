/* BRK raises SIGTRAP in the guest (exit 133). */
#include <stdio.h>

int main(void)
{
    printf("before the breakpoint\n");
    fflush(stdout);
    __asm__ volatile("brk #0x3e8");
    printf("not reached\n");
    return 0;
}
