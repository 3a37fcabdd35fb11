# Compressors chained in one pipeline: gzip | xz | zstd and back, checked by sha256sum.
seq 1 50000 > d; sha256sum < d
gzip -c d | xz -T1 -c | zstd -q -c | zstd -q -d -c | xz -d -c | gzip -d -c | sha256sum
bzip2 -c d | python3 -c 'import sys, bz2; sys.stdout.buffer.write(bz2.decompress(sys.stdin.buffer.read()))' | sha256sum
