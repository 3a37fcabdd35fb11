# bash: a pipeline of coreutils, command substitution, arithmetic.
seq 1 200 | grep 7 | sort -r | head -n 5 | tr '\n' ' '; echo
n=$(seq 1 1000 | wc -l); echo "lines=$n sum=$(( $(seq 1 100 | paste -sd+) ))"
printf '%s\n' banana apple cherry apple | sort | uniq -c | sort -rn
