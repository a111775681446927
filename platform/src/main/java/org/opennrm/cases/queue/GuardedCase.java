package org.opennrm.cases.queue;

import org.opennrm.cases.CaseId;
import org.opennrm.cases.CaseStatus;
import org.opennrm.cases.DueKind;
import org.opennrm.cases.Stage;

/**
 * A child's case as its guardian finds it on their home page: the reference, where the case stands and what is due
 * next. No identity: the guardian opens the case file to see the child's name (and that read is logged).
 */
public record GuardedCase(
        CaseId caseId, String reference, CaseStatus status, Stage stage, DueKind dueKind, java.time.LocalDate dueOn) {}
