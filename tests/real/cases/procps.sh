# procps: ps on this shell and its children (fields that do not vary between runs), pgrep, free/uptime shapes.
ps -o comm= -p $$; ps -o args= -p $$ | sed "s|$0|SCRIPT|"
sleep 3 & p=$!; for i in $(seq 50); do [ "$(ps -o comm= -p $p)" = sleep ] && break; sleep 0.1; done
ps -o comm=,args= -p $p; pgrep -x sleep -P $$ | grep -qx $p && echo pgrep-finds-child
pkill -P $$ -x sleep; wait $p; echo "pkill status $?"
free -b | head -1 | tr -s ' '; uptime | grep -c 'load average'
ps -e -o comm= | grep -c . | awk '{print ($1 > 0)}'; pidof -x sh >/dev/null; echo "pidof $?"
