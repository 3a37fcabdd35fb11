# lua5.4: string.pack, utf8, goto, integer division and overflow, metatables, os/io pipes for writing.
lua5.4 -e '
local s = string.pack("<i4 d s1", -7, 1.5, "hi") print(#s, string.unpack("<i4 d s1", s))
for p, c in utf8.codes("héllo") do io.write(c, " ") end print(utf8.len("héllo"))
print(math.maxinteger + 1 == math.mininteger, 7 // -2, -7 % 3, 1 // 0.0, 2^63 == math.maxinteger + 1.0)
local V = setmetatable({}, {__index = function(t, k) return k * 2 end, __call = function(self, x) return x + 1 end}) print(V[21], V(41))
local i = 0 ::top:: i = i + 1 if i < 3 then goto top end print("goto", i)
local p = io.popen("sort -r", "w") p:write("a\nc\nb\n") p:close()
print(string.format("%q", 1/3), string.format("%a", 1.0), tostring(2^53))
'
