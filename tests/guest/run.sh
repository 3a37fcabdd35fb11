#!/bin/sh
# Builds every guest test program (tests/guest/<arch>/*.c, *.S) with the
# cross compiler and runs it under ferry's JIT, under the IR interpreter
# (-no-jit) and under the JIT with a 64 KiB code buffer (flushed whenever it
# fills), comparing stdout with <name>.ref and the exit status with
# <name>.exit (0 when absent).  A first line `// cflags: ...` adds compiler
# flags; `// args: ...` adds program arguments; `// link: dynamic` (in the
# first three lines) links against the shared libc instead of -static: ferry
# then runs it with ld.so from the default cross sysroot (no -L).  *.cc
# files are C++ (built with the cross g++).
# Prints one line per run and ends with `guest: N passed, N failed`.
FERRY=${FERRY:-build/ferry}
OUT=${OUT:-build/guest}
FILTER=${1:-}
# Headers generated from tests/guest/gen_*.py (the arm_neon.h sweep's cases), made again
# when their generator changes; tests include them from $GEN.
GEN=$OUT/gen
mkdir -p "$GEN"
if [ ! -s "$GEN/neon_sweep_ops.h" ] || [ tests/guest/gen_neon_sweep.py -nt "$GEN/neon_sweep_ops.h" ]; then
    python3 tests/guest/gen_neon_sweep.py >"$GEN/neon_sweep_ops.h.tmp" &&
        mv "$GEN/neon_sweep_ops.h.tmp" "$GEN/neon_sweep_ops.h" ||
        { echo "FAIL tests/guest/gen_neon_sweep.py"; exit 1; }
fi
pass=0
fail=0
for src in tests/guest/aarch64/*.c tests/guest/aarch64/*.S tests/guest/aarch64/*.cc; do
    [ -e "$src" ] || continue
    name=$(basename "$src"); name=${name%.*}
    case "$name" in *"$FILTER"*) ;; *) continue ;; esac
    dir=$(dirname "$src")
    ref="$dir/$name.ref"
    [ -f "$ref" ] || { echo "FAIL aarch64/$name: no $ref"; fail=$((fail + 1)); continue; }
    bin="$OUT/aarch64/$name"
    mkdir -p "$OUT/aarch64"
    cflags=$(sed -n '1s,^// cflags: *,,p' "$src")
    args=$(sed -n '1,3s,^// args: *,,p' "$src")
    # Rebuilt when the source or a header beside it or generated (tests include them) changed.
    if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ] ||
        [ -n "$(find "$dir" "$GEN" -name '*.h' -newer "$bin")" ]; then
        link=-static
        case "$cflags" in *-static-pie*) link= ;; esac
        sed -n '1,3p' "$src" | grep -q '^// link: *dynamic' && link=
        cc=aarch64-linux-gnu-gcc
        case "$src" in *.cc) cc=aarch64-linux-gnu-g++ ;; esac
        if ! $cc -O2 $link $cflags -I"$GEN" -o "$bin" "$src" -lm 2>"$bin.cc.log"; then
            echo "FAIL aarch64/$name: does not compile"; sed -n 1,10p "$bin.cc.log"
            fail=$((fail + 3)); continue
        fi
    fi
    want_rc=0
    [ -f "$dir/$name.exit" ] && want_rc=$(cat "$dir/$name.exit")
    for mode in jit interp flush; do
        flag=; [ "$mode" = interp ] && flag=-no-jit
        cbsize=; [ "$mode" = flush ] && cbsize=65536
        FERRY_CODE_BUFFER_SIZE=$cbsize timeout 120 "$FERRY" $flag "$bin" $args </dev/null \
            >"$bin.$mode.out" 2>"$bin.$mode.err"
        rc=$?
        if [ "$rc" = "$want_rc" ] && cmp -s "$bin.$mode.out" "$ref"; then
            pass=$((pass + 1)); echo "PASS aarch64/$name ($mode)"
        else
            fail=$((fail + 1)); echo "FAIL aarch64/$name ($mode): exit $rc (want $want_rc)"
            diff "$ref" "$bin.$mode.out" | sed -n 1,8p
            sed -n 1,5p "$bin.$mode.err"
        fi
    done
done
echo "guest: $pass passed, $fail failed"
[ "$fail" = 0 ]
