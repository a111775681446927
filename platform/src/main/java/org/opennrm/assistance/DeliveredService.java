package org.opennrm.assistance;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A service delivered against a plan, by the organisation that recorded it: from when to when (open while
 * ongoing), with its outcome; a residence permit with its expiry date.
 */
public record DeliveredService(
        UUID id,
        UUID planId,
        ServiceType type,
        UUID providerOrganisationId,
        LocalDate startedOn,
        LocalDate endedOn,
        String outcome,
        LocalDate expiresOn) {

    @Override
    public String toString() {
        return "DeliveredService[" + id + " " + type + "]";
    }
}
