#!/usr/bin/env python3
"""Program layout of the FP/AdvSIMD differential test (gen_simd.py, scan_simd.py).

A program holds sequences; each loads a state record (x0-x15, NZCV, FPCR, v0-v31
and the 256-byte scratch buffer: STATE_SIZE bytes, random by state_record(),
with FP special values per lane), runs its body, and writes one record to
stdout (REC_SIZE bytes: the state pointer, x0-x15, x25, x26, NZCV, FPSR, FPCR,
v0-v31, the scratch buffer).  The optional first argument of a program is the
index of the first sequence to run.  Registers x25-x28 are the harness's: x27 =
scratch, x26 = memory base, x25 = post-index register, x28 = state.
"""
import random, struct

STATE_SIZE = 912  # x0-x15, nzcv, fpcr, v0-v31, scratch
REC_SIZE = 944  # id, x0-x15, x25, x26, nzcv, fpsr, fpcr, v0-v31, scratch

rnd = random.Random()
op = lambda seq: rnd.choice(seq)

# ---- random values ----


def fp_special(bits):
    """A random interesting FP value of `bits` width, as an integer."""
    ebits, mbits = {16: (5, 10), 32: (8, 23), 64: (11, 52)}[bits]
    bias = (1 << (ebits - 1)) - 1
    emax = (1 << ebits) - 1
    sign = rnd.getrandbits(1) << (bits - 1)

    def mk(e, m):
        return sign | (e << mbits) | m

    k = rnd.randrange(16)
    if k >= 14:  # 2^e * (1 - ulp/2, 1, 1 + ulp): products and quotients at the range limits
        e = op([1, 2, 1 + mbits // 2, bias - 1, bias, bias + 1, emax - 2, emax - 1])
        return op([mk(e, 0), mk(e, 1), mk(e - 1, (1 << mbits) - 1)])
    if k == 0:
        return mk(0, 0)
    if k == 1:
        return mk(emax, 0)
    if k == 2:  # quiet NaN with payload
        return mk(emax, 1 << (mbits - 1) | rnd.getrandbits(mbits - 1))
    if k == 3:  # signalling NaN with payload
        return mk(emax, rnd.getrandbits(mbits - 1) or 1)
    if k == 4:  # subnormal
        return mk(0, rnd.getrandbits(mbits) or 1)
    if k == 5:  # min normal and neighbours
        return mk(1, op([0, 1, (1 << mbits) - 1]))
    if k == 6:  # max normal
        return mk(emax - 1, (1 << mbits) - 1 - op([0, 1]))
    if k == 7:  # 1.0, 2.0, 0.5 and neighbours
        return mk(bias + op([-1, 0, 1]), op([0, 0, 1, (1 << mbits) - 1]))
    if k == 8:  # near integer boundaries: x.5, 2^31, 2^32, 2^63, 2^64, ...
        e = bias + op([0, 1, 2, 15, 16, 30, 31, 32, 62, 63, 64, rnd.randrange(0, 66)])
        e = min(e, emax - 1)
        top = 1 << (mbits - 1)
        m = op([0, top, (1 << mbits) - 1, 1, top | 1, top >> 1])
        return mk(e, m)
    if k == 9:  # large integers
        e = bias + rnd.randrange(20, 70)
        return mk(min(e, emax - 1), rnd.getrandbits(mbits))
    if k == 10:  # tiny results: near the denormal boundary
        return mk(rnd.randrange(1, 1 + mbits // 2), rnd.getrandbits(mbits))
    if k == 11:  # near overflow
        return mk(emax - 1 - rnd.randrange(3), rnd.getrandbits(mbits))
    # ordinary numbers around 1
    return mk(bias + rnd.randrange(-8, 9), rnd.getrandbits(mbits))


def int_special(bits):
    k = rnd.randrange(8)
    top = 1 << (bits - 1)
    if k == 0:
        return op([0, 1, (1 << bits) - 1, top, top - 1, top + 1, (1 << bits) - 2])
    if k == 1:  # small signed
        return rnd.randrange(-64, 64) & ((1 << bits) - 1)
    if k == 2 and bits > 8:  # half-width extremes
        h = 1 << (bits // 2 - 1)
        return op([h, h - 1, (1 << bits) - h, 1 << (bits // 2), (1 << (bits // 2)) - 1])
    return rnd.getrandbits(bits)


def vreg_value():
    """128 bits: random bits, or lanes of one FP or integer kind."""
    k = rnd.randrange(10)
    if k == 0:
        return rnd.getrandbits(128)
    if k <= 5:
        bits = op([32, 32, 64, 64, 16])
        f = fp_special
    else:
        bits = op([8, 16, 32, 64])
        f = int_special
    v = 0
    for i in range(128 // bits):
        v |= f(bits) << (i * bits)
    return v


def gpr_value():
    k = rnd.randrange(6)
    if k == 0:
        return int_special(64)
    if k == 1:
        return int_special(32)
    if k == 2:  # an FP bit pattern for FMOV
        return fp_special(op([32, 64]))
    if k == 3:
        return rnd.randrange(-1000, 1000) & (2**64 - 1)
    return rnd.getrandbits(64)


def fpcr_value():
    v = rnd.randrange(4) << 22  # RMode
    if rnd.random() < 0.3:
        v |= 1 << 24  # FZ
    if rnd.random() < 0.3:
        v |= 1 << 25  # DN
    if rnd.random() < 0.2:
        v |= 1 << 26  # AHP
    return v


def state_record():
    b = b''.join(struct.pack('<Q', gpr_value()) for _ in range(16))
    b += struct.pack('<QQ', rnd.randrange(16) << 28, fpcr_value())
    for _ in range(32):
        v = vreg_value()
        b += struct.pack('<QQ', v & (2**64 - 1), v >> 64)
    for _ in range(16):
        v = vreg_value()
        b += struct.pack('<QQ', v & (2**64 - 1), v >> 64)
    assert len(b) == STATE_SIZE
    return b


PROLOGUE = '''.arch armv8.6-a+crypto+sha3+sm4+fp16+fp16fml
.globl _start
.text
_start:
    mov x0, #0
    ldr x1, [sp]
    cmp x1, #2
    b.lt 2f
    ldr x1, [sp, #16]
1:  ldrb w2, [x1], #1
    cbz w2, 2f
    sub w2, w2, #48
    mov x3, #10
    madd x0, x0, x3, x2
    b 1b
2:  movz x1, #(NSEQ & 0xffff)
    movk x1, #(NSEQ >> 16), lsl #16
    cmp x0, x1
    b.hs done
    adrp x1, seqtab
    add x1, x1, :lo12:seqtab
    ldr x1, [x1, x0, lsl #3]
    br x1
done:
    mov x0, #0
    mov x8, #93
    svc #0

// x28 = state record: scratch, V registers, FPCR, FPSR, NZCV, x0-x15.
ld_state:
    adrp x27, scratch
    add x27, x27, :lo12:scratch
    add x0, x28, #656
    mov x1, x27
    .rept 8
    ldp q0, q1, [x0], #32
    stp q0, q1, [x1], #32
    .endr
    add x0, x28, #144
LDPQ
    ldr x0, [x28, #136]
    msr fpcr, x0
    msr fpsr, xzr
    ldr x0, [x28, #128]
    msr nzcv, x0
    mov x25, #0
    mov x26, x27
    ldp x0, x1, [x28, #0]
    ldp x2, x3, [x28, #16]
    ldp x4, x5, [x28, #32]
    ldp x6, x7, [x28, #48]
    ldp x8, x9, [x28, #64]
    ldp x10, x11, [x28, #80]
    ldp x12, x13, [x28, #96]
    ldp x14, x15, [x28, #112]
    ret

// One record to stdout (REC_SIZE bytes), then x30 is the return address.
dump:
    adrp x24, out
    add x24, x24, :lo12:out
    stp x28, x0, [x24, #0]
    stp x1, x2, [x24, #16]
    stp x3, x4, [x24, #32]
    stp x5, x6, [x24, #48]
    stp x7, x8, [x24, #64]
    stp x9, x10, [x24, #80]
    stp x11, x12, [x24, #96]
    stp x13, x14, [x24, #112]
    stp x15, x25, [x24, #128]
    mrs x0, nzcv
    stp x26, x0, [x24, #144]
    mrs x0, fpsr
    mrs x1, fpcr
    stp x0, x1, [x24, #160]
    add x0, x24, #176
STPQ
    mov x1, x27
    .rept 8
    ldp q0, q1, [x1], #32
    stp q0, q1, [x0], #32
    .endr
    mov x0, #1
    mov x1, x24
    mov x2, #REC_SIZE
    mov x8, #64
    svc #0
    ret
'''


def write_program(out, seqs):
    """Writes OUT.S and OUT.state for seqs = [(state record, body text)]."""
    pairs = lambda m: '\n'.join('    %s q%d, q%d, [x0], #32' % (m, r, r + 1) for r in range(0, 32, 2))
    asm = [PROLOGUE.replace('NSEQ', str(len(seqs))).replace('REC_SIZE', str(REC_SIZE)).replace(
        'LDPQ', pairs('ldp')).replace('STPQ', pairs('stp'))]
    with open(out + '.state', 'wb') as st:
        for i, (state, text) in enumerate(seqs):
            st.write(state)
            asm.append('seq%d:\n    adrp x28, st%d\n    add x28, x28, :lo12:st%d\n    bl ld_state'
                       % (i, i, i))
            asm.append('body%d:' % i)
            asm.extend('    ' + ln for ln in text.split('\n') if ln)
            asm.append('body_end%d:\n    bl dump' % i)
    asm.append('    b done')
    asm.append('.section .rodata\n.balign 8\nseqtab:')
    asm.extend('    .quad seq%d' % i for i in range(len(seqs)))
    asm.append('.data\n.balign 16\nstates:\n    .incbin "%s.state"' % out.split('/')[-1])
    asm.extend('.set st%d, states + %d' % (i, i * STATE_SIZE) for i in range(len(seqs)))
    asm.append('.bss\n.balign 16\nscratch: .space 256\nout: .space %d' % REC_SIZE)
    with open(out + '.S', 'w') as f:
        f.write('\n'.join(asm) + '\n')
