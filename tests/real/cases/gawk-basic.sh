# gawk: printf, fields, associative arrays, asort, gsub, functions.
seq 1 20 | gawk '{ s += $1; if ($1 % 3 == 0) t = t $1 "," } END { printf "sum=%d mean=%.3f t=%s\n", s, s/NR, t }'
printf 'b 3\na 1\nc 2\n' | gawk '{ v[$1] = $2 } END { n = asort(v, w); for (i = 1; i <= n; i++) printf "%s ", w[i]; print ""; n = asorti(v, k); for (i = 1; i <= n; i++) printf "%s ", k[i]; print "" }'
echo "hello world foo" | gawk '{ gsub(/o/, "0"); print toupper($0), NF, length($2) }'
gawk 'function f(n) { return n < 2 ? 1 : n * f(n - 1) } BEGIN { print f(20), f(10) / 7; printf "%e %g %x %c\n", 12345.6789, 0.0001, 255, 65 }'
gawk 'BEGIN { print sin(1), cos(1), atan2(1, 2), exp(2), log(10), sqrt(2), int(-3.7) }'
