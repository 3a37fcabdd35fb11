# perl: regex, sort, pack/unpack, sprintf, hashes, local, sprintf of floats.
perl -e '
my @w = sort { length($a) <=> length($b) or $a cmp $b } qw(pear fig banana kiwi apple);
print "@w\n";
my %h = map { $_ => length } @w; print join(",", map {"$_=$h{$_}"} sort keys %h), "\n";
my $s = "2024-03-15 and 1999-12-31"; my @d = $s =~ /(\d{4})-(\d\d)-(\d\d)/g; print "@d\n";
(my $t = "hello world") =~ s/(\w+)/\u$1/g; print "$t\n";
print unpack("H*", pack("NnC", 0xdeadbeef, 513, 7)), " ", join(",", unpack("w*", pack("w*", 1, 300, 70000))), "\n";
printf("%.3f %e %g %05.1f %x %o %b %s\n", 3.14159, 1234.5, 0.00001234, 2.25, 255, 8, 10, "str");
print join(" ", map { $_ ** 2 } grep { $_ % 2 } 1..9), "\n";
print scalar(reverse("abc")), " ", lc("ABC"), " ", uc("def"), " ", sprintf("%vd", "1.22.333"), "\n";
'
