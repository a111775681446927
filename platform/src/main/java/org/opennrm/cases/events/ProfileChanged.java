package org.opennrm.cases.events;

import java.time.YearMonth;
import java.util.Set;
import org.opennrm.cases.CaseId;

/**
 * A case's trafficking profile was changed after the referral (a case worker learnt more): the profile's codes as
 * they now stand, so that statistics counts the referral with what is known now. Codes only, as in
 * {@link CaseOpened}; the types of sexual exploitation and the countries of recruitment and transit are not carried
 * (statistics counts neither).
 *
 * @param changedIn the month of the change (the referral keeps its own month)
 * @param vulnerabilities {@code org.opennrm.cases.Vulnerability} names
 */
public record ProfileChanged(
        CaseId caseId,
        YearMonth changedIn,
        Set<String> exploitationForms,
        Set<String> methodsOfControl,
        Set<String> sectors,
        String recruiterRelationship,
        Set<String> exploitationCountries,
        Set<String> vulnerabilities,
        Set<String> recruitmentMethods,
        Set<String> recruitmentPlatforms) {}
