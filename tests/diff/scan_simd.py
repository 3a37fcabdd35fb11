#!/usr/bin/env python3
"""Decode scan of the FP/AdvSIMD data-processing encoding space against the reference.

Usage: scan_simd.py [--seed S] [--count N] [--out DIR] [--ferry PATH]
Random instruction words with bits 27:25 = 111 (scalar FP and AdvSIMD data
processing: no memory access, no branch; the ones objdump decodes and a sample
of the ones it does not), one per sequence of a gen_simd.py
program with random state, run under ferry (JIT) and the reference
(qemu-aarch64 -cpu max).  Per word:
  - both raise SIGILL, or both run and agree: pass;
  - the reference runs it, ferry raises SIGILL: a gap if the word is base
    ARMv8.0 (objdump's text re-assembles with -march=armv8-a), else an
    extension ferry does not advertise (counted, not a failure);
  - ferry runs a word the reference rejects: ferry accepts an unallocated
    encoding (failure);
  - both run and the state differs: failure.
Ends with `simd-scan: N passed, N failed`.
"""
import argparse, os, random, re, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_simd  # noqa: E402
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


def pick_words(rnd, count, out):
    """count words: those objdump decodes, and 5% of the ones it calls undefined (each
    of which costs a restart after SIGILL)."""
    words = []
    while len(words) < count:
        cand = [rnd.getrandbits(32) | 0x0e000000 for _ in range(4 * count)]
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=2000)
    ap.add_argument('--out', default='build/diff')
    ap.add_argument('--ferry', default=os.environ.get('FERRY', 'build/ferry'))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rnd = random.Random(args.seed)
    gen_simd.rnd.seed(args.seed)
    words = pick_words(rnd, args.count, args.out)
    base = os.path.join(args.out, 'scan%d' % args.seed)
    gen_simd.write_program(base, [(gen_simd.state_record(), '.inst 0x%08x' % w) for w in words])
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
            npass += 1
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
