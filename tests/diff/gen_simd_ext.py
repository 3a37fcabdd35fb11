#!/usr/bin/env python3
"""Optional extension classes of the FP/AdvSIMD differential test: run_simd.py adds
them when ferry's AT_HWCAP / AT_HWCAP2 advertise them (gen_simd.classes_for)."""
from simd_ops import COND, ESZ, FP3, arr, elem, fp_arr, fp_imm
from simd_prog import rnd, op

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
