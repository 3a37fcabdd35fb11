# coreutils: sort variants (numeric, general, version, human, unique, stable, key).
printf '10\n9\n100\n1e3\n-5\n' | sort -g; printf '2K\n1M\n3\n' | sort -h
printf 'v1.10\nv1.2\nv1.9\n' | sort -V; printf 'b 2\na 2\nc 1\n' | sort -s -k2,2n
seq 1 50000 | sort -R --random-source=/dev/zero | sort -n | md5sum
printf 'x\nX\ny\nx\n' | sort -u -f
