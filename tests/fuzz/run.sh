#!/bin/sh
# Execution and syscall fuzzing: the harness (tests/fuzz/fuzz_*.c) runs
# pages of random A64 code with random registers, and pages of random
# system calls, under ferry's JIT, -no-jit and -one-insn-per-tb.  A run
# fails when ferry crashes, hangs, reports an internal error or assertion,
# lets the guest corrupt memory it never pointed at (the harness's canary),
# or when the harness cannot finish.  Each page's outcome (the signal that
# ended it, `normal`, `timeout`, `died`) is compared with the reference
# (Debian's qemu-aarch64, a test oracle only) and disagreements are listed
# by class, without failing: random code reaches corners where the
# reference itself is wrong or where the outcome depends on timing.
# As root the runs are isolated (pid, uts, ipc, net and mount namespaces,
# user nobody) so that random calls cannot reach the rest of the machine.
# Usage: tests/fuzz/run.sh [FIRST_SEED [SEEDS [EXEC_PAGES [SYS_PAGES]]]]
# `make check` runs a short fixed set, `make fuzz N=...` a long one.
# Ends with `fuzz: N passed, N failed`.
FERRY=${FERRY:-build/ferry}
OUT=${OUT:-build/fuzz}
first=${1:-1}
seeds=${2:-2}
exec_pages=${3:-300}
sys_pages=${4:-60}
# The reference without the extensions ferry does not implement (SVE, SME, pointer
# authentication); qemu-user cannot turn MTE off: MTE instructions are SIGILL under ferry.
REF_CPU=${REF_CPU:-max,sve=off,sme=off,pauth=off}
pass=0
fail=0
mkdir -p "$OUT"
bin=$OUT/fuzz
srcs="tests/fuzz/fuzz_main.c tests/fuzz/fuzz_gen.c tests/fuzz/fuzz_sys.c tests/fuzz/fuzz_entry.S"
if [ ! -x "$bin" ] || [ -n "$(find tests/fuzz -newer "$bin" -name 'fuzz*')" ]; then
    if ! aarch64-linux-gnu-gcc -O2 -static -fno-stack-protector -Wall -o "$bin" $srcs; then
        echo "FAIL fuzz: the harness does not compile"
        echo "fuzz: 0 passed, 1 failed"
        exit 1
    fi
fi
bin=$(realpath "$bin")
ferry=$(realpath "$FERRY")
iso=
if [ "$(id -u)" = 0 ] && unshare --pid --fork --uts --ipc --net --mount true 2>/dev/null &&
    setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    iso="unshare --pid --fork --kill-child --uts --ipc --net --mount setpriv --reuid=65534 --regid=65534 --clear-groups --"
fi
work=$(mktemp -d)
chmod 777 "$work"
trap 'rm -rf "$work"' EXIT
run() { # run OUTFILE COMMAND...: in the scratch directory, isolated, time-limited
    o=$1; shift
    (cd "$work" && timeout -s KILL 600 $iso "$@" >"$o" 2>"$o.err")
}
s=$first
while [ "$s" -lt $((first + seeds)) ]; do
    for kind in exec sys; do
        pages=$exec_pages; [ "$kind" = sys ] && pages=$sys_pages
        base=$(realpath "$OUT")/$kind-$s
        run "$base.ref" qemu-aarch64 -cpu "$REF_CPU" "$bin" $kind $s $pages -v
        for mode in jit interp one; do
            flag=; [ "$mode" = interp ] && flag=-no-jit; [ "$mode" = one ] && flag=-one-insn-per-tb
            out=$base.$mode
            run "$out" "$ferry" $flag "$bin" $kind $s $pages -v
            rc=$?
            why=
            [ "$rc" = 0 ] || why="exit status $rc"
            tail -n 2 "$out" | grep -q "^$kind seed $s: $pages pages" || why="$why; no summary"
            bad=$(grep -a -m 3 -E 'internal error|host fault|Assertion|assert|[Aa]bort|BUG' "$out.err")
            [ -z "$bad" ] || why="$why; ferry said: $bad"
            grep -q -E '^page [0-9]+: canary' "$out" && why="$why; canary memory changed"
            hung=$(grep -E '^page [0-9]+: hung' "$out" | while read -r l; do
                grep -qx "$l" "$base.ref" || echo "$l"; done)
            [ -z "$hung" ] && why=${why#; } || why="${why#; }; hung (the reference did not): $hung"
            differ=$(grep "^page " "$base.ref" | paste -d" " - "$out" | awk '$3 != $6' | wc -l)
            if [ -z "$why" ]; then
                pass=$((pass + 1))
                echo "PASS fuzz $kind seed $s ($mode): $(tail -n 1 "$out" | sed 's/^[a-z]* seed [0-9]*: //'); $differ pages differ from the reference"
            else
                fail=$((fail + 1))
                echo "FAIL fuzz $kind seed $s ($mode): $why"
            fi
            # Disagreements by class: ferry's outcome / the reference's.
            grep '^page ' "$base.ref" | paste -d' ' - "$out" | awk '$3 != $6 && $4 == "page" {print "  " $6 " (ref " $3 ")"}' |
                sort | uniq -c | sort -rn | sed -n 1,6p
        done
    done
    s=$((s + 1))
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" = 0 ]
