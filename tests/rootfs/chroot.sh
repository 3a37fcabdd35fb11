#!/bin/sh
# The `make check` test of what users do with ferry and binfmt_misc: register
# build/ferry-static under a name of its own (ferry-test-PID-aarch64, never
# touching other handlers), run a foreign program by its own path, then
# chroot into an arm64 Debian root filesystem (the first stage of
# debootstrap, cached in build/rootfs by tests/rootfs/foreign.sh) and run
# its shells, busybox and dynamically linked programs there, mount tmpfs, sysfs,
# a bind mount and /proc from inside (ferry's /proc views on the mounted
# /proc), and unregister.  The handler and any mount are always removed on
# exit (trap).
#
# Where the kernel allows it (Linux 6.7), the test runs in a binfmt_misc
# instance of its own (tests/rootfs/userns.py), where no handler registered
# by someone else can take its programs.
#
# Needs root, binfmt_misc and, the first time, the Debian mirror.  Without
# root (or binfmt_misc) it is skipped with the reason, except under CI=true,
# where that and a missing network are failures.
# Ends with `chroot: N passed, N failed`; non-zero exit on failure.
FERRY=${FERRY:-build/ferry}
STATIC=${STATIC:-build/ferry-static}
CACHE=${ROOTFS_CACHE:-build/rootfs}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
DIR=/proc/sys/fs/binfmt_misc
PREFIX=ferry-test-$$
HANDLER=$DIR/$PREFIX-aarch64
OUT=build/tests/chroot
. "$(dirname "$0")/foreign.sh"
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "PASS chroot $1"; }
bad() {
    fail=$((fail + 1))
    echo "FAIL chroot $*"
    others=$(rootfs_other_handlers "$PREFIX-aarch64")
    [ -z "$others" ] || echo "    (other binfmt handlers, which may have run the programs: $others)"
}
finish() {
    echo "chroot: $pass passed, $fail failed"
    [ "$fail" = 0 ]
    exit
}
# Not being able to run at all: a failure in CI, else a skip with the reason.
cannot() {
    if [ "$CI" = true ]; then
        bad "cannot run: $*"
    else
        echo "chroot: skipped: $*"
    fi
    finish
}

mkdir -p "$OUT"
[ -x "$FERRY" ] && [ -x "$STATIC" ] || { bad "$FERRY or $STATIC not built"; finish; }
FERRY=$(realpath "$FERRY")
STATIC=$(realpath "$STATIC")
[ "$(id -u)" = 0 ] || cannot "needs root (chroot, mount, binfmt_misc)"
if [ ! -e "$DIR/register" ] && ! mount -t binfmt_misc binfmt_misc "$DIR" 2>"$OUT/mount.err"; then
    cannot "cannot mount binfmt_misc: $(cat "$OUT/mount.err")"
fi
[ "$(cat "$DIR/status")" = enabled ] || cannot "binfmt_misc is disabled ($DIR/status)"
# A missing network is never a skip: the root filesystem is part of the test.
reason=$(rootfs_foreign "$CACHE" "$MIRROR") || { bad "rootfs: $reason"; finish; }
ROOT=$(realpath "$CACHE/foreign")
# The rest in a binfmt_misc instance of its own when the kernel has them (userns.py).
# (FERRY_ROOTFS_NS=host: the host's binfmt_misc.)
if [ -z "$FERRY_ROOTFS_NS" ]; then
    FERRY_ROOTFS_NS=inside python3 "$(dirname "$0")/userns.py" sh "$0" 2>"$OUT/userns.err"
    rc=$?
    [ "$rc" = 125 ] || exit "$rc"
    echo "chroot: using the host's binfmt_misc ($(tail -n 1 "$OUT/userns.err"))"
fi

cleanup() {
    rootfs_umount_all "$ROOT/mnt"
    rootfs_umount_all "$ROOT/proc"
    rootfs_umount_all "$ROOT/sys"
    [ -e "$HANDLER" ] && echo -1 >"$HANDLER"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# expect NAME WANT -- CMD...: CMD exits 0 and prints exactly WANT on stdout.
expect() {
    name=$1 want=$2
    shift 3
    timeout 120 "$@" >"$OUT/out" 2>"$OUT/err"
    rc=$?
    if [ "$rc" != 0 ]; then
        bad "$name: exit status $rc: $(head -c 300 "$OUT/err")"
    elif [ "$(cat "$OUT/out")" != "$want" ]; then
        bad "$name: got '$(head -c 300 "$OUT/out")', want '$want'"
    else
        ok "$name"
    fi
}
# in_root NAME WANT SCRIPT: SCRIPT run by the root filesystem's /bin/sh in a chroot.
in_root() {
    expect "$1" "$2" -- chroot "$ROOT" /bin/sh -c "$3"
}

if "$FERRY" binfmt install aarch64 --prefix "$PREFIX" --path "$STATIC" >"$OUT/install" 2>&1 &&
    grep -qx "interpreter $STATIC" "$HANDLER" && grep -qx "flags: POCF" "$HANDLER"; then
    ok "register $PREFIX-aarch64"
else
    bad "register: $(cat "$OUT/install")"
    finish
fi

# ---- a foreign program run by its own path, on the host ----
expect "static program by its path" "direct" -- "$ROOT/bin/busybox" echo direct
# ferry runs it (not another handler such as qemu's): its strace goes to stderr.
expect "run by ferry" "" -- env FERRY_STRACE=1 "$ROOT/bin/busybox" true
grep -q "exit_group(0)" "$OUT/err" && ok "ferry's strace" || bad "no ferry strace: $(cat "$OUT/err")"

# ---- busybox in the chroot ----
expect "busybox echo" "inside" -- chroot "$ROOT" /bin/busybox echo inside
expect "busybox sh" "3" -- chroot "$ROOT" /bin/busybox sh -c 'for i in 1 2 3; do echo $i; done | wc -l'
want=$(printf abc | sha256sum)
expect "busybox sha256sum" "$want" -- chroot "$ROOT" /bin/busybox sh -c 'printf abc | sha256sum'
expect "busybox awk, sed, seq" "x-3" -- chroot "$ROOT" /bin/busybox sh -c \
    'seq 1 5 | sed -n 3p | awk "{ print \"x-\" \$1 }"'
expect "busybox ls" "$(ls "$ROOT/usr/bin" | wc -l)" -- chroot "$ROOT" /bin/busybox sh -c \
    'ls /usr/bin | wc -l'

# ---- dynamically linked programs in the chroot ----
in_root "dash" "42" 'echo $((6 * 7))'
expect "bash" "aarch64 5" -- chroot "$ROOT" /bin/bash -c 'echo $(uname -m) ${BASH_VERSINFO[0]}'
expect "dpkg" "arm64" -- chroot "$ROOT" dpkg --print-architecture
in_root "coreutils pipeline" "$(ls "$ROOT/usr/bin" | LC_ALL=C sort -r | head -n 3 | tr a-z A-Z)" \
    'ls /usr/bin | LC_ALL=C sort -r | head -n 3 | tr a-z A-Z'

# ---- mount(2) from inside the chroot ----
in_root "mount tmpfs" "data
tmpfs" 'mount -t tmpfs -o size=1m none /mnt && echo data >/mnt/f && cat /mnt/f &&
    stat -f -c %T /mnt && umount /mnt && test ! -e /mnt/f'
[ ! -e "$ROOT/mnt/f" ] && ! mountpoint -q "$ROOT/mnt" && ok "tmpfs gone" || bad "tmpfs left mounted"
in_root "busybox mount" "ok" 'busybox mount -t tmpfs none /mnt && busybox umount /mnt && echo ok'
in_root "bind mount" "$(cat "$ROOT/etc/debian_version")" \
    'mount --bind /etc /mnt && cat /mnt/debian_version && umount /mnt'
expect "mount strace" "" -- chroot "$ROOT" env FERRY_STRACE=1 /bin/busybox sh -c \
    'mount -t tmpfs none /mnt; umount /mnt'
grep -q 'mount("none","/mnt","tmpfs",MS_SILENT,NULL) = 0' "$OUT/err" &&
    grep -q 'umount2("/mnt",0) = 0' "$OUT/err" && ok "mount strace lines" ||
    bad "mount strace lines: $(grep mount "$OUT/err")"
in_root "mount refusal" "No such device" \
    'busybox mount -t nosuchfs none /mnt 2>&1 | grep -o "No such device"'

# ---- /proc mounted inside the chroot: ferry's views of the guest ----
in_root "proc/self/exe without /proc" "/usr/bin/readlink" 'readlink /proc/self/exe'
in_root "mount proc" "/usr/bin/readlink
/usr/bin/head
0
Features
cat" 'mount -t proc proc /proc && readlink /proc/self/exe &&
    head -n 1 /proc/self/maps | sed "s/.* //" && grep -c ferry /proc/self/maps;
    grep -o -m 1 ^Features /proc/cpuinfo; cat /proc/self/comm; umount /proc'
mountpoint -q "$ROOT/proc" && bad "/proc left mounted" || ok "/proc unmounted"
in_root "mount sysfs" "aarch64" 'mount -t sysfs sysfs /sys && test -d /sys/kernel && umount /sys &&
    test ! -e /sys/kernel && uname -m'

"$FERRY" binfmt uninstall aarch64 --prefix "$PREFIX" >"$OUT/uninstall" 2>&1
[ ! -e "$HANDLER" ] && ok "unregistered" || bad "uninstall: $(cat "$OUT/uninstall")"
finish
