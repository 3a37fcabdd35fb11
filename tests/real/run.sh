#!/bin/sh
# `make test-real`: real Debian arm64 software under ferry.  Builds (once) the
# arm64 bookworm sysroot of tests/real/sysroot.sh, then runs each case of
# tests/real/cases/*.sh twice with bash: natively (the host's amd64 Debian
# programs) and under `ferry -L sysroot` (the sysroot's arm64 bash, which
# starts the sysroot's programs, again under ferry).  Each run gets a fresh
# empty work directory as cwd and HOME and the same small environment; the
# case passes when stdout and the exit status are equal.
# Usage: sh tests/real/run.sh [FILTER]   cases whose name contains FILTER
#        sh tests/real/run.sh --quick    the cases of tests/real/quick.list
#                                        (what `make check` runs)
# Ends with `real: N passed, N failed`; fails loudly when the sysroot cannot
# be built.
FERRY=${FERRY:-$(pwd)/build/ferry}
ROOT=${REAL_SYSROOT:-build/real-sysroot}
OUT=${OUT:-build/real}
FILTER=${1:-}
QUICK=
if [ "$FILTER" = --quick ]; then
    QUICK=$(grep -v '^#' tests/real/quick.list)
    FILTER=
fi
TIMEOUT=${REAL_TIMEOUT:-300}
if ! sh tests/real/sysroot.sh; then
    echo "real: no sysroot, nothing ran"
    echo "real: 0 passed, 1 failed"
    exit 1
fi
ROOT=$(cd "$ROOT" && pwd)
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
pass=0
fail=0
# run SIDE CASE: runs one side in $OUT/work (the same path on both sides),
# its output in $OUT/<name>.<side>.
run() {
    side=$1 case=$2
    dir=$OUT/$name.$side
    rm -rf "$dir" "$OUT/work"
    mkdir -p "$dir" "$OUT/work"
    if [ "$side" = native ]; then
        set -- /bin/bash
    else
        set -- "$FERRY" -L "$ROOT" -0 /bin/bash "$ROOT/usr/bin/bash"
    fi
    (cd "$OUT/work" && env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME="$OUT/work" \
        LC_ALL=C TZ=UTC TERM=dumb USER=root LOGNAME=root \
        timeout "$TIMEOUT" "$@" "$case" </dev/null >"$dir/stdout" 2>"$dir/stderr")
    echo $? >"$dir/status"
    rm -rf "$OUT/work"
}
for case in tests/real/cases/*.sh; do
    name=$(basename "$case" .sh)
    case "$name" in *"$FILTER"*) ;; *) continue ;; esac
    if [ -n "$QUICK" ] && ! echo "$QUICK" | grep -qx "$name"; then
        continue
    fi
    abs=$(pwd)/$case
    run native "$abs"
    start=$(date +%s)
    run ferry "$abs"
    secs=$(( $(date +%s) - start ))
    n=$OUT/$name.native f=$OUT/$name.ferry
    if cmp -s "$n/stdout" "$f/stdout" && cmp -s "$n/status" "$f/status"; then
        pass=$((pass + 1)); echo "PASS real/$name (${secs}s)"
    else
        fail=$((fail + 1))
        echo "FAIL real/$name: exit $(cat "$f/status") (native $(cat "$n/status")), ${secs}s"
        diff "$n/stdout" "$f/stdout" | sed -n 1,10p
        sed -n 1,8p "$f/stderr"
    fi
done
echo "real: $pass passed, $fail failed"
[ "$fail" = 0 ]
