# python3 concurrent.futures process pool (fork, pipes, POSIX semaphores in /dev/shm), and a manager-free Value.
python3 - <<'PY'
import concurrent.futures as cf, multiprocessing as mp
def work(n): return sum(i * i for i in range(n))
if __name__ == "__main__":
    mp.set_start_method("fork")
    with cf.ProcessPoolExecutor(max_workers=2) as ex: print(list(ex.map(work, [10, 100, 1000, 10000])))
    v = mp.Value("i", 0); lock = mp.Lock()
    def inc(v, lock):
        for _ in range(500):
            with lock: v.value += 1
    ps = [mp.Process(target=inc, args=(v, lock)) for _ in range(3)]; [p.start() for p in ps]; [p.join() for p in ps]
    print(v.value, [p.exitcode for p in ps])
    s = mp.Semaphore(2); print(s.acquire(), s.acquire(), s.acquire(timeout=0.05))
PY
