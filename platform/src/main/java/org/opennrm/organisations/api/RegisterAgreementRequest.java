package org.opennrm.organisations.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.opennrm.organisations.AgreementDetails;

/** A signed partnership agreement to put on record. Dates are ISO dates ({@code 2026-03-31}). */
record RegisterAgreementRequest(
        @NotBlank(message = "{agreement.title.required}") @Size(max = 200, message = "{agreement.title.size}")
        String title,

        @NotBlank(message = "{agreement.scope.required}") @Size(max = 10000, message = "{agreement.scope.size}")
        String scope,

        @NotNull(message = "{agreement.parties.required}") @Size(min = 2, message = "{agreement.parties.required}")
        List<@NotNull(message = "{party.organisation.required}") @Valid PartyRequest> parties,

        @NotNull(message = "{agreement.signedOn.required}") LocalDate signedOn,

        @NotNull(message = "{agreement.nextReviewOn.required}")
        LocalDate nextReviewOn) {

    AgreementDetails details() {
        return details(title, scope, parties, signedOn, nextReviewOn);
    }

    static AgreementDetails details(
            String title, String scope, List<PartyRequest> parties, LocalDate signedOn, LocalDate nextReviewOn) {
        return new AgreementDetails(
                title, scope, parties.stream().map(PartyRequest::party).toList(), signedOn, nextReviewOn);
    }
}
