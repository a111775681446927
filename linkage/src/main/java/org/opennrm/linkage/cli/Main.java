package org.opennrm.linkage.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opennrm.linkage.encoding.DeploymentSecret;
import org.opennrm.linkage.encoding.Encoder;
import org.opennrm.linkage.encoding.EncodingFiles;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.encoding.FieldEncodings;
import org.opennrm.linkage.encoding.InputRejected;
import org.opennrm.linkage.encoding.Schema;
import org.opennrm.linkage.matching.Linkage;
import org.opennrm.linkage.matching.Match;
import org.opennrm.linkage.matching.Mode;
import org.opennrm.linkage.scoring.FieldLinkage;
import org.opennrm.linkage.scoring.ModelNotEstimated;

/**
 * Entry point of {@code opennrm-linkage.jar}. Exit codes: 0 done, 1 input rejected or not readable (nothing
 * written), 2 wrong command line.
 */
public final class Main {

    static final int OK = 0;
    static final int REJECTED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage: java -jar opennrm-linkage.jar <command> [options]

            Privacy-preserving record linkage. Identifiers are encoded locally into 1024-bit Bloom-filter
            encodings (CLKs, anonlink format) and per-field encodings; only encodings are linked.

            Commands:
              encode   encode a CSV of identifiers into NAME.clk, NAME.ids and NAME.fields
              link     link two encoding sets: one-to-one matches above a match probability (field-aware
                       model) or a Dice threshold (record-level score)
              dedup    cluster the duplicates within one encoding set

            Run a command with --help for its options.
            Exit codes: 0 done, 1 input rejected (nothing written), 2 wrong command line.
            """;

    static final String ENCODE_HELP = """
            Usage: encode [--schema S.json] --secret-file K --in people.csv --out NAME [--fields yes|no]

              --schema       schema JSON (fields, tokenisation, k per field); if omitted, the built-in schema
                             for the header id,given_name,family_name,date_of_birth,sex,citizenship
                             (dates YYYY-MM-DD, citizenship ISO 3166 alpha-3, any field may be empty)
              --secret-file  the deployment secret (at least 16 bytes), the same for all agencies of a run
              --in           UTF-8 CSV whose header is the schema's id column and fields, in order
              --out          output name: writes NAME.clk (128 bytes per record) and NAME.ids
              --fields       yes (default): also write NAME.fields, the per-field encodings that the
                             field-aware model of link and dedup needs; no: only the CLKs
            """;

    static final String LINK_HELP = """
            Usage: link --a A --b B --threshold T [--model field|clk] [--mode exact|blocked] --out matches.csv

              --a, --b       encoding names (A.clk/A.ids[/A.fields], B.clk/B.ids[/B.fields])
              --model        field (default when both lists have .fields files): Fellegi-Sunter weights per
                             field, learnt from the two lists without labels; clk: the record-level Dice
                             score of the CLKs (the default when a list has no .fields file)
              --threshold    field model: the estimated match probability a pair must reach (0.5 is a
                             usual choice); clk model: Dice similarity (0.8 suits the built-in schema)
              --dice-threshold  Dice similarity used when the field model cannot be estimated from these
                             lists and the tool falls back to the record-level score (default 0.8)
              --mode         exact (default): every pair at or above the (candidate) Dice threshold;
                             blocked: candidates from Hamming LSH over the CLKs, for large lists
              --out          CSV: a greedy one-to-one matching, best pair first, with columns
                             a_id,b_id,probability (field model) or a_id,b_id,similarity (clk model)
            The field model prints the precision and recall it expects at the threshold.
            """;

    static final String DEDUP_HELP = """
            Usage: dedup --in A --threshold T [--model field|clk] --out clusters.csv

              --in           encoding name (A.clk/A.ids[/A.fields])
              --model        field (default when A.fields exists) or clk, as for link
              --threshold    field model: estimated match probability; clk model: Dice similarity
              --dice-threshold  Dice similarity used when the field model cannot be estimated (default 0.85)
              --out          CSV with columns id,cluster (cluster numbers 0, 1, ... in file order). Field model:
                             each record is paired with at most one other, most probable pair first, so a
                             cluster holds one or two records; clk model: records joined by any chain of pairs
                             at or above the threshold share a cluster
            """;

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
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "--help", "-h", "help" -> out.print(USAGE_TEXT);
                case "encode" ->
                    encode(Arguments.parse(rest, Set.of("schema", "secret-file", "in", "out", "fields")), out);
                case "link" ->
                    link(
                            Arguments.parse(
                                    rest, Set.of("a", "b", "threshold", "mode", "out", "model", "dice-threshold")),
                            out,
                            err);
                case "dedup" ->
                    dedup(Arguments.parse(rest, Set.of("in", "threshold", "out", "model", "dice-threshold")), out, err);
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
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory; give the JVM more with -Xmx");
            return REJECTED;
        }
    }

    private static void encode(Arguments arguments, PrintStream out) {
        if (arguments.help()) {
            out.print(ENCODE_HELP);
            return;
        }
        String schemaFile = arguments.optional("schema");
        Path secretFile = Path.of(arguments.required("secret-file"));
        Path in = Path.of(arguments.required("in"));
        Path name = Path.of(arguments.required("out"));
        boolean fields = yesOrNo(arguments.optional("fields"), "--fields");
        Schema schema = schemaFile == null ? Schema.defaultSchema() : Schema.read(Path.of(schemaFile));
        DeploymentSecret secret = DeploymentSecret.read(secretFile);
        long records = new Encoder(schema, secret).encode(in, name, fields);
        out.println("encoded " + records + " records into " + EncodingFiles.clkFile(name) + ", "
                + EncodingFiles.idsFile(name) + (fields ? " and " + EncodingFiles.fieldsFile(name) : ""));
    }

    private static boolean yesOrNo(String text, String option) {
        if (text == null || text.equals("yes")) {
            return true;
        }
        if (text.equals("no")) {
            return false;
        }
        throw new UsageError(option + " must be yes or no, not \"" + text + "\"");
    }

    /** Which model the user asked for: null (the best the inputs allow), "field" or "clk". */
    private static String model(Arguments arguments) {
        String model = arguments.optional("model");
        if (model != null && !model.equals("field") && !model.equals("clk")) {
            throw new UsageError("--model must be field or clk, not \"" + model + "\"");
        }
        return model;
    }

    private static double diceThreshold(Arguments arguments, double fallback) {
        String text = arguments.optional("dice-threshold");
        if (text == null) {
            return fallback;
        }
        double threshold;
        try {
            threshold = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageError("--dice-threshold must be a number, not \"" + text + "\"");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new UsageError("--dice-threshold must be above 0 and at most 1, not " + text);
        }
        return threshold;
    }

    /**
     * The field encodings of both lists when the field model is to run, or null for the record-level score; an
     * explicit --model field without them is refused.
     */
    private static FieldEncodings[] fieldsFor(String model, List<Path> names, List<Encodings> lists, PrintStream err) {
        if ("clk".equals(model)) {
            return null;
        }
        FieldEncodings[] fields = new FieldEncodings[names.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = EncodingFiles.readFields(names.get(i), lists.get(i).size());
            if (fields[i] == null) {
                if ("field".equals(model)) {
                    throw new InputRejected("--model field needs field encodings, but "
                            + EncodingFiles.fieldsFile(names.get(i)) + " does not exist; encode the list again");
                }
                err.println("note: " + EncodingFiles.fieldsFile(names.get(i))
                        + " does not exist, so the record-level Dice score is used (--threshold is a Dice similarity)");
                return null;
            }
        }
        return fields;
    }

    private static void fallingBack(PrintStream err, ModelNotEstimated reason, double diceThreshold) {
        err.println("warning: the field-aware model was not used: " + reason.getMessage() + ".");
        err.println("warning: falling back to the record-level Dice score at " + diceThreshold
                + " (--dice-threshold); --threshold, a match probability, does not apply to it.");
    }

    private static void link(Arguments arguments, PrintStream out, PrintStream err) {
        if (arguments.help()) {
            out.print(LINK_HELP);
            return;
        }
        Path aName = Path.of(arguments.required("a"));
        Path bName = Path.of(arguments.required("b"));
        double threshold = arguments.threshold();
        String model = model(arguments);
        double diceThreshold = diceThreshold(arguments, 0.8);
        Mode mode = mode(arguments.optional("mode"));
        Path target = Path.of(arguments.required("out"));
        long start = System.nanoTime();
        Encodings a = EncodingFiles.read(aName);
        Encodings b = EncodingFiles.read(bName);
        FieldEncodings[] fields = fieldsFor(model, List.of(aName, bName), List.of(a, b), err);
        long loaded = System.nanoTime();
        if (fields != null) {
            try {
                FieldLinkage.Linked linked = new FieldLinkage().link(a, fields[0], b, fields[1], threshold, mode);
                writeMatches(target, a, b, linked.matches(), "a_id,b_id,probability");
                out.printf(
                        Locale.ROOT,
                        "linked %d x %d records with the field-aware model (%s candidates): %d matches at match"
                                + " probability %s or more in %s%n",
                        a.size(),
                        b.size(),
                        mode.name().toLowerCase(Locale.ROOT),
                        linked.matches().size(),
                        threshold,
                        target);
                printModel(out, linked.model(), linked.expectedPrecision(), linked.expectedRecall());
                out.printf(
                        Locale.ROOT,
                        "time: load %.2f s, %s, total %.2f s%n",
                        (loaded - start) / 1e9,
                        linked.model().timing(),
                        (System.nanoTime() - start) / 1e9);
                return;
            } catch (ModelNotEstimated e) {
                fallingBack(err, e, diceThreshold);
                threshold = diceThreshold;
            }
        }
        Linkage.Linked linked = new Linkage().linkCounted(a, b, threshold, mode);
        List<Match> matches = linked.matches();
        writeMatches(target, a, b, matches, "a_id,b_id,similarity");
        out.printf(
                Locale.ROOT,
                "linked %d x %d encodings (%s): %d pairs at or above %s, %d matches in %s%n"
                        + "time: load %.2f s, pairs %.2f s, matching %.2f s, total %.2f s%n",
                a.size(),
                b.size(),
                mode.name().toLowerCase(Locale.ROOT),
                linked.candidatePairs(),
                threshold,
                matches.size(),
                target,
                (loaded - start) / 1e9,
                linked.searchNanos() / 1e9,
                linked.matchNanos() / 1e9,
                (System.nanoTime() - start) / 1e9);
    }

    private static void printModel(
            PrintStream out, FieldLinkage.Model model, double expectedPrecision, double expectedRecall) {
        out.printf(
                Locale.ROOT,
                "model: %d candidate pairs (CLK similarity %.2f or more, or the same date of birth), about %.0f"
                        + " matches among them in all (EM: %d iterations)%n",
                model.candidatePairs(),
                model.candidateDice(),
                model.expectedMatches(),
                model.iterations());
        for (String line : model.description()) {
            out.println("  " + line);
        }
        out.printf(
                Locale.ROOT,
                "expected precision %.3f, expected recall %.3f (estimates of the model, not measured against a"
                        + " truth; recall among the pairs the candidates held)%n",
                expectedPrecision,
                expectedRecall);
    }

    private static void writeMatches(Path target, Encodings a, Encodings b, List<Match> matches, String header) {
        EncodingFiles.writeAtomically(target, writer -> {
            writer.write(header + "\n");
            StringBuilder line = new StringBuilder();
            for (Match match : matches) {
                line.setLength(0);
                line.append(csv(a.ids().get(match.a())))
                        .append(',')
                        .append(csv(b.ids().get(match.b())))
                        .append(',')
                        .append(similarity(match.similarity()))
                        .append('\n');
                writer.append(line);
            }
        });
    }

    private static void dedup(Arguments arguments, PrintStream out, PrintStream err) {
        if (arguments.help()) {
            out.print(DEDUP_HELP);
            return;
        }
        Path name = Path.of(arguments.required("in"));
        double threshold = arguments.threshold();
        String model = model(arguments);
        double diceThreshold = diceThreshold(arguments, 0.85);
        Path target = Path.of(arguments.required("out"));
        Encodings encodings = EncodingFiles.read(name);
        FieldEncodings[] fields = fieldsFor(model, List.of(name), List.of(encodings), err);
        int[] clusters = null;
        if (fields != null) {
            try {
                FieldLinkage.Deduplicated deduplicated = new FieldLinkage().dedup(encodings, fields[0], threshold);
                clusters = deduplicated.clusters();
                out.println("field-aware model, match probability " + threshold + " or more:");
                printModel(out, deduplicated.model(), deduplicated.expectedPrecision(), deduplicated.expectedRecall());
            } catch (ModelNotEstimated e) {
                fallingBack(err, e, diceThreshold);
                threshold = diceThreshold;
            }
        }
        if (clusters == null) {
            clusters = new Linkage().dedup(encodings, threshold);
        }
        int[] found = clusters;
        EncodingFiles.writeAtomically(target, writer -> {
            writer.write("id,cluster\n");
            for (int i = 0; i < found.length; i++) {
                writer.write(csv(encodings.ids().get(i)) + "," + found[i] + "\n");
            }
        });
        long distinct = Arrays.stream(found).distinct().count();
        out.println("clustered " + encodings.size() + " encodings into " + distinct + " clusters in " + target);
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

    /** Six decimals distinguish every Dice value of 1024-bit encodings from its neighbours' ranks well enough. */
    static String similarity(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
