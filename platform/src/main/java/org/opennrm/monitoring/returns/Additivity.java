package org.opennrm.monitoring.returns;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a return's breakdowns add up: every additive section's parts, its "unknown" difference included, sum to its
 * total, and a section that is not additive (each form mentioned) has no part above its total. A return with a
 * violation is never offered for publication: UNODC's published data has sex-by-age cells that do not add up to the
 * total in about a third of the country-years that can be checked, and a return made here must not.
 */
final class Additivity {

    private Additivity() {}

    /** What does not add up, in words; empty when everything does. */
    static List<String> violations(OfficialReturn filled) {
        List<String> violations = new ArrayList<>();
        for (Section section : filled.sections()) {
            long total = section.total().count();
            if (section.additive()) {
                if (section.part(ReturnCell.UNKNOWN).isEmpty()) {
                    violations.add(section.key() + ": the difference to the total is not shown as unknown");
                }
                if (section.sumOfParts() != total) {
                    violations.add(section.key() + ": the parts add up to " + section.sumOfParts()
                            + ", not to the total " + total);
                }
                if (section.parts().stream().anyMatch(cell -> cell.count() < 0)) {
                    violations.add(section.key() + ": a part is negative (the categories count more than the total)");
                }
            } else {
                section.parts().stream()
                        .filter(cell -> cell.count() > total || cell.count() < 0)
                        .forEach(cell -> violations.add(
                                section.key() + ": " + cell.category() + " counts more than the total " + total));
            }
        }
        return violations;
    }

    /** Refuses a return that does not add up. */
    static OfficialReturn checked(OfficialReturn filled) {
        var violations = violations(filled);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the return does not add up: " + String.join("; ", violations));
        }
        return filled;
    }
}
