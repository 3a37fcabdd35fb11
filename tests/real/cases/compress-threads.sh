# Multi-threaded compressors: xz -T2, zstd -T2, 7zz -mmt2, round trips by sha256sum.
seq 1 300000 | sed 's/$/ threads/' > data; sha256sum < data
xz -T2 -3 -c data | xz -d -T2 -c | sha256sum
zstd -q -T2 -5 -c data | zstd -q -d -c | sha256sum
7zz a -bso0 -bsp0 -mmt2 a.7z data && 7zz e -bso0 -bsp0 -so a.7z | sha256sum
gzip -c data | python3 -c 'import sys, gzip; sys.stdout.buffer.write(gzip.decompress(sys.stdin.buffer.read()))' | sha256sum
