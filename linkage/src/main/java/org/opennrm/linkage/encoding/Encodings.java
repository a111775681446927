package org.opennrm.linkage.encoding;

import java.util.List;

/**
 * Record ids and their 1024-bit encodings, in file order. Encoding {@code i} occupies {@code words[16 i ..
 * 16 i + 15]}; bit {@code j} of the encoding (anonlink's bit {@code j}, see {@link EncodingFiles}) is bit
 * {@code 63 - j % 64} of word {@code j / 64}.
 */
public record Encodings(List<String> ids, long[] words) {

    public static final int BITS = 1024;
    public static final int WORDS = BITS / 64;
    public static final int BYTES = BITS / 8;

    public Encodings {
        ids = List.copyOf(ids);
        if (words.length != ids.size() * WORDS) {
            throw new IllegalArgumentException(ids.size() + " ids but " + words.length / WORDS + " encodings");
        }
    }

    public int size() {
        return ids.size();
    }

    /** Whether anonlink bit {@code bit} of encoding {@code record} is set. */
    public boolean bit(int record, int bit) {
        return (words[record * WORDS + bit / 64] & (1L << (63 - bit % 64))) != 0;
    }

    public int popcount(int record) {
        int count = 0;
        for (int w = 0; w < WORDS; w++) {
            count += Long.bitCount(words[record * WORDS + w]);
        }
        return count;
    }
}
