# gawk: FPAT/split/patsplit, strftime (UTC), sprintf, getline from a command, sorting with PROCINFO.
echo 'a,"b,c",d' | gawk -v FPAT='([^,]+)|("[^"]+")' '{ print NF, $2 }'
gawk 'BEGIN { n = split("x:y:z", a, ":"); print n, a[3]; print strftime("%Y-%m-%d %H:%M:%S", 86400 * 365, 1) }'
gawk 'BEGIN { while (("seq 3" | getline l) > 0) s = s l; print s; PROCINFO["sorted_in"] = "@ind_num_desc"; a[1]; a[10]; a[5]; for (k in a) printf "%s ", k; print "" }'
gawk 'BEGIN { printf "%5.2f|%-5s|%05d|%+d\n", 3.14159, "ab", 42, 7; print 2^53 + 1, 1e300 * 1e10, -0 }'
seq 1 5 | gawk 'NR == 2, NR == 4 { print "range", $0 }'
