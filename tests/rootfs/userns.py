#!/usr/bin/env python3
"""Runs a command in a binfmt_misc instance of its own.

usage: userns.py CMD [ARGS...]   (as root)

binfmt_misc is one list for the whole machine, and the newest matching
handler wins: a test that registers ferry can have its programs run by a
handler someone else registers meanwhile.  Since Linux 6.7 a user namespace
may mount its own binfmt_misc instance, which only its processes use.  This
runs CMD as root in new user (identity uid/gid map, so file owners stay as
they are), mount, pid and network namespaces (the last so that sysfs may be
mounted; it has no network), with a new /proc and a private binfmt_misc
mounted on /proc/sys/fs/binfmt_misc.  Handlers CMD registers vanish with
it, and so do its mounts.

Inside, mknod is not allowed: create device nodes (a debootstrap first
stage, a copy of one) before.

Exit status: CMD's (128 + N when killed by signal N), or 125 with a
one-line reason on stderr when the namespaces or the private binfmt_misc
cannot be had (older kernels): the caller then runs CMD directly.
"""
import ctypes
import os
import sys

CLONE_NEWNS = 0x00020000
CLONE_NEWNET = 0x40000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
MS_NOSUID, MS_NODEV, MS_NOEXEC = 2, 4, 8
MS_REC, MS_PRIVATE = 0x4000, 1 << 18
NO_NAMESPACE = 125
ID_MAP = "0 0 4294967295\n"

libc = ctypes.CDLL(None, use_errno=True)


def check(rc, what):
    if rc != 0:
        err = ctypes.get_errno()
        raise OSError(err, "%s: %s" % (what, os.strerror(err)))


def mount(source, target, fstype, flags):
    check(
        libc.mount(source.encode(), target.encode(), fstype.encode() if fstype else None,
                   ctypes.c_ulong(flags), None), "mount " + target)


def exit_code(status):
    code = os.waitstatus_to_exitcode(status)
    return 128 - code if code < 0 else code


def in_namespaces(argv, go_r):
    """The child: waits for its id maps, then runs argv as pid 1 of a new pid namespace."""
    if os.read(go_r, 1) != b"g":
        os._exit(NO_NAMESPACE)
    check(libc.unshare(CLONE_NEWPID), "unshare(CLONE_NEWPID)")
    pid = os.fork()
    if pid:
        os._exit(exit_code(os.waitpid(pid, 0)[1]))
    try:
        mount("none", "/", None, MS_REC | MS_PRIVATE)
        mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
        mount("binfmt_misc", "/proc/sys/fs/binfmt_misc", "binfmt_misc",
              MS_NOSUID | MS_NODEV | MS_NOEXEC)
    except OSError as e:
        print("userns.py: no private binfmt_misc: %s" % e, file=sys.stderr)
        os._exit(NO_NAMESPACE)
    os.execvp(argv[0], argv)


def main(argv):
    if len(argv) < 2 or os.geteuid() != 0:
        print("usage (as root): userns.py CMD [ARGS...]", file=sys.stderr)
        return 2
    ready_r, ready_w = os.pipe()
    go_r, go_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            check(libc.unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWNET),
                  "unshare(CLONE_NEWUSER)")
            os.write(ready_w, b"u")
            in_namespaces(argv[1:], go_r)
        except OSError as e:
            print("userns.py: %s" % e, file=sys.stderr)
        os._exit(NO_NAMESPACE)
    os.close(ready_w)
    os.close(go_r)
    if os.read(ready_r, 1) == b"u":
        try:
            for name in ("uid_map", "gid_map"):
                with open("/proc/%d/%s" % (pid, name), "w") as f:
                    f.write(ID_MAP)
            os.write(go_w, b"g")
        except OSError as e:
            print("userns.py: cannot map ids: %s" % e, file=sys.stderr)
    os.close(go_w)
    return exit_code(os.waitpid(pid, 0)[1])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
