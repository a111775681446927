import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.opennrm.linkage.encoding.DeploymentSecret;
import org.opennrm.linkage.encoding.Encoder;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.encoding.Schema;
import org.opennrm.linkage.matching.Linkage;
import org.opennrm.linkage.matching.Match;
import org.opennrm.linkage.matching.Mode;

/**
 * Linkage quality over thresholds: encodes two CSV files (FEBRL layout: header with spaces after commas) with a
 * schema and secret, links them at each threshold (exact mode, greedy one-to-one) and prints precision, recall
 * and F1 against the ground truth in the record ids.
 *
 * Usage: java -cp opennrm-linkage.jar Quality.java SCHEMA SECRET A.csv B.csv febrl4|dsgen|truth=FILE FROM TO STEP [HARDENING]
 */
public class Quality {
    public static void main(String[] args) throws Exception {
        Schema schema = Schema.read(Path.of(args[0]));
        if (args.length > 8) {
            String json = Files.readString(Path.of(args[0])).replace("\"hardening\": \"none\"", "\"hardening\": \"" + args[8] + "\"");
            Path tmp = Files.createTempFile("schema", ".json");
            Files.writeString(tmp, json);
            schema = Schema.read(tmp);
            Files.delete(tmp);
        }
        DeploymentSecret secret = DeploymentSecret.read(Path.of(args[1]));
        Encoder encoder = new Encoder(schema, secret);
        Path a = normalised(Path.of(args[2]));
        Path b = normalised(Path.of(args[3]));
        Encodings ea = encoder.encode(a);
        Encodings eb = encoder.encode(b);
        java.util.Map<String, String> truth = new java.util.HashMap<>();
        if (args[4].startsWith("truth=")) {
            // Generator output: a_id,b_id per true pair; every other record is its own entity.
            for (String line : Files.readAllLines(Path.of(args[4].substring(6))).subList(1, 0 + Files.readAllLines(Path.of(args[4].substring(6))).size())) {
                String[] pair = line.split(",");
                truth.put(pair[1], pair[0]);
            }
        }
        Function<String, String> entity = args[4].equals("febrl4")
                ? id -> id.split("-")[1]
                : args[4].equals("dsgen") ? id -> String.valueOf(Long.parseLong(id) / 10)
                : id -> truth.getOrDefault(id, id);
        Set<String> entitiesB = new HashSet<>();
        for (String id : eb.ids()) entitiesB.add(entity.apply(id));
        // True pairs: for FEBRL4 one per B record; for dsgen a one-to-one matching can find at most one per
        // entity present in both files, so recall is measured against that number.
        Set<String> entitiesA = new HashSet<>();
        for (String id : ea.ids()) entitiesA.add(entity.apply(id));
        entitiesB.retainAll(entitiesA);
        int truePairs = entitiesB.size();
        double from = Double.parseDouble(args[5]), to = Double.parseDouble(args[6]), step = Double.parseDouble(args[7]);
        System.out.printf(Locale.ROOT, "%s vs %s: %d x %d records, %d linkable entities%n", args[2], args[3], ea.size(), eb.size(), truePairs);
        int max = 0;
        for (int bit = 0; bit < Encodings.BITS; bit++) {
            int count = 0;
            for (int r = 0; r < ea.size(); r++) if (ea.bit(r, bit)) count++;
            max = Math.max(max, count);
        }
        double fill = 0;
        for (int r = 0; r < ea.size(); r++) fill += ea.popcount(r);
        System.out.printf(Locale.ROOT, "mean popcount %.0f, most frequent bit set in %.1f%% of A%n", fill / ea.size(), 100.0 * max / ea.size());
        System.out.println("threshold  matches  precision  recall  F1");
        double bestF1 = 0, bestT = 0;
        for (int k = 0; from + k * step <= to + 1e-9; k++) {
            // Rounded, so that 0.5 + 6 x 0.05 is exactly 0.8 and not 0.8000000000000003.
            double t = Math.round((from + k * step) * 1e6) / 1e6;
            List<Match> matches = new Linkage().link(ea, eb, t, Mode.EXACT);
            int correct = 0;
            for (Match m : matches) {
                if (entity.apply(ea.ids().get(m.a())).equals(entity.apply(eb.ids().get(m.b())))) correct++;
            }
            double p = matches.isEmpty() ? 1 : (double) correct / matches.size();
            double r = (double) correct / truePairs;
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            if (f1 > bestF1) { bestF1 = f1; bestT = t; }
            System.out.printf(Locale.ROOT, "%.3f  %7d  %.4f  %.4f  %.4f%n", t, matches.size(), p, r, f1);
        }
        System.out.printf(Locale.ROOT, "best F1 %.4f at threshold %.3f%n", bestF1, bestT);
    }

    /** FEBRL files put a space after each comma; the encoder strips values but wants a clean header. */
    static Path normalised(Path csv) throws Exception {
        if (!Files.readAllLines(csv).get(0).contains(" ")) return csv;
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        lines.set(0, lines.get(0).replace(" ", ""));
        Path tmp = Files.createTempFile("febrl", ".csv");
        Files.write(tmp, lines);
        tmp.toFile().deleteOnExit();
        return tmp;
    }
}
