#!/bin/sh
# Command-line checks for build/ferry: programs that cannot be run (missing,
# not ELF, truncated, x86-64, no interpreter, ...) each give exactly one
# line on stderr and the exit status a shell would give (127/126); --help and
# --version exit 0; bad options give one line and exit 1; argv, -0, -E, -U
# reach the guest.  Ends with `N passed, N failed`; non-zero exit on failure.
# Usage: sh tests/cli/run.sh [path/to/ferry]
FERRY=${1:-${FERRY:-build/ferry}}
CROSS_CC=${CROSS_CC:-aarch64-linux-gnu-gcc}
OUT=build/tests/cli
mkdir -p "$OUT"
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# check NAME STATUS PATTERN -- ARGS...: exit status STATUS, exactly one stderr
# line matching the grep pattern PATTERN, nothing on stdout.
check() {
    name=$1 want=$2 pat=$3
    shift 4
    "$FERRY" "$@" >"$OUT/stdout" 2>"$OUT/stderr"
    rc=$?
    lines=$(wc -l <"$OUT/stderr")
    if [ "$rc" != "$want" ]; then
        bad "$name: exit status $rc, want $want ($(head -c 200 "$OUT/stderr"))"
    elif [ "$lines" != 1 ]; then
        bad "$name: $lines lines on stderr, want 1"; cat "$OUT/stderr"
    elif ! grep -q -- "$pat" "$OUT/stderr"; then
        bad "$name: stderr '$(cat "$OUT/stderr")' does not match '$pat'"
    elif [ -s "$OUT/stdout" ]; then
        bad "$name: unexpected output on stdout"
    else
        ok
    fi
}

# check_ok NAME PATTERN -- ARGS...: exit 0 and stdout matching PATTERN.
check_ok() {
    name=$1 pat=$2
    shift 3
    "$FERRY" "$@" >"$OUT/stdout" 2>"$OUT/stderr"
    rc=$?
    if [ "$rc" != 0 ]; then
        bad "$name: exit status $rc, want 0"
    elif ! grep -q -- "$pat" "$OUT/stdout"; then
        bad "$name: stdout does not match '$pat'"
    else
        ok
    fi
}

if [ ! -x "$FERRY" ]; then
    echo "cli: $FERRY not built"
    echo "0 passed, 1 failed"
    exit 1
fi

# ---- programs that cannot be run ----
check missing 127 "^ferry: $OUT/nonexistent: No such file or directory\$" -- "$OUT/nonexistent"
printf '#!/bin/sh\necho hello\n' >"$OUT/script.txt"
chmod +x "$OUT/script.txt"
check not-elf 126 "^ferry: $OUT/script.txt: not an ELF file\$" -- "$OUT/script.txt"
: >"$OUT/empty"
chmod +x "$OUT/empty"
check empty 126 "^ferry: $OUT/empty: not an ELF file\$" -- "$OUT/empty"
cp "$OUT/script.txt" "$OUT/noexec.txt"
chmod -x "$OUT/noexec.txt"
check no-exec-bit 126 "^ferry: $OUT/noexec.txt: Permission denied\$" -- "$OUT/noexec.txt"
check directory 126 "^ferry: $OUT: Is a directory\$" -- "$OUT"
if [ -x /bin/true ]; then
    check x86-64 126 "^ferry: /bin/true: ELF machine x86-64 is the host; run it directly\$" \
        -- /bin/true
fi

# ---- real aarch64 programs ----
if command -v "$CROSS_CC" >/dev/null 2>&1; then
    cat >"$OUT/args.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv)
{
    for (int i = 0; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    const char *foo = getenv("FERRY_CLI_FOO"), *bar = getenv("FERRY_CLI_BAR");
    printf("FOO=%s BAR=%s\n", foo ? foo : "(unset)", bar ? bar : "(unset)");
    return 7;
}
EOF
    "$CROSS_CC" -O2 -static -o "$OUT/args" "$OUT/args.c" || bad "cross compile"
    "$CROSS_CC" -O2 -o "$OUT/args-dyn" "$OUT/args.c" || bad "cross compile (dynamic)"
    head -c 1500 "$OUT/args" >"$OUT/truncated"
    chmod +x "$OUT/truncated"
    check truncated 126 "^ferry: $OUT/truncated: corrupt ELF: segment at 0x[0-9a-f]* beyond end of file\$" \
        -- "$OUT/truncated"
    head -c 40 "$OUT/args" >"$OUT/truncated-header"
    chmod +x "$OUT/truncated-header"
    check truncated-header 126 "^ferry: $OUT/truncated-header: corrupt ELF: truncated ELF header\$" \
        -- "$OUT/truncated-header"
    if [ ! -e /lib/ld-linux-aarch64.so.1 ]; then
        mkdir -p "$OUT/empty-root"
        check no-interpreter 127 \
            "^ferry: $OUT/args-dyn: interpreter /lib/ld-linux-aarch64.so.1 not found (use -L SYSROOT)\$" \
            -- -L "$OUT/empty-root" "$OUT/args-dyn"
        FERRY_LD_PREFIX=$OUT/empty-root check no-interpreter-env 127 \
            "^ferry: $OUT/args-dyn: interpreter /lib/ld-linux-aarch64.so.1 not found" -- "$OUT/args-dyn"
    fi
    # dynamically linked: the default sysroot (/usr/aarch64-linux-gnu), then -L
    for sysroot in "" /usr/aarch64-linux-gnu; do
        [ -d /usr/aarch64-linux-gnu ] || break
        "$FERRY" ${sysroot:+-L "$sysroot"} "$OUT/args-dyn" x >"$OUT/stdout" 2>"$OUT/stderr"
        rc=$?
        printf 'argv[0]=%s\nargv[1]=x\nFOO=(unset) BAR=(unset)\n' "$OUT/args-dyn" >"$OUT/want"
        if [ "$rc" = 7 ] && cmp -s "$OUT/stdout" "$OUT/want" && [ ! -s "$OUT/stderr" ]; then ok; else
            bad "dynamic (-L '$sysroot'): exit status $rc, output:"; cat "$OUT/stdout" "$OUT/stderr"
        fi
    done

    FERRY_CLI_FOO=outer FERRY_CLI_BAR=b "$FERRY" -0 zero -E FERRY_CLI_FOO=inner -U FERRY_CLI_BAR \
        "$OUT/args" one "two words" >"$OUT/stdout" 2>"$OUT/stderr"
    rc=$?
    printf 'argv[0]=zero\nargv[1]=one\nargv[2]=two words\nFOO=inner BAR=(unset)\n' >"$OUT/want"
    if [ "$rc" = 7 ] && cmp -s "$OUT/stdout" "$OUT/want"; then ok; else
        bad "args: exit status $rc, output:"; cat "$OUT/stdout" "$OUT/stderr"
    fi
    FERRY_SET_ENV=FERRY_CLI_FOO=env "$FERRY" "$OUT/args" >"$OUT/stdout" 2>&1
    if grep -q "FOO=env" "$OUT/stdout"; then ok; else bad "FERRY_SET_ENV"; fi
else
    echo "cli: $CROSS_CC missing, skipping the aarch64 program checks"
fi

# ---- options ----
check_ok version "^ferry version [0-9]" -- --version
check_ok version-single-dash "^ferry version [0-9]" -- -version
check_ok help "^usage: ferry \[options\] PROGRAM" -- --help
check_ok help-h "^usage: ferry" -- -h
check_ok log-help "in_asm" -- -d help
check_ok cpu-help "^  cortex-a53$" -- -cpu help
check_ok cpu-help-max "^  max$" -- -cpu help
check unknown-option 1 "^ferry: unknown option '-bogus'" -- -bogus /bin/true
check no-program 1 "^ferry: no program given" --
check missing-arg 1 "^ferry: option '-L' needs an argument" -- -L
check bad-log-item 1 "^ferry: -d: unknown log item 'nonsense'" -- -d nonsense /bin/true
check bad-size 1 "^ferry: -s: invalid stack size" -- -s 12Q /bin/true
FERRY_STACK_SIZE=junk check bad-env 1 "^ferry: FERRY_STACK_SIZE: " -- /bin/true
check bad-cpu 1 "^ferry: -cpu: unknown CPU model 'cortex-z9' (-cpu help lists them)\$" \
    -- -cpu cortex-z9 /bin/true
FERRY_CPU=nope check bad-cpu-env 1 "^ferry: FERRY_CPU: -cpu: unknown CPU model 'nope'" -- /bin/true
check bad-cpu-prop 1 "^ferry: -cpu: CPU property 'sve=on' is not supported\$" \
    -- -cpu max,pauth-impdef=on,sve=on /bin/true

# ---- -cpu models: HWCAPs, ID registers and SIGILL for a feature the model lacks ----
if command -v "$CROSS_CC" >/dev/null 2>&1; then
    cat >"$OUT/cpu.c" <<'EOF'
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
int main(int argc, char **argv)
{
    unsigned long isar0;
    __asm__ volatile("mrs %0, ID_AA64ISAR0_EL1" : "=r"(isar0));
    printf("hwcap=%lx hwcap2=%lx isar0=%lx\n", getauxval(AT_HWCAP), getauxval(AT_HWCAP2), isar0);
    fflush(stdout);
    if (argc > 1 && !strcmp(argv[1], "eor3")) /* FEAT_SHA3: EOR3 v0.16b, v1.16b, v2.16b, v3.16b */
        __asm__ volatile(".inst 0xce020c20" ::: "v0");
    printf("done\n");
    return 0;
}
EOF
    "$CROSS_CC" -O2 -static -o "$OUT/cpu" "$OUT/cpu.c" || bad "cross compile (cpu)"
    "$FERRY" -cpu cortex-a53 "$OUT/cpu" >"$OUT/a53" 2>&1
    "$FERRY" -cpu max "$OUT/cpu" >"$OUT/max" 2>&1
    "$FERRY" "$OUT/cpu" >"$OUT/default" 2>&1
    if grep -q "^hwcap=8fb hwcap2=0 isar0=11120$" "$OUT/a53"; then ok; else
        bad "cortex-a53 hwcap: $(head -n 1 "$OUT/a53")"; fi
    if cmp -s "$OUT/max" "$OUT/default" && ! cmp -s "$OUT/max" "$OUT/a53"; then ok; else
        bad "max is not the default or equals cortex-a53: $(head -n 1 "$OUT/max")"; fi
    "$FERRY" -cpu max "$OUT/cpu" eor3 >"$OUT/stdout" 2>&1
    rc=$?
    if [ "$rc" = 0 ] && grep -q '^done$' "$OUT/stdout"; then ok; else bad "eor3 under max: $rc"; fi
    "$FERRY" -cpu cortex-a53 "$OUT/cpu" eor3 >"$OUT/stdout" 2>&1
    rc=$?
    if [ "$rc" = 132 ] && ! grep -q '^done$' "$OUT/stdout"; then ok; else
        bad "eor3 under cortex-a53: exit status $rc, want 132 (SIGILL)"; fi
    FERRY_CPU=cortex-a53 "$FERRY" "$OUT/cpu" >"$OUT/stdout" 2>&1
    if cmp -s "$OUT/stdout" "$OUT/a53"; then ok; else bad "FERRY_CPU=cortex-a53"; fi
    # qemu's properties that ask for what the model is anyway (a common QEMU_CPU setting)
    QEMU_CPU=max,pauth-impdef=on,sve=off "$FERRY" "$OUT/cpu" >"$OUT/stdout" 2>&1
    if cmp -s "$OUT/stdout" "$OUT/max"; then ok; else bad "QEMU_CPU=max,pauth-impdef=on,sve=off"; fi
    # every model: HWCAP bits, ID register fields and SIGILLs agree feature by feature
    "$CROSS_CC" -O2 -static -o "$OUT/hwcap" tests/guest/aarch64/ext_hwcap.c || bad "cross compile (hwcap)"
    for model in $("$FERRY" -cpu help | sed -n 's/^  //p'); do
        "$FERRY" -cpu "$model" "$OUT/hwcap" >"$OUT/stdout" 2>&1
        rc=$?
        if [ "$rc" = 0 ] && ! grep -qv ': consistent$' "$OUT/stdout"; then ok; else
            bad "-cpu $model: exit status $rc, $(grep -v ': consistent$' "$OUT/stdout" | head -n 3)"; fi
    done
fi

echo "cli: $pass passed, $fail failed"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
