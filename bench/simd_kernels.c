// cflags: -O3
/* Integer SIMD benchmark kernels for `make bench`: glibc's vectorised string
 * functions over large buffers and loops the compiler vectorises at -O3
 * (byte histogram, adler32-like sums, sum/min/max, saturating mix).  Each
 * prints a checksum so the three runs (ferry, qemu-user, native) can be
 * checked for agreement. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { BUF = 1 << 20 };
static uint8_t buf[BUF + 64];

static void fill(uint32_t seed)
{
    uint32_t x = seed;
    for (int i = 0; i < BUF; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        buf[i] = (uint8_t)(x | 1); /* no zero bytes */
    }
    buf[BUF] = 0;
}

/* memchr and strlen over the whole buffer (the searched byte is at the end). */
static uint64_t k_string(void)
{
    fill(7);
    uint64_t h = 0;
    for (int rep = 0; rep < 300; rep++) {
        buf[BUF - 1 - rep] = 0;
        h = h * 31 + strlen((char *)buf);
        const uint8_t *p = memchr(buf, 0, BUF);
        h = h * 31 + (uint64_t)(p - buf);
        buf[BUF - 1 - rep] = 1;
    }
    return h;
}

/* Sum, min and max of 16-bit values; saturating 8-bit mix (vectorised at -O3). */
static uint64_t k_reduce(void)
{
    fill(11);
    const int16_t *v = (const int16_t *)buf;
    static uint8_t out[BUF];
    uint64_t h = 0;
    for (int rep = 0; rep < 60; rep++) {
        int32_t sum = 0;
        int16_t lo = INT16_MAX, hi = INT16_MIN;
        for (int i = 0; i < BUF / 2; i++) {
            sum += v[i];
            lo = v[i] < lo ? v[i] : lo;
            hi = v[i] > hi ? v[i] : hi;
        }
        for (int i = 0; i < BUF; i++) {
            unsigned s = buf[i] + (uint8_t)(buf[BUF - 1 - i] >> (rep & 3));
            out[i] = s > 255 ? 255 : (uint8_t)s;
        }
        h = h * 131 + (uint32_t)sum + (uint16_t)lo * 7u + (uint16_t)hi * 13u + out[rep * 997];
    }
    return h;
}

/* Byte histogram with four sub-tables and an adler32-like checksum. */
static uint64_t k_checksum(void)
{
    fill(3);
    uint64_t h = 0;
    for (int rep = 0; rep < 40; rep++) {
        uint32_t hist[4][256];
        memset(hist, 0, sizeof(hist));
        for (int i = 0; i < BUF; i += 4) {
            hist[0][buf[i]]++;
            hist[1][buf[i + 1]]++;
            hist[2][buf[i + 2]]++;
            hist[3][buf[i + 3]]++;
        }
        uint32_t a = 1, b = 0;
        for (int blk = 0; blk < BUF; blk += 4096) {
            uint32_t sa = 0, sb = 0;
            for (int i = 0; i < 4096; i++) {
                sa += buf[blk + i];
                sb += (uint32_t)(4096 - i) * buf[blk + i];
            }
            b = (b + 4096 * a + sb) % 65521;
            a = (a + sa) % 65521;
        }
        for (int k = 0; k < 256; k++)
            h = h * 31 + hist[0][k] + hist[1][k] * 3 + hist[2][k] * 5 + hist[3][k] * 7;
        h = h * 131 + (b << 16 | a);
    }
    return h;
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        uint64_t (*fn)(void);
    } k[] = {{"string", k_string}, {"reduce", k_reduce}, {"checksum", k_checksum}};
    for (size_t i = 0; i < sizeof(k) / sizeof(k[0]); i++)
        if (argc < 2 || strcmp(argv[1], k[i].name) == 0)
            printf("%s %016llx\n", k[i].name, (unsigned long long)k[i].fn());
    return 0;
}
