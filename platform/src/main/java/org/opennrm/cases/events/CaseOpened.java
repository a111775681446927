package org.opennrm.cases.events;

import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;
import org.opennrm.cases.AgeCategory;
import org.opennrm.cases.AgeGroup;
import org.opennrm.cases.CaseId;

/**
 * A case was opened by a referral into the NRM. Codes only: no identity. The person's gender, age band and
 * citizenships and the trafficking profile's codes are carried so that statistics can count them without
 * reading the case.
 *
 * @param personId the opaque id of the person record, so that a person with two cases is counted once among the
 *     persons that several kinds of organisation met (the lists of the hidden-number estimate)
 * @param referredIn the month of the referral
 * @param ageGroup the age band on the day of referral, null when the age is not known
 * @param sectors HTCDS {@code vic_ForcedLabourIndustry} codes (ISIC sections)
 * @param vulnerabilities the vulnerabilities stated ({@code org.opennrm.cases.Vulnerability} names such as
 *     {@code DISABILITY}), never assumed
 * @param recruitmentMethods HTCDS recruitment method codes ({@code ThroughOnlineSocialNetworks})
 * @param recruitmentPlatforms HTCDS online recruitment platform codes ({@code Telegram})
 * @param statisticsConsent whether the person (or for a child, the guardian) agreed to use in statistics; false
 *     when it was declined or not recorded
 */
public record CaseOpened(
        CaseId caseId,
        UUID personId,
        UUID referringOrganisationId,
        AgeCategory ageCategory,
        Set<String> exploitationForms,
        YearMonth referredIn,
        String gender,
        AgeGroup ageGroup,
        Set<String> citizenships,
        Set<String> methodsOfControl,
        Set<String> sectors,
        String recruiterRelationship,
        Set<String> exploitationCountries,
        Set<String> vulnerabilities,
        Set<String> recruitmentMethods,
        Set<String> recruitmentPlatforms,
        boolean statisticsConsent) {}
