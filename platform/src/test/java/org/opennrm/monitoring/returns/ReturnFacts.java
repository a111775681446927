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

    static FactGroup service(int year, int month, String type, String result, long facts) {
        return new FactGroup(
                "SERVICE_DELIVERED",
                year,
                month,
                null,
                null,
                null,
                Set.of(),
                Set.of(),
                null,
                result,
                null,
                type,
                facts);
    }

    static FactGroup decided(int year, int month, String type, String result, long facts) {
        return new FactGroup(
                "SERVICE_RESULT", year, month, null, null, null, Set.of(), Set.of(), null, result, null, type, facts);
    }

    static FactGroup recoveryPeriod(int year, int month, Boolean child, String band, long facts) {
        return new FactGroup(
                "RECOVERY_PERIOD_GRANTED",
                year,
                month,
                null,
                child,
                null,
                Set.of(),
                Set.of(),
                null,
                null,
                null,
                null,
                band,
                facts);
    }

    static FactGroup nonPunishment(int year, int month, String ground, long facts) {
        return new FactGroup(
                "NON_PUNISHMENT", year, month, null, null, null, Set.of(), Set.of(), null, ground, null, null, facts);
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
    private static final String[] EVENTS = {
        "REFERRAL",
        "REFERRAL",
        "ANONYMOUS_NOTIFICATION",
        "IDENTIFICATION_DECISION",
        "SERVICE_DELIVERED",
        "SERVICE_RESULT",
        "RECOVERY_PERIOD_GRANTED",
        "NON_PUNISHMENT"
    };
    private static final String[] SERVICES = {
        "TEMPORARY_RESIDENCE_PERMIT",
        "PERMANENT_RESIDENCE_PERMIT",
        "COMPENSATION_CLAIM_OFFENDER",
        "COMPENSATION_CLAIM_STATE_FUND",
        "SAFE_VOLUNTARY_RETURN",
        "MEDICAL_CARE"
    };
    private static final String[] RESULTS = {
        "APPLIED", "GRANTED", "REFUSED", "CLAIMED", "AWARDED", "SAFETY_ASSESSED", "NOT_SAFETY_ASSESSED", null
    };
    private static final String[] BANDS = {"DAYS_UP_TO_30", "DAYS_31_TO_60", "DAYS_OVER_180", null};
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
            boolean service = event.startsWith("SERVICE_");
            String outcome =
                    switch (event) {
                        case "IDENTIFICATION_DECISION" -> OUTCOMES[random.nextInt(OUTCOMES.length)];
                        case "SERVICE_DELIVERED", "SERVICE_RESULT" -> RESULTS[random.nextInt(RESULTS.length)];
                        case "NON_PUNISHMENT" -> new String[] {"DIRECT_RESULT", "NOT_DIRECT_RESULT"}[random.nextInt(2)];
                        default -> null;
                    };
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
                    outcome,
                    new Boolean[] {true, false, null}[random.nextInt(3)],
                    service ? SERVICES[random.nextInt(SERVICES.length)] : null,
                    event.equals("RECOVERY_PERIOD_GRANTED") ? BANDS[random.nextInt(BANDS.length)] : null,
                    1 + random.nextInt(40)));
        }
        return facts;
    }
}
