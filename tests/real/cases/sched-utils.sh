# util-linux and coreutils scheduling tools: nice, renice, taskset, chrt, ionice, prlimit, setsid.
nice -n 5 nice; nice -n 3 sh -c 'nice'
sleep 2 & p=$!; renice -n 7 -p $p >/dev/null; ps_n=$(cut -d' ' -f19 /proc/$p/stat); echo "renice $ps_n"; kill $p; wait $p 2>/dev/null
taskset -p $$ >/dev/null && echo taskset-ok; taskset -c 0 sh -c 'taskset -cp $$ | sed "s/.*: //"'
chrt -p $$ | head -1 | sed 's/.*: //'; chrt -m | head -1 | sed 's/:.*//'
ionice -p $$ | sed 's/ prio.*//'; ionice -c 3 sh -c 'ionice'
prlimit --nofile=100:200 sh -c 'ulimit -n; ulimit -Hn'; prlimit -n -o SOFT,HARD --pid $$ | tail -n 1 | awk '{print ($1 > 0)}'
setsid -w sh -c 'test "$(ps -o sid= -p $$ 2>/dev/null || cut -d" " -f6 /proc/$$/stat)" = "$$" && echo own-session'
