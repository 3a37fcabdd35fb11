# GNU tar: incremental listed archives, --transform, --exclude, appending, sparse files.
mkdir -p s/a s/b; echo 1 > s/a/x; echo 2 > s/b/y; echo 3 > s/skip.tmp
tar --exclude='*.tmp' --transform 's,^s,renamed,' -cf t.tar s; tar -tf t.tar | sort
tar -rf t.tar -C s a/x; tar -tf t.tar | wc -l
truncate -s 10M sp; echo end >> sp; tar -S -cf sp.tar sp; mkdir o; tar -C o -xf sp.tar; cmp sp o/sp && echo sparse-ok
tar -g snap -cf full.tar s; echo 4 > s/a/new; tar -g snap -cf inc.tar s; tar -tf inc.tar | sort
