package org.opennrm.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Rule 1 with its default clauses (at least: 2 strong; 1 strong + 1 medium-or-weak; 3 medium; 2 medium +
 * 1 weak), on the illustrations of the shared rule notes (section 5) and on the boundaries around them.
 */
class ElementRuleTests {

    final ElementRule rule = ElementRule.of(ElementRule.ILO_EC_2009);

    boolean present(int strong, int medium, int weak) {
        return rule.matched(strong, medium, weak).isPresent();
    }

    @Test
    void twoStrongMakeAnElementPresent() {
        assertThat(rule.matched(2, 0, 0)).contains(new Clause(2, 0, 0, 0));
    }

    @Test
    void oneStrongWithOneMediumOrOneWeakMakesAnElementPresent() {
        // illustration 1: lied to about the type of job (S) + lied to about pay (M)
        assertThat(rule.matched(1, 1, 0)).contains(new Clause(1, 0, 0, 1));
        assertThat(rule.matched(1, 0, 1)).contains(new Clause(1, 0, 0, 1));
    }

    @Test
    void threeMediumMakeAnElementPresent() {
        // illustration 2: little or no pay + poor living conditions + hazardous work, all medium
        assertThat(rule.matched(0, 3, 0)).contains(new Clause(0, 3, 0, 0));
    }

    @Test
    void twoMediumAndOneWeakMakeAnElementPresent() {
        assertThat(rule.matched(0, 2, 1)).contains(new Clause(0, 2, 1, 0));
    }

    @Test
    void aSingleStrongIndicatorAloneIsNotEnough() {
        // illustration 1: documents taken (S) only, at destination
        assertThat(present(1, 0, 0)).isFalse();
    }

    @Test
    void twoMediumAloneAreNotEnough() {
        // illustration 2 before hazardous work is added
        assertThat(present(0, 2, 0)).isFalse();
    }

    @Test
    void oneMediumWithAnyNumberOfWeakIsNotEnough() {
        // illustration 3: economic hardship (M) + general context (W)
        assertThat(present(0, 1, 1)).isFalse();
        assertThat(present(0, 1, 7)).isFalse();
    }

    @Test
    void weakIndicatorsAloneNeverMakeAnElementPresent() {
        // illustration 4
        for (int weak = 0; weak <= 20; weak++) {
            assertThat(present(0, 0, weak)).as("%d weak", weak).isFalse();
        }
    }

    @Test
    void nothingObservedIsNotPresent() {
        assertThat(present(0, 0, 0)).isFalse();
    }

    @Test
    void moreThanAClauseAsksForStillCounts() {
        assertThat(present(3, 2, 1)).isTrue();
        assertThat(present(0, 4, 0)).isTrue();
        assertThat(present(0, 2, 5)).isTrue();
    }

    @Test
    void theFirstClauseMetIsTheReasonGiven() {
        assertThat(rule.matched(2, 1, 0)).contains(new Clause(2, 0, 0, 0));
        assertThat(rule.matched(0, 3, 1)).contains(new Clause(0, 3, 0, 0));
    }

    @Test
    void clausesAreReadFromTheirWrittenForm() {
        assertThat(Clause.parse("1 strong + 1 medium-or-weak")).isEqualTo(new Clause(1, 0, 0, 1));
        assertThat(Clause.parse("2 MEDIUM+1 weak")).isEqualTo(new Clause(0, 2, 1, 0));
        assertThat(Clause.parse("3 medium").parts()).containsExactly(new Clause.Part(3, "MEDIUM"));
    }

    @Test
    void aStricterConfiguredRuleIsApplied() {
        var stricter = ElementRule.of(java.util.List.of("2 strong", "1 strong + 2 medium"));
        assertThat(stricter.matched(1, 1, 0)).isEmpty();
        assertThat(stricter.matched(1, 2, 0)).isPresent();
        assertThat(stricter.matched(0, 3, 0)).isEmpty();
    }

    @Test
    void aClauseThatIsNotUnderstoodIsRefused() {
        assertThatThrownBy(() -> Clause.parse("two strong")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Clause.parse("1 very strong")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Clause.parse("0 strong")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ElementRule.of(java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
