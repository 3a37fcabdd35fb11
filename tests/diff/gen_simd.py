#!/usr/bin/env python3
"""Random AArch64 FP and AdvSIMD instruction sequences for the differential test.

Usage: gen_simd.py SEED COUNT OUT [CLASSES]
Writes OUT.S (program), OUT.state (the initial state of every sequence, pulled
in with .incbin) and OUT.seq (one line per sequence: index, class, body).

Each sequence (layout and harness: simd_prog.py) loads random GPRs, NZCV,
FPCR (random RMode, FZ, DN, AHP), a cleared FPSR, all 32 V registers (random
bits and per-lane FP specials) and a scratch buffer, runs 4-16 random
instructions of one class (CLASSES here; 'mix' draws from all of them), and
writes its final state to stdout.

Only valid encodings are emitted (the assembler rejects the rest): ARMv8.0 FP
and AdvSIMD (no FP16 arithmetic), and the extension classes of gen_simd_ext.py
(crypto, FP16, RDM, dot product, complex, FHM, JSCVT, FRINTTS, I8MM, BF16)
that run_simd.py adds when ferry's AT_HWCAP / AT_HWCAP2 advertise them.
Memory operands use x26 = scratch + 64..96 (reset before every memory
instruction) and x25 as the post-index register.
"""
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from gen_simd_ext import OPTIONAL  # noqa: E402
from simd_ops import ARR, COND, ESZ, FP3, Ops, arr, elem, fp_arr, fp_imm, lane
from simd_prog import rnd, op, state_record, write_program

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


def c_v3int(o):
    if rnd.random() < 0.15:
        q = rnd.randrange(2)
        return '%s %s, %s, %s' % (op(LOGIC3), o.vt(0, q), o.vt(0, q), o.vt(0, q))
    n = op(list(INT3))
    size, q = arr(INT3[n])
    return '%s %s, %s, %s' % (n, o.vt(size, q), o.vt(size, q), o.vt(size, q))


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


CLASSES = {
    'fp1': c_fp1, 'fp2': c_fp2, 'fp3': c_fp3, 'fpcmp': c_fpcmp, 'fpccmp': c_fpccmp,
    'fpcsel': c_fpcsel, 'fpcvt_int': c_fpcvt_int, 'fpcvt_fixed': c_fpcvt_fixed, 'fmov': c_fmov,
    'fcvt': c_fcvt, 'v3int': c_v3int, 'v3fp': c_v3fp, 'v3diff': c_v3diff, 'v2misc': c_v2misc,
    'across': c_across, 'pairwise': c_pairwise, 'shift': c_shift, 'byelem': c_byelem,
    'modimm': c_modimm, 'permute': c_permute, 'copy': c_copy, 'scalar': c_scalar, 'sat': c_sat,
    'ldst': c_ldst, 'mix': c_mix
}


def classes_for(hwcap, hwcap2=0):
    """The classes to test on a CPU advertising `hwcap` and `hwcap2`."""
    caps = {1: hwcap, 2: hwcap2}
    return list(CLASSES) + [c for c, (w, bit, _) in OPTIONAL.items() if caps[w] >> bit & 1]


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
