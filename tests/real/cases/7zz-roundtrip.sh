# 7zz: archive a tree, list it, extract it, compare by sha256sum (no banners: versions differ).
mkdir -p t/sub; seq 1 30000 > t/a; printf 'x%.0s' $(seq 500) > t/sub/b; cp t/a t/sub/c
(cd t && find . -type f | sort | xargs sha256sum) > before
7zz a -bso0 -bsp0 -mmt1 arch.7z t; echo "a=$?"
7zz l -ba arch.7z | awk '{print $NF, $(NF-2)}' | sort
mkdir out; 7zz x -bso0 -bsp0 -oout arch.7z; (cd out/t && find . -type f | sort | xargs sha256sum) | diff - before && echo same
7zz t -bso0 -bsp0 arch.7z && echo tested
7zz a -bso0 -bsp0 -tzip -mmt1 a.zip t/a; 7zz e -bso0 -bsp0 -so a.zip | sha256sum
