# python3 ctypes: libc calls, structures, and callbacks (libffi closures) from qsort.
python3 - <<'PY'
import ctypes, ctypes.util
libc = ctypes.CDLL(ctypes.util.find_library("c"))
print(libc.strlen(b"hello ctypes"), libc.abs(-42), libc.atoi(b"1234"))
buf = ctypes.create_string_buffer(32); libc.snprintf(buf, 32, b"%d-%s-%.2f", 7, b"x", ctypes.c_double(2.5)); print(buf.value)
CMP = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int))
arr = (ctypes.c_int * 8)(5, 3, 8, 1, 9, 2, 7, 4)
libc.qsort(arr, 8, ctypes.sizeof(ctypes.c_int), CMP(lambda a, b: a[0] - b[0]))
print(list(arr))
class P(ctypes.Structure):
    _fields_ = [("x", ctypes.c_short), ("y", ctypes.c_double), ("z", ctypes.c_char * 3)]
print(ctypes.sizeof(P), P.y.offset, P.z.offset, ctypes.sizeof(ctypes.c_long), ctypes.sizeof(ctypes.c_longdouble) in (16,))
PY
