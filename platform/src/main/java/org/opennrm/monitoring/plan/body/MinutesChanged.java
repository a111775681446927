package org.opennrm.monitoring.plan.body;

import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Someone else saved a meeting's minutes after the version this save was made on: nothing was overwritten. The API
 * answers 409; the page shows the saved minutes and keeps what this person wrote in the form.
 */
public class MinutesChanged extends OptimisticLockingFailureException {

    MinutesChanged(UUID meetingId, int version) {
        super("The minutes of meeting " + meetingId + " were saved by someone else after version " + version);
    }
}
