/*
 * The AArch64 Linux signal frame (rt_sigframe), the GuestArch signal hooks.
 */
#ifndef FERRY_FRONTENDS_AARCH64_SIGFRAME_H
#define FERRY_FRONTENDS_AARCH64_SIGFRAME_H

#include <stdint.h>

#include "translator/cpu.h"

struct SigFrame;

/* Builds the frame below f->sp_top and enters the handler. 0 or -EFAULT. */
int a64_sig_setup_frame(CPUCommon *cpu, const struct SigFrame *f);
/* rt_sigreturn: restores the registers from the frame at sp.  0, or -EFAULT for a frame
 * Linux rejects (unreadable or misaligned, bad PSTATE, bad __reserved records). */
int a64_sig_restore_frame(CPUCommon *cpu, struct SigFrame *f);
/* mov x8, #139 (rt_sigreturn); svc #0 — what the kernel's vDSO trampoline holds. */
extern const uint8_t a64_sig_tramp[8];
/* The guest sp. */
uint64_t a64_sig_sp(const CPUCommon *cpu);

#endif
