# python3: classes, generators, exceptions, dataclasses, closures, unicode.
python3 - <<'PY'
from dataclasses import dataclass, field
import functools, enum, typing
@dataclass(order=True)
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
print(sorted([P(3, 1), P(1, 2), P(1, 1)]))
def gen(n):
    for i in range(n):
        yield i * i
print(sum(gen(1000)), list(zip(gen(3), "abc")))
try:
    {}["k"]
except KeyError as e:
    print("KeyError", e)
try:
    1 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
@functools.lru_cache(None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(200))
class C(enum.Enum):
    R = 1; G = 2
print(list(C), C(2).name)
s = "naïve café ☕ 日本"
print(s.upper(), len(s), s.encode("utf-8").hex()[:20], s[::-1])
print(f"{3.14159:.2f} {1234567:,} {255:#x} {'x':>4}|")
PY
