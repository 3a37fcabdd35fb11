# file: the magic database on several kinds of files (not the ferry-run binaries themselves).
printf '#!/bin/sh\necho hi\n' > s.sh; printf '%%PDF-1.4\n' > x.pdf; printf 'hello\n' > t.txt
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0' > i.png
seq 1 100 | gzip -n > g.gz; seq 1 100 | xz > x.xz; printf 'PK\003\004' > z.zip; echo '{"a": 1}' > j.json
printf '<?xml version="1.0"?>\n<a/>\n' > x.xml; printf 'int main(void) { return 0; }\n' > c.c
file s.sh x.pdf t.txt i.png g.gz x.xz j.json x.xml c.c; file -b --mime-type t.txt i.png g.gz
file -b /etc/passwd
