# Signals in foreign programs: trap, kill of children, exit codes of signalled processes.
sh -c 'kill -9 $$'; echo "sigkill $?"
sh -c 'kill -TERM $$'; echo "sigterm $?"
python3 -c 'import signal, os; signal.signal(signal.SIGUSR1, lambda s, f: print("handler", s)); os.kill(os.getpid(), signal.SIGUSR1); print("after")'
perl -e '$SIG{ALRM} = sub { print "alarm\n"; exit 7 }; alarm 1; sleep 5'; echo "perl $?"
timeout 0.5 sleep 3; echo "timeout $?"
bash -c 'trap "echo int-trapped; exit 9" INT; kill -INT $$; sleep 1'; echo "trap $?"
