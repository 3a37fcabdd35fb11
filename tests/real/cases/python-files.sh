# python3: files, pathlib, shutil, tempfile, tarfile, zipfile, os.walk.
python3 - <<'PY'
import pathlib, shutil, tempfile, tarfile, zipfile, os, hashlib
p = pathlib.Path("tree"); (p / "a" / "b").mkdir(parents=True)
for i in range(5): (p / "a" / f"f{i}.txt").write_text(f"file {i}\n" * (i + 1))
(p / "a" / "b" / "deep").write_bytes(bytes(range(256)))
print(sorted(str(x) for x in p.rglob("*")))
shutil.copytree("tree", "copy"); print(sum(len(f) for _, _, f in os.walk("copy")))
with tarfile.open("t.tar.gz", "w:gz") as t: t.add("tree")
with tarfile.open("t.tar.gz") as t: print(sorted(t.getnames()))
with zipfile.ZipFile("z.zip", "w", zipfile.ZIP_DEFLATED) as z: z.write("tree/a/f3.txt")
with zipfile.ZipFile("z.zip") as z: print(z.read("tree/a/f3.txt").decode().count("file"))
with tempfile.TemporaryDirectory(dir=".") as d: open(os.path.join(d, "x"), "w").write("t"); print(os.listdir(d))
print(hashlib.sha1(pathlib.Path("tree/a/b/deep").read_bytes()).hexdigest())
st = os.stat("tree/a/f0.txt"); print(st.st_size, oct(st.st_mode & 0o777) in ("0o644", "0o664"))
PY
