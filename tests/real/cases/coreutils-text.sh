# coreutils: sort, uniq, cut, tr, paste, join, comm, fold, nl, tac, rev.
printf '3 c\n1 a\n2 b\n1 a\n' > in
sort -n in | uniq; sort -k2r in; cut -d' ' -f2 in | tr a-c A-C | paste -sd,
printf '1 x\n2 y\n' > j1; printf '1 p\n2 q\n' > j2; join j1 j2
printf 'a\nb\nc\n' > c1; printf 'b\nc\nd\n' > c2; comm c1 c2
echo abcdefghijklmnop | fold -w 5; nl -ba in; tac in; echo stressed | rev
