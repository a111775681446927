package org.opennrm.cases;

import org.opennrm.RuleViolation;

/** An erasure that the case's legal hold, or an erasure already done, stops. */
public class ErasureRefused extends RuleViolation {

    ErasureRefused(String messageKey, String english, Object... arguments) {
        super(messageKey, english, arguments);
    }

    static ErasureRefused legalHold() {
        return new ErasureRefused(
                "caseErasure.refused.legalHold",
                "This case is on legal hold: it cannot be erased or removed until the hold is"
                        + " released (by whoever placed it, when the proceedings that need it allow).");
    }

    static ErasureRefused alreadyErased() {
        return new ErasureRefused("caseErasure.refused.alreadyErased", "This case was erased already.");
    }
}
