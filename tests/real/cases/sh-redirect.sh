# bash: redirections, process substitution, stderr, noclobber.
echo out; echo err >&2
{ echo one; echo two >&2; } 2>&1 | sort
diff <(printf '1\n2\n3\n') <(printf '1\n3\n') ; echo "diff=$?"
set -o noclobber; echo a > f; (echo b > f) 2>/dev/null || echo clobber-refused; cat f
cat < /etc/hostname > /dev/null && echo readable
