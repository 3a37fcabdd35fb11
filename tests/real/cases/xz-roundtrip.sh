# xz: compress and decompress a generated file at several levels, compared by sha256sum.
seq 1 200000 | sed 's/$/ ferry/' > data; sha256sum data
for l in 0 6 9e; do xz -k -$l -T1 -c data > data.$l.xz; xz -d -c data.$l.xz | sha256sum; done
xz -l data.6.xz | tail -n 1 | awk '{print $1, $2, $5}'; xz -t data.9e.xz && echo tested
xz -c -T1 --format=lzma data | xz -d --format=lzma | cmp - data && echo lzma-ok
sha256sum data.6.xz
