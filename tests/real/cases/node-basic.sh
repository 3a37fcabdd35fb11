# Node (V8's JIT: code written and run in guest memory, many threads): JSON, closures, a hot loop
# the JIT compiles, the order of ticks, microtasks and timers, zlib (sync and on the thread
# pool), crypto.
node -e '
const zlib = require("zlib");
const data = JSON.parse("{\"a\":[1,2,3],\"b\":{\"c\":\"d\"},\"e\":null,\"f\":1.5e3}");
data.g = data.a.map(x => x * 2);
console.log(JSON.stringify(data), Object.keys(data).length);
function counter() { let n = 0; return () => ++n; }
const c = counter(); c(); c();
console.log("closure", c());
function hot(n) { let s = 0; for (let i = 0; i < n; i++) s = (s + i * 7) % 1000003; return s; }
let t = 0; for (let r = 0; r < 300; r++) t += hot(20000);
console.log("hot", t);
const order = [];
const buf = Buffer.from("hello zlib ".repeat(1000));
setTimeout(() => order.push("timeout0"), 0);
setTimeout(() => {
    order.push("timeout10");
    console.log("order", order.join(" "));
    zlib.gzip(buf, (err, out) => console.log("async gzip", err, zlib.gunzipSync(out).length));
}, 10);
Promise.resolve().then(() => order.push("micro1")).then(() => order.push("micro2"));
process.nextTick(() => order.push("tick"));
queueMicrotask(() => order.push("micro3"));
order.push("sync");
const z = zlib.gzipSync(buf);
console.log("zlib", buf.length, zlib.gunzipSync(z).equals(buf), zlib.inflateSync(zlib.deflateSync(buf)).length);
console.log("sha256", require("crypto").createHash("sha256").update("abc").digest("hex"));
'
echo "status $?"
node -e 'let a = []; for (let i = 0; i < 200000; i++) a.push({i, s: "x" + i}); console.log(a.filter(o => o.i % 7 == 0).length, a[199999].s)'
node -e 'process.exit(5)'; echo "exit $?"
