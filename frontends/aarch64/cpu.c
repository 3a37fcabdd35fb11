/*
 * The AArch64 guest: CPU state set-up, IR globals, exception handling
 * (SVC -> Linux syscall, undefined instructions and breakpoints -> guest
 * signals), the HWCAPs and cpuinfo of the CPU model, and the GuestArch record that ties
 * the frontend to the loader, the translator and the syscall layer.
 */
#include "frontends/aarch64/cpu.h"
#include "frontends/aarch64/helper_simd.h"

#include <elf.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "frontends/aarch64/cpu_model.h"
#include "frontends/aarch64/sigframe.h"
#include "frontends/aarch64/translate.h"
#include "loader/process.h"
#include "signals/signals.h"
#include "syscalls/abi.h"
#include "syscalls/syscalls.h"

A64Globals a64_g;

static const char *const xnames[32] = {
    "x0",  "x1",  "x2",  "x3",  "x4",  "x5",  "x6",  "x7",  "x8",  "x9",  "x10",
    "x11", "x12", "x13", "x14", "x15", "x16", "x17", "x18", "x19", "x20", "x21",
    "x22", "x23", "x24", "x25", "x26", "x27", "x28", "x29", "x30", "sp",
};

static void a64_init_globals(IrGlobals *g)
{
    for (int i = 0; i < 32; i++)
        a64_g.x[i] = ir_globals_add(g, IR_I64, (int32_t)offsetof(A64CPU, x[i]), xnames[i]);
    a64_g.pc = ir_globals_add(g, IR_I64, (int32_t)offsetof(CPUCommon, pc), "pc");
    a64_g.nf = ir_globals_add(g, IR_I64, (int32_t)offsetof(A64CPU, nf), "nf");
    a64_g.zf = ir_globals_add(g, IR_I64, (int32_t)offsetof(A64CPU, zf), "zf");
    a64_g.cf = ir_globals_add(g, IR_I64, (int32_t)offsetof(A64CPU, cf), "cf");
    a64_g.vf = ir_globals_add(g, IR_I64, (int32_t)offsetof(A64CPU, vf), "vf");
    a64_g.excl_addr = ir_globals_add(g, IR_I64, (int32_t)offsetof(A64CPU, excl_addr), "excl_addr");
    a64_g.excl_val = ir_globals_add(g, IR_I64, (int32_t)offsetof(A64CPU, excl_val), "excl_val");
    a64_g.excl_val2 = ir_globals_add(g, IR_I64, (int32_t)offsetof(A64CPU, excl_val2), "excl_val2");
    a64_g.excl_size = ir_globals_add(g, IR_I64, (int32_t)offsetof(A64CPU, excl_size), "excl_size");
}

static void a64_cpu_reset(CPUCommon *c)
{
    A64CPU *cpu = a64_cpu(c);
    cpu->zf = 1; /* Z clear */
    cpu->fpcr = 0;
    cpu->fpsr = 0;
    /* options.c accepted only known names; an unknown one here (an embedding that skipped
     * option parsing) falls back to max, found once here rather than at every feature test */
    cpu->model = a64_cpu_model_find(c->proc ? c->proc->opts.cpu_model : NULL);
    if (!cpu->model)
        cpu->model = a64_cpu_model_find(NULL);
}

static void a64_cpu_set_entry(CPUCommon *c, uint64_t pc, uint64_t sp)
{
    c->pc = pc;
    a64_cpu(c)->x[31] = sp;
}

static uint64_t a64_hwcap(const CPUCommon *cpu, int which)
{
    return a64_model_hwcap(a64_cpu_model(cpu), which);
}

static ArchExcpResult a64_handle_exception(CPUCommon *c, int excp)
{
    A64CPU *cpu = a64_cpu(c);
    switch (excp) {
    case A64_EXCP_SYSCALL: {
        int64_t r = sys_dispatch(c, cpu->x[8], cpu->x);
        if (r == SYS_RESTART)
            c->pc -= 4; /* the SVC again, after the signal handler */
        else
            cpu->x[0] = (uint64_t)r;
        return ARCH_EXCP_CONTINUE;
    }
    case A64_EXCP_BRK:
        sig_raise_sync(c, SIGTRAP, TRAP_BRKPT, c->pc);
        return ARCH_EXCP_CONTINUE;
    case A64_EXCP_FETCH:
        sig_raise_sync(c, SIGSEGV, SEGV_MAPERR, c->pc);
        return ARCH_EXCP_CONTINUE;
    case A64_EXCP_UDEF:
    case A64_EXCP_HLT:
    default:
        sig_raise_sync(c, SIGILL, ILL_ILLOPC, c->pc);
        return ARCH_EXCP_CONTINUE;
    }
}

static unsigned a64_nzcv(const A64CPU *cpu)
{
    return ((cpu->nf >> 63) & 1) << 3 | (cpu->zf == 0) << 2 | (cpu->cf != 0) << 1 |
           ((cpu->vf >> 63) & 1);
}

static void a64_dump_state(const CPUCommon *c, FILE *out)
{
    const A64CPU *cpu = (const A64CPU *)c;
    for (int i = 0; i < 32; i++)
        fprintf(out, "%-3s=%016" PRIx64 "%s", xnames[i], cpu->x[i], i % 4 == 3 ? "\n" : " ");
    unsigned f = a64_nzcv(cpu);
    fprintf(out, "pc =%016" PRIx64 " NZCV=%c%c%c%c fpcr=%08x fpsr=%08x\n", c->pc, f & 8 ? 'N' : '-',
            f & 4 ? 'Z' : '-', f & 2 ? 'C' : '-', f & 1 ? 'V' : '-', cpu->fpcr, cpu->fpsr);
}

static void a64_cpuinfo(const CPUCommon *cpu, FILE *out)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    a64_model_cpuinfo(a64_cpu_model(cpu), n < 1 ? 1 : (int)n, out);
}

const GuestArch guest_arch_aarch64 = {
    .name = "aarch64",
    .elf_machine = EM_AARCH64,
    .elf_class = ELFCLASS64,
    .elf_data = ELFDATA2LSB,
    .cpu_size = sizeof(A64CPU),
    .stack_align = 16,
    .platform = "aarch64",
    .uname_machine = "aarch64",
    .default_load_base = 0x5500000000ull,
    .init_globals = a64_init_globals,
    .cpu_reset = a64_cpu_reset,
    .cpu_set_entry = a64_cpu_set_entry,
    .hwcap = a64_hwcap,
    .translate = a64_translate,
    .handle_exception = a64_handle_exception,
    .sig_setup_frame = a64_sig_setup_frame,
    .sig_restore_frame = a64_sig_restore_frame,
    .sig_sp = a64_sig_sp,
    .sig_tramp = a64_sig_tramp,
    .sig_tramp_size = sizeof(a64_sig_tramp),
    .dump_state = a64_dump_state,
    .fp_enter = a64_fp_enter,
    .fp_leave = a64_fp_leave,
    .sys = &sys_abi_aarch64,
    .cpuinfo = a64_cpuinfo,
    .cpu_models = a64_cpu_model_names,
    .cpu_props = a64_cpu_props,
};
