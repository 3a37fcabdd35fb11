# Sourced by tests/rootfs/*.sh: the cached first stage of an arm64 bookworm
# minbase root filesystem, shared by `make check` (chroot.sh) and `make
# test-rootfs` (run.sh).
#
# rootfs_foreign CACHE MIRROR: makes sure CACHE/foreign holds
# `debootstrap --foreign --arch=arm64 --variant=minbase
# --include=busybox-static bookworm` (about 25 s and 60 MB of downloads),
# prepared for running programs in it before the second stage:
#   - /bin/busybox taken from the downloaded busybox-static package (the
#     first stage only unpacks the required packages);
#   - /proc an empty directory instead of the first stage's /proc -> /proc
#     symlink, so a guest can mount proc there (the second stage accepts
#     both);
#   - /mnt present.
# The cache is rebuilt when its stamp (CACHE/foreign/.ferry-rootfs) differs
# from ROOTFS_STAMP.  Returns non-zero with the reason on stdout (and the log
# in CACHE/foreign.log) when debootstrap fails, e.g. without network.
ROOTFS_STAMP="arm64 bookworm minbase busybox-static v2"

# rootfs_umount_all DIR: lazily unmounts every mount at or below DIR (deepest
# first), so that removing DIR can never reach into /proc or a bind mount.
rootfs_umount_all() {
    rf_dir=$(realpath "$1" 2>/dev/null) || return 0
    awk -v d="$rf_dir" '$5 == d || index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo |
        sort -r | while read -r rf_m; do umount -l "$rf_m"; done
}

# rootfs_remove DIR: rootfs_umount_all, then rm -rf.
rootfs_remove() {
    rootfs_umount_all "$1"
    rm -rf "$1"
}

rootfs_foreign() {
    rf_cache=$1 rf_mirror=$2
    mkdir -p "$rf_cache"
    if [ -x "$rf_cache/foreign/debootstrap/debootstrap" ] &&
        [ "$(cat "$rf_cache/foreign/.ferry-rootfs" 2>/dev/null)" = "$ROOTFS_STAMP" ]; then
        return 0
    fi
    if ! command -v debootstrap >/dev/null 2>&1; then
        echo "debootstrap is not installed (apt-get install debootstrap)"
        return 1
    fi
    rootfs_remove "$rf_cache/foreign"
    if ! debootstrap --foreign --arch=arm64 --variant=minbase --include=busybox-static bookworm \
        "$rf_cache/foreign" "$rf_mirror" >"$rf_cache/foreign.log" 2>&1; then
        echo "debootstrap --foreign from $rf_mirror failed (network?): $(tail -n 1 "$rf_cache/foreign.log")"
        rootfs_remove "$rf_cache/foreign"
        return 1
    fi
    rf_root=$rf_cache/foreign
    rf_tmp=$rf_cache/busybox.tmp
    rm -rf "$rf_tmp"
    # Unpacked apart: the package's /bin would replace the merged-/usr symlink.
    if ! dpkg-deb -x "$rf_root"/var/cache/apt/archives/busybox-static_*_arm64.deb "$rf_tmp" ||
        ! cp "$rf_tmp/bin/busybox" "$rf_root/bin/busybox"; then
        echo "cannot unpack busybox-static into $rf_root"
        rm -rf "$rf_tmp"; rootfs_remove "$rf_root"
        return 1
    fi
    rm -rf "$rf_tmp"
    if [ -L "$rf_root/proc" ]; then
        rm -f "$rf_root/proc" && mkdir "$rf_root/proc"
    fi
    mkdir -p "$rf_root/mnt"
    echo "$ROOTFS_STAMP" >"$rf_root/.ferry-rootfs"
}

# rootfs_other_handlers OURS...: the binfmt_misc handlers registered now whose
# names are not among OURS (another user's may take our programs: the newest
# matching handler wins), one line, empty when none.
rootfs_other_handlers() {
    ls /proc/sys/fs/binfmt_misc | grep -v -x -e register -e status $(printf ' -e %s' "$@") |
        tr '\n' ' '
}
