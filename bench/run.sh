#!/bin/sh
# `make bench`: times each kernel of bench/*.c (integer and FP) natively, under ferry (JIT)
# and under qemu-aarch64 in one run, RUNS times each, and prints medians and
# ratios.  Outputs of the three must agree.  Benchmarks are not tests.
set -e
RUNS=${RUNS:-5}
FERRY=${FERRY:-build/ferry}
B=build/bench
mkdir -p $B
gcc -O2 -o $B/int_kernels.native bench/int_kernels.c
aarch64-linux-gnu-gcc -O2 -static -o $B/int_kernels.a64 bench/int_kernels.c
# FP kernels: -O3 so that the loops vectorise; the native build is generic x86-64 (SSE2,
# 128-bit vectors like AdvSIMD; no FMA)
gcc -O3 -o $B/fp_kernels.native bench/fp_kernels.c -lm
aarch64-linux-gnu-gcc -O3 -static -o $B/fp_kernels.a64 bench/fp_kernels.c -lm
command -v qemu-aarch64 >/dev/null || { echo "qemu-aarch64 missing (apt-get install qemu-user)"; exit 1; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# time_cmd CMD...: prints elapsed seconds of one run
time_cmd() {
    s=$(date +%s.%N); "$@" >$B/out.tmp; e=$(date +%s.%N)
    echo "$s $e" | awk '{printf "%.4f\n", $2-$1}'
}

printf "%-8s %9s %9s %9s %10s %10s %12s\n" kernel native ferry qemu ferry/nat qemu/nat qemu/ferry
for k in sieve hash sort matmul dmatmul smatmul fft sdot ddot ssum smax; do
    prog=int_kernels
    case $k in dmatmul | smatmul | fft | sdot | ddot | ssum | smax) prog=fp_kernels ;; esac
    want=$($B/$prog.native $k)
    for who in native ferry qemu; do
        case $who in
            native) set -- $B/$prog.native $k ;;
            ferry) set -- $FERRY $B/$prog.a64 $k ;;
            qemu) set -- qemu-aarch64 $B/$prog.a64 $k ;;
        esac
        got=$("$@")
        [ "$got" = "$want" ] || { echo "$who: wrong output for $k: $got (want $want)"; exit 1; }
        i=0; : >$B/times.$who
        while [ $i -lt $RUNS ]; do time_cmd "$@" >>$B/times.$who; i=$((i + 1)); done
    done
    n=$(median <$B/times.native); f=$(median <$B/times.ferry); q=$(median <$B/times.qemu)
    echo "$k $n $f $q" | awk '{printf "%-8s %8.3fs %8.3fs %8.3fs %9.2fx %9.2fx %11.2fx\n",
        $1, $2, $3, $4, $3/$2, $4/$2, $4/$3}'
done
