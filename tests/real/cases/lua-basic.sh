# lua5.4: tables, closures, string patterns, integer/float math, coroutines, string.format.
lua5.4 - <<'LUA'
local t = {} for i = 1, 10 do t[#t + 1] = i * i end
print(table.concat(t, ","), #t, math.maxinteger, 7 // 2, 7 / 2, 2 ^ 10, 7 % -3, math.type(1), math.type(1.0))
local function counter() local n = 0 return function() n = n + 1 return n end end
local c = counter(); c(); print(c(), c())
print(string.format("%5.2f|%-5s|%05d|%x|%q", math.pi, "ab", 42, 255, "a\nb"))
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do io.write(k, v, " ") end print()
print(("hello world"):gsub("o", "0"), ("abc"):rep(3, "-"), ("Hello"):upper(), string.byte("A"), utf8.char(233, 8364))
local co = coroutine.create(function(a) local b = coroutine.yield(a + 1) return b * 2 end)
print(coroutine.resume(co, 1)); print(coroutine.resume(co, 10)); print(coroutine.status(co))
local s = {5, 2, 8, 1} table.sort(s, function(x, y) return x > y end) print(table.concat(s, " "))
print(math.floor(-3.5), math.ceil(-3.5), math.sqrt(2), math.sin(1), 1e308 * 10, math.tointeger(3.0))
print(pcall(error, {code = 1}), select("#", 1, nil, 3), tostring(nil), tonumber("0x10"), tonumber("z", 36))
LUA
