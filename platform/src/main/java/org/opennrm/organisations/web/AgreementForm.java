package org.opennrm.organisations.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opennrm.organisations.Agreement;
import org.opennrm.organisations.AgreementDetails;
import org.opennrm.organisations.AgreementParty;
import org.opennrm.organisations.NrmRole;
import org.springframework.format.annotation.DateTimeFormat;

/** The agreement form as a person fills it in: any number of party rows, empty rows ignored. */
record AgreementForm(
        @NotBlank(message = "{agreement.title.required}") @Size(max = 200, message = "{agreement.title.size}")
        String title,

        @NotBlank(message = "{agreement.scope.required}") @Size(max = 10000, message = "{agreement.scope.size}")
        String scope,

        List<@Valid PartyForm> parties,

        @NotNull(message = "{agreement.signedOn.required}")
        @PastOrPresent(message = "{agreement.signedOn.future}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate signedOn,

        @NotNull(message = "{agreement.nextReviewOn.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate nextReviewOn,

        Integer version) {

    /** A new agreement starts with rows for the two parties every agreement needs. */
    static final int FIRST_ROWS = 2;

    AgreementForm {
        parties = parties == null
                ? List.of()
                : parties.stream()
                        .map(row -> row == null ? PartyForm.BLANK : row)
                        .toList();
    }

    static AgreementForm blank() {
        return new AgreementForm(
                null, null, java.util.Collections.nCopies(FIRST_ROWS, PartyForm.BLANK), null, null, null);
    }

    static AgreementForm of(Agreement agreement) {
        return new AgreementForm(
                        agreement.title(),
                        agreement.scope(),
                        agreement.parties().stream()
                                .map(party -> new PartyForm(party.organisationId(), party.nrmRole()))
                                .toList(),
                        agreement.signedOn(),
                        agreement.nextReviewOn(),
                        agreement.version())
                .withBlankPartyRow();
    }

    /** The same input with room for one more party, so that parties can be added without scripts. */
    AgreementForm withBlankPartyRow() {
        var rows =
                new ArrayList<>(parties.stream().filter(row -> !row.isBlank()).toList());
        rows.add(PartyForm.BLANK);
        while (rows.size() < FIRST_ROWS) {
            rows.add(PartyForm.BLANK);
        }
        return new AgreementForm(title, scope, rows, signedOn, nextReviewOn, version);
    }

    AgreementForm withVersion(Integer newVersion) {
        return new AgreementForm(title, scope, parties, signedOn, nextReviewOn, newVersion);
    }

    AgreementDetails details() {
        return new AgreementDetails(
                title,
                scope,
                parties.stream()
                        .filter(row -> !row.isBlank())
                        .map(row -> new AgreementParty(row.organisationId(), row.nrmRole()))
                        .toList(),
                signedOn,
                nextReviewOn);
    }

    /** One party as chosen: an organisation and the role it plays under the agreement. */
    record PartyForm(UUID organisationId, NrmRole nrmRole) {

        static final PartyForm BLANK = new PartyForm(null, null);

        boolean isBlank() {
            return organisationId == null && nrmRole == null;
        }
    }
}
