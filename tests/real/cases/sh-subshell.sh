# bash: subshells, exit statuses, traps, here-documents.
(cd /; pwd); pwd | sed "s,^$HOME,HOME,"
( exit 3 ); echo "status $?"
x=outer; ( x=inner; echo "in: $x" ); echo "out: $x"
trap 'echo trapped EXIT' EXIT
cat <<DOC | tr a-z A-Z
here $x
DOC
false || echo "false failed"; true && echo "true ok"
