#!/usr/bin/env python3
"""Differential test of FP and AdvSIMD: gen_simd.py sequences under ferry and the reference.

Usage: run_simd.py [--seed S] [--count N] [--per P] [--classes a,b] [--jobs J] [--out DIR]
Builds ceil(N/P) programs of P sequences each (seeds S, S+1, ...), runs each
under ferry's JIT, -no-jit and -one-insn-per-tb and under the reference
(Debian's qemu-aarch64, a test oracle only), and compares the record of every
sequence.  A program that dies in a sequence is restarted after it, so one
unimplemented instruction costs one sequence.  Prints per-class counts
(`class: K of M sequences differ`), the first differing sequence of each class
(objdump of its body and the differing registers), the instructions that raised
SIGILL under ferry, and `simd-diff: N passed, N failed` (sequences).
Masks for known reference bugs are in mask_known() (known-divergences.md).
"""
import argparse, concurrent.futures, os, re, subprocess, sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_simd  # noqa: E402
import simd_prog  # noqa: E402

REC = simd_prog.REC_SIZE
MODES = {'jit': [], 'interp': ['-no-jit'], 'single': ['-one-insn-per-tb']}


def fields():
    """(name, offset, size) of the record fields."""
    f = [('x%d' % i, 8 + 8 * i, 8) for i in range(16)]
    f += [('x25', 136, 8), ('x26', 144, 8), ('nzcv', 152, 8), ('fpsr', 160, 8), ('fpcr', 168, 8)]
    f += [('v%d' % i, 176 + 16 * i, 16) for i in range(32)]
    f += [('mem+%d' % i, 688 + 16 * i, 16) for i in range(16)]
    return f


FIELDS = fields()


def run_resume(cmd, nseq, timeout):
    """Runs cmd START until every sequence ran: ({index: record}, {index: reason})."""
    recs, dead, start = {}, {}, 0
    while start < nseq:
        try:
            p = subprocess.run(cmd + [str(start)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=timeout)
            out, rc, err = p.stdout, p.returncode, p.stderr.decode(errors='replace')
        except subprocess.TimeoutExpired as e:
            out, rc, err = e.stdout or b'', 'timeout', ''
        n = len(out) // REC
        for i in range(n):
            recs[start + i] = out[i * REC:(i + 1) * REC]
        start += n
        if start >= nseq:
            break
        m = re.search(r'guest pc (0x[0-9a-f]+): uncaught signal (\d+)', err)
        dead[start] = ('signal %s at %s' % (m.group(2), m.group(1))) if m else 'exit %s' % rc
        start += 1
    return recs, dead


def le(b):
    return int.from_bytes(b, 'little')


def mask_known(cls, body, ref, got):
    """Masks the reference bugs listed in known-divergences.md (none so far)."""
    return ref, got


def diff_fields(ref, got):
    out = []
    for name, off, size in FIELDS:
        a, b = ref[off:off + size], got[off:off + size]
        if a != b:
            out.append('%s: ref %0*x ferry %0*x' % (name, size * 2, le(a), size * 2, le(b)))
    return out


def build(args, seed, count):
    base = os.path.join(args.out, 'simd%d' % seed)
    subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), 'gen_simd.py'),
                    str(seed), str(count), base, args.classes], check=True)
    assemble(base, args.out)
    meta = []
    with open(base + '.seq') as f:
        for line in f:
            i, cls, body = (line.rstrip('\n').split(' ', 2) + [''])[:3]
            meta.append((cls, body))
    return base, meta


HWCAP_PROBE = '''.globl _start
_start:
    mov x1, sp
    ldr x0, [x1], #8
    add x1, x1, x0, lsl #3
    add x1, x1, #8
1:  ldr x0, [x1], #8
    cbnz x0, 1b
    stp xzr, xzr, [sp, #-16]!
2:  ldp x0, x2, [x1], #16
    cmp x0, #16
    b.ne 3f
    str x2, [sp]
3:  cmp x0, #26
    b.ne 4f
    str x2, [sp, #8]
4:  cbnz x0, 2b
    mov x0, #1
    mov x1, sp
    mov x2, #16
    mov x8, #64
    svc #0
    mov x0, #0
    mov x8, #93
    svc #0
'''


def ferry_hwcap(args):
    """ferry's AT_HWCAP and AT_HWCAP2 (auxv walk in a probe program)."""
    base = os.path.join(args.out, 'hwcap')
    with open(base + '.S', 'w') as f:
        f.write(HWCAP_PROBE)
    assemble(base, args.out)
    out = subprocess.run([args.ferry, base], stdout=subprocess.PIPE).stdout
    return (le(out[:8]), le(out[8:16])) if len(out) == 16 else (0, 0)


def test_program(args, seed, count):
    """Returns (seed, base, meta, ref results, {mode: results})."""
    base, meta = build(args, seed, count)
    n = len(meta)
    ref = run_resume(['qemu-aarch64', base], n, 120)
    res = {m: run_resume([args.ferry] + fl + [base], n, 120) for m, fl in MODES.items()}
    return seed, base, meta, ref, res


def disasm(base, idx):
    syms = {}
    for line in subprocess.run(['aarch64-linux-gnu-nm', base], stdout=subprocess.PIPE,
                               text=True).stdout.split('\n'):
        p = line.split()
        if len(p) == 3 and p[2] in ('body%d' % idx, 'body_end%d' % idx):
            syms[p[2]] = p[0]
    d = subprocess.run(['aarch64-linux-gnu-objdump', '-d', '--no-show-raw-insn',
                        '--start-address=0x' + syms['body%d' % idx],
                        '--stop-address=0x' + syms['body_end%d' % idx], base],
                       stdout=subprocess.PIPE, text=True).stdout
    return [ln for ln in d.split('\n') if re.match(r'\s+[0-9a-f]+:', ln)]


def assemble(base, outdir):
    p = subprocess.run(['aarch64-linux-gnu-gcc', '-nostdlib', '-static', '-Wa,-I' + outdir,
                        '-o', base, base + '.S'], stderr=subprocess.PIPE)
    if p.returncode:
        raise RuntimeError('%s: cannot assemble: %s' % (base, p.stderr.decode()[:2000]))


def bisect(args, base, idx, body, mode):
    """The first instruction of a failing sequence after which ferry's state differs."""
    with open(base + '.state', 'rb') as f:
        f.seek(idx * simd_prog.STATE_SIZE)
        state = f.read(simd_prog.STATE_SIZE)
    lines = body.split('; ')
    b = '%s-bisect%d' % (base, idx)
    simd_prog.write_program(b, [(state, '\n'.join(lines[:k + 1])) for k in range(len(lines))])
    assemble(b, args.out)
    ref = run_resume(['qemu-aarch64', b], len(lines), 60)[0]
    got = run_resume([args.ferry] + MODES[mode] + [b], len(lines), 60)[0]
    for k in range(len(lines)):
        if k in ref and ref.get(k) != got.get(k):
            d = diff_fields(ref[k], got[k]) if k in got else ['no record']
            return '%s -> %s' % (lines[k], '; '.join(d[:4]))
    return 'no single instruction'


def insn_at(base, pc):
    d = subprocess.run(['aarch64-linux-gnu-objdump', '-d', '--no-show-raw-insn',
                        '--start-address=' + pc, '--stop-address=0x%x' % (int(pc, 16) + 4), base],
                       stdout=subprocess.PIPE, text=True).stdout
    m = [ln for ln in d.split('\n') if re.match(r'\s+[0-9a-f]+:', ln)]
    return m[0].split(':', 1)[1].strip() if m else pc


def check_sequence(base, idx, cls, body, rrec, res, sigill):
    """[(mode, [differences])] of one sequence whose reference record is rrec; the
    instructions that raised SIGILL under ferry are collected in sigill[cls]."""
    bad = []
    for mode, (recs, dead) in res.items():
        if idx not in recs:
            why = dead.get(idx, 'no record')
            m = re.search(r'signal 4 at (0x[0-9a-f]+)', why)
            if m:
                ins = insn_at(base, m.group(1))
                sigill.setdefault(cls, {}).setdefault(ins.split()[0], ins)
                why += ' (%s)' % ins
            bad.append((mode, [why]))
            continue
        ref, got = mask_known(cls, body, rrec, recs[idx])
        if ref != got:
            bad.append((mode, diff_fields(ref, got)))
    return bad


def show_failure(args, base, idx, cls, body, rrec, bad):
    print('FAIL %s: %s sequence %d, fpcr %x' % (cls, base, idx, le(rrec[168:176])))
    for ln in disasm(base, idx):
        print('   ' + ln)
    for mode, d in bad:
        print('  %s: %s' % (mode, '; '.join(d[:6])))
    if not bad[0][1][0].startswith(('signal', 'exit', 'no record')):
        print('  first differing: ' + bisect(args, base, idx, body, bad[0][0]))


def parse_args():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=2000)
    ap.add_argument('--per', type=int, default=500)
    ap.add_argument('--classes', default='')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--out', default='build/diff')
    ap.add_argument('--ferry', default=os.environ.get('FERRY', 'build/ferry'))
    ap.add_argument('--show', type=int, default=1, help='sequences shown per class')
    ap.add_argument('--keep', action='store_true', help='keep the programs that passed')
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    if not args.classes:
        hwcap, hwcap2 = ferry_hwcap(args)
        args.classes = ','.join(gen_simd.classes_for(hwcap, hwcap2))
        print('ferry AT_HWCAP %#x AT_HWCAP2 %#x: %d classes' % (hwcap, hwcap2,
                                                             len(args.classes.split(','))))
    return args


def main():
    args = parse_args()
    total, failed, shown, sigill = {}, {}, {}, {}
    refbad = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        futs = [ex.submit(test_program, args, args.seed + k, min(args.per, args.count - k * args.per))
                for k in range((args.count + args.per - 1) // args.per)]
        for fu in futs:
            seed, base, meta, (rrecs, rdead), res = fu.result()
            nfail = sum(failed.values()) + refbad
            for idx, (cls, body) in enumerate(meta):
                total[cls] = total.get(cls, 0) + 1
                if idx not in rrecs:
                    refbad += 1
                    print('reference died in %s seq %d (%s): %s' % (base, idx, rdead.get(idx),
                                                                   body))
                    continue
                bad = check_sequence(base, idx, cls, body, rrecs[idx], res, sigill)
                if bad:
                    failed[cls] = failed.get(cls, 0) + 1
                    shown[cls] = shown.get(cls, 0) + 1
                    if shown[cls] <= args.show:
                        show_failure(args, base, idx, cls, body, rrecs[idx], bad)
            if sum(failed.values()) + refbad == nfail and not args.keep:
                for ext in ('', '.S', '.state', '.seq'):
                    os.remove(base + ext)
    for cls in sorted(total):
        print('%s: %d of %d sequences differ' % (cls, failed.get(cls, 0), total[cls]))
    for cls in sorted(sigill):
        print('SIGILL in %s: %s' % (cls, ', '.join(sorted(sigill[cls].values()))))
    nfail = sum(failed.values()) + refbad
    print('simd-diff: %d passed, %d failed' % (sum(total.values()) - nfail, nfail))
    return 1 if nfail else 0


if __name__ == '__main__':
    sys.exit(main())
