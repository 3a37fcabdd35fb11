# perl: regex workload with captures, tr counting, substitutions with expressions, sorting hashes.
perl -e '
my $t = join(" ", map { sprintf("id%05d:%s", $_ * 37 % 10000, ("red", "green", "blue")[$_ % 3]) } 1..20000);
my %n; $n{$2}++ while $t =~ /id(\d+):(\w+)/g; print join(" ", map { "$_=$n{$_}" } sort keys %n), "\n";
(my $u = substr($t, 0, 80)) =~ s/(\d+)/$1 * 2/ge; print "$u\n";
my $c = ($t =~ tr/0-9//); print "digits $c\n";
my @top = (sort { $b->[1] <=> $a->[1] || $a->[0] cmp $b->[0] } map { [$_, length] } split / /, substr($t, 0, 400))[0..2]; print join(",", map { $_->[0] } @top), "\n";
'
