package org.opennrm.linkage.encoding;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869). Each field gets its own key from the one deployment secret, so the bit
 * positions of a bigram in the given name say nothing about the same bigram in the family name.
 */
final class Hkdf {

    private static final int HASH_LENGTH = 32;

    private Hkdf() {}

    static byte[] extract(byte[] salt, byte[] inputKey) {
        byte[] effectiveSalt = salt == null || salt.length == 0 ? new byte[HASH_LENGTH] : salt;
        return hmac(effectiveSalt).doFinal(inputKey);
    }

    static byte[] expand(byte[] pseudoRandomKey, byte[] info, int length) {
        if (length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF cannot expand to " + length + " bytes");
        }
        Mac mac = hmac(pseudoRandomKey);
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        int written = 0;
        for (int counter = 1; written < length; counter++) {
            mac.update(block);
            mac.update(info);
            mac.update((byte) counter);
            block = mac.doFinal();
            int take = Math.min(block.length, length - written);
            System.arraycopy(block, 0, out, written, take);
            written += take;
        }
        return out;
    }

    static byte[] derive(byte[] salt, byte[] inputKey, byte[] info, int length) {
        return expand(extract(salt, inputKey), info, length);
    }

    static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
