package org.opennrm.organisations;

import org.opennrm.RuleViolation;

/** Two partners with the same name (ignoring case) would be confused in every referral list. */
public class OrganisationNameTaken extends RuleViolation {

    public OrganisationNameTaken(String name) {
        super(
                "organisation.refused.nameTaken",
                "An organisation named \"" + name + "\" is already registered. Choose a name that tells them apart.",
                name);
    }
}
