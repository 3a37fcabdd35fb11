# python3: a regex-heavy text workload (tokenizer over generated text), sorting, counting.
python3 - <<'PY'
import re, collections
words = ["alpha", "beta", "gamma", "delta", "epsilon"]
text = " ".join(f"{words[i % 5]}{i % 17}={i * 31 % 997};" for i in range(20000))
tok = re.compile(r"(?P<name>[a-z]+)(?P<n>\d+)=(?P<v>\d+);")
c = collections.Counter(); s = 0
for m in tok.finditer(text):
    c[m.group("name")] += 1; s += int(m.group("v"))
print(c.most_common(), s)
print(len(re.split(r"[;=]", text)), re.search(r"gamma1(\d)=(\d+)", text).groups())
print(re.sub(r"(\w+?)(\d+)=", r"\2:\1=", text[:60]))
PY
