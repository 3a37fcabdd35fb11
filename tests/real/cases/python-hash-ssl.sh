# python3 hashlib through OpenSSL (its CPU feature probing), hmac, ssl module basics, secrets length.
python3 - <<'PY'
import hashlib, hmac, ssl, zlib
data = b"ferry" * 10000
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "sha3_512", "blake2s", "shake_128"]:
    h = hashlib.new(name, data)
    print(name, h.hexdigest(16) if name.startswith("shake") else h.hexdigest())
print(hmac.new(b"key", data, "sha256").hexdigest(), hashlib.pbkdf2_hmac("sha256", b"pw", b"salt", 1000).hex())
print(ssl.OPENSSL_VERSION.split()[0], ssl.PROTOCOL_TLS_CLIENT > 0, zlib.adler32(data))
ctx = ssl.create_default_context(); print(ctx.verify_mode == ssl.CERT_REQUIRED, ctx.check_hostname)
PY
