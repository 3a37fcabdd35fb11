# perl: a script reading files, closures, sprintf, sort numerically, local time in UTC, here-docs.
seq 1 50 > nums
cat > p.pl <<'PL'
use strict; use warnings;
open(my $fh, "<", "nums") or die; my @n = <$fh>; close $fh; chomp @n;
my $sum = 0; $sum += $_ for @n; printf "n=%d sum=%d max=%d\n", scalar @n, $sum, (sort { $b <=> $a } @n)[0];
my @subs = map { my $k = $_; sub { $k * shift } } 1..3; print join(",", map { $_->(10) } @subs), "\n";
my @t = gmtime(1234567890); printf "%04d-%02d-%02d %02d:%02d:%02d\n", $t[5] + 1900, $t[4] + 1, @t[3, 2, 1, 0];
my %c; $c{$_ % 7}++ for @n; print join(" ", map { "$_:$c{$_}" } sort keys %c), "\n";
print <<"END";
interpolated $sum
END
my $out = `echo from-backticks | tr a-z A-Z`; print $out;
system("sh", "-c", "exit 3"); print "system ", $? >> 8, "\n";
PL
perl p.pl
