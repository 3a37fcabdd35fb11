# zstd: compress at several levels, with a dictionary-less long mode, round trips by sha256sum.
seq 1 200000 | sed 's/^/zstd /' > data; sha256sum data
for l in 1 3 19; do zstd -q -$l -T1 -c data > d$l.zst; zstd -q -d -c d$l.zst | sha256sum; done
sha256sum d3.zst d19.zst; zstd -q -t d19.zst && echo ok
zstd -q --long=24 -T1 -c data | zstd -q -d --long=24 -c | cmp - data && echo long-ok
