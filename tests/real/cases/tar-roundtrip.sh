# tar: create with gzip/xz/zstd/bzip2 filters (foreign filters started by foreign tar), list, extract.
mkdir -p src/d; seq 1 20000 > src/d/n; echo small > src/s; ln -s d/n src/link; touch -d @1000000000 src/s src/d/n
tar --sort=name --mtime=@0 --owner=0 --group=0 -cf plain.tar src; sha256sum plain.tar
for z in gzip xz zstd bzip2; do tar -cf - src | $z -c > t.$z; tar -tf t.$z | sort | tr '\n' ' '; echo; done
mkdir x; tar -C x -xJf t.xz; diff -r src x/src && echo same; readlink x/src/link
tar -tvf plain.tar | awk '{print $1, $3, $6}'
tar --zstd -cf z.tar.zst src && tar --zstd -xOf z.tar.zst src/s
