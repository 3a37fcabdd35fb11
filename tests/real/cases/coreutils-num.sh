# coreutils: seq, factor, expr, numfmt, od, wc, sum.
seq -s' ' 0 3 20; seq -w 8 11; factor 360 1001 65537 600851475143
expr 7 \* 6; expr length hello; expr 17 % 5; expr abc : 'a\(.\)'
numfmt --to=iec 1048576 123456789; printf 'AB\001\377' | od -An -tx1 -c
printf 'one two\nthree\n' | wc; printf 'hello\n' | sum; printf 'hello\n' | cksum
