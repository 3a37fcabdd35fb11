#!/usr/bin/env python3
"""Writes neon_sweep_ops.h, the instances of the arm_neon.h intrinsics sweep that
tests/guest/aarch64/neon_sweep.h drives.

Each intrinsic instance (one element type, one vector width, one immediate)
runs on eight argument tuples drawn from pools of corner and random lanes
(INT_MIN/INT_MAX, 0, -1, shift counts around the element size, NaN/inf/
denormals, out-of-range table indices) and prints a hash of the results and
of FPSR (cumulative saturation and FP exception flags).  With argument `v`
it prints every result in hex instead.  The neon_sweep_*.c programs include
the header under different -O and -march flags.  The instance list is plain
data below: families of intrinsic names with their argument kinds.
Usage: python3 tests/guest/gen_neon_sweep.py > neon_sweep_ops.h (tests/guest/run.sh
writes it into build/guest/gen, made again when this script changes).
"""

INT = [('s', 8), ('s', 16), ('s', 32), ('s', 64), ('u', 8), ('u', 16), ('u', 32), ('u', 64)]
I32 = [t for t in INT if t[1] <= 32]
S32 = [t for t in I32 if t[0] == 's']
FL = [('f', 32), ('f', 64)]
NARROW = [t for t in INT if t[1] >= 16]


def ctype(k, b, q):
    base = {'s': 'int', 'u': 'uint', 'f': 'float', 'p': 'poly'}[k]
    return '%s%dx%d_t' % (base, b, (128 if q else 64) // b)


def stype(k, b):
    return {'s': 'int%d_t', 'u': 'uint%d_t', 'f': 'float%d_t', 'p': 'poly%d_t'}[k] % b


def pool(k, b):
    return ('f%d' if k == 'f' else 'i%d') % b


def sfx(k, b):
    return '%s%d' % (k, b)


def Q(q):
    return 'q' if q else ''


out = []  # (family, name, ret, [args]); arg = (ctype, pool) or ('imm', value)


def add(fam, name, ret, args):
    out.append((fam, name, ret, args))


def V(k, b, q, p=None):
    return (ctype(k, b, q), p or pool(k, b))


def IMM(v):
    return ('imm', v)


# ---- families ---------------------------------------------------------------
def same(fam, base, types, n, qs=(False, True), dform64=True):
    for k, b in types:
        for q in qs:
            if not q and b == 64 and not dform64:
                continue
            add(fam, '%s%s_%s' % (base, Q(q), sfx(k, b)), ctype(k, b, q), [V(k, b, q)] * n)


def arith():
    f = 'arith'
    same(f, 'vadd', INT + FL, 2)
    same(f, 'vsub', INT + FL, 2)
    same(f, 'vmul', I32 + FL, 2)
    same(f, 'vmla', I32 + [('f', 32)], 3)
    same(f, 'vmls', I32 + [('f', 32)], 3)
    same(f, 'vqadd', INT, 2)
    same(f, 'vqsub', INT, 2)
    same(f, 'vhadd', I32, 2)
    same(f, 'vrhadd', I32, 2)
    same(f, 'vhsub', I32, 2)
    same(f, 'vabd', I32 + FL, 2)
    same(f, 'vaba', I32, 3)
    same(f, 'vmax', I32 + FL, 2)
    same(f, 'vmin', I32 + FL, 2)
    same(f, 'vmaxnm', FL, 2)
    same(f, 'vminnm', FL, 2)
    same(f, 'vpadd', I32 + [('f', 32)], 2, qs=(False,))
    same(f, 'vpadd', INT + FL, 2, qs=(True,))
    same(f, 'vpmax', I32 + FL, 2, dform64=False)
    same(f, 'vpmin', I32 + FL, 2, dform64=False)
    same(f, 'vneg', [t for t in INT if t[0] == 's'] + FL, 1)
    same(f, 'vqneg', [t for t in INT if t[0] == 's'], 1)
    same(f, 'vabs', [t for t in INT if t[0] == 's'] + FL, 1)
    same(f, 'vqabs', [t for t in INT if t[0] == 's'], 1)
    same(f, 'vand', INT, 2)
    same(f, 'vorr', INT, 2)
    same(f, 'veor', INT, 2)
    same(f, 'vbic', INT, 2)
    same(f, 'vorn', INT, 2)
    same(f, 'vmvn', I32, 1)
    for k, b in INT:
        for q in (False, True):
            o = 'u' if k == 's' else 's'
            nm = 'vuqadd' if k == 's' else 'vsqadd'
            add(f, '%s%s_%s' % (nm, Q(q), sfx(k, b)), ctype(k, b, q), [V(k, b, q), V(o, b, q)])
    # widening
    for k, b in I32:
        add(f, 'vabdl_%s' % sfx(k, b), ctype(k, 2 * b, True), [V(k, b, False)] * 2)
        add(f, 'vabdl_high_%s' % sfx(k, b), ctype(k, 2 * b, True), [V(k, b, True)] * 2)
        add(f, 'vabal_%s' % sfx(k, b), ctype(k, 2 * b, True), [V(k, 2 * b, True)] + [V(k, b, False)] * 2)
        for nm in ('vaddl', 'vsubl', 'vmull'):
            add(f, '%s_%s' % (nm, sfx(k, b)), ctype(k, 2 * b, True), [V(k, b, False)] * 2)
            add(f, '%s_high_%s' % (nm, sfx(k, b)), ctype(k, 2 * b, True), [V(k, b, True)] * 2)
        for nm in ('vaddw', 'vsubw'):
            add(f, '%s_%s' % (nm, sfx(k, b)), ctype(k, 2 * b, True), [V(k, 2 * b, True), V(k, b, False)])
            add(f, '%s_high_%s' % (nm, sfx(k, b)), ctype(k, 2 * b, True), [V(k, 2 * b, True), V(k, b, True)])
        for nm in ('vmlal', 'vmlsl'):
            add(f, '%s_%s' % (nm, sfx(k, b)), ctype(k, 2 * b, True), [V(k, 2 * b, True)] + [V(k, b, False)] * 2)
            add(f, '%s_high_%s' % (nm, sfx(k, b)), ctype(k, 2 * b, True), [V(k, 2 * b, True)] + [V(k, b, True)] * 2)
        for q in (False, True):
            add(f, 'vpaddl%s_%s' % (Q(q), sfx(k, b)), ctype(k, 2 * b, q), [V(k, b, q)])
            add(f, 'vpadal%s_%s' % (Q(q), sfx(k, b)), ctype(k, 2 * b, q), [V(k, 2 * b, q), V(k, b, q)])
    # narrowing
    for k, b in NARROW:
        h = b // 2
        add(f, 'vmovn_%s' % sfx(k, b), ctype(k, h, False), [V(k, b, True)])
        add(f, 'vmovn_high_%s' % sfx(k, b), ctype(k, h, True), [V(k, h, False), V(k, b, True)])
        add(f, 'vqmovn_%s' % sfx(k, b), ctype(k, h, False), [V(k, b, True)])
        add(f, 'vqmovn_high_%s' % sfx(k, b), ctype(k, h, True), [V(k, h, False), V(k, b, True)])
        for nm in ('vaddhn', 'vraddhn', 'vsubhn', 'vrsubhn'):
            add(f, '%s_%s' % (nm, sfx(k, b)), ctype(k, h, False), [V(k, b, True)] * 2)
        if k == 's':
            add(f, 'vqmovun_%s' % sfx(k, b), ctype('u', h, False), [V(k, b, True)])
            add(f, 'vqmovun_high_%s' % sfx(k, b), ctype('u', h, True), [V('u', h, False), V(k, b, True)])
    for k, b in I32[:3] + I32[4:]:
        if b < 32:
            pass
    for k, b in [('s', 8), ('s', 16), ('s', 32), ('u', 8), ('u', 16), ('u', 32)]:
        add(f, 'vmovl_%s' % sfx(k, b), ctype(k, 2 * b, True), [V(k, b, False)])
        add(f, 'vmovl_high_%s' % sfx(k, b), ctype(k, 2 * b, True), [V(k, b, True)])
    # scalar saturating forms
    for k, b in INT:
        L = {8: 'b', 16: 'h', 32: 's', 64: 'd'}[b]
        for nm in ('vqadd', 'vqsub'):
            add(f, '%s%s_%s' % (nm, L, sfx(k, b)), stype(k, b), [(stype(k, b), pool(k, b))] * 2)
        if k == 's':
            add(f, 'vqabs%s_%s' % (L, sfx(k, b)), stype(k, b), [(stype(k, b), pool(k, b))])
            add(f, 'vqneg%s_%s' % (L, sfx(k, b)), stype(k, b), [(stype(k, b), pool(k, b))])
        if b >= 16:
            add(f, 'vqmovn%s_%s' % (L, sfx(k, b)), stype(k, b // 2), [(stype(k, b), pool(k, b))])


def compare():
    f = 'compare'
    for k, b in INT + FL:
        for q in (False, True):
            r = ctype('u', b, q)
            for nm in ('vceq', 'vcge', 'vcgt', 'vcle', 'vclt'):
                add(f, '%s%s_%s' % (nm, Q(q), sfx(k, b)), r, [V(k, b, q)] * 2)
            if k == 'f' or k == 's':
                for nm in ('vceqz', 'vcgez', 'vcgtz', 'vclez', 'vcltz'):
                    add(f, '%s%s_%s' % (nm, Q(q), sfx(k, b)), r, [V(k, b, q)])
            if k != 'f':
                add(f, 'vtst%s_%s' % (Q(q), sfx(k, b)), r, [V(k, b, q)] * 2)
            else:
                for nm in ('vcage', 'vcagt', 'vcale', 'vcalt'):
                    add(f, '%s%s_%s' % (nm, Q(q), sfx(k, b)), r, [V(k, b, q)] * 2)
            add(f, 'vbsl%s_%s' % (Q(q), sfx(k, b)), ctype(k, b, q), [V('u', b, q)] + [V(k, b, q)] * 2)


def shifts():
    f = 'shift'
    for k, b in INT:
        for q in (False, True):
            t = V(k, b, q)
            c = V('s', b, q, 'c%d' % b)
            for nm in ('vshl', 'vqshl', 'vrshl', 'vqrshl'):
                add(f, '%s%s_%s' % (nm, Q(q), sfx(k, b)), t[0], [t, c])
            left = sorted({0, 1, b // 2, b - 1})
            right = sorted({1, 2, b // 2, b - 1, b})
            for n in left:
                add(f, 'vshl%s_n_%s' % (Q(q), sfx(k, b)), t[0], [t, IMM(n)])
                add(f, 'vqshl%s_n_%s' % (Q(q), sfx(k, b)), t[0], [t, IMM(n)])
                add(f, 'vsli%s_n_%s' % (Q(q), sfx(k, b)), t[0], [t, t, IMM(n)])
                if k == 's':
                    add(f, 'vqshlu%s_n_%s' % (Q(q), sfx(k, b)), ctype('u', b, q), [t, IMM(n)])
            for n in right:
                for nm in ('vshr', 'vrshr'):
                    add(f, '%s%s_n_%s' % (nm, Q(q), sfx(k, b)), t[0], [t, IMM(n)])
                for nm in ('vsra', 'vrsra', 'vsri'):
                    add(f, '%s%s_n_%s' % (nm, Q(q), sfx(k, b)), t[0], [t, t, IMM(n)])
        if b >= 16:
            h = b // 2
            for n in sorted({1, 2, h - 1, h}):
                for nm in ('vshrn', 'vrshrn', 'vqshrn', 'vqrshrn'):
                    add(f, '%s_n_%s' % (nm, sfx(k, b)), ctype(k, h, False), [V(k, b, True), IMM(n)])
                    add(f, '%s_high_n_%s' % (nm, sfx(k, b)), ctype(k, h, True), [V(k, h, False), V(k, b, True), IMM(n)])
                if k == 's':
                    for nm in ('vqshrun', 'vqrshrun'):
                        add(f, '%s_n_%s' % (nm, sfx(k, b)), ctype('u', h, False), [V(k, b, True), IMM(n)])
                        add(f, '%s_high_n_%s' % (nm, sfx(k, b)), ctype('u', h, True), [V('u', h, False), V(k, b, True), IMM(n)])
        if b <= 32:
            for n in sorted({0, 1, b - 1, b}):
                add(f, 'vshll_n_%s' % sfx(k, b), ctype(k, 2 * b, True), [V(k, b, False), IMM(n)])
                add(f, 'vshll_high_n_%s' % sfx(k, b), ctype(k, 2 * b, True), [V(k, b, True), IMM(n)])
    # 64-bit scalar shifts
    for k in ('s', 'u'):
        st = (stype(k, 64), 'i64')
        add(f, 'vshld_%s64' % k, stype(k, 64), [st, ('int64_t', 'c64')])
        add(f, 'vrshld_%s64' % k, stype(k, 64), [st, ('int64_t', 'c64')])
        for n in (1, 63, 64):
            add(f, 'vshrd_n_%s64' % k, stype(k, 64), [st, IMM(n)])
            add(f, 'vrshrd_n_%s64' % k, stype(k, 64), [st, IMM(n)])
            add(f, 'vrsrad_n_%s64' % k, stype(k, 64), [st, st, IMM(n)])


def perm():
    f = 'perm'
    for k, b in INT + FL + [('p', 8), ('p', 16)]:
        for q in (False, True):
            n = (128 if q else 64) // b
            t = V(k, b, q)
            if n > 1:
                for nm in ('vzip1', 'vzip2', 'vuzp1', 'vuzp2', 'vtrn1', 'vtrn2'):
                    add(f, '%s%s_%s' % (nm, Q(q), sfx(k, b)), t[0], [t, t])
            for i in sorted({0, 1 % n, n - 1}):
                add(f, 'vext%s_%s' % (Q(q), sfx(k, b)), t[0], [t, t, IMM(i)])
                add(f, 'vdup%s_lane%s_%s' % (Q(q), '', sfx(k, b)), t[0], [V(k, b, False), IMM(i % (64 // b))])
                add(f, 'vget%s_lane_%s' % (Q(q), sfx(k, b)), stype(k, b), [t, IMM(i)])
                add(f, 'vset%s_lane_%s' % (Q(q), sfx(k, b)), t[0], [(stype(k, b), pool(k, b)), t, IMM(i)])
            if b <= 32 and k != 'f' or (k == 'f' and b == 32):
                for nm, sz in (('vrev64', 64), ('vrev32', 32), ('vrev16', 16)):
                    if b < sz:
                        add(f, '%s%s_%s' % (nm, Q(q), sfx(k, b)), t[0], [t])
            if n > 1 and b <= 32:
                for nm in ('vzip', 'vuzp', 'vtrn'):
                    add(f, '%s%s_%s' % (nm, Q(q), sfx(k, b)), ctype(k, b, q)[:-2] + 'x2_t', [t, t])
        add(f, 'vcombine_%s' % sfx(k, b), ctype(k, b, True), [V(k, b, False)] * 2)
        add(f, 'vget_high_%s' % sfx(k, b), ctype(k, b, False), [V(k, b, True)])
        add(f, 'vget_low_%s' % sfx(k, b), ctype(k, b, False), [V(k, b, True)])
        add(f, 'vdupq_n_%s' % sfx(k, b), ctype(k, b, True), [(stype(k, b), pool(k, b))])
        add(f, 'vcopyq_lane_%s' % sfx(k, b), ctype(k, b, True), [V(k, b, True), IMM(1), V(k, b, False), IMM(0)])
    for k in ('s', 'u', 'p'):
        for q in (False, True):
            t = V(k, 8, q)
            add(f, 'vcnt%s_%s8' % (Q(q), k), t[0], [t])
            add(f, 'vrbit%s_%s8' % (Q(q), k), t[0], [t])
    for k, b in I32:
        for q in (False, True):
            add(f, 'vclz%s_%s' % (Q(q), sfx(k, b)), ctype(k, b, q), [V(k, b, q)])
            if k == 's':
                add(f, 'vcls%s_%s' % (Q(q), sfx(k, b)), ctype(k, b, q), [V(k, b, q)])
    # table lookups
    for k in ('s', 'u', 'p'):
        d, qq = V(k, 8, False), V(k, 8, True)
        ix = (ctype('u', 8, False), 'x')
        ixq = (ctype('u', 8, True), 'x')
        if k == 's':
            ix = (ctype('s', 8, False), 'x')
        add(f, 'vtbl1_%s8' % k, d[0], [d, ix])
        add(f, 'vtbx1_%s8' % k, d[0], [d, d, ix])
        for n in (2, 3, 4):
            st = (ctype(k, 8, False)[:-2] + 'x%d_t' % n, pool(k, 8))
            add(f, 'vtbl%d_%s8' % (n, k), d[0], [st, ix])
            add(f, 'vtbx%d_%s8' % (n, k), d[0], [d, st, ix])
        for n in (1, 2, 3, 4):
            st = qq if n == 1 else (ctype(k, 8, True)[:-2] + 'x%d_t' % n, pool(k, 8))
            for q in (False, True):
                qix = ixq if q else (ctype('u', 8, False), 'x')
                add(f, 'vqtbl%d%s_%s8' % (n, Q(q), k), ctype(k, 8, q), [st, qix])
                add(f, 'vqtbx%d%s_%s8' % (n, Q(q), k), ctype(k, 8, q), [V(k, 8, q), st, qix])


def across():
    f = 'across'
    for k, b in INT + FL:
        for q in (False, True):
            n = (128 if q else 64) // b
            if n < 2:
                continue
            t = V(k, b, q)
            add(f, 'vaddv%s_%s' % (Q(q), sfx(k, b)), stype(k, b), [t])
            if b < 64 or k == 'f':
                add(f, 'vmaxv%s_%s' % (Q(q), sfx(k, b)), stype(k, b), [t])
                add(f, 'vminv%s_%s' % (Q(q), sfx(k, b)), stype(k, b), [t])
            if k == 'f':
                add(f, 'vmaxnmv%s_%s' % (Q(q), sfx(k, b)), stype(k, b), [t])
                add(f, 'vminnmv%s_%s' % (Q(q), sfx(k, b)), stype(k, b), [t])
            elif b < 64:
                add(f, 'vaddlv%s_%s' % (Q(q), sfx(k, b)), stype(k, 2 * b), [t])


def mulx():
    f = 'mul'
    for b in (16, 32):
        for q in (False, True):
            t = V('s', b, q)
            for nm in ('vqdmulh', 'vqrdmulh'):
                add(f, '%s%s_%s' % (nm, Q(q), sfx('s', b)), t[0], [t, t])
                for ln in (0, 64 // b - 1):
                    add(f, '%s%s_lane_%s' % (nm, Q(q), sfx('s', b)), t[0], [t, V('s', b, False), IMM(ln)])
                add(f, '%s%s_n_%s' % (nm, Q(q), sfx('s', b)), t[0], [t, (stype('s', b), 'i%d' % b)])
        w = ctype('s', 2 * b, True)
        add(f, 'vqdmull_%s' % sfx('s', b), w, [V('s', b, False)] * 2)
        add(f, 'vqdmull_high_%s' % sfx('s', b), w, [V('s', b, True)] * 2)
        add(f, 'vqdmull_lane_%s' % sfx('s', b), w, [V('s', b, False)] * 2 + [IMM(1)])
        add(f, 'vqdmull_n_%s' % sfx('s', b), w, [V('s', b, False), (stype('s', b), 'i%d' % b)])
        for nm in ('vqdmlal', 'vqdmlsl'):
            add(f, '%s_%s' % (nm, sfx('s', b)), w, [(w, 'i%d' % (2 * b))] + [V('s', b, False)] * 2)
            add(f, '%s_high_%s' % (nm, sfx('s', b)), w, [(w, 'i%d' % (2 * b))] + [V('s', b, True)] * 2)
        L = 'h' if b == 16 else 's'
        add(f, 'vqdmulh%s_s%d' % (L, b), stype('s', b), [(stype('s', b), 'i%d' % b)] * 2)
        add(f, 'vqrdmulh%s_s%d' % (L, b), stype('s', b), [(stype('s', b), 'i%d' % b)] * 2)
        add(f, 'vqdmull%s_s%d' % (L, b), stype('s', 2 * b), [(stype('s', b), 'i%d' % b)] * 2)
    for k in ('s', 'u'):
        for b in (16, 32):
            for q in (False, True):
                t = V(k, b, q)
                for nm in ('vmul', 'vmla', 'vmls'):
                    pre = [t] if nm != 'vmul' else []
                    add(f, '%s%s_lane_%s' % (nm, Q(q), sfx(k, b)), t[0], pre + [t, V(k, b, False), IMM(1)])
                    add(f, '%s%s_laneq_%s' % (nm, Q(q), sfx(k, b)), t[0], pre + [t, V(k, b, True), IMM(128 // b - 1)])
                    add(f, '%s%s_n_%s' % (nm, Q(q), sfx(k, b)), t[0], pre + [t, (stype(k, b), pool(k, b))])
            add(f, 'vmull_lane_%s' % sfx(k, b), ctype(k, 2 * b, True), [V(k, b, False)] * 2 + [IMM(1)])
            add(f, 'vmull_high_laneq_%s' % sfx(k, b), ctype(k, 2 * b, True), [V(k, b, True)] * 2 + [IMM(2)])
            add(f, 'vmlal_lane_%s' % sfx(k, b), ctype(k, 2 * b, True), [V(k, 2 * b, True)] + [V(k, b, False)] * 2 + [IMM(0)])
    for q in (False, True):
        add(f, 'vmul%s_p8' % Q(q), ctype('p', 8, q), [V('p', 8, q)] * 2)
    add(f, 'vmull_p8', ctype('p', 16, True), [V('p', 8, False)] * 2)
    add(f, 'vmull_high_p8', ctype('p', 16, True), [V('p', 8, True)] * 2)


def fparith():
    f = 'fp'
    for k, b in FL:
        for q in (False, True):
            t = V(k, b, q)
            for nm in ('vdiv', 'vmulx', 'vrecps', 'vrsqrts'):
                add(f, '%s%s_%s' % (nm, Q(q), sfx(k, b)), t[0], [t, t])
            for nm in ('vfma', 'vfms'):
                add(f, '%s%s_%s' % (nm, Q(q), sfx(k, b)), t[0], [t, t, t])
                add(f, '%s%s_lane_%s' % (nm, Q(q), sfx(k, b)), t[0], [t, t, V(k, b, False), IMM(0)])
            for nm in ('vsqrt', 'vrecpe', 'vrsqrte', 'vrnd', 'vrnda', 'vrndi', 'vrndm', 'vrndn', 'vrndp', 'vrndx', 'vrecpx' if False else 'vabs'):
                add(f, '%s%s_%s' % (nm, Q(q), sfx(k, b)), t[0], [t])
            i = 's' if True else ''
            for sgn in ('s', 'u'):
                for nm in ('vcvt', 'vcvtn', 'vcvta', 'vcvtp', 'vcvtm'):
                    add(f, '%s%s_%s%d_%s' % (nm, Q(q), sgn, b, sfx(k, b)), ctype(sgn, b, q), [t])
                add(f, 'vcvt%s_%s_%s%d' % (Q(q), sfx(k, b), sgn, b), t[0], [V(sgn, b, q)])
                for n in (1, b // 2, b):
                    add(f, 'vcvt%s_n_%s%d_%s' % (Q(q), sgn, b, sfx(k, b)), ctype(sgn, b, q), [t, IMM(n)])
                    add(f, 'vcvt%s_n_%s_%s%d' % (Q(q), sfx(k, b), sgn, b), t[0], [V(sgn, b, q), IMM(n)])
            add(f, 'vmul%s_lane_%s' % (Q(q), sfx(k, b)), t[0], [t, V(k, b, False), IMM(0)])
            add(f, 'vmulx%s_lane_%s' % (Q(q), sfx(k, b)), t[0], [t, V(k, b, False), IMM(0)])
        st = (stype(k, b), pool(k, b))
        L = 's' if b == 32 else 'd'
        for nm in ('vrecpe', 'vrsqrte', 'vrecpx'):
            add(f, '%s%s_%s' % (nm, L, sfx(k, b)), stype(k, b), [st])
        add(f, 'vcvt%s_s%d_%s' % (L, b, sfx(k, b)), stype('s', b), [st])
        add(f, 'vcvtn%s_u%d_%s' % (L, b, sfx(k, b)), stype('u', b), [st])
    for q in (False, True):
        add(f, 'vrecpe%s_u32' % Q(q), ctype('u', 32, q), [V('u', 32, q)])
        add(f, 'vrsqrte%s_u32' % Q(q), ctype('u', 32, q), [V('u', 32, q)])
    add(f, 'vcvt_f32_f64', ctype('f', 32, False), [V('f', 64, True)])
    add(f, 'vcvt_high_f32_f64', ctype('f', 32, True), [V('f', 32, False), V('f', 64, True)])
    add(f, 'vcvt_f64_f32', ctype('f', 64, True), [V('f', 32, False)])
    add(f, 'vcvt_high_f64_f32', ctype('f', 64, True), [V('f', 32, True)])
    add(f, 'vcvtx_f32_f64', ctype('f', 32, False), [V('f', 64, True)])
    add(f, 'vcvt_f16_f32', 'float16x4_t', [V('f', 32, True)])
    add(f, 'vcvt_f32_f16', ctype('f', 32, True), [('float16x4_t', 'f16')])
    add(f, 'vcvtd_s64_f64', 'int64_t', [('float64_t', 'f64')])
    add(f, 'vcvts_s32_f32', 'int32_t', [('float32_t', 'f32')])


def scalar():
    f = 'scalar'
    L = {8: 'b', 16: 'h', 32: 's', 64: 'd'}
    for k, b in INT:
        st = (stype(k, b), pool(k, b))
        c = (stype('s', b), 'c%d' % b)
        for nm in ('vqshl', 'vqrshl'):
            add(f, '%s%s_%s' % (nm, L[b], sfx(k, b)), stype(k, b), [st, c])
        for n in (0, 1, b - 1):
            add(f, 'vqshl%s_n_%s' % (L[b], sfx(k, b)), stype(k, b), [st, IMM(n)])
        if b == 64:
            for n in (0, 1, 63):
                add(f, 'vslid_n_%s64' % k, stype(k, b), [st, st, IMM(n)])
                add(f, 'vsrid_n_%s64' % k, stype(k, b), [st, st, IMM(n + 1)])
            for nm in ('vceqd', 'vcged', 'vcgtd', 'vtstd'):
                add(f, '%s_%s64' % (nm, k), 'uint64_t', [st, st])
            add(f, 'vpaddd_%s64' % k, stype(k, b), [V(k, 64, True)])
        if k == 's' and b >= 16:
            add(f, 'vqmovun%s_%s' % (L[b], sfx(k, b)), stype('u', b // 2), [st])
        if k == 's':
            add(f, 'vuqadd%s_%s' % (L[b], sfx(k, b)), stype(k, b), [st, (stype('u', b), pool('u', b))])
        else:
            add(f, 'vsqadd%s_%s' % (L[b], sfx(k, b)), stype(k, b), [st, (stype('s', b), pool('s', b))])
    for b in (16, 32):
        st = (stype('s', b), 'i%d' % b)
        w = (stype('s', 2 * b), 'i%d' % (2 * b))
        add(f, 'vqdmlal%s_s%d' % (L[b], b), stype('s', 2 * b), [w, st, st])
        add(f, 'vqdmlsl%s_s%d' % (L[b], b), stype('s', 2 * b), [w, st, st])
        add(f, 'vqrdmulh%s_lane_s%d' % (L[b], b), stype('s', b), [st, V('s', b, False), IMM(1)])
        add(f, 'vqdmulh%s_laneq_s%d' % (L[b], b), stype('s', b), [st, V('s', b, True), IMM(2)])
    for k, b in FL:
        st = (stype(k, b), pool(k, b))
        Lf = L[b]
        for nm in ('vabd', 'vmulx', 'vrecps', 'vrsqrts'):
            add(f, '%s%s_%s' % (nm, Lf, sfx(k, b)), stype(k, b), [st, st])
        for nm in ('vceq', 'vcge', 'vcagt'):
            add(f, '%s%s_%s' % (nm, Lf, sfx(k, b)), stype('u', b), [st, st])
        add(f, 'vceqz%s_%s' % (Lf, sfx(k, b)), stype('u', b), [st])
        for nm in ('vpadd', 'vpmaxnm', 'vpminnm', 'vpmax', 'vpmin'):
            sz = 's' if b == 32 else 'd' if nm == 'vpadd' else 'qd'
            add(f, '%s%s_%s' % (nm, sz, sfx(k, b)), stype(k, b), [V(k, b, b == 64)])
        add(f, 'vfma%s_lane_%s' % (Lf, sfx(k, b)), stype(k, b), [st, st, V(k, b, False), IMM(0)])
        add(f, 'vmulx%s_laneq_%s' % (Lf, sfx(k, b)), stype(k, b), [st, V(k, b, True), IMM(1)])
        for sgn in ('s', 'u'):
            for nm in ('vcvta', 'vcvtm', 'vcvtp'):
                add(f, '%s%s_%s%d_%s' % (nm, Lf, sgn, b, sfx(k, b)), stype(sgn, b), [st])
            for n in (1, b):
                add(f, 'vcvt%s_n_%s%d_%s' % (Lf, sgn, b, sfx(k, b)), stype(sgn, b), [st, IMM(n)])
                add(f, 'vcvt%s_n_%s_%s%d' % (Lf, sfx(k, b), sgn, b), stype(k, b), [(stype(sgn, b), 'i%d' % b), IMM(n)])
    add(f, 'vcvtxd_f32_f64', 'float32_t', [('float64_t', 'f64')])


def crypto():
    f = 'crypto'
    u8 = V('u', 8, True)
    u32 = V('u', 32, True)
    u64 = V('u', 64, True)
    for nm in ('vaeseq_u8', 'vaesdq_u8'):
        add(f, nm, u8[0], [u8, u8])
    for nm in ('vaesmcq_u8', 'vaesimcq_u8'):
        add(f, nm, u8[0], [u8])
    for nm in ('vsha1cq_u32', 'vsha1mq_u32', 'vsha1pq_u32'):
        add(f, nm, u32[0], [u32, ('uint32_t', 'i32'), u32])
    add(f, 'vsha1h_u32', 'uint32_t', [('uint32_t', 'i32')])
    add(f, 'vsha1su0q_u32', u32[0], [u32, u32, u32])
    add(f, 'vsha1su1q_u32', u32[0], [u32, u32])
    add(f, 'vsha256hq_u32', u32[0], [u32, u32, u32])
    add(f, 'vsha256h2q_u32', u32[0], [u32, u32, u32])
    add(f, 'vsha256su0q_u32', u32[0], [u32, u32])
    add(f, 'vsha256su1q_u32', u32[0], [u32, u32, u32])
    add(f, 'vmull_p64', 'poly128_t', [('poly64_t', 'i64')] * 2)
    add(f, 'vmull_high_p64', 'poly128_t', [V('p', 64, True)] * 2)
    for nm, t in (('__crc32b', 'uint8_t'), ('__crc32h', 'uint16_t'), ('__crc32w', 'uint32_t'), ('__crc32d', 'uint64_t')):
        for c in ('', 'c'):
            add(f, nm[:7] + c + nm[7:], 'uint32_t', [('uint32_t', 'i32'), (t, 'i%s' % t[4:-2])])


def crypto82():
    f = 'sha3'
    u8 = V('u', 8, True)
    u32 = V('u', 32, True)
    u64 = V('u', 64, True)
    add(f, 'vsha512hq_u64', u64[0], [u64] * 3)
    add(f, 'vsha512h2q_u64', u64[0], [u64] * 3)
    add(f, 'vsha512su0q_u64', u64[0], [u64] * 2)
    add(f, 'vsha512su1q_u64', u64[0], [u64] * 3)
    for k, b in INT:
        if k == 'u' or True:
            t = V(k, b, True)
            add(f, 'veor3q_%s' % sfx(k, b), t[0], [t] * 3)
            add(f, 'vbcaxq_%s' % sfx(k, b), t[0], [t] * 3)
    add(f, 'vrax1q_u64', u64[0], [u64] * 2)
    for n in (0, 1, 32, 63):
        add(f, 'vxarq_u64', u64[0], [u64, u64, IMM(n)])
    add(f, 'vsm3ss1q_u32', u32[0], [u32] * 3)
    for nm in ('vsm3tt1aq_u32', 'vsm3tt1bq_u32', 'vsm3tt2aq_u32', 'vsm3tt2bq_u32'):
        for n in (0, 3):
            add(f, nm, u32[0], [u32] * 3 + [IMM(n)])
    add(f, 'vsm3partw1q_u32', u32[0], [u32] * 3)
    add(f, 'vsm3partw2q_u32', u32[0], [u32] * 3)
    add(f, 'vsm4eq_u32', u32[0], [u32] * 2)
    add(f, 'vsm4ekeyq_u32', u32[0], [u32] * 2)
    for b in (16, 32):
        for q in (False, True):
            t = V('s', b, q)
            for nm in ('vqrdmlah', 'vqrdmlsh'):
                add(f, '%s%s_%s' % (nm, Q(q), sfx('s', b)), t[0], [t, t, t])
                add(f, '%s%s_lane_%s' % (nm, Q(q), sfx('s', b)), t[0], [t, t, V('s', b, False), IMM(1)])
    # dot product
    for q in (False, True):
        for k in ('s', 'u'):
            acc = V(k, 32, q)
            add(f, 'vdot%s_%s32' % (Q(q), k), acc[0], [acc, V(k, 8, q), V(k, 8, q)])
            for ln in (0, 1):
                add(f, 'vdot%s_lane_%s32' % (Q(q), k), acc[0], [acc, V(k, 8, q), V(k, 8, False), IMM(ln)])
            add(f, 'vdot%s_laneq_%s32' % (Q(q), k), acc[0], [acc, V(k, 8, q), V(k, 8, True), IMM(3)])
    # fp16 vectors
    f = 'fp16'
    for q in (False, True):
        t = (('float16x8_t' if q else 'float16x4_t'), 'f16')
        for nm in ('vadd', 'vsub', 'vmul', 'vdiv', 'vmax', 'vmin', 'vmaxnm', 'vminnm', 'vabd', 'vpadd', 'vmulx', 'vrecps'):
            add(f, '%s%s_f16' % (nm, Q(q)), t[0], [t, t])
        for nm in ('vsqrt', 'vrecpe', 'vrsqrte', 'vrnd', 'vrnda', 'vrndm', 'vrndn', 'vrndp', 'vrndx', 'vabs', 'vneg'):
            add(f, '%s%s_f16' % (nm, Q(q)), t[0], [t])
        add(f, 'vfma%s_f16' % Q(q), t[0], [t, t, t])
        add(f, 'vcvt%s_s16_f16' % Q(q), ctype('s', 16, q), [t])
        add(f, 'vcvta%s_u16_f16' % Q(q), ctype('u', 16, q), [t])
        add(f, 'vcvt%s_f16_s16' % Q(q), t[0], [V('s', 16, q)])
        add(f, 'vceq%s_f16' % Q(q), ctype('u', 16, q), [t, t])
        add(f, 'vcge%s_f16' % Q(q), ctype('u', 16, q), [t, t])
        add(f, 'vmaxv%s_f16' % Q(q), 'float16_t', [t])
        add(f, 'vminnmv%s_f16' % Q(q), 'float16_t', [t])
    for q in (False, True):
        f32 = V('f', 32, q)
        h = (('float16x8_t' if q else 'float16x4_t'), 'f16')
        add(f, 'vfmlal%s_low_f16' % Q(q), f32[0], [f32, h, h])
        add(f, 'vfmlsl%s_high_f16' % Q(q), f32[0], [f32, h, h])


def i8mm():
    f = 'v83'
    for q in (False, True):
        for k, b in (('f', 32), ('f', 64)) if q else (('f', 32),):
            t = V(k, b, q)
            for nm in ('vcmla', 'vcmla_rot90', 'vcmla_rot180', 'vcmla_rot270'):
                add(f, '%s%s_%s' % (nm[:5] + Q(q) + nm[5:], '', sfx(k, b)), t[0], [t, t, t])
            for nm in ('vcadd_rot90', 'vcadd_rot270'):
                add(f, '%s_%s' % (nm[:5] + Q(q) + nm[5:], sfx(k, b)), t[0], [t, t])
        h = (('float16x8_t' if q else 'float16x4_t'), 'f16')
        add(f, 'vcmla%s_rot90_f16' % Q(q), h[0], [h, h, h])
        add(f, 'vfma%s_lane_f16' % Q(q), h[0], [h, h, ('float16x4_t', 'f16'), IMM(3)])
        add(f, 'vmul%s_laneq_f16' % Q(q), h[0], [h, ('float16x8_t', 'f16'), IMM(7)])
        add(f, 'vcvt%s_n_f16_s16' % Q(q), h[0], [V('s', 16, q), IMM(3)])
        add(f, 'vcvt%s_n_u16_f16' % Q(q), ctype('u', 16, q), [h, IMM(16)])
        f32 = V('f', 32, q)
        add(f, 'vfmlal%s_lane_high_f16' % Q(q), f32[0], [f32, h, ('float16x4_t', 'f16'), IMM(2)])
    add(f, '__jcvt', 'int32_t', [('double', 'f64')])
    f = 'i8mm'
    s32, u32 = V('s', 32, True), V('u', 32, True)
    add(f, 'vmmlaq_s32', s32[0], [s32, V('s', 8, True), V('s', 8, True)])
    add(f, 'vmmlaq_u32', u32[0], [u32, V('u', 8, True), V('u', 8, True)])
    add(f, 'vusmmlaq_s32', s32[0], [s32, V('u', 8, True), V('s', 8, True)])
    for q in (False, True):
        acc = V('s', 32, q)
        add(f, 'vusdot%s_s32' % Q(q), acc[0], [acc, V('u', 8, q), V('s', 8, q)])
        add(f, 'vusdot%s_lane_s32' % Q(q), acc[0], [acc, V('u', 8, q), V('s', 8, False), IMM(1)])
        add(f, 'vsudot%s_lane_s32' % Q(q), acc[0], [acc, V('s', 8, q), V('u', 8, False), IMM(0)])
    bf = ('bfloat16x8_t', 'f16')
    f32 = V('f', 32, True)
    add(f, 'vbfdotq_f32', f32[0], [f32, bf, bf])
    add(f, 'vbfmmlaq_f32', f32[0], [f32, bf, bf])
    add(f, 'vbfmlalbq_f32', f32[0], [f32, bf, bf])
    add(f, 'vbfmlaltq_f32', f32[0], [f32, bf, bf])
    add(f, 'vcvtq_low_bf16_f32', 'bfloat16x8_t', [f32])
    add(f, 'vcvt_bf16_f32', 'bfloat16x4_t', [f32])
    for q in (False, True):
        t = V('f', 32, q)
        for nm in ('vrnd32x', 'vrnd32z', 'vrnd64x', 'vrnd64z'):
            add(f, '%s%s_f32' % (nm, Q(q)), t[0], [t])
    for nm in ('vrnd32x', 'vrnd64z'):
        add(f, '%sq_f64' % nm, ctype('f', 64, True), [V('f', 64, True)])


# Intrinsics clang 14's arm_neon.h lacks.
GCC_ONLY = {'vrnd32xq_f64', 'vrnd64zq_f64'}

GROUPS = {
    'BASE': [arith, compare, shifts, perm, across, mulx, fparith, scalar],
    'CRYPTO': [crypto],
    'V82': [crypto82],
    'V86': [i8mm],
}


def emit():
    p = print
    p('/* Generated by tests/guest/gen_neon_sweep.py: do not edit. */')
    p('// clang-format off')
    for grp, fams in GROUPS.items():
        out.clear()
        for fam in fams:
            fam()
        if grp != 'BASE':
            p('#ifdef SWEEP_%s' % grp)
        fams_seen = []
        for fam, name, ret, args in out:
            if fam not in fams_seen:
                if fams_seen:
                    p('}')
                fams_seen.append(fam)
                p('static void sweep_%s(void)\n{' % fam)
                p('    sweep_group("%s");' % fam)
            decl = []
            call = []
            j = 0
            for a in args:
                if a[0] == 'imm':
                    call.append(str(a[1]))
                else:
                    decl.append('A(%s,%d,%s)' % (a[0], j, a[1]))
                    call.append('a%d' % j)
                    j += 1
            if name in GCC_ONLY:
                p('#ifndef __clang__')
            p('    R(%s,%s(%s),%s);' % (ret, name, ','.join(call), ''.join(decl)))
            if name in GCC_ONLY:
                p('#endif')
        p('}')
        p('static void sweep_all_%s(void)\n{' % grp)
        for fam in fams_seen:
            p('    sweep_%s();' % fam)
        p('}')
        if grp != 'BASE':
            p('#endif')


emit()
