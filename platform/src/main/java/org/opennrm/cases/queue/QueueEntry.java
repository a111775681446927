package org.opennrm.cases.queue;

import java.time.LocalDate;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.DueKind;
import org.opennrm.cases.Stage;

/**
 * One line of the NRM queue: an open case, what is due next and by when. No identity: the reference is what
 * case managers and identification officers quote.
 *
 * @param workingDaysLeft working days from today to the due date; negative when overdue
 * @param overdue the due date has passed
 */
public record QueueEntry(
        CaseId caseId,
        String reference,
        Stage stage,
        AgeCategory ageCategory,
        DueKind dueKind,
        LocalDate dueOn,
        LocalDate referredOn,
        LocalDate recoveryEndsOn,
        int workingDaysLeft,
        boolean overdue) {}
