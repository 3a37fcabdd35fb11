# openssl: digests (SHA-1/2/3, BLAKE2, SM3), ciphers (AES CBC/CTR/ECB/CFB/OFB, ChaCha20, SM4)
# and MACs over 1 MB, which on arm64 take the AES/SHA/PMULL/NEON assembly paths; every cipher
# also with OPENSSL_armcap=0 (the portable C code) and 1 (NEON only, no crypto extension).
awk 'BEGIN { x = 12345; for (i = 0; i < 65536; i++) { x = (x * 1103515245 + 12345) % 2147483648; printf "%08x%08x\n", x, i } }' > data
K=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f; K16=${K%????????????????????????????????}
IV=f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff
for d in sha1 sha256 sha384 sha512 sha3-256 sha3-512 shake128 blake2b512 blake2s256 sm3; do openssl dgst -$d data | sed 's/.*= //'; done
for cap in '' 0 1; do
    [ -n "$cap" ] && export OPENSSL_armcap=$cap
    for c in aes-128-cbc aes-256-cbc aes-128-ctr aes-256-ecb aes-128-cfb aes-256-ofb chacha20 sm4-cbc; do
        k=$K; case $c in aes-128-*|sm4*) k=$K16 ;; esac
        openssl enc -$c -K $k -iv $IV -in data 2>/dev/null | sha256sum
        openssl enc -$c -K $k -iv $IV -in data 2>/dev/null | openssl enc -d -$c -K $k -iv $IV 2>/dev/null | cmp - data && echo "$c round trip"
    done
    openssl dgst -sha256 -hmac secret data | sed 's/.*= //'
    openssl mac -cipher aes-128-cbc -macopt hexkey:$K16 -in data CMAC
    openssl mac -macopt hexkey:$K -in data POLY1305
done
