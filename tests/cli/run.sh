#!/bin/sh
# Command-line checks for build/ferry: programs that cannot be run (missing,
# not ELF, truncated, x86-64, no interpreter, ...) each give exactly one
# line on stderr and the exit status a shell would give (127/126); --help and
# --version exit 0; bad options give one line and exit 1; argv, -0, -E, -U
# reach the guest; every qemu-user option and its FERRY_* / QEMU_* variable
# does what it does under qemu-user (-s, -E/-U/-0, -L, -cpu, -B/-R, -d/-D,
# -strace, -one-insn-per-tb/-singlestep, -r, -seed, -p); `make install PREFIX=...` installs
# programs that run and a man page that renders.
# Ends with `N passed, N failed`; non-zero exit on failure.
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

    # ---- qemu-user parity: each option, its FERRY_* and its QEMU_* variable ----
    cat >"$OUT/deep.c" <<'EOF'
/* Recursion 20 MiB deep (more than the default 8 MiB stack); prints the
 * size of its [stack] mapping in MiB and "ok" when it comes back. */
#include <stdio.h>
#include <string.h>
static int deep(int n)
{
    volatile char frame[1024];
    memset((char *)frame, n, sizeof(frame));
    return n ? deep(n - 1) + (frame[7] == (char)n) : 0;
}
int main(void)
{
    char line[512];
    unsigned long lo, hi, mib = 0;
    FILE *f = fopen("/proc/self/maps", "r");
    while (f && fgets(line, sizeof(line), f))
        if (strstr(line, "[stack]") && sscanf(line, "%lx-%lx", &lo, &hi) == 2)
            mib = (hi - lo) >> 20;
    printf("stack %luM\n", mib);
    fflush(stdout);
    printf("%s\n", deep(20 * 1024) == 20 * 1024 ? "ok" : "wrong");
    return 0;
}
EOF
    "$CROSS_CC" -O1 -static -o "$OUT/deep" "$OUT/deep.c" || bad "cross compile (deep)"
    # run_expect NAME STATUS STDOUT -- [VAR=value...] CMD...: exit status and stdout of CMD.
    run_expect() {
        name=$1 want_rc=$2 want_out=$3
        shift 4
        env "$@" >"$OUT/stdout" 2>"$OUT/stderr"
        rc=$?
        if [ "$rc" != "$want_rc" ]; then
            bad "$name: exit status $rc, want $want_rc ($(head -c 200 "$OUT/stderr"))"
        elif [ "$(cat "$OUT/stdout")" != "$want_out" ]; then
            bad "$name: stdout '$(head -c 200 "$OUT/stdout")', want '$want_out'"
        else
            ok
        fi
    }
    # run_how HOW ARGS...: ferry with HOW, options ("-x ...") or variables ("VAR=v ..."),
    # then ARGS; stdout and stderr to $OUT; returns ferry's exit status.
    run_how() {
        how=$1
        shift
        case $how in
        -*) "$FERRY" $how "$@" ;;
        *) env $how "$FERRY" "$@" ;;
        esac >"$OUT/stdout" 2>"$OUT/stderr"
    }
    # -s: the default stack (8M) overflows (SIGSEGV, as under qemu-aarch64), 64M does not.
    run_expect "default stack" 139 "stack 8M" -- sh -c "exec '$FERRY' '$OUT/deep' 2>/dev/null"
    for how in "-s 64M" "FERRY_STACK_SIZE=64M" "QEMU_STACK_SIZE=64M"; do
        run_how "$how" "$OUT/deep"
        rc=$?
        if [ "$rc" = 0 ] && [ "$(cat "$OUT/stdout")" = "stack 64M
ok" ]; then ok; else bad "$how: exit status $rc, stdout '$(cat "$OUT/stdout")'"; fi
    done
    run_expect "-s wins over QEMU_STACK_SIZE" 0 "stack 64M
ok" -- QEMU_STACK_SIZE=1M "$FERRY" -s 64M "$OUT/deep"
    # -E / -U / -0 and their QEMU_* variables; FERRY_* wins over QEMU_*, options over both.
    want_args="argv[0]=zero
argv[1]=x
FOO=inner BAR=(unset)"
    run_expect "QEMU_SET_ENV, QEMU_UNSET_ENV, QEMU_ARGV0" 7 "$want_args" -- FERRY_CLI_BAR=b \
        QEMU_SET_ENV=FERRY_CLI_FOO=inner,OTHER=1 QEMU_UNSET_ENV=FERRY_CLI_BAR QEMU_ARGV0=zero \
        "$FERRY" "$OUT/args" x
    run_expect "-E/-U lists" 7 "$want_args" -- FERRY_CLI_BAR=b "$FERRY" -E FERRY_CLI_FOO=a,X=1 \
        -E FERRY_CLI_FOO=inner -U X,FERRY_CLI_BAR -0 zero "$OUT/args" x
    run_expect "FERRY_ARGV0 wins over QEMU_ARGV0" 7 "argv[0]=zero
FOO=(unset) BAR=(unset)" -- FERRY_ARGV0=zero QEMU_ARGV0=other "$FERRY" "$OUT/args"
    run_expect "-0 wins over FERRY_ARGV0" 7 "argv[0]=zero
FOO=(unset) BAR=(unset)" -- FERRY_ARGV0=other "$FERRY" -0 zero "$OUT/args"
    # -L / QEMU_LD_PREFIX
    if [ -d /usr/aarch64-linux-gnu ]; then
        run_expect "QEMU_LD_PREFIX" 7 "argv[0]=$OUT/args-dyn
FOO=(unset) BAR=(unset)" -- QEMU_LD_PREFIX=/usr/aarch64-linux-gnu "$FERRY" "$OUT/args-dyn"
    fi
    if [ ! -e /lib/ld-linux-aarch64.so.1 ]; then
        mkdir -p "$OUT/empty-root"
        QEMU_LD_PREFIX=$OUT/empty-root check "QEMU_LD_PREFIX empty" 127 \
            "^ferry: $OUT/args-dyn: interpreter /lib/ld-linux-aarch64.so.1 not found" -- "$OUT/args-dyn"
    fi
    # -cpu max (-cpu help lists the models).
    for how in "-cpu max" "QEMU_CPU=max"; do
        run_how "$how" "$OUT/args"
        rc=$?
        [ "$rc" = 7 ] && grep -qx "argv\[0\]=$OUT/args" "$OUT/stdout" && ok ||
            bad "$how: exit status $rc ($(head -c 200 "$OUT/stderr"))"
    done
    # -B / -R: the window at that host address, of that size, the stack at its top.
    for how in "-B 0x200000000000 -R 8G" "FERRY_GUEST_BASE=0x200000000000 FERRY_RESERVED_VA=8G" \
        "QEMU_GUEST_BASE=0x200000000000 QEMU_RESERVED_VA=8G"; do
        run_how "$how" -d page "$OUT/args"
        rc=$?
        top=$(sed -n 's/^stack_top *0x//p' "$OUT/stderr")
        if [ "$rc" = 7 ] && grep -qx "guest_base  0x200000000000" "$OUT/stderr" &&
            grep -qx "window      0x200000000" "$OUT/stderr" && [ -n "$top" ] &&
            [ $((0x$top)) -le $((0x200000000)) ] && grep -q "^argv\[0\]=" "$OUT/stdout"; then
            ok
        else
            bad "$how: exit status $rc: $(head -c 300 "$OUT/stderr")"
        fi
    done
    run_expect "-R 4G" 7 "argv[0]=$OUT/args
FOO=(unset) BAR=(unset)" -- "$FERRY" -R 4G "$OUT/args"
    check "-B not page-aligned" 1 "^ferry: -B: guest base 0x1001 is not page-aligned\$" -- \
        -B 0x1001 "$OUT/args"
    check "-B not a number" 1 "^ferry: -B: invalid address 'high'\$" -- -B high "$OUT/args"
    check "-R too small" 1 "^ferry: -R: invalid size '64k' (at least 1M)\$" -- -R 64k "$OUT/args"
    QEMU_RESERVED_VA=lots check "QEMU_RESERVED_VA invalid" 1 \
        "^ferry: QEMU_RESERVED_VA: -R: invalid size 'lots'" -- "$OUT/args"
    check "-B out of reach" 1 "^ferry: cannot reserve the guest address space (.* at the -B address)" \
        -- -B 0x7fff00000000 "$OUT/args"
    # -d in_asm,op -D FILE: the log in FILE, nothing on stderr; the same from variables.
    for how in "-d in_asm,op -D $OUT/log" "QEMU_LOG=in_asm,op QEMU_LOG_FILENAME=$OUT/log" \
        "FERRY_LOG=in_asm,op FERRY_LOG_FILENAME=$OUT/log"; do
        rm -f "$OUT/log"
        run_how "$how" "$OUT/args"
        rc=$?
        if [ "$rc" = 7 ] && [ ! -s "$OUT/stderr" ] && grep -q "^IN:" "$OUT/log" &&
            grep -q "^OP:" "$OUT/log" && grep -q "^0x0*400[0-9a-f]*: " "$OUT/log" &&
            grep -qx "argv\[0\]=$OUT/args" "$OUT/stdout"; then
            ok
        else
            bad "$how: exit status $rc, stderr '$(head -c 200 "$OUT/stderr")'"
        fi
    done
    # -d in_asm: IN before OP (as qemu logs them); BTI named; a word capstone does not know
    # printed as .inst.
    printf '%s\n' '.globl _start' '_start: bti c' 'hint #38' 'nop' '.inst 0x00000000' \
        >"$OUT/inasm.S"
    "$CROSS_CC" -nostdlib -static -o "$OUT/inasm" "$OUT/inasm.S" || bad "cross compile (inasm)"
    rm -f "$OUT/log"
    "$FERRY" -d in_asm,op -D "$OUT/log" "$OUT/inasm" >/dev/null 2>&1
    if [ "$(grep -m2 -E '^(IN|OP):' "$OUT/log" | tr '\n' ' ')" = "IN: OP: " ] &&
        grep -q ':  hint  *#0x22  // bti c$' "$OUT/log" &&
        grep -q ':  hint  *#0x26  // bti jc$' "$OUT/log" &&
        grep -q ':  \.inst  *0x00000000$' "$OUT/log" && grep -q ':  nop' "$OUT/log"; then
        ok
    else
        bad "-d in_asm: order, BTI or .inst: $(head -c 300 "$OUT/log")"
    fi
    # -strace (and QEMU_STRACE), on stderr, or in the -D log.
    for how in "-strace" "QEMU_STRACE=1" "-strace -D $OUT/log"; do
        rm -f "$OUT/log"
        run_how "$how" "$OUT/args"
        rc=$?
        trace=$OUT/stderr
        [ -e "$OUT/log" ] && trace=$OUT/log
        if [ "$rc" = 7 ] && grep -q "^[0-9]* write(1,0x[0-9a-f]*,[0-9]*)" "$trace" &&
            grep -q "^[0-9]* exit_group(7)" "$trace"; then
            ok
        else
            bad "$how: exit status $rc, trace '$(head -c 200 "$trace")'"
        fi
    done
    # -r (QEMU_UNAME), -seed (QEMU_RAND_SEED), also in a program the guest execs; -p checked.
    cat >"$OUT/uname.c" <<'EOF'
/* Prints uname's release and the first AT_RANDOM bytes; with an argument,
 * then runs itself again (execve) without one. */
#include <stdio.h>
#include <sys/auxv.h>
#include <sys/utsname.h>
#include <unistd.h>
int main(int argc, char **argv)
{
    struct utsname u;
    const unsigned char *r = (const unsigned char *)getauxval(AT_RANDOM);
    uname(&u);
    printf("%s %02x%02x%02x%02x%02x%02x%02x%02x\n", u.release, r[0], r[1], r[2], r[3], r[4],
           r[5], r[6], r[7]);
    fflush(stdout);
    if (argc > 1)
        execl(argv[0], argv[0], (char *)NULL);
    return 0;
}
EOF
    "$CROSS_CC" -O2 -static -o "$OUT/uname" "$OUT/uname.c" || bad "cross compile (uname)"
    for how in "-r 2.6.32 -seed 42" "QEMU_UNAME=2.6.32 QEMU_RAND_SEED=42" \
        "FERRY_UNAME=2.6.32 FERRY_RAND_SEED=0x2a"; do
        run_how "$how" "$OUT/uname" again
        rc=$?
        cp "$OUT/stdout" "$OUT/uname.1"
        run_how "$how" "$OUT/uname"
        first=$(head -n 1 "$OUT/uname.1")
        if [ "$rc" = 0 ] && [ "$(sed -n 2p "$OUT/uname.1")" = "$first" ] &&
            [ "$(cat "$OUT/stdout")" = "$first" ] && [ "${first%% *}" = 2.6.32 ]; then
            ok
        else
            bad "$how: exit status $rc, '$(cat "$OUT/uname.1" "$OUT/stdout")'"
        fi
    done
    "$FERRY" "$OUT/uname" >"$OUT/uname.1" 2>&1
    "$FERRY" "$OUT/uname" >"$OUT/uname.2" 2>&1
    if [ "$(cut -d' ' -f1 "$OUT/uname.1")" = "$(uname -r)" ] && ! cmp -s "$OUT/uname.1" "$OUT/uname.2"; then
        ok
    else
        bad "without -r/-seed: '$(cat "$OUT/uname.1" "$OUT/uname.2")'"
    fi
    run_how "-p 4096" "$OUT/uname" && [ -s "$OUT/stdout" ] && ok || bad "-p 4096"
    check "-p not a power of two" 1 "^ferry: -p: page size '3000' is not a power of two\$" -- \
        -p 3000 "$OUT/uname"
    check "-seed not a number" 1 "^ferry: -seed: invalid seed 'x'\$" -- -seed x "$OUT/uname"
    # -one-insn-per-tb, -singlestep and their variables: blocks of one instruction.
    for how in "-one-insn-per-tb" "-singlestep" "QEMU_SINGLESTEP=1" "QEMU_ONE_INSN_PER_TB=1"; do
        run_how "$how" -d in_asm -D "$OUT/log" "$OUT/args" x
        rc=$?
        # (capstone prints nothing for a few newer encodings such as BTI: blocks of 0 lines)
        blocks=$(grep -c "^IN:" "$OUT/log")
        long=$(awk '/^IN:/ { n = 0 } /^0x/ && ++n == 2 { c++ } END { print c + 0 }' "$OUT/log")
        if [ "$rc" = 7 ] && [ "$blocks" -gt 100 ] && [ "$long" = 0 ] &&
            grep -qx "argv\[1\]=x" "$OUT/stdout"; then
            ok
        else
            bad "$how: exit status $rc, $long of $blocks blocks with more than one instruction"
        fi
    done
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

# ---- make install PREFIX=... (from the source tree, with a built ferry) ----
if [ -f Makefile ] && [ -f docs/ferry.1 ] && [ -x "$OUT/args" ]; then
    prefix=$(pwd)/$OUT/prefix
    rm -rf "$prefix"
    if make --no-print-directory -s install PREFIX="$prefix" >"$OUT/install.log" 2>&1 &&
        [ -x "$prefix/bin/ferry" ] && [ -x "$prefix/bin/ferry-static" ] &&
        [ -f "$prefix/share/man/man1/ferry.1" ]; then
        ok
    else
        bad "make install PREFIX=$prefix: $(tail -n 3 "$OUT/install.log")"
    fi
    # The man page: groff parses it without a warning, man renders it.
    if command -v groff >/dev/null 2>&1; then
        groff -man -ww -z "$prefix/share/man/man1/ferry.1" >"$OUT/groff.out" 2>&1
        [ $? = 0 ] && [ ! -s "$OUT/groff.out" ] && ok || bad "groff -man: $(head -n 3 "$OUT/groff.out")"
    else
        echo "cli: groff missing, man page not parsed"
    fi
    if command -v man >/dev/null 2>&1; then
        MANWIDTH=100 man -l "$prefix/share/man/man1/ferry.1" >"$OUT/man.out" 2>&1
        grep -q "run Linux programs built for other CPUs" "$OUT/man.out" &&
            grep -q "QEMU_RESERVED_VA" "$OUT/man.out" && ok || bad "man -l: $(head -n 3 "$OUT/man.out")"
    fi
    # The installed programs run a guest.
    for f in ferry ferry-static; do
        "$prefix/bin/$f" "$OUT/args" x >"$OUT/stdout" 2>"$OUT/stderr"
        rc=$?
        [ "$rc" = 7 ] && grep -qx "argv\[1\]=x" "$OUT/stdout" && ok ||
            bad "installed $f: exit status $rc ($(head -c 200 "$OUT/stderr"))"
    done
    # binfmt: ferry-static beside ferry by default, --path overrides, ferry itself without it.
    "$prefix/bin/ferry" binfmt config >"$OUT/config" 2>&1
    grep -q ":$prefix/bin/ferry-static:POCF\$" "$OUT/config" && ok || bad "binfmt default: $(cat "$OUT/config")"
    "$prefix/bin/ferry" binfmt config --path "$prefix/bin/ferry" >"$OUT/config" 2>&1
    grep -q ":$prefix/bin/ferry:POCF\$" "$OUT/config" && ok || bad "binfmt --path: $(cat "$OUT/config")"
    rm -f "$prefix/bin/ferry-static"
    "$prefix/bin/ferry" binfmt config >"$OUT/config" 2>&1
    grep -q ":$prefix/bin/ferry:POCF\$" "$OUT/config" && ok ||
        bad "binfmt without ferry-static: $(cat "$OUT/config")"
    rm -rf "$prefix"
fi

echo "cli: $pass passed, $fail failed"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
