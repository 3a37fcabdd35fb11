#!/bin/sh
# The part of tests/real that `make check` runs: the cases of
# tests/real/quick.list (the sysroot is built first when missing: root and
# network needed, and the suite fails when it cannot be built).
exec sh tests/real/run.sh --quick
