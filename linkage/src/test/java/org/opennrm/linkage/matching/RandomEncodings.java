package org.opennrm.linkage.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.opennrm.linkage.encoding.Encodings;

/** Random encodings for kernel tests, with planted near-copies so that every threshold has pairs to find. */
final class RandomEncodings {

    private RandomEncodings() {}

    /** Records with bits set independently with a density drawn per record from [low, high). */
    static Encodings random(int count, double low, double high, long seed, String prefix) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] words = new long[count * Encodings.WORDS];
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            double density = low + (high - low) * random.nextDouble();
            for (int bit = 0; bit < Encodings.BITS; bit++) {
                if (random.nextDouble() < density) {
                    words[r * Encodings.WORDS + bit / 64] |= 1L << (63 - bit % 64);
                }
            }
            ids.add(prefix + r);
        }
        return new Encodings(ids, words);
    }

    /** Copies of some of {@code source}'s records with each bit flipped with a probability up to maxNoise. */
    static Encodings noisyCopies(Encodings source, int count, double maxNoise, long seed, String prefix) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] words = new long[count * Encodings.WORDS];
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            int from = random.nextInt(source.size());
            double noise = maxNoise * random.nextDouble();
            for (int w = 0; w < Encodings.WORDS; w++) {
                long word = source.words()[from * Encodings.WORDS + w];
                for (int bit = 0; bit < 64; bit++) {
                    if (random.nextDouble() < noise) {
                        word ^= 1L << bit;
                    }
                }
                words[r * Encodings.WORDS + w] = word;
            }
            ids.add(prefix + r);
        }
        return new Encodings(ids, words);
    }

    static Encodings concat(Encodings first, Encodings second) {
        List<String> ids = new ArrayList<>(first.ids());
        ids.addAll(second.ids());
        long[] words = new long[first.words().length + second.words().length];
        System.arraycopy(first.words(), 0, words, 0, first.words().length);
        System.arraycopy(second.words(), 0, words, first.words().length, second.words().length);
        return new Encodings(ids, words);
    }

    /** The reference: every pair, the Dice coefficient in doubles, compared with the threshold as given. */
    static long[] naivePairs(Encodings a, Encodings b, double threshold, boolean self) {
        List<Long> pairs = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            for (int j = self ? i + 1 : 0; j < b.size(); j++) {
                int common = 0;
                for (int w = 0; w < Encodings.WORDS; w++) {
                    common += Long.bitCount(a.words()[i * Encodings.WORDS + w] & b.words()[j * Encodings.WORDS + w]);
                }
                int sum = a.popcount(i) + b.popcount(j);
                double dice = sum == 0 ? 0.0 : 2.0 * common / sum;
                if (dice >= threshold) {
                    pairs.add(((long) i << 32) | j);
                }
            }
        }
        return pairs.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
