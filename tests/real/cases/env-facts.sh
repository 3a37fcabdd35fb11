# Facts programs read about their environment: limits, sysconf, ids, versions, /proc/self views.
ulimit -a
python3 -c 'import os, resource; print(os.sysconf("SC_PAGESIZE"), os.cpu_count(), len(os.sched_getaffinity(0)), resource.getrlimit(resource.RLIMIT_STACK), resource.getrlimit(resource.RLIMIT_NOFILE))'
getconf PAGESIZE; getconf ARG_MAX; getconf _NPROCESSORS_ONLN; getconf CLK_TCK
stat -f -c '%T' /; df -P / | tail -1 | awk '{print $6}'
id; groups; umask; echo $SHLVL $- 
sqlite3 :memory: 'select sqlite_version()'; python3 -c 'import sqlite3; print(sqlite3.sqlite_version)'
python3 -c 'import sys; print(sys.getrecursionlimit(), sys.maxsize, sys.byteorder, sys.float_info.dig, sys.getfilesystemencoding(), sys.flags.optimize)'
python3 -c 'import time; print(time.tzname, time.timezone)'; date -d @86400
lua5.4 -e 'print(_VERSION, collectgarbage("count") > 0)'; gawk --version | head -1; perl -e 'print "$]\n"'
cat /proc/self/status | grep -E '^(Name|State|Threads|SigBlk|SigIgn|Cpus_allowed_list)'
cat /proc/self/stat | cut -d' ' -f2,3
nproc; uname -s -r -v -o | cut -c1-20; head -c 0 /dev/random; echo ok
