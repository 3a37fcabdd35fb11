# lua5.4: io and os: files, lines, popen of a foreign program, os.time with a UTC table.
lua5.4 -e '
local f = assert(io.open("f.txt", "w")) for i = 1, 5 do f:write("line ", i, "\n") end f:close()
local n = 0 for l in io.lines("f.txt") do n = n + #l end print("chars", n)
local p = io.popen("seq 4 | tac") print(p:read("a")) p:close()
print(os.date("!%Y-%m-%d %H:%M:%S", 0), os.time({year = 2000, month = 1, day = 1, hour = 0}) ~= nil)
print(os.rename("f.txt", "g.txt"), io.open("f.txt") == nil, os.remove("g.txt"))
print(os.getenv("LC_ALL"), os.execute("exit 3"))
'
