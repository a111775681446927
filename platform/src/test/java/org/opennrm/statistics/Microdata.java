package org.opennrm.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Synthetic people for the joint-disclosure scenarios, counted into tables in memory the way {@code Facts.aggregate}
 * counts statistics.fact: categories present in the data, in each dimension's order, UNKNOWN where not recorded.
 */
final class Microdata {

    record Person(int quarter, String region, String sex, String band, Boolean child) {}

    private final List<Person> people = new ArrayList<>();

    /** Adds {@code count} people of 2025 quarter {@code q} (1-4) with these codes. */
    Microdata add(int count, int q, String region, String sex, String band) {
        return addAt(count, 2025 * 4 + q - 1, region, sex, band);
    }

    /** Adds {@code count} people of the quarter with this index (year x 4 + quarter - 1) with these codes. */
    Microdata addAt(int count, int quarter, String region, String sex, String band) {
        Boolean child = band == null ? null : band.equals("0-8") || band.equals("9-17");
        for (int i = 0; i < count; i++) {
            people.add(new Person(quarter, region, sex, band, child));
        }
        return this;
    }

    /**
     * {@code size} people of 2025 with skewed codes, as a small NRM sees them: most adults in a few bands, few children,
     * most people in one region, some codes not recorded.
     */
    static Microdata skewed(long seed, int size) {
        return skewed(seed, size, 2025 * 4, 4);
    }

    /** The same over {@code quarters} quarters from the quarter index {@code first} ({@code 2024 * 4} is 2024-Q1). */
    static Microdata skewed(long seed, int size, int first, int quarters) {
        var random = new java.util.Random(seed);
        String[] bands = {"0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+", null};
        double[] bandWeights = {0.03, 0.09, 0.12, 0.14, 0.14, 0.12, 0.2, 0.09, 0.04, 0.03};
        String[] regions = {"NORTH", "SOUTH", null};
        double[] regionWeights = {0.7, 0.27, 0.03};
        String[] sexes = {"FEMALE", "MALE", null};
        double[] sexWeights = {0.62, 0.36, 0.02};
        var data = new Microdata();
        for (int i = 0; i < size; i++) {
            data.addAt(
                    1,
                    first + random.nextInt(quarters),
                    pick(random, regions, regionWeights),
                    pick(random, sexes, sexWeights),
                    pick(random, bands, bandWeights));
        }
        return data;
    }

    private static String pick(java.util.Random random, String[] values, double[] weights) {
        double u = random.nextDouble();
        for (int i = 0; i < values.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    CountTable table(TableRequest request) {
        List<Person> chosen = people.stream()
                .filter(p -> request.from() == null || p.quarter() >= TableRequest.index(request.from()))
                .filter(p -> request.to() == null || p.quarter() <= TableRequest.index(request.to()))
                .filter(p -> request.region() == null || request.region().equals(p.region()))
                .toList();
        var rows = new TreeSet<>(request.rows().categoryOrder());
        var columns = new TreeSet<>(request.columns().categoryOrder());
        chosen.forEach(p -> {
            rows.add(category(request.rows(), p));
            columns.add(category(request.columns(), p));
        });
        List<String> rowList = new ArrayList<>(rows);
        List<String> columnList = new ArrayList<>(columns);
        long[][] counts = new long[rowList.size()][columnList.size()];
        chosen.forEach(p -> counts[rowList.indexOf(category(request.rows(), p))][
                columnList.indexOf(category(request.columns(), p))]++);
        return new CountTable(request.rows().word(), request.columns().word(), rowList, columnList, counts);
    }

    /** The true count of one cell definition (referrals), as the check's truth. */
    long count(CellDefinition cell) {
        return people.stream()
                .filter(p -> cell.firstQuarter() == null || p.quarter() >= cell.firstQuarter())
                .filter(p -> cell.lastQuarter() == null || p.quarter() <= cell.lastQuarter())
                .filter(p -> cell.region() == null || cell.region().equals(category(Dimension.REGION, p)))
                .filter(p -> cell.categories().entrySet().stream()
                        .allMatch(e -> e.getValue().equals(category(Dimension.valueOf(e.getKey()), p))))
                .count();
    }

    private static String category(Dimension dimension, Person p) {
        String value =
                switch (dimension) {
                    case QUARTER -> (p.quarter() / 4) + "-Q" + (p.quarter() % 4 + 1);
                    case YEAR -> String.valueOf(p.quarter() / 4);
                    case REGION -> p.region();
                    case SEX -> p.sex();
                    case AGE_BAND -> p.band();
                    case AGE_GROUP -> p.child() == null ? null : p.child() ? "CHILD" : "ADULT";
                    default -> throw new IllegalArgumentException("not in the scenarios: " + dimension);
                };
        return value == null ? Dimension.UNKNOWN : value;
    }
}
