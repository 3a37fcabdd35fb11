// cflags: -static-pie
/* A static-pie program: the loader picks the load address and the program
 * relocates itself; code and data addresses are then not the link-time ones. */
#include <stdint.h>
#include <stdio.h>

static int counter = 5;
static const char *names[] = {"zero", "one", "two", "three"};

static int bump(int by) { return counter += by; }

int main(void)
{
    int (*fn)(int) = bump;
    for (int i = 0; i < 4; i++)
        printf("%s %d\n", names[i], fn(i));
    printf("pie: %s\n", (uintptr_t)&counter > 0x10000000 ? "relocated high" : "low");
    return 0;
}
