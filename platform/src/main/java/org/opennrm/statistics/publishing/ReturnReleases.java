package org.opennrm.statistics.publishing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennrm.statistics.Release;
import org.opennrm.statistics.Releases;
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
            long jointlyWithheld) {}

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
                release.tables().stream().map(ReturnReleases::table).toList(),
                release.suppressions(),
                release.jointlyWithheld());
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
