package org.opennrm.linkage.matching;

import java.util.Arrays;
import org.opennrm.linkage.encoding.Encodings;

/**
 * Encodings reordered by popcount, with the popcounts the kernel's bounds need. Sorting turns the Dice length
 * filter (a pair can only reach the threshold if its popcounts are close) into a contiguous window, and keeps
 * records of similar size next to each other in cache.
 */
final class SortedEncodings {

    static final int W = Encodings.WORDS;
    /** The kernel checks its bound after this many words, and again after {@link #SECOND_CHECK}. */
    static final int FIRST_CHECK = 4;

    static final int SECOND_CHECK = 6;
    /** Ints of {@link #meta} per record. */
    static final int META = 4;

    final int size;
    /** Words in popcount order, 16 per record. */
    final long[] words;
    /** File index of the record at each sorted position. */
    final int[] original;

    final int[] popcount;
    /**
     * Per record, side by side so one cache line serves four records: popcount, popcount of the words the kernel
     * has not seen at its first check, and at its second check.
     */
    final int[] meta;
    /** {@code first[p]}: the first sorted position with popcount >= p, for p in 0..1025. */
    final int[] first;

    /** Sorts without reordering bits; for tests and callers that need no pruning order. */
    SortedEncodings(Encodings encodings) {
        this(encodings, BitOrder.identity());
    }

    /**
     * Sorts by popcount and lays every encoding out in {@code order}. Dice similarity does not depend on the
     * order of bits as long as both sides use the same one, so the kernel's results are unchanged.
     */
    SortedEncodings(Encodings encodings, BitOrder order) {
        size = encodings.size();
        long[] source = order.apply(encodings.words());
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = ((long) encodings.popcount(i) << 32) | i;
        }
        Arrays.sort(keys);
        words = new long[size * W];
        original = new int[size];
        popcount = new int[size];
        meta = new int[size * META];
        for (int s = 0; s < size; s++) {
            int i = (int) keys[s];
            original[s] = i;
            popcount[s] = (int) (keys[s] >>> 32);
            System.arraycopy(source, i * W, words, s * W, W);
            meta[s * META] = popcount[s];
            meta[s * META + 1] = restFrom(source, i, FIRST_CHECK);
            meta[s * META + 2] = restFrom(source, i, SECOND_CHECK);
        }
        first = new int[Encodings.BITS + 2];
        int position = 0;
        for (int p = 0; p < first.length; p++) {
            while (position < size && popcount[position] < p) {
                position++;
            }
            first[p] = position;
        }
    }

    private static int restFrom(long[] words, int record, int word) {
        int rest = 0;
        for (int w = word; w < W; w++) {
            rest += Long.bitCount(words[record * W + w]);
        }
        return rest;
    }
}
