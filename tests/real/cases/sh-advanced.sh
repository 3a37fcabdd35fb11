# bash: read -t timeouts, coproc, wait -n, seeded RANDOM, mapfile from a process, traps on ERR.
read -t 0.2 x < <(sleep 1; echo late); echo "read status $?"
coproc UPPER { tr a-z A-Z; }; echo "hello coproc" >&"${UPPER[1]}"; exec {UPPER[1]}>&-; read -r line <&"${UPPER[0]}"; echo "$line"; wait
(sleep 0.3; exit 3) & (sleep 0.1; exit 5) & wait -n; echo "first done: $?"; wait
RANDOM=42; echo "$RANDOM $RANDOM $RANDOM"
mapfile -t lines < <(printf 'l1\nl2\nl3\n'); echo "${lines[*]}"
set -o pipefail; false | true; echo "pipefail $?"; set +o pipefail
trap 'echo "ERR at $LINENO"' ERR; false; trap - ERR
printf '%s\n' "${BASH_VERSINFO[0]}.${BASH_VERSINFO[1]}" "$((0x1f + 010 + 2#101))"
