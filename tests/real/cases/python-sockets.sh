# python3: AF_UNIX socketpair with fd passing, AF_INET loopback server and client in threads, select.
python3 - <<'PY'
import socket, threading, os, select, array
a, b = socket.socketpair(); a.sendall(b"ping"); print(b.recv(10))
r, w = os.pipe(); os.write(w, b"through-fd")
a.sendmsg([b"x"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [r]))])
msg, anc, flags, addr = b.recvmsg(10, socket.CMSG_LEN(4))
fd = array.array("i", anc[0][2])[0]; print(msg, os.read(fd, 20))
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); srv.bind(("127.0.0.1", 0)); srv.listen()
port = srv.getsockname()[1]
def serve():
    c, _ = srv.accept()
    with c:
        data = c.recv(100); c.sendall(data.upper())
t = threading.Thread(target=serve); t.start()
c = socket.create_connection(("127.0.0.1", port)); c.sendall(b"hello tcp")
print(select.select([c], [], [], 5)[0] == [c], c.recv(100)); c.close(); t.join()
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", 0)); u.sendto(b"dgram", u.getsockname()); print(u.recvfrom(10)[0])
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM)[0][4], socket.inet_aton("1.2.3.4"), socket.htons(1))
PY
