package org.opennrm.organisations;

import java.util.UUID;
import org.opennrm.RuleViolation;

/** A reactivation asked for an organisation that is active already. */
public class OrganisationAlreadyActive extends RuleViolation {

    public OrganisationAlreadyActive(UUID organisationId) {
        super("organisation.refused.alreadyActive", "This organisation is active already.");
    }
}
