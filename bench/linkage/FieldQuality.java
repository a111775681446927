import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opennrm.linkage.encoding.DeploymentSecret;
import org.opennrm.linkage.encoding.Encoder;
import org.opennrm.linkage.encoding.Schema;
import org.opennrm.linkage.matching.Linkage;
import org.opennrm.linkage.matching.Match;
import org.opennrm.linkage.matching.Mode;
import org.opennrm.linkage.population.RealisticLists;
import org.opennrm.linkage.scoring.FieldLinkage;

/**
 * Record-level Dice against the field-aware model on the realistic generator's lists. For the record-level score
 * the best threshold is picked WITH the truth (its best case); the field-aware model runs at match probability
 * THRESHOLD, its weights learnt without the truth. Prints precision, recall and F1 of both, and the model's own
 * expected precision and recall beside the true ones.
 *
 * Usage: java -cp CLASSES:TEST_CLASSES FieldQuality.java SECRET SIZE SEEDS THRESHOLD [NOISE] [MODE]
 */
public class FieldQuality {
    public static void main(String[] args) throws Exception {
        DeploymentSecret secret = DeploymentSecret.read(Path.of(args[0]));
        int size = Integer.parseInt(args[1]);
        String[] seeds = args[2].split(",");
        double threshold = Double.parseDouble(args[3]);
        // SCHEMA (environment): another schema file, for example no-codes-schema.json (sex and citizenship ignored)
        Schema schema = System.getenv("SCHEMA") != null ? Schema.read(Path.of(System.getenv("SCHEMA"))) : Schema.defaultSchema();
        if (args.length > 4) schema = schema.withFieldNoise(Double.parseDouble(args[4]));
        Mode mode = args.length > 5 && args[5].equals("blocked") ? Mode.BLOCKED : Mode.EXACT;
        Encoder encoder = new Encoder(schema, secret);
        System.out.printf(Locale.ROOT, "%d x %d, half shared, field noise %.2f, mode %s%n", size, size, schema.fieldNoise(), mode);
        System.out.println("seed | record-level best (t, P, R, F1) | field-aware at p>=" + threshold + " (P, R, F1) | expected P, R | candidates, expected matches, EM iterations, seconds");
        for (String seedText : seeds) {
            long seed = Long.parseLong(seedText);
            RealisticLists.Lists lists = new RealisticLists(seed, RealisticLists.Errors.typical()).generate(size, 0.5);
            Encoder.Encoded a = encoder.encodeWithFields(new BufferedReader(new StringReader(String.join("\n", lists.a()))));
            Encoder.Encoded b = encoder.encodeWithFields(new BufferedReader(new StringReader(String.join("\n", lists.b()))));
            Map<String, String> truth = lists.truth();
            double bestF1 = 0, bestT = 0, bestP = 0, bestR = 0;
            for (double t = 0.70; t <= 0.951; t += 0.025) {
                double tr = Math.round(t * 1000) / 1000.0;
                double[] prf = score(new Linkage().link(a.encodings(), b.encodings(), tr, mode), a, b, truth);
                if (prf[2] > bestF1) { bestF1 = prf[2]; bestT = tr; bestP = prf[0]; bestR = prf[1]; }
            }
            long start = System.nanoTime();
            FieldLinkage.Linked linked = new FieldLinkage().link(a.encodings(), a.fields(), b.encodings(), b.fields(), threshold, mode);
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] prf = score(linked.matches(), a, b, truth);
            System.out.printf(Locale.ROOT, "%d | %.3f %.4f %.4f %.4f | %.4f %.4f %.4f | %.4f %.4f | %d %.0f %d %.1f%n",
                    seed, bestT, bestP, bestR, bestF1, prf[0], prf[1], prf[2], linked.expectedPrecision(), linked.expectedRecall(),
                    linked.model().candidatePairs(), linked.model().expectedMatches(), linked.model().iterations(), seconds);
            if (System.getenv("SHOW_MODEL") != null) linked.model().description().forEach(System.out::println);
        }
    }

    static double[] score(List<Match> matches, Encoder.Encoded a, Encoder.Encoded b, Map<String, String> truth) {
        int correct = 0;
        for (Match m : matches) {
            if (b.encodings().ids().get(m.b()).equals(truth.get(a.encodings().ids().get(m.a())))) correct++;
        }
        double p = matches.isEmpty() ? 1 : (double) correct / matches.size();
        double r = (double) correct / truth.size();
        return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
    }
}
