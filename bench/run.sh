#!/bin/sh
# `make bench`: times each kernel of bench/*.c (integer and FP) natively, under ferry (JIT)
# and under qemu-aarch64 in one run, RUNS times each, and prints medians and
# ratios.  Outputs of the three must agree.  Benchmarks are not tests.
# The last row, startup, times STARTS starts of a static hello (bench/startup.c): the
# loading and translation of run-once code every command pays.
set -e
RUNS=${RUNS:-5}
STARTS=${STARTS:-100}
FERRY=${FERRY:-build/ferry}
B=build/bench
mkdir -p $B
# A first line `// cflags: ...` in a kernel file adds compiler flags.
for src in bench/*.c; do
    n=$(basename "$src" .c); fl=$(sed -n '1s,^// cflags: *,,p' "$src")
    gcc -O2 $fl -o $B/$n.native "$src" -lm
    aarch64-linux-gnu-gcc -O2 $fl -static -o $B/$n.a64 "$src" -lm
done
command -v qemu-aarch64 >/dev/null || { echo "qemu-aarch64 missing (apt-get install qemu-user)"; exit 1; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# time_cmd CMD...: prints elapsed seconds of one run
time_cmd() {
    s=$(date +%s.%N); "$@" >$B/out.tmp; e=$(date +%s.%N)
    echo "$s $e" | awk '{printf "%.4f\n", $2-$1}'
}
# starts CMD...: runs CMD STARTS times
starts() {
    j=0
    while [ $j -lt $STARTS ]; do "$@" >/dev/null; j=$((j + 1)); done
}

printf "%-8s %9s %9s %9s %10s %10s %12s\n" kernel native ferry qemu ferry/nat qemu/nat qemu/ferry
for fk in int_kernels:sieve int_kernels:hash int_kernels:sort int_kernels:matmul \
    simd_kernels:string simd_kernels:reduce simd_kernels:checksum simd_kernels:codec fp_kernels:dmatmul \
    fp_kernels:smatmul fp_kernels:fft fp_kernels:sdot fp_kernels:ddot fp_kernels:ssum \
    fp_kernels:smax startup:startup; do
    f=${fk%%:*}; k=${fk#*:}
    want=$($B/$f.native $k)
    for who in native ferry qemu; do
        case $who in
            native) set -- $B/$f.native $k ;;
            ferry) set -- $FERRY $B/$f.a64 $k ;;
            qemu) set -- qemu-aarch64 $B/$f.a64 $k ;;
        esac
        got=$("$@")
        [ "$got" = "$want" ] || { echo "$who: wrong output for $k: $got (want $want)"; exit 1; }
        if [ "$k" = startup ]; then set -- starts "$@"; fi
        i=0; : >$B/times.$who
        while [ $i -lt $RUNS ]; do time_cmd "$@" >>$B/times.$who; i=$((i + 1)); done
    done
    n=$(median <$B/times.native); f=$(median <$B/times.ferry); q=$(median <$B/times.qemu)
    echo "$k $n $f $q" | awk '{printf "%-8s %8.3fs %8.3fs %8.3fs %9.2fx %9.2fx %11.2fx\n",
        $1, $2, $3, $4, $3/$2, $4/$2, $4/$3}'
done
