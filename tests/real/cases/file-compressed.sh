# file -z looking inside compressed data, and --mime of various generated files.
printf '#!/usr/bin/python3\nprint(1)\n' > p.py; gzip -n -c p.py > p.py.gz; printf 'GIF89a' > g.gif
printf 'BZh91AY&SY' > b.bz2; printf '\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0' > e.elf
file -z p.py.gz; file --mime p.py g.gif b.bz2; file -b e.elf; file -b /usr/share/dict 2>/dev/null || file -b .
