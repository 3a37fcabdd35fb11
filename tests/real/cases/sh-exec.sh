# bash: exec replaces the shell; dash scripts started from bash.
printf 'echo "dash says $1"; exec echo exec-from-dash\n' > s.sh
dash s.sh hi
sh -c 'echo "sh -c pid-stable: $(( $$ == $$ ))"'
bash -c 'exec printf "%s-%s\n" a b'
exec 3>out.txt; echo into-fd3 >&3; exec 3>&-; cat out.txt
exec env X=1 sh -c 'echo "X=$X"; exit 4'
