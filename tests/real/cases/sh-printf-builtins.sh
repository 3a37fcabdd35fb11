# bash builtins: printf %q, declare -p, type, command -v, hash, let, test operators, [[ =~ ]].
printf '%q\n' "a b" 'c$d'; declare -a x=(1 2); declare -p x; type -t cd; command -v sort
let "y = 5 * 3"; echo $y; [[ "abc123" =~ ^([a-z]+)([0-9]+)$ ]] && echo "${BASH_REMATCH[1]}-${BASH_REMATCH[2]}"
[ -d / ] && [ ! -f / ] && echo tests-ok; echo $(( 1 << 40 )) $(( -7 / 2 )) $(( 7 % -3 )) $(( 2 ** 62 ))
shopt -s extglob; f=aaa.txt; echo "${f%%+(.txt)}"; echo {1..5} {a..e..2}
