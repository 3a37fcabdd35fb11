# findutils: find with predicates, xargs with -n and -0.
mkdir -p d/e; touch d/1.txt d/2.log d/e/3.txt; echo data > d/e/big
find d -type f -name '*.txt' | sort; find d -type d | sort; find d -size +0 -type f
find d -name '*.txt' -print0 | sort -z | xargs -0 -n1 basename
seq 1 7 | xargs -n 3 echo; echo a b c | xargs -I{} echo '<{}>'
find d -newer d/1.txt -type f | wc -l >/dev/null; echo ok
