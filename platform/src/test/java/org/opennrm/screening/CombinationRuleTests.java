package org.opennrm.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opennrm.screening.Element.*;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule 2: which present elements together suggest a presumed victim, for adults and for children. */
class CombinationRuleTests {

    final CombinationRule adult = CombinationRule.of(CombinationRule.ADULT_DEFAULT);
    final CombinationRule child = CombinationRule.of(CombinationRule.CHILD_DEFAULT);

    @Test
    void anAdultNeedsRecruitmentExploitationAndDestination() {
        // illustration 1, once the threat of being reported is added
        assertThat(adult.metBy(EnumSet.of(DECEPTIVE_RECRUITMENT, EXPLOITATION, COERCION_AT_DESTINATION)))
                .isTrue();
        assertThat(adult.metBy(EnumSet.of(
                        RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, EXPLOITATION, ABUSE_OF_VULNERABILITY_AT_DESTINATION)))
                .isTrue();
    }

    @Test
    void anAdultWithoutADestinationElementIsNotSuggestedForReferral() {
        // illustration 1, before the threat: documents taken alone leave the destination without an element
        assertThat(adult.metBy(EnumSet.of(DECEPTIVE_RECRUITMENT, EXPLOITATION))).isFalse();
    }

    @Test
    void anAdultWithoutExploitationOrRecruitmentIsNotSuggestedForReferral() {
        assertThat(adult.metBy(EnumSet.of(DECEPTIVE_RECRUITMENT, COERCIVE_RECRUITMENT, COERCION_AT_DESTINATION)))
                .isFalse();
        assertThat(adult.metBy(EnumSet.of(EXPLOITATION, COERCION_AT_DESTINATION)))
                .isFalse();
        assertThat(adult.metBy(EnumSet.noneOf(Element.class))).isFalse();
    }

    @Test
    void aChildNeedsOnlyRecruitmentAndExploitationBecauseNoMeansAreNeeded() {
        assertThat(child.metBy(EnumSet.of(DECEPTIVE_RECRUITMENT, EXPLOITATION))).isTrue();
        assertThat(child.metBy(EnumSet.of(EXPLOITATION, COERCION_AT_DESTINATION)))
                .isFalse();
        assertThat(child.needsNoDestination()).isTrue();
        assertThat(adult.needsNoDestination()).isFalse();
    }

    @Test
    void theChildRuleCanBeSetToTheAdultRuleOrToExploitationAlone() {
        var sameAsAdults = CombinationRule.of(CombinationRule.ADULT_DEFAULT);
        assertThat(sameAsAdults.metBy(EnumSet.of(DECEPTIVE_RECRUITMENT, EXPLOITATION)))
                .isFalse();
        var exploitationAlone = CombinationRule.of(List.of("exploitation"));
        assertThat(exploitationAlone.metBy(EnumSet.of(EXPLOITATION))).isTrue();
    }

    @Test
    void theSecondVersionOfTheAdultRuleCanBeConfigured() {
        // version 3.2 of the notes: deceptive OR coercive recruitment + exploitation + coercion at destination
        var version32 = CombinationRule.of(
                List.of("deceptive-recruitment | coercive-recruitment", "EXPLOITATION", "COERCION_AT_DESTINATION"));
        assertThat(version32.metBy(
                        EnumSet.of(RECRUITMENT_BY_ABUSE_OF_VULNERABILITY, EXPLOITATION, COERCION_AT_DESTINATION)))
                .isFalse();
        assertThat(version32.metBy(EnumSet.of(COERCIVE_RECRUITMENT, EXPLOITATION, COERCION_AT_DESTINATION)))
                .isTrue();
    }

    @Test
    void anUnknownElementIsRefusedWithItsName() {
        assertThatThrownBy(() -> CombinationRule.of(List.of("EXPLOITATION | MEANS")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MEANS");
        assertThatThrownBy(() -> CombinationRule.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
