package org.opennrm.organisations.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.opennrm.organisations.AgreementDetails;

/**
 * The whole new state of an agreement (after an amendment or a review, with the next review date),
 * with the {@code version} it was read at.
 */
record ChangeAgreementRequest(
        @NotBlank(message = "{agreement.title.required}") @Size(max = 200, message = "{agreement.title.size}")
        String title,

        @NotBlank(message = "{agreement.scope.required}") @Size(max = 10000, message = "{agreement.scope.size}")
        String scope,

        @NotNull(message = "{agreement.parties.required}") @Size(min = 2, message = "{agreement.parties.required}")
        List<@NotNull(message = "{party.organisation.required}") @Valid PartyRequest> parties,

        @NotNull(message = "{agreement.signedOn.required}") LocalDate signedOn,

        @NotNull(message = "{agreement.nextReviewOn.required}")
        LocalDate nextReviewOn,

        @NotNull(message = "{version.missing}") Integer version) {

    AgreementDetails details() {
        return RegisterAgreementRequest.details(title, scope, parties, signedOn, nextReviewOn);
    }
}
