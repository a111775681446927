"""Prints the current TOTP code (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) of a Base32 secret."""
import base64
import hmac
import struct
import sys
import time


def totp(secret: str, at: float) -> str:
    key = base64.b32decode(secret.strip().upper() + "=" * (-len(secret.strip()) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), "sha1").digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


if __name__ == "__main__":
    print(totp(sys.argv[1], time.time()))
