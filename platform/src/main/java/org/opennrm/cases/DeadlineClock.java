package org.opennrm.cases;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts working days in a jurisdiction: days that are neither a weekly day off nor a public holiday. A
 * deadline of N working days after a day is the N-th working day after it, so a referral received on a Friday
 * with five working days is due the next Friday, and a public holiday pushes it one day further.
 */
public final class DeadlineClock {

    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> holidays;

    public DeadlineClock(Set<DayOfWeek> weekend, Set<LocalDate> holidays) {
        if (weekend.size() >= 7) {
            throw new IllegalArgumentException("A week needs at least one working day");
        }
        this.weekend = weekend.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekend);
        this.holidays = new TreeSet<>(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /** The N-th working day after {@code start} (the start itself does not count); {@code start} for N = 0. */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("Working days to add cannot be negative");
        }
        var day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * Working days from {@code from} (exclusive) to {@code to} (inclusive); negative when {@code to} is before
     * {@code from}. Tells how many working days remain before a deadline, or how many it is overdue.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (var day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    public Set<LocalDate> holidays() {
        return java.util.Collections.unmodifiableSet(holidays);
    }
}
