package org.opennrm.monitoring.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opennrm.statistics.publishing.FactGroup;

/** The Eurostat and Directive (EU) 2024/1712 return: who is registered, the groups and forms, the counting rules. */
class EurostatReturnTests {

    static final ReportingPeriod YEAR = ReportingPeriod.year(2024);

    @Test
    void registeredVictimsAreThoseReferredAndThoseWhoDeclinedWithIdentifiedCountedApart() {
        List<FactGroup> facts = List.of(
                ReturnFacts.referral(2024, 2, "FEMININE", false, "MDA", Set.of("SEXUAL_EXPLOITATION")),
                ReturnFacts.referral(2024, 5, "MASCULINE", true, "UKR", Set.of("FORCED_LABOUR")),
                ReturnFacts.anonymous(2024, 6, "FEMININE", false),
                ReturnFacts.decision(2024, 7, "IDENTIFIED", true),
                ReturnFacts.referral(2023, 12, "FEMININE", false, "MDA", Set.of()));

        var filled = new EurostatReturn().fill(facts, YEAR, CountingRules.DEFAULT, "MDA");

        var registration = filled.section("registration");
        assertThat(registration.total().count()).isEqualTo(3);
        assertThat(registration.count("IN_THE_NRM")).isEqualTo(2);
        assertThat(registration.count("DECLINED_FORMAL_IDENTIFICATION")).isEqualTo(1);
        assertThat(filled.section("identified").count("CHILD")).isEqualTo(1);
        assertThat(filled.section("sex").count("FEMALE")).isEqualTo(2);
        assertThat(filled.section("registering-sector").count(ReturnCell.UNKNOWN))
                .isEqualTo(1);
        assertThat(filled.coverage()).anyMatch(line -> line.contains("registering-sector: not recorded for 1 of 3"));
    }

    @Test
    void citizenshipGroupsFollowTheYearsEuMembership() {
        assertThat(CitizenshipGroups.of("MDA", 2024, "MDA")).isEqualTo(CitizenshipGroups.REPORTING_COUNTRY);
        assertThat(CitizenshipGroups.of("ROU", 2024, "MDA")).isEqualTo(CitizenshipGroups.OTHER_EU);
        assertThat(CitizenshipGroups.of("ROU", 2006, "MDA")).isEqualTo(CitizenshipGroups.NON_EU);
        assertThat(CitizenshipGroups.of("GBR", 2019, "MDA")).isEqualTo(CitizenshipGroups.OTHER_EU);
        assertThat(CitizenshipGroups.of("GBR", 2020, "MDA")).isEqualTo(CitizenshipGroups.NON_EU);
        assertThat(CitizenshipGroups.of("HRV", 2012, "MDA")).isEqualTo(CitizenshipGroups.NON_EU);
        assertThat(CitizenshipGroups.of(null, 2024, "MDA")).isNull();
    }

    @Test
    void theDirectivesNewFormsAreFormsOfTheirOwnAndOtherPurposesInEurostatsThreeGroups() {
        List<FactGroup> facts = List.of(
                ReturnFacts.referral(2024, 1, "FEMININE", false, "MDA", Set.of("FORCED_MARRIAGE")),
                ReturnFacts.referral(2024, 1, "FEMININE", false, "MDA", Set.of("FORCED_ADOPTION")),
                ReturnFacts.referral(2024, 1, "FEMININE", false, "MDA", Set.of("SURROGACY")),
                ReturnFacts.referral(2024, 1, "FEMININE", false, "MDA", Set.of("SERVITUDE", "FORCED_LABOUR")),
                ReturnFacts.referral(2024, 1, "FEMININE", false, "MDA", Set.of("SERVITUDE", "SEXUAL_EXPLOITATION")));

        var filled = new EurostatReturn().fill(facts, YEAR, CountingRules.DEFAULT, "MDA");

        var form = filled.section("form");
        assertThat(form.count("FORCED_MARRIAGE")).isEqualTo(1);
        assertThat(form.count("ILLEGAL_ADOPTION")).isEqualTo(1);
        assertThat(form.count("SURROGACY")).isEqualTo(1);
        // the facts rank no form: two recorded are "several forms", as the national tables count them
        assertThat(form.count("FORCED_LABOUR_OR_SERVICES")).isZero();
        assertThat(form.count(Codings.SEVERAL_FORMS)).isEqualTo(2);
        var each = new EurostatReturn()
                .fill(facts, YEAR, new CountingRules(CountingRules.FormRule.EACH_FORM_MENTIONED, null), "MDA")
                .section("form");
        assertThat(each.count("FORCED_LABOUR_OR_SERVICES")).isEqualTo(2);
        assertThat(each.count("SEXUAL_EXPLOITATION")).isEqualTo(1);
        assertThat(filled.section("purpose").count("OTHER_PURPOSES")).isEqualTo(3);
    }

    @Test
    void theYearOfDecisionCountsAPersonReferredInDecemberInTheNextYear() {
        List<FactGroup> facts = List.of(
                ReturnFacts.referral(2023, 12, "FEMININE", false, "MDA", Set.of()),
                ReturnFacts.decision(2024, 1, "PRESUMED_VICTIM", false),
                ReturnFacts.decision(2024, 2, "NOT_PRESUMED", false));
        var byDecision = new CountingRules(CountingRules.FormRule.MAIN_FORM, CountingRules.YearBasis.DECISION);

        var template = new EurostatReturn();
        assertThat(template.fill(facts, ReportingPeriod.year(2023), CountingRules.DEFAULT, "MDA")
                        .section("registration")
                        .total()
                        .count())
                .isEqualTo(1);
        assertThat(template.fill(facts, YEAR, CountingRules.DEFAULT, "MDA")
                        .section("registration")
                        .total()
                        .count())
                .isZero();
        var decided = template.fill(facts, YEAR, byDecision, "MDA");
        assertThat(decided.section("registration").total().count()).isEqualTo(1);
        assertThat(decided.section("sex").count(ReturnCell.UNKNOWN)).isEqualTo(1);
        assertThat(decided.coverage()).anyMatch(line -> line.startsWith("Counted by the year of the preliminary"));
    }

    @Test
    void everyCellNamesWhatItCounts() {
        var filled = new EurostatReturn()
                .fill(
                        List.of(ReturnFacts.referral(2024, 2, "FEMININE", false, "ROU", Set.of())),
                        YEAR,
                        CountingRules.DEFAULT,
                        "MDA");
        assertThat(filled.section("citizenship-group")
                        .part("OTHER_EU")
                        .orElseThrow()
                        .rule())
                .isEqualTo("registered victims: persons referred into the NRM or notified anonymously, 2024-01 to"
                        + " 2024-12; citizenship group = OTHER_EU");
    }
}
