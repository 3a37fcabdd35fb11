# cat, tee, cp and md5sum on a 20 MB file (read/write paths, sendfile and copy_file_range).
head -c 20000000 /dev/zero | tr '\0' 'z' > big; md5sum big; cp big big2; cmp big big2 && echo cp-ok
cat big big | wc -c; tee t1 t2 < big > /dev/null; md5sum t1 t2 | cut -d' ' -f1 | uniq | wc -l
python3 -c 'import shutil; shutil.copyfile("big", "big3")'; cmp big big3 && echo py-copy-ok
