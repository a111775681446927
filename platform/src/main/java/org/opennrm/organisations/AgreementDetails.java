package org.opennrm.organisations;

import java.time.LocalDate;
import java.util.List;

/** What the co-ordinator states about a partnership agreement when registering or changing it. */
public record AgreementDetails(
        String title, String scope, List<AgreementParty> parties, LocalDate signedOn, LocalDate nextReviewOn) {

    public AgreementDetails {
        parties = parties == null ? List.of() : List.copyOf(parties);
    }
}
