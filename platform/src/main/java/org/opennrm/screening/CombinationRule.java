package org.opennrm.screening;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rule 2 of the ILO/EC operational indicators: which present elements together suggest a presumed
 * victim. A list of requirements, each met when any one of its elements is present; all must be met.
 *
 * <p>Adults by default (version 3.1 of the shared rule notes, unverified): a recruitment element AND
 * exploitation AND a destination element. Children by default: a recruitment element AND exploitation,
 * because under the Palermo Protocol art. 3(c) the recruitment, transport, transfer, harbouring or receipt
 * of a child for exploitation is trafficking even when no means (force, deception, abuse of
 * vulnerability) is used.
 */
record CombinationRule(List<Set<Element>> requirements) {

    static final List<String> ADULT_DEFAULT = List.of(
            "DECEPTIVE_RECRUITMENT | COERCIVE_RECRUITMENT | RECRUITMENT_BY_ABUSE_OF_VULNERABILITY",
            "EXPLOITATION",
            "COERCION_AT_DESTINATION | ABUSE_OF_VULNERABILITY_AT_DESTINATION");

    static final List<String> CHILD_DEFAULT = List.of(
            "DECEPTIVE_RECRUITMENT | COERCIVE_RECRUITMENT | RECRUITMENT_BY_ABUSE_OF_VULNERABILITY", "EXPLOITATION");

    CombinationRule {
        if (requirements.isEmpty() || requirements.stream().anyMatch(Set::isEmpty)) {
            throw new IllegalArgumentException("The combination rule needs requirements, each naming an element");
        }
        requirements =
                requirements.stream().map(EnumSet::copyOf).map(Set::copyOf).toList();
    }

    /** Reads requirements written as {@code DECEPTIVE_RECRUITMENT | COERCIVE_RECRUITMENT} (any one of). */
    static CombinationRule of(List<String> requirements) {
        List<Set<Element>> parsed = new ArrayList<>();
        for (String requirement : requirements) {
            Set<Element> anyOf = EnumSet.noneOf(Element.class);
            for (String name : requirement.split("\\|")) {
                String constant = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
                try {
                    anyOf.add(Element.valueOf(constant));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Unknown element \"" + name.strip() + "\" in rule \""
                            + requirement + "\"; elements are " + List.of(Element.values()));
                }
            }
            parsed.add(anyOf);
        }
        return new CombinationRule(parsed);
    }

    boolean metBy(Set<Element> present) {
        return requirements.stream().allMatch(anyOf -> anyOf.stream().anyMatch(present::contains));
    }

    /** True when no requirement asks for an element at destination (coercion or abuse of vulnerability). */
    boolean needsNoDestination() {
        return requirements.stream().noneMatch(anyOf -> anyOf.stream().allMatch(e -> e.phase() == Phase.DESTINATION));
    }
}
