package org.opennrm.statistics;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.opennrm.cases.AgeGroup;

/**
 * Turns the codes other modules' events carry into the codes facts hold: HTCDS codes such as
 * {@code ForcedLabour} become {@code FORCED_LABOUR}, ISIC sector codes such as {@code A_AgricultureForestryAndFishing}
 * their section letter {@code A}, and the CTDC age bands {@code 0--8} the fact bands {@code 0-8}. A value that is
 * not a code is dropped (null), never stored.
 */
final class Codes {

    /* a code may start with a digit: the HTCDS platform {@code 4Sale} is {@code 4_SALE} */
    private static final Pattern HTCDS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9]{0,39}");
    private static final Pattern SECTION = Pattern.compile("([A-U])_[A-Za-z]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");
    /* HTCDS's "not specified/unknown" is what a fact writes as null */
    private static final Set<String> UNKNOWN = Set.of("NonSpecifiedUnknown");

    private Codes() {}

    /** {@code ForcedLabour} as {@code FORCED_LABOUR}; an enum name stays as it is. */
    static String code(String value) {
        if (value == null || UNKNOWN.contains(value)) {
            return null;
        }
        if (value.matches("[A-Z0-9_]{1,40}")) {
            return value;
        }
        if (!HTCDS.matcher(value).matches()) {
            return null;
        }
        String snake = value.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        return snake.length() > 40 ? null : snake;
    }

    static Set<String> codes(Collection<String> values) {
        Set<String> codes = new LinkedHashSet<>();
        if (values != null) {
            values.stream().map(Codes::code).filter(Objects::nonNull).forEach(codes::add);
        }
        return codes;
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** ISIC sections of HTCDS sector codes. */
    static Set<String> sections(Collection<String> sectors) {
        Set<String> sections = new LinkedHashSet<>();
        if (sectors != null) {
            for (String sector : sectors) {
                var matcher = SECTION.matcher(sector == null ? "" : sector);
                if (matcher.matches()) {
                    sections.add(matcher.group(1));
                }
            }
        }
        return sections;
    }

    static Set<String> countries(Collection<String> countries) {
        Set<String> codes = new LinkedHashSet<>();
        if (countries != null) {
            countries.stream()
                    .filter(country ->
                            country != null && COUNTRY.matcher(country).matches())
                    .forEach(codes::add);
        }
        return codes;
    }

    /** The first citizenship stated (a fact and a CTDC record hold one). */
    static String citizenship(Collection<String> citizenships) {
        return countries(citizenships).stream().findFirst().orElse(null);
    }

    static String country(String country) {
        return country != null && COUNTRY.matcher(country).matches() ? country : null;
    }

    static String ageBand(AgeGroup group) {
        return group == null ? null : group.ctdcCode().replace("--", "-");
    }
}
