# python3: math, json, re, struct, hashlib, collections.
python3 - <<'PY'
import math, json, re, struct, hashlib, collections, fractions, decimal
print(math.factorial(30), math.pi, math.sqrt(2), math.log(10), math.gamma(5.5), math.fsum([0.1] * 10))
print(json.dumps({"b": [1, 2.5, None, True], "a": "x\u00e9"}, sort_keys=True), json.loads('{"k": [1, {"n": null}]}'))
print(re.findall(r"(\w+)@(\w+)\.com", "a@b.com, cc@dd.com"), re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1b22c333"))
print(struct.pack("<IhQd", 1, -2, 3, 1.5).hex(), struct.unpack(">i", b"\xff\xff\xff\xfe"))
print(hashlib.sha256(b"ferry").hexdigest(), hashlib.md5(b"x" * 1000).hexdigest(), hashlib.blake2b(b"a").hexdigest()[:16])
print(collections.Counter("mississippi").most_common(3), fractions.Fraction(3, 7) + fractions.Fraction(1, 3))
decimal.getcontext().prec = 40; print(decimal.Decimal(2).sqrt())
print(sorted({3, 1, 2}), [x * x for x in range(10) if x % 2], 2 ** 200, divmod(-7, 2), round(2.675, 2), float("nan") != float("nan"))
PY
