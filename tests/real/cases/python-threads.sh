# python3: threads with a lock, a queue and a condition; a thread pool.
python3 - <<'PY'
import threading, queue, concurrent.futures
total = 0
lock = threading.Lock()
def work(n):
    global total
    for i in range(n):
        with lock:
            total += i
ts = [threading.Thread(target=work, args=(20000,)) for _ in range(4)]
[t.start() for t in ts]; [t.join() for t in ts]
print("total", total)
q = queue.Queue()
def producer():
    for i in range(100): q.put(i)
    q.put(None)
out = []
def consumer():
    while (v := q.get()) is not None: out.append(v * 2)
a = threading.Thread(target=producer); b = threading.Thread(target=consumer); a.start(); b.start(); a.join(); b.join()
print("queue", sum(out), len(out))
with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
    print("pool", list(ex.map(lambda x: x ** 3, range(10))))
ev = threading.Event(); r = []
t = threading.Thread(target=lambda: (ev.wait(), r.append("woke"))); t.start(); ev.set(); t.join(); print(r, threading.active_count())
PY
