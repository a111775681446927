package org.opennrm.statistics.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennrm.statistics.publishing.IndicatorDisclosure.Shown.EXACT;
import static org.opennrm.statistics.publishing.IndicatorDisclosure.Shown.FEWER_THAN;
import static org.opennrm.statistics.publishing.IndicatorDisclosure.Shown.WITHHELD;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opennrm.statistics.publishing.IndicatorDisclosure.Figure;

/**
 * Disclosure control of indicator values for readers outside the statistics office (minimum cell size 10): small
 * counts as "fewer than 10", and a value withheld when a reader could work out a small count by difference.
 */
class IndicatorDisclosureTests {

    final IndicatorDisclosure disclosure = new IndicatorDisclosure(10);

    @Test
    void aSmallCountIsShownAsFewerThanTheMinimumAndNoneOrManyAsCounted() {
        assertThat(disclosure.protect(List.of(count(1, 3, 0), count(4, 6, 10), count(7, 9, 3), count(10, 12, 9))))
                .containsExactly(EXACT, EXACT, FEWER_THAN, FEWER_THAN);
        // a total that contradicts a small count shown before (30 where 3 was all) is withheld
        assertThat(disclosure.protect(List.of(count(1, 12, 3), count(1, 6, 30))))
                .containsExactly(FEWER_THAN, WITHHELD);
    }

    @Test
    void aCountWhoseDifferenceWithAnotherIsSmallIsWithheld() {
        // 25 over the year and 22 over January to November: December had 3
        assertThat(disclosure.protect(List.of(count(1, 12, 25), count(1, 11, 22))))
                .containsExactly(EXACT, WITHHELD);
        // the same with a difference of 10 or none is shown
        assertThat(disclosure.protect(List.of(count(1, 12, 25), count(1, 11, 15), count(1, 6, 15))))
                .containsExactly(EXACT, EXACT, EXACT);
    }

    @Test
    void periodsThatTileAYearCannotRevealTheLastByDifference() {
        // 40 over the year, 15 in January to April and 20 in May to August: September to December had 5
        assertThat(disclosure.protect(List.of(count(1, 12, 40), count(1, 4, 15), count(5, 8, 20))))
                .containsExactly(EXACT, EXACT, WITHHELD);
    }

    @Test
    void twoFewerThansUnderAnExactTotalNarrowEachOtherAndTheSecondIsWithheld() {
        // 12 over the year; January to June fewer than 10 says 1 to 9, which July to December (fewer than 10 too)
        // would narrow to 3 to 9
        assertThat(disclosure.protect(List.of(count(1, 12, 12), count(1, 6, 5), count(7, 12, 7))))
                .containsExactly(EXACT, FEWER_THAN, WITHHELD);
    }

    @Test
    void overlappingPeriodsAndRecountsWithAnotherResultAreWithheld() {
        // January to December and February to November overlap inside each other: fine; March to June and April to
        // September overlap without nesting
        assertThat(disclosure.protect(List.of(count(3, 6, 30), count(4, 9, 40))))
                .containsExactly(EXACT, WITHHELD);
        // a recount with late facts: 30, then 32 (two facts recorded late) is withheld; the same 30 again is shown
        assertThat(disclosure.protect(List.of(count(3, 6, 30), count(3, 6, 32), count(3, 6, 30))))
                .containsExactly(EXACT, WITHHELD, EXACT);
    }

    @Test
    void aMedianIsShownOnlyOverEnoughFacts() {
        assertThat(disclosure.protect(List.of(
                        new Figure(month(1), month(12), false, 7L, 3L),
                        new Figure(month(1), month(12), false, 7L, 10L),
                        new Figure(month(1), month(12), false, 7L, null),
                        new Figure(month(1), month(12), false, null, 0L))))
                .containsExactly(WITHHELD, EXACT, WITHHELD, EXACT);
    }

    private static Figure count(int first, int last, long count) {
        return new Figure(month(first), month(last), true, count, count);
    }

    private static YearMonth month(int month) {
        return YearMonth.of(2030, month);
    }
}
