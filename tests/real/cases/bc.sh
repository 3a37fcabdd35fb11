# bc: arbitrary precision arithmetic.
echo 'scale=50; 4*a(1)' | bc -l; echo '2^256' | bc; echo 'scale=20; sqrt(2); e(1); l(10)' | bc -l
echo 'define f(n) { if (n < 2) return 1; return n * f(n - 1); } f(40)' | bc
echo 'obase=16; 255; ibase=2; 1010' | bc
