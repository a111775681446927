package org.opennrm.monitoring.plan.body;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a meeting of the co-ordinating body decided someone does: assigned to a member organisation, due on a day,
 * optionally answering a measure of the action plan; open until it is marked done on a day.
 */
public record ActionItem(
        UUID id,
        UUID meetingId,
        LocalDate meetingOn,
        String what,
        UUID organisationId,
        LocalDate dueOn,
        UUID measureId,
        LocalDate doneOn) {

    static final int WHAT_LENGTH = 500;

    public boolean done() {
        return doneOn != null;
    }

    /** Open and past its due day. */
    public boolean overdue(LocalDate today) {
        return !done() && dueOn.isBefore(today);
    }
}
