package org.opennrm.statistics;

import java.io.StringReader;
import java.time.Year;
import java.util.UUID;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.linkage.LinkageRun;
import org.opennrm.linkage.LinkageRuns;
import org.opennrm.linkage.RunStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Estimates of the hidden number for statisticians and co-ordinators. The input is an aggregate
 * list-overlap table (counts only), so nothing here touches a person's record.
 */
@Service
class Estimates {

    /** A list-overlap table of 12 lists is at most 4,096 short rows; anything far larger is not one. */
    static final int MAX_CHARACTERS = 1_000_000;

    /**
     * More lists than this and the stepwise search can take minutes (12 lists took 156 s), so such a table is
     * estimated only in the background ({@link EstimationJobs}); a request never holds a thread that long.
     */
    static final int IMMEDIATE_MAX_LISTS = 8;

    private final MultipleSystemsEstimation estimation;
    private final LinkageRuns linkageRuns;
    private final EncounterOverlaps encounters;
    private final AuditTrail audit;

    Estimates(
            MultipleSystemsEstimation estimation,
            LinkageRuns linkageRuns,
            EncounterOverlaps encounters,
            AuditTrail audit) {
        this.estimation = estimation;
        this.linkageRuns = linkageRuns;
        this.encounters = encounters;
        this.audit = audit;
    }

    @PreAuthorize("hasAuthority('statistics:read:all')")
    MseEstimate multipleSystems(String csv) {
        checkSize(csv);
        return estimation.estimate(immediate(ListOverlapTable.parse(new StringReader(csv.strip()))));
    }

    /** An uploaded table that is there and not far larger than a list-overlap table can be (before it is read). */
    static void checkSize(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new MseInputInvalid(
                    "statistics.estimates.refused.empty",
                    "The table is empty: give a header row and one row per combination of lists.");
        }
        if (csv.length() > MAX_CHARACTERS) {
            throw new MseInputInvalid(
                    "statistics.estimates.refused.tooLarge", "The table is too large for a list-overlap table.");
        }
    }

    /** A linkage run that has not produced its overlap table (yet). */
    static MseInputInvalid noOverlapTable() {
        return new MseInputInvalid(
                "statistics.estimates.refused.noOverlap", "The linkage run has no overlap table yet: run it first.");
    }

    private static ListOverlapTable immediate(ListOverlapTable table) {
        if (table.listCount() > IMMEDIATE_MAX_LISTS) {
            throw new MseInputInvalid(
                    "statistics.estimates.refused.tooManyListsNow",
                    "A table of " + table.listCount() + " lists can take minutes to fit, so it is"
                            + " estimated in the background: use \"Compare with the latent-class model\" (or POST"
                            + " /api/v1/estimates/jobs). At most " + IMMEDIATE_MAX_LISTS
                            + " lists are estimated at once.",
                    table.listCount(),
                    IMMEDIATE_MAX_LISTS);
        }
        return table;
    }

    /**
     * The estimate from the overlap table of a completed linkage run: counts per combination of the agencies'
     * lists, never a person. Reading the run needs {@code linkage:run:all} as well. The table goes through the same
     * checks as an uploaded one, so a run over two lists gets the same message.
     */
    @PreAuthorize("hasAuthority('statistics:read:all')")
    MseEstimate fromLinkageRun(LinkageRun run) {
        if (run.status() != RunStatus.COMPLETED || run.overlap() == null) {
            throw noOverlapTable();
        }
        audit.record(
                AuditAction.READ,
                "linkage-run",
                run.id(),
                "hidden number estimated lists=" + run.overlap().lists().size());
        return estimation.estimate(
                immediate(ListOverlapTable.parse(new StringReader(run.overlap().csv()))));
    }

    /** A linkage run by id (404 when there is none); needs {@code linkage:run:all}. */
    LinkageRun linkageRun(UUID runId) {
        return linkageRuns.find(runId);
    }

    /**
     * The platform's own lists: how many persons referred in the period each combination of sectors encountered,
     * learnt from the modules' events (aggregate only; see {@link EncounterOverlaps}).
     */
    @PreAuthorize("hasAuthority('statistics:read:all')")
    EncounterOverlap casesOverlap(Year from, Year to) {
        return encounters.encounterOverlap(from, to);
    }

    /** The estimate from the platform's lists, one list per sector; the same checks as an uploaded table. */
    @PreAuthorize("hasAuthority('statistics:read:all')")
    MseEstimate fromCases(EncounterOverlap overlap) {
        return estimation.estimate(ListOverlapTable.parse(new StringReader(csv(overlap))));
    }

    /** The platform's lists as a list-overlap table, one list per sector. */
    static String csv(EncounterOverlap overlap) {
        StringBuilder csv = new StringBuilder();
        overlap.lists().forEach(sector -> csv.append(sector.name()).append(','));
        csv.append("count\n");
        for (var combination : overlap.combinations()) {
            combination.on().forEach(on -> csv.append(on ? "1," : "0,"));
            csv.append(combination.count()).append('\n');
        }
        return csv.toString();
    }
}
