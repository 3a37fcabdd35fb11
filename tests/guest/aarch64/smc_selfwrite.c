/* Code that patches a later instruction of its own block: the new
 * instruction word comes in w0, is stored over `slot`, and an ISB (which
 * ends the block) precedes it, so the new instruction runs at once. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

typedef int (*fn_t)(uint32_t);

static uint32_t movz_w0(unsigned imm)
{
    return 0x52800000u | (imm & 0xffff) << 5;
}

int main(void)
{
    static const uint32_t tmpl[] = {
        0x100000a1u, /* adr x1, slot (+20) */
        0xb9000020u, /* str w0, [x1] */
        0xd5033fdfu, /* isb */
        0xd503201fu, /* nop */
        0xd503201fu, /* nop */
        0x52800160u, /* slot: movz w0, #11 */
        0xd65f03c0u, /* ret */
    };
    uint32_t *code =
        mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (code == MAP_FAILED)
        return 1;
    memcpy(code, tmpl, sizeof(tmpl));
    __builtin___clear_cache((char *)code, (char *)code + sizeof(tmpl));
    long sum = 0;
    for (unsigned i = 1; i <= 100; i++) {
        int r = ((fn_t)code)(movz_w0(i * 7));
        if (i <= 3 || i == 100)
            printf("call %u: %d\n", i, r);
        sum += r;
    }
    printf("sum: %ld\n", sum);
    return 0;
}
