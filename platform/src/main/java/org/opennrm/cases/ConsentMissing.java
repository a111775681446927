package org.opennrm.cases;

/** An adult referred without consent to assistance, or a consent to withdraw that is not in force. */
public class ConsentMissing extends CaseRuleViolation {

    ConsentMissing(String messageKey, String message) {
        super(messageKey, message);
    }

    static ConsentMissing forAssistance() {
        return new ConsentMissing(
                "caseRule.consentForAssistance",
                "An adult is referred only with their consent to assistance. If they decline, send an anonymous"
                        + " notification instead.");
    }

    static ConsentMissing notInForce() {
        return new ConsentMissing(
                "caseRule.consentNotInForce", "No consent for this purpose is in force on this case.");
    }

    static ConsentMissing sharingWithoutOrganisation() {
        return new ConsentMissing(
                "caseRule.sharingNeedsOrganisation",
                "Consent to sharing is given for a named organisation: choose one.");
    }
}
