// cflags: -nostdlib
/*
 * Instruction-level test of the A64 integer ISA (trans_dp.c): every test
 * loads inputs into x1..x3 and NZCV, runs one instruction (or a short
 * sequence) and prints x0 and the resulting NZCV in hex.  Standalone: no
 * libc, output through the write syscall.  Expected output from qemu-aarch64.
 */

#define V64 0, 1, -1, 0x7fffffffffffffff, 0x8000000000000000, 0x80000000, 0x7fffffff, \
            0x123456789abcdef0
#define V32 0, 1, 0xffffffff, 0x7fffffff, 0x80000000, 0xffffffff80000001, 0x5a5a5a5a12345678
#define VS 0, -1, 0x8000000000000001, 0x123456789abcdef0, 0xfedcba9876543210
#define CNT 0, 1, 31, 32, 33, 63, 64, 0xffffffffffffffc1
#define CONDS eq, ne, cs, cc, mi, pl, vs, vc, hi, ls, ge, lt, gt, le, al, nv
#define NZCVS 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15

.macro movq reg, val
    movz \reg, #((\val) & 0xffff)
    movk \reg, #(((\val) >> 16) & 0xffff), lsl #16
    movk \reg, #(((\val) >> 32) & 0xffff), lsl #32
    movk \reg, #(((\val) >> 48) & 0xffff), lsl #48
.endm

/* x1 = a, x2 = b, x3 = c, NZCV = fl (4 bits), x0 = a sentinel. */
.macro IN a, b=0, c=0, fl=0
    movq x1, \a
    movq x2, \b
    movq x3, \c
    movz x9, #((\fl) << 12), lsl #16
    msr nzcv, x9
    movq x0, 0x5555555555555555
.endm

.macro OUT
    bl report
.endm

.macro TITLE str
    adr x1, 1f
    mov x2, #(2f - 1f)
    b 3f
1:  .ascii "-- \str\n"
2:  .balign 4
3:  mov x0, #1
    mov x8, #64
    svc #0
.endm

/* op x0, x1, x2 over V64 x V64 with input flags fl. */
.macro BIN op, fl=0
.irp a, V64
.irp b, V64
    IN \a, \b, 0, \fl
    \op x0, x1, x2
    OUT
.endr
.endr
.endm

.macro BINW op, fl=0
.irp a, V32
.irp b, V32
    IN \a, \b, 0, \fl
    \op w0, w1, w2
    OUT
.endr
.endr
.endm

/* Long multiplies: op x0, w1, w2. */
.macro BINL op
.irp a, V32
.irp b, V32
    IN \a, \b
    \op x0, w1, w2
    OUT
.endr
.endr
.endm

.macro UN op
.irp a, V64, 0x0102030405060708, 0x00000000000f0000, 0xffff8000
    IN \a, 0, 0, 5
    \op x0, x1
    OUT
.endr
.endm

.macro UNW op
.irp a, V32, 0x0102030405060708, 0x00000000000f0000, 0xffff8000
    IN \a, 0, 0, 5
    \op w0, w1
    OUT
.endr
.endm

/* Shift by register counts. */
.macro SHV op
.irp a, VS
.irp b, CNT
    IN \a, \b
    \op x0, x1, x2
    OUT
    IN \a, \b
    \op w0, w1, w2
    OUT
.endr
.endr
.endm

/* Shifted-register second operand. */
.macro SHR op, sh, amt
.irp a, VS
    IN \a, 0x8123456789abcdef, 0, 10
    \op x0, x1, x2, \sh #\amt
    OUT
.endr
.endm

.macro SHRW op, sh, amt
.irp a, VS
    IN \a, 0x8123456789abcdef, 0, 10
    \op w0, w1, w2, \sh #\amt
    OUT
.endr
.endm

/* Extended-register second operand. */
.macro EXT op, ext, amt
.irp b, 0, 0x80, 0xff, 0x8000, 0xffff, 0x80000000, 0xffffffff, 0x8000000000000000, -1
    IN 0x1000, \b
    \op x0, x1, w2, \ext #\amt
    OUT
.endr
.endm

.macro EXTX op, ext, amt
.irp b, 0x8000000000000000, -1, 5
    IN 0x1000, \b
    \op x0, x1, x2, \ext #\amt
    OUT
.endr
.endm

/* Single instruction over a few values of x1 (and x2). */
.macro ONE insn:vararg
.irp a, VS, 0x7fffffff, 0x80000000
    IN \a, 0x0f0f0f0f0f0f0f0f, 0, 6
    \insn
    OUT
.endr
.endm

/* Same with NZCV coming from the previous translation block. */
.macro ALLCOND_TB insn_prefix, insn_suffix
.irp fl, NZCVS
.irp c, CONDS
    IN 0x1111, 0x2222, 0, \fl
    b 1f
1:  \insn_prefix \c \insn_suffix
    OUT
.endr
.endr
.endm

/* Conditional select/compare for every cond and every NZCV value. */
.macro ALLCOND insn_prefix, insn_suffix
.irp fl, NZCVS
.irp c, CONDS
    IN 0x1111, 0x2222, 0, \fl
    \insn_prefix \c \insn_suffix
    OUT
.endr
.endr
.endm

.arch armv8-a+crc
.text
.globl _start
_start:
    TITLE "adds"
    BIN adds
    TITLE "subs"
    BIN subs
    TITLE "adcs c0"
    BIN adcs, 0
    TITLE "adcs c1"
    BIN adcs, 2
    TITLE "sbcs c0"
    BIN sbcs, 0
    TITLE "sbcs c1"
    BIN sbcs, 2
    TITLE "ands"
    BIN ands, 3
    TITLE "bics"
    BIN bics, 3
    TITLE "adds w"
    BINW adds
    TITLE "subs w"
    BINW subs
    TITLE "adcs w"
    BINW adcs, 2
    TITLE "sbcs w c0"
    BINW sbcs, 0
    TITLE "sbcs w c1"
    BINW sbcs, 2
    TITLE "ands w"
    BINW ands, 12
    TITLE "bics w"
    BINW bics, 12

    TITLE "add sub adc sbc (flags kept)"
    BIN add, 15
    BIN sub, 15
    BIN adc, 2
    BIN sbc, 2
    BINW add, 15
    BINW sub, 15
    BINW adc, 2
    BINW sbc, 0
    TITLE "logic"
    BIN and, 9
    BIN orr, 9
    BIN eor, 9
    BIN orn, 9
    BIN eon, 9
    BIN bic, 9
    BINW and, 9
    BINW orr, 9
    BINW eor, 9
    BINW orn, 9
    BINW eon, 9
    BINW bic, 9
    TITLE "mul div"
    BIN mul
    BIN mneg
    BIN smulh
    BIN umulh
    BIN udiv
    BIN sdiv
    BINW mul
    BINW udiv
    BINW sdiv
    BINL smull
    BINL umull
    BINL smnegl
    BINL umnegl
    TITLE "madd msub smaddl umaddl smsubl umsubl"
    ONE madd x0, x1, x2, x1
    ONE msub x0, x1, x2, x2
    ONE madd w0, w1, w2, w1
    ONE msub w0, w1, w2, w2
    ONE smaddl x0, w1, w2, x1
    ONE umaddl x0, w1, w2, x1
    ONE smsubl x0, w1, w2, x2
    ONE umsubl x0, w1, w2, x2
    ONE smaddl x0, w1, w1, x2
    ONE umaddl x0, w1, w1, x2
    TITLE "shifts by register"
    SHV lslv
    SHV lsrv
    SHV asrv
    SHV rorv
    TITLE "unary"
    UN rbit
    UN rev16
    UN rev32
    UN rev
    UN clz
    UN cls
    UNW rbit
    UNW rev16
    UNW rev
    UNW clz
    UNW cls
    TITLE "shifted register operands"
.irp op, add, adds, sub, subs
.irp amt, 0, 1, 31, 32, 63
    SHR \op, lsl, \amt
    SHR \op, lsr, \amt
    SHR \op, asr, \amt
.endr
.irp amt, 0, 1, 16, 31
    SHRW \op, lsl, \amt
    SHRW \op, lsr, \amt
    SHRW \op, asr, \amt
.endr
.endr
.irp op, and, ands, orr, orn, eor, eon, bic, bics
.irp amt, 0, 1, 31, 32, 63
    SHR \op, lsl, \amt
    SHR \op, lsr, \amt
    SHR \op, asr, \amt
    SHR \op, ror, \amt
.endr
.irp amt, 0, 1, 16, 31
    SHRW \op, lsl, \amt
    SHRW \op, lsr, \amt
    SHRW \op, asr, \amt
    SHRW \op, ror, \amt
.endr
.endr
    TITLE "extended register operands"
.irp op, add, adds, sub, subs
.irp ext, uxtb, uxth, uxtw, sxtb, sxth, sxtw
    EXT \op, \ext, 0
    EXT \op, \ext, 3
.endr
    EXTX \op, uxtx, 0
    EXTX \op, sxtx, 4
    EXTX \op, lsl, 2
.endr
    IN 0x1000, 0x80000001
    add w0, w1, w2, sxth #4
    OUT
    IN 0x1000, 0x80000001
    subs w0, w1, w2, uxtb #1
    OUT
    IN -3, 0x80000001
    cmn w1, w2, uxth
    OUT
    TITLE "sp forms"
    mov x20, sp
    mov x1, #0x20
    add sp, x20, x1
    sub x0, sp, x20
    OUT
    sub sp, sp, #0x20
    sub x0, sp, x20
    OUT
    add x11, sp, #1, lsl #12
    sub x0, x11, x20
    OUT
    mov x1, #-8
    add sp, sp, x1, sxtx
    sub x0, sp, x20
    OUT
    mov w1, #-16
    add sp, sp, w1, sxtw
    sub x0, sp, x20
    OUT
    mov x1, #48
    adds x0, sp, x1
    sub x0, x0, x20
    OUT
    cmp sp, x20
    cset x0, lo
    OUT
    mov sp, x20
    and sp, x20, #0xfffffffffffffff0
    sub x0, sp, x20
    OUT
    mov sp, x20
    TITLE "immediates"
    ONE add x0, x1, #0xfff
    ONE add x0, x1, #0xfff, lsl #12
    ONE adds x0, x1, #1
    ONE adds w0, w1, #1
    ONE subs x0, x1, #1
    ONE subs w0, w1, #0x800, lsl #12
    ONE cmp x1, #0
    ONE cmn w1, #1
    ONE sub w0, w1, #4095
    ONE and x0, x1, #0xff00ff00ff00ff00
    ONE and x0, x1, #0x5555555555555555
    ONE orr x0, x1, #0x8000000000000001
    ONE eor x0, x1, #0x7ffffffffffffffe
    ONE ands x0, x1, #0xffffffff00000000
    ONE ands w0, w1, #0x80000000
    ONE tst w1, #0xff
    ONE and w0, w1, #0x3ffc
    ONE orr w0, w1, #0xf0f0f0f0
    ONE eor w0, w1, #0xaaaaaaaa
    ONE orr x0, xzr, #0x00ff000000ff0000
    ONE mov x0, #0x1111111111111111
    ONE eor x0, x1, #0xe00000000000000f
    ONE movz x0, #0xbeef, lsl #48
    ONE movn x0, #0xbeef, lsl #16
    ONE movn w0, #0xbeef, lsl #16
    ONE movn w0, #0
    ONE movk x1, #0xcafe, lsl #32 ; mov x0, x1
    ONE movk w1, #0xcafe, lsl #16 ; mov x0, x1
    ONE movk w1, #0xcafe ; mov x0, x1
    TITLE "bitfields"
    ONE ubfx x0, x1, #4, #8
    ONE ubfx x0, x1, #60, #4
    ONE ubfx x0, x1, #0, #64
    ONE ubfx w0, w1, #28, #4
    ONE sbfx x0, x1, #4, #8
    ONE sbfx x0, x1, #63, #1
    ONE sbfx w0, w1, #30, #2
    ONE sbfx w0, w1, #0, #32
    ONE ubfiz x0, x1, #8, #8
    ONE ubfiz w0, w1, #31, #1
    ONE sbfiz x0, x1, #60, #4
    ONE sbfiz w0, w1, #4, #8
    ONE lsl x0, x1, #1
    ONE lsl x0, x1, #63
    ONE lsl w0, w1, #31
    ONE lsl w0, w1, #4
    ONE lsr x0, x1, #63
    ONE lsr w0, w1, #31
    ONE lsr w0, w1, #1
    ONE asr x0, x1, #1
    ONE asr x0, x1, #63
    ONE asr w0, w1, #31
    ONE asr w0, w1, #4
    ONE sxtb x0, w1
    ONE sxth x0, w1
    ONE sxtw x0, w1
    ONE sxtb w0, w1
    ONE sxth w0, w1
    ONE uxtb w0, w1
    ONE uxth w0, w1
    ONE mov w0, w1
    ONE bfi x2, x1, #8, #16 ; mov x0, x2
    ONE bfi x2, x1, #60, #4 ; mov x0, x2
    ONE bfi w2, w1, #28, #4 ; mov x0, x2
    ONE bfi w2, w1, #0, #32 ; mov x0, x2
    ONE bfxil x2, x1, #8, #16 ; mov x0, x2
    ONE bfxil x2, x1, #0, #64 ; mov x0, x2
    ONE bfxil w2, w1, #16, #16 ; mov x0, x2
    ONE bfxil w2, w1, #31, #1 ; mov x0, x2
    ONE bfm x2, xzr, #60, #7 ; mov x0, x2
    ONE bfm x2, x1, #0, #0 ; mov x0, x2
    ONE bfm x2, x1, #63, #62 ; mov x0, x2
    ONE extr x0, x1, x2, #0
    ONE extr x0, x1, x2, #1
    ONE extr x0, x1, x2, #63
    ONE extr x0, x2, x1, #17
    ONE extr w0, w1, w2, #0
    ONE extr w0, w1, w2, #31
    ONE extr w0, w2, w1, #8
    ONE ror x0, x1, #4
    ONE ror w0, w1, #4
    ONE ror w0, w1, #31
    TITLE "csel"
    ALLCOND "csel x0, x1, x2,"
    ALLCOND "csinc w0, w1, w2,"
    ALLCOND "csinv x0, x1, x2,"
    ALLCOND "csneg w0, w1, w2,"
    ALLCOND "csinc x0, xzr, xzr,"
    ALLCOND "csinv w0, wzr, wzr,"
    ALLCOND "ccmp x1, x2, #5,"
    ALLCOND "ccmn w1, #31, #10,"
    ONE cinc x0, x1, eq
    ONE cneg x0, x1, mi
    ONE cinv w0, w1, ne
    TITLE "cond across a TB boundary"
    ALLCOND_TB "ccmp x1, x2, #5,"
    ALLCOND_TB "ccmn w1, #3, #10,"
    ALLCOND_TB "csneg x0, x1, x2,"
    TITLE "ccmp values"
.irp a, VS
.irp b, VS
    IN \a, \b, 0, 0
    ccmp x1, x2, #0xf, eq
    OUT
    IN \a, \b, 0, 4
    ccmn x1, x2, #0x0, eq
    OUT
    IN \a, \b, 0, 4
    ccmp w1, w2, #0x0, eq
    OUT
    IN \a, \b, 0, 4
    ccmn w1, w2, #0x0, ne
    OUT
.endr
.endr
    TITLE "crc32"
.irp a, 0, -1, 0x123456789abcdef0
    IN \a, 0x0102030405060708
    crc32b w0, w1, w2
    OUT
    IN \a, 0x0102030405060708
    crc32h w0, w1, w2
    OUT
    IN \a, 0x0102030405060708
    crc32w w0, w1, w2
    OUT
    IN \a, 0x0102030405060708
    crc32x w0, w1, x2
    OUT
    IN \a, 0x0102030405060708
    crc32cb w0, w1, w2
    OUT
    IN \a, 0x0102030405060708
    crc32ch w0, w1, w2
    OUT
    IN \a, 0x0102030405060708
    crc32cw w0, w1, w2
    OUT
    IN \a, 0x0102030405060708
    crc32cx w0, w1, x2
    OUT
.endr
    TITLE "branches"
.irp fl, NZCVS
.irp c, CONDS
    IN 0, 0, 0, \fl
    mov x0, #1
    b.\c 1f
    mov x0, #2
1:  OUT
.endr
.endr
.irp a, 0, 1, -1, 0x100000000, 0x80000000
    IN \a
    mov x0, #1
    cbz x1, 1f
    mov x0, #2
1:  OUT
    IN \a
    mov x0, #1
    cbnz x1, 1f
    mov x0, #2
1:  OUT
    IN \a
    mov x0, #1
    cbz w1, 1f
    mov x0, #2
1:  OUT
    IN \a
    mov x0, #1
    cbnz w1, 1f
    mov x0, #2
1:  OUT
.irp bit, 0, 31, 32, 63
    IN \a
    mov x0, #1
    tbz x1, #\bit, 1f
    mov x0, #2
1:  OUT
    IN \a
    mov x0, #1
    tbnz x1, #\bit, 1f
    mov x0, #2
1:  OUT
.endr
.endr
    bl 1f
    b 2f
1:  adr x1, 1b
    sub x0, x30, x1
    OUT
    b 3f
2:  mov x0, #0xbad
3:  OUT
    adr x1, 4f
    blr x1
    b 5f
4:  adr x1, 4b
    sub x0, x30, x1
    mov x19, x30
    OUT
    ret x19
5:  adr x30, 6f
    br x30
    mov x0, #0xbad
6:  mov x0, #6
    OUT
    adr x1, 7f
    mov x30, x1
    blr x30
    b 8f
7:  adr x1, 7b
    sub x0, x30, x1
    mov x19, x30
    OUT
    ret x19
8:  TITLE "adr adrp"
    adr x0, 9f
    adr x1, _start
    sub x0, x0, x1
    OUT
    adrp x0, _start
    adr x1, _start
    and x1, x1, #~0xfff
    sub x0, x0, x1
    OUT
9:  adrp x0, buf
    add x0, x0, :lo12:buf
    adr x1, buf
    sub x0, x0, x1
    OUT
    TITLE "system registers"
.irp v, 0, 0xf0000000, 0x90000000, 0x60000000, 0x0fffffff
    movq x1, \v
    msr nzcv, x1
    mrs x0, nzcv
    OUT
.endr
    movq x1, 0x123456789abcdef0
    msr tpidr_el0, x1
    mrs x0, tpidr_el0
    OUT
    mrs x1, dczid_el0
    and x0, x1, #0x10           // DZP clear (qemu's block size differs: check BS >= 4 only)
    and x1, x1, #0xf
    cmp x1, #4
    cinc x0, x0, hs
    msr nzcv, xzr
    OUT
    mov x1, #0x00c00000
    msr fpcr, x1
    mrs x0, fpcr
    OUT
    msr fpcr, xzr
    mrs x0, fpcr
    OUT
    mov x1, #0x9f
    msr fpsr, x1
    mrs x0, fpsr
    OUT
    msr fpsr, xzr
    mrs x0, fpsr
    OUT
    mrs x0, id_aa64isar0_el1
    ubfx x0, x0, #16, #4
    OUT
    mrs x1, cntvct_el0
    mrs x2, cntvct_el0
    cmp x2, x1
    cset x0, hs
    msr nzcv, xzr
    OUT
    mrs x0, cntfrq_el0
    cmp x0, #0
    cset x0, ne
    OUT
    TITLE "hints barriers"
    mov x0, #7
    nop
    yield
    sev
    sevl
    hint #0x22
    hint #0x19
    hint #0x1d
    hint #0x7f
    dmb ish
    dmb ishld
    dmb ishst
    dsb sy
    isb
    clrex
    OUT
    TITLE "dc zva"
    adrp x1, buf
    add x1, x1, :lo12:buf
    mov x2, #-1
    mov x3, #0
1:  str x2, [x1, x3]
    add x3, x3, #8
    cmp x3, #192
    b.ne 1b
    add x4, x1, #64 + 24
    dc zva, x4
    mov x3, #64
    mov x0, #0
1:  ldr x2, [x1, x3]            // the 64 bytes around x4 (qemu zeroes a larger block)
    orr x0, x0, x2
    add x3, x3, #8
    cmp x3, #128
    b.ne 1b
    OUT
    dc cvau, x1
    dc civac, x1
    ic ivau, x1
    dsb ish
    isb
    TITLE "done"
    mov x0, #0
    mov x8, #93
    svc #0

/* Prints x0 and NZCV as "xxxxxxxxxxxxxxxx n\n"; clobbers x0..x15 except x0's value is printed. */
report:
    mrs x10, nzcv
    adrp x11, line
    add x11, x11, :lo12:line
    mov x13, x11
    mov x12, #60
1:  lsr x14, x0, x12
    and x14, x14, #15
    cmp x14, #10
    add x15, x14, #'0'
    add x14, x14, #('a' - 10)
    csel x14, x15, x14, lo
    strb w14, [x13], #1
    subs x12, x12, #4
    b.ge 1b
    mov w14, #' '
    strb w14, [x13], #1
    lsr x14, x10, #28
    cmp x14, #10
    add x15, x14, #'0'
    add x14, x14, #('a' - 10)
    csel x14, x15, x14, lo
    strb w14, [x13], #1
    mov w14, #'\n'
    strb w14, [x13], #1
    mov x0, #1
    mov x1, x11
    sub x2, x13, x11
    mov x8, #64
    svc #0
    ret

.bss
.balign 64
line: .space 64
.balign 64
buf: .space 256
