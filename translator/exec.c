/*
 * The exec loop: runs a guest thread by finding the TB for cpu->pc,
 * executing it (JIT code or the IR interpreter), chaining TBs that exit
 * through goto_tb, and handing guest exceptions to the frontend.  Also the
 * translator's set-up and the -d logging of translations.
 */
#include "translator/exec.h"

#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "signals/signals.h"
#include "translator/disas.h"
#include "translator/interp.h"
#include "translator/translator.h"

/*
 * Exclusive sections (code buffer flushes).  A thread is "running" while it
 * is inside cpu_exec (it may hold TB pointers and run generated code); it
 * stops running around syscalls and other guest exceptions.  A flush sets
 * excl_pending, asks every thread to leave generated code (exit_request,
 * seen at the next TB entry), waits until no thread runs, flushes, and
 * clears excl_pending.  Running threads check excl_pending at the top of
 * the exec loop; entering the running state waits while it is set.
 */
static pthread_mutex_t excl_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t excl_cv = PTHREAD_COND_INITIALIZER;
static int excl_pending; /* an exclusive section is wanted or in progress */
static int excl_nrunning;
static __thread bool excl_running; /* this thread counts in excl_nrunning */

static void excl_drop(void)
{
    __atomic_sub_fetch(&excl_nrunning, 1, __ATOMIC_SEQ_CST);
    if (__atomic_load_n(&excl_pending, __ATOMIC_SEQ_CST)) {
        pthread_mutex_lock(&excl_mu);
        pthread_cond_broadcast(&excl_cv);
        pthread_mutex_unlock(&excl_mu);
    }
}

/* Makes this thread running; waits while an exclusive section is pending. */
static void excl_enter(void)
{
    if (excl_running)
        return;
    for (;;) {
        __atomic_add_fetch(&excl_nrunning, 1, __ATOMIC_SEQ_CST);
        if (!__atomic_load_n(&excl_pending, __ATOMIC_SEQ_CST))
            break;
        excl_drop();
        pthread_mutex_lock(&excl_mu);
        while (__atomic_load_n(&excl_pending, __ATOMIC_SEQ_CST))
            pthread_cond_wait(&excl_cv, &excl_mu);
        pthread_mutex_unlock(&excl_mu);
    }
    excl_running = true;
}

static void excl_leave(void)
{
    if (!excl_running)
        return;
    excl_running = false;
    excl_drop();
}

/* Stops every other thread outside generated code; returns whether the caller was running. */
static bool excl_start(Translator *tr)
{
    bool was_running = excl_running;
    excl_leave();
    pthread_mutex_lock(&excl_mu);
    while (__atomic_load_n(&excl_pending, __ATOMIC_SEQ_CST))
        pthread_cond_wait(&excl_cv, &excl_mu);
    __atomic_store_n(&excl_pending, 1, __ATOMIC_SEQ_CST);
    pthread_mutex_lock(&tr->lock);
    for (size_t i = 0; i < tr->ncpus; i++)
        __atomic_store_n(&tr->cpus[i]->exit_request, 1, __ATOMIC_SEQ_CST);
    pthread_mutex_unlock(&tr->lock);
    while (__atomic_load_n(&excl_nrunning, __ATOMIC_SEQ_CST) != 0)
        pthread_cond_wait(&excl_cv, &excl_mu);
    pthread_mutex_unlock(&excl_mu);
    return was_running;
}

static void excl_end(bool was_running)
{
    pthread_mutex_lock(&excl_mu);
    __atomic_store_n(&excl_pending, 0, __ATOMIC_SEQ_CST);
    pthread_cond_broadcast(&excl_cv);
    pthread_mutex_unlock(&excl_mu);
    if (was_running)
        excl_enter();
}

void tb_flush(Process *p)
{
    Translator *tr = p->tr;
    bool was_running = excl_start(tr);
    pthread_mutex_lock(&tr->lock);
    tb_flush_locked(tr);
    pthread_mutex_unlock(&tr->lock);
    excl_end(was_running);
}

/*
 * fork() in a threaded guest: only the forking thread survives in the child,
 * and no lock another thread held at that moment may stay taken there.  The
 * locks are taken in their order (excl_mu, tr->lock, then the guest memory
 * map's lock, which smc.c takes under tr->lock), so a fork never waits on a
 * thread that is translating; the child makes them anew.
 */
static Translator *fork_tr;

static void fork_prepare(void)
{
    pthread_mutex_lock(&excl_mu);
    if (fork_tr) {
        pthread_mutex_lock(&fork_tr->lock);
        pthread_rwlock_wrlock(&fork_tr->proc->mem.lock);
    }
}

static void fork_parent(void)
{
    if (fork_tr) {
        pthread_rwlock_unlock(&fork_tr->proc->mem.lock);
        pthread_mutex_unlock(&fork_tr->lock);
    }
    pthread_mutex_unlock(&excl_mu);
}

static void fork_child(void)
{
    Translator *tr = fork_tr;
    pthread_mutex_init(&excl_mu, NULL);
    pthread_cond_init(&excl_cv, NULL);
    excl_pending = 0;
    excl_nrunning = excl_running ? 1 : 0;
    if (!tr)
        return;
    pthread_mutex_init(&tr->lock, NULL);
    /* The child's thread has another tid: the held lock is made anew. */
    pthread_rwlock_init(&tr->proc->mem.lock, NULL);
    /* The other threads' CPU states stay allocated but are no longer listed. */
    CPUCommon *self = sig_thread()->cpu;
    size_t n = 0;
    for (size_t i = 0; i < tr->ncpus; i++)
        if (tr->cpus[i] == self)
            tr->cpus[n++] = self;
    tr->ncpus = n;
}

static void translator_atfork(void)
{
    pthread_atfork(fork_prepare, fork_parent, fork_child);
}

int translator_init(Process *p)
{
    static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;
    Translator *tr = calloc(1, sizeof(*tr));
    if (!tr)
        return -ENOMEM;
    tr->proc = p;
    tr->arch = p->arch;
    tr->use_jit = !p->opts.no_jit;
    tr->log_mask = p->opts.log_mask;
    tr->log = p->log ? p->log : stderr;
    tr->chain = !(tr->log_mask & (LOG_EXEC | LOG_CPU));
    tr->topts.max_insns = p->opts.one_insn_per_tb ? 1 : 512;
    pthread_mutex_init(&tr->lock, NULL);
    p->arch->init_globals(&tr->globals);
    tr->ir = ir_context_new(&tr->globals);
    if (!tr->ir)
        goto out_free;
    tr->ir->mem_guarded = p->mem.guarded;
    if (tr->use_jit) {
        /* FERRY_CODE_BUFFER_SIZE (bytes, at least 64 KiB): a small buffer makes the
         * flush-when-full path testable. */
        size_t size = CODEBUF_SIZE;
        const char *env = getenv("FERRY_CODE_BUFFER_SIZE");
        if (env && strtoull(env, NULL, 0) >= (64u << 10))
            size = (size_t)strtoull(env, NULL, 0);
        int rc = codebuf_init(&tr->cb, size);
        if (rc < 0) {
            ir_context_free(tr->ir);
            free(tr);
            return rc;
        }
        x86_detect_features(&tr->feat);
        tr->enter = x86_init(&tr->cb, &tr->feat);
        if (getenv("FERRY_PERF_MAP")) {
            char path[64];
            snprintf(path, sizeof(path), "/tmp/perf-%d.map", (int)getpid());
            tr->perf_map = fopen(path, "w");
            if (tr->perf_map)
                setvbuf(tr->perf_map, NULL, _IOLBF, 0);
        }
    }
    p->tr = tr;
    fork_tr = tr;
    pthread_once(&atfork_once, translator_atfork);
    return 0;
out_free:
    free(tr);
    return -ENOMEM;
}

CPUCommon *cpu_new(Process *p)
{
    Translator *tr = p->tr;
    CPUCommon *cpu = aligned_alloc(64, (p->arch->cpu_size + 63) & ~(size_t)63);
    if (!cpu)
        return NULL;
    memset(cpu, 0, p->arch->cpu_size);
    cpu->jmp_cache = calloc(CPU_JMP_CACHE_SIZE, sizeof(TB *));
    if (!cpu->jmp_cache) {
        free(cpu);
        return NULL;
    }
    cpu->guest_base = p->mem.base;
    cpu->mem_size = p->mem.size;
    cpu->proc = p;
    cpu->arch = p->arch;
    p->arch->cpu_reset(cpu);
    pthread_mutex_lock(&tr->lock);
    if (tr->ncpus == tr->cpus_cap) {
        size_t cap = tr->cpus_cap ? tr->cpus_cap * 2 : 8;
        CPUCommon **n = realloc(tr->cpus, cap * sizeof(*n));
        if (!n) {
            pthread_mutex_unlock(&tr->lock);
            free(cpu->jmp_cache);
            free(cpu);
            return NULL;
        }
        tr->cpus = n;
        tr->cpus_cap = cap;
    }
    tr->cpus[tr->ncpus++] = cpu;
    pthread_mutex_unlock(&tr->lock);
    return cpu;
}

void cpu_free(CPUCommon *cpu)
{
    Translator *tr = cpu->proc->tr;
    pthread_mutex_lock(&tr->lock);
    for (size_t i = 0; i < tr->ncpus; i++) {
        if (tr->cpus[i] == cpu) {
            tr->cpus[i] = tr->cpus[--tr->ncpus];
            break;
        }
    }
    pthread_mutex_unlock(&tr->lock);
    free(cpu->jmp_cache);
    free(cpu);
}

static TBExit tb_run(Translator *tr, CPUCommon *cpu, TB *tb)
{
    if (tr->log_mask & LOG_CPU)
        tr->arch->dump_state(cpu, tr->log);
    if (tr->log_mask & LOG_EXEC)
        fprintf(tr->log, "Trace: %p [%08x/%016llx]\n", (void *)tb->code, tb->flags,
                (unsigned long long)tb->pc);
    if (tr->arch->fp_enter)
        tr->arch->fp_enter(cpu);
    TBExit e = tr->use_jit ? tr->enter(cpu, tb->code) : ir_interp_run(cpu, tb);
    if (tr->arch->fp_leave)
        tr->arch->fp_leave(cpu, x86_host_fp_status());
    return e;
}

/*
 * Runs TBs until a guest exception; returns its number.  Faults in guest
 * code come back through sigsetjmp in cpu_loop, not through here.
 */
static int cpu_exec(Translator *tr, CPUCommon *cpu, SigThread *st)
{
    TB *last = NULL;
    int slot = 0;
    excl_enter();
    uint32_t gen = __atomic_load_n(&tr->flush_gen, __ATOMIC_ACQUIRE);
    for (;;) {
        TB *tb;
        if (__atomic_load_n(&excl_pending, __ATOMIC_RELAXED)) {
            /* Let a flush run: hold no TB across it. */
            last = NULL;
            excl_leave();
            excl_enter();
        }
        TB *dest = last ? __atomic_load_n(&last->jmp_dest[slot], __ATOMIC_ACQUIRE) : NULL;
        if (dest && tr->chain) {
            tb = dest;
        } else {
            tb = tb_find(cpu, cpu->pc, cpu->tb_flags);
            uint32_t now = __atomic_load_n(&tr->flush_gen, __ATOMIC_ACQUIRE);
            if (last && tr->chain && now == gen)
                tb_chain(tr, last, slot, tb);
            gen = now;
        }
        st->in_guest = 1;
        TBExit e = tb_run(tr, cpu, tb);
        st->in_guest = 0;
        last = NULL;
        switch (e.code) {
        case IR_EXIT_NEXT:
            break;
        case IR_EXIT_CHAIN0:
        case IR_EXIT_CHAIN1:
            last = e.tb;
            slot = (int)(e.code - IR_EXIT_CHAIN0);
            break;
        case IR_EXIT_REQUESTED:
            cpu->pc = e.tb->pc;
            __atomic_store_n(&cpu->exit_request, 0, __ATOMIC_SEQ_CST);
            sig_deliver_pending(cpu);
            break;
        default:
            if (e.code >= IR_EXIT_EXCP) {
                excl_leave();
                return (int)(e.code - IR_EXIT_EXCP);
            }
            fprintf(stderr, "ferry: internal error: bad TB exit code %u\n", e.code);
            abort();
        }
    }
}

void cpu_loop(CPUCommon *cpu)
{
    Translator *tr = cpu->proc->tr;
    SigThread *st = sig_thread();
    st->cpu = cpu;
    if (sigsetjmp(st->fault_jmp, 1)) {
        /* A fault in guest code: the handler left cpu->pc at the instruction. */
        st->in_guest = 0;
        sig_raise_sync(cpu, st->fault_sig, st->fault_code, st->fault_addr);
    }
    for (;;) {
        int excp = cpu_exec(tr, cpu, st);
        if (tr->arch->handle_exception(cpu, excp) == ARCH_EXCP_EXIT)
            return;
    }
}

/* Capstone architecture for a guest, or false when there is none. */
static bool guest_cs_arch(const GuestArch *a, cs_arch *arch, cs_mode *mode)
{
    switch (a->elf_machine) {
    case EM_AARCH64:
        *arch = CS_ARCH_ARM64;
        *mode = CS_MODE_LITTLE_ENDIAN;
        return true;
    default:
        return false;
    }
}

/* The name of an AArch64 instruction capstone does not decode (the BTI hints), or NULL. */
static const char *a64_insn_name(uint32_t w)
{
    static const char *const bti[4] = {"bti", "bti c", "bti j", "bti jc"};
    if ((w & 0xffffff3fu) == 0xd503241fu)
        return bti[(w >> 6) & 3];
    return NULL;
}

/* Prints the instruction word capstone could not decode at code (4 bytes for AArch64, else
 * one byte) as .inst/.byte with its name when known; returns its size. */
static size_t log_undecoded(FILE *log, cs_arch arch, const uint8_t *code, size_t size,
                            uint64_t addr)
{
    if (arch == CS_ARCH_ARM64 && size >= 4) {
        uint32_t w;
        memcpy(&w, code, 4);
        const char *name = a64_insn_name(w);
        fprintf(log, "0x%016llx:  %-10s 0x%08x%s%s\n", (unsigned long long)addr, ".inst", w,
                name ? "  // " : "", name ? name : "");
        return 4;
    }
    fprintf(log, "0x%016llx:  %-10s 0x%02x\n", (unsigned long long)addr, ".byte", code[0]);
    return 1;
}

static void log_disas(FILE *log, cs_arch arch, cs_mode mode, const uint8_t *code, size_t size,
                      uint64_t addr)
{
    const DisasLib *cs = disas_lib();
    csh h;
    if (!cs) {
        fprintf(log, "(no disassembly: libcapstone cannot be loaded)\n");
        return;
    }
    if (cs->open(arch, mode, &h) != CS_ERR_OK)
        return;
    for (size_t off = 0; off < size;) {
        cs_insn *insn;
        size_t n = cs->disasm(h, code + off, size - off, addr + off, 0, &insn);
        for (size_t i = 0; i < n; i++) {
            uint32_t w = 0;
            memcpy(&w, insn[i].bytes, insn[i].size < 4 ? insn[i].size : 4);
            /* capstone versions print BTI as a plain "hint #n", or not at all */
            const char *name = arch == CS_ARCH_ARM64 ? a64_insn_name(w) : NULL;
            fprintf(log, "0x%016llx:  %-10s %s%s%s\n", (unsigned long long)insn[i].address,
                    insn[i].mnemonic, insn[i].op_str, name ? "  // " : "", name ? name : "");
            off += insn[i].size;
        }
        if (n)
            cs->free(insn, n);
        if (off < size) /* capstone stopped at a word it does not know */
            off += log_undecoded(log, arch, code + off, size - off, addr + off);
    }
    cs->close(&h);
}

void tb_log_in_asm(Translator *tr, uint64_t pc, uint32_t size)
{
    cs_arch arch;
    cs_mode mode;
    if (!(tr->log_mask & LOG_IN_ASM) || !guest_cs_arch(tr->arch, &arch, &mode))
        return;
    const void *code = gmem_ptr(&tr->proc->mem, pc, size, 0);
    fprintf(tr->log, "IN:\n");
    if (code)
        log_disas(tr->log, arch, mode, code, size, pc);
    fputc('\n', tr->log);
}

void tb_log_translation(Translator *tr, const TB *tb)
{
    if ((tr->log_mask & LOG_OUT_ASM) && tb->code) {
        fprintf(tr->log, "OUT: [size=%u]\n", tb->code_size);
        log_disas(tr->log, CS_ARCH_X86, CS_MODE_64, tb->code, tb->code_size,
                  (uint64_t)(uintptr_t)tb->code);
        fputc('\n', tr->log);
    }
}
