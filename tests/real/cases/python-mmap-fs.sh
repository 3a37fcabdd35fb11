# python3 mmap (shared file mapping seen by a child), os.sendfile, os.copy_file_range, fcntl locks, select on pipes.
python3 - <<'PY'
import mmap, os, fcntl, select
with open("m.bin", "wb") as f: f.write(b"\0" * 8192)
with open("m.bin", "r+b") as f:
    m = mmap.mmap(f.fileno(), 8192)
    m[0:5] = b"hello"
    pid = os.fork()
    if pid == 0:
        m[4096:4101] = b"child"; m.flush(); os._exit(0)
    os.waitpid(pid, 0); print(m[0:5], m[4096:4101], m.find(b"child")); m.close()
src = os.open("m.bin", os.O_RDONLY); dst = os.open("copy.bin", os.O_WRONLY | os.O_CREAT, 0o644)
print(os.sendfile(dst, src, 0, 4096), os.copy_file_range(src, dst, 4096, 0, 4096)); os.close(dst)
print(open("copy.bin", "rb").read() == open("m.bin", "rb").read())
fd = os.open("m.bin", os.O_RDWR); fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB); print("locked")
pid = os.fork()
if pid == 0:
    try: fcntl.lockf(os.open("m.bin", os.O_RDWR), fcntl.LOCK_EX | fcntl.LOCK_NB); os._exit(1)
    except OSError: os._exit(7)
print("child lock", os.waitpid(pid, 0)[1] >> 8)
r, w = os.pipe(); print(select.select([r], [], [], 0)[0]); os.write(w, b"x"); print(select.select([r], [w], [], 1)[0:2] == ([r], [w]))
p = select.poll(); p.register(r, select.POLLIN); print(p.poll(100))
ep = select.epoll(); ep.register(r, select.EPOLLIN); print(ep.poll(1))
PY
