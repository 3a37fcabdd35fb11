# gawk dynamic extensions (dlopen'ed from the sysroot) and features: filefuncs, time, ordchr, bignum off.
mkdir d; echo abc > d/f
gawk -l filefuncs 'BEGIN { stat("d/f", s); print s["size"], s["type"]; print chdir("d") == 0 ? "chdir" : "no" }'
gawk -l ordchr 'BEGIN { print ord("A"), chr(98) }'
gawk -l readdir 'BEGIN { FS = "/" } { print $2 }' d | sort
gawk -i inplace '{ print toupper($0) }' d/f; cat d/f
gawk 'BEGIN { printf "%s %s\n", and(12, 10), lshift(1, 40); print length(sprintf("%c", 256) ) }'
