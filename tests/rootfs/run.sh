#!/bin/sh
# `make test-rootfs`: how foreign images are built.  Takes the cached first
# stage of an arm64 bookworm minbase rootfs (tests/rootfs/foreign.sh,
# downloaded once into build/rootfs), registers build/ferry-static with
# binfmt_misc under a unique name (ferry-rootfs-PID-aarch64), runs programs
# in a copy of it with chroot, then `debootstrap --second-stage` there and
# the installed system's dpkg and apt, and always unregisters.
#
# When qemu-user-static's interpreter is there (QEMU_BINFMT, default
# /usr/libexec/qemu-binfmt/aarch64-binfmt-P), the second stage is then run
# the same way under it, on another copy of the same first stage, right
# after ferry's, registered with the same magic, mask and flags (handler
# ferry-rootfs-PID-qemu), and both times are printed.  qemu is a yardstick
# here, not a test.
#
# The copies are made first; where the kernel allows it (Linux 6.7) the rest
# runs in a binfmt_misc instance of its own (tests/rootfs/userns.py), where
# no handler registered by someone else can take its programs.
#
# Needs root and network access to the Debian mirror.
# Ends with `rootfs: N passed, N failed`.
FERRY=${FERRY:-build/ferry}
STATIC=${STATIC:-build/ferry-static}
CACHE=${ROOTFS_CACHE:-build/rootfs}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
QEMU_BINFMT=${QEMU_BINFMT:-/usr/libexec/qemu-binfmt/aarch64-binfmt-P}
DIR=/proc/sys/fs/binfmt_misc
PREFIX=ferry-rootfs-$$
QEMU_NAME=$PREFIX-qemu
. "$(dirname "$0")/foreign.sh"
pass=0
fail=0
check() { # name, command...
    name=$1; shift
    if "$@" >"$CACHE/last.log" 2>&1; then
        pass=$((pass + 1)); echo "PASS rootfs $name"
    else
        fail=$((fail + 1)); echo "FAIL rootfs $name"; tail -n 5 "$CACHE/last.log"
    fi
    others=$(rootfs_other_handlers "$PREFIX-aarch64" "$QEMU_NAME")
    [ -z "$others" ] || echo "    (other binfmt handlers, which may have run the programs: $others)"
}
finish() {
    echo "rootfs: $pass passed, $fail failed"
    [ "$fail" = 0 ]
    exit
}
if [ "$(id -u)" != 0 ]; then
    echo "rootfs: needs root (debootstrap, chroot, binfmt_misc)"
    fail=1; finish
fi
# fresh_copy NAME: a copy of the first stage at $CACHE/NAME.
fresh_copy() {
    rootfs_remove "$CACHE/$1"
    cp -a "$CACHE/foreign" "$CACHE/$1"
}

# (FERRY_ROOTFS_NS=host: the host's binfmt_misc.)
if [ "$FERRY_ROOTFS_NS" != inside ]; then
    [ -e "$DIR/register" ] || mount -t binfmt_misc binfmt_misc "$DIR"
    reason=$(rootfs_foreign "$CACHE" "$MIRROR") || { echo "rootfs: $reason"; fail=1; finish; }
    fresh_copy run
    [ -x "$QEMU_BINFMT" ] && fresh_copy run-qemu
    if [ -z "$FERRY_ROOTFS_NS" ]; then
        FERRY_ROOTFS_NS=inside python3 "$(dirname "$0")/userns.py" sh "$0" 2>"$CACHE/userns.err"
        rc=$?
        [ "$rc" = 125 ] || exit "$rc"
        echo "rootfs: using the host's binfmt_misc ($(tail -n 1 "$CACHE/userns.err"))"
    fi
fi
STATIC=$(realpath "$STATIC")

cleanup() {
    "$FERRY" binfmt uninstall aarch64 --prefix "$PREFIX" >/dev/null 2>&1
    [ -e "$DIR/$QEMU_NAME" ] && echo -1 >"$DIR/$QEMU_NAME"
    rootfs_umount_all "$CACHE/run"
    rootfs_umount_all "$CACHE/run-qemu"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# second_stage ROOT: runs it and prints its time in seconds on fd 3.  In the
# user namespace mknod is not allowed: container=lxc makes debootstrap skip
# its mknod check, as in an unprivileged LXC container (the first stage made
# the device nodes).
second_stage() {
    start=$(date +%s)
    if [ "$FERRY_ROOTFS_NS" = inside ]; then lxc=lxc; else lxc=$container; fi
    container=$lxc chroot "$1" /debootstrap/debootstrap --second-stage >"$1.log" 2>&1
    rc=$?
    echo $(($(date +%s) - start)) >&3
    [ "$rc" = 0 ] && tail -n 3 "$1.log" | grep -q 'Base system installed successfully'
}

root="$CACHE/run"
check "register $PREFIX-aarch64" "$FERRY" binfmt install aarch64 --prefix "$PREFIX" --path "$STATIC"
check "echo in chroot" sh -c "chroot '$root' /bin/echo inside | grep -qx inside"
check "busybox in chroot" sh -c "chroot '$root' /bin/busybox echo inside | grep -qx inside"
check "dynamic bash in chroot" sh -c \
    "chroot '$root' /bin/bash -c 'uname -m; ls /usr/bin | wc -l' | head -n 1 | grep -qx aarch64"
check "debootstrap --second-stage" second_stage "$root" 3>"$CACHE/time.ferry"
check "installed system runs dpkg" sh -c "chroot '$root' dpkg --print-architecture | grep -qx arm64"
check "dpkg database" sh -c "chroot '$root' dpkg-query -W -f '\${Status}\n' bash | grep -qx 'install ok installed'"
check "apt-cache" sh -c "chroot '$root' apt-cache policy bash | grep -q 'Installed:'"
"$FERRY" binfmt uninstall aarch64 --prefix "$PREFIX" >/dev/null 2>&1
check "unregistered" sh -c "[ ! -e '$DIR/$PREFIX-aarch64' ]"
echo "second stage under ferry: $(cat "$CACHE/time.ferry") s"

if [ -x "$QEMU_BINFMT" ]; then
    # The same registration line, with qemu's interpreter and name.
    line=$("$FERRY" binfmt config aarch64 --prefix "$QEMU_NAME" --path "$STATIC" |
        sed "s|^:$QEMU_NAME-aarch64:|:$QEMU_NAME:|; s|:$STATIC:|:$(realpath -s "$QEMU_BINFMT"):|")
    if echo "$line" >"$DIR/register"; then
        second_stage "$CACHE/run-qemu" 3>"$CACHE/time.qemu" ||
            echo "second stage under qemu failed: see $CACHE/run-qemu.log"
        echo -1 >"$DIR/$QEMU_NAME"
        echo "second stage under qemu-aarch64-static: $(cat "$CACHE/time.qemu") s" \
            "(ferry: $(cat "$CACHE/time.ferry") s)"
    else
        echo "cannot register $QEMU_BINFMT"
    fi
else
    echo "qemu-user-static not installed ($QEMU_BINFMT): no comparison"
fi
finish
