// cflags: -static
/* The `startup` row of `make bench`: a static hello, started STARTS times, so process
 * start-up (loading, translating run-once code) is measured next to the kernels. */
#include <stdio.h>

int main(void)
{
    puts("hello");
    return 0;
}
