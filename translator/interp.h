/*
 * The IR interpreter: executes a TB's optimized IR directly (-no-jit).
 * It is the reference backend: every guest test runs under it and under the
 * JIT, and both must agree.  Guest memory faults are host faults inside the
 * interpreter; signals/ maps them back through cpu state (the interpreter
 * stores the pc of each insn_start it passes in cpu->pc before any op that
 * may fault).
 */
#ifndef FERRY_TRANSLATOR_INTERP_H
#define FERRY_TRANSLATOR_INTERP_H

#include "translator/tb.h"

/* Prepares a TB's private IR copy for interpretation (labels -> op indices). */
void ir_interp_prepare(IrContext *ir);

/* Runs tb->ir for cpu until an exit op; returns how it left. */
TBExit ir_interp_run(CPUCommon *cpu, TB *tb);

#endif
