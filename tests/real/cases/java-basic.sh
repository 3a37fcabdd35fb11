# Java: the JVM (JIT, SIGSEGV for implicit null checks and safepoints, many threads) running a
# program compiled on the host by javac (on the native side, which runs first; cached in
# build/real-java): threads, HashMap, String.format, exceptions, a hot loop, GC.
repo=$(cd "$(dirname "$0")/../../.." && pwd)
out=$repo/build/real-java
case $(uname -m) in
x86_64)
    arch=amd64
    if [ ! -f "$out/Main.class" ] || [ "$repo/tests/real/java/Main.java" -nt "$out/Main.class" ]; then
        mkdir -p "$out" && javac --release 17 -d "$out" "$repo/tests/real/java/Main.java" || exit 1
    fi
    ;;
aarch64) arch=arm64 ;;
esac
java=/usr/lib/jvm/java-17-openjdk-$arch/bin/java
"$java" -version 2>/dev/null
echo "version status $?"
"$java" -cp "$out" Main
echo "status $?"
"$java" -Xint -cp "$out" Main | head -2
"$java" -XX:TieredStopAtLevel=1 -cp "$out" Main | tail -2
