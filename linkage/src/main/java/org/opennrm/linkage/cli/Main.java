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
import org.opennrm.linkage.encoding.InputRejected;
import org.opennrm.linkage.encoding.Schema;
import org.opennrm.linkage.matching.Linkage;
import org.opennrm.linkage.matching.Match;
import org.opennrm.linkage.matching.Mode;

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
            encodings (CLKs, anonlink format); only encodings are linked.

            Commands:
              encode   encode a CSV of identifiers into NAME.clk and NAME.ids
              link     link two encoding sets: one-to-one matches above a Dice threshold
              dedup    cluster the duplicates within one encoding set

            Run a command with --help for its options.
            Exit codes: 0 done, 1 input rejected (nothing written), 2 wrong command line.
            """;

    static final String ENCODE_HELP = """
            Usage: encode [--schema S.json] --secret-file K --in people.csv --out NAME

              --schema       schema JSON (fields, tokenisation, k per field); if omitted, the built-in schema
                             for the header id,given_name,family_name,date_of_birth,sex,citizenship
                             (dates YYYY-MM-DD, citizenship ISO 3166 alpha-3, any field may be empty)
              --secret-file  the deployment secret (at least 16 bytes), the same for all agencies of a run
              --in           UTF-8 CSV whose header is the schema's id column and fields, in order
              --out          output name: writes NAME.clk (128 bytes per record) and NAME.ids
            """;

    static final String LINK_HELP = """
            Usage: link --a A --b B --threshold 0.8 [--mode exact|blocked] --out matches.csv

              --a, --b       encoding names (A.clk/A.ids, B.clk/B.ids)
              --threshold    Dice similarity, above 0 and at most 1
              --mode         exact (default): every pair at or above the threshold is considered;
                             blocked: candidates from Hamming LSH over the encodings, for large lists
              --out          CSV with columns a_id,b_id,similarity: a greedy one-to-one matching,
                             highest similarity first
            """;

    static final String DEDUP_HELP = """
            Usage: dedup --in A --threshold 0.85 --out clusters.csv

              --in           encoding name (A.clk/A.ids)
              --threshold    Dice similarity, above 0 and at most 1
              --out          CSV with columns id,cluster: records joined by any chain of pairs at or above
                             the threshold share a cluster number (0, 1, ... in file order)
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
                case "encode" -> encode(Arguments.parse(rest, Set.of("schema", "secret-file", "in", "out")), out);
                case "link" -> link(Arguments.parse(rest, Set.of("a", "b", "threshold", "mode", "out")), out);
                case "dedup" -> dedup(Arguments.parse(rest, Set.of("in", "threshold", "out")), out);
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
        Schema schema = schemaFile == null ? Schema.defaultSchema() : Schema.read(Path.of(schemaFile));
        DeploymentSecret secret = DeploymentSecret.read(secretFile);
        long records = new Encoder(schema, secret).encode(in, name);
        out.println("encoded " + records + " records into " + EncodingFiles.clkFile(name) + " and "
                + EncodingFiles.idsFile(name));
    }

    private static void link(Arguments arguments, PrintStream out) {
        if (arguments.help()) {
            out.print(LINK_HELP);
            return;
        }
        Path aName = Path.of(arguments.required("a"));
        Path bName = Path.of(arguments.required("b"));
        double threshold = arguments.threshold();
        Mode mode = mode(arguments.optional("mode"));
        Path target = Path.of(arguments.required("out"));
        long start = System.nanoTime();
        Encodings a = EncodingFiles.read(aName);
        Encodings b = EncodingFiles.read(bName);
        long loaded = System.nanoTime();
        Linkage.Linked linked = new Linkage().linkCounted(a, b, threshold, mode);
        List<Match> matches = linked.matches();
        EncodingFiles.writeAtomically(target, writer -> {
            writer.write("a_id,b_id,similarity\n");
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

    private static void dedup(Arguments arguments, PrintStream out) {
        if (arguments.help()) {
            out.print(DEDUP_HELP);
            return;
        }
        Path name = Path.of(arguments.required("in"));
        double threshold = arguments.threshold();
        Path target = Path.of(arguments.required("out"));
        Encodings encodings = EncodingFiles.read(name);
        int[] clusters = new Linkage().dedup(encodings, threshold);
        EncodingFiles.writeAtomically(target, writer -> {
            writer.write("id,cluster\n");
            for (int i = 0; i < clusters.length; i++) {
                writer.write(csv(encodings.ids().get(i)) + "," + clusters[i] + "\n");
            }
        });
        long distinct = Arrays.stream(clusters).distinct().count();
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
