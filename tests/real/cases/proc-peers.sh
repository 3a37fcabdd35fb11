# /proc/<pid>/cmdline and exe of other processes: parent shells, children, siblings.
bash -c 'tr "\0" " " < /proc/$PPID/cmdline; echo; readlink /proc/$PPID/exe; true'
python3 -c 'import os; print(open("/proc/%d/cmdline" % os.getppid()).read().split("\0"), os.readlink("/proc/%d/exe" % os.getppid()))'
# A child that says when it runs (after its exec), then the parent reads its /proc files.
mkfifo ready; perl -e 'open(F, ">", "ready"); print F "go\n"; close F; sleep 3' first "second arg" & p=$!
read -r go < ready; tr '\0' ' ' < /proc/$p/cmdline; echo; readlink /proc/$p/exe; kill $p; wait $p
perl -e 'print readlink("/proc/self/exe"), " ", $^X, "\n"'
grep -c 'libc.so' /proc/self/maps >/dev/null && grep -o '/usr/lib/[a-z0-9_-]*/libc.so.6' /proc/self/maps | head -1 | sed 's/x86_64/ARCH/; s/aarch64/ARCH/'
