package org.opennrm.prevention.inspection;

import java.util.ArrayList;
import java.util.List;
import org.opennrm.statistics.publishing.IndicatorDisclosure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What those who read prevention evidence see of the inspection targeting: counts by sector over every inspectorate
 * (workplaces registered, inspections, inspections that found a violation, inspections that found trafficking
 * indicators), never a workplace.
 *
 * <p>These counts are not facts of cases, so the statistics office's cross tables do not fit them; they follow a
 * minimum-count rule with the office's own minimum cell size ({@code opennrm.statistics.minimum-cell-size}): a count
 * from 1 to below the minimum is shown as "fewer than", and a column's total is withheld when any of its cells is,
 * so that no small count can be recovered by subtraction.
 */
@Service
public class InspectionAggregates {

    /** A count as it may be shown: {@code value} null when it is withheld (fewer than the minimum, not zero). */
    public record Cell(Long value) {

        public boolean withheld() {
            return value == null;
        }
    }

    /** One sector's counts. */
    public record Row(String sector, Cell workplaces, Cell inspections, Cell violations, Cell indicators) {}

    /** The rows by sector letter, the totals (each withheld when a cell of its column is) and the minimum. */
    public record Table(List<Row> rows, Row total, int minimum) {}

    private final JdbcClient jdbc;
    private final IndicatorDisclosure disclosure;

    InspectionAggregates(JdbcClient jdbc, IndicatorDisclosure disclosure) {
        this.jdbc = jdbc;
        this.disclosure = disclosure;
    }

    @PreAuthorize(InspectionAccess.AGGREGATES)
    public Table bySector() {
        int minimum = disclosure.minimumCellSize();
        record Counts(String sector, long workplaces, long inspections, long violations, long indicators) {}
        var counts = jdbc.sql("select w.sector, count(distinct (w.organisation_id, w.reference)), count(r.*),"
                        + " count(*) filter (where r.violation), count(*) filter (where r.indicators > 0) from"
                        + " prevention.inspection_workplace w left join prevention.inspection_record r on"
                        + " r.organisation_id = w.organisation_id and r.workplace = w.reference group by w.sector"
                        + " order by w.sector")
                .query((rs, n) ->
                        new Counts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
        var rows = new ArrayList<Row>();
        long[] totals = new long[4];
        boolean[] withheld = new boolean[4];
        for (Counts c : counts) {
            long[] values = {c.workplaces(), c.inspections(), c.violations(), c.indicators()};
            Cell[] cells = new Cell[4];
            for (int i = 0; i < 4; i++) {
                totals[i] += values[i];
                boolean small = values[i] > 0 && values[i] < minimum;
                withheld[i] |= small;
                cells[i] = new Cell(small ? null : values[i]);
            }
            rows.add(new Row(c.sector(), cells[0], cells[1], cells[2], cells[3]));
        }
        Cell[] total = new Cell[4];
        for (int i = 0; i < 4; i++) {
            total[i] = new Cell(withheld[i] || (totals[i] > 0 && totals[i] < minimum) ? null : totals[i]);
        }
        return new Table(rows, new Row("", total[0], total[1], total[2], total[3]), minimum);
    }
}
