package org.opennrm.monitoring.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every return's breakdowns add up to their totals with the difference shown as unknown, whatever the facts and the
 * counting rules; a return that does not is refused.
 */
class AdditivityTests {

    static final List<ReturnTemplate> TEMPLATES = List.of(
            new EurostatReturn(),
            new UnodcReturn(),
            new Sdg1622Return(),
            new UkNrmQuarterlyTable(),
            new GretaReturn(),
            new TipReturn());

    @Test
    void everyReturnAddsUpUnderEveryRuleForRandomFacts() {
        for (long seed = 1; seed <= 20; seed++) {
            var facts = ReturnFacts.random(seed, 300);
            for (var template : TEMPLATES) {
                for (var forms : CountingRules.FormRule.values()) {
                    for (var year : CountingRules.YearBasis.values()) {
                        var rules = new CountingRules(forms, year);
                        var filled = template.fill(facts, template.period(2024), rules, "MDA");
                        assertThat(Additivity.violations(filled))
                                .as(template.id() + " " + rules.describe() + " seed " + seed)
                                .isEmpty();
                        for (var section : filled.sections()) {
                            if (section.additive()) {
                                assertThat(section.part(ReturnCell.UNKNOWN)).isPresent();
                                assertThat(section.sumOfParts())
                                        .isEqualTo(section.total().count());
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void aBreakdownShortOfItsTotalWithoutTheDifferenceShownIsAViolation() {
        var total = new ReturnCell(ReturnCell.TOTAL, 10, "all");
        var section = new Section(
                "sex", "sex", total, List.of(new ReturnCell("FEMALE", 6, "f"), new ReturnCell("MALE", 3, "m")), true);
        var filled = new OfficialReturn(
                "eurostat", ReportingPeriod.year(2024), CountingRules.DEFAULT, List.of(section), List.of());

        assertThat(Additivity.violations(filled))
                .containsExactly(
                        "sex: the difference to the total is not shown as unknown",
                        "sex: the parts add up to 9, not to the total 10");
        assertThatThrownBy(() -> Additivity.checked(filled)).hasMessageContaining("does not add up");
    }

    @Test
    void aBreakdownAboveItsTotalIsAViolationEvenWithAnUnknown() {
        var section = new Section(
                "age-group",
                "age group",
                new ReturnCell(ReturnCell.TOTAL, 10, "all"),
                List.of(
                        new ReturnCell("CHILD", 4, "c"),
                        new ReturnCell("ADULT", 8, "a"),
                        new ReturnCell(ReturnCell.UNKNOWN, 0, "u")),
                true);
        var filled = new OfficialReturn(
                "unodc", ReportingPeriod.year(2024), CountingRules.DEFAULT, List.of(section), List.of());

        assertThat(Additivity.violations(filled))
                .containsExactly("age-group: the parts add up to 12, not to the total 10");
    }

    @Test
    void eachFormMentionedIsNotAdditiveButNoFormCountsMoreThanThePersons() {
        var facts = List.of(
                ReturnFacts.referral(
                        2024, 3, "FEMININE", false, "MDA", java.util.Set.of("SEXUAL_EXPLOITATION", "FORCED_LABOUR")),
                ReturnFacts.referral(2024, 4, "MASCULINE", false, "MDA", java.util.Set.of("FORCED_LABOUR")));
        var rules = new CountingRules(CountingRules.FormRule.EACH_FORM_MENTIONED, CountingRules.YearBasis.REGISTRATION);

        var form = new EurostatReturn()
                .fill(facts, ReportingPeriod.year(2024), rules, "MDA")
                .section("form");

        assertThat(form.additive()).isFalse();
        assertThat(form.count("SEXUAL_EXPLOITATION")).isEqualTo(1);
        assertThat(form.count("FORCED_LABOUR_OR_SERVICES")).isEqualTo(2);
        assertThat(form.sumOfParts()).isEqualTo(3).isGreaterThan(form.total().count());

        var bad = new OfficialReturn(
                "eurostat",
                ReportingPeriod.year(2024),
                rules,
                List.of(new Section(
                        "form",
                        "form",
                        new ReturnCell(ReturnCell.TOTAL, 2, "all"),
                        List.of(new ReturnCell("X", 3, "x")),
                        false)),
                List.of());
        assertThat(Additivity.violations(bad)).containsExactly("form: X counts more than the total 2");
    }
}
