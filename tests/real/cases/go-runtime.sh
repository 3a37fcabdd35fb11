# Go (a static Go binary, built for this side's machine by tests/real/go/build.sh on the native
# side, which runs first): goroutines across threads, channels, select with timers, HTTP on
# loopback, os/exec of itself, signal.Notify with SIGUSR1, runtime.GC, async preemption by
# SIGURG, a nil dereference recovered as a panic.
repo=$(cd "$(dirname "$0")/../../.." && pwd)
if [ "$(uname -m)" = x86_64 ]; then
    sh "$repo/tests/real/go/build.sh" || exit 1
fi
bin=$repo/build/real-go/$(uname -m)/go-runtime
"$bin"
echo "status $?"
GOMAXPROCS=1 "$bin" | head -3
GODEBUG=asyncpreemptoff=1 "$bin" child "preemption off"
echo "status $?"
