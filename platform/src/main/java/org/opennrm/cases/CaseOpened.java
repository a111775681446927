package org.opennrm.cases;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A case was opened by a referral into the NRM. Codes only: no identity. */
public record CaseOpened(
        CaseId caseId,
        UUID referringOrganisationId,
        AgeCategory ageCategory,
        Set<String> exploitationForms,
        LocalDate referredOn,
        LocalDate preliminaryDecisionDueOn) {}
