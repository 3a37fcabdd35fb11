# perl: core modules (List::Util, Digest::MD5, MIME::Base64, POSIX, Data::Dumper, JSON::PP, Time::Local).
perl -MList::Util=sum,max,min,first,shuffle -MDigest::MD5=md5_hex -MMIME::Base64 -MPOSIX=floor,ceil,fmod,strftime -MData::Dumper -MJSON::PP -MTime::Local -e '
print sum(1..100), " ", max(3, 9, 2), " ", min(3, 9, 2), " ", first { $_ > 3 } (1..10); print "\n";
print md5_hex("ferry"), " ", encode_base64("hello world");
print floor(-2.5), " ", ceil(2.1), " ", fmod(10, 3), " ", strftime("%Y/%m/%d", gmtime(0)), "\n";
$Data::Dumper::Sortkeys = 1; $Data::Dumper::Indent = 1; print Dumper({a => [1, 2], b => {c => undef}});
print JSON::PP->new->canonical->encode({x => [1, "two", 3.5], y => JSON::PP::true}), "\n";
print timegm(0, 0, 0, 1, 0, 2000), "\n";
'
