// cflags: -O2 -march=armv8.6-a+crypto+sha3+sm4+fp16+dotprod+i8mm+bf16
/*
 * AdvSIMD instructions whose destination is also a source (tbl/tbx with the
 * destination in the table or as the index, narrowing "2" forms reading the
 * register they write, accumulating ops on one register, crypto rounds, dot
 * products, by-element forms indexing the destination) and register lists
 * that wrap from v31 to v0 (ld2..ld4/st2..st4, ld1 x4, tbl).  Each case loads
 * v0, v1, v2, v30 and v31 with distinct bytes, runs one instruction and
 * prints the five registers.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint8_t in[5][16], out[5][16], mem[128];

#define CASE(name, insn)                                                                           \
    do {                                                                                           \
        __asm__ volatile("ldr q0, [%0]\n ldr q1, [%0, #16]\n ldr q2, [%0, #32]\n"                  \
                         "ldr q30, [%0, #48]\n ldr q31, [%0, #64]\n"                               \
                         "mov x9, %2\n" insn "\n"                                                  \
                         "str q0, [%1]\n str q1, [%1, #16]\n str q2, [%1, #32]\n"                  \
                         "str q30, [%1, #48]\n str q31, [%1, #64]\n" ::"r"(in),                    \
                         "r"(out), "r"(mem)                                                        \
                         : "x9", "x10", "v0", "v1", "v2", "v30", "v31", "memory");                 \
        show(name);                                                                                \
    } while (0)

static void show(const char *name)
{
    printf("%-34s", name);
    for (int r = 0; r < 5; r++) {
        printf(" ");
        for (int i = 15; i >= 0; i--)
            printf("%02x", out[r][i]);
    }
    printf(" m=");
    uint32_t h = 2166136261u;
    for (int i = 0; i < 128; i++)
        h = (h ^ mem[i]) * 16777619u;
    printf("%08x\n", h);
}

int main(void)
{
    for (int r = 0; r < 5; r++)
        for (int i = 0; i < 16; i++)
            in[r][i] = (uint8_t)(r * 16 + i * 7 + (i & 1 ? 0x80 : 0) + (r == 2 ? i * 3 : 0));
    in[0][3] = 0xff, in[0][5] = 40, in[0][9] = 47;
    for (int i = 0; i < 128; i++)
        mem[i] = (uint8_t)(i * 13 + 1);
    CASE("tbl v0 <- {v0,v1} idx v0", "tbl v0.16b, {v0.16b, v1.16b}, v0.16b");
    CASE("tbl v0 <- {v31,v0,v1} idx v0", "tbl v0.16b, {v31.16b, v0.16b, v1.16b}, v0.16b");
    CASE("tbl v1 <- {v30,v31,v0,v1} idx v1",
         "tbl v1.16b, {v30.16b, v31.16b, v0.16b, v1.16b}, v1.16b");
    CASE("tbx v0 <- {v0} idx v0", "tbx v0.16b, {v0.16b}, v0.16b");
    CASE("tbx v31.8b <- {v31,v0} idx v31", "tbx v31.8b, {v31.16b, v0.16b}, v31.8b");
    CASE("tbx v2 <- {v30,v31,v0,v1} idx v2",
         "tbx v2.16b, {v30.16b, v31.16b, v0.16b, v1.16b}, v2.16b");
    CASE("ld4 wrap v30..v1", "ld4 {v30.16b, v31.16b, v0.16b, v1.16b}, [x9]");
    CASE("ld3 wrap v31..v1 .4h", "ld3 {v31.4h, v0.4h, v1.4h}, [x9]");
    CASE("ld2 wrap v31,v0 .2d", "ld2 {v31.2d, v0.2d}, [x9]");
    CASE("ld1 x4 wrap v30..v1", "ld1 {v30.4s, v31.4s, v0.4s, v1.4s}, [x9]");
    CASE("ld4r wrap v31..v2", "ld4r {v31.8h, v0.8h, v1.8h, v2.8h}, [x9]");
    CASE("ld3 lane wrap v30..v0", "ld3 {v30.s, v31.s, v0.s}[3], [x9]");
    CASE("st4 wrap v30..v1", "st4 {v30.16b, v31.16b, v0.16b, v1.16b}, [x9]");
    CASE("st3 wrap v31..v1 .2s", "st3 {v31.2s, v0.2s, v1.2s}, [x9]");
    CASE("st2 lane wrap v31,v0", "st2 {v31.h, v0.h}[5], [x9]");
    CASE("st1 x3 wrap v31..v1", "st1 {v31.2d, v0.2d, v1.2d}, [x9]");
    CASE("ld4 post wrap",
         "ld4 {v31.8b, v0.8b, v1.8b, v2.8b}, [x9], #32\n add x9, x9, #1\n ld1 {v30.b}[7], [x9]");
    CASE("xtn2 v0 <- v0", "xtn2 v0.16b, v0.8h");
    CASE("sqxtn2 v0 <- v0", "sqxtn2 v0.8h, v0.4s");
    CASE("sqxtun2 v1 <- v1", "sqxtun2 v1.4s, v1.2d");
    CASE("uqxtn2 v0 <- v0", "uqxtn2 v0.4s, v0.2d");
    CASE("rshrn2 v0 <- v0", "rshrn2 v0.16b, v0.8h, #3");
    CASE("sqrshrun2 v0 <- v0", "sqrshrun2 v0.8h, v0.4s, #5");
    CASE("addhn2 v0 <- v0,v0", "addhn2 v0.16b, v0.8h, v0.8h");
    CASE("raddhn2 v0 <- v1,v0", "raddhn2 v0.8h, v1.4s, v0.4s");
    CASE("fcvtn2 v0 <- v0", "fcvtn2 v0.4s, v0.2d");
    CASE("fcvtxn2 v0 <- v0", "fcvtxn2 v0.4s, v0.2d");
    CASE("fcvtl2 v0 <- v0", "fcvtl2 v0.2d, v0.4s");
    CASE("uxtl2 v0 <- v0", "uxtl2 v0.8h, v0.16b");
    CASE("umlal2 v0 <- v0,v0", "umlal2 v0.4s, v0.8h, v0.8h");
    CASE("smlsl v0 <- v0,v0[7]", "smlsl v0.4s, v0.4h, v0.h[7]");
    CASE("sqdmlal2 v0 <- v0,v0[3]", "sqdmlal2 v0.2d, v0.4s, v0.s[3]");
    CASE("mla v0 <- v0,v0", "mla v0.16b, v0.16b, v0.16b");
    CASE("mls v0 <- v0,v0[1]", "mls v0.8h, v0.8h, v0.h[1]");
    CASE("fmla v0 <- v0,v0[3]", "fmla v0.4s, v0.4s, v0.s[3]");
    CASE("fmls v1 <- v1,v1[1] 2d", "fmls v1.2d, v1.2d, v1.d[1]");
    CASE("sqrdmlah v0 <- v0,v0[2]", "sqrdmlah v0.8h, v0.8h, v0.h[2]");
    CASE("saba v0 <- v0,v1", "saba v0.16b, v0.16b, v1.16b");
    CASE("uabal2 v0 <- v0,v0", "uabal2 v0.8h, v0.16b, v0.16b");
    CASE("sadalp v0 <- v0", "sadalp v0.4s, v0.8h");
    CASE("usra v0 <- v0", "usra v0.2d, v0.2d, #13");
    CASE("srsra v0 <- v0", "srsra v0.4s, v0.4s, #31");
    CASE("sli v0 <- v0", "sli v0.8h, v0.8h, #5");
    CASE("sri v0 <- v0", "sri v0.2d, v0.2d, #64");
    CASE("bsl v0 <- v0,v1", "bsl v0.16b, v0.16b, v1.16b");
    CASE("bit v0 <- v1,v0", "bit v0.16b, v1.16b, v0.16b");
    CASE("bif v0 <- v0,v0", "bif v0.16b, v0.16b, v0.16b");
    CASE("ext v0 <- v0,v0 #3", "ext v0.16b, v0.16b, v0.16b, #3");
    CASE("ext v0 <- v1,v0 #15", "ext v0.16b, v1.16b, v0.16b, #15");
    CASE("zip2 v0 <- v0,v0", "zip2 v0.8h, v0.8h, v0.8h");
    CASE("uzp1 v0 <- v1,v0", "uzp1 v0.4s, v1.4s, v0.4s");
    CASE("trn2 v0 <- v0,v1 .8b", "trn2 v0.8b, v0.8b, v1.8b");
    CASE("ins v0.s[1] <- v0.s[2]", "ins v0.s[1], v0.s[2]");
    CASE("ins v0.d[1] <- v0.d[0]", "mov v0.d[1], v0.d[0]");
    CASE("dup v0 <- v0.b[9]", "dup v0.16b, v0.b[9]");
    CASE("addp v0 <- v0,v0", "addp v0.2d, v0.2d, v0.2d");
    CASE("faddp v0 <- v1,v0", "faddp v0.4s, v1.4s, v0.4s");
    CASE("pmull2 v0 <- v0,v0 1q", "pmull2 v0.1q, v0.2d, v0.2d");
    CASE("pmull v0 <- v0,v1 8h", "pmull v0.8h, v0.8b, v1.8b");
    CASE("aese v0 <- v0", "aese v0.16b, v0.16b");
    CASE("aesd+aesimc v0", "aesd v0.16b, v1.16b\n aesimc v0.16b, v0.16b");
    CASE("sha256h q0,q0,v0", "sha256h q0, q0, v0.4s");
    CASE("sha256h2 q0,q1,v0", "sha256h2 q0, q1, v0.4s");
    CASE("sha256su1 v0,v0,v0", "sha256su1 v0.4s, v0.4s, v0.4s");
    CASE("sha1c q0,s0,v0", "sha1c q0, s0, v0.4s");
    CASE("sha1su0 v0,v0,v0", "sha1su0 v0.4s, v0.4s, v0.4s");
    CASE("sha512h q0,q0,v0", "sha512h q0, q0, v0.2d");
    CASE("sha512su1 v0,v0,v0", "sha512su1 v0.2d, v0.2d, v0.2d");
    CASE("eor3 v0 <- v0,v0,v1", "eor3 v0.16b, v0.16b, v0.16b, v1.16b");
    CASE("bcax v0 <- v1,v0,v0", "bcax v0.16b, v1.16b, v0.16b, v0.16b");
    CASE("xar v0 <- v0,v0", "xar v0.2d, v0.2d, v0.2d, #17");
    CASE("rax1 v0 <- v1,v0", "rax1 v0.2d, v1.2d, v0.2d");
    CASE("sm3tt1a v0 <- v0,v0[3]", "sm3tt1a v0.4s, v0.4s, v0.s[3]");
    CASE("sm4e v0 <- v0", "sm4e v0.4s, v0.4s");
    CASE("sdot v0 <- v0,v0", "sdot v0.4s, v0.16b, v0.16b");
    CASE("udot v0 <- v0,v0[3]", "udot v0.4s, v0.16b, v0.4b[3]");
    CASE("usdot v0 <- v0,v1", "usdot v0.4s, v0.16b, v1.16b");
    CASE("smmla v0 <- v0,v0", "smmla v0.4s, v0.16b, v0.16b");
    CASE("ummla v0 <- v1,v0", "ummla v0.4s, v1.16b, v0.16b");
    CASE("bfmmla v0 <- v0,v1", "bfmmla v0.4s, v0.8h, v1.8h");
    CASE("bfdot v0 <- v0,v0[1]", "bfdot v0.4s, v0.8h, v0.2h[1]");
    CASE("bfcvtn2 v0 <- v0", "bfcvtn2 v0.8h, v0.4s");
    CASE("fcmla v0 <- v0,v0 #90", "fcmla v0.4s, v0.4s, v0.4s, #90");
    CASE("fcmla v0 <- v0,v0[1] #270", "fcmla v0.8h, v0.8h, v0.h[1], #270");
    CASE("fmlal2 v0 <- v0,v0", "fmlal2 v0.4s, v0.4h, v0.4h");
    CASE("fmla h v0 <- v0,v0[7]", "fmla v0.8h, v0.8h, v0.h[7]");
    CASE("scalar sqdmulh h0 <- h0,v0[1]", "sqdmulh h0, h0, v0.h[1]");
    CASE("scalar fmla s0 <- s0,v0[3]", "fmla s0, s0, v0.s[3]");
    CASE("scalar ins h0 via dup", "dup h0, v0.h[5]");
    CASE("scalar addp d0 <- v0", "addp d0, v0.2d");
    CASE("fmov v0.d[1] <- x9", "fmov v0.d[1], x9");
    CASE("umov/ins round trip",
         "umov w10, v0.b[3]\n ins v0.b[12], w10\n smov x10, v1.h[7]\n ins v1.d[0], x10");
    CASE("cross-block v31", "mov v31.16b, v0.16b\n b 1f\n 1: add v0.2d, v31.2d, v0.2d\n tbl "
                            "v31.16b, {v31.16b}, v30.16b");
    return 0;
}
