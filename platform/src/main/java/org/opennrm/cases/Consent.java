package org.opennrm.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * One consent as recorded: given or declined for a purpose (sharing: with a named organisation), by the person
 * or, for a child, by the guardian on the child's behalf; withdrawn later without the row being lost.
 */
public record Consent(
        UUID id,
        ConsentPurpose purpose,
        UUID organisationId,
        boolean given,
        boolean byGuardian,
        Instant recordedAt,
        UUID recordedBy,
        Instant withdrawnAt,
        UUID withdrawnBy) {

    public boolean inForce() {
        return given && withdrawnAt == null;
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    Consent withdrawnBy(UUID by, Instant at) {
        return new Consent(id, purpose, organisationId, given, byGuardian, recordedAt, recordedBy, at, by);
    }
}
