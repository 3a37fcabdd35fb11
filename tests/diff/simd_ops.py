#!/usr/bin/env python3
"""Operands for the instruction classes of gen_simd.py and gen_simd_ext.py."""
from simd_prog import rnd, op

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


def fp_imm():
    v = (16 + rnd.randrange(16)) / 16.0 * 2.0 ** rnd.randrange(-3, 5)
    return repr(-v if rnd.random() < 0.5 else v)


def fp_arr():
    return op([(2, 0), (2, 1), (3, 1)])


def elem(o, size):
    """Rm.T[index] of a by-element operand."""
    n = {1: 8, 2: 4, 3: 2}[size]
    return 'v%d.%s[%d]' % (o.v(size == 1), ESZ[size], rnd.randrange(n))


def lane(o, size):
    return 'v%d.%s[%d]' % (o.v(), ESZ[size], rnd.randrange(16 >> size))


# the FP three-same mnemonics (single/double and half precision classes)
FP3 = 'fadd fsub fmul fdiv fmax fmin fmaxnm fminnm fmla fmls fabd fmulx frecps frsqrts fcmeq ' \
      'fcmge fcmgt facge facgt faddp fmaxp fminp fmaxnmp fminnmp'.split()
