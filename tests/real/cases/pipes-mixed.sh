# A pipeline mixing interpreters: python -> perl -> gawk -> sort -> sqlite3.
python3 -c 'import random; random.seed(7); [print(random.randint(1, 50), random.choice("abcde")) for _ in range(300)]' |
perl -ane 'print "$F[1] $F[0]\n" if $F[0] % 2' | gawk '{ s[$1] += $2 } END { for (k in s) print k "," s[k] }' | sort > sums.csv
cat sums.csv
sqlite3 :memory: '.mode csv' '.import sums.csv s' 'select sum(c2) from s;'
lua5.4 -e 'local n = 0 for l in io.lines("sums.csv") do n = n + tonumber(l:match(",(%d+)")) end print(n)'
