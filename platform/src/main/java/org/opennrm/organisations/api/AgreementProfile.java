package org.opennrm.organisations.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Everything on record about one agreement; {@code version} goes back in a change. */
record AgreementProfile(
        UUID id,
        String title,
        String scope,
        List<PartyEntry> parties,
        LocalDate signedOn,
        LocalDate nextReviewOn,
        boolean reviewOverdue,
        int version,
        Instant createdAt,
        Instant updatedAt) {}
