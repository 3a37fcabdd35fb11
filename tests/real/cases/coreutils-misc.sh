# coreutils: env, printf, basename, dirname, realpath, yes, head, tail, split, shuf.
basename /a/b/c.txt .txt; dirname /a/b/c.txt; realpath -m /a/../b/./c
yes ab | head -n 3; seq 100 | tail -n 2; seq 10 | split -l 4 - part; ls part*; cat partac
seq 5 | shuf --random-source=/dev/zero | sort -n | tr '\n' ' '; echo
env -u HOME | grep -c '^HOME=' ; printf '%s=%d\n' x 5 | tee t; cat t
truncate -s 1000 sparse; stat -c %s sparse; id -u; nproc >/dev/null && echo nproc-ok
