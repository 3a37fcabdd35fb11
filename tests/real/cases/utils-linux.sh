# util-linux and friends present in minbase: getopt, rev, column-like tools, mktemp, flock.
getopt -o ab:c -l long: -- -a -b x --long=y rest; echo
mktemp -u XXXX | wc -c; d=$(mktemp -d ./tmpXXXX); test -d "$d" && echo dir-made
flock lockf -c 'echo locked'; printf 'b\na\n' | rev
cal -h 2 2024 2>/dev/null | head -2 || true; echo ok
