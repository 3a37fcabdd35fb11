# python3: multiprocessing (fork) pool and pipes, os.fork with waitpid statuses.
python3 - <<'PY'
import multiprocessing as mp, os
def sq(x): return x * x
if __name__ == "__main__":
    mp.set_start_method("fork")
    with mp.Pool(3) as p: print(sum(p.map(sq, range(100))))
    a, b = mp.Pipe(); pr = mp.Process(target=lambda c: c.send([1, "two"]), args=(b,)); pr.start(); print(a.recv()); pr.join(); print(pr.exitcode)
    q = mp.Queue(); ps = [mp.Process(target=q.put, args=(i,)) for i in range(4)]; [x.start() for x in ps]; [x.join() for x in ps]
    print(sorted(q.get() for _ in range(4)))
PY
