// cflags: -O1
/* Random instruction words from the encoding classes of the optional
 * extensions (crypto, SHA3, SM3/SM4, PMULL, three-same extra, FHM, by element, FRINTTS,
 * BF16 conversions, FP16 classes, scalar FP16), each run once on fixed
 * register contents under four FPCR settings.  Each word is written into an
 * executable stub (so this also exercises self-modifying code); a SIGILL
 * skips the word.  One line per word: the word, a hash of V0-V31, NZCV and
 * FPSR afterwards, or ILL. */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

/* Patterns, bit 31 first: 0/1 fixed, x random. */
static const char *const patterns[] = {
    "0100111000101000010xx10xxxxxxxxx", /* AESE AESD AESMC AESIMC */
    "01011110000xxxxx0xxx00xxxxxxxxxx", /* SHA1C..SHA256SU1 */
    "0101111000101000000xx10xxxxxxxxx", /* SHA1H SHA1SU1 SHA256SU0 */
    "11001110011xxxxx1000xxxxxxxxxxxx", /* SHA512H H2 SU1, RAX1 */
    "1100111011000000100000xxxxxxxxxx", /* SHA512SU0 */
    "1100111000xxxxxx0xxxxxxxxxxxxxxx", /* EOR3 BCAX */
    "11001110100xxxxxxxxxxxxxxxxxxxxx", /* XAR */
    "11001110010xxxxxxxxxxxxxxxxxxxxx", /* SM3SS1, SM3TT* */
    "11001110011xxxxx1100xxxxxxxxxxxx", /* SM3PARTW1/2, SM4EKEY */
    "1100111011000000100001xxxxxxxxxx", /* SM4E */
    "0x001110111xxxxx111000xxxxxxxxxx", /* PMULL 64 */
    "0xx01110xx0xxxxx1xxxx1xxxxxxxxxx", /* three same extra */
    "0xx01110x01xxxxx11x011xxxxxxxxxx", /* FMLAL FMLSL (2), vector */
    "01x11110xx0xxxxx1xxxx1xxxxxxxxxx", /* scalar three same extra */
    "0xx01111xxxxxxxxxxxxx0xxxxxxxxxx", /* vector x indexed element */
    "01x11111xxxxxxxxxxxxx0xxxxxxxxxx", /* scalar x indexed element */
    "0xx011100x100001111x10xxxxxxxxxx", /* FRINT32/64 vector */
    "000111100x10100xx10000xxxxxxxxxx", /* FRINT32/64 scalar */
    "0001111001100011010000xxxxxxxxxx", /* BFCVT */
    "0x00111010100001011010xxxxxxxxxx", /* BFCVTN */
    "0xx01110x10xxxxx00xxx1xxxxxxxxxx", /* FP16 three same */
    "01x11110x10xxxxx00xxx1xxxxxxxxxx", /* FP16 scalar three same */
    "0xx01110x1111000xxxxx10xxxxxxxxx", /* FP16 two-register misc */
    "01x11110x1111000xxxxx10xxxxxxxxx", /* FP16 scalar two-register misc */
    "0x001110x0110000xxxxx10xxxxxxxxx", /* FP16 across lanes */
    "01011110x0110000xxxxx10xxxxxxxxx", /* FP16 scalar pairwise */
    "0xx011110001xxxx111xx1xxxxxxxxxx", /* FP16 fixed-point conversions */
    "0x00111100000xxx111111xxxxxxxxxx", /* FMOV (vector, immediate) half */
    "00011110111xxxxxxxxxxxxxxxxxxxxx", /* scalar FP16 */
};
#define NPAT (sizeof(patterns) / sizeof(patterns[0]))

static uint64_t lcg = 2024;

static uint64_t rnd(void)
{
    lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
    return lcg >> 11;
}

static uint32_t make_word(const char *p)
{
    uint32_t w = 0;
    for (int i = 0; i < 32; i++)
        w = w << 1 | (p[i] == 'x' ? (uint32_t)(rnd() & 1) : (uint32_t)(p[i] - '0'));
    return w;
}

/* Stub: x0 = register image in (512 bytes), x1 = out (512 + 16), x2 = FPCR. */
static const uint32_t stub_code[] = {
    0x4cdf2000, 0x4cdf2004, 0x4cdf2008, 0x4cdf200c, /* ld1 {v0-v3..v12-v15}, [x0], #64 */
    0x4cdf2010, 0x4cdf2014, 0x4cdf2018, 0x4cdf201c, /* ld1 {v16..v31}, [x0], #64 */
    0xd51b4402,                                     /* msr fpcr, x2 */
    0xd51b443f,                                     /* msr fpsr, xzr */
    0xd51b4203,                                     /* msr nzcv, x3 */
    0xd503201f,                                     /* the instruction under test */
    0xd53b4203,                                     /* mrs x3, nzcv */
    0xd53b4424,                                     /* mrs x4, fpsr */
    0x4c9f2020, 0x4c9f2024, 0x4c9f2028, 0x4c9f202c, /* st1 {v0-v3..}, [x1], #64 */
    0x4c9f2030, 0x4c9f2034, 0x4c9f2038, 0x4c9f203c, /* st1 {..v31}, [x1], #64 */
    0xa9001023,                                     /* stp x3, x4, [x1] */
    0xd65f03c0,                                     /* ret */
};
#define INSN_SLOT 11

static volatile int ill;

static void on_ill(int sig, siginfo_t *si, void *uc)
{
    ((ucontext_t *)uc)->uc_mcontext.pc += 4;
    ill = 1;
}

static uint64_t fnv(const uint8_t *p, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

int main(void)
{
    static uint8_t in[512] __attribute__((aligned(16)));
    static uint8_t out[528] __attribute__((aligned(16)));
    static const uint32_t sp[8] = {0x3f800000, 0x7fc00000, 0x7f800001, 0x00000001,
                                   0x80000000, 0x7f800000, 0x4f000000, 0xcf000001};
    static const uint16_t hp[8] = {0x3c00, 0x7e00, 0x7c01, 0x0001, 0x8000, 0x7c00, 0x7bff, 0xfbff};
    static const uint64_t fpcrs[4] = {0, 1u << 25, 1u << 24 | 2u << 22, 1u << 22};
    for (int i = 0; i < 512; i++)
        in[i] = (uint8_t)rnd();
    for (int r = 0; r < 8; r++)
        memcpy(in + 16 * r, sp + 4 * (r & 1), 16);
    for (int r = 8; r < 12; r++)
        memcpy(in + 16 * r, hp, 16);
    uint32_t *stub =
        mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (stub == MAP_FAILED)
        return 1;
    memcpy(stub, stub_code, sizeof(stub_code));
    struct sigaction sa = {0};
    sa.sa_sigaction = on_ill;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGILL, &sa, NULL);
    void (*run)(void *, void *, uint64_t, uint64_t) =
        (void (*)(void *, void *, uint64_t, uint64_t))(uintptr_t)stub;
    int nill = 0;
    for (int t = 0; t < 600; t++) {
        uint32_t w = make_word(patterns[rnd() % NPAT]);
        stub[INSN_SLOT] = w;
        __builtin___clear_cache((char *)stub, (char *)(stub + 32));
        printf("%08x", w);
        for (int f = 0; f < 4; f++) {
            ill = 0;
            memset(out, 0, sizeof(out));
            run(in, out, fpcrs[f], (uint64_t)(t % 16) << 28);
            if (ill) {
                nill++;
                printf(" ILL");
                break;
            }
            printf(" %016llx", (unsigned long long)fnv(out, sizeof(out)));
        }
        printf("\n");
    }
    printf("%d illegal\n", nill);
    return 0;
}
