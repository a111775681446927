package org.opennrm.linkage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.opennrm.linkage.encoding.Encodings;

/** Reading 1024-bit encodings in the anonlink byte layout, and counting their bits. */
final class Similarity {

    private Similarity() {}

    static long[] words(byte[] encoding) {
        if (encoding == null || encoding.length != Encodings.BYTES) {
            throw new IllegalArgumentException("An encoding has " + Encodings.BYTES + " bytes (1024 bits), not "
                    + (encoding == null ? 0 : encoding.length));
        }
        long[] words = new long[Encodings.WORDS];
        ByteBuffer.wrap(encoding).order(ByteOrder.BIG_ENDIAN).asLongBuffer().get(words);
        return words;
    }

    static int popcount(long[] words) {
        int count = 0;
        for (long word : words) {
            count += Long.bitCount(word);
        }
        return count;
    }
}
