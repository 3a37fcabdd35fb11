# python3: zlib, gzip, bz2, lzma, sqlite3, csv, datetime (UTC), itertools, random with a seed.
python3 - <<'PY'
import zlib, gzip, bz2, lzma, sqlite3, csv, io, datetime, itertools, random, base64, textwrap, difflib
data = b"ferry " * 1000
print(zlib.crc32(data), len(zlib.compress(data, 9)), bz2.decompress(bz2.compress(data)) == data, lzma.decompress(lzma.compress(data)) == data, gzip.decompress(gzip.compress(data)) == data)
db = sqlite3.connect(":memory:"); db.execute("create table t(a, b)"); db.executemany("insert into t values (?, ?)", [(i, i * i) for i in range(100)])
print(db.execute("select count(*), sum(b), avg(a) from t").fetchone())
s = io.StringIO(); csv.writer(s).writerows([["a", "b,c"], [1, 2]]); print(repr(s.getvalue()))
print(datetime.datetime.fromtimestamp(1e9, datetime.timezone.utc).isoformat(), datetime.date(2024, 3, 1) - datetime.date(2024, 2, 1))
print(list(itertools.permutations("abc", 2))[:4], list(itertools.accumulate(range(6))))
random.seed(42); print(random.randint(0, 10 ** 9), random.random(), random.sample(range(100), 5))
print(base64.b85encode(b"ferry"), textwrap.wrap("the quick brown fox jumps over the lazy dog", 12))
print(list(difflib.unified_diff(["a\n", "b\n"], ["a\n", "c\n"])))
PY
