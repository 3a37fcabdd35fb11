# The /proc view programs read: own pid, fds, cmdline of children, status fields.
bash -c 'test "$(readlink /proc/$$/exe | sed "s,.*/,,")" = bash && echo exe-is-bash'
python3 -c 'import os; print(os.getpid() == int(os.readlink("/proc/self")), sorted(os.listdir("/proc/self/fd"))[:3])'
sh -c 'cat /proc/$$/cmdline | tr "\0" " "; echo'
grep -c ^Name: /proc/self/status; ls /proc/self/fd | sort -n | head -3
