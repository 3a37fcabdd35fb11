# bash: while read loops over a pipe, case, getopts.
printf 'a 1\nb 2\nc 3\n' | while read -r k v; do echo "$k -> $((v * v))"; done
for f in x.c y.h z.txt; do case $f in *.c) echo "$f C";; *.h) echo "$f header";; *) echo "$f other";; esac; done
set -- -a -b val rest; while getopts ab: o; do echo "opt $o ${OPTARG:-}"; done
i=0; until [ $i -ge 3 ]; do i=$((i+1)); echo "until $i"; done
