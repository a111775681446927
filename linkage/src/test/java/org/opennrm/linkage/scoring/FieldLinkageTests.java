package org.opennrm.linkage.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opennrm.linkage.encoding.DeploymentSecret;
import org.opennrm.linkage.encoding.Encoder;
import org.opennrm.linkage.encoding.Schema;
import org.opennrm.linkage.matching.Match;
import org.opennrm.linkage.matching.Mode;
import org.opennrm.linkage.population.RealisticLists;

class FieldLinkageTests {

    static final String SECRET = "field linkage test secret, synthetic data only";

    @Test
    void agreeingOnACommonNameCountsLessThanAgreeingOnARareOne() throws IOException {
        RealisticLists.Lists lists = new RealisticLists(7, RealisticLists.Errors.typical()).generate(600, 0.5);
        List<String> a = new ArrayList<>(lists.a());
        List<String> b = new ArrayList<>(lists.b());
        // The same person on both lists, without a date of birth: once with the most common Ukrainian names of the
        // generator's pools, once with the rarest.
        a.add("common,Olena,Kovalenko,,F,UKR");
        b.add("common,Olena,Kovalenko,,F,UKR");
        a.add("rare,Daryna,Hrytsenko,,F,UKR");
        b.add("rare,Daryna,Hrytsenko,,F,UKR");
        Encoder.Encoded encodedA = encode(a, SECRET);
        Encoder.Encoded encodedB = encode(b, SECRET);
        FieldLinkage.Scored scored = new FieldLinkage(2)
                .scoreLink(
                        encodedA.encodings(), encodedA.fields(), encodedB.encodings(), encodedB.fields(), Mode.EXACT);

        double common = probability(scored, a.size() - 3, b.size() - 3);
        double rare = probability(scored, a.size() - 2, b.size() - 2);
        assertThat(common).isLessThan(rare);
        assertThat(rare).isGreaterThan(0.5);
    }

    @Test
    void tooFewRecordsAreRefusedWithTheReason() throws IOException {
        RealisticLists.Lists lists = new RealisticLists(1, RealisticLists.Errors.typical()).generate(60, 0.5);
        Encoder.Encoded a = encode(lists.a(), SECRET);
        Encoder.Encoded b = encode(lists.b(), SECRET);
        assertThatThrownBy(() ->
                        new FieldLinkage(2).link(a.encodings(), a.fields(), b.encodings(), b.fields(), 0.5, Mode.EXACT))
                .isInstanceOf(ModelNotEstimated.class)
                .hasMessageContaining("too few records")
                .hasMessageContaining("A has 60, B has 60");
    }

    @Test
    void aFieldEmptyInEveryRecordIsNamed() throws IOException {
        RealisticLists.Lists lists = new RealisticLists(2, RealisticLists.Errors.typical()).generate(300, 0.5);
        List<String> withoutCitizenship = lists.b().stream()
                .map(line -> line.substring(0, line.lastIndexOf(',') + 1))
                .toList();
        List<String> b = new ArrayList<>(withoutCitizenship);
        b.set(0, lists.b().getFirst());
        Encoder.Encoded encodedA = encode(lists.a(), SECRET);
        Encoder.Encoded encodedB = encode(b, SECRET);
        assertThatThrownBy(() -> new FieldLinkage(2)
                        .link(
                                encodedA.encodings(),
                                encodedA.fields(),
                                encodedB.encodings(),
                                encodedB.fields(),
                                0.5,
                                Mode.EXACT))
                .isInstanceOf(ModelNotEstimated.class)
                .hasMessage("field \"citizenship\" is empty in every record of B, so the model cannot weigh it");
    }

    @Test
    void listsWithoutCommonPeopleGetNoModel() throws IOException {
        RealisticLists.Lists first = new RealisticLists(3, RealisticLists.Errors.typical()).generate(800, 0);
        RealisticLists.Lists second = new RealisticLists(4, RealisticLists.Errors.typical()).generate(800, 0);
        Encoder.Encoded a = encode(first.a(), SECRET);
        Encoder.Encoded b = encode(second.b(), SECRET);
        assertThatThrownBy(() ->
                        new FieldLinkage(2).link(a.encodings(), a.fields(), b.encodings(), b.fields(), 0.5, Mode.EXACT))
                .isInstanceOf(ModelNotEstimated.class);
    }

    @Test
    void listsEncodedWithDifferentSecretsAreNotCompared() throws IOException {
        RealisticLists.Lists lists = new RealisticLists(5, RealisticLists.Errors.typical()).generate(200, 0.5);
        Encoder.Encoded a = encode(lists.a(), SECRET);
        Encoder.Encoded b = encode(lists.b(), "another secret, as a careless agency might use");
        assertThatThrownBy(() ->
                        new FieldLinkage(2).link(a.encodings(), a.fields(), b.encodings(), b.fields(), 0.5, Mode.EXACT))
                .isInstanceOf(ModelNotEstimated.class)
                .hasMessageContaining("different secrets");
    }

    @Test
    void linkingIsOneToOneAndAboveTheThreshold() throws IOException {
        RealisticLists.Lists lists = new RealisticLists(6, RealisticLists.Errors.typical()).generate(800, 0.5);
        Encoder.Encoded a = encode(lists.a(), SECRET);
        Encoder.Encoded b = encode(lists.b(), SECRET);
        FieldLinkage.Linked linked =
                new FieldLinkage(2).link(a.encodings(), a.fields(), b.encodings(), b.fields(), 0.7, Mode.EXACT);
        assertThat(linked.matches()).isNotEmpty();
        assertThat(linked.matches().stream().map(Match::a).distinct().count())
                .isEqualTo(linked.matches().size());
        assertThat(linked.matches().stream().map(Match::b).distinct().count())
                .isEqualTo(linked.matches().size());
        assertThat(linked.matches()).allMatch(match -> match.similarity() >= 0.7);
        assertThat(linked.expectedPrecision()).isBetween(0.7, 1.0);
        assertThat(linked.expectedRecall()).isBetween(0.0, 1.0);
    }

    @Test
    void deduplicationFindsThePeopleRecordedTwiceAndPairsEachRecordOnce() throws IOException {
        RealisticLists.Lists lists = new RealisticLists(8, RealisticLists.Errors.typical()).generate(1000, 0.5);
        // One list holding A and B's copies of the people on both: 500 people recorded twice.
        List<String> combined = new ArrayList<>(lists.a());
        java.util.Set<String> copies = new java.util.HashSet<>(lists.truth().values());
        lists.b().stream()
                .skip(1)
                .filter(line -> copies.contains(line.split(",")[0]))
                .forEach(combined::add);
        Encoder.Encoded encoded = encode(combined, SECRET);
        FieldLinkage.Deduplicated deduplicated = new FieldLinkage(2).dedup(encoded.encodings(), encoded.fields(), 0.5);

        int[] clusters = deduplicated.clusters();
        java.util.Map<Integer, Integer> sizes = new java.util.HashMap<>();
        for (int cluster : clusters) {
            sizes.merge(cluster, 1, Integer::sum);
        }
        assertThat(sizes.values()).allMatch(size -> size <= 2);
        List<String> ids = encoded.encodings().ids();
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int r = 0; r < ids.size(); r++) {
            index.put(ids.get(r), r);
        }
        long found = lists.truth().entrySet().stream()
                .filter(pair -> clusters[index.get(pair.getKey())] == clusters[index.get(pair.getValue())])
                .count();
        long predicted = sizes.values().stream().filter(size -> size == 2).count();
        double precision = (double) found / predicted;
        double recall = (double) found / lists.truth().size();
        assertThat(2 * precision * recall / (precision + recall)).isGreaterThan(0.85);
    }

    @Test
    void termFrequenciesCountWhatComparingEveryRecordWithTheSampleCounts() throws IOException {
        RealisticLists.Lists lists = new RealisticLists(3, RealisticLists.Errors.typical()).generate(800, 0.5);
        org.opennrm.linkage.encoding.FieldEncodings a =
                encode(lists.a(), SECRET).fields();
        org.opennrm.linkage.encoding.FieldEncodings b =
                encode(lists.b(), SECRET).fields();
        Comparisons comparisons = new Comparisons(a, b);
        int[] sample = java.util.stream.IntStream.range(0, b.size())
                .filter(r -> r % 3 == 0)
                .toArray();
        int[] codes = java.util.stream.IntStream.range(0, comparisons.columns().size())
                .filter(c -> comparisons.byEquality(c))
                .map(comparisons::part)
                .toArray();
        assertThat(codes).isNotEmpty();
        boolean[][] need = new boolean[2][a.size()];
        for (int r = 0; r < a.size(); r++) {
            need[0][r] = r % 2 == 0;
            need[1][r] = r % 5 != 0;
        }
        int checked = 0;
        for (int column = 0; column < comparisons.columns().size(); column++) {
            if (!comparisons.columns().get(column).termFrequency()) {
                continue;
            }
            int part = comparisons.part(column);
            double[][] shares = FieldLinkage.frequencies(comparisons, a, b, sample, column, codes, need);
            int[] present = Arrays.stream(sample)
                    .filter(s -> !comparisons.empty(b, s, part))
                    .toArray();
            for (int r = 0; r < a.size(); r++) {
                if (comparisons.empty(a, r, part)) {
                    continue;
                }
                int all = 0;
                int same = 0;
                int sameCodes = 0;
                for (int s : present) {
                    boolean agrees = comparisons.agreeStraight(a, r, b, s, column);
                    boolean codesEqual = true;
                    for (int code : codes) {
                        codesEqual &= comparisons.word(a, r, code) == comparisons.word(b, s, code);
                    }
                    all += agrees ? 1 : 0;
                    sameCodes += codesEqual ? 1 : 0;
                    same += agrees && codesEqual ? 1 : 0;
                }
                double floor = 0.5 / present.length;
                if (need[0][r]) {
                    assertThat(shares[0][r]).isEqualTo(Math.max(floor, (double) all / present.length));
                    checked++;
                }
                if (need[1][r]) {
                    assertThat(shares[1][r])
                            .isEqualTo(sameCodes == 0 ? floor : Math.max(0.5 / sameCodes, (double) same / sameCodes));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void blockedCandidatesKeepNearlyAllTruePairsThatExactCandidatesHold() throws IOException {
        RealisticLists.Lists lists = new RealisticLists(1, RealisticLists.Errors.typical()).generate(3000, 0.5);
        Encoder.Encoded a = encode(lists.a(), SECRET);
        Encoder.Encoded b = encode(lists.b(), SECRET);
        FieldLinkage linkage = new FieldLinkage(2);
        long[] exact = linkage.scoreLink(a.encodings(), a.fields(), b.encodings(), b.fields(), Mode.EXACT)
                .pairs();
        long[] blocked = linkage.scoreLink(a.encodings(), a.fields(), b.encodings(), b.fields(), Mode.BLOCKED)
                .pairs();
        long[] truth = truePairs(lists, a, b);
        long inExact = Arrays.stream(truth)
                .filter(pair -> Arrays.binarySearch(exact, pair) >= 0)
                .count();
        long inBlocked = Arrays.stream(truth)
                .filter(pair -> Arrays.binarySearch(blocked, pair) >= 0)
                .count();
        // Blocked candidates are verified exactly, so they are a subset of the exact ones; the fewer tables of the
        // model's candidate index may miss pairs near the candidate similarity, but hardly any true pair.
        assertThat(Arrays.stream(blocked).allMatch(pair -> Arrays.binarySearch(exact, pair) >= 0))
                .isTrue();
        assertThat(inExact).isGreaterThan(1300);
        assertThat((double) inBlocked / inExact).isGreaterThanOrEqualTo(0.995);
    }

    @Test
    void pairsAreOrderedByDescendingProbabilityThenByPairAsByComparingThem() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        int n = 20_000;
        long[] pairs = random.longs(n, 0, Long.MAX_VALUE).sorted().distinct().toArray();
        double[] probabilities = new double[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            // Equal probabilities, probabilities that differ only in their lowest bits, zeros, ones and others.
            probabilities[i] = switch (random.nextInt(6)) {
                case 0 -> 0.25;
                case 1 -> Math.nextUp(0.25 + random.nextInt(3) * Math.ulp(0.25));
                case 2 -> 0.0;
                case 3 -> 1.0;
                default -> random.nextDouble();
            };
        }
        Integer[] expected = new Integer[pairs.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = i;
        }
        Arrays.sort(expected, (x, y) -> {
            int byProbability = Double.compare(probabilities[y], probabilities[x]);
            return byProbability != 0 ? byProbability : Long.compare(pairs[x], pairs[y]);
        });
        assertThat(FieldLinkage.descending(pairs, probabilities))
                .containsExactly(
                        Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
    }

    @Test
    void theUnionOfCandidatesHoldsEachPairOnceInOrder() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        long[] x = random.longs(5_000, 0, 20_000).sorted().distinct().toArray();
        long[] y = random.longs(3_000, 0, 20_000).sorted().distinct().toArray();
        long[] expected = java.util.stream.LongStream.concat(Arrays.stream(x), Arrays.stream(y))
                .sorted()
                .distinct()
                .toArray();
        assertThat(FieldLinkage.union(x, y)).containsExactly(expected);
        assertThat(FieldLinkage.union(y, new long[0])).containsExactly(y);
        assertThat(FieldLinkage.union(new long[0], x)).containsExactly(x);
    }

    static long[] truePairs(RealisticLists.Lists lists, Encoder.Encoded a, Encoder.Encoded b) {
        java.util.Map<String, Integer> indexA = new java.util.HashMap<>();
        java.util.Map<String, Integer> indexB = new java.util.HashMap<>();
        for (int r = 0; r < a.encodings().size(); r++) {
            indexA.put(a.encodings().ids().get(r), r);
        }
        for (int r = 0; r < b.encodings().size(); r++) {
            indexB.put(b.encodings().ids().get(r), r);
        }
        return lists.truth().entrySet().stream()
                .mapToLong(pair -> ((long) indexA.get(pair.getKey()) << 32) | indexB.get(pair.getValue()))
                .sorted()
                .toArray();
    }

    static double probability(FieldLinkage.Scored scored, int recordA, int recordB) {
        int index = Arrays.binarySearch(scored.pairs(), ((long) recordA << 32) | recordB);
        assertThat(index).as("pair (%d, %d) is a candidate", recordA, recordB).isNotNegative();
        return scored.probabilities()[index];
    }

    static Encoder.Encoded encode(List<String> csv, String secret) throws IOException {
        Path file = Files.createTempFile("secret", "");
        try {
            Files.writeString(file, secret);
            return new Encoder(Schema.defaultSchema(), DeploymentSecret.read(file))
                    .encodeWithFields(new BufferedReader(new StringReader(String.join("\n", csv))));
        } finally {
            Files.delete(file);
        }
    }
}
