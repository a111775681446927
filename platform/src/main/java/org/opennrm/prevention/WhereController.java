package org.opennrm.prevention;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.opennrm.RuleViolation;
import org.opennrm.statistics.publishing.CrossTable;
import org.opennrm.statistics.publishing.CrossTableRequest;
import org.opennrm.statistics.publishing.CrossTables;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Who is exploited where": cross-tables of forms, sectors, regions, countries, recruitment and control by who was
 * exploited, as published (disclosure-controlled and checked jointly against everything published), each small
 * count shown with its 95% interval and a warning, so that prevention units see which groups to reach where without
 * reading chance as a pattern.
 */
@Controller
class WhereController {

    private final CrossTables tables;

    WhereController(CrossTables tables) {
        this.tables = tables;
    }

    /** What the form asks; empty rows and columns take the first question prevention asks: which forms where. */
    record WhereForm(String rows, String columns, String from, String to) {

        WhereForm orDefaults() {
            return new WhereForm(
                    rows == null || rows.isBlank() ? "exploitation-form" : rows,
                    columns == null || columns.isBlank() ? "region" : columns,
                    from == null ? "" : from.strip(),
                    to == null ? "" : to.strip());
        }
    }

    /** A shown cell: the count (null where withheld) and its interval when small. */
    record Cell(Long count, CountInterval interval) {

        static Cell of(Long count) {
            return new Cell(count, count == null || count >= CountInterval.SMALL ? null : CountInterval.of(count));
        }

        public boolean small() {
            return interval != null && count > 0;
        }
    }

    @GetMapping("/prevention/where")
    @PreAuthorize("hasAuthority('statistics:read:all')")
    String page(WhereForm form, Model model, HttpServletResponse response) {
        WhereForm asked = form.orDefaults();
        model.addAttribute("form", asked);
        model.addAttribute("dimensions", tables.dimensions());
        try {
            CrossTable table = tables.cross(new CrossTableRequest(
                    "referral",
                    asked.rows(),
                    asked.columns(),
                    asked.from().isEmpty() ? null : asked.from(),
                    asked.to().isEmpty() ? null : asked.to()));
            List<List<Cell>> cells = table.cells().stream()
                    .map(row -> row.stream().map(Cell::of).toList())
                    .toList();
            model.addAttribute("table", table);
            model.addAttribute("cells", cells);
            model.addAttribute(
                    "rowTotals", table.rowTotals().stream().map(Cell::of).toList());
            model.addAttribute(
                    "columnTotals", table.columnTotals().stream().map(Cell::of).toList());
            model.addAttribute(
                    "smallCounts",
                    cells.stream().flatMap(List::stream).filter(Cell::small).count());
            model.addAttribute("small", CountInterval.SMALL);
        } catch (RuleViolation e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", e.getMessage());
        }
        return "prevention/where";
    }
}
