package org.opennrm.organisations;

import java.util.Set;
import java.util.UUID;

/** A partnership agreement between organisations was put on record. */
public record AgreementRegistered(UUID agreementId, Set<UUID> partyIds) {

    public AgreementRegistered {
        partyIds = Set.copyOf(partyIds);
    }
}
