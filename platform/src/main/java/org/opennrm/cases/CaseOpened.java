package org.opennrm.cases;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A case was opened by a referral into the NRM. Codes only: no identity. The person's gender, age band and
 * citizenships and the trafficking profile's codes are carried so that statistics can count them without
 * reading the case.
 *
 * @param ageGroup the age band on the day of referral, null when the age is not known
 * @param sectors HTCDS {@code vic_ForcedLabourIndustry} codes (ISIC sections)
 * @param statisticsConsent whether the person (or for a child, the guardian) agreed to use in statistics; false
 *     when it was declined or not recorded
 */
public record CaseOpened(
        CaseId caseId,
        UUID referringOrganisationId,
        AgeCategory ageCategory,
        Set<String> exploitationForms,
        LocalDate referredOn,
        LocalDate preliminaryDecisionDueOn,
        String gender,
        AgeGroup ageGroup,
        Set<String> citizenships,
        Set<String> methodsOfControl,
        Set<String> sectors,
        String recruiterRelationship,
        Set<String> exploitationCountries,
        boolean statisticsConsent) {}
