# python3: time and locale-free formatting with fixed timestamps; timers and sleep ordering.
python3 - <<'PY'
import time, calendar, threading, sched
print(time.strftime("%Y-%m-%d %H:%M:%S %A", time.gmtime(1e9)), calendar.timegm((2001, 9, 9, 1, 46, 40, 0, 0, 0)))
print(calendar.month(2024, 2))
t0 = time.monotonic(); time.sleep(0.05); print(time.monotonic() - t0 >= 0.05)
out = []; ts = [threading.Timer(d, out.append, args=(d,)) for d in (0.15, 0.05, 0.1)]; [t.start() for t in ts]; [t.join() for t in ts]; print(out)
print(time.perf_counter_ns() > 0, time.process_time() >= 0, time.time() > 1.6e9)
PY
