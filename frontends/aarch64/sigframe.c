/*
 * The AArch64 Linux signal frame, as arch/arm64/kernel/signal.c lays it
 * out (uapi asm/sigcontext.h, asm/ucontext.h):
 *
 *   rt_sigframe: siginfo (128) | ucontext: uc_flags, uc_link, uc_stack,
 *   uc_sigmask, padding to a 1024-bit sigset, uc_mcontext (16-aligned):
 *   fault_address, regs[31], sp, pc, pstate, __reserved[4096] holding an
 *   fpsimd_context and a zero terminator record.
 *
 * Above the frame sits a frame record (fp, lr) so unwinders can walk out
 * of the handler.  Handler entry: x0 = signo, x1 = &siginfo, x2 =
 * &ucontext, sp = frame, x29 = &frame record, x30 = restorer, pc = handler.
 */
#include "frontends/aarch64/sigframe.h"

#include <errno.h>
#include <string.h>

#include "frontends/aarch64/cpu.h"
#include "frontends/aarch64/cpu_model.h"
#include "frontends/aarch64/helper_dp.h"
#include "frontends/aarch64/helper_simd.h"
#include "loader/process.h"
#include "signals/signals.h"

/* Offsets in the rt_sigframe. */
enum {
    A64_SF_UC = 128,
    A64_SF_UC_STACK = A64_SF_UC + 16,   /* ss_sp, ss_flags (int + pad), ss_size */
    A64_SF_UC_SIGMASK = A64_SF_UC + 40, /* 8 bytes */
    A64_SF_MCTX = A64_SF_UC + 176,      /* struct sigcontext, 16-aligned */
    A64_SF_FAULT_ADDR = A64_SF_MCTX,
    A64_SF_REGS = A64_SF_MCTX + 8, /* regs[31] */
    A64_SF_SP = A64_SF_REGS + 31 * 8,
    A64_SF_PC = A64_SF_SP + 8,
    A64_SF_PSTATE = A64_SF_PC + 8,
    A64_SF_RESERVED = A64_SF_MCTX + 288, /* __reserved[4096] */
    A64_SF_SIZE = A64_SF_RESERVED + 4096,
};

#define A64_FPSIMD_MAGIC 0x46508001u
#define A64_FPSIMD_SIZE 528u /* header 8, fpsr, fpcr, vregs[32] at 16 */

const uint8_t a64_sig_tramp[8] = {0x68, 0x11, 0x80, 0xd2, 0x01, 0x00, 0x00, 0xd4};

static void put64(uint8_t *b, unsigned off, uint64_t v)
{
    memcpy(b + off, &v, 8);
}

static void put32(uint8_t *b, unsigned off, uint32_t v)
{
    memcpy(b + off, &v, 4);
}

static uint64_t get64(const uint8_t *b, unsigned off)
{
    uint64_t v;
    memcpy(&v, b + off, 8);
    return v;
}

static uint32_t get32(const uint8_t *b, unsigned off)
{
    uint32_t v;
    memcpy(&v, b + off, 4);
    return v;
}

uint64_t a64_sig_sp(const CPUCommon *c)
{
    return ((const A64CPU *)c)->x[31];
}

#define A64_PSTATE_SSBS (1u << 12)
#define A64_PSTATE_DIT (1u << 24)

/* NZCV, and SSBS/DIT as MSR left them: the handler's frame shows them. */
static uint64_t a64_pstate(const A64CPU *cpu)
{
    return ((cpu->nf >> 63) & 1) << 31 | (uint64_t)(cpu->zf == 0) << 30 |
           (uint64_t)(cpu->cf != 0) << 29 | ((cpu->vf >> 63) & 1) << 28 |
           (cpu->pstate_ext & (A64_PSTATE_SSBS | A64_PSTATE_DIT));
}

/* Sigreturn: NZCV, and SSBS/DIT when the CPU model has them (RES0 otherwise). */
static void a64_set_pstate(A64CPU *cpu, uint64_t ps)
{
    uint64_t ext = (a64_cpu_has(&cpu->common, A64_FEAT_SSBS) ? A64_PSTATE_SSBS : 0) |
                   (a64_cpu_has(&cpu->common, A64_FEAT_DIT) ? A64_PSTATE_DIT : 0);
    cpu->nf = (ps >> 31) & 1 ? 1ull << 63 : 0;
    cpu->zf = (ps >> 30) & 1 ? 0 : 1;
    cpu->cf = (ps >> 29) & 1;
    cpu->vf = (ps >> 28) & 1 ? 1ull << 63 : 0;
    cpu->pstate_ext = (cpu->pstate_ext & ~ext) | (ps & ext);
}

static void a64_fill_frame(const A64CPU *cpu, const SigFrame *f, uint8_t *b)
{
    memcpy(b, f->info, SIG_INFO_SIZE);
    put64(b, A64_SF_UC_STACK, f->ss_sp);
    put32(b, A64_SF_UC_STACK + 8, (uint32_t)f->ss_flags);
    put64(b, A64_SF_UC_STACK + 16, f->ss_size);
    put64(b, A64_SF_UC_SIGMASK, f->oldmask);
    put64(b, A64_SF_FAULT_ADDR, f->fault_address);
    for (int i = 0; i < 31; i++)
        put64(b, A64_SF_REGS + 8 * (unsigned)i, cpu->x[i]);
    put64(b, A64_SF_SP, cpu->x[31]);
    put64(b, A64_SF_PC, cpu->common.pc);
    put64(b, A64_SF_PSTATE, a64_pstate(cpu));
    uint8_t *fp = b + A64_SF_RESERVED;
    put32(fp, 0, A64_FPSIMD_MAGIC);
    put32(fp, 4, A64_FPSIMD_SIZE);
    put32(fp, 8, cpu->fpsr);
    put32(fp, 12, cpu->fpcr);
    memcpy(fp + 16, cpu->v, 512);
    /* The zero terminator record follows (the buffer is zeroed). */
}

int a64_sig_setup_frame(CPUCommon *c, const SigFrame *f)
{
    A64CPU *cpu = a64_cpu(c);
    static _Thread_local uint8_t buf[A64_SF_SIZE + 16];
    uint64_t rec = (f->sp_top - 16) & ~15ull;
    uint64_t frame = rec - A64_SF_SIZE;
    memset(buf, 0, sizeof(buf));
    a64_fill_frame(cpu, f, buf);
    put64(buf, A64_SF_SIZE, cpu->x[29]); /* the frame record, at rec */
    put64(buf, A64_SF_SIZE + 8, cpu->x[30]);
    if (frame > f->sp_top || gmem_write(&c->proc->mem, frame, buf, A64_SF_SIZE + 16) < 0)
        return -EFAULT;
    cpu->x[0] = (uint64_t)f->sig;
    cpu->x[1] = frame;
    cpu->x[2] = frame + A64_SF_UC;
    cpu->x[29] = rec;
    cpu->x[30] = f->restorer;
    cpu->x[31] = frame;
    c->pc = f->handler;
    cpu->excl_size = 0; /* an exception clears the exclusive monitor */
    return 0;
}

#define A64_ESR_MAGIC 0x45535201u
#define A64_EXTRA_MAGIC 0x45585401u
/* PSTATE bits a frame must leave clear (M[4:0], F, I, A, D): Linux's valid_native_regs. */
#define A64_PSTATE_BAD 0x3dfu

/* Restores FP/SIMD state from the records in __reserved.  Returns false for
 * a frame Linux rejects: no FP/SIMD record (exactly one, of its size), an
 * unknown record, or no terminating record (magic 0, size 0). */
static bool a64_restore_reserved(A64CPU *cpu, const uint8_t *r)
{
    unsigned off = 0;
    bool fpsimd = false;
    while (off + 8 <= 4096) {
        uint32_t magic = get32(r, off), size = get32(r, off + 4);
        if (magic == 0)
            return size == 0 && fpsimd;
        if (size < 8 || size % 16 || size > 4096 - off)
            return false;
        if (magic == A64_FPSIMD_MAGIC) {
            if (fpsimd || size != A64_FPSIMD_SIZE)
                return false;
            fpsimd = true;
            cpu->fpsr = get32(r, off + 8) & a64_fpsr_implemented();
            a64_fp_set_fpcr(cpu, get32(r, off + 12) & a64_fpcr_implemented(&cpu->common));
            memcpy(cpu->v, r + off + 16, 512);
        } else if (magic != A64_ESR_MAGIC && magic != A64_EXTRA_MAGIC) {
            return false; /* XXX: the records of SVE, SME and later extensions are not read */
        }
        off += size;
    }
    return false;
}

int a64_sig_restore_frame(CPUCommon *c, SigFrame *f)
{
    A64CPU *cpu = a64_cpu(c);
    static _Thread_local uint8_t buf[A64_SF_SIZE];
    uint64_t frame = cpu->x[31];
    if (frame & 15 || gmem_read(&c->proc->mem, buf, frame, A64_SF_SIZE) < 0)
        return -EFAULT;
    for (int i = 0; i < 31; i++)
        cpu->x[i] = get64(buf, A64_SF_REGS + 8 * (unsigned)i);
    cpu->x[31] = get64(buf, A64_SF_SP);
    c->pc = get64(buf, A64_SF_PC);
    uint64_t pstate = get64(buf, A64_SF_PSTATE);
    a64_set_pstate(cpu, pstate);
    if ((pstate & A64_PSTATE_BAD) || !a64_restore_reserved(cpu, buf + A64_SF_RESERVED))
        return -EFAULT; /* as Linux, the registers are the frame's all the same */
    f->oldmask = get64(buf, A64_SF_UC_SIGMASK);
    f->ss_sp = get64(buf, A64_SF_UC_STACK);
    f->ss_flags = (int32_t)get32(buf, A64_SF_UC_STACK + 8);
    f->ss_size = get64(buf, A64_SF_UC_STACK + 16);
    f->ret = cpu->x[0];
    cpu->excl_size = 0;
    return 0;
}
