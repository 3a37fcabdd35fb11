# jq, xxd, column, openssl dgst/enc, zip/unzip, cpio, patch, lz4, dc.
echo '{"a":[1,2,{"b":"x"}],"c":3.5}' | jq -c '.a[2].b, (.a | length), .c * 2, keys'
printf 'ferry\x00\x01' | xxd; printf 'ferry' | xxd -p | xxd -r -p; echo
printf 'name age\nann 31\nbob 7\n' | column -t
printf 'data' | openssl dgst -sha256 | sed 's/^.*= //'; printf 'secret' | openssl enc -aes-256-cbc -pbkdf2 -S 0102030405060708 -pass pass:pw -nosalt 2>/dev/null | openssl enc -d -aes-256-cbc -pbkdf2 -pass pass:pw -nosalt
mkdir z; seq 100 > z/a; echo b > z/b; zip -q -r -X z.zip z; unzip -l z.zip | awk 'NR > 3 && $4 ~ /z/ {print $1, $4}'; mkdir u; (cd u && unzip -q ../z.zip && cat z/b)
(cd z && ls | cpio -o --quiet -H newc) > z.cpio; mkdir c; (cd c && cpio -i --quiet < ../z.cpio && ls)
printf 'a\nb\nc\n' > f1; printf 'a\nB\nc\n' > f2; diff -u f1 f2 > p.diff; patch -s f1 < p.diff; cat f1
seq 1 10000 | lz4 -q -c | lz4 -q -d -c | sha256sum; echo '2 64 ^ p 10 k 2 v p' | dc
