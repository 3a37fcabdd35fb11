# uname fields that are the same natively and under ferry (not -m), hostname, id, getent.
test "$(uname -s)" = Linux && echo linux; test "$(uname -n)" = "$(hostname)" && echo nodename-ok
uname -r | grep -q . && echo release; id -un; id -g; getent passwd root | cut -d: -f1,3,6
