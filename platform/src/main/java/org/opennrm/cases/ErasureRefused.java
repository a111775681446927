package org.opennrm.cases;

import org.opennrm.RuleViolation;

/** An erasure that the case's legal hold, or an erasure already done, stops. */
public class ErasureRefused extends RuleViolation {

    ErasureRefused(String message) {
        super(message);
    }

    static ErasureRefused legalHold() {
        return new ErasureRefused("This case is on legal hold: it cannot be erased or removed until the hold is"
                + " released (by whoever placed it, when the proceedings that need it allow).");
    }

    static ErasureRefused alreadyErased() {
        return new ErasureRefused("This case was erased already.");
    }
}
