package org.opennrm.linkage.matching;

import java.util.Arrays;

/** A growable list of pairs (record indices in file order) with their intersection and popcount sum. */
final class CandidatePairs {

    int size;
    int[] a = new int[1024];
    int[] b = new int[1024];
    int[] intersection = new int[1024];
    int[] popcountSum = new int[1024];

    void add(int recordA, int recordB, int common, int sum) {
        if (size == a.length) {
            int capacity = size * 2;
            a = Arrays.copyOf(a, capacity);
            b = Arrays.copyOf(b, capacity);
            intersection = Arrays.copyOf(intersection, capacity);
            popcountSum = Arrays.copyOf(popcountSum, capacity);
        }
        a[size] = recordA;
        b[size] = recordB;
        intersection[size] = common;
        popcountSum[size] = sum;
        size++;
    }

    void addAll(CandidatePairs other) {
        for (int i = 0; i < other.size; i++) {
            add(other.a[i], other.b[i], other.intersection[i], other.popcountSum[i]);
        }
    }

    double similarity(int i) {
        return Dice.similarity(intersection[i], popcountSum[i]);
    }

    /** Pairs as {@code a << 32 | b}, sorted: a canonical form for comparing candidate sets. */
    long[] sortedKeys() {
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = ((long) a[i] << 32) | b[i];
        }
        Arrays.sort(keys);
        return keys;
    }
}
