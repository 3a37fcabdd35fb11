#!/bin/sh
# Checks `ferry binfmt`: the config line (magic, mask, interpreter, flags),
# one-line refusals of bad arguments and of a user who is not root; then, as
# root with binfmt_misc mountable, a real registration under a name of its
# own (ferry-test-PID-aarch64, so a real installation is never touched):
# static and dynamically linked AArch64 programs run by their own path
# (argv, argv[0] kept by flag P, /proc/self/exe, FERRY_* variables), status,
# ferry-static when it is up to date, the default interpreter (ferry-static
# beside ferry) and uninstall.  The handler is always
# removed on exit (trap).  Without root or binfmt_misc the registration part
# is reported as skipped, with the reason.
# Ends with `binfmt: N passed, N failed`; non-zero exit on failure.
# As root, where the kernel allows it (Linux 6.7), everything runs in a
# binfmt_misc instance of its own (tests/rootfs/userns.py): no handler
# registered meanwhile by someone else takes the test's programs, and the
# test's handlers take no one else's.  FERRY_BINFMT_NS=host: the host's.
# Usage: sh tests/binfmt/run.sh [path/to/ferry]
if [ "$(id -u)" = 0 ] && [ -z "$FERRY_BINFMT_NS" ]; then
    mkdir -p build/tests/binfmt
    FERRY_BINFMT_NS=inside python3 "$(dirname "$0")/../rootfs/userns.py" sh "$0" "$@" \
        2>build/tests/binfmt/userns.err
    rc=$?
    [ "$rc" = 125 ] || exit "$rc"
    echo "binfmt: using the host's binfmt_misc ($(tail -n 1 build/tests/binfmt/userns.err))"
fi
FERRY=${1:-${FERRY:-build/ferry}}
CROSS_CC=${CROSS_CC:-aarch64-linux-gnu-gcc}
SRC=$(cd "$(dirname "$0")" && pwd)
OUT=build/tests/binfmt
DIR=/proc/sys/fs/binfmt_misc
PREFIX=ferry-test-$$
HANDLER=$DIR/$PREFIX-aarch64
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
FERRY=$(realpath "$FERRY")
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
finish() {
    echo "binfmt: $pass passed, $fail failed"
    [ "$fail" = 0 ]
    exit
}

# Never leave the test handler behind, whatever happens.
cleanup() {
    [ -e "$HANDLER" ] && echo -1 >"$HANDLER"
}
trap cleanup EXIT
trap 'cleanup; exit 1' HUP INT TERM

# refuse NAME PATTERN -- CMD...: exit status 1, one stderr line matching PATTERN, no stdout.
refuse() {
    name=$1 pat=$2
    shift 3
    "$@" >"$OUT/stdout" 2>"$OUT/stderr"
    rc=$?
    if [ "$rc" != 1 ]; then
        bad "$name: exit status $rc, want 1"
    elif [ "$(wc -l <"$OUT/stderr")" != 1 ] || ! grep -q -- "$pat" "$OUT/stderr"; then
        bad "$name: stderr '$(cat "$OUT/stderr")' does not match '$pat'"
    elif [ -s "$OUT/stdout" ]; then
        bad "$name: unexpected output on stdout"
    else
        ok
    fi
}

# same NAME FILE EXPECTED: FILE holds exactly EXPECTED.
same() {
    if [ "$(cat "$2")" = "$3" ]; then ok; else
        bad "$1: got"; cat "$2"; echo "--- want"; echo "$3"
    fi
}

# ---- config and argument checks (any user) ----
MAGIC='\x7f\x45\x4c\x46\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00'
MASK='\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff'
STATIC=$(dirname "$FERRY")/ferry-static
if [ -x "$STATIC" ]; then DEFAULT=$STATIC; else DEFAULT=$FERRY; fi

"$FERRY" binfmt config >"$OUT/config" 2>&1
same "config" "$OUT/config" ":ferry-aarch64:M::$MAGIC:$MASK:$DEFAULT:POCF"
"$FERRY" binfmt config aarch64 --flags PO --path "$FERRY" --prefix ferry-x >"$OUT/config" 2>&1
same "config with options" "$OUT/config" ":ferry-x-aarch64:M::$MAGIC:$MASK:$FERRY:PO"
"$FERRY" binfmt --help >"$OUT/help" 2>&1 && grep -q "^usage: ferry binfmt install" "$OUT/help" &&
    ok || bad "binfmt --help"
refuse "flags without P" "must contain P and O" -- "$FERRY" binfmt config --flags OCF
refuse "flags without O" "must contain P and O" -- "$FERRY" binfmt install --flags PF
refuse "unknown flag" "unknown flag 'X'" -- "$FERRY" binfmt config --flags POX
refuse "unknown guest" "unknown guest 'sparc'" -- "$FERRY" binfmt config sparc
refuse "missing path" "/nonexistent/ferry" -- "$FERRY" binfmt config --path /nonexistent/ferry
refuse "foreign prefix" "must be ferry or start with ferry-" -- \
    "$FERRY" binfmt uninstall --prefix qemu
refuse "unknown command" "unknown command 'frob'" -- "$FERRY" binfmt frob
refuse "option argument" "needs an argument" -- "$FERRY" binfmt config --flags

# Refusal without root: as root, drop to nobody for it.
if [ "$(id -u)" = 0 ]; then
    NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups"
else
    NOBODY=
fi
refuse "install as non-root" "install needs root" -- $NOBODY "$FERRY" binfmt install
refuse "uninstall as non-root" "uninstall needs root" -- $NOBODY "$FERRY" binfmt uninstall

# ---- a real registration (root and binfmt_misc only) ----
if [ "$(id -u)" != 0 ]; then
    echo "binfmt: skipped the registration tests: not root"
    finish
fi
if [ ! -e "$DIR/register" ] && ! mount -t binfmt_misc binfmt_misc "$DIR" 2>"$OUT/mount.err"; then
    echo "binfmt: skipped the registration tests: cannot mount binfmt_misc: $(cat "$OUT/mount.err")"
    finish
fi
if [ "$(cat "$DIR/status")" != enabled ]; then
    echo "binfmt: skipped the registration tests: binfmt_misc is disabled ($DIR/status)"
    finish
fi
if ! $CROSS_CC -O2 -static -o "$OUT/argv-static" "$SRC/argv.c" ||
    ! $CROSS_CC -O2 -o "$OUT/argv-dyn" "$SRC/argv.c"; then
    bad "cannot build the test programs with $CROSS_CC"
    finish
fi

# expect_run NAME WANT_STDOUT -- CMD...: runs CMD in $OUT, exit status 3, stdout WANT_STDOUT.
expect_run() {
    name=$1 want=$2
    shift 3
    (cd "$OUT" && timeout 20 "$@") >"$OUT/run.out" 2>"$OUT/run.err"
    rc=$?
    if [ "$rc" != 3 ]; then
        bad "$name: exit status $rc, want 3 ($(head -c 300 "$OUT/run.err"))"
    else
        same "$name" "$OUT/run.out" "$want"
    fi
}

# run_programs INTERP: the programs, run directly, go through the handler.
run_programs() {
    tag=$(basename "$1")
    expect_run "$tag static" "argc=3
argv[0]=./argv-static
argv[1]=a
argv[2]=b c
exe=$OUT/argv-static
FOO=(unset)" -- env -u FOO ./argv-static a "b c"
    expect_run "$tag dynamic" "argc=2
argv[0]=./argv-dyn
argv[1]=x
exe=$OUT/argv-dyn
FOO=bar" -- env FOO=bar ./argv-dyn x
    expect_run "$tag argv0 (flag P)" "argc=2
argv[0]=custom name
argv[1]=-0
exe=$OUT/argv-static
FOO=(unset)" -- env -u FOO python3 -c \
        'import os; os.execv("./argv-static", ["custom name", "-0"])'
    expect_run "$tag FERRY_SET_ENV" "argc=1
argv[0]=$OUT/argv-dyn
exe=$OUT/argv-dyn
FOO=from-ferry" -- env FERRY_SET_ENV=FOO=from-ferry "$OUT/argv-dyn"
    expect_run "$tag FERRY_STRACE" "argc=1
argv[0]=./argv-static
exe=$OUT/argv-static
FOO=(unset)" -- env -u FOO FERRY_STRACE=1 ./argv-static
    grep -q "exit_group(3)" "$OUT/run.err" && ok || bad "$tag FERRY_STRACE: no exit_group in the trace"
    # With stdin closed, the program's descriptor (AT_EXECFD) is 0.
    expect_run "$tag AT_EXECFD 0" "argc=1
argv[0]=./argv-static
exe=$OUT/argv-static
FOO=(unset)" -- env -u FOO sh -c 'exec ./argv-static <&-'
}

# install_as INTERP: registers the test handler with INTERP.
install_as() {
    if "$FERRY" binfmt install aarch64 --prefix "$PREFIX" --path "$1" >"$OUT/install" 2>&1 &&
        grep -q "^$PREFIX-aarch64: registered (interpreter $1, flags POCF)$" "$OUT/install" &&
        grep -qx "interpreter $1" "$HANDLER" && grep -qx "flags: POCF" "$HANDLER" &&
        grep -qx "enabled" "$HANDLER"; then
        ok
        return 0
    fi
    bad "install with $1: $(cat "$OUT/install")"
    return 1
}

if install_as "$FERRY"; then
    run_programs "$FERRY"
    "$FERRY" binfmt status >"$OUT/status" 2>&1
    grep -qx "$PREFIX-aarch64: enabled, interpreter $FERRY, flags POCF" "$OUT/status" &&
        grep -qx "binfmt_misc: enabled" "$OUT/status" && ok || bad "status: $(cat "$OUT/status")"
    # Flag O: a program its user may execute but not read still runs.
    cp "$OUT/argv-static" "$OUT/argv-xonly" && chmod 711 "$OUT/argv-xonly"
    expect_run "execute-only program" "argc=1
argv[0]=./argv-xonly
exe=$OUT/argv-xonly
FOO=(unset)" -- env -u FOO setpriv --reuid=65534 --regid=65534 --clear-groups ./argv-xonly
    # Installing again replaces the handler.
    install_as "$FERRY"
fi
# ferry-static, when it is not older than ferry (both link the same objects).
if [ -x "$STATIC" ] && ! [ "$FERRY" -nt "$STATIC" ]; then
    install_as "$STATIC" && run_programs "$STATIC"
else
    echo "binfmt: ferry-static not tested: $STATIC missing or older than $FERRY (make static)"
fi

# Without --path: ferry-static beside ferry when it exists, else ferry itself.
if "$FERRY" binfmt install aarch64 --prefix "$PREFIX" >"$OUT/install" 2>&1 &&
    grep -qx "interpreter $DEFAULT" "$HANDLER"; then
    ok
else
    bad "install without --path: want $DEFAULT: $(cat "$OUT/install")"
fi

"$FERRY" binfmt uninstall aarch64 --prefix "$PREFIX" >"$OUT/uninstall" 2>&1
if [ $? = 0 ] && grep -qx "$PREFIX-aarch64: removed" "$OUT/uninstall" && [ ! -e "$HANDLER" ]; then
    ok
else
    bad "uninstall: $(cat "$OUT/uninstall")"
fi
"$FERRY" binfmt uninstall aarch64 --prefix "$PREFIX" >"$OUT/uninstall" 2>&1
[ $? = 0 ] && grep -qx "$PREFIX-aarch64: not registered" "$OUT/uninstall" && ok ||
    bad "uninstall twice: $(cat "$OUT/uninstall")"
# With no other handler, the program no longer runs by itself.
if [ -z "$(ls "$DIR" | grep -v -x -e register -e status)" ]; then
    (cd "$OUT" && ./argv-static) >/dev/null 2>&1
    rc=$?
    [ "$rc" = 126 ] || [ "$rc" = 2 ] && ok || bad "after uninstall: ./argv-static exit status $rc"
fi
finish
