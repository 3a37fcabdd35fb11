/* An unallocated encoding raises SIGILL in the guest (exit 132), never an
 * abort of ferry. */
#include <stdio.h>

int main(void)
{
    printf("before the undefined instruction\n");
    fflush(stdout);
    __asm__ volatile(".inst 0x00000000"); /* UDF #0 */
    printf("not reached\n");
    return 0;
}
