#!/bin/sh
# Builds the Debian arm64 sysroot that tests/real/run.sh runs real software
# from, and installs the same packages natively for the native side.
# The sysroot is `debootstrap --foreign --variant=minbase bookworm` with the
# packages of tests/real/packages.list (and their dependencies) unpacked into
# it (no maintainer scripts run, which a -L sysroot does not
# need except for the alternatives symlinks made here).
# Cached in $REAL_SYSROOT (build/real-sysroot) and reused while its stamp
# matches the package list.  Needs root and network access to the mirror;
# exits non-zero (loudly) when it cannot build the sysroot.
set -u
ROOT=${REAL_SYSROOT:-build/real-sysroot}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
LIST=tests/real/packages.list
pkgs=$(grep -v '^#' "$LIST" | tr -s ' \n' ' ' | sed 's/^ //; s/ $//')
stamp="bookworm minbase: $pkgs"
missing=
for p in $pkgs; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' || missing="$missing $p"
done
if [ -f "$ROOT/.ferry-stamp" ] && [ "$(cat "$ROOT/.ferry-stamp")" = "$stamp" ] && [ -z "$missing" ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "real: building the sysroot needs root (debootstrap, apt-get)" >&2
    exit 1
fi
log=$(dirname "$ROOT")/real-sysroot.log
mkdir -p "$(dirname "$ROOT")"
# apt-get install, with an apt-get update first when the lists are missing or stale.
apt_install() {
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >>"$log" 2>&1 && return 0
    apt-get update -qq >>"$log" 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >>"$log" 2>&1
}
# The packages natively, for the native side of each case.
if [ -n "$missing" ] && ! apt_install $missing; then
    echo "real: apt-get install$missing failed, see $log" >&2
    exit 1
fi
if [ -f "$ROOT/.ferry-stamp" ] && [ "$(cat "$ROOT/.ferry-stamp")" = "$stamp" ]; then
    exit 0
fi
if ! command -v debootstrap >/dev/null 2>&1 && ! apt_install debootstrap; then
    echo "real: cannot install debootstrap, see $log" >&2
    exit 1
fi
start=$(date +%s)
rm -rf "$ROOT" "$ROOT.tmp"
include=$(echo "$pkgs" | tr ' ' ',')
if ! debootstrap --foreign --arch=arm64 --variant=minbase --include="$include" \
    bookworm "$ROOT.tmp" "$MIRROR" >"$log" 2>&1; then
    echo "real: debootstrap --foreign failed (network?), see $log:" >&2
    tail -n 5 "$log" >&2
    exit 1
fi
# The first stage unpacks only the required set; unpack the rest too.
# (through tar --keep-directory-symlink: the merged /usr's /bin -> usr/bin
# links must stay links).
for deb in "$ROOT.tmp/var/cache/apt/archives"/*.deb; do
    dpkg-deb --fsys-tarfile "$deb" | tar -x --keep-directory-symlink -C "$ROOT.tmp" ||
        { echo "real: unpacking $deb failed" >&2; exit 1; }
done
rm -f "$ROOT.tmp/var/cache/apt/archives"/*.deb
# The alternatives the host chose (awk, lua, ...), as relative links.
for link in /usr/bin/* /usr/sbin/*; do
    case "$(readlink "$link")" in /etc/alternatives/*) ;; *) continue ;; esac
    target=$(readlink -f "$link")
    if [ -e "$ROOT.tmp$target" ] && [ ! -e "$ROOT.tmp$link" ] && [ ! -L "$ROOT.tmp$link" ]; then
        ln -sr "$ROOT.tmp$target" "$ROOT.tmp$link"
    fi
done
echo "$stamp" >"$ROOT.tmp/.ferry-stamp"
mv "$ROOT.tmp" "$ROOT"
echo "real: sysroot built in $(( $(date +%s) - start )) s ($(du -sm "$ROOT" | cut -f1) MB)" >&2
