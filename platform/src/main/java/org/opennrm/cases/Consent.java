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

    /** A consent stands while it was given and has not been withdrawn; {@link #inForceSql} is the same rule in SQL. */
    public boolean inForce() {
        return given && withdrawnAt == null;
    }

    /**
     * {@link #inForce()} as a condition on a row of {@code cases.consent} with the given alias, for queries that count
     * or filter cases by consent without loading them (the HTCDS export of many cases).
     */
    public static String inForceSql(String alias) {
        return alias + ".given and " + alias + ".withdrawn_at is null";
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    Consent withdrawnBy(UUID by, Instant at) {
        return new Consent(id, purpose, organisationId, given, byGuardian, recordedAt, recordedBy, at, by);
    }
}
