package org.opennrm.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeadlineClockTests {

    // the demo jurisdiction as shipped: weekend Saturday and Sunday, its public holidays
    final DeadlineClock demo = Jurisdiction.load("demo").clock();

    @Test
    void fiveWorkingDaysFromMondayIsNextMonday() {
        assertThat(demo.addWorkingDays(LocalDate.of(2026, 3, 2), 5)).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void fiveWorkingDaysFromFridaySkipTheWeekend() {
        assertThat(demo.addWorkingDays(LocalDate.of(2026, 3, 6), 5)).isEqualTo(LocalDate.of(2026, 3, 13));
    }

    @Test
    void referralOnSaturdayCountsFromMonday() {
        assertThat(demo.addWorkingDays(LocalDate.of(2026, 3, 7), 1)).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void easterHolidaysPushTheDeadline() {
        // Thursday 2 April 2026; Friday 3 and Monday 6 April are demo holidays
        assertThat(demo.addWorkingDays(LocalDate.of(2026, 4, 2), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(demo.addWorkingDays(LocalDate.of(2026, 4, 2), 5)).isEqualTo(LocalDate.of(2026, 4, 13));
    }

    @Test
    void deadlineAcrossYearEndSkipsChristmasAndNewYear() {
        // Wednesday 23 December 2026: 24, 25, 31 December and 1 January are holidays, 26-27 December and
        // 2-3 January weekends; the working days are 28, 29, 30 December, 4 and 5 January
        assertThat(demo.addWorkingDays(LocalDate.of(2026, 12, 23), 5)).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(demo.workingDaysBetween(LocalDate.of(2026, 12, 23), LocalDate.of(2027, 1, 5)))
                .isEqualTo(5);
    }

    @Test
    void holidayItselfIsNotAWorkingDay() {
        assertThat(demo.isWorkingDay(LocalDate.of(2026, 5, 1))).isFalse();
        assertThat(demo.isWorkingDay(LocalDate.of(2026, 5, 4))).isTrue();
        assertThat(demo.isWorkingDay(LocalDate.of(2026, 5, 2))).isFalse();
    }

    @Test
    void workingDaysBetweenCountsForwardAndBackward() {
        var friday = LocalDate.of(2026, 3, 6);
        var nextFriday = LocalDate.of(2026, 3, 13);
        assertThat(demo.workingDaysBetween(friday, nextFriday)).isEqualTo(5);
        assertThat(demo.workingDaysBetween(nextFriday, friday)).isEqualTo(-5);
        assertThat(demo.workingDaysBetween(friday, friday)).isZero();
    }

    @Test
    void zeroWorkingDaysIsTheSameDayAndNegativeIsRefused() {
        var day = LocalDate.of(2026, 3, 7);
        assertThat(demo.addWorkingDays(day, 0)).isEqualTo(day);
        assertThatThrownBy(() -> demo.addWorkingDays(day, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jurisdictionWithFridaySaturdayWeekendIsRead() throws Exception {
        var file = """
                # a jurisdiction whose weekend is Friday and Saturday
                weekend: FRIDAY SATURDAY
                2026-03-10 Test holiday
                """;
        var jurisdiction = Jurisdiction.parse("test", new BufferedReader(new StringReader(file)));
        // Thursday 5 March 2026: Friday and Saturday off, Sunday 8 and Monday 9 working, Tuesday 10 a holiday
        assertThat(jurisdiction.clock().addWorkingDays(LocalDate.of(2026, 3, 5), 3))
                .isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(jurisdiction.holidayNames()).containsEntry(LocalDate.of(2026, 3, 10), "Test holiday");
    }

    @Test
    void unknownJurisdictionFailsAtStart() {
        assertThatThrownBy(() -> Jurisdiction.load("atlantis")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Jurisdiction.load("../etc")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void weekWithoutWorkingDayIsRefused() {
        assertThatThrownBy(() -> new DeadlineClock(EnumSet.allOf(DayOfWeek.class), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recoveryPeriodShorterThanThirtyDaysIsRefused() {
        assertThatThrownBy(() -> new IdentificationSettings(5, 29, 2, 30, ReviewSeparation.PERSON))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 30");
    }
}
