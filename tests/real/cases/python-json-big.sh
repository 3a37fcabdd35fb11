# python3: a larger JSON document written by python, read by python and checked by a sha256.
python3 - <<'PY'
import json, hashlib
doc = {"items": [{"id": i, "name": f"item{i}", "price": round(i * 1.07, 2), "tags": ["t%d" % (i % 7)] * (i % 3)} for i in range(5000)]}
s = json.dumps(doc, indent=1, sort_keys=True)
open("d.json", "w").write(s)
back = json.load(open("d.json"))
print(len(s), hashlib.sha256(s.encode()).hexdigest(), back == doc, sum(x["price"] for x in back["items"]))
PY
