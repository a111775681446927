package org.opennrm.monitoring.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opennrm.statistics.publishing.FactGroup;

/** GRETA's statistics: presumed victims by citizenship and where exploited, identified persons, services by type. */
class GretaReturnTests {

    private static FactGroup referral(String citizenship, Set<String> countries) {
        return referral(2024, citizenship, countries);
    }

    private static FactGroup referral(int year, String citizenship, Set<String> countries) {
        return new FactGroup(
                "REFERRAL",
                year,
                5,
                "FEMININE",
                false,
                citizenship,
                Set.of("FORCED_LABOUR"),
                countries,
                "NGO",
                null,
                true,
                1);
    }

    private static FactGroup service(int year, String type, long facts) {
        return new FactGroup(
                "SERVICE_DELIVERED", year, 2, null, null, null, Set.of(), Set.of(), null, null, null, type, facts);
    }

    @Test
    void countsCitizenshipAndWhereExploitedAgainstTheReportingCountry() {
        List<FactGroup> facts = new ArrayList<>();
        facts.add(referral("MDA", Set.of("MDA")));
        facts.add(referral("MDA", Set.of("RUS")));
        facts.add(referral("MDA", Set.of("MDA", "ITA")));
        facts.add(referral("UKR", Set.of("MDA")));
        facts.add(referral(null, Set.of()));
        facts.add(ReturnFacts.anonymous(2024, 6, "MASCULINE", true));
        facts.add(referral(2023, "UKR", Set.of("MDA")));

        var filled = new GretaReturn().fill(facts, ReportingPeriod.year(2024), CountingRules.DEFAULT, "MDA");

        var citizenship = filled.section("citizenship-own");
        assertThat(citizenship.total().count()).isEqualTo(6);
        assertThat(citizenship.count(CitizenshipGroups.REPORTING_COUNTRY)).isEqualTo(3);
        assertThat(citizenship.count(GretaReturn.OTHER_COUNTRY)).isEqualTo(1);
        assertThat(citizenship.count(ReturnCell.UNKNOWN)).isEqualTo(2);
        var where = filled.section("exploitation-location");
        assertThat(where.count(UkNrmQuarterlyTable.DOMESTIC)).isEqualTo(2);
        assertThat(where.count(UkNrmQuarterlyTable.OVERSEAS)).isEqualTo(1);
        assertThat(where.count(UkNrmQuarterlyTable.DOMESTIC_AND_OVERSEAS)).isEqualTo(1);
        assertThat(where.count(ReturnCell.UNKNOWN)).isEqualTo(2);
        assertThat(where.total().rule()).startsWith("presumed victims: ");
        assertThat(filled.section("form").count("FORCED_LABOUR_OR_SERVICES")).isEqualTo(5);
        assertThat(Additivity.violations(filled)).isEmpty();
    }

    @Test
    void countsTheServicesGretaAsksAboutInTheYearAndNoOthers() {
        var facts = List.of(
                service(2024, "TEMPORARY_RESIDENCE_PERMIT", 4),
                service(2024, "SAFE_VOLUNTARY_RETURN", 2),
                service(2024, "COMPENSATION_CLAIM_STATE_FUND", 1),
                service(2024, "MEDICAL_CARE", 30),
                service(2023, "PERMANENT_RESIDENCE_PERMIT", 5),
                ReturnFacts.decision(2024, 3, "IDENTIFIED", true),
                ReturnFacts.decision(2024, 3, "NOT_IDENTIFIED", false));

        var filled = new GretaReturn().fill(facts, ReportingPeriod.year(2024), CountingRules.DEFAULT, "MDA");

        var services = filled.section("assistance");
        assertThat(services.total().count()).isEqualTo(7);
        assertThat(services.count("TEMPORARY_RESIDENCE_PERMIT")).isEqualTo(4);
        assertThat(services.count("PERMANENT_RESIDENCE_PERMIT")).isZero();
        assertThat(services.count("SAFE_VOLUNTARY_RETURN")).isEqualTo(2);
        assertThat(services.count("COMPENSATION_CLAIM_STATE_FUND")).isEqualTo(1);
        assertThat(services.count(ReturnCell.UNKNOWN)).isZero();
        assertThat(filled.section("identified").count(Codings.CHILD)).isEqualTo(1);
        assertThat(filled.section("identified").total().count()).isEqualTo(1);
        assertThat(filled.coverage())
                .anyMatch(line -> line.contains("to be confirmed"))
                .anyMatch(line -> line.contains("Now counted") && line.contains("recovery and reflection periods"))
                .anyMatch(line -> line.contains("Still not held") && line.contains("amount of compensation"));
        assertThat(new GretaReturn().events()).contains("SERVICE_DELIVERED", "REFERRAL");
    }

    @Test
    void countsRecoveryPeriodsPermitsCompensationNonPunishmentAndReturnsFromTheirFacts() {
        var facts = List.of(
                ReturnFacts.recoveryPeriod(2024, 2, true, "DAYS_UP_TO_30", 3),
                ReturnFacts.recoveryPeriod(2024, 9, false, "DAYS_61_TO_90", 5),
                ReturnFacts.recoveryPeriod(2024, 9, null, null, 1),
                ReturnFacts.recoveryPeriod(2023, 12, false, "DAYS_61_TO_90", 40),
                // permits: 4 applied for (one recorded as granted at once), 2 granted later, 1 refused
                ReturnFacts.service(2024, 1, "TEMPORARY_RESIDENCE_PERMIT", "APPLIED", 3),
                ReturnFacts.service(2024, 3, "PERMANENT_RESIDENCE_PERMIT", "GRANTED", 1),
                ReturnFacts.decided(2024, 4, "TEMPORARY_RESIDENCE_PERMIT", "GRANTED", 2),
                ReturnFacts.decided(2024, 5, "TEMPORARY_RESIDENCE_PERMIT", "REFUSED", 1),
                ReturnFacts.decided(2025, 1, "TEMPORARY_RESIDENCE_PERMIT", "GRANTED", 9),
                // compensation: 2 claimed, 1 awarded later
                ReturnFacts.service(2024, 6, "COMPENSATION_CLAIM_OFFENDER", "CLAIMED", 1),
                ReturnFacts.service(2024, 6, "COMPENSATION_CLAIM_STATE_FUND", "CLAIMED", 1),
                ReturnFacts.decided(2024, 11, "COMPENSATION_CLAIM_STATE_FUND", "AWARDED", 1),
                ReturnFacts.nonPunishment(2024, 7, "DIRECT_RESULT", 2),
                ReturnFacts.nonPunishment(2024, 8, "NOT_DIRECT_RESULT", 1),
                // returns: two assessed, one not, one recorded before the assessment was asked
                ReturnFacts.service(2024, 10, "SAFE_VOLUNTARY_RETURN", "SAFETY_ASSESSED", 2),
                ReturnFacts.service(2024, 10, "SAFE_VOLUNTARY_RETURN", "NOT_SAFETY_ASSESSED", 1),
                ReturnFacts.service(2024, 10, "SAFE_VOLUNTARY_RETURN", null, 1));

        var filled = new GretaReturn().fill(facts, ReportingPeriod.year(2024), CountingRules.DEFAULT, "MDA");

        var recovery = filled.section("recovery-periods");
        assertThat(recovery.total().count()).isEqualTo(9);
        assertThat(recovery.count("DAYS_UP_TO_30")).isEqualTo(3);
        assertThat(recovery.count("DAYS_61_TO_90")).isEqualTo(5);
        assertThat(recovery.count(ReturnCell.UNKNOWN)).isEqualTo(1);
        assertThat(filled.section("recovery-periods-age").count(Codings.CHILD)).isEqualTo(3);
        assertThat(filled.section("recovery-periods-age").count(Codings.ADULT)).isEqualTo(5);

        var applied = filled.section("permits-applied");
        assertThat(applied.total().count()).isEqualTo(4);
        assertThat(applied.count("TEMPORARY_RESIDENCE_PERMIT")).isEqualTo(3);
        assertThat(applied.count("PERMANENT_RESIDENCE_PERMIT")).isEqualTo(1);
        var granted = filled.section("permits-granted");
        assertThat(granted.total().count()).isEqualTo(3);
        assertThat(granted.count("TEMPORARY_RESIDENCE_PERMIT")).isEqualTo(2);
        assertThat(granted.count("PERMANENT_RESIDENCE_PERMIT")).isEqualTo(1);
        assertThat(filled.section("permits-refused").total().count()).isEqualTo(1);

        assertThat(filled.section("compensation-claimed").total().count()).isEqualTo(2);
        assertThat(filled.section("compensation-granted").count("COMPENSATION_CLAIM_STATE_FUND"))
                .isEqualTo(1);
        assertThat(filled.section("compensation-granted").count("COMPENSATION_CLAIM_OFFENDER"))
                .isZero();

        var nonPunishment = filled.section("non-punishment");
        assertThat(nonPunishment.total().count()).isEqualTo(3);
        assertThat(nonPunishment.count("DIRECT_RESULT")).isEqualTo(2);

        var returns = filled.section("returns");
        assertThat(returns.total().count()).isEqualTo(4);
        assertThat(returns.count("SAFETY_ASSESSED")).isEqualTo(2);
        assertThat(returns.count("NOT_SAFETY_ASSESSED")).isEqualTo(1);
        assertThat(returns.count(ReturnCell.UNKNOWN)).isEqualTo(1);
        assertThat(returns.total().rule()).contains("safe voluntary returns");
        assertThat(Additivity.violations(filled)).isEmpty();
    }
}
