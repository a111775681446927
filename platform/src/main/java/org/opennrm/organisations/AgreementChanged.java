package org.opennrm.organisations;

import java.util.Set;
import java.util.UUID;

/** A partnership agreement was changed: parties, scope, dates (a review moves the next review date). */
public record AgreementChanged(UUID agreementId, Set<UUID> partyIds) {

    public AgreementChanged {
        partyIds = Set.copyOf(partyIds);
    }
}
