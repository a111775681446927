package org.opennrm.assistance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A service delivered against a plan, by the organisation that recorded it: from when to when (open while
 * ongoing), with its outcome in words; a residence permit with its expiry date; for a permit, a compensation claim
 * or a safe return, its result as a code (null for other services and for services recorded before results were).
 */
public record DeliveredService(
        UUID id,
        UUID planId,
        ServiceType type,
        UUID providerOrganisationId,
        LocalDate startedOn,
        LocalDate endedOn,
        String outcome,
        LocalDate expiresOn,
        ServiceResult result) {

    @Override
    public String toString() {
        return "DeliveredService[" + id + " " + type + "]";
    }
}
