// cflags: -march=armv8.2-a
/* Accesses at wild addresses (far past any mapping, in the non-canonical
 * range, negative, with a nonzero top byte) by every kind of access: loads,
 * stores, pairs, exclusives, LSE atomics, SIMD LD1/ST1 of one and four
 * registers, DC ZVA.  Each must raise SIGSEGV (or SIGBUS for a misaligned
 * exclusive or atomic) at the instruction, with the fault address in si_addr;
 * the handler skips the instruction.  PRFM never faults.
 *
 * Linux enables top-byte-ignore for EL0 data accesses and reports si_addr
 * without the tag bits (no SA_EXPOSE_TAGBITS): si_addr is compared with bits
 * 63:56 cleared.
 *
 * The .ref comes from qemu-aarch64 except for the addresses 1 << 47 to
 * 0x00ff000000000000: there qemu-user (guest_base 0) makes a non-canonical
 * x86-64 access whose #GP carries no address, and reports si_addr 0; Linux
 * reports the faulting address (FAR_EL1 holds the virtual address of a
 * translation fault, Arm ARM D17.2.40), so those lines say "addr ok". */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

#define TAG_MASK 0x00ffffffffffffffull

static volatile int got_sig, got_code;
static volatile uint64_t got_addr;

static void on_fault(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    got_sig = sig;
    got_code = si->si_code;
    got_addr = (uint64_t)si->si_addr;
    uc->uc_mcontext.pc += 4; /* every probe is one instruction */
}

/* One instruction at x0 = addr (x1..x3, v0..v3 as data). */
#define PROBE(name, insn)                                                                          \
    static void name(uint64_t a)                                                                   \
    {                                                                                              \
        register uint64_t x0 __asm__("x0") = a;                                                    \
        __asm__ volatile(insn ::"r"(x0) : "x1", "x2", "x3", "v0", "v1", "v2", "v3", "memory");     \
    }
PROBE(p_ldrb, "ldrb w1, [x0]")
PROBE(p_ldr, "ldr x1, [x0]")
PROBE(p_ldr_off, "ldr x1, [x0, #4088]")
PROBE(p_strh, "strh w1, [x0]")
PROBE(p_str, "str x1, [x0]")
PROBE(p_ldp, "ldp x1, x2, [x0]")
PROBE(p_stp, "stp x1, x2, [x0]")
PROBE(p_ldr_q, "ldr q0, [x0]")
PROBE(p_stp_q, "stp q0, q1, [x0]")
PROBE(p_ldxr, "ldxr x1, [x0]")
PROBE(p_ldaxr, "ldaxr w1, [x0]")
PROBE(p_ldxp, "ldxp x1, x2, [x0]")
PROBE(p_ldar, "ldar x1, [x0]")
PROBE(p_stlr, "stlr x1, [x0]")
PROBE(p_cas, ".arch_extension lse\n\tcas x1, x2, [x0]")
PROBE(p_ldadd, ".arch_extension lse\n\tldadd x1, x2, [x0]")
PROBE(p_swpb, ".arch_extension lse\n\tswpb w1, w2, [x0]")
PROBE(p_casp, ".arch_extension lse\n\tcasp x2, x3, x2, x3, [x0]")
PROBE(p_ld1, "ld1 {v0.16b}, [x0]")
PROBE(p_ld1x4, "ld1 {v0.16b, v1.16b, v2.16b, v3.16b}, [x0]")
PROBE(p_st1, "st1 {v0.2d}, [x0]")
PROBE(p_st1x4, "st1 {v0.4s, v1.4s, v2.4s, v3.4s}, [x0]")
PROBE(p_ld1r, "ld1r {v0.8h}, [x0]")
PROBE(p_st1_lane, "st1 {v0.s}[1], [x0]")
PROBE(p_ld4, "ld4 {v0.4s, v1.4s, v2.4s, v3.4s}, [x0]")
PROBE(p_dczva, "dc zva, x0")
PROBE(p_prfm, "prfm pldl1keep, [x0]")

/* name, probe, offset of the first byte accessed, natural alignment required (exclusives,
 * acquire/release and atomics fault with SIGBUS when misaligned: not probed here). */
static const struct {
    const char *name;
    void (*fn)(uint64_t);
    unsigned off, align;
} probes[] = {
    {"ldrb", p_ldrb, 0, 1},    {"ldr", p_ldr, 0, 1},      {"ldr+4088", p_ldr_off, 4088, 1},
    {"strh", p_strh, 0, 1},    {"str", p_str, 0, 1},      {"ldp", p_ldp, 0, 1},
    {"stp", p_stp, 0, 1},      {"ldr q", p_ldr_q, 0, 1},  {"stp q", p_stp_q, 0, 1},
    {"ldxr", p_ldxr, 0, 8},    {"ldaxr", p_ldaxr, 0, 4},  {"ldxp", p_ldxp, 0, 16},
    {"ldar", p_ldar, 0, 8},    {"stlr", p_stlr, 0, 8},    {"cas", p_cas, 0, 8},
    {"ldadd", p_ldadd, 0, 8},  {"swpb", p_swpb, 0, 1},    {"casp", p_casp, 0, 16},
    {"ld1", p_ld1, 0, 1},      {"ld1 x4", p_ld1x4, 0, 1}, {"st1", p_st1, 0, 1},
    {"st1 x4", p_st1x4, 0, 1}, {"ld1r", p_ld1r, 0, 1},    {"st1 lane", p_st1_lane, 0, 1},
    {"ld4", p_ld4, 0, 1},      {"dc zva", p_dczva, 0, 0}, {"prfm", p_prfm, 0, 1},
};

static const uint64_t addrs[] = {
    1ull << 40,
    (1ull << 40) + (5ull << 30) + 0x1230,
    1ull << 44,
    1ull << 46,
    (1ull << 47) - 4096,
    1ull << 47,
    0x0000fffffffff000ull,
    1ull << 48,
    0x00ff000000000000ull,
    0x8000000000000000ull,
    0xffff800000000000ull,
    0xfffffffffffff000ull,
    -(5ull << 30),
    -8ull,
    -1ull,
};

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    uint64_t dczid;
    __asm__("mrs %0, dczid_el0" : "=r"(dczid));
    uint64_t zva_block = 4ull << (dczid & 15);
    for (size_t i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++) {
        uint64_t a = addrs[i];
        printf("address %016llx\n", (unsigned long long)a);
        for (size_t k = 0; k < sizeof(probes) / sizeof(probes[0]); k++) {
            if (probes[k].align > 1 && a % probes[k].align) {
                printf("  %-9s misaligned: not probed\n", probes[k].name);
                continue;
            }
            /* the expected si_addr: DC ZVA zeroes the block holding the address */
            uint64_t want = probes[k].align ? a + probes[k].off : a & ~(zva_block - 1);
            got_sig = 0;
            probes[k].fn(a);
            if (!got_sig)
                printf("  %-9s no fault\n", probes[k].name);
            else if (((got_addr ^ want) & TAG_MASK) == 0)
                printf("  %-9s sig %d code %d addr ok\n", probes[k].name, got_sig, got_code);
            else
                printf("  %-9s sig %d code %d addr %016llx\n", probes[k].name, got_sig, got_code,
                       (unsigned long long)(got_addr & TAG_MASK));
        }
    }
    return 0;
}
