package org.opennrm.monitoring.returns;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.opennrm.statistics.publishing.FactGroup;

/**
 * How the codes the facts hold become the categories the bodies ask for. One place, so that every return reads a
 * code the same way.
 */
final class Codings {

    static final String FEMALE = "FEMALE";
    static final String MALE = "MALE";
    static final String OTHER = "OTHER";
    static final String CHILD = "CHILD";
    static final String ADULT = "ADULT";
    static final String SEVERAL_FORMS = "SEVERAL_FORMS";
    static final String SEVERAL_COUNTRIES = "SEVERAL_COUNTRIES";
    /* how the national tables write a person with several codes, and none */
    static final String MULTIPLE = "MULTIPLE";
    static final String UNKNOWN = "UNKNOWN";

    static final String REFERRAL = "REFERRAL";
    static final String ANONYMOUS_NOTIFICATION = "ANONYMOUS_NOTIFICATION";
    static final String IDENTIFICATION_DECISION = "IDENTIFICATION_DECISION";
    static final Set<String> EVENTS = Set.of(REFERRAL, ANONYMOUS_NOTIFICATION, IDENTIFICATION_DECISION);

    private Codings() {}

    /**
     * The bodies ask for female, male and (UNODC) other: the HTCDS genders feminine and masculine (and the plain
     * female and male) are the first two, every other gender recorded is "other", none recorded is unknown.
     */
    static String sex(FactGroup group) {
        return sex(group.sex() == null ? UNKNOWN : group.sex());
    }

    /** The same for a category of the national tables' sex dimension ({@code UNKNOWN} where none). */
    static String sex(String code) {
        return switch (code) {
            case UNKNOWN -> null;
            case "FEMININE", "FEMALE" -> FEMALE;
            case "MASCULINE", "MALE" -> MALE;
            default -> OTHER;
        };
    }

    static String ageGroup(FactGroup group) {
        return group.child() == null ? null : group.child() ? CHILD : ADULT;
    }

    /** A category of the national tables' child-or-adult dimension. */
    static String ageGroup(String code) {
        return UNKNOWN.equals(code) ? null : code;
    }

    /** A category of a national table whose unknown is written {@code UNKNOWN}. */
    static String known(String code) {
        return UNKNOWN.equals(code) ? null : code;
    }

    /**
     * The forms of a group as the body groups them: under each form mentioned every group met; under the main form
     * the group of the one form recorded, or "several forms" where more than one is recorded (as the national tables
     * count a person once: the form, several, or unknown; the facts keep no ranking of forms).
     */
    static Collection<String> forms(FactGroup group, Function<String, String> bodyGroup, CountingRules rules) {
        if (rules.forms() == CountingRules.FormRule.MAIN_FORM) {
            String main =
                    switch (group.forms().size()) {
                        case 0 -> UNKNOWN;
                        case 1 -> group.forms().iterator().next();
                        default -> MULTIPLE;
                    };
            String category = mainForm(main, bodyGroup);
            return category == null ? List.of() : List.of(category);
        }
        Set<String> met = new TreeSet<>();
        group.forms().forEach(form -> met.add(bodyGroup.apply(form)));
        return List.copyOf(met);
    }

    /** A category of the national tables' form dimension (one form, {@code MULTIPLE} or {@code UNKNOWN}). */
    static String mainForm(String code, Function<String, String> bodyGroup) {
        return switch (code) {
            case UNKNOWN -> null;
            case MULTIPLE -> SEVERAL_FORMS;
            default -> bodyGroup.apply(code);
        };
    }

    /** Eurostat's detailed forms, with the three the Directive (EU) 2024/1712 adds as forms of their own. */
    static final List<String> EUROSTAT_FORMS = List.of(
            "SEXUAL_EXPLOITATION",
            "FORCED_LABOUR_OR_SERVICES",
            "FORCED_BEGGING",
            "FORCED_CRIMINALITY",
            "ORGAN_REMOVAL",
            "FORCED_MARRIAGE",
            "ILLEGAL_ADOPTION",
            "SURROGACY",
            OTHER);

    private static final Map<String, String> EUROSTAT = Map.ofEntries(
            Map.entry("SEXUAL_EXPLOITATION", "SEXUAL_EXPLOITATION"),
            Map.entry("FORCED_LABOUR", "FORCED_LABOUR_OR_SERVICES"),
            Map.entry("CHILD_LABOUR", "FORCED_LABOUR_OR_SERVICES"),
            Map.entry("SERVITUDE", "FORCED_LABOUR_OR_SERVICES"),
            Map.entry("FORCED_BEGGING", "FORCED_BEGGING"),
            Map.entry("FORCED_CRIMINALITY", "FORCED_CRIMINALITY"),
            Map.entry("ONLINE_SCAM_COMPOUND", "FORCED_CRIMINALITY"),
            Map.entry("ORGAN_REMOVAL", "ORGAN_REMOVAL"),
            Map.entry("FORCED_MARRIAGE", "FORCED_MARRIAGE"),
            Map.entry("FORCED_ADOPTION", "ILLEGAL_ADOPTION"),
            Map.entry("SURROGACY", "SURROGACY"));

    static String eurostatForm(String form) {
        return EUROSTAT.getOrDefault(form, OTHER);
    }

    /** Eurostat's three published groups (crim_thb_vexp): sexual exploitation, forced labour or services, other. */
    static final List<String> EUROSTAT_PURPOSES =
            List.of("SEXUAL_EXPLOITATION", "FORCED_LABOUR_OR_SERVICES", "OTHER_PURPOSES");

    static String eurostatPurpose(String form) {
        String detailed = eurostatForm(form);
        return detailed.equals("SEXUAL_EXPLOITATION") || detailed.equals("FORCED_LABOUR_OR_SERVICES")
                ? detailed
                : "OTHER_PURPOSES";
    }

    /** UNODC's three forms: sexual exploitation, forced labour, other. */
    static final List<String> UNODC_FORMS = List.of("SEXUAL_EXPLOITATION", "FORCED_LABOUR", OTHER);

    static String unodcForm(String form) {
        return switch (form) {
            case "SEXUAL_EXPLOITATION" -> "SEXUAL_EXPLOITATION";
            case "FORCED_LABOUR", "CHILD_LABOUR", "SERVITUDE" -> "FORCED_LABOUR";
            default -> OTHER;
        };
    }

    /** The country of exploitation: the one recorded, "several countries", or none. */
    static String destination(FactGroup group) {
        return switch (group.exploitationCountries().size()) {
            case 0 -> null;
            case 1 -> group.exploitationCountries().iterator().next();
            default -> SEVERAL_COUNTRIES;
        };
    }

    /** A category of the national tables' country-of-exploitation dimension. */
    static String destination(String code) {
        return switch (code) {
            case UNKNOWN -> null;
            case MULTIPLE -> SEVERAL_COUNTRIES;
            default -> code;
        };
    }
}
