# A longer shell workload: many short foreign processes (fork/exec cost), command substitutions.
s=0; for i in $(seq 1 60); do s=$(expr $s + $i); done; echo "$s"
for w in alpha beta gamma; do printf '%s:%s\n' "$w" "$(echo "$w" | wc -c | tr -d ' ')"; done
ls /usr/bin | wc -l > /dev/null; echo "$(basename "$(dirname /a/b/c)")"
