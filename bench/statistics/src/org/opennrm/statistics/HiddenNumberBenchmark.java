package org.opennrm.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Simulation benchmark of the hidden number, without Spring or JUnit: seeded populations whose members are unequally
 * likely to be recorded (2 or 3 latent strata with different capture probabilities) and whose lists depend on each
 * other (one pair of lists where being on the first makes the second more or less likely), 3 to 6 lists, 500 to
 * 50,000 people. For each population the log-linear models (main effects, AIC's and BIC's choice), the Rasch-type
 * models (alone and with AIC's interactions), the logit-normal, two-class and latent-class models are fitted to the
 * observed overlap table, and the interval the estimates page recommends is scored. Reported per model: how often the
 * 95% interval holds the true size (coverage), the median relative error of the point estimate, the median fit time,
 * how many intervals were open above, and how many of the bounded ones held the true size.
 *
 * <p>Arguments: {@code --populations N} (default 200), {@code --quick} (40 populations), {@code --seed S},
 * {@code --classes K}, {@code --burn-in B}, {@code --samples M}, {@code --thinning T}, {@code --threads P},
 * {@code --verbose} (one line per population), {@code --scenario standard|classes|visible|severe}, {@code --only i,j}
 * (only these populations of the sequence).
 */
public final class HiddenNumberBenchmark {

    static final String[] MODELS = {
        "main effects", "AIC choice", "BIC choice", "Rasch", "Rasch AIC", "latent class", "recommended", "logit-normal",
        "two-class"
    };
    static final int LATENT = 5;
    static final int RECOMMENDED = 6;

    record Population(int index, long seed, int lists, int size, int strata, int dependentA, int dependentB,
            double dependence, ListOverlapTable table) {}

    /** Per model: total, lower, upper (NaN when the model gave no number; upper +inf when open), seconds. */
    record Outcome(Population population, double[][] estimates, String recommended) {}

    public static void main(String[] args) throws Exception {
        int populations = 200;
        long seed = 20_251_206L;
        int classes = 10;
        int burnIn = 5_000;
        int samples = 1_000;
        int thinning = 10;
        int threads = 1;
        boolean verbose = false;
        String scenario = "standard";
        java.util.Set<Integer> only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> populations = 40;
                case "--populations" -> populations = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--classes" -> classes = Integer.parseInt(args[++i]);
                case "--burn-in" -> burnIn = Integer.parseInt(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--thinning" -> thinning = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--verbose" -> verbose = true;
                case "--scenario" -> scenario = args[++i];
                case "--only" -> only = java.util.Arrays.stream(args[++i].split(","))
                        .map(Integer::valueOf)
                        .collect(java.util.stream.Collectors.toSet());
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        var settings = new LatentClassModel.Settings(classes, burnIn, samples, thinning, 1);
        double[][] levels = levels(scenario);
        System.out.printf(
                Locale.ROOT,
                "scenario %s, populations %d, seed %d; latent-class model: K* = %d, burn-in %d, %d draws kept one in %d (%d iterations)%n",
                scenario, populations, seed, classes, burnIn, samples, thinning, settings.iterations());
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Outcome>> futures = new ArrayList<>();
        var seeds = new SplittableRandom(seed);
        for (int i = 0; i < populations; i++) {
            long populationSeed = seeds.nextLong();
            int index = i;
            if (only != null && !only.contains(i)) {
                continue;
            }
            boolean dependent = !scenario.equals("classes") && !scenario.equals("visible");
            futures.add(
                    pool.submit(() -> run(population(index, populationSeed, levels, dependent), settings)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (var future : futures) {
            Outcome outcome = future.get();
            outcomes.add(outcome);
            if (verbose) {
                print(outcome);
            }
        }
        pool.shutdown();
        summarise(outcomes);
        System.out.printf(Locale.ROOT, "wall time %.1f s with %d thread(s)%n", (System.nanoTime() - start) / 1e9, threads);
    }

    /**
     * A population: lists in 3..6, size log-uniform in 500..50,000, 2 or 3 strata of random shares (each at least
     * 10%); the first stratum is hard to record, the last easy, a middle one between (see {@link #levels}); each
     * list's probability is scaled by its own factor 0.5-1.5 in every stratum. One random pair of lists is dependent:
     * a person on the first is 1.5-3 times as likely (or, in a third of populations, 0.3-0.7 times) to be on the second.
     */
    /**
     * Per-list capture probability ranges of the hard, middle and easy strata. "standard": 5-20%, 12-35%, 25-60%;
     * "severe": 2-12%, 8-23%, 15-50%, where the hard stratum is nearly invisible to every list.
     */
    static double[][] levels(String scenario) {
        return switch (scenario) {
            case "standard", "classes" -> new double[][] {{0.05, 0.20}, {0.12, 0.35}, {0.25, 0.60}};
            case "severe" -> new double[][] {{0.02, 0.12}, {0.08, 0.23}, {0.15, 0.50}};
            case "visible" -> new double[][] {{0.25, 0.40}, {0.35, 0.50}, {0.50, 0.70}};
            default -> throw new IllegalArgumentException("scenario is standard, classes, visible or severe");
        };
    }

    static Population population(int index, long seed, double[][] levels, boolean dependent) {
        var random = new SplittableRandom(seed);
        int lists = 3 + random.nextInt(4);
        int size = (int) Math.round(Math.exp(Math.log(500) + random.nextDouble() * (Math.log(50_000) - Math.log(500))));
        int strata = 2 + random.nextInt(2);
        double[] share = new double[strata];
        double total = 0;
        for (int s = 0; s < strata; s++) {
            share[s] = 0.1 + random.nextDouble();
            total += share[s];
        }
        double[][] capture = new double[strata][lists];
        double[] listFactor = new double[lists];
        for (int j = 0; j < lists; j++) {
            listFactor[j] = 0.5 + random.nextDouble();
        }
        for (int s = 0; s < strata; s++) {
            double[] range = s == 0 ? levels[0] : s == strata - 1 ? levels[2] : levels[1];
            double level = range[0] + (range[1] - range[0]) * random.nextDouble();
            for (int j = 0; j < lists; j++) {
                capture[s][j] = Math.min(0.9, level * listFactor[j]);
            }
        }
        int a = random.nextInt(lists);
        int b = (a + 1 + random.nextInt(lists - 1)) % lists;
        double drawn = random.nextInt(3) == 0 ? 0.3 + 0.4 * random.nextDouble() : 1.5 + 1.5 * random.nextDouble();
        double dependence = dependent ? drawn : 1.0;
        long[] counts = new long[1 << lists];
        double cumulative = 0;
        int person = 0;
        for (int s = 0; s < strata; s++) {
            cumulative += share[s] / total;
            int end = s == strata - 1 ? size : (int) Math.round(cumulative * size);
            for (; person < end; person++) {
                int cell = 0;
                for (int j = 0; j < lists; j++) {
                    double p = capture[s][j];
                    if (j == b && (cell & (1 << a)) != 0) {
                        p = Math.min(0.95, p * dependence);
                    }
                    if (j == a && b < a && (cell & (1 << b)) != 0) {
                        p = Math.min(0.95, p * dependence);
                    }
                    if (random.nextDouble() < p) {
                        cell |= 1 << j;
                    }
                }
                counts[cell]++;
            }
        }
        counts[0] = 0;
        List<String> names = new ArrayList<>();
        for (int j = 0; j < lists; j++) {
            names.add(String.valueOf((char) ('A' + j)));
        }
        return new Population(index, seed, lists, size, strata, a, b, dependence, new ListOverlapTable(names, counts));
    }

    static Outcome run(Population population, LatentClassModel.Settings settings) {
        double[][] estimates = new double[MODELS.length][];
        Arrays.setAll(estimates, i -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
        var table = population.table();
        MseEstimate logLinear = null;
        String problem = null;
        long start = System.nanoTime();
        try {
            logLinear = new MultipleSystemsEstimation().estimateWithHeterogeneity(table, () -> false);
        } catch (MseInputInvalid e) {
            problem = e.getMessage();
        }
        double logLinearSeconds = (System.nanoTime() - start) / 1e9;
        if (logLinear != null) {
            estimates[0] = row(logLinear.mainEffects(), logLinearSeconds);
            estimates[1] = row(logLinear.bestByAic(), logLinearSeconds);
            estimates[2] = row(logLinear.bestByBic(), logLinearSeconds);
            estimates[3] = row(logLinear.rasch(), logLinearSeconds);
            estimates[4] = row(logLinear.raschByAic(), logLinearSeconds);
            // fitted with the log-linear models (MultipleSystemsEstimation), so its time is in theirs
            estimates[7] = row(logLinear.logitNormal(), logLinearSeconds);
            estimates[8] = row(logLinear.twoClasses(), logLinearSeconds);
        }
        var latent = new LatentClassModel(
                        table,
                        new LatentClassModel.Settings(
                                settings.classes(),
                                settings.burnIn(),
                                settings.samples(),
                                settings.thinning(),
                                population.seed()))
                .fit(LatentClassModel.Monitor.NONE);
        estimates[LATENT] = new double[] {
            latent.total(),
            latent.totalLower(),
            latent.unbounded() ? Double.POSITIVE_INFINITY : latent.totalUpper(),
            latent.seconds(),
            latent.effectiveSampleSize()
        };
        var comparison = HiddenNumberComparison.of(table, logLinear, problem, latent);
        String recommended = comparison.recommended() == null ? "none" : comparison.recommended().name();
        var chosen = comparison.recommendedRow();
        if (chosen != null) {
            estimates[RECOMMENDED] = new double[] {
                chosen.total(),
                chosen.totalLower(),
                chosen.totalUpper() == null ? Double.POSITIVE_INFINITY : chosen.totalUpper(),
                logLinearSeconds + latent.seconds()
            };
        }
        return new Outcome(population, estimates, recommended);
    }

    static double[] row(ModelEstimate model, double seconds) {
        if (model == null || model.status() != FitStatus.FITTED) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, seconds};
        }
        return new double[] {
            model.total(),
            model.totalLower(),
            model.totalUpper() == null ? Double.POSITIVE_INFINITY : model.totalUpper(),
            seconds
        };
    }

    static boolean covers(double[] estimate, int size) {
        return !Double.isNaN(estimate[0]) && estimate[1] <= size && size <= estimate[2];
    }

    static void print(Outcome outcome) {
        var p = outcome.population();
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "#%03d lists %d size %6d strata %d dep %s%s x%.2f seen %6d |",
                p.index(), p.lists(), p.size(), p.strata(), (char) ('A' + p.dependentA()), (char) ('A' + p.dependentB()),
                p.dependence(), p.table().observed()));
        for (int m = 0; m < MODELS.length; m++) {
            double[] e = outcome.estimates()[m];
            line.append(String.format(
                    Locale.ROOT, " %s %s", Double.isNaN(e[0]) ? "-" : String.format(Locale.ROOT, "%.0f", e[0]),
                    covers(e, p.size()) ? "ok" : "MISS"));
        }
        line.append(" | ").append(outcome.recommended());
        System.out.println(line);
    }

    static void summarise(List<Outcome> outcomes) {
        System.out.printf(
                Locale.ROOT, "%-14s %8s %9s %14s %14s %13s %6s %16s%n", "model", "numbers", "coverage", "median rel.err",
                "median width", "median fit s", "open", "bounded covering");
        for (int m = 0; m < MODELS.length; m++) {
            int numbers = 0;
            int covered = 0;
            int open = 0;
            int boundedCovered = 0;
            List<Double> errors = new ArrayList<>();
            List<Double> widths = new ArrayList<>();
            List<Double> seconds = new ArrayList<>();
            for (var outcome : outcomes) {
                double[] e = outcome.estimates()[m];
                int size = outcome.population().size();
                if (!Double.isNaN(e[3])) {
                    seconds.add(e[3]);
                }
                if (Double.isNaN(e[0])) {
                    continue;
                }
                numbers++;
                if (covers(e, size)) {
                    covered++;
                }
                if (Double.isInfinite(e[2])) {
                    open++;
                } else if (covers(e, size)) {
                    boundedCovered++;
                }
                errors.add(Math.abs(e[0] - size) / size);
                widths.add((e[2] - e[1]) / size);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-14s %8s %8.1f%% %13.1f%% %13.2fN %13.3f %6d %16s%n",
                    MODELS[m],
                    numbers + "/" + outcomes.size(),
                    100.0 * covered / outcomes.size(),
                    100 * median(errors),
                    median(widths),
                    median(seconds),
                    open,
                    boundedCovered + "/" + (numbers - open));
        }
        System.out.printf(Locale.ROOT, "coverage by number of lists (populations):%n");
        for (int lists = 3; lists <= 6; lists++) {
            int l = lists;
            var some = outcomes.stream().filter(o -> o.population().lists() == l).toList();
            if (some.isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %d lists (%3d):", lists, some.size()));
            for (int m = 0; m < MODELS.length; m++) {
                int mm = m;
                long covered = some.stream()
                        .filter(o -> covers(o.estimates()[mm], o.population().size()))
                        .count();
                line.append(String.format(Locale.ROOT, " %s %.0f%%", MODELS[m], 100.0 * covered / some.size()));
            }
            List<Double> widths = new ArrayList<>();
            for (var o : some) {
                double[] e = o.estimates()[RECOMMENDED];
                if (!Double.isNaN(e[0])) {
                    widths.add((e[2] - e[1]) / o.population().size());
                }
            }
            line.append(String.format(Locale.ROOT, "; recommended median width %.2fN", median(widths)));
            System.out.println(line);
        }
        var choices = new java.util.TreeMap<String, Integer>();
        outcomes.forEach(o -> choices.merge(o.recommended(), 1, Integer::sum));
        System.out.printf(Locale.ROOT, "recommended row: %s%n", choices);
        long misses = outcomes.stream()
                .filter(o -> !covers(o.estimates()[RECOMMENDED], o.population().size()))
                .count();
        long under = outcomes.stream()
                .filter(o -> !covers(o.estimates()[RECOMMENDED], o.population().size())
                        && o.estimates()[RECOMMENDED][2] < o.population().size())
                .count();
        System.out.printf(Locale.ROOT, "recommended misses: %d, of which below the true size %d%n", misses, under);
        double[] ess = outcomes.stream().mapToDouble(o -> o.estimates()[LATENT].length > 4 ? o.estimates()[LATENT][4] : Double.NaN).sorted().toArray();
        System.out.printf(Locale.ROOT, "latent class: median effective sample size %.0f, 10%% quantile %.0f%n",
                LatentClassModel.quantile(ess, 0.5), LatentClassModel.quantile(ess, 0.1));
        System.out.printf(Locale.ROOT, "coverage counts a model without a number as a miss; an open upper limit counts as"
                + " covering when the lower limit is at most the true size (width then infinite); \"bounded covering\""
                + " counts the intervals with an upper limit that held the true size, of all with one%n");
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return LatentClassModel.quantile(sorted, 0.5);
    }
}
