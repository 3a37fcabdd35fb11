#!/bin/sh
# Decode scan of the FP/AdvSIMD encoding space (scan_simd.py): COUNT random
# instruction words under ferry and the reference (qemu-aarch64, a test oracle
# only).  Ends with `simd-scan: N passed, N failed` (words).
# Usage: tests/diff/scan_simd.sh [SEED [COUNT]]
exec python3 tests/diff/scan_simd.py --seed "${1:-1}" --count "${2:-1000}" \
    --out "${OUT:-build/diff}" --ferry "${FERRY:-build/ferry}"
