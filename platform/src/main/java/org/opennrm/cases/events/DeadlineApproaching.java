package org.opennrm.cases.events;

import java.util.UUID;
import org.opennrm.cases.CaseId;
import org.opennrm.cases.DueKind;

/**
 * A decision on a case falls due within the reminder window (working days, see {@code IdentificationSettings}): the
 * preliminary decision, or the formal one, due when the recovery and reflection period ends. Announced once per
 * case, kind and due day.
 *
 * @param reminderId the reminder's own id: the same reminder delivered twice has the same id
 * @param workingDaysLeft working days from the day of the reminder to the deadline (0 when it is due that day)
 */
public record DeadlineApproaching(UUID reminderId, CaseId caseId, DueKind kind, int workingDaysLeft) {}
