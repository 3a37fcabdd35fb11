// cflags: -nostdlib
/*
 * Instruction-level test of FP corner cases: tininess detected before
 * rounding (results that round up to the smallest normal raise UFC, and
 * become zero under FPCR.FZ), FPCR.AHP half-precision conversions, FCVTXN
 * (round to odd), SUQADD/USQADD.  Each line: the instruction, the FPCR, then
 * d0 (seeded with the third input) and FPSR in hex.  Standalone: no libc,
 * output through the write syscall.  Expected output from qemu-aarch64.
 */

.macro movq reg, val
    movz \reg, #((\val) & 0xffff)
    movk \reg, #(((\val) >> 16) & 0xffff), lsl #16
    movk \reg, #(((\val) >> 32) & 0xffff), lsl #32
    movk \reg, #(((\val) >> 48) & 0xffff), lsl #48
.endm

/* One instruction under one FPCR: d1 = a, d2 = b, d0 = d3 = c. */
.macro T1 insn, fpcr, a, b=0, c=0
    movq x9, \fpcr
    msr fpcr, x9
    msr fpsr, xzr
    movq x9, \a
    fmov d1, x9
    movq x9, \b
    fmov d2, x9
    movq x9, \c
    fmov d3, x9
    fmov d0, x9
    \insn
    fmov x19, d0
    mrs x20, fpsr
    adr x22, 1f
    bl print
    b 2f
1:  .asciz "\insn"
    .balign 4
2:
.endm

/* The instruction under RN, FZ, RP, FZ+RP, AHP, AHP+FZ+RZ. */
.macro T insn, a, b=0, c=0
    T1 "\insn", 0, \a, \b, \c
    T1 "\insn", 0x1000000, \a, \b, \c
    T1 "\insn", 0x400000, \a, \b, \c
    T1 "\insn", 0x1400000, \a, \b, \c
    T1 "\insn", 0x4000000, \a, \b, \c
    T1 "\insn", 0x5c00000, \a, \b, \c
.endm

#define X3P600 0x1a88000000000000 /* 3 * 2^-600 */
#define Y3 0x2575555555555555 /* 2^-422 / 3 rounded down: X3P600 * Y3 = DBL_MIN * (1 - 2^-54) */

.globl _start
_start:
    T "fmul d0, d1, d2", X3P600, Y3
    T "fnmul d0, d1, d2", X3P600, Y3
    T "fmadd d0, d1, d2, d3", X3P600, Y3, 0
    T "fmsub d0, d1, d2, d3", X3P600, 0xa575555555555555, 0
    T "fmul s0, s1, s2", 0x00800000, 0x3f7fffff
    T "fmadd s0, s1, s2, s3", 0x00800000, 0x3f7fffff, 0
    T "fnmadd s0, s1, s2, s1", 0x80800000, 0x85a020cc
    T "fcvt s0, d1", 0x380ffffff0000000
    T "fcvt s0, d1", 0x380fffffe0000000
    T "fcvt h0, s1", 0x501502f9
    T "fcvt h0, s1", 0x4788b800
    T "fcvt h0, s1", 0x7fc00001
    T "fcvt h0, s1", 0xff800000
    T "fcvt h0, d1", 0x7ff0000000000001
    T "fcvt s0, h1", 0x7fff
    T "fcvt d0, h1", 0xfc01
    T "fcvtxn s0, d1", 0x3fd5555555555555
    T "fcvtxn s0, d1", 0x47f0000000000001
    T "fcvtxn s0, d1", 0x3690000000000001
    T "fcvtxn v0.2s, v1.2d", 0x3ff0000000000001
    T "suqadd b0, b1", 0x80, 0, 0x7f
    T "suqadd v0.8h, v1.8h", 0x8000ffff00017fff, 0, 0x7fff800000018000
    T "usqadd b0, b1", 0x80, 0, 0x7f
    T "usqadd v0.4s, v1.4s", 0x80000000ffffffff, 0, 0x7fffffff00000000
    mov x0, #0
    mov x8, #93
    svc #0

/* Prints the string at x22, the FPCR, x19 and x20 in hex and a newline. */
print:
    mov x21, x30
    adr x1, buf
3:  ldrb w3, [x22], #1
    cbz w3, 4f
    strb w3, [x1], #1
    b 3b
4:  mrs x2, fpcr
    bl hex
    mov x2, x19
    bl hex
    mov x2, x20
    bl hex
    mov w3, #'\n'
    strb w3, [x1], #1
    adr x4, buf
    sub x2, x1, x4
    mov x1, x4
    mov x0, #1
    mov x8, #64
    svc #0
    ret x21

/* Appends ' ' and x2 as 16 hex digits at x1. */
hex:
    mov w3, #' '
    strb w3, [x1], #1
    mov x5, #60
5:  lsr x3, x2, x5
    and x3, x3, #15
    cmp x3, #10
    add x4, x3, #'0'
    add x3, x3, #('a' - 10)
    csel x3, x4, x3, lo
    strb w3, [x1], #1
    subs x5, x5, #4
    b.ge 5b
    ret

.bss
buf: .space 256
