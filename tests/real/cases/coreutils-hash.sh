# coreutils: md5sum, sha1sum, sha256sum, sha512sum, b2sum, base64, base32.
seq 1 10000 > data
md5sum data; sha1sum data; sha256sum data; sha512sum data | cut -c1-64; b2sum data | cut -c1-64
head -c 100 data | base64; echo hello | base32; echo aGVsbG8K | base64 -d
md5sum data > sums; md5sum -c sums
