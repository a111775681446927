package org.opennrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapCellsShownTests {

    @Test
    void tableWithoutSmallCellsIsShownWhole() {
        assertThat(OverlapCellsShown.withheld(List.of(40L, 12L, 10L), 10)).isEmpty();
    }

    @Test
    void singleSmallCellIsWithheldWithTheNextSmallestSoThatTheTotalDoesNotRevealIt() {
        // 3 alone could be recovered from the number of people seen; 3 + 12 cannot be split
        assertThat(OverlapCellsShown.withheld(List.of(40L, 3L, 12L, 25L), 10)).containsExactly(1, 2);
    }

    @Test
    void smallCellsThatTogetherStayBelowTheMinimumTakeMoreCellsWithThem() {
        // 1 + 2 = 3 would tell that both are tiny: the smallest shown cell joins them
        assertThat(OverlapCellsShown.withheld(List.of(1L, 50L, 2L, 11L), 10)).containsExactly(0, 2, 3);
    }

    @Test
    void twoSmallCellsThatTogetherReachTheMinimumAreEnough() {
        assertThat(OverlapCellsShown.withheld(List.of(6L, 30L, 7L), 10)).containsExactly(0, 2);
    }

    @Test
    void everyCellWithheldWhenNothingElseProtectsThem() {
        assertThat(OverlapCellsShown.withheld(List.of(2L, 3L), 10)).containsExactly(0, 1);
    }
}
