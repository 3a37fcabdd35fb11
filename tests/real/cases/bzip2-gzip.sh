# gzip and bzip2: round trips and listings.
seq 1 100000 > data; gzip -9 -n -c data > d.gz; gzip -l d.gz | tail -1 | awk '{print $1, $2}'; gunzip -c d.gz | cmp - data && echo gz-ok
sha256sum d.gz; bzip2 -c data > d.bz2; sha256sum d.bz2; bunzip2 -c d.bz2 | sha256sum; zcat d.gz | tail -1
gzip -c data | gzip -t && echo gz-tested; bzip2 -t d.bz2 && echo bz-tested
