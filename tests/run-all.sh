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
out=build/tests/guest.log
sh tests/guest/run.sh >"$out" 2>&1
cat "$out"
gp=$(sed -n 's/^guest: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$out")
gf=$(sed -n 's/^guest: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$out")
[ -n "$gp" ] || { gp=0; gf=1; echo "guest test runner did not finish"; }
pass=$((pass + gp)); fail=$((fail + gf))
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
