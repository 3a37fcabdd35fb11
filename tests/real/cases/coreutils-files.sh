# coreutils: mkdir, cp, mv, ln, rm, ls, stat, touch, du, find, chmod.
mkdir -p a/b/c; echo hi > a/b/c/f; cp -r a b; mv b/b b/renamed; ln -s ../a/b/c/f b/link
ln a/b/c/f hard; ls -R a b | sed 's/[[:space:]]*$//'; cat b/link; readlink b/link
touch -d @1000000000 a/b/c/f; stat -c '%n %s %a %F %h %Y' a/b/c/f hard; stat -c '%n %s %F %N' b/link
chmod 640 hard; stat -c %a hard; find . -name f -o -name link | sort; du -s --apparent-size -b a
rm -r a; ls; test -e hard && echo hard-survives
