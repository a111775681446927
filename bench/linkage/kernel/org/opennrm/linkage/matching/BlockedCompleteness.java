package org.opennrm.linkage.matching;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.opennrm.linkage.encoding.EncodingFiles;
import org.opennrm.linkage.encoding.Encodings;

/**
 * Pair completeness of blocked mode where exact mode is out of reach (10^12 pairs at 1,000,000 x 1,000,000),
 * by sampling: blocked mode runs on the whole of A x B as the CLI runs it; a seeded random sample of A records
 * is then linked exactly against all of B (the exact kernel on sample x B), and the blocked pairs of the
 * sampled records are compared with their exact pairs.
 *
 * <p>Completeness is a ratio estimate over sampled records (sum of blocked pairs / sum of exact pairs) with a
 * 95% interval from the record-level (cluster) variance, since one record's pairs are not independent of each
 * other. Ground-truth pairs are counted apart: they are the pairs that decide F1. The F1 difference is
 * estimated by giving back to the blocked matching every true pair blocking missed (an upper estimate: each
 * missed true pair at or above the threshold becomes one more correct match).
 *
 * <p>Compiled against the linkage classes into the kernel's package (it uses package-private types). Usage:
 * BlockedCompleteness A B TRUTH.csv THRESHOLD SAMPLE SEED THREADS
 */
public class BlockedCompleteness {

    public static void main(String[] args) throws Exception {
        Encodings a = EncodingFiles.read(Path.of(args[0]));
        Encodings b = EncodingFiles.read(Path.of(args[1]));
        Path truthFile = Path.of(args[2]);
        double threshold = Double.parseDouble(args[3]);
        int sampleSize = Math.min(a.size(), Integer.parseInt(args[4]));
        long seed = Long.parseLong(args[5]);
        int threads = Integer.parseInt(args[6]);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        double meanPopcount = 0;
        for (Encodings side : List.of(a, b)) {
            for (int r = 0; r < side.size(); r++) {
                meanPopcount += side.popcount(r);
            }
        }
        meanPopcount /= a.size() + b.size();
        int[] parameters = BlockedJoin.parameters(threshold, meanPopcount);
        System.out.printf(Locale.ROOT, "mean popcount %.1f: %d bits per key, %d tables%n", meanPopcount, parameters[0], parameters[1]);
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        CandidatePairs blocked = new BlockedJoin(threshold, threads).link(a, b);
        System.out.printf(Locale.ROOT, "blocked mode, %d x %d: %d pairs >= %s in %.1f s wall, %.1f s cpu%n",
                a.size(), b.size(), blocked.size, threshold, (System.nanoTime() - wall) / 1e9,
                (os.getProcessCpuTime() - cpu) / 1e9);

        int[] sample = sample(a.size(), sampleSize, seed);
        int[] position = new int[a.size()];
        Arrays.fill(position, -1);
        for (int s = 0; s < sample.length; s++) {
            position[sample[s]] = s;
        }
        long[] sampleWords = new long[sample.length * Encodings.WORDS];
        String[] sampleIds = new String[sample.length];
        for (int s = 0; s < sample.length; s++) {
            System.arraycopy(a.words(), sample[s] * Encodings.WORDS, sampleWords, s * Encodings.WORDS, Encodings.WORDS);
            sampleIds[s] = a.ids().get(sample[s]);
        }
        Encodings sampled = new Encodings(List.of(sampleIds), sampleWords);

        cpu = os.getProcessCpuTime();
        wall = System.nanoTime();
        BitOrder order = BitOrder.forPair(a, b);
        CandidatePairs exact = new ExactJoin(threshold, threads)
                .link(new SortedEncodings(sampled, order), new SortedEncodings(b, order));
        System.out.printf(Locale.ROOT, "exact mode, sample of %d A records (seed %d) x %d: %d pairs >= %s in %.1f s wall, %.1f s cpu%n",
                sample.length, seed, b.size(), exact.size, threshold, (System.nanoTime() - wall) / 1e9,
                (os.getProcessCpuTime() - cpu) / 1e9);

        // Pairs of the sampled records, as sampleIndex << 32 | b.
        long[] exactKeys = new long[exact.size];
        for (int k = 0; k < exact.size; k++) {
            exactKeys[k] = ((long) exact.a[k] << 32) | exact.b[k];
        }
        Arrays.sort(exactKeys);
        long[] blockedKeys = new long[blocked.size];
        int blockedInSample = 0;
        for (int k = 0; k < blocked.size; k++) {
            int s = position[blocked.a[k]];
            if (s >= 0) {
                blockedKeys[blockedInSample++] = ((long) s << 32) | blocked.b[k];
            }
        }
        blockedKeys = Arrays.copyOf(blockedKeys, blockedInSample);
        Arrays.sort(blockedKeys);

        long[] exactPerRecord = new long[sample.length];
        long[] foundPerRecord = new long[sample.length];
        long notExact = 0;
        for (long key : exactKeys) {
            exactPerRecord[(int) (key >>> 32)]++;
        }
        for (long key : blockedKeys) {
            if (Arrays.binarySearch(exactKeys, key) >= 0) {
                foundPerRecord[(int) (key >>> 32)]++;
            } else {
                notExact++;
            }
        }
        long exactTotal = Arrays.stream(exactPerRecord).sum();
        long foundTotal = Arrays.stream(foundPerRecord).sum();
        double ratio = (double) foundTotal / exactTotal;
        double halfWidth = 1.96 * ratioStandardError(foundPerRecord, exactPerRecord, ratio);
        long recordsWithPairs = Arrays.stream(exactPerRecord).filter(e -> e > 0).count();
        System.out.printf(Locale.ROOT,
                "pair completeness (sampled records' pairs >= %s): %d of %d (%.4f, 95%% interval %.4f to %.4f; %d sampled"
                        + " records have pairs); blocked pairs that exact mode lacks: %d%n",
                threshold, foundTotal, exactTotal, ratio, ratio - halfWidth, Math.min(1, ratio + halfWidth),
                recordsWithPairs, notExact);

        Map<String, Integer> bIndex = new HashMap<>(b.size() * 2);
        for (int j = 0; j < b.size(); j++) {
            bIndex.put(b.ids().get(j), j);
        }
        Map<String, Integer> aIndex = new HashMap<>(a.size() * 2);
        for (int i = 0; i < a.size(); i++) {
            aIndex.put(a.ids().get(i), i);
        }
        long[] truth = truthPairs(truthFile, aIndex, bIndex);
        long truthInSample = 0;
        long trueExact = 0;
        long trueFound = 0;
        for (long pair : truth) {
            int s = position[(int) (pair >>> 32)];
            if (s < 0) {
                continue;
            }
            truthInSample++;
            long key = ((long) s << 32) | (int) pair;
            if (Arrays.binarySearch(exactKeys, key) >= 0) {
                trueExact++;
                if (Arrays.binarySearch(blockedKeys, key) >= 0) {
                    trueFound++;
                }
            }
        }
        double trueShare = trueExact == 0 ? 1 : (double) trueFound / trueExact;
        double[] wilson = wilson(trueFound, trueExact);
        System.out.printf(Locale.ROOT,
                "true pairs of sampled records: %d, at or above %s (exact): %d, found by blocking: %d (%.4f, 95%% interval"
                        + " %.4f to %.4f)%n",
                truthInSample, threshold, trueExact, trueFound, trueShare, wilson[0], wilson[1]);

        List<Match> matches = GreedyMatching.solve(blocked, a.size(), b.size());
        java.util.Set<Long> truthSet = new java.util.HashSet<>();
        for (long pair : truth) {
            truthSet.add(pair);
        }
        long correct = matches.stream()
                .filter(m -> truthSet.contains(((long) m.a() << 32) | m.b()))
                .count();
        double precision = (double) correct / matches.size();
        double recall = (double) correct / truth.length;
        double f1 = 2 * precision * recall / (precision + recall);
        double missedTrue = (double) (trueExact - trueFound) / sample.length * a.size();
        double exactPrecision = (correct + missedTrue) / (matches.size() + missedTrue);
        double exactRecall = (correct + missedTrue) / truth.length;
        double exactF1 = 2 * exactPrecision * exactRecall / (exactPrecision + exactRecall);
        System.out.printf(Locale.ROOT,
                "blocked matching: %d matches, precision %.4f, recall %.4f, F1 %.4f; true pairs missed by blocking,"
                        + " scaled to all of A: about %.0f; F1 with them given back (upper estimate of exact mode's F1)"
                        + " %.4f, difference %.4f%n",
                matches.size(), precision, recall, f1, missedTrue, exactF1, exactF1 - f1);
    }

    /** {@code size} distinct record indices of {@code 0..population-1}, drawn with a seeded generator, sorted. */
    static int[] sample(int population, int size, long seed) {
        return new SplittableRandom(seed).ints(0, population).distinct().limit(size).sorted().toArray();
    }

    /** Standard error of the ratio estimate sum(f) / sum(e) over sampled clusters (delta method). */
    static double ratioStandardError(long[] found, long[] exact, double ratio) {
        int n = found.length;
        double meanExact = Arrays.stream(exact).average().orElse(0);
        double sum = 0;
        for (int s = 0; s < n; s++) {
            double residual = found[s] - ratio * exact[s];
            sum += residual * residual;
        }
        return Math.sqrt(sum / (n - 1) / n) / meanExact;
    }

    /** Wilson score interval at 95%, which stays inside 0..1 and is sensible when every trial succeeded. */
    static double[] wilson(long successes, long trials) {
        if (trials == 0) {
            return new double[] {0, 1};
        }
        double z = 1.96;
        double p = (double) successes / trials;
        double centre = (p + z * z / (2 * trials)) / (1 + z * z / trials);
        double half = z * Math.sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials)) / (1 + z * z / trials);
        return new double[] {centre - half, Math.min(1, centre + half)};
    }

    static long[] truthPairs(Path file, Map<String, Integer> aIndex, Map<String, Integer> bIndex) throws Exception {
        List<String> lines = Files.readAllLines(file);
        long[] pairs = new long[lines.size() - 1];
        int n = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Integer i = aIndex.get(cells[0]);
            Integer j = bIndex.get(cells[1]);
            if (i != null && j != null) {
                pairs[n++] = ((long) i << 32) | j;
            }
        }
        return Arrays.copyOf(pairs, n);
    }
}
