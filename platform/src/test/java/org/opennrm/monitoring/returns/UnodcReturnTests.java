package org.opennrm.monitoring.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opennrm.statistics.publishing.FactGroup;

/** UNODC's questionnaire: sex by age adds up to the sex totals, citizenship as codes, 1 to 4 written "<5". */
class UnodcReturnTests {

    @Test
    void sexByAgeAddsUpToEachSexAndToTheTotal() {
        var filled = new UnodcReturn()
                .fill(ReturnFacts.random(7, 400), ReportingPeriod.year(2024), CountingRules.DEFAULT, "MDA");

        long sum = 0;
        for (String sex : List.of("FEMALE", "MALE", "OTHER", ReturnCell.UNKNOWN)) {
            var bySex = filled.section("sex-by-age:" + sex);
            assertThat(bySex.total().count()).isEqualTo(filled.section("sex").count(sex));
            assertThat(bySex.sumOfParts()).isEqualTo(bySex.total().count());
            sum += bySex.total().count();
        }
        assertThat(sum).isEqualTo(filled.section("sex").total().count());
        assertThat(Additivity.violations(filled)).isEmpty();
    }

    @Test
    void citizenshipIsCountedByCodeAndSmallCountsAreWrittenAsUnodcDoes() {
        List<FactGroup> facts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            facts.add(ReturnFacts.referral(2024, 3, "FEMININE", false, "UKR", Set.of("SEXUAL_EXPLOITATION")));
        }
        for (int i = 0; i < 7; i++) {
            facts.add(ReturnFacts.referral(2024, 3, "MASCULINE", false, "VNM", Set.of("ORGAN_REMOVAL")));
        }
        var filled = new UnodcReturn().fill(facts, ReportingPeriod.year(2024), CountingRules.DEFAULT, "MDA");

        assertThat(filled.section("citizenship").count("UKR")).isEqualTo(3);
        assertThat(filled.section("form").count("OTHER")).isEqualTo(7);
        assertThat(UnodcReturn.written(0)).isEqualTo("0");
        assertThat(UnodcReturn.written(3)).isEqualTo("<5");
        assertThat(UnodcReturn.written(4)).isEqualTo("<5");
        assertThat(UnodcReturn.written(5)).isEqualTo("5");
    }
}
