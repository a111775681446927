package org.opennrm.statistics.publishing;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.opennrm.cases.events.StandardCodes;

/**
 * National codes an administrator added to a code list, as the standard codes they map to, in the codes facts hold
 * ({@code AgriculturalDebtBondage} under {@code DebtBondage} reads {@code AGRICULTURAL_DEBT_BONDAGE} as
 * {@code DEBT_BONDAGE}). The facts keep the national code, so that national tables count it apart; a return or an
 * export that needs the standard categories reads it through this.
 */
public final class NationalParents {

    private NationalParents() {}

    /** Fact code of each national code of the list to the fact code of its standard parent. */
    public static Map<String, String> of(StandardCodes codes, String list) {
        if (codes == null) {
            return Map.of();
        }
        return codes.parents(list).entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        entry -> factCode(entry.getKey()), entry -> factCode(entry.getValue()), (a, b) -> a));
    }

    /** The codes with each national one replaced by its standard parent. */
    public static Set<String> standard(Set<String> codes, Map<String, String> parents) {
        if (parents.isEmpty()) {
            return codes;
        }
        Set<String> standard = new LinkedHashSet<>();
        codes.forEach(code -> standard.add(parents.getOrDefault(code, code)));
        return standard;
    }

    /** {@code ForcedLabour} as the facts write it: {@code FORCED_LABOUR} (the conversion of statistics' Codes). */
    static String factCode(String code) {
        return code.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
