# grep (PCRE and ERE) and sed scripts.
seq 1 100 > n; grep -E '^(1|2)5$' n; grep -c 0 n; grep -P '^\d{2}(?=7)' n | head -3
printf 'foo bar\nbaz qux\n' | sed -e 's/\(b..\)/[\1]/g' -e '2d'; seq 10 | sed -n '3,5p;$p'
printf 'a=1\nb=2\n' | sed -E 's/([a-z])=([0-9])/\2:\1/'; echo hello | sed 'y/abcdefghijklmnopqrstuvwxyz/ABCDEFGHIJKLMNOPQRSTUVWXYZ/'
grep -rn --include='*' x . >/dev/null; echo "rec=$?"; printf 'one\ntwo\n' | grep -v one
