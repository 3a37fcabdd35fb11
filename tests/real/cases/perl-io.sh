# perl: fork, pipes, open to and from commands, sysopen, seek, binmode, sort of a big list.
perl -e '
pipe(R, W); my $pid = fork; if (!$pid) { close R; print W "from child\n"; exit 3 } close W; print scalar <R>; waitpid($pid, 0); print "child ", $? >> 8, "\n";
open(my $p, "-|", "seq", "3") or die; print "seq: ", join(",", map { chomp; $_ } <$p>), "\n"; close $p;
open(my $q, "|-", "tr a-z A-Z") or die; print $q "piped out\n"; close $q;
open(my $f, "+>", "rw.bin") or die; binmode $f; print $f pack("N*", 1..10); seek($f, 8, 0); read($f, my $b, 4); print unpack("N", $b), "\n";
my @r = sort { $a <=> $b } map { ($_ * 7919) % 10007 } 1..20000; print "$r[0] $r[-1] ", scalar(@r), "\n";
'
