#!/bin/sh
# Syscall census: how many AArch64 Linux syscalls ferry implements, from the
# guest table (syscalls/abi_aarch64.c: number -> name, handler id) and the
# generic handlers (syscalls/sys_list.def), and which ones answer ENOSYS.
# Usage: sh tests/real/syscall_census.sh [-q]   (-q: the totals only)
# Exits non-zero when the table names a handler sys_list.def lacks.
TABLE=${TABLE:-syscalls/abi_aarch64.c}
DEF=${DEF:-syscalls/sys_list.def}
tmp=${TMPDIR:-/tmp}/ferry-census.$$
trap 'rm -f "$tmp".*' EXIT
sed -n 's/^ *\[\([0-9]*\)\] = {"\([a-z0-9_]*\)", \(SYS_ID_[a-z0-9_]*\|0\)},.*/\1 \2 \3/p' "$TABLE" >"$tmp.all"
sed -n 's/^SYS(\([a-z0-9_]*\),.*/SYS_ID_\1/p' "$DEF" | sort >"$tmp.def"
total=$(wc -l <"$tmp.all")
awk '$3 != "0"' "$tmp.all" >"$tmp.impl"
awk '$3 == "0"' "$tmp.all" >"$tmp.nosys"
impl=$(wc -l <"$tmp.impl")
nosys=$(wc -l <"$tmp.nosys")
bad=0
for id in $(awk '{print $3}' "$tmp.impl" | sort -u); do
    grep -qx "$id" "$tmp.def" || { echo "census: $id is not in $DEF"; bad=1; }
done
echo "aarch64 syscalls: $total numbers, $impl implemented, $nosys ENOSYS"
if [ "${1:-}" != -q ]; then
    echo "ENOSYS:"
    awk '{printf "%s(%s) ", $2, $1} END {print ""}' "$tmp.nosys" | fold -s -w 100
fi
exit $bad
