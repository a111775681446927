package org.opennrm.linkage.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.encoding.FieldEncodings;
import org.opennrm.linkage.encoding.PartKind;
import org.opennrm.linkage.matching.Linkage;
import org.opennrm.linkage.matching.Match;
import org.opennrm.linkage.matching.Mode;

/**
 * Field-aware linkage of two lists, or de-duplication of one, on their field encodings: candidate pairs from the
 * record-level CLKs (every pair at or above a low Dice similarity) and from equal dates of birth, comparison
 * levels per field, Fellegi-Sunter weights estimated from the lists themselves without labels, and a match
 * probability per pair. Linking keeps a one-to-one assignment, greedy by probability (best pair first, each record
 * used once: not the optimal assignment, which rarely differs when matches are clear); the threshold is a match
 * probability, and the expected precision and recall follow from the probabilities of the pairs kept and left.
 * De-duplication pairs each record with at most one other in the same way.
 *
 * <p>Refuses with {@link ModelNotEstimated} rather than guess: lists encoded with other secrets, schemas or noise,
 * fewer than {@link #MIN_RECORDS} records in a list, a field empty in every record of a list, too few likely
 * matches, no field that tells matches apart, or weights that make no sense (likely matches that differ in a name
 * more often than they agree).
 */
public final class FieldLinkage {

    /** Below this many records per list the weights rest on too few pairs to be trusted. */
    public static final int MIN_RECORDS = 100;

    /**
     * CLK similarities at or above which a pair becomes a candidate: the lowest of these whose candidates stay
     * within {@link #CANDIDATES_PER_RECORD} per record. Low, since the model decides; FEBRL4 needs 0.6 (0.75 loses
     * 1% of its true pairs), while on lists of people with a few popular names a low similarity brings in
     * millions of pairs of different people who share a name (1.3 million at 0.6 for 10,000 x 10,000), which cost
     * time and memory without changing F1 (bench/README-linkage.md).
     */
    static final double[] CANDIDATE_DICE = {0.6, 0.65, 0.7, 0.75, 0.8, 0.85};

    static final double CANDIDATES_PER_RECORD = 20;

    /** Records of A whose pairs are counted to choose the candidate similarity. */
    static final int CANDIDATE_SAMPLE = 2_000;

    /** Random pairs from which the u probabilities are counted. */
    static final int RANDOM_PAIRS = 200_000;

    /** Records sampled from the other list to estimate how common each record's value is. */
    static final int FREQUENCY_SAMPLE = 2_000;

    /** Below this many expected matches among the candidates the m probabilities would be estimated from noise. */
    static final double MIN_EXPECTED_MATCHES = 10;

    private final Linkage linkage;
    /** A fixed candidate similarity ({@code -Dopennrm.linkage.candidateDice}), or NaN to choose one per run. */
    private final double candidateDice;

    public FieldLinkage(int threads) {
        this.linkage = new Linkage(threads);
        this.candidateDice = Double.parseDouble(System.getProperty("opennrm.linkage.candidateDice", "NaN"));
    }

    public FieldLinkage() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * The estimated model, for the operator to read: how many matches it expects in all, and each level's m, u and
     * weight.
     */
    public record Model(
            double expectedMatches,
            int candidatePairs,
            double candidateDice,
            int iterations,
            List<String> description,
            String timing) {}

    /**
     * A linkage: the one-to-one matches at or above the threshold (their {@link Match#similarity()} is the match
     * probability), the model, and the precision and recall the model expects.
     */
    public record Linked(List<Match> matches, Model model, double expectedPrecision, double expectedRecall) {}

    /**
     * A de-duplication: cluster number per record, the pairs joined (each record in at most one, {@link
     * Match#similarity()} the match probability, a and b positions in the list), the model, and the pairwise precision and recall it
     * expects.
     */
    public record Deduplicated(
            int[] clusters, List<Match> pairs, Model model, double expectedPrecision, double expectedRecall) {}

    public Linked link(
            Encodings a, FieldEncodings fieldsA, Encodings b, FieldEncodings fieldsB, double threshold, Mode mode) {
        Scored scored = scoreLink(a, fieldsA, b, fieldsB, mode);
        List<Match> all = greedy(scored.pairs, scored.probabilities, 0, fieldsA.size(), fieldsB.size(), false);
        List<Match> kept =
                all.stream().filter(match -> match.similarity() >= threshold).toList();
        double expectedAll = all.stream().mapToDouble(Match::similarity).sum();
        double expectedKept = kept.stream().mapToDouble(Match::similarity).sum();
        return new Linked(
                kept,
                scored.model,
                kept.isEmpty() ? 1 : expectedKept / kept.size(),
                expectedAll == 0 ? 0 : expectedKept / expectedAll);
    }

    public Deduplicated dedup(Encodings encodings, FieldEncodings fields, double threshold) {
        check(fields, fields, "the list", "the list");
        long[] start = clocks();
        double dice = candidateDice(encodings, encodings);
        long[] pairs = union(linkage.selfCandidatePairs(encodings, dice), dateBlocks(fields, fields, true));
        Scored scored = score(fields, fields, pairs, true, dice, start);
        // Each record is paired with at most one other, best pair first, as in link: joining every pair at the
        // threshold into connected components chained people who share a popular name into large clusters
        // (pairwise precision 0.52 against 0.96 on the realistic lists, bench/README-linkage.md).
        int[] parent = IntStream.range(0, fields.size()).toArray();
        List<Match> all = greedy(pairs, scored.probabilities, 0, fields.size(), fields.size(), true);
        double expectedAll = 0;
        double expectedKept = 0;
        int kept = 0;
        List<Match> joined = new ArrayList<>();
        for (Match match : all) {
            expectedAll += match.similarity();
            if (match.similarity() >= threshold) {
                expectedKept += match.similarity();
                kept++;
                joined.add(match);
                parent[Math.max(match.a(), match.b())] = Math.min(match.a(), match.b());
            }
        }
        int[] clusters = new int[fields.size()];
        int[] numberOfRoot = new int[fields.size()];
        Arrays.fill(numberOfRoot, -1);
        int next = 0;
        for (int r = 0; r < clusters.length; r++) {
            int root = root(parent, r);
            if (numberOfRoot[root] < 0) {
                numberOfRoot[root] = next++;
            }
            clusters[r] = numberOfRoot[root];
        }
        return new Deduplicated(
                clusters,
                List.copyOf(joined),
                scored.model,
                kept == 0 ? 1 : expectedKept / kept,
                expectedAll == 0 ? 0 : expectedKept / expectedAll);
    }

    private static int root(int[] parent, int r) {
        while (parent[r] != r) {
            parent[r] = parent[parent[r]];
            r = parent[r];
        }
        return r;
    }

    /** Candidate pairs ({@code a << 32 | b}, ascending), their match probabilities, and the model. */
    record Scored(long[] pairs, double[] probabilities, Model model) {}

    /** The candidate pairs of two lists with their match probabilities, before the one-to-one assignment. */
    Scored scoreLink(Encodings a, FieldEncodings fieldsA, Encodings b, FieldEncodings fieldsB, Mode mode) {
        check(fieldsA, fieldsB, "A", "B");
        long[] start = clocks();
        double dice = candidateDice(a, b);
        long[] pairs = union(linkage.modelCandidatePairs(a, b, dice, mode), dateBlocks(fieldsA, fieldsB, false));
        return score(fieldsA, fieldsB, pairs, false, dice, start);
    }

    /**
     * Wall-clock and process CPU nanoseconds (CPU -1 where the platform does not tell): the stage times printed
     * show both, since on a shared machine the parallel stages wait for CPU and wall-clock alone misleads.
     */
    private static long[] clocks() {
        return new long[] {
            System.nanoTime(),
            ProcessHandle.current()
                    .info()
                    .totalCpuDuration()
                    .map(java.time.Duration::toNanos)
                    .orElse(-1L)
        };
    }

    private static String stage(String name, long[] from, long[] to) {
        return String.format(
                Locale.ROOT,
                from[1] < 0 || to[1] < 0 ? "%s %.2f s" : "%s %.2f s (CPU %.2f s)",
                name,
                (to[0] - from[0]) / 1e9,
                (to[1] - from[1]) / 1e9);
    }

    /**
     * The candidate similarity for these lists: pairs of a sample of A's records with all of B are counted at each
     * of {@link #CANDIDATE_DICE}, scaled to all of A, and the lowest similarity whose count stays within budget is
     * taken.
     */
    private double candidateDice(Encodings a, Encodings b) {
        if (!Double.isNaN(candidateDice)) {
            return candidateDice;
        }
        int sampled = Math.min(a.size(), CANDIDATE_SAMPLE);
        int[] records = a.size() <= CANDIDATE_SAMPLE
                ? IntStream.range(0, a.size()).toArray()
                : new SplittableRandom(0x63616e64L)
                        .ints(0, a.size())
                        .distinct()
                        .limit(sampled)
                        .sorted()
                        .toArray();
        List<String> ids = new ArrayList<>(sampled);
        long[] words = new long[sampled * Encodings.WORDS];
        for (int i = 0; i < sampled; i++) {
            ids.add(Integer.toString(i));
            System.arraycopy(a.words(), records[i] * Encodings.WORDS, words, i * Encodings.WORDS, Encodings.WORDS);
        }
        Encodings sample = new Encodings(ids, words);
        double budget = CANDIDATES_PER_RECORD * (a.size() + b.size());
        // Joining the sample at a middle similarity first, which costs far less than at the lowest (on lists of
        // people with popular names most of the sample's pairs lie between the two); only when that one fits the
        // budget is the sample joined again at the lowest. The counts fall as the similarity rises, so the choice
        // is the same as from one join at the lowest.
        int middle = CANDIDATE_DICE.length / 2;
        long[] counts = candidateCounts(sample, b, middle);
        if (counts[middle] * (double) a.size() / sampled <= budget) {
            counts = candidateCounts(sample, b, 0);
        }
        for (int t = 0; t < counts.length; t++) {
            if (counts[t] >= 0 && counts[t] * (double) a.size() / sampled <= budget) {
                return CANDIDATE_DICE[t];
            }
        }
        return CANDIDATE_DICE[CANDIDATE_DICE.length - 1];
    }

    /**
     * Pairs of the sample with all of B at each of {@link #CANDIDATE_DICE} from index {@code from} on; -1 below it
     * (not counted).
     */
    private long[] candidateCounts(Encodings sample, Encodings b, int from) {
        long[] pairs = linkage.candidatePairs(sample, b, CANDIDATE_DICE[from], Mode.EXACT);
        long[] counts = new long[CANDIDATE_DICE.length];
        Arrays.fill(counts, 0, from, -1);
        long[] words = sample.words();
        for (long pair : pairs) {
            int ra = (int) (pair >>> 32);
            int rb = (int) pair;
            int common = 0;
            int sum = 0;
            for (int w = 0; w < Encodings.WORDS; w++) {
                long x = words[ra * Encodings.WORDS + w];
                long y = b.words()[rb * Encodings.WORDS + w];
                common += Long.bitCount(x & y);
                sum += Long.bitCount(x) + Long.bitCount(y);
            }
            double dice = sum == 0 ? 0 : 2.0 * common / sum;
            for (int t = from; t < counts.length; t++) {
                if (dice >= CANDIDATE_DICE[t]) {
                    counts[t]++;
                }
            }
        }
        return counts;
    }

    private static void check(FieldEncodings a, FieldEncodings b, String nameA, String nameB) {
        String incompatible = a.incompatibility(b);
        if (incompatible != null) {
            throw new ModelNotEstimated(incompatible);
        }
        if (a.size() < MIN_RECORDS || b.size() < MIN_RECORDS) {
            throw new ModelNotEstimated(
                    a == b
                            ? "too few records to estimate the weights (" + a.size() + "; at least " + MIN_RECORDS
                                    + " are needed)"
                            : "too few records to estimate the weights (A has " + a.size() + ", B has " + b.size()
                                    + "; at least " + MIN_RECORDS + " per list are needed)");
        }
        int[] offsets = a.offsets();
        for (int p = 0; p < a.parts().size(); p++) {
            for (FieldEncodings side : a == b ? List.of(a) : List.of(a, b)) {
                if (allEmpty(side, offsets[p], side.parts().get(p).kind().words())) {
                    throw new ModelNotEstimated(
                            "field \"" + side.parts().get(p).field() + "\" is empty in every record of "
                                    + (side == a ? nameA : nameB) + ", so the model cannot weigh it");
                }
            }
        }
    }

    private static boolean allEmpty(FieldEncodings side, int offset, int words) {
        int perRecord = side.wordsPerRecord();
        for (int r = 0; r < side.size(); r++) {
            for (int w = 0; w < words; w++) {
                if (side.words()[r * perRecord + offset + w] != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private Scored score(
            FieldEncodings a, FieldEncodings b, long[] pairs, boolean self, double dice, long[] candidatesFrom) {
        long[] start = clocks();
        Comparisons comparisons = new Comparisons(a, b);
        List<Comparisons.Column> columns = comparisons.columns();
        int c = columns.size();
        int[] levels =
                columns.stream().mapToInt(column -> column.levels().size()).toArray();

        SplittableRandom random = new SplittableRandom(0x6669656c6473L);
        int randomPairs = (int) Math.min(RANDOM_PAIRS, (long) a.size() * b.size());
        byte[] randomRows = new byte[randomPairs * c];
        byte[] row = new byte[c];
        for (int i = 0; i < randomPairs; i++) {
            int ra = random.nextInt(a.size());
            int rb = random.nextInt(b.size());
            if (self && ra == rb) {
                rb = (rb + 1) % b.size();
            }
            comparisons.compare(ra, rb, row);
            System.arraycopy(row, 0, randomRows, i * c, c);
        }
        double[][] u = FellegiSunter.uFromRandomPairs(randomRows, randomPairs, levels);

        int n = pairs.length;
        byte[] rows = new byte[n * c];
        IntStream.range(0, n).parallel().forEach(i -> {
            byte[] own = new byte[c];
            comparisons.compare((int) (pairs[i] >>> 32), (int) pairs[i], own);
            System.arraycopy(own, 0, rows, i * c, c);
        });

        long[] compared = clocks();
        float[][] pairU = termFrequencies(comparisons, a, b, pairs, rows, columns);
        long[] counted = clocks();

        // Start from the share of candidates that a one-to-one linkage could at most hold.
        double population = self ? (double) a.size() * (a.size() - 1) / 2 : (double) a.size() * b.size();
        FellegiSunter model = estimate(levels, u, rows, pairs, a.size(), b.size(), population, pairU);
        long[] estimated = clocks();
        double expectedMatches = model.lambda * population;
        if (expectedMatches < MIN_EXPECTED_MATCHES) {
            throw new ModelNotEstimated(String.format(
                    Locale.ROOT,
                    self
                            ? "the list seems to hold too few duplicates to estimate the weights (about %.0f likely"
                                    + " duplicate pairs among %d candidate pairs; at least %.0f are needed)"
                            : "the lists seem to share too few people to estimate the weights (about %.0f likely"
                                    + " matches among %d candidate pairs; at least %.0f are needed)",
                    expectedMatches,
                    n,
                    MIN_EXPECTED_MATCHES));
        }
        boolean separates = false;
        for (int k = 0; k < c; k++) {
            separates |= model.m[k][0] > 2 * model.u[k][0];
            // Names, text and codes: a person's two records agree on them more often than they differ, whatever
            // the errors. A model that says otherwise has taken some other group of pairs (people who share a
            // surname, when a list holds no duplicates) for the matches.
            boolean ordinal = columns.get(k).levels().getFirst().equals("agree")
                    && columns.get(k).levels().getLast().equals("differ")
                    && a.parts().get(comparisons.part(k)).kind() != PartKind.YEAR;
            if (ordinal && model.m[k][0] < model.m[k][levels[k] - 1]) {
                throw new ModelNotEstimated(String.format(
                        Locale.ROOT,
                        "the estimated weights make no sense: the likely matches would differ in %s more often than"
                                + " agree (m %.3f against %.3f), which happens when the lists hold few or no records"
                                + " of the same people",
                        columns.get(k).name(),
                        model.m[k][0],
                        model.m[k][levels[k] - 1]));
            }
        }
        if (!separates) {
            throw new ModelNotEstimated("no field agrees more often among likely matches than among other pairs, so the"
                    + " estimated weights would be meaningless");
        }
        List<String> description = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            StringBuilder line = new StringBuilder(columns.get(k).name()).append(':');
            for (int l = 0; l < levels[k]; l++) {
                line.append(String.format(
                        Locale.ROOT,
                        " %s m=%.3f u=%.4f w=%+.1f;",
                        columns.get(k).levels().get(l),
                        model.m[k][l],
                        model.u[k][l],
                        model.weight(k, l)));
            }
            if (columns.get(k).termFrequency()) {
                line.append(" agreement weighted by how common the value is");
            }
            description.add(line.toString());
        }
        double[] probabilities = model.probabilities(rows, n, pairU);
        String timing = String.join(
                ", ",
                stage("candidates", candidatesFrom, start),
                stage("comparisons", start, compared),
                stage("term frequencies", compared, counted),
                stage("weights", counted, estimated),
                stage("probabilities", estimated, clocks()));
        Model described = new Model(expectedMatches, n, dice, model.iterations, description, timing);
        return new Scored(pairs, probabilities, described);
    }

    /**
     * Estimates m in two runs, as the fields that chose the pairs cannot be weighed on those pairs. Among all
     * candidates the people who share a popular name (and sex and citizenship) outnumber the true matches, and a
     * single run takes them for the matches. So: (1) among the candidates that agree on the most specific field
     * (the smallest u at level 0, usually the date of birth), nearly all of which are matches or chance
     * coincidences of that field alone, the m of every other field is estimated with that field left out; (2) over
     * all candidates, with those m kept, the m of the specific field and the share of matches.
     */
    private static FellegiSunter estimate(
            int[] levels,
            double[][] u,
            byte[] rows,
            long[] pairs,
            int sizeA,
            int sizeB,
            double population,
            float[][] pairU) {
        int c = levels.length;
        int n = pairs.length;
        int smaller = Math.min(sizeA, sizeB);
        int specific = 0;
        for (int k = 1; k < c; k++) {
            if (u[k][0] < u[specific][0]) {
                specific = k;
            }
        }
        int column = specific;
        int[] agreeing =
                IntStream.range(0, n).filter(i -> rows[i * c + column] == 0).toArray();
        int[] all = IntStream.range(0, n).toArray();
        FellegiSunter model = new FellegiSunter(levels, u);
        boolean[] none = new boolean[c];
        boolean[] onlySpecific = new boolean[c];
        onlySpecific[specific] = true;
        boolean[] allButSpecific = new boolean[c];
        Arrays.fill(allButSpecific, true);
        allButSpecific[specific] = false;
        if (agreeing.length >= MIN_EXPECTED_MATCHES) {
            double maximum = Math.min(1 - 1e-9, (double) smaller / agreeing.length);
            model.estimate(
                    rows,
                    pairs,
                    sizeA,
                    sizeB,
                    agreeing,
                    pairU,
                    agreeing.length,
                    0.5 * maximum,
                    maximum,
                    onlySpecific,
                    none);
        }
        double maximum = smaller / population;
        model.estimate(
                rows,
                pairs,
                sizeA,
                sizeB,
                all,
                pairU,
                population,
                0.5 * maximum,
                maximum,
                none,
                agreeing.length >= MIN_EXPECTED_MATCHES ? allButSpecific : none);
        return model;
    }

    /**
     * Each pair's u at level 0 of each term-frequency column: how often the pair's value agrees with a record drawn
     * at random from the other list, measured on the encodings by comparing each record with a sample of the other
     * list (the mean of both records' estimates; at least half a sample record, so that a value never seen in the
     * sample does not get an infinite weight). Null for the other columns.
     *
     * <p>Names are counted among the sampled records with the same codes (sex, citizenship) when the pair agrees
     * on all of them. Names come from pools per origin and sex: two people called Olena agree on sex and
     * citizenship anyway, so the chance that two different people share the name and the codes is the chance of
     * sharing the codes times that of sharing the name among people with those codes, not times the name's
     * frequency in the whole list, which would count the same evidence twice.
     */
    private static float[][] termFrequencies(
            Comparisons comparisons,
            FieldEncodings a,
            FieldEncodings b,
            long[] pairs,
            byte[] rows,
            List<Comparisons.Column> columns) {
        int c = columns.size();
        float[][] pairU = new float[c][];
        SplittableRandom random = new SplittableRandom(0x7466L);
        int[] sampleA = sample(a.size(), random);
        int[] sampleB = sample(b.size(), random);
        List<Integer> codeColumns = new ArrayList<>();
        for (int k = 0; k < c; k++) {
            if (a.parts().get(comparisons.part(k)).kind() == PartKind.CODE) {
                codeColumns.add(k);
            }
        }
        int[] codeParts = codeColumns.stream().mapToInt(comparisons::part).toArray();
        for (int k = 0; k < c; k++) {
            if (!columns.get(k).termFrequency()) {
                continue;
            }
            boolean conditioned = !codeColumns.contains(k) && codeParts.length > 0;
            // Which records need which estimate: only those in a pair that agrees in this column.
            boolean[][] needA = new boolean[2][a.size()];
            boolean[][] needB = new boolean[2][b.size()];
            byte[] which = new byte[pairs.length];
            int column = k;
            int[] codeColumnsOf =
                    codeColumns.stream().mapToInt(Integer::intValue).toArray();
            // On all threads: each pair writes only its own entries and marks (a mark is only ever set to true).
            IntStream.range(0, pairs.length).parallel().forEach(i -> {
                if (rows[i * c + column] != 0) {
                    return;
                }
                boolean codesAgree = conditioned;
                for (int code : codeColumnsOf) {
                    codesAgree &= rows[i * c + code] == 0;
                }
                which[i] = (byte) (codesAgree ? 1 : 0);
                needA[which[i]][(int) (pairs[i] >>> 32)] = true;
                needB[which[i]][(int) pairs[i]] = true;
            });
            double[][] inB = frequencies(comparisons, a, b, sampleB, k, conditioned ? codeParts : new int[0], needA);
            double[][] inA = frequencies(comparisons, b, a, sampleA, k, conditioned ? codeParts : new int[0], needB);
            float[] own = new float[pairs.length];
            IntStream.range(0, pairs.length).parallel().forEach(i -> {
                if (rows[i * c + column] == 0) {
                    own[i] = (float) ((inB[which[i]][(int) (pairs[i] >>> 32)] + inA[which[i]][(int) pairs[i]]) / 2);
                }
            });
            pairU[k] = own;
        }
        return pairU;
    }

    private static int[] sample(int size, SplittableRandom random) {
        if (size <= FREQUENCY_SAMPLE) {
            return IntStream.range(0, size).toArray();
        }
        return random.ints(0, size).distinct().limit(FREQUENCY_SAMPLE).sorted().toArray();
    }

    /**
     * For each record of {@code x} that {@code need} marks: [0] the share of the sampled records of {@code y} (value
     * present) that it agrees with in column {@code column}, [1] the same share among the sampled records with the
     * same code parts as it. Codes agree only when equal, so they are counted in a table; names are compared with
     * the sampled records of the same codes only, where that is all that is needed.
     */
    static double[][] frequencies(
            Comparisons comparisons,
            FieldEncodings x,
            FieldEncodings y,
            int[] sample,
            int column,
            int[] codes,
            boolean[][] need) {
        int part = comparisons.part(column);
        int[] present = Arrays.stream(sample)
                .filter(r -> !comparisons.empty(y, r, part))
                .toArray();
        double floor = 0.5 / Math.max(1, present.length);
        double[][] shares = new double[2][x.size()];
        Arrays.fill(shares[0], floor);
        Arrays.fill(shares[1], floor);
        if (present.length == 0) {
            return shares;
        }
        // The sampled filters laid out together, grouped by their codes and by popcount within a group, so that
        // each record is compared in a tight loop, and only with the filters whose popcount allows a Dice
        // similarity at the agreeing level (a length filter: 2 min(p, q) / (p + q) bounds the Dice of popcounts p, q).
        Map<String, List<Integer>> members = new HashMap<>();
        for (int s : present) {
            members.computeIfAbsent(codeKey(comparisons, y, s, codes), key -> new ArrayList<>())
                    .add(s);
        }
        int words = comparisons.words(column);
        int offset = comparisons.offset(column);
        int perRecord = y.wordsPerRecord();
        long[] filters = new long[present.length * words];
        int[] popcounts = new int[present.length];
        Map<String, int[]> groups = new HashMap<>();
        Map<Long, Integer> equalCounts = new HashMap<>();
        int next = 0;
        for (Map.Entry<String, List<Integer>> group : members.entrySet()) {
            int start = next;
            List<Integer> records = new ArrayList<>(group.getValue());
            records.sort(java.util.Comparator.comparingInt(r -> comparisons.popcount(y, r, part)));
            for (int s : records) {
                System.arraycopy(y.words(), s * perRecord + offset, filters, next * words, words);
                popcounts[next] = comparisons.popcount(y, s, part);
                if (words == 1) {
                    equalCounts.merge(filters[next], 1, Integer::sum);
                }
                next++;
            }
            groups.put(group.getKey(), new int[] {start, next});
        }
        boolean equality = comparisons.byEquality(column);
        double agreeing = comparisons.agreeingDice(column);
        List<int[]> ranges = List.copyOf(groups.values());
        long[] xWords = x.words();
        int xPerRecord = x.wordsPerRecord();
        IntStream.range(0, x.size()).parallel().forEach(r -> {
            if (!need[0][r] && !need[1][r] || comparisons.empty(x, r, part)) {
                return;
            }
            int base = r * xPerRecord + offset;
            if (need[0][r]) {
                int count = 0;
                if (equality && words == 1) {
                    count = equalCounts.getOrDefault(xWords[base], 0);
                } else {
                    for (int[] group : ranges) {
                        count += agreeingIn(xWords, base, words, filters, popcounts, group, equality, agreeing);
                    }
                }
                shares[0][r] = Math.max(floor, (double) count / present.length);
            }
            if (need[1][r]) {
                int[] same = groups.get(codeKey(comparisons, x, r, codes));
                if (same != null) {
                    int size = same[1] - same[0];
                    int count = agreeingIn(xWords, base, words, filters, popcounts, same, equality, agreeing);
                    shares[1][r] = Math.max(0.5 / size, (double) count / size);
                }
            }
        });
        return shares;
    }

    /**
     * How many of the laid-out filters in {@code range} (ascending popcounts) agree with the filter at {@code base} of {@code xWords}:
     * equal ones, or (by Dice) as {@link Comparisons#agreeStraight}, with the same arithmetic.
     */
    private static int agreeingIn(
            long[] xWords,
            int base,
            int words,
            long[] filters,
            int[] popcounts,
            int[] range,
            boolean equality,
            double agreeing) {
        int count = 0;
        if (equality) {
            for (int s = range[0]; s < range[1]; s++) {
                boolean equal = true;
                for (int w = 0; w < words; w++) {
                    equal &= xWords[base + w] == filters[s * words + w];
                }
                count += equal ? 1 : 0;
            }
            return count;
        }
        int p = 0;
        for (int w = 0; w < words; w++) {
            p += Long.bitCount(xWords[base + w]);
        }
        // Popcounts q with 2 min(p, q) / (p + q) below the agreeing Dice cannot agree; one to spare either side.
        int low = (int) Math.floor(agreeing * p / (2 - agreeing)) - 1;
        int high = agreeing <= 0 ? Integer.MAX_VALUE : (int) Math.ceil((2 - agreeing) * p / agreeing) + 1;
        int from = lowerBound(popcounts, range[0], range[1], low);
        for (int s = from; s < range[1] && popcounts[s] <= high; s++) {
            int common = 0;
            for (int w = 0; w < words; w++) {
                common += Long.bitCount(xWords[base + w] & filters[s * words + w]);
            }
            int sum = p + popcounts[s];
            if (sum > 0 && 2.0 * common / sum >= agreeing) {
                count++;
            }
        }
        return count;
    }

    /** The first index in [from, to) of the ascending {@code values} whose value is at least {@code key}. */
    private static int lowerBound(int[] values, int from, int to, int key) {
        int low = from;
        int high = to;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (values[middle] < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static String codeKey(Comparisons comparisons, FieldEncodings side, int r, int[] codes) {
        StringBuilder key = new StringBuilder();
        for (int code : codes) {
            key.append(comparisons.word(side, r, code)).append(':');
        }
        return key.toString();
    }

    /** Pairs whose dates of birth have the same year and the same day and month, in either order. */
    private static long[] dateBlocks(FieldEncodings a, FieldEncodings b, boolean self) {
        List<FieldEncodings.Part> parts = a.parts();
        int year = -1;
        for (int p = 0; p < parts.size(); p++) {
            if (parts.get(p).kind() == PartKind.YEAR) {
                year = p;
                break;
            }
        }
        if (year < 0) {
            return new long[0];
        }
        long[] keysA = dateKeys(a, year);
        long[] keysB = self ? keysA : dateKeys(b, year);
        long[] result = new long[1024];
        int size = 0;
        int i = 0;
        int j = 0;
        while (i < keysA.length && j < keysB.length) {
            long keyA = keysA[i] >>> 24;
            long keyB = keysB[j] >>> 24;
            if (keyA < keyB) {
                i++;
            } else if (keyA > keyB) {
                j++;
            } else {
                int endA = i;
                while (endA < keysA.length && keysA[endA] >>> 24 == keyA) {
                    endA++;
                }
                int endB = j;
                while (endB < keysB.length && keysB[endB] >>> 24 == keyB) {
                    endB++;
                }
                for (int x = i; x < endA; x++) {
                    for (int y = j; y < endB; y++) {
                        int ra = (int) (keysA[x] & 0xffffff);
                        int rb = (int) (keysB[y] & 0xffffff);
                        if (self && ra >= rb) {
                            continue;
                        }
                        if (size == result.length) {
                            result = Arrays.copyOf(result, size * 2);
                        }
                        result[size++] = ((long) ra << 32) | rb;
                    }
                }
                i = endA;
                j = endB;
            }
        }
        long[] pairs = Arrays.copyOf(result, size);
        Arrays.parallelSort(pairs);
        return pairs;
    }

    /** 40 bits of a hash of the year and the unordered day and month, then 24 bits of record number; sorted. */
    private static long[] dateKeys(FieldEncodings side, int year) {
        if (side.size() >= 1 << 24) {
            throw new ModelNotEstimated("lists of more than 16,777,215 records are not supported by the field model");
        }
        int perRecord = side.wordsPerRecord();
        int[] offsets = side.offsets();
        long[] keys = new long[side.size()];
        int count = 0;
        for (int r = 0; r < side.size(); r++) {
            long y = side.words()[r * perRecord + offsets[year]];
            long month = side.words()[r * perRecord + offsets[year + 1]];
            long day = side.words()[r * perRecord + offsets[year + 2]];
            if (y == 0 || month == 0 || day == 0) {
                continue;
            }
            long h = y * 0x9e3779b97f4a7c15L;
            h = (h ^ Math.min(month, day)) * 0xbf58476d1ce4e5b9L;
            h = (h ^ Math.max(month, day)) * 0x94d049bb133111ebL;
            h ^= h >>> 31;
            keys[count++] = (h >>> 24 << 24) | r;
        }
        long[] sorted = Arrays.copyOf(keys, count);
        Arrays.sort(sorted);
        return sorted;
    }

    /** The distinct pairs of two ascending arrays, ascending: merged in one pass. */
    static long[] union(long[] x, long[] y) {
        long[] all = new long[x.length + y.length];
        int size = 0;
        int i = 0;
        int j = 0;
        while (i < x.length || j < y.length) {
            long next = j == y.length || i < x.length && x[i] <= y[j] ? x[i++] : y[j++];
            if (size == 0 || all[size - 1] != next) {
                all[size++] = next;
            }
        }
        return Arrays.copyOf(all, size);
    }

    /**
     * The pairs' indexes by descending probability, ties by ascending pair. The order is total (no two pairs are
     * equal), so it never depends on the threads. Pairs in ascending order with probabilities in [0, 1] (as scored)
     * and fewer than 2^24 of them are sorted as primitive keys on all threads: the upper 40 bits of the probability's
     * bits (which order non-negative doubles as the doubles) then the index, and the rare runs whose
     * probabilities agree in those bits only are sorted again by the whole probability. Otherwise, by comparing
     * boxed indexes (five times slower at 5.6 million pairs).
     */
    static int[] descending(long[] pairs, double[] probabilities) {
        int n = pairs.length;
        boolean primitive = n < 1 << 24;
        for (int i = 0; primitive && i < n; i++) {
            primitive = probabilities[i] >= 0 && probabilities[i] <= 1 && (i == 0 || pairs[i - 1] < pairs[i]);
        }
        if (!primitive) {
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.parallelSort(boxed, (x, y) -> byProbability(pairs, probabilities, x, y));
            return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        }
        long top = Double.doubleToLongBits(1.0) >>> 24;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((top - (Double.doubleToLongBits(probabilities[i] + 0.0) >>> 24)) << 24) | i;
        }
        Arrays.parallelSort(keys);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & 0xffffff);
        }
        for (int start = 0; start < n; ) {
            int end = start + 1;
            boolean differ = false;
            while (end < n && keys[end] >>> 24 == keys[start] >>> 24) {
                differ |= probabilities[order[end]] != probabilities[order[start]];
                end++;
            }
            if (differ) {
                Integer[] run = new Integer[end - start];
                for (int k = start; k < end; k++) {
                    run[k - start] = order[k];
                }
                Arrays.sort(run, (x, y) -> byProbability(pairs, probabilities, x, y));
                for (int k = start; k < end; k++) {
                    order[k] = run[k - start];
                }
            }
            start = end;
        }
        return order;
    }

    private static int byProbability(long[] pairs, double[] probabilities, int x, int y) {
        int byProbability = Double.compare(probabilities[y], probabilities[x]);
        return byProbability != 0 ? byProbability : Long.compare(pairs[x], pairs[y]);
    }

    /**
     * Greedy one-to-one by descending probability; ties by A, then B record, so the result never varies. Within one
     * list ({@code self}) a record is taken once, whichever side of a pair it is on.
     */
    private static List<Match> greedy(
            long[] pairs, double[] probabilities, double threshold, int sizeA, int sizeB, boolean self) {
        int[] order = descending(pairs, probabilities);
        boolean[] takenA = new boolean[sizeA];
        boolean[] takenB = self ? takenA : new boolean[sizeB];
        List<Match> matches = new ArrayList<>();
        for (int i : order) {
            if (probabilities[i] < threshold) {
                break;
            }
            int ra = (int) (pairs[i] >>> 32);
            int rb = (int) pairs[i];
            if (!takenA[ra] && !takenB[rb]) {
                takenA[ra] = true;
                takenB[rb] = true;
                matches.add(new Match(ra, rb, probabilities[i]));
            }
        }
        return matches;
    }
}
