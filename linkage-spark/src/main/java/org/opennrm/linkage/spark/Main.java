package org.opennrm.linkage.spark;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.opennrm.linkage.encoding.EncodingFiles;
import org.opennrm.linkage.encoding.InputRejected;
import org.opennrm.linkage.matching.Match;
import org.opennrm.linkage.matching.Mode;

/**
 * Entry point of {@code opennrm-linkage-spark.jar}: {@code java -jar} (local mode) or {@code spark-submit}. Exit
 * codes as the linkage tool's: 0 done, 1 input rejected or not readable (nothing written), 2 wrong command line.
 */
public final class Main {

    static final int OK = 0;
    static final int REJECTED = 1;
    static final int USAGE = 2;

    /** Above this many records the smaller side is not broadcast (128 bytes each: 128 MiB per executor). */
    static final int BROADCAST_LIMIT = 1_000_000;

    /** Chunk size in exact mode: tasks of a few seconds each, small enough to balance over the cores. */
    static final int DEFAULT_PARTITION_SIZE = 20_000;

    static final String USAGE_TEXT = """
            Usage: java -jar opennrm-linkage-spark.jar link [options]
                   spark-submit --class org.opennrm.linkage.spark.Main --jars opennrm-linkage.jar \\
                       opennrm-linkage-spark.jar link [options]

            Links two sets of encodings (anonlink format, NAME.clk and NAME.ids, as written by
            opennrm-linkage.jar encode) as an Apache Spark job, with the linkage tool's own kernels and
            greedy matching: in exact mode the result is the same as `opennrm-linkage.jar link`.

            Options of link:
              --a, --b          encoding names, comma-separated when a side is split over several files
                                (A1,A2 reads A1.clk/A1.ids then A2.clk/A2.ids as one list)
              --threshold       Dice similarity, above 0 and at most 1
              --mode            exact (default) or blocked (Hamming LSH within each task, verified exactly)
              --partition-size  records per chunk; a chunk never spans two files. Default: 20000 in
                                exact mode; in blocked mode the larger side divided by Spark's default
                                parallelism (each blocked task hashes the whole broadcast side again,
                                so fewer and larger chunks are faster)
              --strategy        broadcast: the smaller side goes to every task, the larger is cut in chunks;
                                grid: every chunk of A meets every chunk of B, for two large sides;
                                auto (default): broadcast up to 1,000,000 records on the smaller side
              --master          Spark master (default: spark-submit's, else local[*])
              --out             CSV with columns a_id,b_id,similarity, as opennrm-linkage.jar link writes it

            Files are read by the tasks with plain Java: on a cluster they must be at the same path on every
            executor (a shared mount). Exit codes: 0 done, 1 input rejected (nothing written), 2 wrong
            command line.
            """;

    private static final Set<String> LINK_OPTIONS =
            Set.of("a", "b", "threshold", "mode", "partition-size", "strategy", "master", "out");

    private Main() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != OK) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        try {
            switch (args[0]) {
                case "--help", "-h", "help" -> out.print(USAGE_TEXT);
                case "link" -> link(options(Arrays.asList(args).subList(1, args.length)), out);
                default -> throw new UsageError("unknown command \"" + args[0] + "\"");
            }
            return OK;
        } catch (UsageError e) {
            err.println("error: " + e.getMessage());
            err.println("Run with --help for usage.");
            return USAGE;
        } catch (InputRejected e) {
            err.println("error: " + e.getMessage());
            return REJECTED;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage() + ": " + e.getCause().getMessage());
            return REJECTED;
        }
    }

    private static void link(Map<String, String> options, PrintStream out) {
        if (options.containsKey("help")) {
            out.print(USAGE_TEXT);
            return;
        }
        List<Path> aNames = names(required(options, "a"));
        List<Path> bNames = names(required(options, "b"));
        double threshold = threshold(required(options, "threshold"));
        Mode mode = mode(options.get("mode"));
        int chosenSize = partitionSize(options.get("partition-size"));
        String strategyText = options.getOrDefault("strategy", "auto");
        if (!Set.of("auto", "broadcast", "grid").contains(strategyText)) {
            throw new UsageError("--strategy must be auto, broadcast or grid, not \"" + strategyText + "\"");
        }
        Path target = Path.of(required(options, "out"));
        long start = System.nanoTime();
        EncodingSet a = EncodingSet.open(aNames);
        EncodingSet b = EncodingSet.open(bNames);
        SparkLinkage.Strategy strategy = strategyText.equals("grid")
                        || (strategyText.equals("auto") && Math.min(a.size(), b.size()) > BROADCAST_LIMIT)
                ? SparkLinkage.Strategy.GRID
                : SparkLinkage.Strategy.BROADCAST;
        SparkConf conf = new SparkConf().setAppName("opennrm-linkage").setIfMissing("spark.ui.enabled", "false");
        String master = options.get("master");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        SparkLinkage.Linked linked;
        String runsOn;
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            runsOn = spark.master();
            int partitionSize = chosenSize > 0
                    ? chosenSize
                    : defaultPartitionSize(mode, Math.max(a.size(), b.size()), spark.defaultParallelism());
            SparkLinkage.Plan plan = new SparkLinkage.Plan(threshold, mode, partitionSize, strategy);
            linked = new SparkLinkage(spark).link(a, b, plan);
        }
        List<String> idsA = a.ids();
        List<String> idsB = b.ids();
        List<Match> matches = linked.matches();
        EncodingFiles.writeAtomically(target, writer -> {
            writer.write("a_id,b_id,similarity\n");
            StringBuilder line = new StringBuilder();
            for (Match match : matches) {
                line.setLength(0);
                line.append(csv(idsA.get(match.a())))
                        .append(',')
                        .append(csv(idsB.get(match.b())))
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.6f", match.similarity()))
                        .append('\n');
                writer.append(line);
            }
        });
        out.printf(
                Locale.ROOT,
                "linked %d x %d encodings (%s, spark %s, %s, tasks: %d): %d pairs at or above %s, %d matches in %s%n"
                        + "time: pairs %.2f s, matching %.2f s, total %.2f s%n",
                a.size(),
                b.size(),
                mode.name().toLowerCase(Locale.ROOT),
                runsOn,
                strategy.name().toLowerCase(Locale.ROOT),
                linked.tasks(),
                linked.candidatePairs(),
                threshold,
                matches.size(),
                target,
                linked.searchNanos() / 1e9,
                linked.matchNanos() / 1e9,
                (System.nanoTime() - start) / 1e9);
    }

    static Map<String, String> options(List<String> args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                values.put("help", "");
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new UsageError("unexpected argument \"" + arg + "\"");
            }
            String name = arg.substring(2);
            if (!LINK_OPTIONS.contains(name)) {
                throw new UsageError("unknown option --" + name);
            }
            if (i + 1 >= args.size()) {
                throw new UsageError("option --" + name + " needs a value");
            }
            if (values.put(name, args.get(++i)) != null) {
                throw new UsageError("option --" + name + " given twice");
            }
        }
        return values;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new UsageError("missing option --" + name);
        }
        return value;
    }

    private static List<Path> names(String text) {
        List<Path> names = new ArrayList<>();
        for (String name : text.split(",")) {
            if (name.isBlank()) {
                throw new UsageError("empty encoding name in \"" + text + "\"");
            }
            names.add(Path.of(name.strip()));
        }
        return names;
    }

    private static double threshold(String text) {
        double threshold;
        try {
            threshold = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageError("--threshold must be a number, not \"" + text + "\"");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new UsageError("--threshold must be above 0 and at most 1, not " + text);
        }
        return threshold;
    }

    private static Mode mode(String text) {
        if (text == null) {
            return Mode.EXACT;
        }
        return switch (text) {
            case "exact" -> Mode.EXACT;
            case "blocked" -> Mode.BLOCKED;
            default -> throw new UsageError("--mode must be exact or blocked, not \"" + text + "\"");
        };
    }

    /**
     * In blocked mode a task builds the LSH tables over its whole other input, so its cost grows with the broadcast
     * side whatever the chunk size: one chunk per core keeps that repeated work to the minimum.
     */
    static int defaultPartitionSize(Mode mode, int largerSide, int parallelism) {
        if (mode == Mode.EXACT) {
            return DEFAULT_PARTITION_SIZE;
        }
        int cores = Math.max(1, parallelism);
        return Math.max(1, (largerSide + cores - 1) / cores);
    }

    /** The chunk size asked for, or 0 when the default applies. */
    private static int partitionSize(String text) {
        if (text == null) {
            return 0;
        }
        try {
            int size = Integer.parseInt(text);
            if (size >= 1) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below, with the same message as a number below 1
        }
        throw new UsageError("--partition-size must be a whole number of at least 1, not \"" + text + "\"");
    }

    /** As the linkage tool quotes ids: only when they hold a comma or a quote. */
    static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** The command line itself is wrong; exit code 2. */
    static final class UsageError extends RuntimeException {

        UsageError(String message) {
            super(message);
        }
    }
}
