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
            throw fewLists(lists.size());
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
        // the rows read so far, to say which one the parser could not read (null while the header is read)
        int[] read = null;
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            read = new int[1];
            List<String> header = parser.getHeaderNames();
            int countColumn = -1;
            for (int i = 0; i < header.size(); i++) {
                if (COUNT_COLUMNS.contains(header.get(i).toLowerCase(Locale.ROOT))) {
                    if (countColumn >= 0) {
                        throw new MseInputInvalid(
                                "statistics.estimates.refused.header.twoCounts",
                                "The header has more than one count column.");
                    }
                    countColumn = i;
                }
            }
            if (countColumn < 0) {
                throw new MseInputInvalid(
                        "statistics.estimates.refused.header.noCount",
                        "The header needs a count column named count, frequency or n after the list names.");
            }
            List<String> lists = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                if (i != countColumn) {
                    String name = header.get(i);
                    if (name.isBlank()) {
                        throw new MseInputInvalid(
                                "statistics.estimates.refused.header.unnamed",
                                "List " + (lists.size() + 1) + " has no name in the header.",
                                String.valueOf(lists.size() + 1));
                    }
                    if (lists.contains(name)) {
                        throw new MseInputInvalid(
                                "statistics.estimates.refused.header.twice",
                                "The list name " + name + " appears twice in the header.",
                                name);
                    }
                    lists.add(name);
                }
            }
            if (lists.size() < 3) {
                throw fewLists(lists.size());
            }
            if (lists.size() > MAX_LISTS) {
                throw new MseInputInvalid(
                        "statistics.estimates.refused.manyLists",
                        "At most " + MAX_LISTS + " lists can be estimated together; the table has " + lists.size()
                                + ".",
                        MAX_LISTS,
                        lists.size());
            }
            long[] counts = new long[1 << lists.size()];
            boolean[] seen = new boolean[counts.length];
            int rows = 0;
            for (CSVRecord row : parser) {
                rows++;
                read[0] = rows;
                long line = row.getRecordNumber() + 1;
                if (row.size() != header.size()) {
                    throw new MseInputInvalid(
                            "statistics.estimates.refused.row.values",
                            "Row " + line + " has " + row.size() + " values; the header has " + header.size() + ".",
                            String.valueOf(line),
                            row.size(),
                            header.size());
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
                                "statistics.estimates.refused.row.notBinary",
                                "Row " + line + ", list " + lists.get(list) + ": \"" + value + "\" is not 0 or 1.",
                                String.valueOf(line),
                                lists.get(list),
                                value);
                    }
                    list++;
                }
                long count = count(row.get(countColumn), line);
                if (cell == 0) {
                    if (count == 0) {
                        continue;
                    }
                    throw new MseInputInvalid(
                            "statistics.estimates.refused.row.noList",
                            "Row " + line
                                    + " is on no list: nobody can be counted there, that is the number to estimate.",
                            String.valueOf(line));
                }
                if (seen[cell]) {
                    throw new MseInputInvalid(
                            "statistics.estimates.refused.row.repeated",
                            "Row " + line + " repeats a combination of lists given before.",
                            String.valueOf(line));
                }
                seen[cell] = true;
                counts[cell] = count;
            }
            if (rows == 0) {
                throw new MseInputInvalid(
                        "statistics.estimates.refused.noRows",
                        "The table has no rows: give one row per combination of lists.");
            }
            var table = new ListOverlapTable(lists, counts);
            if (table.observed() == 0) {
                throw countsNobody();
            }
            for (int i = 0; i < lists.size(); i++) {
                long onList = 0;
                for (int cell = 1; cell < counts.length; cell++) {
                    if ((cell & (1 << i)) != 0) {
                        onList += counts[cell];
                    }
                }
                if (onList == 0) {
                    throw new MseInputInvalid(
                            "statistics.estimates.refused.emptyList",
                            "List " + lists.get(i) + " has nobody on it: leave it out of the table.",
                            lists.get(i));
                }
            }
            return table;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // the parser's own message is for developers (and may quote the table): say what is wrong, and where
            if (read == null) {
                throw new MseInputInvalid(
                        "statistics.estimates.refused.header.unreadable",
                        "The header row is not readable as CSV: give the list names and a count column, separated by"
                                + " commas.");
            }
            // rows are numbered as in the other messages: the header is row 1
            String row = String.valueOf(read[0] + 2);
            throw new MseInputInvalid(
                    "statistics.estimates.refused.row.unreadable",
                    "Row " + row + " is not readable as CSV: check its quotes and commas.",
                    row);
        }
    }

    private static MseInputInvalid fewLists(int lists) {
        return new MseInputInvalid(
                "statistics.estimates.refused.fewLists",
                "At least three lists are needed; the table has " + lists + ".",
                lists);
    }

    /** A table whose every count is 0. */
    static MseInputInvalid countsNobody() {
        return new MseInputInvalid("statistics.estimates.refused.nobody", "The table counts nobody: every count is 0.");
    }

    private static long count(String value, long line) {
        long count;
        try {
            count = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new MseInputInvalid(
                    "statistics.estimates.refused.row.count",
                    "Row " + line + ": the count \"" + value + "\" is not a whole number.",
                    String.valueOf(line),
                    value);
        }
        if (count < 0) {
            throw new MseInputInvalid(
                    "statistics.estimates.refused.row.negative",
                    "Row " + line + ": the count " + count + " is negative.",
                    String.valueOf(line),
                    String.valueOf(count));
        }
        return count;
    }
}
