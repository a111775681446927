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
    static final int HALF = W / 2;

    final int size;
    /** Words in popcount order, 16 per record. */
    final long[] words;
    /** File index of the record at each sorted position. */
    final int[] original;

    final int[] popcount;
    /** Popcount of words 8..15, the part still unseen when the kernel checks its bound halfway. */
    final int[] secondHalf;
    /** {@code first[p]}: the first sorted position with popcount >= p, for p in 0..1025. */
    final int[] first;

    SortedEncodings(Encodings encodings) {
        size = encodings.size();
        long[] source = encodings.words();
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = ((long) encodings.popcount(i) << 32) | i;
        }
        Arrays.sort(keys);
        words = new long[size * W];
        original = new int[size];
        popcount = new int[size];
        secondHalf = new int[size];
        for (int s = 0; s < size; s++) {
            int i = (int) keys[s];
            original[s] = i;
            popcount[s] = (int) (keys[s] >>> 32);
            System.arraycopy(source, i * W, words, s * W, W);
            int rest = 0;
            for (int w = HALF; w < W; w++) {
                rest += Long.bitCount(source[i * W + w]);
            }
            secondHalf[s] = rest;
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
}
