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
 * @param threshold the Dice similarity at or above which two records are taken for the same person
 * @param mergeWithinLists whether records within one list are de-duplicated at the same threshold
 * @param persons distinct persons over all lists, once completed
 * @param overlap the overlap table, once completed; null before
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
        OverlapTable overlap) {

    public LinkageRun {
        lists = lists == null ? List.of() : List.copyOf(lists);
    }

    public boolean isDraft() {
        return status == RunStatus.DRAFT;
    }

    /** Records uploaded over all lists. */
    public int records() {
        return lists.stream().mapToInt(RunList::records).sum();
    }
}
