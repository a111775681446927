package org.opennrm.linkage.matching;

/**
 * A set of record pairs ({@code a << 32 | b}) with open addressing, for blocking: the same pair meets in many
 * LSH tables, and boxing millions of pairs into a {@code HashSet<Long>} would cost several times the memory.
 */
final class PairSet {

    private static final long EMPTY = -1L;

    private long[] slots = new long[1 << 12];
    private int size;

    /** Adds the pair; returns false when it was already present. */
    boolean add(long pair) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        return insert(slots, pair);
    }

    int size() {
        return size;
    }

    long[] toArray() {
        long[] pairs = new long[size];
        int next = 0;
        for (long slot : slots) {
            if (slot != EMPTY) {
                pairs[next++] = slot;
            }
        }
        return pairs;
    }

    private boolean insert(long[] table, long pair) {
        int mask = table.length - 1;
        int i = (int) (mix(pair) & mask);
        while (true) {
            long slot = table[i];
            if (slot == pair) {
                return false;
            }
            if (slot == EMPTY) {
                table[i] = pair;
                size++;
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        java.util.Arrays.fill(slots, EMPTY);
        size = 0;
        for (long slot : old) {
            if (slot != EMPTY) {
                insert(slots, slot);
            }
        }
    }

    PairSet() {
        java.util.Arrays.fill(slots, EMPTY);
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
