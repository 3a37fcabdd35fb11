#!/bin/sh
# Differential test of the integer ISA: random instruction sequences
# (gen_int.py) run under ferry's JIT, -no-jit and -one-insn-per-tb, and under
# the reference (Debian's qemu-aarch64, a test oracle only); the final
# register state must agree byte for byte.
# Usage: tests/diff/run.sh [FIRST_SEED [COUNT [INSNS]]]
FERRY=${FERRY:-build/ferry}
OUT=${OUT:-build/diff}
first=${1:-1}
count=${2:-20}
insns=${3:-300}
pass=0
fail=0
mkdir -p "$OUT"
seed=$first
while [ "$seed" -lt $((first + count)) ]; do
    p="$OUT/int$seed"
    if ! python3 tests/diff/gen_int.py "$seed" "$insns" >"$p.S" ||
        ! aarch64-linux-gnu-gcc -nostdlib -static -o "$p" "$p.S" 2>"$p.cc.log"; then
        echo "FAIL diff seed $seed: cannot generate or assemble"
        fail=$((fail + 1)); seed=$((seed + 1)); continue
    fi
    qemu-aarch64 "$p" >"$p.ref" 2>/dev/null
    for mode in jit interp single; do
        case $mode in jit) flag= ;; interp) flag=-no-jit ;; single) flag=-one-insn-per-tb ;; esac
        timeout 60 "$FERRY" $flag "$p" >"$p.$mode" 2>/dev/null
        if cmp -s "$p.ref" "$p.$mode"; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1)); echo "FAIL diff seed $seed ($mode): registers differ"
            od -An -tx8 -w8 "$p.ref" >"$p.ref.txt"; od -An -tx8 -w8 "$p.$mode" >"$p.$mode.txt"
            diff "$p.ref.txt" "$p.$mode.txt" | sed -n 1,6p
        fi
    done
    seed=$((seed + 1))
done
echo "diff: $pass passed, $fail failed"
[ "$fail" = 0 ]
