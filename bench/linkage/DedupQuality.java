import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.opennrm.linkage.encoding.DeploymentSecret;
import org.opennrm.linkage.encoding.Encoder;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.encoding.Schema;
import org.opennrm.linkage.matching.Linkage;

/**
 * Dedup quality over thresholds: encodes one FEBRL file, clusters it (connected components over pairs at or
 * above the threshold) and prints pairwise precision, recall and F1: a pair of records counts as predicted when
 * both are in one cluster, as true when both are the same entity.
 *
 * Usage: java -cp opennrm-linkage.jar DedupQuality.java SCHEMA SECRET FILE.csv febrl|dsgen FROM TO STEP
 */
public class DedupQuality {
    public static void main(String[] args) throws Exception {
        Encoder encoder = new Encoder(Schema.read(Path.of(args[0])), DeploymentSecret.read(Path.of(args[1])));
        Encodings encodings = encoder.encode(Quality.normalised(Path.of(args[2])));
        Function<String, String> entity = args[3].equals("febrl")
                ? id -> id.split("-")[1]
                : id -> String.valueOf(Long.parseLong(id) / 10);
        String[] entities = encodings.ids().stream().map(entity).toArray(String[]::new);
        long truePairs = pairs(entities);
        System.out.printf(Locale.ROOT, "%s: %d records, %d true duplicate pairs%n", args[2], encodings.size(), truePairs);
        System.out.println("threshold  clusters  precision  recall  F1");
        double from = Double.parseDouble(args[4]), to = Double.parseDouble(args[5]), step = Double.parseDouble(args[6]);
        for (int k = 0; from + k * step <= to + 1e-9; k++) {
            // Rounded, so that 0.5 + 6 x 0.05 is exactly 0.8 and not 0.8000000000000003.
            double t = Math.round((from + k * step) * 1e6) / 1e6;
            int[] clusters = new Linkage().dedup(encodings, t);
            Map<Integer, List<Integer>> members = new HashMap<>();
            for (int i = 0; i < clusters.length; i++) members.computeIfAbsent(clusters[i], c -> new ArrayList<>()).add(i);
            long predicted = 0, correct = 0;
            for (List<Integer> cluster : members.values()) {
                for (int x = 0; x < cluster.size(); x++) {
                    for (int y = x + 1; y < cluster.size(); y++) {
                        predicted++;
                        if (entities[cluster.get(x)].equals(entities[cluster.get(y)])) correct++;
                    }
                }
            }
            double p = predicted == 0 ? 1 : (double) correct / predicted;
            double r = (double) correct / truePairs;
            System.out.printf(Locale.ROOT, "%.3f  %8d  %.4f  %.4f  %.4f%n", t, members.size(), p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
        }
    }

    static long pairs(String[] entities) {
        Map<String, Long> counts = new HashMap<>();
        for (String e : entities) counts.merge(e, 1L, Long::sum);
        return counts.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
    }
}
