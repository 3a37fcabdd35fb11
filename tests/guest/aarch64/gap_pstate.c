/* PSTATE.SSBS and PSTATE.DIT across signal delivery: the signal frame's
 * pstate shows them, a handler inherits them, and sigreturn restores them
 * from the frame (also when the handler edits the saved pstate or changes
 * the live bits). */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <ucontext.h>

#define SSBS (1u << 12)
#define DIT (1u << 24)

static uint64_t get_ext(void)
{
    uint64_t s, d;
    __asm__ volatile("mrs %0, s3_3_c4_c2_6\n\tmrs %1, s3_3_c4_c2_5" : "=r"(s), "=r"(d));
    return s | d;
}

static void set_ext(uint64_t v)
{
    __asm__ volatile("msr s3_3_c4_c2_6, %0\n\tmsr s3_3_c4_c2_5, %0" ::"r"(v));
}

static volatile uint64_t seen_frame, seen_live;
static volatile uint64_t frame_xor, handler_sets;

static void on_usr1(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    (void)sig;
    (void)si;
    seen_frame = uc->uc_mcontext.pstate & (SSBS | DIT);
    seen_live = get_ext();
    uc->uc_mcontext.pstate ^= frame_xor;
    set_ext(handler_sets);
}

static void probe(uint64_t before, uint64_t xor, uint64_t in_handler)
{
    set_ext(before);
    frame_xor = xor;
    handler_sets = in_handler;
    raise(SIGUSR1);
    uint64_t after = get_ext();
    printf("before %08llx xor %08llx handler-sets %08llx: frame %08llx live %08llx after %08llx\n",
           (unsigned long long)before, (unsigned long long)xor, (unsigned long long)in_handler,
           (unsigned long long)seen_frame, (unsigned long long)seen_live,
           (unsigned long long)after);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    static const uint64_t v[4] = {0, SSBS, DIT, SSBS | DIT};
    for (int i = 0; i < 4; i++) {
        probe(v[i], 0, 0);
        probe(v[i], 0, SSBS | DIT);
        probe(v[i], SSBS, 0);
        probe(v[i], DIT, v[3 - i]);
        probe(v[i], SSBS | DIT, v[i]);
    }
    set_ext(0);
    return 0;
}
