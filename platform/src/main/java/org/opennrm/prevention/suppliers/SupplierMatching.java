package org.opennrm.prevention.suppliers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennrm.linkage.NameFolding;

/**
 * Finds the listed employers a supplier may be: every pair whose company names are at least {@code threshold} alike
 * ({@link CompanyNames}) and whose countries do not differ (a missing country does not rule a pair out). A candidate is
 * only a candidate: a person confirms or dismisses it.
 */
final class SupplierMatching {

    /**
     * The default threshold: the Dice coefficient that spelling variants of one company name reach (a letter changed,
     * a plural, another romanisation) in the screening tests, while unrelated names stay well below it.
     */
    static final double DEFAULT_THRESHOLD = 0.75;

    record Named(UUID id, String name, String country) {}

    record Candidate(UUID supplierId, UUID employerId, double similarity) {}

    private SupplierMatching() {}

    /**
     * Every pair at least {@code threshold} alike, most alike first. Each name is folded once, and a supplier is
     * compared only with the listed employers that share at least one bigram with it, found through an index of the
     * employers' bigrams that also counts the shared bigrams (with their multiplicity, as the Dice coefficient counts
     * them): comparing every supplier with every listed employer, folding both names each time, took minutes for an
     * office's 10,000 suppliers against a few thousand listed employers. The pairs and their similarity are exactly
     * those of comparing all pairs ({@code SupplierMatchingTests} checks both ways agree); a threshold of zero or below,
     * which every pair passes, compares all pairs.
     */
    static List<Candidate> candidates(List<Named> suppliers, List<Named> employers, double threshold) {
        if (threshold <= 0) {
            return allPairs(suppliers, employers, threshold);
        }
        int[] sizes = new int[employers.size()];
        // bigram -> the employers holding it and how often each holds it
        Map<String, List<int[]>> index = new HashMap<>();
        for (int e = 0; e < employers.size(); e++) {
            var bigrams = NameFolding.bigrams(CompanyNames.core(employers.get(e).name()));
            sizes[e] = bigrams.size();
            int employer = e;
            counts(bigrams).forEach((bigram, count) -> index.computeIfAbsent(bigram, b -> new ArrayList<>())
                    .add(new int[] {employer, count}));
        }
        var found = new ArrayList<Candidate>();
        int[] shared = new int[employers.size()];
        var touched = new ArrayList<Integer>();
        for (Named supplier : suppliers) {
            var bigrams = NameFolding.bigrams(CompanyNames.core(supplier.name()));
            if (bigrams.isEmpty()) {
                continue;
            }
            counts(bigrams).forEach((bigram, count) -> {
                for (int[] holder : index.getOrDefault(bigram, List.of())) {
                    if (shared[holder[0]] == 0) {
                        touched.add(holder[0]);
                    }
                    shared[holder[0]] += Math.min(count, holder[1]);
                }
            });
            for (int e : touched) {
                Named employer = employers.get(e);
                double similarity = 2.0 * shared[e] / (bigrams.size() + sizes[e]);
                shared[e] = 0;
                if (similarity >= threshold && sameOrUnknownCountry(supplier, employer)) {
                    found.add(new Candidate(supplier.id(), employer.id(), similarity));
                }
            }
            touched.clear();
        }
        found.sort(ORDER);
        return found;
    }

    /** Every supplier against every listed employer: the plain way, kept as the reference the index must agree with. */
    static List<Candidate> allPairs(List<Named> suppliers, List<Named> employers, double threshold) {
        var employerBigrams = employers.stream()
                .map(employer -> NameFolding.bigrams(CompanyNames.core(employer.name())))
                .toList();
        var found = new ArrayList<Candidate>();
        for (Named supplier : suppliers) {
            var bigrams = NameFolding.bigrams(CompanyNames.core(supplier.name()));
            for (int e = 0; e < employers.size(); e++) {
                Named employer = employers.get(e);
                if (!sameOrUnknownCountry(supplier, employer)) {
                    continue;
                }
                double similarity = NameFolding.similarity(bigrams, employerBigrams.get(e));
                if (similarity >= threshold) {
                    found.add(new Candidate(supplier.id(), employer.id(), similarity));
                }
            }
        }
        found.sort(ORDER);
        return found;
    }

    /* most alike first; ties in a fixed order, so that both ways list the same pairs in the same order */
    private static final Comparator<Candidate> ORDER = Comparator.comparingDouble(Candidate::similarity)
            .reversed()
            .thenComparing(candidate -> candidate.supplierId().toString())
            .thenComparing(candidate -> candidate.employerId().toString());

    private static boolean sameOrUnknownCountry(Named supplier, Named employer) {
        return supplier.country() == null
                || employer.country() == null
                || supplier.country().equals(employer.country());
    }

    private static Map<String, Integer> counts(List<String> bigrams) {
        Map<String, Integer> counts = new HashMap<>();
        bigrams.forEach(bigram -> counts.merge(bigram, 1, Integer::sum));
        return counts;
    }
}
