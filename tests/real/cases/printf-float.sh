# Floating point formatting in several tools (libc printf, python repr, perl, awk, lua).
# bash's printf uses long double, 80-bit on x86-64 and 128-bit on AArch64: %a of the
# same value is spelled differently (0xcp-3 / 0x1.8p+0), so it is left out.
printf '%.17g %.3e %g\n' 0.1 6.02214076e23 1e-300
python3 -c 'print(0.1 + 0.2, 1 / 3, 2 ** 0.5, 1e22, 5e-324, float("inf"), -0.0, 7.0 // 2, 10 / 4)'
perl -e 'print 0.1 + 0.2, " ", 1 / 3, " ", 1e21, " ", -7 % 3, " ", int(-7 / 2), "\n"'
gawk 'BEGIN { print 0.1 + 0.2, 1 / 3, 1e21, 2 ** 64, 17 % 5.5 }'
lua5.4 -e 'print(0.1 + 0.2, 1 / 3, 1e21, 2 ^ 64, 3 // 0.0, -7 // 2, math.huge, string.format("%.14g", 1 / 7))'
