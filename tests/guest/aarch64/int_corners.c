/* Integer corner cases of C on aarch64: 128-bit multiply, division, unaligned
 * accesses, char signedness, formatted output and string functions. */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static volatile int64_t vs[] = {0, 1, -1, 7, -7, INT64_MIN, INT64_MAX, 1000000007};
static volatile int32_t ws[] = {0, 1, -1, 3, -3, INT32_MIN, INT32_MAX, 65537};

int main(void)
{
    unsigned __int128 p = (unsigned __int128)0xfedcba9876543210ull * 0x123456789abcdef1ull;
    printf("u128 mul: %016llx%016llx\n", (unsigned long long)(p >> 64), (unsigned long long)p);
    __int128 q = (__int128)(int64_t)-0x123456789ll * (int64_t)0x7edcba987654321ll;
    printf("s128 mul: %016llx%016llx\n", (unsigned long long)((unsigned __int128)q >> 64),
           (unsigned long long)q);
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++) {
            int64_t a = vs[i], b = vs[j];
            if (b == 0 || (a == INT64_MIN && b == -1))
                continue;
            printf("%lld/%lld=%lld r%lld u%llu ", (long long)a, (long long)b, (long long)(a / b),
                   (long long)(a % b), (unsigned long long)((uint64_t)a / (uint64_t)b));
        }
    printf("\n");
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++) {
            int32_t a = ws[i], b = ws[j];
            if (b == 0 || (a == INT32_MIN && b == -1))
                continue;
            printf("%d/%d=%d r%d u%u ", a, b, a / b, a % b, (uint32_t)a / (uint32_t)b);
        }
    printf("\n");
    unsigned char buf[64];
    for (int i = 0; i < 64; i++)
        buf[i] = (unsigned char)(i * 37 + 11);
    uint64_t acc = 0;
    for (int off = 0; off < 16; off++) {
        uint64_t v64;
        uint32_t v32;
        uint16_t v16;
        memcpy(&v64, buf + off, 8);
        memcpy(&v32, buf + off + 3, 4);
        memcpy(&v16, buf + off + 1, 2);
        acc = acc * 31 + v64 + v32 + v16;
        volatile uint64_t *up = (volatile uint64_t *)(buf + 40 + (off & 7));
        *up = acc;
    }
    printf("unaligned: %016llx %02x%02x\n", (unsigned long long)acc, buf[44], buf[47]);
    char c = (char)200;
    signed char sc = (signed char)200;
    printf("char: %d signed char: %d char is %s\n", c, sc, (char)-1 < 0 ? "signed" : "unsigned");
    char s[128];
    int n = snprintf(s, sizeof(s), "[%5d|%-5d|%05x|%lld|%llu|%c|%.3s|%%|%p]", -42, 42, 255,
                     (long long)INT64_MIN, (unsigned long long)UINT64_MAX, 'z', "abcdef",
                     (void *)0x1234);
    printf("%s (%d, strlen %zu)\n", s, n, strlen(s));
    char big[300], dst[300];
    for (int i = 0; i < 299; i++)
        big[i] = (char)('a' + i % 26);
    big[299] = 0;
    unsigned sum = 0;
    for (int len = 0; len < 299; len += 7) {
        memset(dst, 0, sizeof(dst));
        memcpy(dst + (len & 15), big, (size_t)len);
        sum = sum * 3 + (unsigned)strlen(dst + (len & 15)) +
              (unsigned)(memcmp(dst + (len & 15), big, (size_t)len) == 0);
    }
    printf("strings: %u %s\n", sum, strchr(big, 'q') == big + 16 ? "ok" : "bad");
    return 0;
}
