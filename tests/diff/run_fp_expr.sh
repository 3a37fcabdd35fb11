#!/bin/sh
# Differential test of FP through C: random programs of FP expressions
# (gen_fp_expr.py) compiled with CFLAGS, run under ferry's JIT, -no-jit and
# -one-insn-per-tb and under the reference (Debian's qemu-aarch64 -cpu max, a
# test oracle only); stdout must agree.  Not part of run-all.sh (compiling
# dominates); e.g. tests/diff/run_fp_expr.sh 1 50 "-O3 -ffast-math".
# Usage: tests/diff/run_fp_expr.sh [FIRST_SEED [COUNT [CFLAGS]]]
FERRY=${FERRY:-build/ferry}
OUT=${OUT:-build/diff}
first=${1:-1}
count=${2:-20}
cflags=${3:--O2 -march=armv8.2-a+fp16 -frounding-math}
pass=0
fail=0
mkdir -p "$OUT"
seed=$first
while [ "$seed" -lt $((first + count)) ]; do
    p="$OUT/fpexpr$seed"
    if ! python3 tests/diff/gen_fp_expr.py "$seed" >"$p.c" ||
        ! aarch64-linux-gnu-gcc -static $cflags -o "$p" "$p.c" -lm 2>"$p.cc.log"; then
        echo "FAIL fp-expr seed $seed: cannot generate or compile"
        fail=$((fail + 1)); seed=$((seed + 1)); continue
    fi
    qemu-aarch64 -cpu max "$p" >"$p.ref" 2>/dev/null
    for mode in jit interp single; do
        case $mode in jit) flag= ;; interp) flag=-no-jit ;; single) flag=-one-insn-per-tb ;; esac
        timeout 60 "$FERRY" $flag "$p" >"$p.$mode" 2>/dev/null
        if cmp -s "$p.ref" "$p.$mode"; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1)); echo "FAIL fp-expr seed $seed ($mode): output differs"
            diff "$p.ref" "$p.$mode" | sed -n 1,6p
        fi
    done
    seed=$((seed + 1))
done
echo "fp-expr: $pass passed, $fail failed"
[ "$fail" = 0 ]
