#!/bin/sh
# Random C programs (csmith) built with aarch64-linux-gnu-gcc and run under
# ferry's JIT, under -no-jit and under the reference (Debian's
# qemu-aarch64, a test oracle only): the checksums each prints must agree.
# Usage: tests/csmith/run.sh [FIRST_SEED [COUNT]] — `make check` runs a
# small fixed set, `make csmith N=...` a long run.  Programs the reference
# cannot finish within its time limit are reported as skipped (csmith can
# generate very long-running programs), never counted as passes.
FERRY=${FERRY:-build/ferry}
OUT=${OUT:-build/csmith}
first=${1:-1}
count=${2:-8}
inc=$(dirname "$(dpkg -L libcsmith-dev 2>/dev/null | grep '/csmith.h$' | head -n 1)")
pass=0
fail=0
skip=0
mkdir -p "$OUT"
s=$first
while [ "$s" -lt $((first + count)) ]; do
    p="$OUT/p$s"
    s=$((s + 1))
    seed=$((s - 1))
    opt=-O$((seed % 4))
    if ! csmith --seed "$seed" -o "$p.c" >/dev/null 2>&1 ||
        ! aarch64-linux-gnu-gcc $opt -static -w -I"$inc" -o "$p" "$p.c" 2>"$p.cc.log"; then
        echo "FAIL csmith seed $seed: cannot generate or compile"
        fail=$((fail + 1))
        continue
    fi
    timeout 20 qemu-aarch64 "$p" >"$p.ref" 2>&1
    if [ $? = 124 ]; then
        echo "skip csmith seed $seed: the reference did not finish in 20 s"
        skip=$((skip + 1))
        continue
    fi
    for mode in jit interp; do
        flag=; [ "$mode" = interp ] && flag=-no-jit
        timeout 120 "$FERRY" $flag "$p" >"$p.$mode" 2>&1
        if cmp -s "$p.ref" "$p.$mode"; then
            pass=$((pass + 1)); echo "PASS csmith seed $seed $opt ($mode)"
        else
            fail=$((fail + 1)); echo "FAIL csmith seed $seed $opt ($mode)"
            diff "$p.ref" "$p.$mode" | sed -n 1,6p
        fi
    done
done
[ "$skip" = 0 ] || echo "csmith: $skip programs skipped (reference too slow)"
echo "csmith: $pass passed, $fail failed"
[ "$fail" = 0 ]
