# bash: functions, recursion, arrays, associative arrays, string ops.
fib() { if [ "$1" -lt 2 ]; then echo "$1"; else echo $(( $(fib $(($1-1))) + $(fib $(($1-2))) )); fi; }
fib 12
a=(zero one two three); echo "${#a[@]} ${a[2]} ${a[@]:1:2}"
declare -A m=([x]=1 [y]=2); for k in $(printf '%s\n' "${!m[@]}" | sort); do echo "$k=${m[$k]}"; done
s="Hello, World"; echo "${s,,} ${s^^} ${s/World/There} ${#s} ${s:7}"
printf '%05d|%-6s|%x|%o|%e\n' 42 ab 255 8 12345.678
