/*
 * The translator as a whole: TB cache, code buffer, backend choice, and the
 * exec loop that runs a guest thread (find TB -> run -> handle exit).
 */
#ifndef FERRY_TRANSLATOR_EXEC_H
#define FERRY_TRANSLATOR_EXEC_H

#include <stdbool.h>

#include "loader/process.h"
#include "translator/tb.h"

/* Sets up p->tr for p->arch and p->opts. Returns 0 or -errno. */
int translator_init(Process *p);

/* Allocates and resets a CPU state for a thread of p; NULL on out of memory. */
CPUCommon *cpu_new(Process *p);

/* Unlists and frees the CPU state of a thread that has stopped running guest code. */
void cpu_free(CPUCommon *cpu);

/* Runs the guest thread until it exits; returns only when it has. */
void cpu_loop(CPUCommon *cpu);

/* Finds or translates the TB for (pc, flags). Never NULL (exits on out of memory). */
TB *tb_find(CPUCommon *cpu, uint64_t pc, uint32_t flags);

/*
 * Drops every TB (code buffer full, or invalidation of everything) inside an
 * exclusive section: other threads are stopped outside generated code first.
 */
void tb_flush(Process *p);

/* Maps a host pc inside generated code to its TB, or NULL. */
TB *tb_from_host_pc(Process *p, uintptr_t host_pc);
/* Guest pc of the instruction containing host_pc in tb. */
uint64_t tb_guest_pc_at(const TB *tb, uintptr_t host_pc);

#endif
