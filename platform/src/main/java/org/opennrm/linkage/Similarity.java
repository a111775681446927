package org.opennrm.linkage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.opennrm.linkage.encoding.Encodings;

/**
 * The Dice coefficient of two 1024-bit encodings, 2|A∩B| / (|A| + |B|), computed as the library and anonlink
 * compute it (0 for two empty encodings), so that a threshold means the same here as in a linkage run.
 */
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

    static double dice(long[] a, long[] b) {
        int common = 0;
        for (int w = 0; w < Encodings.WORDS; w++) {
            common += Long.bitCount(a[w] & b[w]);
        }
        int sum = popcount(a) + popcount(b);
        return sum == 0 ? 0.0 : 2.0 * common / sum;
    }
}
