package org.opennrm.cases.queue;

/**
 * What the NRM has on its desk today, in counts: the head of an NRM staff member's home page. Counts only, no
 * reference or identity: the person follows the link to the queue to see which cases.
 *
 * @param overdue open cases whose decision is past its due date
 * @param dueSoon open cases whose decision is due from today up to the reminder horizon
 * @param openedRecently cases opened in the last seven days (new referrals to the NRM)
 * @param open all open cases
 */
public record WorkSummary(long overdue, long dueSoon, long openedRecently, long open) {

    public boolean nothingDue() {
        return overdue == 0 && dueSoon == 0;
    }
}
