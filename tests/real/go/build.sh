#!/bin/sh
# Builds tests/real/go/main.go for arm64 (run under ferry) and for the host's amd64 (run
# natively) into build/real-go/<uname -m>/go-runtime, when missing or older than the source.
# Needs Debian's golang-go (installed with apt-get when missing, as root).  Quiet on stdout.
set -e
repo=$(cd "$(dirname "$0")/../../.." && pwd)
out=$repo/build/real-go
src=$repo/tests/real/go/main.go
if ! command -v go >/dev/null 2>&1; then
    apt-get install -y golang-go >&2
fi
export GOCACHE="$out/cache" GOPATH="$out/gopath" CGO_ENABLED=0 GO111MODULE=off GOFLAGS=
for arch in aarch64:arm64 x86_64:amd64; do
    bin=$out/${arch%%:*}/go-runtime
    if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ]; then
        mkdir -p "$out/${arch%%:*}"
        GOOS=linux GOARCH=${arch#*:} go build -o "$bin.tmp" "$src" >&2
        mv "$bin.tmp" "$bin"
    fi
done
