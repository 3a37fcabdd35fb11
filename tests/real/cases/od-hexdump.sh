# od, xxd-like dumps, head -c, dd with block sizes and counts.
printf 'ferry\000\001\002\377binary' > b; od -c b; od -An -tx2 -w8 b; od -tu1 -N4 b
dd if=/dev/zero bs=512 count=8 status=none | wc -c; seq 1 1000 | dd bs=100 skip=2 count=3 status=none | md5sum
head -c 7 b | od -An -to1
