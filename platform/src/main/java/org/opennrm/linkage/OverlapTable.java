package org.opennrm.linkage;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * How many persons are on each combination of lists: the input of multiple systems estimation. One row per
 * combination with at least one person, as in the tables of {@code ../shared/data/mse/}: a 1 or 0 per list and the
 * count. It says how many, never who: no record ids, no pairs.
 *
 * @param lists the list labels, in list order
 * @param rows the non-empty combinations, by number of lists and then in list order
 */
@NamedInterface("runs")
public record OverlapTable(List<String> lists, List<Row> rows) {

    public OverlapTable {
        lists = List.copyOf(lists);
        rows = List.copyOf(rows);
    }

    /**
     * One combination of lists and the persons on exactly those lists.
     *
     * @param on for each list, whether the persons of this row are on it
     */
    public record Row(List<Boolean> on, int count) {

        public Row {
            on = List.copyOf(on);
        }

        /** The combination as stored: one character per list, {@code 1} when on it. */
        String combination() {
            StringBuilder text = new StringBuilder(on.size());
            on.forEach(present -> text.append(present ? '1' : '0'));
            return text.toString();
        }

        static Row of(String combination, int count) {
            return new Row(combination.chars().mapToObj(c -> c == '1').toList(), count);
        }
    }

    /** Persons on at least one list. */
    public int total() {
        return rows.stream().mapToInt(Row::count).sum();
    }

    /**
     * The table as CSV in the layout of the published overlap tables: a header with the quoted list labels and
     * {@code "count"}, then one line per row.
     */
    public String csv() {
        StringBuilder csv = new StringBuilder();
        for (String list : lists) {
            csv.append(quoted(list)).append(',');
        }
        csv.append(quoted("count")).append('\n');
        for (Row row : rows) {
            for (boolean present : row.on()) {
                csv.append(present ? '1' : '0').append(',');
            }
            csv.append(row.count()).append('\n');
        }
        return csv.toString();
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
