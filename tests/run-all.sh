#!/bin/sh
# Runs every test of `make check`: the cmocka unit tests (build/tests/test_*)
# and the guest programs (tests/guest/run.sh); ends with the totals line
# `N passed, N failed` and a non-zero exit when anything failed.
pass=0
fail=0
log=build/tests/unit.log
mkdir -p build/tests
for t in build/tests/test_*; do
    [ -x "$t" ] || continue
    "$t" >"$log" 2>&1
    rc=$?
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then f=1; fi
    if [ "$p" = 0 ] && [ "$f" = 0 ]; then f=1; echo "$t ran no test"; fi
    pass=$((pass + p)); fail=$((fail + f))
    echo "unit $(basename "$t"): $p passed, $f failed"
    [ "$f" = 0 ] || cat "$log"
done
# Script suites: each prints a last line `[name: ]N passed, N failed`.
for suite in tests/cli/run.sh tests/binfmt/run.sh tests/rootfs/chroot.sh tests/guest/run.sh \
    tests/diff/run.sh tests/diff/run_simd.sh tests/diff/scan_simd.sh tests/csmith/run.sh tests/real/quick.sh tests/fuzz/run.sh; do
    out=build/tests/$(basename "$(dirname "$suite")")-$(basename "$suite" .sh).log
    sh "$suite" >"$out" 2>&1
    cat "$out"
    line=$(tail -n 1 "$out" | sed -n 's/^\([a-z-]*: \)\{0,1\}\([0-9]*\) passed, \([0-9]*\) failed$/\2 \3/p')
    if [ -z "$line" ]; then
        echo "$suite did not finish"
        line="0 1"
    fi
    set -- $line
    pass=$((pass + $1)); fail=$((fail + $2))
done
# The code style (.clang-format) is part of the tests.
if make --no-print-directory -s format-check >build/tests/format.log 2>&1; then
    pass=$((pass + 1)); echo "format: clang-format clean"
else
    fail=$((fail + 1)); echo "format: FAIL"; sed -n 1,20p build/tests/format.log
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
