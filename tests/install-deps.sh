#!/bin/sh
# Installs the Debian packages ferry's build, tests and demo need, if missing.
set -e
pkgs="gcc make pkg-config libelf-dev zlib1g-dev libcapstone-dev libseccomp-dev libcmocka-dev \
gcc-aarch64-linux-gnu g++-aarch64-linux-gnu libc6-dev-arm64-cross binutils-aarch64-linux-gnu \
qemu-user csmith libcsmith-dev python3 clang-format debootstrap groff-base"
missing=""
for p in $pkgs; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
