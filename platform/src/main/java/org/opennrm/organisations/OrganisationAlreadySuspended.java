package org.opennrm.organisations;

import java.util.UUID;
import org.opennrm.RuleViolation;

/** A suspension asked for an organisation that is suspended already. */
public class OrganisationAlreadySuspended extends RuleViolation {

    public OrganisationAlreadySuspended(UUID organisationId) {
        super("organisation.refused.alreadySuspended", "This organisation is suspended already.");
    }
}
