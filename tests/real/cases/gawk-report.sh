# gawk: a report over generated CSV with printf alignment, sorting via PROCINFO and asort.
python3 -c 'import random; random.seed(3); print("\n".join("%s,%d,%.2f" % (random.choice(["north","south","east","west"]), random.randint(1, 9), random.random() * 100) for _ in range(2000)))' > sales.csv
gawk -F, '{ n[$1]++; q[$1] += $2; v[$1] += $2 * $3 } END { PROCINFO["sorted_in"] = "@ind_str_asc"; for (r in n) printf "%-6s %5d %6d %12.2f\n", r, n[r], q[r], v[r] }' sales.csv
gawk -F, '{ a[NR] = $3 } END { n = asort(a); printf "median %.2f min %.2f max %.2f\n", a[int(n / 2)], a[1], a[n] }' sales.csv
