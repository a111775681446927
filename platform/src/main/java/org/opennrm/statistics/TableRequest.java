package org.opennrm.statistics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opennrm.RuleViolation;

/**
 * Which standard national table: counts of facts of one event kind by two dimensions, within an optional
 * period (quarters, inclusive) and region.
 *
 * @param from first quarter as {@code 2024-Q1}, or null for no lower limit
 * @param to last quarter, or null for no upper limit
 */
public record TableRequest(Dimension rows, Dimension columns, EventKind event, String from, String to, String region) {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern REGION = Pattern.compile("[A-Z0-9-]{1,20}");

    public TableRequest {
        if (rows == columns) {
            throw new RuleViolation(
                    "statistics.problem.sameDimensions", "Choose two different dimensions for rows and columns.");
        }
        from = blankToNull(from);
        to = blankToNull(to);
        region = blankToNull(region);
        if (region != null && !REGION.matcher(region).matches()) {
            throw new RuleViolation("statistics.problem.region", "A region is a code such as NORTH or R-01.");
        }
        if (from != null && to != null && index(from) > index(to)) {
            throw new RuleViolation("statistics.problem.periodOrder", "The period starts after it ends.");
        }
        if (from != null) {
            index(from);
        }
        if (to != null) {
            index(to);
        }
    }

    /** Reads words from a URL; unknown dimensions or events are a {@link RuleViolation}. */
    public static TableRequest of(String rows, String columns, String event, String from, String to, String region) {
        return new TableRequest(
                dimension(rows),
                dimension(columns),
                event(event, dimension(rows), dimension(columns)),
                from,
                to,
                region);
    }

    static Dimension dimension(String word) {
        return Dimension.of(word).orElseThrow(() -> new DimensionUnknown(word));
    }

    /**
     * The event a table counts: as asked, or else what its dimensions imply (decisions for outcomes and
     * time to decision, services delivered for services, screenings for suggestions, closures for closure
     * reasons, durable solutions for solutions, referrals otherwise).
     */
    static EventKind event(String word, Dimension rows, Dimension columns) {
        if (word != null && !word.isBlank()) {
            try {
                return EventKind.valueOf(
                        word.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                String known = java.util.Arrays.toString(EventKind.values());
                throw new RuleViolation(
                        "statistics.problem.event", "Unknown event kind. Known kinds: " + known + ".", known);
            }
        }
        for (Dimension d : new Dimension[] {rows, columns}) {
            if (d == Dimension.DECISION_OUTCOME || d == Dimension.TIME_TO_DECISION) {
                return EventKind.IDENTIFICATION_DECISION;
            }
            if (d == Dimension.SERVICE) {
                return EventKind.SERVICE_DELIVERED;
            }
            if (d == Dimension.SCREENING_SUGGESTION) {
                return EventKind.SCREENING;
            }
            if (d == Dimension.CLOSURE_REASON) {
                return EventKind.CLOSURE;
            }
            if (d == Dimension.DURABLE_SOLUTION) {
                return EventKind.DURABLE_SOLUTION;
            }
        }
        return EventKind.REFERRAL;
    }

    /** Quarters counted from year 0, so that a period is a range of whole numbers. */
    static int index(String quarter) {
        Matcher matcher = QUARTER.matcher(quarter);
        if (!matcher.matches()) {
            throw new RuleViolation("statistics.problem.quarter", "A period limit is a quarter written like 2024-Q1.");
        }
        return Integer.parseInt(matcher.group(1)) * 4 + Integer.parseInt(matcher.group(2)) - 1;
    }

    /** The quarter written like {@code 2024-Q1} of an {@link #index(String)}: its inverse. */
    static String quarter(int index) {
        return (index / 4) + "-Q" + (index % 4 + 1);
    }

    /** The index of the quarter a day falls in. */
    static int index(java.time.LocalDate day) {
        return day.getYear() * 4 + (day.getMonthValue() - 1) / 3;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
