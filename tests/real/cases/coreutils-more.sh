# More coreutils: stdbuf (LD_PRELOAD from the sysroot), timeout, nohup, install, shred, dd conv, tee -p, printenv.
seq 3 | stdbuf -oL cat; stdbuf -o0 echo unbuffered
timeout 5 sh -c 'echo in-time'; timeout -s KILL 0.3 sleep 5; echo "killed=$?"
nohup sh -c 'echo nohup-out' > out.txt 2>/dev/null; cat out.txt
install -m 640 -D out.txt dir/sub/inst; stat -c '%a %s' dir/sub/inst
printf 'secret' > s; shred -u -n 1 s; test -e s || echo shredded
printf 'abcdef' | dd conv=ucase,fsync status=none; echo; printf '1234567890' | dd bs=3 skip=1 count=2 status=none; echo
X=42 printenv X; env -S 'A=1 B=2 sh -c "echo \$A\$B"'
seq 1 5 | tee -p t.out | tail -1; wc -l < t.out
