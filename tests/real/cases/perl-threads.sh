# perl ithreads and Thread::Queue, shared variables with locks.
perl -Mthreads -Mthreads::shared -MThread::Queue -e '
my $q = Thread::Queue->new; my $total :shared = 0;
my @w = map { threads->create(sub { while (defined(my $n = $q->dequeue)) { lock($total); $total += $n * $n } }) } 1..3;
$q->enqueue($_) for 1..200; $q->end; $_->join for @w; print "total $total\n";
my @r = map { threads->create(sub { my $x = shift; return $x * 2 }, $_) } 1..4; print join(",", map { $_->join } @r), "\n";
'
