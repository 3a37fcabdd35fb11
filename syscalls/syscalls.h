/*
 * The Linux syscall layer shared by all guests.
 *
 * A frontend's handle_exception reads the guest's syscall number and
 * arguments from its registers and calls sys_dispatch, which maps the
 * number through the guest's SysAbi table to a generic handler.  Handlers
 * check every guest pointer (-EFAULT), convert structs through layout
 * descriptors (thunk.h) and return the guest's return value: a result or
 * -errno in the guest's errno numbering.
 */
#ifndef FERRY_SYSCALLS_SYSCALLS_H
#define FERRY_SYSCALLS_SYSCALLS_H

#include <stdint.h>

#include "translator/cpu.h"

/*
 * Runs guest syscall `nr` with `args` for the thread of `cpu`.  Returns the
 * value for the guest's return register, or SYS_RESTART.  Calls that do not
 * return (exit, exit_group, a successful execve) do not return here.
 */
int64_t sys_dispatch(CPUCommon *cpu, uint64_t nr, const uint64_t args[6]);

/*
 * sys_dispatch's answer for a call interrupted by a signal whose guest
 * handler asked SA_RESTART (Linux's ERESTARTSYS): the frontend leaves the
 * argument registers alone and points pc back at the syscall instruction,
 * so the call runs again when the handler returns.
 */
#define SYS_RESTART (-512)

#endif
