/*
 * Enters a fuzz page with every register random (fuzz_enter) and comes back
 * from its end (fuzz_return, onto the harness's own stack).  Offsets follow
 * FuzzRegs in fuzz.h: x[31] at 0, sp 248, nzcv 256, fpcr 264, q0..q31 272.
 */
    .text
    .global fuzz_enter
    .type fuzz_enter, %function
fuzz_enter:
    mov x16, x1
    mov x17, x0
    ldr x2, [x17, #256]
    msr nzcv, x2
    ldr x2, [x17, #264]
    msr fpcr, x2
    ldp q0, q1, [x17, #272]
    ldp q2, q3, [x17, #304]
    ldp q4, q5, [x17, #336]
    ldp q6, q7, [x17, #368]
    ldp q8, q9, [x17, #400]
    ldp q10, q11, [x17, #432]
    ldp q12, q13, [x17, #464]
    ldp q14, q15, [x17, #496]
    ldp q16, q17, [x17, #528]
    ldp q18, q19, [x17, #560]
    ldp q20, q21, [x17, #592]
    ldp q22, q23, [x17, #624]
    ldp q24, q25, [x17, #656]
    ldp q26, q27, [x17, #688]
    ldp q28, q29, [x17, #720]
    ldp q30, q31, [x17, #752]
    ldr x2, [x17, #248]
    mov sp, x2
    ldp x0, x1, [x17, #0]
    ldp x2, x3, [x17, #16]
    ldp x4, x5, [x17, #32]
    ldp x6, x7, [x17, #48]
    ldp x8, x9, [x17, #64]
    ldp x10, x11, [x17, #80]
    ldp x12, x13, [x17, #96]
    ldp x14, x15, [x17, #112]
    ldp x18, x19, [x17, #144]
    ldp x20, x21, [x17, #160]
    ldp x22, x23, [x17, #176]
    ldp x24, x25, [x17, #192]
    ldp x26, x27, [x17, #208]
    ldp x28, x29, [x17, #224]
    ldr x30, [x17, #240]
    ldr x17, [x17, #136]
    br x16
    .size fuzz_enter, . - fuzz_enter

    .global fuzz_return
    .type fuzz_return, %function
fuzz_return:
    adrp x0, fuzz_ret_sp
    ldr x0, [x0, :lo12:fuzz_ret_sp]
    mov sp, x0
    b fuzz_returned
    .size fuzz_return, . - fuzz_return
    .section .note.GNU-stack, "", %progbits
