# python3: subprocess starting foreign programs, pipes between them, os functions.
python3 - <<'PY'
import subprocess, os, sys
print(subprocess.run(["seq", "3"], capture_output=True, text=True).stdout.split())
p = subprocess.run("echo abc | tr a-z A-Z; exit 3", shell=True, capture_output=True, text=True)
print(p.returncode, p.stdout.strip())
p1 = subprocess.Popen(["printf", "b\\na\\nc\\n"], stdout=subprocess.PIPE)
p2 = subprocess.Popen(["sort"], stdin=p1.stdout, stdout=subprocess.PIPE); p1.stdout.close()
print(p2.communicate()[0].decode().split(), p2.returncode)
print(subprocess.check_output([sys.executable, "-c", "print(6*7)"]).decode().strip())
r, w = os.pipe(); pid = os.fork()
if pid == 0:
    os.close(r); os.write(w, b"child"); os._exit(5)
os.close(w); print(os.read(r, 10), os.waitpid(pid, 0)[1] >> 8)
os.makedirs("x/y"); open("x/y/f", "w").write("hi"); print(sorted(os.listdir("x")), os.path.getsize("x/y/f"), os.path.exists("nope"))
PY
