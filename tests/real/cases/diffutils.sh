# diffutils: diff unified, cmp, diff3.
seq 1 10 > a; seq 1 10 | sed '5s/5/five/; 8d' > b
diff -u a b | tail -n +3; cmp a b; echo "cmp=$?"
seq 1 5 > o; seq 1 5 | sed 2s/2/two/ > m; seq 1 5 | sed 4s/4/four/ > y; diff3 -m m o y
