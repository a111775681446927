package org.opennrm.screening;

import java.util.List;
import java.util.Optional;

/**
 * Rule 1 of the ILO/EC operational indicators: when the indicators observed for one element make that
 * element present. Indicators count only within their own element. By default (ILO/EC 2009, WCMS_105023,
 * as transcribed in a secondary source and not yet checked against the publication): at least 2 strong;
 * or 1 strong and 1 medium or weak; or 3 medium; or 2 medium and 1 weak. So a single strong indicator,
 * 2 medium, 1 medium with any number of weak, or weak indicators alone never make an element present.
 */
record ElementRule(List<Clause> clauses) {

    static final List<String> ILO_EC_2009 =
            List.of("2 strong", "1 strong + 1 medium-or-weak", "3 medium", "2 medium + 1 weak");

    ElementRule {
        if (clauses.isEmpty()) {
            throw new IllegalArgumentException("The element rule needs at least one clause");
        }
        clauses = List.copyOf(clauses);
    }

    static ElementRule of(List<String> clauses) {
        return new ElementRule(clauses.stream().map(Clause::parse).toList());
    }

    /** The first clause that the counts meet, if any: the reason the element is present. */
    Optional<Clause> matched(int strong, int medium, int weak) {
        return clauses.stream().filter(c -> c.metBy(strong, medium, weak)).findFirst();
    }
}
