package org.opennrm.linkage.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.opennrm.linkage.encoding.EncodingFiles;
import org.opennrm.linkage.encoding.Encodings;

/** Synthetic encodings, files and a local Spark for the tests. */
final class Fixtures {

    private Fixtures() {}

    /** Spark in local mode on two threads, bound to the loopback interface, without its web UI. */
    static JavaSparkContext localSpark() {
        return new JavaSparkContext(new SparkConf()
                .setMaster("local[2]")
                .setAppName("linkage-spark-tests")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "localhost")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }

    /** Records with bits set independently with a density drawn per record from [0.2, 0.4). */
    static Encodings random(int count, long seed, String prefix) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] words = new long[count * Encodings.WORDS];
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            double density = 0.2 + 0.2 * random.nextDouble();
            for (int bit = 0; bit < Encodings.BITS; bit++) {
                if (random.nextDouble() < density) {
                    words[r * Encodings.WORDS + bit / 64] |= 1L << (63 - bit % 64);
                }
            }
            ids.add(prefix + r);
        }
        return new Encodings(ids, words);
    }

    /**
     * {@code fresh} new records followed by {@code copies} copies of random records of {@code source} with each bit
     * flipped with a probability drawn from [0, 0.12): similarities spread on both sides of 0.8.
     */
    static Encodings withNoisyCopies(Encodings source, int fresh, int copies, long seed, String prefix) {
        Encodings start = random(fresh, seed, prefix);
        SplittableRandom random = new SplittableRandom(seed + 1);
        long[] words = new long[(fresh + copies) * Encodings.WORDS];
        System.arraycopy(start.words(), 0, words, 0, start.words().length);
        List<String> ids = new ArrayList<>(start.ids());
        for (int r = 0; r < copies; r++) {
            int from = random.nextInt(source.size());
            double noise = 0.12 * random.nextDouble();
            for (int w = 0; w < Encodings.WORDS; w++) {
                long word = source.words()[from * Encodings.WORDS + w];
                for (int bit = 0; bit < 64; bit++) {
                    if (random.nextDouble() < noise) {
                        word ^= 1L << bit;
                    }
                }
                words[(fresh + r) * Encodings.WORDS + w] = word;
            }
            ids.add(prefix + (fresh + r));
        }
        return new Encodings(ids, words);
    }

    /** Records {@code from} (inclusive) to {@code to} (exclusive). */
    static Encodings slice(Encodings encodings, int from, int to) {
        long[] words = new long[(to - from) * Encodings.WORDS];
        System.arraycopy(encodings.words(), from * Encodings.WORDS, words, 0, words.length);
        return new Encodings(encodings.ids().subList(from, to), words);
    }

    /** Writes {@code encodings} as consecutive files cut at {@code cuts}; returns their names. */
    static List<Path> writeSplit(Encodings encodings, Path directory, String name, int... cuts) {
        List<Path> names = new ArrayList<>();
        int from = 0;
        for (int part = 0; part <= cuts.length; part++) {
            int to = part < cuts.length ? cuts[part] : encodings.size();
            Path file = directory.resolve(name + part);
            EncodingFiles.write(file, slice(encodings, from, to));
            names.add(file);
            from = to;
        }
        return names;
    }

    /** The reference: every pair, Dice in doubles as anonlink computes it, compared with the threshold as given. */
    static long[] naivePairs(Encodings a, Encodings b, double threshold) {
        List<Long> pairs = new ArrayList<>();
        int[] popcountB = new int[b.size()];
        java.util.Arrays.setAll(popcountB, b::popcount);
        for (int i = 0; i < a.size(); i++) {
            int popcountA = a.popcount(i);
            for (int j = 0; j < b.size(); j++) {
                int common = 0;
                for (int w = 0; w < Encodings.WORDS; w++) {
                    common += Long.bitCount(a.words()[i * Encodings.WORDS + w] & b.words()[j * Encodings.WORDS + w]);
                }
                int sum = popcountA + popcountB[j];
                double dice = sum == 0 ? 0.0 : 2.0 * common / sum;
                if (dice >= threshold) {
                    pairs.add(((long) i << 32) | j);
                }
            }
        }
        return pairs.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** The pairs of all tasks as one sorted key array, as {@link #naivePairs} gives them. */
    static long[] sortedKeys(List<org.opennrm.linkage.matching.PartitionJoin.Pairs> parts) {
        return parts.stream()
                .flatMapToLong(part -> java.util.Arrays.stream(part.sortedKeys()))
                .sorted()
                .toArray();
    }
}
