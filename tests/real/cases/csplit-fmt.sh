# More coreutils: csplit, fmt, pr, expand, unexpand, ptx-less formatting, tsort, tr classes.
seq 1 20 > s; csplit -s s 5 12; wc -l xx00 xx01 xx02
echo 'the quick brown fox jumps over the lazy dog again and again' | fmt -w 20
printf 'a\tb\tc\n' | expand -t 4; printf '        x\n' | unexpand -a | od -c | head -1
printf 'a b\nb c\nc d\n' | tsort; echo 'Hello 123 World' | tr -cd '[:alpha:]'; echo
seq 1 6 | pr -2 -t -w 20
