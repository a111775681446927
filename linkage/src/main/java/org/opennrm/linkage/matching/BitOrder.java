package org.opennrm.linkage.matching;

import java.util.Arrays;
import java.util.Comparator;
import org.opennrm.linkage.encoding.Encodings;

/**
 * An order of the 1024 bit positions for the exact kernel: the positions set in about half of the records
 * first. The kernel bounds a pair's intersection by what it has counted plus the smaller of the two unseen
 * popcounts; positions where unrelated records most often disagree make that bound fall fastest. Measured on
 * generated lists, after 4 of 16 words 11% of pairs survive in this order against 51% in file order.
 */
final class BitOrder {

    /** Records sampled from each side to estimate bit frequencies. */
    static final int SAMPLE = 20_000;

    /** {@code target[bit]}: where bit {@code bit} of the file goes. */
    private final int[] target;

    private BitOrder(int[] target) {
        this.target = target;
    }

    static BitOrder identity() {
        int[] target = new int[Encodings.BITS];
        Arrays.setAll(target, bit -> bit);
        return new BitOrder(target);
    }

    /** The order for linking {@code a} with {@code b}; both sides must then be laid out in it. */
    static BitOrder forPair(Encodings a, Encodings b) {
        double[] frequency = new double[Encodings.BITS];
        int sampled = count(a, frequency) + count(b, frequency);
        Integer[] byDisagreement = new Integer[Encodings.BITS];
        Arrays.setAll(byDisagreement, bit -> bit);
        double total = Math.max(1, sampled);
        Arrays.sort(
                byDisagreement,
                Comparator.comparingDouble((Integer bit) -> {
                            double p = frequency[bit] / total;
                            return -p * (1 - p);
                        })
                        .thenComparingInt(bit -> bit));
        int[] target = new int[Encodings.BITS];
        for (int rank = 0; rank < byDisagreement.length; rank++) {
            target[byDisagreement[rank]] = rank;
        }
        return new BitOrder(target);
    }

    private static int count(Encodings encodings, double[] frequency) {
        int records = Math.min(SAMPLE, encodings.size());
        // Evenly spread over the file, so that a sorted or grouped input is still sampled fairly.
        long step = Math.max(1, encodings.size() / Math.max(1, records));
        int sampled = 0;
        for (long r = 0; r < encodings.size() && sampled < records; r += step, sampled++) {
            for (int w = 0; w < Encodings.WORDS; w++) {
                long word = encodings.words()[(int) r * Encodings.WORDS + w];
                while (word != 0) {
                    int high = Long.numberOfLeadingZeros(word);
                    frequency[w * 64 + high]++;
                    word &= ~(Long.MIN_VALUE >>> high);
                }
            }
        }
        return sampled;
    }

    long[] apply(long[] words) {
        long[] out = new long[words.length];
        for (int base = 0; base < words.length; base += Encodings.WORDS) {
            for (int w = 0; w < Encodings.WORDS; w++) {
                long word = words[base + w];
                while (word != 0) {
                    int high = Long.numberOfLeadingZeros(word);
                    int bit = target[w * 64 + high];
                    out[base + (bit >>> 6)] |= Long.MIN_VALUE >>> (bit & 63);
                    word &= ~(Long.MIN_VALUE >>> high);
                }
            }
        }
        return out;
    }
}
