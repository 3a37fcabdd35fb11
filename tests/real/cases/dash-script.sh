# dash: POSIX script with functions, pipes and arithmetic.
cat > t.sh <<'S'
f() { echo "f:$1"; return 2; }
f x; echo "rc=$?"
n=0; while [ $n -lt 5 ]; do n=$((n+1)); done; echo "n=$n"
echo "$(echo nested $(echo deeper))"
IFS=:; set -- a:b:c; echo "$# $2"
S
dash t.sh
