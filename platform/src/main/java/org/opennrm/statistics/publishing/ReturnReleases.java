package org.opennrm.statistics.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.statistics.EventKind;
import org.opennrm.statistics.Release;
import org.opennrm.statistics.Releases;
import org.opennrm.statistics.ReportedFigures;
import org.opennrm.statistics.Rounding;
import org.opennrm.statistics.TableRequest;
import org.opennrm.statistics.TableView;
import org.springframework.stereotype.Service;

/**
 * Official returns leave the statistics office as releases: the tables a return is read from are assembled into a
 * release by one statistician (after the joint disclosure check against everything already published, which may
 * withhold cells or refuse), approved by a second (the check runs again, and the cells go to the publication ledger),
 * and audited, exactly as national tables are. Counts are not rounded: a return's breakdowns must add up.
 */
@Service
public class ReturnReleases {

    /**
     * A table a return is read from: counts of facts of one event by a row and a column dimension (as the national
     * tables name them, e.g. {@code sex} and {@code year}) over quarters written {@code 2024-Q1}.
     */
    public record ReleaseTable(String rows, String columns, String event, String from, String to) {}

    /** A table as published: categories as codes, null where withheld. */
    public record PublishedTable(
            String rows,
            String columns,
            String event,
            List<String> rowCategories,
            List<String> columnCategories,
            List<List<Long>> cells,
            List<Long> rowTotals,
            List<Long> columnTotals,
            Long grandTotal) {}

    /**
     * One measure of an agency's approved figures for the return's period, line by line as the agency reported it
     * ({@code ALL} where a line is not broken down by a dimension), with the categories of the full breakdown.
     *
     * @param persons whether the measure counts persons (primary suppression of small counts applies)
     * @param from the first quarter of the period, as {@code 2025-Q1}
     */
    public record AgencyMeasure(
            String agency,
            String measure,
            boolean persons,
            String from,
            String to,
            List<String> sexes,
            List<String> ages,
            List<String> forms,
            List<AgencyLine> lines) {}

    /** One line of an agency's figures: disjoint from the measure's other lines. */
    public record AgencyLine(String sex, String ageGroup, String form, long count) {}

    /**
     * A position of an agency's breakdown as released ({@code ALL} for a margin; sex, age group and form all
     * {@code ALL} for the measure's total): its count, or null where withheld, with the reason ({@code PRIMARY} small
     * count, {@code JOINT} withheld by the joint check, {@code NOT_SETTLED} where the agency's lines do not settle it)
     * and, for the joint check, why (in English, and in parts for the page, see {@link JointReason}).
     */
    public record AgencyCell(
            String agency,
            String measure,
            String sex,
            String ageGroup,
            String form,
            Long count,
            String reason,
            String why,
            JointReason because) {}

    /**
     * A return's release: whether it is published, who assembled it (a second statistician must approve), its tables
     * (as they may be published), and how many cells disclosure control withheld in them.
     */
    public record ReturnRelease(
            UUID id,
            String title,
            boolean published,
            UUID assembledBy,
            Instant assembledAt,
            UUID approvedBy,
            Instant approvedAt,
            List<PublishedTable> tables,
            long withheldCells,
            long jointlyWithheld,
            List<AgencyCell> agencyCells) {}

    private final Releases releases;

    ReturnReleases(Releases releases) {
        this.releases = releases;
    }

    /** Assembles the release (authorised, checked, stored and audited by {@link Releases}); its id. */
    public ReturnRelease assemble(String title, List<ReleaseTable> tables) {
        var requests = tables.stream()
                .map(table ->
                        TableRequest.of(table.rows(), table.columns(), table.event(), table.from(), table.to(), null))
                .toList();
        return view(releases.assemble(title, requests, Rounding.NONE));
    }

    /**
     * Assembles the release of a return's tables together with the agencies' figures it publishes (their counts of
     * persons protected as national tables are, every table checked jointly against everything published).
     */
    public ReturnRelease assemble(String title, List<ReleaseTable> tables, List<AgencyMeasure> agencies) {
        var requests = tables.stream()
                .map(table ->
                        TableRequest.of(table.rows(), table.columns(), table.event(), table.from(), table.to(), null))
                .toList();
        var reported = agencies.stream()
                .map(measure -> new ReportedFigures(
                        measure.agency(),
                        measure.measure(),
                        measure.persons(),
                        measure.from(),
                        measure.to(),
                        measure.sexes(),
                        measure.ages(),
                        measure.forms(),
                        measure.lines().stream()
                                .map(line -> new ReportedFigures.Line(
                                        line.sex(), line.ageGroup(), line.form(), line.count()))
                                .toList()))
                .toList();
        return view(releases.assemble(title, requests, Rounding.NONE, reported));
    }

    /** Approves and so publishes the release; refused for the statistician who assembled it. */
    public ReturnRelease approve(UUID id) {
        return view(releases.approve(id));
    }

    /** Whether any release was ever assembled (published or awaiting approval): a demo seeds one only once. */
    public boolean any() {
        return releases.any();
    }

    public Optional<ReturnRelease> find(UUID id) {
        return releases.find(id).map(ReturnReleases::view);
    }

    private static ReturnRelease view(Release release) {
        return new ReturnRelease(
                release.id(),
                release.title(),
                release.status() == Release.ReleaseStatus.PUBLISHED,
                release.assembledBy(),
                release.assembledAt(),
                release.approvedBy(),
                release.approvedAt(),
                release.tables().stream()
                        .filter(table -> table.event() != EventKind.AGENCY_FIGURE)
                        .map(ReturnReleases::table)
                        .toList(),
                release.suppressions(),
                release.jointlyWithheld(),
                agencyCells(release.tables()));
    }

    /** The positions of the agencies' figures, read from the slices of sex by form (every position is in one). */
    static List<AgencyCell> agencyCells(List<TableView> tables) {
        List<AgencyCell> cells = new java.util.ArrayList<>();
        for (var table : tables) {
            if (table.event() != EventKind.AGENCY_FIGURE || !"sex".equals(table.rows())) {
                continue;
            }
            String agency = table.categories().get("AGENCY");
            String measure = table.categories().get("MEASURE");
            String age = table.categories().getOrDefault("AGE_GROUP", ReportedFigures.ALL);
            int height = table.rowCategories().size();
            int width = table.columnCategories().size();
            for (int r = 0; r <= height; r++) {
                for (int c = 0; c <= width; c++) {
                    String sex = r < height ? table.rowCategories().get(r) : null;
                    String form = c < width ? table.columnCategories().get(c) : null;
                    Long count = r < height
                            ? (c < width
                                    ? table.cells().get(r).get(c)
                                    : table.rowTotals().get(r))
                            : (c < width ? table.columnTotals().get(c) : table.grandTotal());
                    String reason = null;
                    String why = null;
                    JointReason because = null;
                    if (count == null) {
                        reason = "NOT_SETTLED";
                        for (var suppression : table.disclosure().suppressions()) {
                            if (java.util.Objects.equals(suppression.row(), sex)
                                    && java.util.Objects.equals(suppression.column(), form)) {
                                reason = suppression.reason().name();
                                why = suppression.why();
                                because = suppression.because();
                            }
                        }
                    }
                    cells.add(new AgencyCell(
                            agency,
                            measure,
                            sex == null ? ReportedFigures.ALL : sex,
                            age,
                            form == null ? ReportedFigures.ALL : form,
                            count,
                            reason,
                            why,
                            because));
                }
            }
        }
        return cells;
    }

    private static PublishedTable table(TableView view) {
        return new PublishedTable(
                view.rows(),
                view.columns(),
                view.event().name(),
                view.rowCategories(),
                view.columnCategories(),
                view.cells(),
                view.rowTotals(),
                view.columnTotals(),
                view.grandTotal());
    }
}
