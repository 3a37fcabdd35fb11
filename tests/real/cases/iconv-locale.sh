# glibc iconv modules (dlopen'ed gconv) and the C.UTF-8 locale.
printf 'caf\xc3\xa9 na\xc3\xafve\n' | iconv -f UTF-8 -t ISO-8859-1 | od -An -tx1
printf 'caf\xe9\n' | iconv -f LATIN1 -t UTF-8; echo '€uro' | iconv -f UTF-8 -t UTF-16LE | od -An -tx1
echo 'hello' | iconv -f ASCII -t EBCDIC-US | od -An -tx1; echo 'ä' | iconv -f UTF-8 -t ASCII//TRANSLIT
LC_ALL=C.UTF-8 bash -c 's="日本語テキスト"; echo ${#s}'; LC_ALL=C.UTF-8 printf '%5.2s|\n' 'äöü'
LC_ALL=C.UTF-8 sort <<'S'
b
ä
a
S
