package org.opennrm.linkage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A linkage run between agencies' lists. It starts as a draft, to which each agency's encodings are uploaded;
 * running it links the lists, stores the overlap table and deletes the encodings, which completes it. A draft can
 * be discarded instead, which deletes its encodings too. What stays is who, when, which lists, the threshold and
 * the counts.
 *
 * @param threshold as chosen when the run was made: the match probability at or above which two records are taken
 *     for the same person when every list has field encodings, otherwise the Dice similarity
 * @param mergeWithinLists whether records within one list are de-duplicated at the same threshold
 * @param persons distinct persons over all lists, once completed
 * @param overlap the overlap table, once completed; null before
 * @param model how the completed run linked; null before
 * @param diceThreshold the Dice similarity the completed run used when it linked record by record; null otherwise
 * @param modelFallback why the field-aware model could not be estimated, when the run fell back from it
 * @param quality what the field-aware model expects of each linkage it made; empty otherwise
 */
@NamedInterface("runs")
public record LinkageRun(
        UUID id,
        String name,
        double threshold,
        boolean mergeWithinLists,
        RunStatus status,
        UUID createdBy,
        Instant createdAt,
        UUID completedBy,
        Instant completedAt,
        Integer persons,
        int version,
        List<RunList> lists,
        OverlapTable overlap,
        LinkageModel model,
        Double diceThreshold,
        String modelFallback,
        List<RunQuality> quality) {

    public LinkageRun {
        lists = lists == null ? List.of() : List.copyOf(lists);
        quality = quality == null ? List.of() : List.copyOf(quality);
    }

    /**
     * The model a run of the lists uploaded so far would use: the field-aware model when there are lists and every
     * one has field encodings, else the record-level score. For a completed run, the model it used.
     */
    public LinkageModel plannedModel() {
        if (model != null) {
            return model;
        }
        return !lists.isEmpty() && lists.stream().allMatch(RunList::fields) ? LinkageModel.FIELD : LinkageModel.RECORD;
    }

    /** The label of the list at {@code position}. */
    public String label(int position) {
        return lists.get(position).label();
    }

    public boolean isDraft() {
        return status == RunStatus.DRAFT;
    }

    /** Records uploaded over all lists. */
    public int records() {
        return lists.stream().mapToInt(RunList::records).sum();
    }
}
