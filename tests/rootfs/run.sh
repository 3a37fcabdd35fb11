#!/bin/sh
# `make test-rootfs`: what users do with foreign root filesystems.  Builds an
# arm64 bookworm minbase rootfs with `debootstrap --foreign` (cached in
# build/rootfs/foreign, downloaded once), registers build/ferry-static with
# binfmt_misc under a unique name, runs programs inside a copy of it with
# chroot, then the debootstrap second stage (how foreign images are built),
# and always unregisters.  Needs root and network access to the Debian mirror.
# Ends with `rootfs: N passed, N failed`.
FERRY=${FERRY:-build/ferry}
STATIC=${STATIC:-build/ferry-static}
CACHE=${ROOTFS_CACHE:-build/rootfs}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
PREFIX=ferry-rootfs-$$
pass=0
fail=0
check() { # name, command...
    name=$1; shift
    if "$@" >"$CACHE/last.log" 2>&1; then
        pass=$((pass + 1)); echo "PASS rootfs $name"
    else
        fail=$((fail + 1)); echo "FAIL rootfs $name"; tail -n 5 "$CACHE/last.log"
    fi
}
if [ "$(id -u)" != 0 ]; then
    echo "rootfs: needs root (debootstrap, chroot, binfmt_misc)"
    echo "rootfs: 0 passed, 1 failed"
    exit 1
fi
mkdir -p "$CACHE"
if [ ! -x "$CACHE/foreign/debootstrap/debootstrap" ]; then
    rm -rf "$CACHE/foreign"
    debootstrap --foreign --arch=arm64 --variant=minbase bookworm "$CACHE/foreign" "$MIRROR" \
        >"$CACHE/foreign.log" 2>&1 || { echo "debootstrap --foreign failed: see $CACHE/foreign.log"
                                         echo "rootfs: 0 passed, 1 failed"; exit 1; }
fi
root="$CACHE/run"
rm -rf "$root"
cp -a "$CACHE/foreign" "$root"
cleanup() { "$FERRY" binfmt uninstall aarch64 --prefix "$PREFIX" >/dev/null 2>&1; }
trap cleanup EXIT
trap 'exit 1' HUP INT TERM
check "register $PREFIX-aarch64" "$FERRY" binfmt install aarch64 --prefix "$PREFIX" --path "$STATIC"
check "echo in chroot" sh -c "chroot '$root' /bin/echo inside | grep -qx inside"
check "dynamic bash in chroot" sh -c \
    "chroot '$root' /bin/bash -c 'uname -m; ls /usr/bin | wc -l' | head -n 1 | grep -qx aarch64"
start=$(date +%s)
check "debootstrap --second-stage" sh -c \
    "chroot '$root' /debootstrap/debootstrap --second-stage 2>&1 | tail -n 3 | grep -q 'Base system installed successfully'"
echo "second stage: $(( $(date +%s) - start )) s"
check "installed system runs dpkg" sh -c "chroot '$root' dpkg --print-architecture | grep -qx arm64"
cleanup
check "unregistered" sh -c "[ ! -e /proc/sys/fs/binfmt_misc/$PREFIX-aarch64 ]"
echo "rootfs: $pass passed, $fail failed"
[ "$fail" = 0 ]
