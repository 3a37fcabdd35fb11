# busybox: several applets, started by their applet names.
busybox echo hello; busybox seq 3 | busybox tac; echo 'a b c' | busybox awk '{print $2, NF}'
busybox printf '%05d\n' 42; echo hello | busybox sed s/l/L/g; busybox expr 6 \* 7
seq 1 100 | busybox md5sum; seq 5 | busybox sort -r | busybox head -n 2; echo abc | busybox wc -c
busybox basename /x/y.z .z; busybox sh -c 'for i in 1 2; do echo "sh $i"; done'
mkdir d; busybox touch d/f; busybox ls d; busybox sha256sum d/f; echo x | busybox gzip | busybox gunzip
busybox date -u -d @0 +%Y; busybox factor 360 2>/dev/null || echo no-factor
