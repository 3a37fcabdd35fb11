# sort, uniq and join on larger inputs (external sort with a small buffer and parallel threads).
seq 1 300000 | awk '{print ($1 * 7919) % 100003}' > r
sort -n -S 1M --parallel=2 r | md5sum; sort -n -u r | wc -l; sort r | uniq -d | wc -l
sort -n r | head -n 3; sort -nr r | head -n 2
