import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares link outputs (a_id,b_id,similarity) with the generator's ground truth (a_id,b_id), and a blocked-mode
 * output with an exact-mode one. Usage: java Compare.java TRUTH.csv MATCHES.csv [EXACT_MATCHES.csv]
 */
public class Compare {
    public static void main(String[] args) throws Exception {
        Set<String> truth = pairs(Path.of(args[0]));
        Set<String> matches = pairs(Path.of(args[1]));
        long correct = matches.stream().filter(truth::contains).count();
        double p = matches.isEmpty() ? 1 : (double) correct / matches.size();
        double r = (double) correct / truth.size();
        System.out.printf(Locale.ROOT, "%s: %d matches, precision %.4f, recall %.4f, F1 %.4f%n",
                Path.of(args[1]).getFileName(), matches.size(), p, r, 2 * p * r / (p + r));
        if (args.length > 2) {
            Set<String> exact = pairs(Path.of(args[2]));
            long kept = exact.stream().filter(matches::contains).count();
            System.out.printf(Locale.ROOT, "exact-mode matches also found: %d of %d (%.4f)%n", kept, exact.size(), (double) kept / exact.size());
        }
    }

    static Set<String> pairs(Path file) throws Exception {
        Set<String> pairs = new HashSet<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            pairs.add(cells[0] + "," + cells[1]);
        }
        return pairs;
    }
}
