package org.opennrm.prevention.suppliers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

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

    static List<Candidate> candidates(List<Named> suppliers, List<Named> employers, double threshold) {
        var employerCores = employers.stream()
                .map(employer -> CompanyNames.core(employer.name()))
                .toList();
        var found = new ArrayList<Candidate>();
        for (Named supplier : suppliers) {
            String core = CompanyNames.core(supplier.name());
            for (int e = 0; e < employers.size(); e++) {
                Named employer = employers.get(e);
                if (supplier.country() != null
                        && employer.country() != null
                        && !supplier.country().equals(employer.country())) {
                    continue;
                }
                double similarity = org.opennrm.linkage.NameFolding.similarity(core, employerCores.get(e));
                if (similarity >= threshold) {
                    found.add(new Candidate(supplier.id(), employer.id(), similarity));
                }
            }
        }
        found.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
        return found;
    }
}
