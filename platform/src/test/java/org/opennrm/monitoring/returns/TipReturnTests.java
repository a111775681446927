package org.opennrm.monitoring.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opennrm.statistics.publishing.FactGroup;

/** The US TIP report's protection figures for its April to March year, from facts with their month. */
class TipReturnTests {

    private static FactGroup started(int year, int month, long facts) {
        return new FactGroup(
                "ASSISTANCE_STARTED", year, month, null, null, null, Set.of(), Set.of(), null, null, null, facts);
    }

    @Test
    void theYearRunsFromAprilOfTheYearBeforeToMarchAndOnlyItsMonthsAreCounted() {
        var tip = new TipReturn();
        var period = tip.period(2024);
        assertThat(period.first()).isEqualTo(YearMonth.of(2023, 4));
        assertThat(period.last()).isEqualTo(YearMonth.of(2024, 3));
        assertThat(tip.agencyYear(2024)).isEqualTo(2023);

        var facts = List.of(
                ReturnFacts.referral(2023, 3, "FEMININE", false, "MDA", Set.of("SEXUAL_EXPLOITATION")),
                ReturnFacts.referral(2023, 4, "FEMININE", false, "MDA", Set.of("SEXUAL_EXPLOITATION")),
                ReturnFacts.referral(2023, 12, "MASCULINE", false, "UKR", Set.of("FORCED_LABOUR")),
                ReturnFacts.referral(2024, 3, "MASCULINE", true, "VNM", Set.of("FORCED_BEGGING")),
                ReturnFacts.referral(2024, 4, "MASCULINE", true, "VNM", Set.of("FORCED_LABOUR")),
                ReturnFacts.anonymous(2023, 6, "FEMININE", null),
                started(2023, 5, 2),
                started(2024, 5, 7),
                ReturnFacts.service(2023, 9, "MEDICAL_CARE", null, 3),
                ReturnFacts.service(2024, 2, "TEMPORARY_RESIDENCE_PERMIT", "GRANTED", 1),
                ReturnFacts.service(2024, 4, "MEDICAL_CARE", null, 50));

        var filled = tip.fill(facts, period, CountingRules.DEFAULT, "MDA");

        var sex = filled.section("sex");
        assertThat(sex.total().count()).isEqualTo(4);
        assertThat(sex.count(Codings.FEMALE)).isEqualTo(2);
        assertThat(sex.count(Codings.MALE)).isEqualTo(2);
        var age = filled.section("age-group");
        assertThat(age.count(Codings.CHILD)).isEqualTo(1);
        assertThat(age.count(Codings.ADULT)).isEqualTo(2);
        assertThat(age.count(ReturnCell.UNKNOWN)).isEqualTo(1);
        var form = filled.section("tip-form");
        assertThat(form.count("FORCED_LABOUR")).isEqualTo(1);
        assertThat(form.count("SEXUAL_EXPLOITATION")).isEqualTo(1);
        assertThat(form.count(Codings.OTHER)).isEqualTo(1);
        assertThat(form.count(ReturnCell.UNKNOWN)).isEqualTo(1);
        var citizenship = filled.section("citizenship-foreign");
        assertThat(citizenship.count(CitizenshipGroups.REPORTING_COUNTRY)).isEqualTo(1);
        assertThat(citizenship.count(TipReturn.FOREIGN)).isEqualTo(2);
        assertThat(citizenship.count(ReturnCell.UNKNOWN)).isEqualTo(1);
        assertThat(filled.section("referred-to-services").total().count()).isEqualTo(2);
        var services = filled.section("services");
        assertThat(services.total().count()).isEqualTo(4);
        assertThat(services.count("MEDICAL_CARE")).isEqualTo(3);
        assertThat(services.count("TEMPORARY_RESIDENCE_PERMIT")).isEqualTo(1);
        assertThat(sex.total().rule()).contains("2023-04 to 2024-03");
        assertThat(Additivity.violations(filled)).isEmpty();
    }

    @Test
    void theCoverageSaysTheAgenciesReportByCalendarYearAndTheReturnCanBePublished() {
        var tip = new TipReturn();
        var filled = tip.fill(List.of(), tip.period(2025), CountingRules.DEFAULT, "MDA");

        assertThat(filled.coverage())
                .anyMatch(line -> line.contains("2024-04 to 2025-03"))
                .anyMatch(line -> line.contains("calendar year") && line.contains("do not match the April to March"));
        // published from its own quarters (2024-Q2 to 2025-Q1), like a calendar year's returns
        assertThat(ReleaseSources.reason(TipReturn.ID, tip.period(2025), CountingRules.DEFAULT))
                .isNull();
        assertThat(Agency.REQUIRED.get(TipReturn.ID)).containsExactly(Agency.POLICE, Agency.PROSECUTION, Agency.COURTS);
    }
}
