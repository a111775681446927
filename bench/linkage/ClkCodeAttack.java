import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.opennrm.linkage.encoding.DeploymentSecret;
import org.opennrm.linkage.encoding.Encoder;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.encoding.Schema;
import org.opennrm.linkage.population.RealisticLists;

/**
 * Can someone who holds only a list's CLKs (the record-level encodings, not the field encodings, not the secret)
 * split the list by sex and citizenship? The bits that one value of a low-cardinality field sets are set in every
 * record with that value, so their columns are set in nearly the same records. The attacker greedily groups bit
 * columns whose sets of records overlap with Jaccard at least J (among bits set in 3 to 90% of records), keeps
 * groups of at least 3 bits, and reads the records that have all bits of a group as one class. For each true
 * value, the best class's precision, recall and F1 are reported, at the J best for the attacker (he cannot know it,
 * so this is an upper bound of this attack, and a lower bound of what a better clustering would find).
 *
 * This is what attack 3 of FrequencyAttack assumes the attacker knows.
 *
 * Usage: java -cp CLASSES:TEST_CLASSES ClkCodeAttack.java SECRET SIZE SEED [HARDENING...]
 * (hardening: none, balanced, xor-fold; none when left out)
 */
public class ClkCodeAttack {

    public static void main(String[] args) throws Exception {
        DeploymentSecret secret = DeploymentSecret.read(Path.of(args[0]));
        int size = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        List<String> hardenings = args.length > 3 ? List.of(args).subList(3, args.length) : List.of("none");
        RealisticLists.Lists target = new RealisticLists(seed, RealisticLists.Errors.typical()).generate(size, 0.5);
        List<String> sex = new ArrayList<>();
        List<String> citizenship = new ArrayList<>();
        for (String row : target.a().subList(1, target.a().size())) {
            String[] cells = row.split(",", -1);
            sex.add(cells[4]);
            citizenship.add(cells[5]);
        }
        System.out.printf(Locale.ROOT, "list A of %d records (seed %d); best class per value over J = 0.35 to 0.7: precision recall F1 (J)%n", size, seed);
        for (String hardening : hardenings) {
            String json = new String(Schema.class.getResourceAsStream("default-schema.json").readAllBytes())
                    .replace("\"hardening\": \"none\"", "\"hardening\": \"" + hardening + "\"");
            Path schemaFile = java.nio.file.Files.createTempFile("schema", ".json");
            java.nio.file.Files.writeString(schemaFile, json);
            Encodings encodings = new Encoder(Schema.read(schemaFile), secret)
                    .encode(new BufferedReader(new StringReader(String.join("\n", target.a()))));
            java.nio.file.Files.delete(schemaFile);
            int n = encodings.size();
            BitSet[] columns = new BitSet[Encodings.BITS];
            for (int bit = 0; bit < Encodings.BITS; bit++) {
                columns[bit] = new BitSet(n);
                for (int r = 0; r < n; r++) {
                    if (encodings.bit(r, bit)) columns[bit].set(r);
                }
            }
            Map<String, double[]> best = new TreeMap<>();
            for (double j = 0.35; j <= 0.701; j += 0.05) {
                List<BitSet> classes = classes(columns, n, j);
                for (var field : List.of(Map.entry("sex", sex), Map.entry("citizenship", citizenship))) {
                    Map<String, BitSet> byValue = new TreeMap<>();
                    for (int r = 0; r < n; r++) byValue.computeIfAbsent(field.getValue().get(r), k -> new BitSet()).set(r);
                    for (var value : byValue.entrySet()) {
                        if (value.getKey().isEmpty()) continue;
                        double[] score = bestClass(classes, value.getValue());
                        String key = field.getKey() + "=" + value.getKey() + " (" + value.getValue().cardinality() + ")";
                        if (score[2] > best.getOrDefault(key, new double[4])[2]) best.put(key, new double[] {score[0], score[1], score[2], j});
                    }
                }
            }
            best.forEach((key, score) -> System.out.printf(Locale.ROOT, "%s | %s | %.3f %.3f %.3f (J %.2f)%n", hardening, key, score[0], score[1], score[2], score[3]));
        }
    }

    static List<BitSet> classes(BitSet[] columns, int n, double j) {
        List<BitSet> classes = new ArrayList<>();
        boolean[] used = new boolean[columns.length];
        for (int b = 0; b < columns.length; b++) {
            int count = columns[b].cardinality();
            if (used[b] || count < 0.03 * n || count > 0.9 * n) continue;
            BitSet members = (BitSet) columns[b].clone();
            int bits = 1;
            for (int c = b + 1; c < columns.length; c++) {
                if (used[c]) continue;
                BitSet both = (BitSet) columns[b].clone();
                both.and(columns[c]);
                BitSet either = (BitSet) columns[b].clone();
                either.or(columns[c]);
                if ((double) both.cardinality() / either.cardinality() >= j) {
                    members.and(columns[c]);
                    bits++;
                    used[c] = true;
                }
            }
            if (bits >= 3) classes.add(members);
        }
        return classes;
    }

    static double[] bestClass(List<BitSet> classes, BitSet truth) {
        double[] best = new double[3];
        for (BitSet members : classes) {
            BitSet right = (BitSet) members.clone();
            right.and(truth);
            double precision = (double) right.cardinality() / Math.max(1, members.cardinality());
            double recall = (double) right.cardinality() / truth.cardinality();
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            if (f1 > best[2]) best = new double[] {precision, recall, f1};
        }
        return best;
    }
}
