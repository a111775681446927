package org.opennrm.organisations;

import java.util.UUID;
import org.opennrm.RuleViolation;

/**
 * A suspended organisation cannot join an agreement. Parties that were suspended after signing stay
 * on it, so that the agreement still shows who signed.
 */
public class PartyNotActive extends RuleViolation {

    public PartyNotActive(UUID organisationId, String name) {
        super(
                "agreement.refused.partySuspended",
                "\"" + name + "\" is suspended and cannot become a party to an agreement.",
                name);
    }
}
