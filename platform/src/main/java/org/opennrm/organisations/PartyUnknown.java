package org.opennrm.organisations;

import java.util.UUID;
import org.opennrm.RuleViolation;

/** A party to an agreement must be a registered organisation. */
public class PartyUnknown extends RuleViolation {

    public PartyUnknown(UUID organisationId) {
        super(
                "agreement.refused.partyUnknown",
                "No registered organisation has the id " + organisationId + ".",
                String.valueOf(organisationId));
    }
}
