package org.opennrm.monitoring.returns;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.opennrm.statistics.publishing.FactGroup;

/** Synthetic fact groups for return tests. */
final class ReturnFacts {

    private ReturnFacts() {}

    static FactGroup referral(int year, int month, String sex, Boolean child, String citizenship, Set<String> forms) {
        return new FactGroup("REFERRAL", year, month, sex, child, citizenship, forms, Set.of(), "NGO", null, true, 1);
    }

    static FactGroup anonymous(int year, int month, String sex, Boolean child) {
        return new FactGroup(
                "ANONYMOUS_NOTIFICATION", year, month, sex, child, null, Set.of(), Set.of(), null, null, null, 1);
    }

    static FactGroup decision(int year, int month, String outcome, Boolean child) {
        return new FactGroup(
                "IDENTIFICATION_DECISION", year, month, null, child, null, Set.of(), Set.of(), null, outcome, null, 1);
    }

    private static final String[] SEXES = {"FEMININE", "MASCULINE", "NON_CONFORMING", null};
    private static final String[] COUNTRIES = {"MDA", "ROU", "UKR", "GBR", "VNM", null};
    private static final String[] FORMS = {
        "SEXUAL_EXPLOITATION",
        "FORCED_LABOUR",
        "SERVITUDE",
        "FORCED_BEGGING",
        "FORCED_MARRIAGE",
        "SURROGACY",
        "FORCED_ADOPTION",
        "ORGAN_REMOVAL",
        "ONLINE_SCAM_COMPOUND",
        "OTHER"
    };
    private static final String[] EVENTS = {"REFERRAL", "REFERRAL", "ANONYMOUS_NOTIFICATION", "IDENTIFICATION_DECISION"
    };
    private static final String[] OUTCOMES = {"PRESUMED_VICTIM", "NOT_PRESUMED", "IDENTIFIED", "NOT_IDENTIFIED"};
    private static final String[] SECTORS = {"NGO", "POLICE", "LABOUR_INSPECTORATE", null};

    /** Random groups over two years, every code sometimes missing. */
    static List<FactGroup> random(long seed, int groups) {
        var random = new Random(seed);
        List<FactGroup> facts = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            Set<String> forms = new TreeSet<>();
            int many = random.nextInt(4);
            for (int f = 0; f < many; f++) {
                forms.add(FORMS[random.nextInt(FORMS.length)]);
            }
            Set<String> countries = new TreeSet<>();
            int where = random.nextInt(3);
            for (int c = 0; c < where; c++) {
                countries.add(new String[] {"MDA", "RUS", "ITA"}[random.nextInt(3)]);
            }
            String event = EVENTS[random.nextInt(EVENTS.length)];
            facts.add(new FactGroup(
                    event,
                    2023 + random.nextInt(2),
                    1 + random.nextInt(12),
                    SEXES[random.nextInt(SEXES.length)],
                    new Boolean[] {true, false, null}[random.nextInt(3)],
                    COUNTRIES[random.nextInt(COUNTRIES.length)],
                    forms,
                    countries,
                    SECTORS[random.nextInt(SECTORS.length)],
                    event.equals("IDENTIFICATION_DECISION") ? OUTCOMES[random.nextInt(OUTCOMES.length)] : null,
                    new Boolean[] {true, false, null}[random.nextInt(3)],
                    1 + random.nextInt(40)));
        }
        return facts;
    }
}
