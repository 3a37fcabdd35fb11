# bash: background jobs, wait, kill, signals to children.
sleep 0.2 & p=$!; wait $p; echo "waited $?"
(sleep 5) & k=$!; kill -TERM $k; wait $k; echo "killed $?"
for i in 1 2 3; do (echo "job $i" > j$i) & done; wait; cat j1 j2 j3
trap 'echo got USR1' USR1; kill -USR1 $$; echo after
