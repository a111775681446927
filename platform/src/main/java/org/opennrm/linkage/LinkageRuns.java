package org.opennrm.linkage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.opennrm.RecordNotFound;
import org.opennrm.access.Actor;
import org.opennrm.access.AuditAction;
import org.opennrm.access.AuditTrail;
import org.opennrm.linkage.encoding.Encodings;
import org.opennrm.linkage.encoding.FieldEncodings;
import org.opennrm.linkage.matching.Linkage;
import org.opennrm.linkage.scoring.FieldLinkage;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The linkage module's facade for runs between agencies' lists: create a run, upload each agency's encodings,
 * run it to get the overlap table, download the table as CSV for estimation. Open to holders of
 * {@code linkage:run:all} (co-ordinators and statisticians), who see counts and never which record is which person.
 *
 * <p>Each method is one transaction, so a refused upload or a failed run leaves nothing half-stored.
 */
@Service
@PreAuthorize("hasAuthority('linkage:run:all')")
@NamedInterface("runs")
public class LinkageRuns {

    static final String RECORD_TYPE = "linkage-run";
    static final double DEFAULT_THRESHOLD = 0.8;
    static final double MIN_THRESHOLD = 0.5;

    private final StoredRuns runs;
    private final AuditTrail audit;
    private final Clock clock;
    private final Linkage linkage = new Linkage();
    private final FieldLinkage fieldLinkage = new FieldLinkage();

    LinkageRuns(StoredRuns runs, AuditTrail audit, Clock clock) {
        this.runs = runs;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Starts a draft run.
     *
     * @param threshold at or above which two records are the same person, 0.5 to 1 (0.8 when null): the match
     *     probability when every list comes with field encodings, otherwise the Dice similarity of the records'
     *     encodings
     */
    @Transactional
    public LinkageRun create(String name, Double threshold, boolean mergeWithinLists) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 200) {
            throw new LinkageRuleViolation("linkage.run.nameInvalid", "Give the run a name of 1 to 200 characters.");
        }
        double chosen = threshold == null ? DEFAULT_THRESHOLD : threshold;
        if (!(chosen >= MIN_THRESHOLD && chosen <= 1)) {
            throw new LinkageRuleViolation(
                    "linkage.run.thresholdInvalid",
                    "The threshold is a number from 0.5 to 1: a match probability when the lists come with field"
                            + " encodings, a Dice similarity otherwise; 0.8 suits both.");
        }
        chosen = Math.round(chosen * 1000) / 1000.0;
        var id = UUID.randomUUID();
        runs.insert(id, stripped, chosen, mergeWithinLists, actorId(), clock.instant());
        audit.record(
                AuditAction.CREATE,
                RECORD_TYPE,
                id,
                "threshold=" + String.format(Locale.ROOT, "%.3f", chosen) + " mergeWithinLists=" + mergeWithinLists);
        return find(id);
    }

    @Transactional(readOnly = true)
    public List<LinkageRun> all() {
        return runs.all();
    }

    @Transactional(readOnly = true)
    public LinkageRun find(UUID id) {
        return runs.find(id, false).orElseThrow(() -> new RecordNotFound(RECORD_TYPE, id));
    }

    /**
     * Adds one agency's list to a draft: its label and the contents of its NAME.clk and NAME.ids files. The files
     * are checked in full before anything is stored; the ids are not stored at all.
     */
    @Transactional
    public RunList upload(UUID runId, String label, byte[] clk, byte[] ids) {
        return upload(runId, label, clk, ids, null);
    }

    /**
     * Adds one agency's list to a draft with, when not null, the contents of its NAME.fields file: the field
     * encodings that let the run score pairs field by field. They must belong to the .clk (as many records) and
     * fit the run's other lists' field encodings (same secret, schema and noise).
     */
    @Transactional
    public RunList upload(UUID runId, String label, byte[] clk, byte[] ids, byte[] fields) {
        var run = draft(runId);
        String checkedLabel = ListUpload.label(label);
        if (run.lists().size() >= OverlapCount.MAX_LISTS) {
            throw new LinkageRuleViolation(
                    "linkage.upload.tooManyLists",
                    "A run links at most " + OverlapCount.MAX_LISTS + " lists.",
                    OverlapCount.MAX_LISTS);
        }
        if (run.lists().stream().anyMatch(list -> list.label().equalsIgnoreCase(checkedLabel))) {
            throw new LinkageRuleViolation(
                    "linkage.upload.labelTaken", "The run already has a list with this label; give another.");
        }
        Encodings encodings = ListUpload.read(clk, ids);
        if (fields != null) {
            var checked = ListUpload.fields(fields, encodings.size());
            for (var other : run.lists()) {
                byte[] otherFields = other.fields() ? runs.fields(other.id()) : null;
                if (otherFields != null) {
                    ListUpload.compatible(checked, ListUpload.fields(otherFields, other.records()), other.label());
                    break;
                }
            }
        }
        var listId = UUID.randomUUID();
        runs.insertList(
                runId,
                listId,
                run.lists().size(),
                checkedLabel,
                encodings.size(),
                clk,
                fields,
                actorId(),
                clock.instant());
        audit.record(
                AuditAction.UPDATE,
                RECORD_TYPE,
                runId,
                "list added records=" + encodings.size() + " fields=" + (fields != null));
        return find(runId).lists().stream()
                .filter(list -> list.id().equals(listId))
                .findFirst()
                .orElseThrow();
    }

    /** Removes a list from a draft, with its encodings. */
    @Transactional
    public void removeList(UUID runId, UUID listId) {
        var run = draft(runId);
        if (run.lists().stream().noneMatch(list -> list.id().equals(listId))) {
            throw new RecordNotFound("linkage list", listId);
        }
        runs.deleteList(runId, listId);
        audit.record(AuditAction.UPDATE, RECORD_TYPE, runId, "list removed");
    }

    /**
     * Links the draft's lists (see {@link OverlapCount}), stores the overlap table and the persons per list, and
     * deletes the uploaded encodings: after the run, the platform holds counts only.
     */
    @Transactional
    public LinkageRun run(UUID runId) {
        var run = draft(runId);
        if (run.lists().size() < 2) {
            throw new LinkageRuleViolation(
                    "linkage.run.tooFewLists", "Upload at least two lists: a run counts the overlap between lists.");
        }
        List<Encodings> lists = new ArrayList<>();
        List<FieldEncodings> fields = new ArrayList<>();
        for (var list : run.lists()) {
            lists.add(ListUpload.encodings(runs.encodings(list.id())));
            byte[] uploaded = list.fields() ? runs.fields(list.id()) : null;
            fields.add(uploaded == null ? null : ListUpload.fields(uploaded, list.records()));
        }
        var labels = run.lists().stream().map(RunList::label).toList();
        var result = OverlapCount.count(
                labels, lists, fields, run.threshold(), run.mergeWithinLists(), linkage, fieldLinkage);
        runs.complete(runId, actorId(), clock.instant(), result, run.lists());
        audit.record(
                AuditAction.UPDATE,
                RECORD_TYPE,
                runId,
                "run completed lists=" + lists.size() + " persons="
                        + result.table().total() + " model=" + result.method().model()
                        + (result.method().fallback() != null ? " (fell back)" : "") + " encodings deleted");
        return find(runId);
    }

    /** Gives up a draft: its encodings are deleted, its name and lists stay on record. */
    @Transactional
    public LinkageRun discard(UUID runId) {
        draft(runId);
        runs.discard(runId, actorId(), clock.instant());
        audit.record(AuditAction.UPDATE, RECORD_TYPE, runId, "discarded encodings deleted");
        return find(runId);
    }

    /** The overlap table of a completed run as CSV, ready for multiple systems estimation. */
    @Transactional
    public String overlapCsv(UUID runId) {
        var run = find(runId);
        if (run.status() != RunStatus.COMPLETED) {
            throw new LinkageRuleViolation(
                    "linkage.run.notCompleted", "The run has no overlap table yet: run it first.");
        }
        audit.record(AuditAction.EXPORT, RECORD_TYPE, runId, "overlap table csv");
        return run.overlap().csv();
    }

    private LinkageRun draft(UUID runId) {
        var run = runs.find(runId, true).orElseThrow(() -> new RecordNotFound(RECORD_TYPE, runId));
        if (!run.isDraft()) {
            throw new LinkageRuleViolation(
                    "linkage.run.notDraft",
                    "The run is no longer a draft: its lists cannot change and it cannot run"
                            + " again. Create a new run.");
        }
        return run;
    }

    private static UUID actorId() {
        return Actor.current().map(Actor::accountId).orElse(null);
    }
}
