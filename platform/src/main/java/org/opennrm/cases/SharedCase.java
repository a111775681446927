package org.opennrm.cases;

import java.util.Set;

/**
 * A case as a service provider sees it through a referral: only the fields of the scopes shared; the others are
 * null or empty. Never holds the circumstances, decisions, consents or the criminal-justice track.
 */
public record SharedCase(
        CaseId caseId,
        String reference,
        CaseStatus status,
        Set<SharingScope> scopes,
        String givenName,
        String familyName,
        Set<String> languages,
        String gender,
        AgeCategory ageCategory,
        Set<String> exploitationForms) {

    public boolean shows(SharingScope scope) {
        return scopes.contains(scope);
    }

    @Override
    public String toString() {
        return "SharedCase[" + caseId + " " + scopes + "]";
    }
}
