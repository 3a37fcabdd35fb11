#!/usr/bin/env python3
"""Decode scan of the FP/AdvSIMD data-processing encoding space against the reference.

Usage: scan_simd.py [--seed S] [--count N] [--out DIR] [--ferry PATH] [--space all|dp|ldst]
Random instruction words (the ones objdump decodes and a sample of the ones it
does not) of the scalar FP and AdvSIMD data-processing space (bits 27:25 = 111:
no memory access, no branch) or of the AdvSIMD structure load/store space (with
the scratch buffer as the base and x25 = 0 as the offset), one per sequence of a gen_simd.py
program with random state, run under ferry (JIT) and the reference
(qemu-aarch64 -cpu max).  Per word:
  - both die of the same signal, or both run and agree: pass;
  - the reference runs it, ferry raises SIGILL: a gap if the word is base
    ARMv8.0 (objdump's text re-assembles with -march=armv8-a), else an
    extension ferry does not advertise (counted, not a failure);
  - ferry runs a word the reference rejects: ferry accepts an unallocated
    encoding (failure);
  - both run and the state differs: failure.
Ends with `simd-scan: N passed, N failed`.
"""
import argparse, os, random, re, subprocess, sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import simd_prog  # noqa: E402
import run_simd  # noqa: E402


def disasm_words(base, n):
    """objdump text of body0..body(n-1), one instruction each."""
    d = subprocess.run(['aarch64-linux-gnu-objdump', '-d', '--no-show-raw-insn', base],
                       stdout=subprocess.PIPE, text=True).stdout
    out, cur = {}, None
    for ln in d.split('\n'):
        m = re.match(r'[0-9a-f]+ <body(\d+)>:', ln)
        if m:
            cur = int(m.group(1))
            continue
        if cur is not None and re.match(r'\s+[0-9a-f]+:', ln):
            out[cur] = re.sub(r'\s*//.*', '', ln.split(':', 1)[1].strip()).replace('\t', ' ')
            cur = None
    return out


def random_word(rnd, space):
    """dp: bits 27:25 = 111.  ldst: AdvSIMD structure loads/stores (bit 31 = 0, bits 29:25 =
    00110: multiple and single structures) with Rn = x26 (the scratch buffer) and Rm = x25
    (zero) or the immediate form."""
    w = rnd.getrandbits(32)
    if space == 'all':
        space = 'dp' if rnd.random() < 0.7 else 'ldst'
    if space == 'dp':
        return w | 0x0e000000
    w = (w & ~0xbe000000) | 0x0c000000
    rm = 31 if rnd.random() < 0.5 else 25
    return (w & ~(0x1f << 16 | 0x1f << 5)) | rm << 16 | 26 << 5 if w >> 23 & 1 else \
        (w & ~(0x1f << 5)) | 26 << 5


def pick_words(rnd, count, out, space):
    """count words: those objdump decodes, and 5% of the ones it calls undefined (each
    of which costs a restart after SIGILL)."""
    words = []
    while len(words) < count:
        cand = [random_word(rnd, space) for _ in range(4 * count)]
        src = os.path.join(out, 'cand.S')
        with open(src, 'w') as f:
            f.write(''.join('.inst 0x%08x\n' % w for w in cand))
        subprocess.run(['aarch64-linux-gnu-as', '-o', src + '.o', src], check=True)
        d = subprocess.run(['aarch64-linux-gnu-objdump', '-d', src + '.o'],
                           stdout=subprocess.PIPE, text=True).stdout
        for ln in d.split('\n'):
            m = re.match(r'\s+[0-9a-f]+:\s+([0-9a-f]{8})\s+(.*)', ln)
            if m and ('undefined' not in m.group(2) or rnd.random() < 0.05):
                words.append(int(m.group(1), 16))
    return words[:count]


def base_v80(texts, out):
    """The subset of texts that assemble as ARMv8.0 (FP and AdvSIMD only)."""
    ok = set()
    for t in set(texts):
        src = os.path.join(out, 'v80.S')
        with open(src, 'w') as f:
            f.write('.arch armv8-a\n' + t + '\n')
        p = subprocess.run(['aarch64-linux-gnu-as', '-o', os.path.join(out, 'v80.o'), src],
                           stderr=subprocess.PIPE)
        if p.returncode == 0:
            ok.add(t)
    return ok


def signo(why):
    """The signal of a run_resume death reason: 'signal N at PC' (ferry) or 'exit -N'."""
    m = re.match(r'(?:signal |exit -)(\d+)', why or '')
    return int(m.group(1)) if m else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=2000)
    ap.add_argument('--out', default='build/diff')
    ap.add_argument('--ferry', default=os.environ.get('FERRY', 'build/ferry'))
    ap.add_argument('--space', choices=['all', 'dp', 'ldst'], default='all')
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rnd = random.Random(args.seed)
    simd_prog.rnd.seed(args.seed)
    words = pick_words(rnd, args.count, args.out, args.space)
    base = os.path.join(args.out, 'scan%s%d' % (args.space, args.seed))
    simd_prog.write_program(base, [(simd_prog.state_record(), '.inst 0x%08x' % w) for w in words])
    run_simd.assemble(base, args.out)
    ref, rdead = run_simd.run_resume(['qemu-aarch64', base], len(words), 600)
    got, fdead = run_simd.run_resume([args.ferry, base], len(words), 600)
    text = disasm_words(base, len(words))
    gaps = [i for i in range(len(words)) if i in ref and i not in got]
    v80 = base_v80([text.get(i, '') for i in gaps], args.out)
    npass = nfail = 0
    ext = {}
    for i, w in enumerate(words):
        t = text.get(i, '?')
        if i not in ref and i not in got:
            if signo(rdead.get(i)) == signo(fdead.get(i)):
                npass += 1
                continue
            nfail += 1
            print('SIGNAL %08x %s: reference %s, ferry %s' % (w, t, rdead.get(i), fdead.get(i)))
        elif i in ref and i not in got:
            if t in v80:
                nfail += 1
                print('GAP %08x %s: reference runs it, ferry %s' % (w, t, fdead.get(i)))
            else:
                npass += 1
                ext[t.split()[0]] = ext.get(t.split()[0], 0) + 1
        elif i not in ref:
            nfail += 1
            print('UNALLOCATED %08x %s: ferry runs it, reference %s' % (w, t, rdead.get(i)))
        elif ref[i] != got[i]:
            nfail += 1
            d = run_simd.diff_fields(ref[i], got[i])
            print('DIFF %08x %s: %s' % (w, t, '; '.join(d[:4])))
        else:
            npass += 1
    if ext:
        print('not advertised by ferry (reference runs them): ' +
              ', '.join('%s %d' % kv for kv in sorted(ext.items())))
    print('simd-scan: %d passed, %d failed' % (npass, nfail))
    return 1 if nfail else 0


if __name__ == '__main__':
    sys.exit(main())
