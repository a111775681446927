package org.opennrm.organisations;

import java.util.UUID;

/** A suspended partner organisation takes part in the NRM again. */
public record OrganisationReactivated(UUID organisationId) {}
