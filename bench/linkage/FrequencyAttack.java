import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opennrm.linkage.encoding.DeploymentSecret;
import org.opennrm.linkage.encoding.Encoder;
import org.opennrm.linkage.encoding.FieldEncodings;
import org.opennrm.linkage.encoding.Schema;
import org.opennrm.linkage.population.RealisticLists;

/**
 * A frequency attack on the name parts of the field encodings. The attacker holds one agency's field encodings
 * (not the secret) and knows the population's name distribution exactly: a sample of 200,000 people drawn from
 * the same generator, with their names, sex and citizenship. The attacker groups the encoded names and gives the
 * i-th largest group the i-th most common name:
 *
 *  1. identical filters form a group;
 *  2. filters within a Dice similarity tau of a group's first filter form a group (tau = 0.5 to 0.9, the
 *     best for the attacker is reported);
 *  3. as 2, but within each group of records with the same encoded sex and citizenship (those parts carry no
 *     noise), aligned with the name distribution of that sex and citizenship; the attacker is even told which
 *     encoded code is which country, the most he could learn.
 *
 * Success is the share of records whose name the attacker names correctly, and the share of distinct names in
 * the list for which the group given that name is mostly that name. Names are compared after lower-casing and
 * removing accents.
 *
 * Usage: java -cp CLASSES:TEST_CLASSES FrequencyAttack.java SECRET SIZE SEED NOISE[,NOISE...]
 */
public class FrequencyAttack {

    public static void main(String[] args) throws Exception {
        DeploymentSecret secret = DeploymentSecret.read(Path.of(args[0]));
        int size = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        RealisticLists.Lists target = new RealisticLists(seed, RealisticLists.Errors.typical()).generate(size, 0.5);
        RealisticLists.Lists known = new RealisticLists(seed + 1000, RealisticLists.Errors.none()).generate(200_000, 0);
        System.out.printf(Locale.ROOT, "target: list A of %d records (seed %d); attacker's knowledge: 200,000 people of the same populations%n", size, seed);
        System.out.println("noise | part | attack 1 identical filters: records, names | attack 2 similar filters (best tau): records, names | attack 3 within sex and citizenship (best tau): records, names");
        for (String noiseText : args[3].split(",")) {
            double noise = Double.parseDouble(noiseText);
            // SCHEMA (environment): another schema file, as in FieldQuality
            Schema schema = System.getenv("SCHEMA") != null ? Schema.read(Path.of(System.getenv("SCHEMA"))) : Schema.defaultSchema();
            Encoder encoder = new Encoder(schema.withFieldNoise(noise), secret);
            FieldEncodings fields = encoder.encodeWithFields(new BufferedReader(new StringReader(String.join("\n", target.a())))).fields();
            for (int column : new int[] {1, 2}) {
                String partName = column == 1 ? "given_name" : "family_name";
                int part = 0;
                while (!fields.parts().get(part).name().equals(partName)) part++;
                List<String> truth = new ArrayList<>();
                List<String> groupsTruth = new ArrayList<>();
                for (String row : target.a().subList(1, target.a().size())) {
                    String[] cells = row.split(",", -1);
                    truth.add(plain(cells[column]));
                    groupsTruth.add(cells[4] + cells[5]);
                }
                Map<String, List<String>> knownByGroup = new HashMap<>();
                List<String> knownAll = new ArrayList<>();
                for (String row : known.a().subList(1, known.a().size())) {
                    String[] cells = row.split(",", -1);
                    knownAll.add(plain(cells[column]));
                    knownByGroup.computeIfAbsent(cells[4] + cells[5], k -> new ArrayList<>()).add(plain(cells[column]));
                }
                if (noiseText.equals(args[3].split(",")[0])) {
                    double[] prior = prior(truth, groupsTruth, knownAll, knownByGroup);
                    System.out.printf(Locale.ROOT, "prior | %s | most common name for every record: %.4f %.4f | most common name of the record's sex and citizenship: %.4f %.4f%n",
                            partName, prior[0], prior[1], prior[2], prior[3]);
                }
                int[] all = new int[fields.size()];
                for (int i = 0; i < all.length; i++) all[i] = i;
                double[] identical = attack(fields, part, all, truth, ranked(knownAll), 1.01);
                double[] similar = {0, 0};
                double[] grouped = {0, 0};
                for (double tau = 0.5; tau <= 0.91; tau += 0.1) {
                    double[] s = attack(fields, part, all, truth, ranked(knownAll), tau);
                    if (s[0] > similar[0]) similar = s;
                    double[] g = {0, 0};
                    double names = distinct(truth);
                    double correctRecords = 0, correctNames = 0;
                    for (var entry : knownByGroup.entrySet()) {
                        int[] members = java.util.stream.IntStream.range(0, fields.size()).filter(i -> groupsTruth.get(i).equals(entry.getKey())).toArray();
                        if (members.length == 0) continue;
                        double[] r = attack(fields, part, members, truth, ranked(entry.getValue()), tau);
                        correctRecords += r[0] * members.length;
                        correctNames += r[2];
                    }
                    g[0] = correctRecords / fields.size();
                    g[1] = Math.min(1, correctNames / names);
                    if (g[0] > grouped[0]) grouped = g;
                }
                System.out.printf(Locale.ROOT, "%.2f | %s | %.4f %.4f | %.4f %.4f | %.4f %.4f%n", noise, partName,
                        identical[0], identical[1], similar[0], similar[1], grouped[0], grouped[1]);
            }
        }
    }

    /**
     * What the attacker's knowledge gives without the encodings: every record named with the population's most
     * common name, or with the most common name of its sex and citizenship (which attack 3 reads from the noise-free
     * parts). Returns {records named correctly, distinct names "re-identified"} for each: the second is the share of
     * the list's distinct names that are some guess and that at least half of the records given that guess hold.
     * An attack is worth what it adds to this.
     */
    static double[] prior(List<String> truth, List<String> groupsTruth, List<String> knownAll, Map<String, List<String>> knownByGroup) {
        String commonest = ranked(knownAll).get(0);
        Map<String, String> commonestOf = new HashMap<>();
        knownByGroup.forEach((group, names) -> commonestOf.put(group, ranked(names).get(0)));
        int allRight = 0, groupRight = 0;
        Map<String, int[]> byGuess = new HashMap<>();
        for (int r = 0; r < truth.size(); r++) {
            if (truth.get(r).equals(commonest)) allRight++;
            String guess = commonestOf.get(groupsTruth.get(r));
            if (guess == null) continue;
            int[] counted = byGuess.computeIfAbsent(guess, g -> new int[2]);
            counted[1]++;
            if (truth.get(r).equals(guess)) {
                groupRight++;
                counted[0]++;
            }
        }
        long groupNames = byGuess.values().stream().filter(c -> 2 * c[0] > c[1]).count();
        double names = distinct(truth);
        return new double[] {
            (double) allRight / truth.size(), (2 * allRight > truth.size() ? 1 : 0) / names,
            (double) groupRight / truth.size(), groupNames / names
        };
    }

    /** Names by descending frequency. */
    static List<String> ranked(List<String> names) {
        Map<String, Integer> counts = new HashMap<>();
        for (String name : names) counts.merge(name, 1, Integer::sum);
        List<String> order = new ArrayList<>(counts.keySet());
        order.sort(Comparator.comparing((String n) -> -counts.get(n)).thenComparing(n -> n));
        return order;
    }

    static double distinct(List<String> names) {
        return new java.util.HashSet<>(names).size();
    }

    /**
     * Groups the records' part filters (identical when tau > 1, else by leader clustering at Dice tau), gives the
     * i-th largest group the i-th name, and returns {share of records named correctly, share of distinct names
     * whose group is mostly that name, number of such names}.
     */
    static double[] attack(FieldEncodings fields, int part, int[] records, List<String> truth, List<String> names, double tau) {
        int perRecord = fields.wordsPerRecord();
        int offset = fields.offsets()[part];
        int words = fields.parts().get(part).kind().words();
        List<List<Integer>> groups = new ArrayList<>();
        List<long[]> leaders = new ArrayList<>();
        Map<String, List<Integer>> byPattern = new HashMap<>();
        for (int r : records) {
            long[] filter = Arrays.copyOfRange(fields.words(), r * perRecord + offset, r * perRecord + offset + words);
            if (Arrays.stream(filter).allMatch(w -> w == 0)) continue;
            if (tau > 1) {
                byPattern.computeIfAbsent(Arrays.toString(filter), k -> new ArrayList<>()).add(r);
                continue;
            }
            int best = -1;
            for (int g = 0; g < leaders.size(); g++) {
                if (dice(leaders.get(g), filter) >= tau) { best = g; break; }
            }
            if (best < 0) { leaders.add(filter); groups.add(new ArrayList<>()); best = groups.size() - 1; }
            groups.get(best).add(r);
        }
        if (tau > 1) groups.addAll(byPattern.values());
        groups.sort(Comparator.comparing((List<Integer> g) -> -g.size()));
        int correct = 0;
        java.util.Set<String> namesFound = new java.util.HashSet<>();
        for (int g = 0; g < groups.size() && g < names.size(); g++) {
            String guess = names.get(g);
            int right = 0;
            for (int r : groups.get(g)) if (truth.get(r).equals(guess)) right++;
            correct += right;
            if (2 * right > groups.get(g).size()) namesFound.add(guess);
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        for (int r : records) present.add(truth.get(r));
        return new double[] {(double) correct / records.length, (double) namesFound.size() / present.size(), namesFound.size()};
    }

    static double dice(long[] x, long[] y) {
        int common = 0, sum = 0;
        for (int w = 0; w < x.length; w++) {
            common += Long.bitCount(x[w] & y[w]);
            sum += Long.bitCount(x[w]) + Long.bitCount(y[w]);
        }
        return sum == 0 ? 0 : 2.0 * common / sum;
    }

    static String plain(String name) {
        return Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
