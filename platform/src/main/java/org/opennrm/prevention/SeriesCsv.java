package org.opennrm.prevention;

import java.util.TreeMap;

/**
 * Reads a series of one's own as CSV: the header {@code period,value}, then one row per quarter ({@code 2021-Q3}) or
 * month ({@code 2021-07}), consecutive, each with a count of zero or more. Anything else is refused with the line and
 * what to change.
 */
final class SeriesCsv {

    /** Fifty years of months: far more than any series of the NRM, and a bound on the detector's work. */
    static final int MAX_PERIODS = 600;

    static final int MAX_CHARACTERS = 64 * 1024;

    private SeriesCsv() {}

    static Series parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new SeriesInvalid(
                    "prevention.problem.empty",
                    "The series is empty: send CSV with the header period,value and one row per period.");
        }
        if (csv.length() > MAX_CHARACTERS) {
            throw new SeriesInvalid(
                    "prevention.problem.tooLong",
                    "The series is longer than " + MAX_CHARACTERS + " characters.",
                    MAX_CHARACTERS);
        }
        String[] lines = csv.strip().replace("\uFEFF", "").split("\\R");
        String header = lines[0].replace(" ", "").replace("\"", "").toLowerCase(java.util.Locale.ROOT);
        if (!header.equals("period,value")) {
            throw new SeriesInvalid("prevention.problem.header", "The first line must be the header period,value.");
        }
        var values = new TreeMap<Period, Double>();
        Period.Frequency frequency = null;
        for (int i = 1; i < lines.length; i++) {
            int line = i + 1;
            String row = lines[i].strip();
            if (row.isEmpty()) {
                continue;
            }
            String[] cells = row.replace("\"", "").split(",", -1);
            if (cells.length != 2) {
                throw new SeriesInvalid(
                        "prevention.problem.cells",
                        "Line " + line + " must hold a period and a value, separated by a comma.",
                        line);
            }
            Period period = Period.parse(cells[0].strip());
            if (period == null) {
                throw new SeriesInvalid(
                        "prevention.problem.period",
                        "Line " + line + ": write the period as a quarter (2021-Q3) or a month (2021-07).",
                        line);
            }
            if (frequency == null) {
                frequency = period.frequency();
            } else if (frequency != period.frequency()) {
                throw new SeriesInvalid(
                        "prevention.problem.mixed",
                        "Line " + line + " mixes quarters and months: use one or the other.",
                        line);
            }
            double value = value(cells[1].strip(), line);
            if (values.put(period, value) != null) {
                throw new SeriesInvalid(
                        "prevention.problem.repeated",
                        "Line " + line + " repeats the period " + period + ".",
                        line,
                        period.toString());
            }
            if (values.size() > MAX_PERIODS) {
                throw new SeriesInvalid(
                        "prevention.problem.tooMany",
                        "The series has more than " + MAX_PERIODS + " periods.",
                        MAX_PERIODS);
            }
        }
        if (values.isEmpty()) {
            throw new SeriesInvalid("prevention.problem.noRows", "The series has no rows after its header.");
        }
        Period expected = values.firstKey();
        double[] series = new double[values.size()];
        int i = 0;
        for (var entry : values.entrySet()) {
            if (!entry.getKey().equals(expected)) {
                throw new SeriesInvalid(
                        "prevention.problem.missing",
                        "The period " + expected + " is missing: give every period between the first"
                                + " and the last (0 where nothing was counted).",
                        expected.toString());
            }
            series[i++] = entry.getValue();
            expected = expected.next();
        }
        return new Series(values.firstKey(), series);
    }

    private static double value(String text, int line) {
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && Double.isFinite(value) && !text.matches(".*[a-zA-Z].*")) {
                return value;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new SeriesInvalid(
                "prevention.problem.value", "Line " + line + ": the value must be a count of zero or more.", line);
    }
}
