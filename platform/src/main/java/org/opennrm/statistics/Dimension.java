package org.opennrm.statistics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A dimension of the standard national tables: its name in URLs and files, the SQL that gives each fact's
 * category (UNKNOWN where not recorded), and the order of its categories.
 */
enum Dimension {
    YEAR("period_year::text"),
    QUARTER("period_year || '-Q' || period_quarter"),
    REGION("coalesce(region_code, 'UNKNOWN')"),
    /* A person with several forms is one MULTIPLE, so that every table adds up to people, not mentions. */
    EXPLOITATION_FORM(several("exploitation_forms")),
    SEX("coalesce(sex, 'UNKNOWN')"),
    AGE_BAND("coalesce(age_band, 'UNKNOWN')", Fact.AGE_BANDS),
    AGE_GROUP("case when child then 'CHILD' when not child then 'ADULT' else 'UNKNOWN' end", List.of("CHILD", "ADULT")),
    CITIZENSHIP("coalesce(citizenship, 'UNKNOWN')"),
    REFERRING_SECTOR("coalesce(referring_sector, 'UNKNOWN')"),
    DECISION_OUTCOME("coalesce(decision_outcome, 'UNKNOWN')"),
    /* Bands of the usual deadlines: 45 days (the recovery and reflection period in several NRMs), then 90 and 180. */
    TIME_TO_DECISION(
            "case when days_to_decision is null then 'UNKNOWN' when days_to_decision <= 45 then '0-45'"
                    + " when days_to_decision <= 90 then '46-90' when days_to_decision <= 180 then '91-180'"
                    + " else '181+' end",
            List.of("0-45", "46-90", "91-180", "181+")),
    SERVICE("coalesce(service_type, 'UNKNOWN')"),
    METHOD_OF_CONTROL(several("methods_of_control")),
    /* ISIC sections of the work the person was exploited in */
    SECTOR(several("sectors")),
    RECRUITER_RELATIONSHIP("coalesce(recruiter_relationship, 'UNKNOWN')"),
    COUNTRY_OF_EXPLOITATION(several("exploitation_countries")),
    /* the vulnerabilities stated at referral or since (never assumed): a person with two is one MULTIPLE */
    VULNERABILITY(several("vulnerabilities")),
    /* HTCDS recruitment methods (online social networks, family, at work ...) */
    RECRUITMENT_METHOD(several("recruitment_methods")),
    /* online platforms the person was recruited through */
    RECRUITMENT_PLATFORM(several("recruitment_platforms")),
    SCREENING_SUGGESTION("coalesce(screening_suggestion, 'UNKNOWN')"),
    CLOSURE_REASON("coalesce(closure_reason, 'UNKNOWN')"),
    DURABLE_SOLUTION("coalesce(durable_solution, 'UNKNOWN')"),
    /* the length of a recovery and reflection period granted, in bands of days (Fact.PERIOD_BANDS) */
    PERIOD_BAND("coalesce(period_band, 'UNKNOWN')", Fact.PERIOD_BANDS);

    static final String UNKNOWN = "UNKNOWN";

    /* Columns holding several codes count a person once: the code, or MULTIPLE, or UNKNOWN for none. */
    private static String several(String column) {
        return "case cardinality(" + column + ") when 0 then 'UNKNOWN' when 1 then " + column + "[1]"
                + " else 'MULTIPLE' end";
    }

    private final String sql;
    private final List<String> order;

    Dimension(String sql) {
        this(sql, List.of());
    }

    Dimension(String sql, List<String> order) {
        this.sql = sql;
        this.order = order;
    }

    /** The SQL expression over statistics.fact; fixed text, never built from a request. */
    String sql() {
        return sql;
    }

    /** {@code EXPLOITATION_FORM} is {@code exploitation-form} in URLs and files. */
    String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<Dimension> of(String word) {
        return Arrays.stream(values())
                .filter(d -> d.word().equals(word) || d.name().equals(word))
                .findFirst();
    }

    /** Categories in a fixed order where there is one, otherwise alphabetical; UNKNOWN always last. */
    Comparator<String> categoryOrder() {
        return Comparator.<String, Boolean>comparing(UNKNOWN::equals)
                .thenComparing(category -> order.contains(category) ? order.indexOf(category) : order.size())
                .thenComparing(Comparator.naturalOrder());
    }
}
