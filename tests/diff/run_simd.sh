#!/bin/sh
# Differential test of FP and AdvSIMD (run_simd.py): COUNT random sequences
# spread over every instruction class of gen_simd.py, under ferry's JIT,
# -no-jit and -one-insn-per-tb and under the reference (qemu-aarch64, a test
# oracle only).  Ends with `simd-diff: N passed, N failed` (sequences).
# Usage: tests/diff/run_simd.sh [FIRST_SEED [COUNT]]
exec python3 tests/diff/run_simd.py --seed "${1:-1}" --count "${2:-10000}" --per 500 \
    --out "${OUT:-build/diff}" --ferry "${FERRY:-build/ferry}"
