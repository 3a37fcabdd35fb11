# dash: a script that starts many foreign programs with pipes and here-docs.
cat > w.sh <<'S'
i=0
while [ $i -lt 20 ]; do
  i=$((i + 1))
  echo "$i" | sed 's/^/n/' | tr n N >> log
done
wc -l < log
sort -r log | head -n 3
cat <<EOF2 | grep -c x
x1
y
x2
EOF2
S
dash w.sh
