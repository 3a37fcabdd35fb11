# python3 asyncio: tasks, timers, a TCP echo server on loopback, subprocesses of foreign programs.
python3 - <<'PY'
import asyncio
async def echo(reader, writer):
    data = await reader.readline(); writer.write(data.upper()); await writer.drain(); writer.close()
async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection("127.0.0.1", port)
    w.write(b"async hello\n"); await w.drain(); print(await r.readline()); w.close()
    server.close(); await server.wait_closed()
    order = []
    async def later(d, tag):
        await asyncio.sleep(d); order.append(tag)
    await asyncio.gather(later(0.06, "c"), later(0.02, "a"), later(0.04, "b")); print(order)
    p = await asyncio.create_subprocess_exec("sh", "-c", "echo sub; exit 4", stdout=asyncio.subprocess.PIPE)
    out, _ = await p.communicate(); print(out, p.returncode)
    p = await asyncio.create_subprocess_shell("seq 3 | tac", stdout=asyncio.subprocess.PIPE)
    print((await p.communicate())[0].split())
    q = asyncio.Queue()
    async def prod():
        for i in range(5): await q.put(i)
    await prod(); print(sum([q.get_nowait() for _ in range(5)]))
asyncio.run(main())
PY
