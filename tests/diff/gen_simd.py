#!/usr/bin/env python3
"""Random AArch64 FP and AdvSIMD instruction sequences for the differential test.

Usage: gen_simd.py SEED COUNT OUT [CLASSES]
Writes OUT.S (program), OUT.state (the initial state of every sequence, pulled
in with .incbin) and OUT.seq (one line per sequence: index, class, body).

Each sequence: load GPRs x0-x15, NZCV, FPCR (random RMode, FZ, DN, AHP), a
cleared FPSR, all 32 V registers (random bits and per-lane FP specials) and a
256-byte scratch buffer from its state record; run 4-16 random instructions
of one class; then write one record to stdout: the state pointer, x0-x15,
x25, x26, NZCV, FPSR, FPCR, v0-v31 and the scratch buffer (REC_SIZE bytes).
The program takes an optional first argument, the index of the first
sequence to run, so that a runner can resume after a sequence that crashed.

Only valid encodings are emitted (the assembler rejects the rest): ARMv8.0 FP
and AdvSIMD (CLASSES, no FP16 arithmetic), and the OPTIONAL extension classes
(crypto, FP16, RDM, dot product, complex, FHM, JSCVT, FRINTTS, I8MM, BF16)
that run_simd.py adds when ferry's AT_HWCAP / AT_HWCAP2 advertise them.
Registers x25-x28 are reserved: x27 = scratch, x26 = memory base (reset
before every memory instruction), x25 = post-index register, x28 = state.
"""
import random, struct, sys

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


# ---- operands ----

ARR = {(0, 0): '8b', (0, 1): '16b', (1, 0): '4h', (1, 1): '8h', (2, 0): '2s', (2, 1): '4s',
       (3, 0): '1d', (3, 1): '2d'}
ESZ = 'bhsd'
COND = 'eq ne cs cc mi pl vs vc hi ls ge lt gt le al nv'.split()


class Ops:
    """Per-sequence register pools, so that instructions feed each other."""

    def __init__(self):
        self.vp = rnd.sample(range(32), 6)
        self.gp = rnd.sample(range(16), 5)

    def v(self, lo16=False):
        if lo16:
            c = [r for r in self.vp if r < 16]
            return op(c) if c and rnd.random() < 0.8 else rnd.randrange(16)
        return op(self.vp) if rnd.random() < 0.9 else rnd.randrange(32)

    def g(self):
        return op(self.gp) if rnd.random() < 0.9 else rnd.randrange(16)

    def x(self):
        return 'x%d' % self.g()

    def w(self):
        return 'w%d' % self.g()

    def xz(self):
        return 'xzr' if rnd.random() < 0.05 else self.x()

    def wz(self):
        return 'wzr' if rnd.random() < 0.05 else self.w()

    def vt(self, size, q, lo16=False):
        return 'v%d.%s' % (self.v(lo16), ARR[(size, q)])

    def s(self, esz):
        return '%s%d' % (ESZ[esz] if esz < 4 else 'q', self.v())


def arr(sizes, qs=(0, 1), no1d=True):
    while True:
        size, q = op(sizes), op(qs)
        if not (no1d and size == 3 and q == 0):
            return size, q


# ---- scalar floating point ----


def c_fp1(o):
    t = op([2, 3])
    m = op(['fmov', 'fabs', 'fneg', 'fsqrt', 'frintn', 'frintp', 'frintm', 'frintz', 'frinta',
            'frintx', 'frinti', 'fcvt'])
    if m == 'fcvt':
        a, b = rnd.sample([1, 2, 3], 2)
        return 'fcvt %s, %s' % (o.s(a), o.s(b))
    return '%s %s, %s' % (m, o.s(t), o.s(t))


def c_fp2(o):
    t = op([2, 3])
    m = op('fmul fdiv fadd fsub fmax fmin fmaxnm fminnm fnmul'.split())
    return '%s %s, %s, %s' % (m, o.s(t), o.s(t), o.s(t))


def c_fp3(o):
    t = op([2, 3])
    m = op('fmadd fmsub fnmadd fnmsub'.split())
    return '%s %s, %s, %s, %s' % (m, o.s(t), o.s(t), o.s(t), o.s(t))


def c_fpcmp(o):
    t = op([2, 3])
    m = op(['fcmp', 'fcmpe'])
    b = '#0.0' if rnd.random() < 0.25 else o.s(t)
    r = '%s %s, %s' % (m, o.s(t), b)
    if rnd.random() < 0.7:
        r += '\ncset %s, %s' % (o.w(), op(COND[:14]))
    return r


def c_fpccmp(o):
    t = op([2, 3])
    r = '%s %s, %s, #%d, %s' % (op(['fccmp', 'fccmpe']), o.s(t), o.s(t), rnd.randrange(16),
                                 op(COND))
    if rnd.random() < 0.5:
        r += '\ncset %s, %s' % (o.w(), op(COND[:14]))
    return r


def c_fpcsel(o):
    t = op([2, 3])
    r = 'fcsel %s, %s, %s, %s' % (o.s(t), o.s(t), o.s(t), op(COND))
    if rnd.random() < 0.3:
        r = 'fcmp %s, %s\n' % (o.s(t), o.s(t)) + r
    return r


def c_fpcvt_int(o):
    t = op([2, 3])
    k = rnd.randrange(4)
    gr = op([o.w, o.x])
    if k == 0:
        m = 'fcvt' + op('npmza') + op('su')
        return '%s %s, %s' % (m, gr(), o.s(t))
    if k == 1:
        return '%s %s, %s' % (op(['scvtf', 'ucvtf']), o.s(t), op([o.wz, o.xz])())
    if k == 2:
        g, f = op([('w', 's'), ('x', 'd')])
        if rnd.random() < 0.5:
            return 'fmov %s%d, %s%d' % (g, o.g(), f, o.v())
        return 'fmov %s%d, %s%d' % (f, o.v(), g, o.g())
    if rnd.random() < 0.5:
        return 'fmov %s, v%d.d[1]' % (o.x(), o.v())
    return 'fmov v%d.d[1], %s' % (o.v(), o.xz())


def c_fpcvt_fixed(o):
    t = op([2, 3])
    sf = rnd.randrange(2)
    fb = rnd.randrange(1, 33 if not sf else 65)
    gr = 'x%d' % o.g() if sf else 'w%d' % o.g()
    if rnd.random() < 0.5:
        return '%s %s, %s, #%d' % (op(['fcvtzs', 'fcvtzu']), gr, o.s(t), fb)
    return '%s %s, %s, #%d' % (op(['scvtf', 'ucvtf']), o.s(t), gr, fb)


def fp_imm():
    v = (16 + rnd.randrange(16)) / 16.0 * 2.0 ** rnd.randrange(-3, 5)
    return repr(-v if rnd.random() < 0.5 else v)


def c_fmov(o):
    k = rnd.randrange(3)
    if k == 0:
        return 'fmov %s, #%s' % (o.s(op([2, 3])), fp_imm())
    if k == 1:
        return 'fmov v%d.%s, #%s' % (o.v(), op(['2s', '4s', '2d']), fp_imm())
    t = op([2, 3])
    return 'fmov %s, %s' % (o.s(t), o.s(t))


def c_fcvt(o):
    a, b = rnd.sample([1, 2, 3], 2)
    if rnd.random() < 0.3:  # a round trip through half precision
        t = op([2, 3])
        r = o.v()
        return 'fcvt h%d, %s\nfcvt %s, h%d' % (r, o.s(t), o.s(op([2, 3])), r)
    return 'fcvt %s, %s' % (o.s(a), o.s(b))


# ---- AdvSIMD vector ----

# name -> (sizes, allow 2d)
INT3 = {}
for n in 'add sub sqadd uqadd sqsub uqsub cmgt cmhi cmge cmhs cmeq cmtst sshl ushl sqshl uqshl ' \
         'srshl urshl sqrshl uqrshl addp'.split():
    INT3[n] = [0, 1, 2, 3]
for n in 'mul mla mls shadd uhadd srhadd urhadd shsub uhsub smax umax smin umin sabd uabd saba ' \
         'uaba smaxp umaxp sminp uminp'.split():
    INT3[n] = [0, 1, 2]
INT3['sqdmulh'] = [1, 2]
INT3['sqrdmulh'] = [1, 2]
INT3['pmul'] = [0]
LOGIC3 = 'and orr eor bic orn bsl bit bif'.split()
FP3 = 'fadd fsub fmul fdiv fmax fmin fmaxnm fminnm fmla fmls fabd fmulx frecps frsqrts fcmeq ' \
      'fcmge fcmgt facge facgt faddp fmaxp fminp fmaxnmp fminnmp'.split()


def c_v3int(o):
    if rnd.random() < 0.15:
        q = rnd.randrange(2)
        return '%s %s, %s, %s' % (op(LOGIC3), o.vt(0, q), o.vt(0, q), o.vt(0, q))
    n = op(list(INT3))
    size, q = arr(INT3[n])
    return '%s %s, %s, %s' % (n, o.vt(size, q), o.vt(size, q), o.vt(size, q))


def fp_arr():
    return op([(2, 0), (2, 1), (3, 1)])


def c_v3fp(o):
    size, q = fp_arr()
    return '%s %s, %s, %s' % (op(FP3), o.vt(size, q), o.vt(size, q), o.vt(size, q))


def c_v3diff(o):
    n = op('saddl uaddl saddw uaddw ssubl usubl ssubw usubw addhn raddhn subhn rsubhn sabal uabal '
           'sabdl uabdl smlal umlal smlsl umlsl smull umull sqdmlal sqdmlsl sqdmull pmull'.split())
    size = op([1, 2] if n.startswith('sqd') else [0] if n == 'pmull' else [0, 1, 2])
    q = rnd.randrange(2)
    n2 = n + ('2' if q else '')
    wide, narrow = o.vt(size + 1, 1), o.vt(size, q)
    if n.endswith('hn'):
        return '%s %s, %s, %s' % (n2, narrow, o.vt(size + 1, 1), o.vt(size + 1, 1))
    if n.endswith('w'):
        return '%s %s, %s, %s' % (n2, wide, o.vt(size + 1, 1), o.vt(size, q))
    return '%s %s, %s, %s' % (n2, wide, narrow, o.vt(size, q))


def c_v2misc(o):
    k = rnd.randrange(12)
    if k == 0:
        n = op(['rev64', 'rev32', 'rev16'])
        size, q = arr({'rev64': [0, 1, 2], 'rev32': [0, 1], 'rev16': [0]}[n])
        return '%s %s, %s' % (n, o.vt(size, q), o.vt(size, q))
    if k == 1:
        size, q = arr([0, 1, 2])
        return '%s %s, %s' % (op(['saddlp', 'uaddlp', 'sadalp', 'uadalp']), o.vt(size + 1, q),
                              o.vt(size, q))
    if k == 2:
        n = op('suqadd usqadd sqabs sqneg abs neg cmgt cmge cmeq cmle cmlt'.split())
        size, q = arr([0, 1, 2, 3])
        return '%s %s, %s%s' % (n, o.vt(size, q), o.vt(size, q), ', #0' if n[:2] == 'cm' else '')
    if k == 3:
        n = op(['cls', 'clz', 'cnt', 'not', 'rbit'])
        size, q = arr([0, 1, 2] if n in ('cls', 'clz') else [0])
        return '%s %s, %s' % (n, o.vt(size, q), o.vt(size, q))
    if k == 4:
        size, q = arr([0, 1, 2])
        n = op(['xtn', 'sqxtn', 'uqxtn', 'sqxtun']) + ('2' if q else '')
        return '%s %s, %s' % (n, o.vt(size, q), o.vt(size + 1, 1))
    if k == 5:
        size, q = arr([0, 1, 2])
        return '%s %s, %s, #%d' % ('shll2' if q else 'shll', o.vt(size + 1, 1), o.vt(size, q),
                                   8 << size)
    if k == 6:
        q = rnd.randrange(2)
        n = op(['fcvtn', 'fcvtl', 'fcvtxn'])
        big = op([2, 3]) if n != 'fcvtxn' else 3
        a, b = o.vt(big, 1), o.vt(big - 1, q)
        if n != 'fcvtl':
            a, b = b, a
        return '%s%s %s, %s' % (n, '2' if q else '', a, b)
    if k == 7 and rnd.random() < 0.3:
        q = rnd.randrange(2)
        return '%s %s, %s' % (op(['urecpe', 'ursqrte']), o.vt(2, q), o.vt(2, q))
    size, q = fp_arr()
    n = op('frintn frintp frintm frintz frinta frintx frinti fcvtns fcvtnu fcvtms fcvtmu fcvtas '
           'fcvtau fcvtps fcvtpu fcvtzs fcvtzu scvtf ucvtf frecpe frsqrte fabs fneg fsqrt fcmgt '
           'fcmge fcmeq fcmle fcmlt'.split())
    return '%s %s, %s%s' % (n, o.vt(size, q), o.vt(size, q), ', #0.0' if n[:3] == 'fcm' else '')


def c_across(o):
    k = rnd.randrange(4)
    if k == 0:
        return 'fmaxv fminv fmaxnmv fminnmv'.split()[rnd.randrange(4)] + ' s%d, %s' % (
            o.v(), o.vt(2, 1))
    size, q = op([(0, 0), (0, 1), (1, 0), (1, 1), (2, 1)])
    if k == 1:
        return '%s %s%d, %s' % (op(['saddlv', 'uaddlv']), ESZ[size + 1], o.v(), o.vt(size, q))
    return '%s %s%d, %s' % (op('addv smaxv umaxv sminv uminv'.split()), ESZ[size], o.v(),
                            o.vt(size, q))


def c_pairwise(o):
    if rnd.random() < 0.3:
        return 'addp d%d, %s' % (o.v(), o.vt(3, 1))
    size = op([2, 3])
    return '%s %s%d, %s' % (op('faddp fmaxp fminp fmaxnmp fminnmp'.split()), ESZ[size], o.v(),
                            o.vt(size, size == 3))


def c_shift(o):
    k = rnd.randrange(5)
    if k == 0:  # same-size right shifts
        size, q = arr([0, 1, 2, 3])
        n = op('sshr ushr ssra usra srshr urshr srsra ursra sri'.split())
        return '%s %s, %s, #%d' % (n, o.vt(size, q), o.vt(size, q), rnd.randrange(1, (8 << size) + 1))
    if k == 1:  # left shifts
        size, q = arr([0, 1, 2, 3])
        n = op('shl sli sqshl uqshl sqshlu'.split())
        return '%s %s, %s, #%d' % (n, o.vt(size, q), o.vt(size, q), rnd.randrange(8 << size))
    if k == 2:  # narrowing
        size, q = arr([0, 1, 2])
        n = op('shrn rshrn sqshrn uqshrn sqrshrn uqrshrn sqshrun sqrshrun'.split())
        return '%s%s %s, %s, #%d' % (n, '2' if q else '', o.vt(size, q), o.vt(size + 1, 1),
                                     rnd.randrange(1, (8 << size) + 1))
    if k == 3:  # long
        size, q = arr([0, 1, 2])
        n = op(['sshll', 'ushll']) + ('2' if q else '')
        return '%s %s, %s, #%d' % (n, o.vt(size + 1, 1), o.vt(size, q), rnd.randrange(8 << size))
    size, q = fp_arr()
    n = op(['scvtf', 'ucvtf', 'fcvtzs', 'fcvtzu'])
    return '%s %s, %s, #%d' % (n, o.vt(size, q), o.vt(size, q), rnd.randrange(1, (8 << size) + 1))


def elem(o, size):
    """Rm.T[index] of a by-element operand."""
    n = {1: 8, 2: 4, 3: 2}[size]
    return 'v%d.%s[%d]' % (o.v(size == 1), ESZ[size], rnd.randrange(n))


def c_byelem(o):
    k = rnd.randrange(4)
    if k == 0:
        n = op(['mla', 'mls', 'mul', 'sqdmulh', 'sqrdmulh'])
        size, q = arr([1, 2])
        return '%s %s, %s, %s' % (n, o.vt(size, q), o.vt(size, q), elem(o, size))
    if k == 1:
        n = op('smlal umlal smlsl umlsl smull umull sqdmlal sqdmlsl sqdmull'.split())
        size, q = arr([1, 2])
        return '%s%s %s, %s, %s' % (n, '2' if q else '', o.vt(size + 1, 1), o.vt(size, q),
                                    elem(o, size))
    size, q = fp_arr()
    return '%s %s, %s, %s' % (op(['fmla', 'fmls', 'fmul', 'fmulx']), o.vt(size, q),
                              o.vt(size, q), elem(o, size))


def c_modimm(o):
    k = rnd.randrange(6)
    i8 = rnd.randrange(256)
    if k == 0:
        return 'movi %s, #%d' % (o.vt(0, rnd.randrange(2)), i8)
    if k == 1:
        m = 0
        for i in range(8):
            m |= rnd.randrange(2) * 0xff << (8 * i)
        return 'movi %s, #0x%x' % (op(['d%d' % o.v(), 'v%d.2d' % o.v()]), m)
    if k == 2:
        return '%s %s, #%d, msl #%d' % (op(['movi', 'mvni']), o.vt(2, rnd.randrange(2)), i8,
                                        op([8, 16]))
    if k == 3:
        return 'fmov v%d.%s, #%s' % (o.v(), op(['2s', '4s', '2d']), fp_imm())
    size = op([1, 2])
    sh = op([0, 8] if size == 1 else [0, 8, 16, 24])
    return '%s %s, #%d, lsl #%d' % (op(['movi', 'mvni', 'orr', 'bic']), o.vt(size,
                                                                            rnd.randrange(2)),
                                    i8, sh)


def c_permute(o):
    k = rnd.randrange(4)
    if k == 0:
        size, q = arr([0, 1, 2, 3])
        return '%s %s, %s, %s' % (op('zip1 zip2 uzp1 uzp2 trn1 trn2'.split()), o.vt(size, q),
                                  o.vt(size, q), o.vt(size, q))
    if k == 1:
        q = rnd.randrange(2)
        return 'ext %s, %s, %s, #%d' % (o.vt(0, q), o.vt(0, q), o.vt(0, q),
                                        rnd.randrange(16 if q else 8))
    if k == 2:
        n = rnd.randrange(1, 5)
        first = o.v()
        lst = ', '.join('v%d.16b' % ((first + i) % 32) for i in range(n))
        q = rnd.randrange(2)
        return '%s %s, {%s}, %s' % (op(['tbl', 'tbx']), o.vt(0, q), lst, o.vt(0, q))
    n = op(['rev64', 'rev32', 'rev16'])
    size, q = arr({'rev64': [0, 1, 2], 'rev32': [0, 1], 'rev16': [0]}[n])
    return '%s %s, %s' % (n, o.vt(size, q), o.vt(size, q))


def lane(o, size):
    return 'v%d.%s[%d]' % (o.v(), ESZ[size], rnd.randrange(16 >> size))


def c_copy(o):
    k = rnd.randrange(7)
    size = rnd.randrange(4)
    if k == 0:
        q = 1 if size == 3 else rnd.randrange(2)
        return 'dup %s, %s' % (o.vt(size, q), lane(o, size))
    if k == 1:
        q = 1 if size == 3 else rnd.randrange(2)
        return 'dup %s, %s' % (o.vt(size, q), o.xz() if size == 3 else o.wz())
    if k == 2:
        return 'ins %s, %s' % (lane(o, size), o.xz() if size == 3 else o.wz())
    if k == 3:
        return 'ins %s, %s' % (lane(o, size), lane(o, size))
    if k == 4:
        return 'umov %s, %s' % (o.x() if size == 3 else o.w(), lane(o, size))
    if k == 5:
        size = rnd.randrange(3)
        return 'smov %s, %s' % (o.w() if size < 2 and rnd.random() < 0.5 else o.x(), lane(o, size))
    return 'mov %s%d, %s' % (ESZ[size], o.v(), lane(o, size))


# ---- AdvSIMD scalar ----


def c_scalar(o):
    k = rnd.randrange(10)
    s = o.s
    if k == 0:
        n = op('add sub cmgt cmhi cmge cmhs cmeq cmtst sshl ushl srshl urshl'.split())
        return '%s %s, %s, %s' % (n, s(3), s(3), s(3))
    if k == 1:
        n = op('sqadd uqadd sqsub uqsub sqshl uqshl sqrshl uqrshl'.split())
        e = rnd.randrange(4)
        return '%s %s, %s, %s' % (n, s(e), s(e), s(e))
    if k == 2:
        e = op([1, 2])
        return '%s %s, %s, %s' % (op(['sqdmulh', 'sqrdmulh']), s(e), s(e), s(e))
    if k == 3:
        e = op([2, 3])
        n = op('fmulx fcmeq frecps frsqrts fcmge facge fabd fcmgt facgt'.split())
        return '%s %s, %s, %s' % (n, s(e), s(e), s(e))
    if k == 4:
        e = rnd.randrange(4)
        n = op('suqadd usqadd sqabs sqneg'.split() + ['abs', 'neg', 'cmgt', 'cmge', 'cmeq', 'cmle',
                                                      'cmlt'] * (e == 3))
        return '%s %s, %s%s' % (n, s(e), s(e), ', #0' if n[:2] == 'cm' else '')
    if k == 5:
        e = rnd.randrange(3)
        if rnd.random() < 0.2:
            return 'fcvtxn %s, %s' % (s(2), s(3))
        return '%s %s, %s' % (op(['sqxtn', 'uqxtn', 'sqxtun']), s(e), s(e + 1))
    if k == 6:
        e = op([2, 3])
        n = op('fcvtns fcvtnu fcvtms fcvtmu fcvtas fcvtau fcvtps fcvtpu fcvtzs fcvtzu scvtf ucvtf '
               'frecpe frsqrte frecpx fcmgt fcmge fcmeq fcmle fcmlt'.split())
        return '%s %s, %s%s' % (n, s(e), s(e), ', #0.0' if n[:3] == 'fcm' else '')
    if k == 7:  # shift by immediate
        j = rnd.randrange(4)
        if j == 0:
            n = op('sshr ushr ssra usra srshr urshr srsra ursra sri'.split())
            return '%s %s, %s, #%d' % (n, s(3), s(3), rnd.randrange(1, 65))
        if j == 1:
            n = op('shl sli sqshl uqshl sqshlu'.split())
            e = 3 if n in ('shl', 'sli') else rnd.randrange(4)
            return '%s %s, %s, #%d' % (n, s(e), s(e), rnd.randrange(8 << e))
        if j == 2:
            e = rnd.randrange(3)
            n = op('sqshrn uqshrn sqrshrn uqrshrn sqshrun sqrshrun'.split())
            return '%s %s, %s, #%d' % (n, s(e), s(e + 1), rnd.randrange(1, (8 << e) + 1))
        e = op([2, 3])
        return '%s %s, %s, #%d' % (op(['scvtf', 'ucvtf', 'fcvtzs', 'fcvtzu']), s(e), s(e),
                                   rnd.randrange(1, (8 << e) + 1))
    if k == 8:  # by element and three-different
        j = rnd.randrange(4)
        if j == 0:
            e = op([1, 2])
            return '%s %s, %s, %s' % (op(['sqdmulh', 'sqrdmulh']), s(e), s(e), elem(o, e))
        if j == 1:
            e = op([1, 2])
            return '%s %s, %s, %s' % (op(['sqdmull', 'sqdmlal', 'sqdmlsl']), s(e + 1), s(e),
                                      elem(o, e))
        if j == 2:
            e = op([1, 2])
            return '%s %s, %s, %s' % (op(['sqdmull', 'sqdmlal', 'sqdmlsl']), s(e + 1), s(e), s(e))
        e = op([2, 3])
        return '%s %s, %s, %s' % (op(['fmla', 'fmls', 'fmul', 'fmulx']), s(e), s(e), elem(o, e))
    return c_pairwise(o)


def c_sat(o):
    """The saturating instructions of every class (FPSR.QC)."""
    f = op([c_scalar, c_v3int, c_shift, c_v2misc, c_byelem, c_v3diff])
    for _ in range(50):
        r = f(o)
        if r.split()[0].startswith(('sq', 'uq', 'suq', 'usq')):
            return r
    return 'sqadd %s, %s, %s' % (o.vt(0, 1), o.vt(0, 1), o.vt(0, 1))


# ---- structure loads and stores ----


def reset_base():
    """x26 = scratch + 64..96: every access below stays inside the 256 bytes (at most 64
    bytes before the base with pre-index, 144 after it with LDP of Q registers)."""
    return 'add x26, x27, #%d\n' % rnd.randrange(64, 97)


def post(o, nbytes):
    k = rnd.randrange(3)
    if k == 0:
        return ''
    if k == 1:
        return ', #%d' % nbytes
    return ', x25'


def c_ldst(o):
    k = rnd.randrange(7)
    pre = reset_base()
    if rnd.random() < 0.4:
        pre = 'mov x25, #%d\n' % rnd.randrange(-64, 65) + pre
    if k <= 1:  # multiple structures
        n = rnd.randrange(1, 5)
        size, q = arr([0, 1, 2, 3], no1d=False)
        if k == 1:
            n = rnd.randrange(2, 5)
            size, q = arr([0, 1, 2, 3])
            m = 'ld%d' % n if rnd.random() < 0.6 else 'st%d' % n
        else:
            m = op(['ld1', 'st1'])
        first = o.v()
        lst = ', '.join('v%d.%s' % ((first + i) % 32, ARR[(size, q)]) for i in range(n))
        return pre + '%s {%s}, [x26]%s' % (m, lst, post(o, n * (8 << q)))
    if k == 2:  # replicate
        n = rnd.randrange(1, 5)
        size, q = arr([0, 1, 2, 3], no1d=False)
        first = o.v()
        lst = ', '.join('v%d.%s' % ((first + i) % 32, ARR[(size, q)]) for i in range(n))
        return pre + 'ld%dr {%s}, [x26]%s' % (n, lst, post(o, n << size))
    if k <= 4:  # single lane
        n = rnd.randrange(1, 5)
        size = rnd.randrange(4)
        first = o.v()
        lst = ', '.join('v%d.%s' % ((first + i) % 32, ESZ[size]) for i in range(n))
        m = op(['ld', 'st']) + str(n)
        return pre + '%s {%s}[%d], [x26]%s' % (m, lst, rnd.randrange(16 >> size),
                                                post(o, n << size))
    if k == 5:  # single register
        e = rnd.randrange(5)
        m = op(['ldr', 'str', 'ldur', 'stur'])
        off = rnd.randrange(0, 64) if m[-2] == 'u' else rnd.randrange(0, 64 >> e) << e
        j = rnd.randrange(4)
        if j == 3 and m[-2] != 'u':  # register offset: x25 = -4..4 elements
            k = rnd.randrange(-4, 5)
            ext = op(['', ', lsl #%d' % e, ', sxtw', ', sxtw #%d' % e] +
                     ([', uxtw', ', uxtw #%d' % e] if k >= 0 else []))
            return '%smov x25, #%d\n%s %s, [x26, %s25%s]' % (
                pre, k, m, o.s(e), 'w' if 'xt' in ext else 'x', ext)
        if j == 0 or m[-2] == 'u':
            return pre + '%s %s, [x26, #%d]' % (m, o.s(e), off)
        if j == 1:
            return pre + '%s %s, [x26], #%d' % (m, o.s(e), rnd.randrange(-64, 64))
        return pre + '%s %s, [x26, #%d]!' % (m, o.s(e), rnd.randrange(-64, 64))
    e = rnd.randrange(2, 5)
    m = op(['ldp', 'stp', 'ldnp', 'stnp'])
    a, b = rnd.sample(range(32), 2) if rnd.random() < 0.3 else rnd.sample(o.vp, 2)
    regs = '%s%d, %s%d' % ('bhsdq'[e], a, 'bhsdq'[e], b)
    j = rnd.randrange(3) if m[-2] != 'n' else 0
    if j == 0:
        return pre + '%s %s, [x26, #%d]' % (m, regs, rnd.randrange(0, 8) << e)
    off = rnd.randrange(-64 >> e, 64 >> e) << e
    return pre + ('%s %s, [x26], #%d' if j == 1 else '%s %s, [x26, #%d]!') % (m, regs, off)


def c_mix(o):
    """Any base class: inline IR expansions and helpers interleaved in one block."""
    return CLASSES[op([c for c in CLASSES if c != 'mix'])](o)


# ---- optional extensions, tested when ferry's AT_HWCAP advertises them ----


def c_aes(o):
    if rnd.random() < 0.5:
        return '%s v%d.16b, v%d.16b' % (op(['aese', 'aesd']), o.v(), o.v())
    return '%s v%d.16b, v%d.16b' % (op(['aesmc', 'aesimc']), o.v(), o.v())


def c_pmull64(o):
    if rnd.random() < 0.5:
        return 'pmull v%d.1q, v%d.1d, v%d.1d' % (o.v(), o.v(), o.v())
    return 'pmull2 v%d.1q, v%d.2d, v%d.2d' % (o.v(), o.v(), o.v())


def c_sha1(o):
    k = rnd.randrange(4)
    if k == 0:
        return '%s q%d, s%d, v%d.4s' % (op(['sha1c', 'sha1p', 'sha1m']), o.v(), o.v(), o.v())
    if k == 1:
        return 'sha1h s%d, s%d' % (o.v(), o.v())
    if k == 2:
        return 'sha1su0 v%d.4s, v%d.4s, v%d.4s' % (o.v(), o.v(), o.v())
    return 'sha1su1 v%d.4s, v%d.4s' % (o.v(), o.v())


def c_sha2(o):
    k = rnd.randrange(3)
    if k == 0:
        return '%s q%d, q%d, v%d.4s' % (op(['sha256h', 'sha256h2']), o.v(), o.v(), o.v())
    if k == 1:
        return 'sha256su0 v%d.4s, v%d.4s' % (o.v(), o.v())
    return 'sha256su1 v%d.4s, v%d.4s, v%d.4s' % (o.v(), o.v(), o.v())


def c_sha512(o):
    k = rnd.randrange(3)
    if k == 0:
        return '%s q%d, q%d, v%d.2d' % (op(['sha512h', 'sha512h2']), o.v(), o.v(), o.v())
    if k == 1:
        return 'sha512su0 v%d.2d, v%d.2d' % (o.v(), o.v())
    return 'sha512su1 v%d.2d, v%d.2d, v%d.2d' % (o.v(), o.v(), o.v())


def c_sha3(o):
    k = rnd.randrange(3)
    if k == 0:
        return '%s v%d.16b, v%d.16b, v%d.16b, v%d.16b' % (op(['eor3', 'bcax']), o.v(), o.v(),
                                                         o.v(), o.v())
    if k == 1:
        return 'rax1 v%d.2d, v%d.2d, v%d.2d' % (o.v(), o.v(), o.v())
    return 'xar v%d.2d, v%d.2d, v%d.2d, #%d' % (o.v(), o.v(), o.v(), rnd.randrange(64))


def c_rdm(o):
    n = op(['sqrdmlah', 'sqrdmlsh'])
    k = rnd.randrange(3)
    if k == 0:
        size, q = arr([1, 2])
        return '%s %s, %s, %s' % (n, o.vt(size, q), o.vt(size, q), o.vt(size, q))
    e = op([1, 2])
    if k == 1:
        size, q = arr([e])
        return '%s %s, %s, %s' % (n, o.vt(size, q), o.vt(size, q), elem(o, e))
    return '%s %s, %s, %s' % (n, o.s(e), o.s(e), op([o.s(e), elem(o, e)]))


def c_dotprod(o):
    q = rnd.randrange(2)
    n = op(['sdot', 'udot'])
    d, m = o.vt(2, q), o.vt(0, q)
    if rnd.random() < 0.5:
        return '%s %s, %s, %s' % (n, d, m, o.vt(0, q))
    return '%s %s, %s, v%d.4b[%d]' % (n, d, m, o.v(True), rnd.randrange(4))


def c_fp16(o):
    """FEAT_FP16: the scalar and vector FP classes on half precision."""
    h = lambda: 'h%d' % o.v()
    vh = lambda q: 'v%d.%s' % (o.v(), '8h' if q else '4h')
    k = rnd.randrange(10)
    q = rnd.randrange(2)
    if k == 0:
        return '%s %s, %s' % (op('fmov fabs fneg fsqrt frintn frintp frintm frintz frinta frintx '
                                 'frinti'.split()), h(), h())
    if k == 1:
        return '%s %s, %s, %s' % (op('fmul fdiv fadd fsub fmax fmin fmaxnm fminnm fnmul'.split()),
                                  h(), h(), h())
    if k == 2:
        return '%s %s, %s, %s, %s' % (op('fmadd fmsub fnmadd fnmsub'.split()), h(), h(), h(), h())
    if k == 3:
        return op(['fcmp %s, %s' % (h(), op([h(), '#0.0'])),
                   'fccmp %s, %s, #%d, %s' % (h(), h(), rnd.randrange(16), op(COND)),
                   'fcsel %s, %s, %s, %s' % (h(), h(), h(), op(COND)),
                   'fmov %s, #%s' % (h(), fp_imm()), 'fmov %s, %s' % (h(), o.w()),
                   'fmov %s, %s' % (o.x(), h())])
    if k == 4:
        g = op([o.w, o.x])
        if rnd.random() < 0.5:
            return 'fcvt%s%s %s, %s' % (op('npmza'), op('su'), g(), h())
        return '%s %s, %s' % (op(['scvtf', 'ucvtf']), h(), g())
    if k == 5:
        return '%s %s, %s, %s' % (op(FP3), vh(q), vh(q), vh(q))
    if k == 6:
        n = op('frintn frintp frintm frintz frinta frintx frinti fcvtns fcvtnu fcvtms fcvtmu '
               'fcvtas fcvtau fcvtps fcvtpu fcvtzs fcvtzu scvtf ucvtf frecpe frsqrte fabs fneg '
               'fsqrt fcmgt fcmge fcmeq fcmle fcmlt'.split())
        return '%s %s, %s%s' % (n, vh(q), vh(q), ', #0.0' if n[:3] == 'fcm' else '')
    if k == 7:
        return '%s %s, %s, v%d.h[%d]' % (op(['fmla', 'fmls', 'fmul', 'fmulx']), vh(q), vh(q),
                                         o.v(True), rnd.randrange(8))
    if k == 8:
        return '%s %s, %s' % (op('fmaxv fminv fmaxnmv fminnmv'.split()), h(), vh(q))
    return '%s %s, v%d.2h' % (op('faddp fmaxp fminp fmaxnmp fminnmp'.split()), h(), o.v())


def c_jscvt(o):
    return 'fjcvtzs %s, d%d' % (o.w(), o.v())


def c_fcma(o):
    size, q = op([(1, 0), (1, 1), (2, 0), (2, 1), (3, 1)])
    if rnd.random() < 0.4:
        return 'fcadd %s, %s, %s, #%d' % (o.vt(size, q), o.vt(size, q), o.vt(size, q),
                                          op([90, 270]))
    rot = op([0, 90, 180, 270])
    if rnd.random() < 0.5 and (size, q) in ((1, 0), (1, 1), (2, 1)):
        n = 2 if size == 2 or not q else 4
        return 'fcmla %s, %s, v%d.%s[%d], #%d' % (o.vt(size, q), o.vt(size, q), o.v(size == 1),
                                                  ESZ[size], rnd.randrange(n), rot)
    return 'fcmla %s, %s, %s, #%d' % (o.vt(size, q), o.vt(size, q), o.vt(size, q), rot)


def c_fhm(o):
    q = rnd.randrange(2)
    n = op(['fmlal', 'fmlsl', 'fmlal2', 'fmlsl2'])
    src = 'v%d.%s' % (o.v(), '4h' if q else '2h')
    if rnd.random() < 0.5:
        return '%s %s, %s, v%d.%s' % (n, o.vt(2, q), src, o.v(), '4h' if q else '2h')
    return '%s %s, %s, v%d.h[%d]' % (n, o.vt(2, q), src, o.v(True), rnd.randrange(8))


def c_sm3(o):
    k = rnd.randrange(3)
    if k == 0:
        return 'sm3ss1 v%d.4s, v%d.4s, v%d.4s, v%d.4s' % (o.v(), o.v(), o.v(), o.v())
    if k == 1:
        return '%s v%d.4s, v%d.4s, v%d.s[%d]' % (op(['sm3tt1a', 'sm3tt1b', 'sm3tt2a', 'sm3tt2b']),
                                                 o.v(), o.v(), o.v(), rnd.randrange(4))
    return '%s v%d.4s, v%d.4s, v%d.4s' % (op(['sm3partw1', 'sm3partw2']), o.v(), o.v(), o.v())


def c_sm4(o):
    if rnd.random() < 0.5:
        return 'sm4e v%d.4s, v%d.4s' % (o.v(), o.v())
    return 'sm4ekey v%d.4s, v%d.4s, v%d.4s' % (o.v(), o.v(), o.v())


def c_frint(o):
    n = op(['frint32z', 'frint32x', 'frint64z', 'frint64x'])
    if rnd.random() < 0.5:
        t = op([2, 3])
        return '%s %s, %s' % (n, o.s(t), o.s(t))
    size, q = fp_arr()
    return '%s %s, %s' % (n, o.vt(size, q), o.vt(size, q))


def c_i8mm(o):
    k = rnd.randrange(3)
    if k == 0:
        return '%s v%d.4s, v%d.16b, v%d.16b' % (op(['smmla', 'ummla', 'usmmla']), o.v(), o.v(),
                                                 o.v())
    q = rnd.randrange(2)
    if k == 1:
        return 'usdot %s, %s, %s' % (o.vt(2, q), o.vt(0, q), o.vt(0, q))
    return '%s %s, %s, v%d.4b[%d]' % (op(['usdot', 'sudot']), o.vt(2, q), o.vt(0, q), o.v(),
                                      rnd.randrange(4))


def c_bf16(o):
    k = rnd.randrange(5)
    q = rnd.randrange(2)
    if k == 0:
        return 'bfdot %s, %s, %s' % (o.vt(2, q), o.vt(1, q), o.vt(1, q))
    if k == 1:
        return 'bfdot %s, %s, v%d.2h[%d]' % (o.vt(2, q), o.vt(1, q), o.v(), rnd.randrange(4))
    if k == 2:
        return op(['bfmmla v%d.4s, v%d.8h, v%d.8h' % (o.v(), o.v(), o.v()),
                   '%s v%d.4s, v%d.8h, v%d.8h' % (op(['bfmlalb', 'bfmlalt']), o.v(), o.v(), o.v()),
                   '%s v%d.4s, v%d.8h, v%d.h[%d]' % (op(['bfmlalb', 'bfmlalt']), o.v(), o.v(),
                                                     o.v(True), rnd.randrange(8))])
    if k == 3:
        return 'bfcvt h%d, s%d' % (o.v(), o.v())
    return '%s v%d.%s, v%d.4s' % ('bfcvtn2' if q else 'bfcvtn', o.v(), '8h' if q else '4h', o.v())


# class -> (AT_HWCAP (1) or AT_HWCAP2 (2), bit)
OPTIONAL = {'aes': (1, 3, c_aes), 'pmull64': (1, 4, c_pmull64), 'sha1': (1, 5, c_sha1),
            'sha2': (1, 6, c_sha2), 'fp16': (1, 10, c_fp16), 'rdm': (1, 12, c_rdm),
            'jscvt': (1, 13, c_jscvt), 'fcma': (1, 14, c_fcma), 'sha3': (1, 17, c_sha3),
            'sm3': (1, 18, c_sm3), 'sm4': (1, 19, c_sm4), 'dotprod': (1, 20, c_dotprod),
            'sha512': (1, 21, c_sha512), 'fhm': (1, 23, c_fhm), 'frint': (2, 8, c_frint),
            'i8mm': (2, 13, c_i8mm), 'bf16': (2, 14, c_bf16)}


def classes_for(hwcap, hwcap2=0):
    """The classes to test on a CPU advertising `hwcap` and `hwcap2`."""
    caps = {1: hwcap, 2: hwcap2}
    return list(CLASSES) + [c for c, (w, bit, _) in OPTIONAL.items() if caps[w] >> bit & 1]


CLASSES = {
    'fp1': c_fp1, 'fp2': c_fp2, 'fp3': c_fp3, 'fpcmp': c_fpcmp, 'fpccmp': c_fpccmp,
    'fpcsel': c_fpcsel, 'fpcvt_int': c_fpcvt_int, 'fpcvt_fixed': c_fpcvt_fixed, 'fmov': c_fmov,
    'fcvt': c_fcvt, 'v3int': c_v3int, 'v3fp': c_v3fp, 'v3diff': c_v3diff, 'v2misc': c_v2misc,
    'across': c_across, 'pairwise': c_pairwise, 'shift': c_shift, 'byelem': c_byelem,
    'modimm': c_modimm, 'permute': c_permute, 'copy': c_copy, 'scalar': c_scalar, 'sat': c_sat,
    'ldst': c_ldst, 'mix': c_mix
}

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


def main():
    seed, count, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    classes = sys.argv[4].split(',') if len(sys.argv) > 4 and sys.argv[4] else list(CLASSES)
    gen = dict(CLASSES, **{c: f for c, (_, _, f) in OPTIONAL.items()})
    rnd.seed(seed)
    seqs, meta = [], []
    for i in range(count):
        cls = op(classes)
        state = state_record()
        o = Ops()
        text = '\n'.join(gen[cls](o) for _ in range(rnd.randrange(4, 17)))
        seqs.append((state, text))
        meta.append('%d %s %s' % (i, cls, text.replace('\n', '; ')))
    write_program(out, seqs)
    with open(out + '.seq', 'w') as f:
        f.write('\n'.join(meta) + '\n')


if __name__ == '__main__':
    main()
