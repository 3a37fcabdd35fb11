# bash reading and writing files: mapfile, read -a, IFS, printf -v, $(<file).
seq 1 10 > f; mapfile -t arr < f; echo "${#arr[@]} ${arr[9]}"
IFS=, read -r -a parts <<< "x,y,z"; echo "${parts[1]}"
printf -v v '%03d' 7; echo "$v"; c=$(<f); echo "${c//$'\n'/+}"
while IFS= read -r l; do [ $((l % 3)) = 0 ] && echo "div3 $l"; done < f
exec 4<f; read -r first <&4; read -r second <&4; exec 4<&-; echo "$first $second"
