# xargs -P starting foreign programs in parallel; results sorted.
seq 1 12 | xargs -P 4 -I{} sh -c 'echo $(( {} * {} ))' | sort -n | tr '\n' ' '; echo
seq 1 8 | xargs -P 3 -n 2 sh -c 'echo $(($1 + $2))' _ | sort -n | tr '\n' ' '; echo
