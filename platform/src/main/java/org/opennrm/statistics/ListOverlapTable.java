package org.opennrm.statistics;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * How many people were seen on exactly each combination of agency lists: the input of multiple systems
 * estimation. Cell {@code c} (1 to 2^k - 1) is the combination whose bit {@code i} says the person is on
 * list {@code i}; cells absent from the file hold 0. The cell with no list (bit pattern 0) is the hidden
 * number and can never be observed.
 */
record ListOverlapTable(List<String> lists, long[] counts) {

    /** 2^12 cells is far beyond any published application and keeps a fit to milliseconds. */
    static final int MAX_LISTS = 12;

    static final Set<String> COUNT_COLUMNS = Set.of("count", "frequency", "freq", "n");

    ListOverlapTable {
        lists = List.copyOf(lists);
        if (lists.size() < 3) {
            throw new MseInputInvalid("At least three lists are needed; the table has " + lists.size() + ".");
        }
        if (counts.length != 1 << lists.size()) {
            throw new IllegalArgumentException("one count per combination of lists is needed");
        }
    }

    int listCount() {
        return lists.size();
    }

    /** Number of observable cells, 2^k - 1. */
    int cells() {
        return counts.length - 1;
    }

    long count(int cell) {
        return counts[cell];
    }

    long observed() {
        long total = 0;
        for (int cell = 1; cell < counts.length; cell++) {
            total += counts[cell];
        }
        return total;
    }

    /** People seen on both lists {@code i} and {@code j} (and perhaps others). */
    long onBoth(int i, int j) {
        long total = 0;
        int mask = (1 << i) | (1 << j);
        for (int cell = 1; cell < counts.length; cell++) {
            if ((cell & mask) == mask) {
                total += counts[cell];
            }
        }
        return total;
    }

    /**
     * Reads the CSV layout of published list-overlap tables: a header of list names and one count column
     * (count, frequency, freq or n), then one row per combination with 0 or 1 per list.
     */
    static ListOverlapTable parse(Reader csv) {
        var format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            List<String> header = parser.getHeaderNames();
            int countColumn = -1;
            for (int i = 0; i < header.size(); i++) {
                if (COUNT_COLUMNS.contains(header.get(i).toLowerCase(Locale.ROOT))) {
                    if (countColumn >= 0) {
                        throw new MseInputInvalid("The header has more than one count column.");
                    }
                    countColumn = i;
                }
            }
            if (countColumn < 0) {
                throw new MseInputInvalid(
                        "The header needs a count column named count, frequency or n after the list names.");
            }
            List<String> lists = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                if (i != countColumn) {
                    String name = header.get(i);
                    if (name.isBlank()) {
                        throw new MseInputInvalid("List " + (lists.size() + 1) + " has no name in the header.");
                    }
                    if (lists.contains(name)) {
                        throw new MseInputInvalid("The list name " + name + " appears twice in the header.");
                    }
                    lists.add(name);
                }
            }
            if (lists.size() < 3) {
                throw new MseInputInvalid("At least three lists are needed; the table has " + lists.size() + ".");
            }
            if (lists.size() > MAX_LISTS) {
                throw new MseInputInvalid("At most " + MAX_LISTS + " lists can be estimated together; the table has "
                        + lists.size() + ".");
            }
            long[] counts = new long[1 << lists.size()];
            boolean[] seen = new boolean[counts.length];
            int rows = 0;
            for (CSVRecord row : parser) {
                rows++;
                long line = row.getRecordNumber() + 1;
                if (row.size() != header.size()) {
                    throw new MseInputInvalid(
                            "Row " + line + " has " + row.size() + " values; the header has " + header.size() + ".");
                }
                int cell = 0;
                int list = 0;
                for (int i = 0; i < header.size(); i++) {
                    if (i == countColumn) {
                        continue;
                    }
                    String value = row.get(i);
                    if (value.equals("1")) {
                        cell |= 1 << list;
                    } else if (!value.equals("0")) {
                        throw new MseInputInvalid(
                                "Row " + line + ", list " + lists.get(list) + ": \"" + value + "\" is not 0 or 1.");
                    }
                    list++;
                }
                long count = count(row.get(countColumn), line);
                if (cell == 0) {
                    if (count == 0) {
                        continue;
                    }
                    throw new MseInputInvalid("Row " + line
                            + " is on no list: nobody can be counted there, that is the number to estimate.");
                }
                if (seen[cell]) {
                    throw new MseInputInvalid("Row " + line + " repeats a combination of lists given before.");
                }
                seen[cell] = true;
                counts[cell] = count;
            }
            if (rows == 0) {
                throw new MseInputInvalid("The table has no rows: give one row per combination of lists.");
            }
            var table = new ListOverlapTable(lists, counts);
            if (table.observed() == 0) {
                throw new MseInputInvalid("The table counts nobody: every count is 0.");
            }
            for (int i = 0; i < lists.size(); i++) {
                long onList = 0;
                for (int cell = 1; cell < counts.length; cell++) {
                    if ((cell & (1 << i)) != 0) {
                        onList += counts[cell];
                    }
                }
                if (onList == 0) {
                    throw new MseInputInvalid("List " + lists.get(i) + " has nobody on it: leave it out of the table.");
                }
            }
            return table;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new MseInputInvalid("The table is not readable as CSV with a header row: " + e.getMessage());
        }
    }

    private static long count(String value, long line) {
        long count;
        try {
            count = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new MseInputInvalid("Row " + line + ": the count \"" + value + "\" is not a whole number.");
        }
        if (count < 0) {
            throw new MseInputInvalid("Row " + line + ": the count " + count + " is negative.");
        }
        return count;
    }
}
