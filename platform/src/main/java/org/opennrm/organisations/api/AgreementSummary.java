package org.opennrm.organisations.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An agreement in a list: whether its review is overdue is computed for today. */
record AgreementSummary(
        UUID id,
        String title,
        List<PartyEntry> parties,
        LocalDate signedOn,
        LocalDate nextReviewOn,
        boolean reviewOverdue,
        int version) {}
