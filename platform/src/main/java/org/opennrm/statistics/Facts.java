package org.opennrm.statistics;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Types;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The coded facts in statistics.fact, and the plain SQL aggregation that national tables start from. */
@Repository
class Facts {

    private final JdbcClient jdbc;

    Facts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the fact; its id stays in the statistics module (only {@code referral_case} reads it). */
    long add(Fact fact) {
        return jdbc.sql("""
                        insert into statistics.fact (event_kind, period_year, period_quarter, period_month, region_code,
                            referring_sector, sex, age_band, child, citizenship, exploitation_forms, decision_outcome,
                            days_to_decision, service_type, methods_of_control, sectors, recruiter_relationship,
                            exploitation_countries, screening_suggestion, closure_reason, durable_solution,
                            statistics_consent, consent_purpose, receiving_sector, override_ground,
                            screening_checklist_version, vulnerabilities, recruitment_methods, recruitment_platforms,
                            period_band)
                        values (:kind, :year, :quarter, :month, :region, :sector, :sex, :ageBand, :child, :citizenship,
                            :forms, :outcome, :days, :service, :methods, :sectors, :recruiter, :countries, :suggestion,
                            :closure, :solution, :consent, :purpose, :receivingSector, :overrideGround,
                            :checklistVersion, :vulnerabilities, :recruitmentMethods, :recruitmentPlatforms, :periodBand)
                        returning id
                        """)
                .param("kind", fact.kind().name())
                .param("year", fact.month().getYear())
                .param("quarter", (fact.month().getMonthValue() + 2) / 3)
                .param("month", fact.month().getMonthValue())
                .param("region", fact.region())
                .param("sector", fact.referringSector())
                .param("sex", fact.sex())
                .param("ageBand", fact.ageBand())
                .param("child", fact.child())
                .param("citizenship", fact.citizenship())
                .param("forms", sorted(fact.exploitationForms()))
                .param("outcome", fact.decisionOutcome())
                .param("days", fact.daysToDecision())
                .param("service", fact.serviceType())
                .param("methods", sorted(fact.methodsOfControl()))
                .param("sectors", sorted(fact.sectors()))
                .param("recruiter", fact.recruiterRelationship())
                .param("countries", sorted(fact.exploitationCountries()))
                .param("suggestion", fact.screeningSuggestion())
                .param("closure", fact.closureReason())
                .param("solution", fact.durableSolution())
                .param("consent", fact.statisticsConsent(), Types.BOOLEAN)
                .param("purpose", fact.consentPurpose())
                .param("receivingSector", fact.receivingSector())
                .param("overrideGround", fact.overrideGround())
                .param("checklistVersion", fact.screeningChecklistVersion())
                .param("periodBand", fact.periodBand())
                .param("vulnerabilities", sorted(fact.vulnerabilities()))
                .param("recruitmentMethods", sorted(fact.recruitmentMethods()))
                .param("recruitmentPlatforms", sorted(fact.recruitmentPlatforms()))
                .query(Long.class)
                .single();
    }

    /** Remembers which referral fact a case opened and which organisation registered it (opaque ids, never published). */
    void rememberReferral(java.util.UUID caseId, java.util.UUID organisationId, long factId) {
        jdbc.sql("insert into statistics.referral_case (case_id, fact_id, organisation_id) values (:case, :fact, :o)"
                        + " on conflict (case_id) do nothing")
                .param("case", caseId)
                .param("fact", factId)
                .param("o", organisationId)
                .update();
    }

    /**
     * Gives the referral fact of the case the profile given (forms, methods of control, sectors, recruiter, countries
     * of exploitation, vulnerabilities, recruitment); false when the case's referral was recorded before facts
     * followed profiles (no {@code referral_case} row).
     */
    boolean changeReferralProfile(java.util.UUID caseId, Fact profile) {
        return jdbc.sql("""
                        update statistics.fact set exploitation_forms = :forms, methods_of_control = :methods,
                            sectors = :sectors, recruiter_relationship = :recruiter, exploitation_countries = :countries,
                            vulnerabilities = :vulnerabilities, recruitment_methods = :recruitmentMethods,
                            recruitment_platforms = :recruitmentPlatforms
                        where event_kind = 'REFERRAL'
                            and id = (select fact_id from statistics.referral_case where case_id = :case)
                        """)
                        .param("forms", sorted(profile.exploitationForms()))
                        .param("methods", sorted(profile.methodsOfControl()))
                        .param("sectors", sorted(profile.sectors()))
                        .param("recruiter", profile.recruiterRelationship())
                        .param("countries", sorted(profile.exploitationCountries()))
                        .param("vulnerabilities", sorted(profile.vulnerabilities()))
                        .param("recruitmentMethods", sorted(profile.recruitmentMethods()))
                        .param("recruitmentPlatforms", sorted(profile.recruitmentPlatforms()))
                        .param("case", caseId)
                        .update()
                > 0;
    }

    private static String[] sorted(Set<String> codes) {
        return codes.stream().sorted().toArray(String[]::new);
    }

    /** Counts by the two dimensions, with the SQL of each dimension (fixed text) and parameters for the rest. */
    CountTable aggregate(TableRequest request) {
        var sql = new StringBuilder("select ")
                .append(request.rows().sql())
                .append(" as row_category, ")
                .append(request.columns().sql())
                .append(" as column_category, count(*) as people from statistics.fact where event_kind = :kind");
        Map<String, Object> params = new HashMap<>();
        params.put("kind", request.event().name());
        if (request.from() != null) {
            sql.append(" and period_year * 4 + period_quarter - 1 >= :from");
            params.put("from", TableRequest.index(request.from()));
        }
        if (request.to() != null) {
            sql.append(" and period_year * 4 + period_quarter - 1 <= :to");
            params.put("to", TableRequest.index(request.to()));
        }
        if (request.region() != null) {
            sql.append(" and region_code = :region");
            params.put("region", request.region());
        }
        sql.append(" group by 1, 2");
        record Count(String row, String column, long people) {}
        List<Count> counts = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
        var rows = new TreeSet<>(request.rows().categoryOrder());
        var columns = new TreeSet<>(request.columns().categoryOrder());
        counts.forEach(count -> {
            rows.add(count.row());
            columns.add(count.column());
        });
        List<String> rowList = new ArrayList<>(rows);
        List<String> columnList = new ArrayList<>(columns);
        long[][] grid = new long[rowList.size()][columnList.size()];
        for (Count count : counts) {
            grid[rowList.indexOf(count.row())][columnList.indexOf(count.column())] = count.people();
        }
        return new CountTable(request.rows().word(), request.columns().word(), rowList, columnList, grid);
    }

    /** How many facts one cell counts; for the joint check only, never shown. */
    long count(CellDefinition cell) {
        var sql = new StringBuilder("select count(*) from statistics.fact where event_kind = :kind");
        Map<String, Object> params = new HashMap<>();
        params.put("kind", cell.event().name());
        if (cell.firstQuarter() != null) {
            sql.append(" and period_year * 4 + period_quarter - 1 >= :from");
            params.put("from", cell.firstQuarter());
        }
        if (cell.lastQuarter() != null) {
            sql.append(" and period_year * 4 + period_quarter - 1 <= :to");
            params.put("to", cell.lastQuarter());
        }
        if (Dimension.UNKNOWN.equals(cell.region())) {
            sql.append(" and region_code is null");
        } else if (cell.region() != null) {
            sql.append(" and region_code = :region");
            params.put("region", cell.region());
        }
        int n = 0;
        for (var category : cell.categories().entrySet()) {
            // the dimension's SQL is fixed text chosen by its name; the category is a parameter
            sql.append(" and ")
                    .append(Dimension.valueOf(category.getKey()).sql())
                    .append(" = :c")
                    .append(n);
            params.put("c" + n++, category.getValue());
        }
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /**
     * Every person registered (a referral or an anonymous notification) in the years given (either may be null), as
     * the facts hold them, leaving out referrals of persons who did not agree to use in statistics: the CTDC export
     * reads these and never a case. An anonymous notification is itself a count without identity.
     */
    List<Fact> registrations(Integer fromYear, Integer toYear) {
        return jdbc.sql("""
                        select event_kind, period_year, period_month, region_code, referring_sector, sex, age_band, child,
                            citizenship, exploitation_forms, methods_of_control, sectors, recruiter_relationship,
                            exploitation_countries, statistics_consent, vulnerabilities, recruitment_methods,
                            recruitment_platforms
                        from statistics.fact
                        where event_kind in ('REFERRAL', 'ANONYMOUS_NOTIFICATION')
                            and statistics_consent is not false
                            and (cast(:from as integer) is null or period_year >= :from)
                            and (cast(:to as integer) is null or period_year <= :to)
                        order by period_year, id
                        """)
                .param("from", fromYear, Types.INTEGER)
                .param("to", toYear, Types.INTEGER)
                .query((rs, n) -> new Fact(
                        EventKind.valueOf(rs.getString("event_kind")),
                        YearMonth.of(rs.getInt("period_year"), rs.getInt("period_month")),
                        rs.getString("region_code"),
                        rs.getString("referring_sector"),
                        rs.getString("sex"),
                        rs.getString("age_band"),
                        rs.getObject("child", Boolean.class),
                        rs.getString("citizenship"),
                        codes(rs.getArray("exploitation_forms")),
                        null,
                        null,
                        null,
                        codes(rs.getArray("methods_of_control")),
                        codes(rs.getArray("sectors")),
                        rs.getString("recruiter_relationship"),
                        codes(rs.getArray("exploitation_countries")),
                        null,
                        null,
                        null,
                        rs.getObject("statistics_consent", Boolean.class),
                        null,
                        null,
                        null,
                        null,
                        codes(rs.getArray("vulnerabilities")),
                        codes(rs.getArray("recruitment_methods")),
                        codes(rs.getArray("recruitment_platforms")),
                        null))
                .list();
    }

    private static Set<String> codes(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (Object code : (Object[]) array.getArray()) {
            codes.add(((String) code).strip());
        }
        return codes;
    }

    /** How many referrals in the years given were of persons who did not agree to use in statistics. */
    long registrationsWithoutConsent(Integer fromYear, Integer toYear) {
        return jdbc.sql("""
                        select count(*) from statistics.fact
                        where event_kind = 'REFERRAL' and statistics_consent is false
                            and (cast(:from as integer) is null or period_year >= :from)
                            and (cast(:to as integer) is null or period_year <= :to)
                        """)
                .param("from", fromYear, Types.INTEGER)
                .param("to", toYear, Types.INTEGER)
                .query(Long.class)
                .single();
    }
}
