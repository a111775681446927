package org.opennrm.organisations.api;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.opennrm.organisations.AgreementParty;
import org.opennrm.organisations.NrmRole;

/** An organisation that is party to an agreement, and the NRM role it plays in it. */
record PartyRequest(
        @NotNull(message = "{party.organisation.required}") UUID organisationId,
        @NotNull(message = "{party.nrmRole.required}") NrmRole nrmRole) {

    AgreementParty party() {
        return new AgreementParty(organisationId, nrmRole);
    }
}
